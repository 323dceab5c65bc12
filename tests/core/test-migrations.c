#define G_LOG_DOMAIN "test-migrations"

#include "config.h"

#include <sqlite3.h>

#include <glib/gstdio.h>

#include "placements-record-list.h"
#include "placements-record-types.h"
#include "placements-store.h"
#include "placements-test-utils.h"

/*
 * Databases written by the code of their time (see fixtures/migrations/README):
 * schema 1 by commit 24c15b4, made from the text of 20 demo clients; schema 2 by
 * commit 8bc9411's `placements-cli demo --clients 20 --seed 2`. Each is copied,
 * opened (which migrates it) and checked: the data survived, every index agrees
 * with its table, and the schema is that of a new database.
 */

#define YILMAZ "959c3c0a-0c10-40d5-b2f5-3bf599724885"
#define VDAB_KORTRIJK "e367dfd4-fe6d-45da-b0f2-0b57f877f396"

typedef struct
{
  char            *folder;
  PlacementsStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *name = data;
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "fixtures", "migrations",
                                                   name, NULL);
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  fixture->folder = placements_test_make_folder ();
  path = g_build_filename (fixture->folder, name, NULL);
  /* Never the fixture itself: opening migrates. */
  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents_full (path, contents, (gssize) length, G_FILE_SET_CONTENTS_NONE, 0600,
                            &error);
  g_assert_no_error (error);

  fixture->store = placements_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  placements_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
}

static gint64
query_count (PlacementsStore *store,
             const char      *sql)
{
  g_autofree char *text = placements_test_query_text (store, sql);

  g_assert_nonnull (text);
  return g_ascii_strtoll (text, NULL, 10);
}

static guint
count_search (PlacementsStore *store,
              GType            type,
              const char      *text)
{
  g_autoptr(PlacementsRecordList) list = placements_record_list_new (store, type);

  placements_record_list_set_search_text (list, text);
  return g_list_model_get_n_items (G_LIST_MODEL (list));
}

/* Tables, indexes, triggers and their columns, whatever the order of the columns. */
static char *
schema_signature (PlacementsStore *store)
{
  return placements_test_query_text (store,
    "SELECT group_concat(line, char(10)) FROM ("
    "  SELECT m.type || ' ' || m.name || ' on ' || m.tbl_name || ': ' ||"
    "    coalesce((SELECT group_concat(name, ',') FROM"
    "                (SELECT name FROM pragma_table_info(m.name) ORDER BY name)), '') ||"
    "    coalesce((SELECT group_concat(name, ',') FROM pragma_index_info(m.name)), '') AS line"
    "  FROM sqlite_master AS m WHERE m.name NOT LIKE 'sqlite_%' ORDER BY m.type, m.name)");
}

