/* The access log: what the store logs by itself, the chain, and the pruning. */
#include "config.h"

#include <sqlite3.h>

#include "placements-audit-log.h"
#include "placements-record-types.h"
#include "placements-test-utils.h"

#define ORG "00000000-0000-4000-8000-000000000001"
#define CLIENT "00000000-0000-4000-8000-000000000002"
#define NOTE "00000000-0000-4000-8000-000000000003"

static PlacementsStore *
open_fresh (char **folder_out,
            char **path_out)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "audit.db", NULL);
  PlacementsStore *store = placements_test_open_store (path);

  *folder_out = g_steal_pointer (&folder);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return store;
}

static void
assert_intact (PlacementsStore *store,
               gint64           expected)
{
  g_autoptr(PlacementsAuditEntry) broken = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_checked = -1;

  g_assert_true (placements_audit_log_verify (store, &n_checked, &broken, &error));
  g_assert_no_error (error);
  g_assert_null (broken);
  if (expected >= 0)
    g_assert_cmpint (n_checked, ==, expected);
}

static void
test_writes_are_logged (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(PlacementsStore) store = open_fresh (&folder, NULL);
  g_autoptr(PlacementsRecord) client = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) about_client = NULL;
  g_autoptr(GError) error = NULL;
  PlacementsAuditEntry *entry;

  g_set_prgname ("test-audit-log");
  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, ORG, "name", "Zorggroep",
                            "kind", "care-provider", "country", "nl", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_CLIENT, CLIENT, "given-name", "Jan",
                            "family-name", "de Vries", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_PROGRESS_NOTE, NOTE,
                            "client-uuid", CLIENT, "date", "2026-01-02",
                            "kind", "progress-talk", "text", "Gaat goed", NULL);
  client = placements_store_load (store, PLACEMENTS_TYPE_CLIENT, CLIENT, &error);
  g_assert_no_error (error);
  placements_record_set_field_text (client, "given-name", "Johan", &error);
  g_assert_no_error (error);
  g_assert_true (placements_store_save (store, client, &error));
  g_assert_true (placements_store_write_client_audit_event (store, PLACEMENTS_AUDIT_ACTION_OPEN,
                                                            "client", CLIENT, CLIENT, NULL,
                                                            &error));
  g_assert_no_error (error);

  entries = placements_audit_log_list (store, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 5);
  entry = g_ptr_array_index (entries, 0);
  g_assert_cmpstr (entry->action, ==, "create");
  g_assert_cmpstr (entry->record_kind, ==, "organisation");
  g_assert_null (entry->client_uuid);
  g_assert_cmpstr (entry->os_user, ==, g_get_user_name ());
  g_assert_cmpstr (entry->program, ==, "test-audit-log");
  entry = g_ptr_array_index (entries, 2);
  g_assert_cmpstr (entry->action, ==, "create");
  g_assert_cmpstr (entry->record_uuids, ==, NOTE);
  g_assert_cmpstr (entry->client_uuid, ==, CLIENT);
  entry = g_ptr_array_index (entries, 3);
  g_assert_cmpstr (entry->action, ==, "change");
  g_assert_cmpstr (entry->client_uuid, ==, CLIENT);
  entry = g_ptr_array_index (entries, 4);
  g_assert_cmpstr (entry->action, ==, "open");

  about_client = placements_audit_log_list (store, CLIENT, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (about_client->len, ==, 4);

  /* What a client's page shows: the newest first, as many as asked, and how many in all. */
  {
    g_autoptr(GPtrArray) recent = NULL;
    guint n_total = 0;

    recent = placements_audit_log_list_recent (store, CLIENT, 2, &n_total, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (n_total, ==, 4);
    g_assert_cmpuint (recent->len, ==, 2);
    g_assert_cmpstr (((PlacementsAuditEntry *) recent->pdata[0])->action, ==, "open");
    g_assert_cmpstr (((PlacementsAuditEntry *) recent->pdata[1])->action, ==, "change");
    g_assert_cmpint (((PlacementsAuditEntry *) recent->pdata[0])->id, ==,
                     ((PlacementsAuditEntry *) about_client->pdata[3])->id);
    g_assert_null (((PlacementsAuditEntry *) recent->pdata[0])->record_uuids);
    g_clear_pointer (&recent, g_ptr_array_unref);
    recent = placements_audit_log_list_recent (store, CLIENT, 50, &n_total, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (recent->len, ==, 4);
    g_assert_cmpuint (n_total, ==, 4);
  }

  /* The names never enter the log: it outlives an erasure. */
  for (guint i = 0; i < entries->len; i++)
    {
      entry = g_ptr_array_index (entries, i);
      g_assert_null (g_strstr_len (entry->detail != NULL ? entry->detail : "", -1, "Vries"));
    }
  assert_intact (store, 5);
  placements_test_remove_folder (folder);
}

static void
test_append_only (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(PlacementsStore) store = open_fresh (&folder, NULL);
  sqlite3 *db = placements_store_get_connection (store);

  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, ORG, "name", "Zorggroep",
                            "kind", "care-provider", "country", "nl", NULL);
  sqlite3_extended_result_codes (db, 1);
  g_assert_cmpint (sqlite3_exec (db, "UPDATE audit_event SET os_user = 'x'", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT_TRIGGER);
  g_assert_cmpint (sqlite3_exec (db, "DELETE FROM audit_event", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT_TRIGGER);
  /* The CHECK on action refuses what no action is. */
  sqlite3_extended_result_codes (db, 1);
  g_assert_cmpint (sqlite3_exec (db, "INSERT INTO audit_event (id, uuid, created, updated, at, "
                                 "os_user, action, hash) VALUES (2, "
                                 "'00000000-0000-4000-8000-000000000009', 'a', 'a', 'a', 'u', "
                                 "'bogus', printf ('%064d', 0))", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT_CHECK);
  assert_intact (store, 1);
  placements_test_remove_folder (folder);
}

static void
test_prune_keeps_chain (void)
{
  g_autofree char *folder = NULL;
  g_autoptr(PlacementsStore) store = open_fresh (&folder, NULL);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  PlacementsAuditEntry *last;
  gint64 n_pruned = -1;

  for (int i = 0; i < 10; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("00000000-0000-4000-8000-0000000001%02d", i);

      placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, uuid, "name", "Org",
                                "kind", "funder", "country", "be", NULL);
    }
  /* Everything is "old" before the year 3000, but the newest entry stays. */
  g_assert_true (placements_audit_log_prune (store, "3000-01-01", &n_pruned, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_pruned, ==, 9);
  entries = placements_audit_log_list (store, NULL, NULL, &error);
  g_assert_cmpuint (entries->len, ==, 2);
  last = g_ptr_array_index (entries, 1);
  g_assert_cmpstr (last->action, ==, "prune");
  g_assert_true (g_str_has_prefix (last->detail, "through-id=9 anchor="));
  assert_intact (store, 2);

  /* The trigger is back. */
  g_assert_cmpint (sqlite3_exec (placements_store_get_connection (store),
                                 "DELETE FROM audit_event", NULL, NULL, NULL),
                   ==, SQLITE_CONSTRAINT_TRIGGER);

  /* A second pruning anchors on the first's, and the log goes on. */
  g_assert_true (placements_audit_log_prune (store, "3000-01-01", &n_pruned, &error));
  g_assert_cmpint (n_pruned, ==, 1);
  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, ORG, "name", "Zorggroep",
                            "kind", "care-provider", "country", "nl", NULL);
  assert_intact (store, 3);

  /* Nothing old: the pruning removes nothing and is still logged. */
  g_assert_true (placements_audit_log_prune (store, "2000-01-01", &n_pruned, &error));
  g_assert_cmpint (n_pruned, ==, 0);
  assert_intact (store, 4);
  placements_test_remove_folder (folder);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/audit-log/writes-are-logged", test_writes_are_logged);
  g_test_add_func ("/audit-log/append-only", test_append_only);
  g_test_add_func ("/audit-log/prune-keeps-chain", test_prune_keeps_chain);
  return g_test_run ();
}
