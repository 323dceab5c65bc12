#define G_LOG_DOMAIN "placements-test-deletion"

#include "config.h"

#include <signal.h>
#include <string.h>

#include "placements-audit-log.h"
#include "placements-deletion.h"
#include "placements-error.h"
#include "placements-placement-steps.h"
#include "placements-record-types.h"
#include "placements-test-utils.h"

/*
 * A delete that can be undone: what goes with a record, what only loses a reference to it,
 * what holds it; undo brings back exactly what was there; only the final delete is audited.
 */

#define ORGANISATION "11111111-1111-4111-8111-111111111111"
#define PERSON "22222222-2222-4222-8222-222222222222"
#define CLIENT "33333333-3333-4333-8333-333333333333"
#define OTHER_CLIENT "44444444-4444-4444-8444-444444444444"
#define WORKPLACE "55555555-5555-4555-8555-555555555555"
#define PLACEMENT "66666666-6666-4666-8666-666666666666"
#define STEP "77777777-7777-4777-8777-777777777777"
#define CONSENT "88888888-8888-4888-8888-888888888888"
#define NOTE "99999999-9999-4999-8999-999999999999"

typedef struct
{
  char            *folder;
  PlacementsStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->folder = placements_test_make_folder ();
  path = g_build_filename (fixture->folder, "placements.db", NULL);
  fixture->store = placements_test_open_store (path);

  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_ORGANISATION, ORGANISATION,
                            "name", "Zorggroep De Linde", "kind", "care-provider",
                            "country", "nl", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PERSON, PERSON,
                            "given-name", "Noor", "family-name", "de Vries",
                            "organisation-uuid", ORGANISATION, NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_CLIENT, CLIENT,
                            "given-name", "Anouk", "family-name", "Bakker",
                            "care-organisation-uuid", ORGANISATION, NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_CLIENT, OTHER_CLIENT,
                            "family-name", "Jansen", "care-organisation-uuid", ORGANISATION,
                            NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_WORKPLACE, WORKPLACE,
                            "name", "Inpakafdeling", "host-organisation-uuid", ORGANISATION,
                            "capacity", "6", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PLACEMENT, PLACEMENT,
                            "client-uuid", CLIENT, "workplace-uuid", WORKPLACE,
                            "start-date", "2026-02-01", "supervisor-uuid", PERSON, NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_LADDER_STEP, STEP,
                            "client-uuid", CLIENT, "date", "2026-01-15", "rung", "3",
                            "assessed-by-uuid", PERSON, NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_CONSENT, CONSENT,
                            "client-uuid", CLIENT, "receiver-uuid", ORGANISATION,
                            "purpose", "placement", "data-categories", "identity",
                            "given-by", "client", "given-date", "2026-01-10", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PROGRESS_NOTE, NOTE,
                            "client-uuid", CLIENT, "date", "2026-01-20", "kind", "progress-talk",
                            "text", "Gaat goed", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  placements_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
}

static gpointer
load (Fixture    *fixture,
      GType       type,
      const char *uuid)
{
  g_autoptr(GError) error = NULL;
  gpointer record = placements_store_load (fixture->store, type, uuid, &error);

  g_assert_no_error (error);
  return record;
}

static char *
query (Fixture    *fixture,
       const char *sql)
{
  return placements_test_query_text (fixture->store, sql);
}

static void
assert_query (Fixture    *fixture,
              const char *sql,
              const char *expected)
{
  g_autofree char *text = query (fixture, sql);

  g_assert_cmpstr (text, ==, expected);
}