static void
test_data_survives (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(PlacementsClient) client = NULL;
  g_autoptr(PlacementsOrganisation) vdab = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kind = NULL;
  const char *tables[] = { "client", "person", "organisation", "workplace", "pilot" };

  g_assert_cmpint (placements_store_get_schema_version (fixture->store), ==,
                   placements_store_get_latest_schema_version ());

  g_assert_true (placements_store_check (fixture->store, &problems, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);

  /* What the old code wrote, all of it. */
  g_assert_cmpint (placements_store_count (fixture->store, PLACEMENTS_TYPE_ORGANISATION), ==, 15);
  g_assert_cmpint (placements_store_count (fixture->store, PLACEMENTS_TYPE_PERSON), ==, 36);
  g_assert_cmpint (placements_store_count (fixture->store, PLACEMENTS_TYPE_CLIENT), ==, 20);
  g_assert_cmpint (placements_store_count (fixture->store, PLACEMENTS_TYPE_WORKPLACE), ==, 10);
  g_assert_cmpint (placements_store_count (fixture->store, PLACEMENTS_TYPE_PLACEMENT), ==, 21);
  g_assert_cmpint (placements_store_count (fixture->store, PLACEMENTS_TYPE_PROGRESS_NOTE), ==,
                   40);
  g_assert_cmpint (placements_store_count (fixture->store, PLACEMENTS_TYPE_CONSENT), ==, 39);
  g_assert_cmpint (placements_store_count (fixture->store, PLACEMENTS_TYPE_AUDIT_EVENT), ==, 39);

  client = placements_store_load (fixture->store, PLACEMENTS_TYPE_CLIENT, YILMAZ, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (placements_client_get_given_name (client), ==, "Joris");
  g_assert_cmpstr (placements_client_get_family_name (client), ==, "Yılmaz");
  g_assert_cmpstr (placements_client_get_date_of_birth (client), ==, "1998-02-03");

  vdab = placements_store_load (fixture->store, PLACEMENTS_TYPE_ORGANISATION, VDAB_KORTRIJK,
                                &error);
  g_assert_no_error (error);
  kind = placements_record_dup_field_label (PLACEMENTS_RECORD (vdab), "kind");
  g_assert_cmpstr (kind, ==, "VDAB");

  /* Sort keys and the folded search text, computed again for every row... */
  g_assert_cmpint (query_count (fixture->store,
                                "SELECT count(*) FROM client WHERE sort_key IS NOT "
                                "placements_sort_key_for_name(family_name, given_name) OR "
                                "search_text IS NOT placements_fold(given_name, family_name)"),
                   ==, 0);
  g_assert_cmpint (query_count (fixture->store,
                                "SELECT count(*) FROM organisation WHERE sort_key IS NOT "
                                "placements_sort_key_for_text(name)"), ==, 0);
  /* ... and the full-text indexes agree with their tables. */
  for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s_search (%s_search) "
                                              "VALUES ('integrity-check')",
                                              tables[i], tables[i]);

      g_assert_cmpint (sqlite3_exec (placements_store_get_connection (fixture->store), sql,
                                     NULL, NULL, NULL), ==, SQLITE_OK);
    }

  g_assert_cmpuint (count_search (fixture->store, PLACEMENTS_TYPE_CLIENT, "yilmaz"), ==, 1);
  g_assert_cmpuint (count_search (fixture->store, PLACEMENTS_TYPE_CLIENT, "yıl"), ==, 1);
  g_assert_cmpuint (count_search (fixture->store, PLACEMENTS_TYPE_ORGANISATION, "kortrijk"), >, 0);

  /* Written to after the migration, it is searched as a new database is. */
  placements_client_set_family_name (client, "Doğan");
  g_assert_true (placements_store_save (fixture->store, PLACEMENTS_RECORD (client), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_search (fixture->store, PLACEMENTS_TYPE_CLIENT, "yilmaz"), ==, 0);
  g_assert_cmpuint (count_search (fixture->store, PLACEMENTS_TYPE_CLIENT, "dogan"), ==, 1);
}

static void
test_schema_is_current (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "new.db", NULL);
  g_autoptr(PlacementsStore) fresh = placements_test_open_store (path);
  g_autofree char *migrated = schema_signature (fixture->store);
  g_autofree char *made = schema_signature (fresh);

  g_assert_nonnull (made);
  g_assert_cmpstr (migrated, ==, made);
}

int
main (int   argc,
      char *argv[])
{
  const char *fixtures[] = { "schema-1.db", "schema-2.db" };

  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (fixtures); i++)
    {
      g_autofree char *survives = g_strdup_printf ("/migrations/%s/data-survives", fixtures[i]);
      g_autofree char *current = g_strdup_printf ("/migrations/%s/schema-is-current",
                                                  fixtures[i]);

      g_test_add (survives, Fixture, fixtures[i], fixture_set_up, test_data_survives,
                  fixture_tear_down);
      g_test_add (current, Fixture, fixtures[i], fixture_set_up, test_schema_is_current,
                  fixture_tear_down);
    }

  return g_test_run ();
}
