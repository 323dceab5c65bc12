#define G_LOG_DOMAIN "placements-test-utils"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "placements-core.h"
#include "placements-record.h"
#include "placements-test-utils.h"

/*
 * The scaffolding the test programs share: a temporary folder for their databases,
 * a store opened in it, records saved from field texts, and the whole database as
 * text for "nothing changed".
 */

/*
 * The core's process start-up, for every test program that shares these helpers,
 * before its main() runs: the tests then run SQLite configured as the programs do,
 * without each main() having to remember it.
 */
__attribute__((constructor)) static void
init_core (void)
{
  placements_core_init ();
}

/* A new, empty folder in the temporary folder (TMPDIR, which meson may point into the
 * build tree), named after the test program; free it with g_free(). */
char *
placements_test_make_folder (void)
{
  g_autofree char *program = g_path_get_basename (g_get_prgname ());
  g_autofree char *template = g_strconcat (program, "-XXXXXX", NULL);
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  return folder;
}

/* Removes @folder and everything in it, sub-folders too; a file that cannot be
 * removed fails the test rather than being left behind. Symbolic links are removed,
 * never followed. */
void
placements_test_remove_folder (const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, &error);
  const char *name;

  g_assert_no_error (error);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) &&
          !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        placements_test_remove_folder (path);
      else
        g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

/* The store at @path, created if it is not there; the test fails if it cannot open. */
PlacementsStore *
placements_test_open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  PlacementsStore *store = placements_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

/* Saves a new record of @type with @uuid in @store, its fields set from the field
 * name / text pairs that follow, as a coordinator would have typed them; NULL ends
 * the pairs. The test fails if a text is refused or the store will not save it. */
void
placements_test_save_new (PlacementsStore *store,
                          GType            type,
                          const char      *uuid,
                          ...)
{
  g_autoptr(PlacementsRecord) record = g_object_new (type, "uuid", uuid, NULL);
  g_autoptr(GError) error = NULL;
  const char *name;
  va_list args;

  va_start (args, uuid);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *text = va_arg (args, const char *);

      placements_record_set_field_text (record, name, text, &error);
      g_assert_no_error (error);
    }
  va_end (args);
  placements_store_save (store, record, &error);
  g_assert_no_error (error);
}

/* The first column of the first row @sql gives, as text; NULL if it gives no row
 * or the value is NULL. */
char *
placements_test_query_text (PlacementsStore *store,
                            const char      *sql)
{
  sqlite3_stmt *statement = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (placements_store_get_connection (store), sql, -1,
                                       &statement, NULL), ==, SQLITE_OK);
  if (sqlite3_step (statement) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (statement, 0));
  sqlite3_finalize (statement);
  return text;
}

/* The schema and every row of every table, in a fixed order: what "the database is
 * unchanged" means. Written here rather than with the sqlite3 shell, which CI need
 * not have. */
char *
placements_test_dump_database (PlacementsStore *store)
{
  sqlite3 *db = placements_store_get_connection (store);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *statement = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name, sql FROM sqlite_master "
                                       "WHERE sql IS NOT NULL ORDER BY type, name",
                                       -1, &statement, NULL), ==, SQLITE_OK);
  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (statement, 0);
      const char *sql = (const char *) sqlite3_column_text (statement, 1);

      g_string_append_printf (text, "%s\n", sql);
      if (sqlite3_table_column_metadata (db, NULL, name, "rowid", NULL, NULL, NULL, NULL,
                                         NULL) == SQLITE_OK ||
          g_str_has_prefix (sql, "CREATE TABLE"))
        g_ptr_array_add (tables, g_strdup (name));
    }
  sqlite3_finalize (statement);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autofree char *probe = g_strdup_printf ("SELECT * FROM \"%s\"", table);
      g_autoptr(GString) sql = g_string_new (probe);
      int n_columns;

      g_assert_cmpint (sqlite3_prepare_v2 (db, probe, -1, &statement, NULL), ==, SQLITE_OK);
      n_columns = sqlite3_column_count (statement);
      sqlite3_finalize (statement);
      for (int c = 1; c <= n_columns; c++)
        g_string_append_printf (sql, c == 1 ? " ORDER BY %d" : ", %d", c);

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &statement, NULL), ==, SQLITE_OK);
      g_string_append_printf (text, "-- %s\n", table);
      while (sqlite3_step (statement) == SQLITE_ROW)
        {
          for (int c = 0; c < n_columns; c++)
            {
              const char *value = (const char *) sqlite3_column_text (statement, c);

              g_string_append_printf (text, "%s=%s|", sqlite3_column_name (statement, c),
                                      value != NULL ? value : "NULL");
            }
          g_string_append_c (text, '\n');
        }
      sqlite3_finalize (statement);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Runs @sql on a connection of its own to @store's database, as another program would:
 * the store hears nothing of it. The test fails if SQLite refuses it. */
void
placements_test_execute_elsewhere (PlacementsStore *store,
                                   const char      *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (placements_store_get_path (store), &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}