/* The records of every kind the fixture has, every column but the row id, in UUID order. */
static char *
dump_records (Fixture *fixture)
{
  const char *tables[] = {
    "organisation", "person", "client", "workplace", "placement", "ladder_step", "consent",
    "progress_note",
  };
  g_autoptr(GString) dump = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *kind = g_strdelimit (g_strdup (tables[i]), "_", '-');
      g_autoptr(PlacementsRecordClass) klass =
        g_type_class_ref (placements_store_find_record_type (kind));
      g_autofree char *sql = NULL;
      g_autoptr(GString) columns = g_string_new ("uuid || '|' || created || '|' || updated");
      g_autofree char *rows = NULL;

      for (guint j = 0; j < placements_record_class_get_n_fields (klass); j++)
        g_string_append_printf (columns, " || '|' || ifnull(%s, '-')",
                                placements_record_class_get_field (klass, j)->column);
      sql = g_strdup_printf ("SELECT group_concat(line, '\n') FROM (SELECT %s AS line "
                             "FROM %s ORDER BY uuid)", columns->str, tables[i]);
      rows = query (fixture, sql);
      g_string_append_printf (dump, "%s:\n%s\n", tables[i], rows != NULL ? rows : "");
    }
  return g_string_free (g_steal_pointer (&dump), FALSE);
}

static void
test_undo_brings_back_everything (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(PlacementsRecord) client = load (fixture, PLACEMENTS_TYPE_CLIENT, CLIENT);
  g_autofree char *before = dump_records (fixture);
  g_autofree char *after = NULL;
  g_autoptr(PlacementsDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;

  deletion = placements_deletion_new (fixture->store, client, &error);
  g_assert_no_error (error);
  g_assert_true (placements_deletion_is_pending (deletion));

  /* Gone at once, with what was the client's. */
  assert_query (fixture, "SELECT count(*) FROM client", "1");
  assert_query (fixture, "SELECT count(*) FROM placement", "0");
  assert_query (fixture, "SELECT count(*) FROM ladder_step", "0");
  assert_query (fixture, "SELECT count(*) FROM consent", "0");
  assert_query (fixture, "SELECT count(*) FROM progress_note", "0");
  g_assert_cmpuint (placements_deletion_get_n_deleted (deletion), ==, 5);
  /* Logged with the delete, in its transaction: were the app killed while the undo is
   * offered, the log would still know. */
  assert_query (fixture, "SELECT count(*) FROM audit_event WHERE action = 'delete'", "1");

  placements_deletion_undo (deletion, &error);
  g_assert_no_error (error);
  g_assert_false (placements_deletion_is_pending (deletion));

  /* Every record back, as it was: same fields, same created and updated stamps (the row
   * ids are new). */
  after = dump_records (fixture);
  g_assert_cmpstr (after, ==, before);
  assert_query (fixture, "SELECT count(*) FROM client", "2");
  assert_query (fixture, "SELECT count(*) FROM placement WHERE supervisor_uuid = '" PERSON "'",
                "1");
  assert_query (fixture, "SELECT rung FROM ladder_step WHERE uuid = '" STEP "'", "3");
  assert_query (fixture, "SELECT text FROM progress_note", "Gaat goed");
  /* The undo is logged too, naming the same records; nothing more when the deletion
   * goes. */
  assert_query (fixture, "SELECT count(*) FROM audit_event WHERE action = 'create' "
                "AND detail = 'undo-delete' AND record_uuids = "
                "(SELECT record_uuids FROM audit_event WHERE action = 'delete')", "1");
  g_clear_object (&deletion);
  assert_query (fixture, "SELECT count(*) FROM audit_event WHERE action = 'delete'", "1");
  assert_query (fixture, "SELECT count(*) FROM audit_event WHERE detail = 'undo-delete'", "1");
}

static void
test_finish_audits (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(PlacementsRecord) client = load (fixture, PLACEMENTS_TYPE_CLIENT, CLIENT);
  g_autoptr(PlacementsDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuids = NULL;

  deletion = placements_deletion_new (fixture->store, client, &error);
  g_assert_no_error (error);
  placements_deletion_finish (deletion, &error);
  g_assert_no_error (error);
  g_assert_false (placements_deletion_is_pending (deletion));

  assert_query (fixture, "SELECT count(*) FROM audit_event WHERE action = 'delete'", "1");
  assert_query (fixture, "SELECT record_kind FROM audit_event WHERE action = 'delete'", "client");
  uuids = query (fixture, "SELECT record_uuids FROM audit_event WHERE action = 'delete'");
  g_assert_nonnull (strstr (uuids, CLIENT));
  g_assert_nonnull (strstr (uuids, CONSENT));
  g_assert_nonnull (strstr (uuids, PLACEMENT));
  assert_query (fixture, "SELECT count(*) FROM client", "1");
}

static void
test_dropped_is_final (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PlacementsRecord) note = load (fixture, PLACEMENTS_TYPE_PROGRESS_NOTE, NOTE);
  g_autoptr(GError) error = NULL;
  PlacementsDeletion *deletion;

  deletion = placements_deletion_new (fixture->store, note, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (placements_deletion_get_n_deleted (deletion), ==, 1);
  g_object_unref (deletion);
  assert_query (fixture, "SELECT count(*) FROM audit_event WHERE action = 'delete'", "1");
  assert_query (fixture, "SELECT count(*) FROM progress_note", "0");
}

static void
test_undo_restores_references (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(PlacementsRecord) person = load (fixture, PLACEMENTS_TYPE_PERSON, PERSON);
  g_autoptr(PlacementsDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = dump_records (fixture);
  g_autofree char *after = NULL;

  /* The person assessed a ladder step and supervises a placement: those stay, without
   * the person. */
  deletion = placements_deletion_new (fixture->store, person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (placements_deletion_get_n_deleted (deletion), ==, 1);
  assert_query (fixture, "SELECT assessed_by_uuid FROM ladder_step", NULL);
  assert_query (fixture, "SELECT supervisor_uuid FROM placement", NULL);

  placements_deletion_undo (deletion, &error);
  g_assert_no_error (error);
  assert_query (fixture, "SELECT assessed_by_uuid FROM ladder_step", PERSON);
  assert_query (fixture, "SELECT supervisor_uuid FROM placement", PERSON);
  after = dump_records (fixture);
  g_assert_cmpstr (after, ==, before);
}

static void
test_refused_when_held (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PlacementsRecord) organisation = load (fixture, PLACEMENTS_TYPE_ORGANISATION,
                                                   ORGANISATION);
  g_autofree char *before = placements_test_dump_database (fixture->store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  PlacementsDeletion *deletion;

  /* Refused before anything is written. */
  deletion = placements_deletion_new (fixture->store, organisation, &error);
  g_assert_null (deletion);
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IN_USE);
  /* The message names the record and what holds it, counted. */
  g_assert_nonnull (strstr (error->message, "Zorggroep De Linde"));
  g_assert_nonnull (strstr (error->message, "2 clients"));
  g_assert_nonnull (strstr (error->message, "1 person"));
  g_assert_nonnull (strstr (error->message, "1 workplace"));
  /* Every record back, as it was: same fields, same created and updated stamps (the row
   * ids are new). */
  after = placements_test_dump_database (fixture->store);
  g_assert_cmpstr (after, ==, before);

  /* A record nothing holds may go. */
  g_clear_error (&error);
  {
    g_autoptr(PlacementsRecord) workplace = load (fixture, PLACEMENTS_TYPE_WORKPLACE,
                                                  WORKPLACE);

    g_assert_false (placements_store_check_deletable (fixture->store, workplace, NULL));
  }
  {
    g_autoptr(PlacementsRecord) client = load (fixture, PLACEMENTS_TYPE_CLIENT, OTHER_CLIENT);

    g_assert_true (placements_store_check_deletable (fixture->store, client, &error));
    g_assert_no_error (error);
  }
}

/* The child: deletes the client, then dies as a crash would, while the undo is offered. */
static void
test_killed_while_undoable_child (void)
{
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(PlacementsRecord) client = NULL;
  PlacementsDeletion *deletion;
  g_autoptr(GError) error = NULL;

  if (!g_test_subprocess ())
    return;
  store = placements_test_open_store (g_getenv ("TEST_DELETION_DB"));
  client = placements_store_load (store, PLACEMENTS_TYPE_CLIENT, CLIENT, &error);
  g_assert_no_error (error);
  deletion = placements_deletion_new (store, client, &error);
  g_assert_no_error (error);
  g_assert_true (placements_deletion_is_pending (deletion));
  raise (SIGKILL);
}

/* Killed while the undo is offered: the delete stays, and so does its audit entry. */
static void
test_killed_while_undoable (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "placements.db", NULL);
  gint64 n_checked = 0;
  g_autoptr(PlacementsAuditEntry) broken = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuids = NULL;

  g_setenv ("TEST_DELETION_DB", path, TRUE);
  g_test_trap_subprocess ("/deletion/killed-while-undoable/subprocess", 0, 0);
  g_test_trap_assert_failed ();

  assert_query (fixture, "SELECT count(*) FROM client WHERE uuid = '" CLIENT "'", "0");
  assert_query (fixture, "SELECT count(*) FROM placement", "0");
  assert_query (fixture, "SELECT count(*) FROM audit_event WHERE action = 'delete'", "1");
  uuids = query (fixture, "SELECT record_uuids FROM audit_event WHERE action = 'delete'");
  g_assert_nonnull (strstr (uuids, CLIENT));
  g_assert_nonnull (strstr (uuids, PLACEMENT));
  g_assert_true (placements_audit_log_verify (fixture->store, &n_checked, &broken, &error));
  g_assert_no_error (error);
  g_assert_null (broken);
}

/* A placement's steps are not records but its history: the schema deletes them with it,
 * and the undo writes them back as they were (same rows, same dates, same warnings). */
static void
test_undo_brings_back_history (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *steps_sql = "SELECT group_concat (id || ' ' || placement_uuid || ' ' || status"
                          " || ' ' || date || ' ' || recorded || ' ' || ifnull (warnings, '-'),"
                          " ',') FROM (SELECT * FROM placement_step ORDER BY id)";
  g_autoptr(PlacementsRecord) client = load (fixture, PLACEMENTS_TYPE_CLIENT, CLIENT);
  g_autoptr(PlacementsDeletion) deletion = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (placements_placement_record_step (fixture->store, PLACEMENT,
                                                   PLACEMENTS_PLACEMENT_STATUS_REGISTERED,
                                                   "2026-02-01", &error));
  g_assert_true (placements_placement_record_step (fixture->store, PLACEMENT,
                                                   PLACEMENTS_PLACEMENT_STATUS_ACTIVE,
                                                   "2026-03-01", &error));
  g_assert_no_error (error);
  placements_test_execute_elsewhere (fixture->store,
                                     "UPDATE placement_step SET warnings = 'over-capacity'"
                                     " WHERE status = 'active'");
  before = query (fixture, steps_sql);
  g_assert_nonnull (before);

  deletion = placements_deletion_new (fixture->store, client, &error);
  g_assert_no_error (error);
  assert_query (fixture, "SELECT count(*) FROM placement_step", "0");

  g_assert_true (placements_deletion_undo (deletion, &error));
  g_assert_no_error (error);
  after = query (fixture, steps_sql);
  g_assert_cmpstr (after, ==, before);

  /* Deleted for good, the history goes with the placement and stays gone. */
  g_clear_object (&deletion);
  deletion = placements_deletion_new (fixture->store, client, &error);
  g_assert_no_error (error);
  g_assert_true (placements_deletion_finish (deletion, &error));
  assert_query (fixture, "SELECT count(*) FROM placement_step", "0");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/deletion/undo/brings-back-everything", test_undo_brings_back_everything);
  ADD ("/deletion/undo/restores-references", test_undo_restores_references);
  ADD ("/deletion/undo/brings-back-history", test_undo_brings_back_history);
  ADD ("/deletion/finish/audits", test_finish_audits);
  ADD ("/deletion/finish/when-dropped", test_dropped_is_final);
  ADD ("/deletion/refused-when-held", test_refused_when_held);
  ADD ("/deletion/killed-while-undoable", test_killed_while_undoable);
  g_test_add_func ("/deletion/killed-while-undoable/subprocess",
                   test_killed_while_undoable_child);

#undef ADD

  return g_test_run ();
}
