#define G_LOG_DOMAIN "placements-test-data-safety"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "placements-backup.h"
#include "placements-demo.h"
#include "placements-record-editor.h"
#include "placements-record-types.h"
#include "placements-test-gui.h"
#include "placements-test-utils.h"
#include "placements-window.h"

/* The window's ways to keep care data safe and to let it go: erasing a client, backing up
 * and restoring the database, all from the window as a coordinator does them. */

#define UNIQUE_FAMILY_NAME "Zwartkruisvleugel"
#define UNIQUE_GIVEN_NAME "Ottoline"

typedef struct
{
  char             *folder;
  char             *path;
  PlacementsStore  *store;
  PlacementsWindow *window;
  char             *client;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlacementsClient) client = NULL;

  fixture->folder = placements_test_make_folder ();
  fixture->path = g_build_filename (fixture->folder, "placements.db", NULL);
  fixture->store = placements_test_open_store (fixture->path);
  placements_demo_generate (fixture->store, 10, 1, NULL, &error);
  g_assert_no_error (error);

  /* A name no other record has, so that a byte search finds only this client. */
  fixture->client = placements_test_query_text (fixture->store, "SELECT client_uuid FROM "
                                                "placement ORDER BY id LIMIT 1");
  client = placements_store_load (fixture->store, PLACEMENTS_TYPE_CLIENT, fixture->client,
                                  &error);
  g_assert_no_error (error);
  placements_client_set_given_name (client, UNIQUE_GIVEN_NAME);
  placements_client_set_family_name (client, UNIQUE_FAMILY_NAME);
  placements_store_save (fixture->store, PLACEMENTS_RECORD (client), &error);
  g_assert_no_error (error);

  fixture->window = g_object_ref_sink (g_object_new (PLACEMENTS_TYPE_WINDOW,
                                                     "store", fixture->store, NULL));
  gtk_window_present (GTK_WINDOW (fixture->window));
  placements_test_flush_events ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  placements_test_flush_events ();
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->store);
  placements_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->client);
}

static guint
count (Fixture    *fixture,
       const char *sql)
{
  g_autofree char *text = placements_test_query_text (fixture->store, sql);

  return (guint) g_ascii_strtoull (text, NULL, 10);
}

static guint
count_client (Fixture *fixture)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM client WHERE uuid = '%s'",
                                          fixture->client);

  return count (fixture, sql);
}

/* The message dialog on screen, if one is. */
static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer data)
{
  return find_dialog () != NULL;
}

/* Answers the dialog on screen, whose heading must start with @heading. */
static void
answer (const char *heading,
        const char *response)
{
  AdwMessageDialog *dialog;

  placements_test_wait_until (dialog_shown, NULL, 5000);
  dialog = find_dialog ();
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_heading (dialog), heading));
  /* As a click on its button does: the response, and the dialog goes. */
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  placements_test_flush_events ();
}

/* Whether @needle is anywhere in the bytes of the file at @path (a missing file has none). */
static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  gsize needle_length = strlen (needle);

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  /* Byte by byte: the file holds NULs, so no string search. */
  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (contents + i, needle, needle_length) == 0)
      return TRUE;
  return FALSE;
}

/* Erasing from the window asks twice, saying it cannot be undone; only the second yes
 * erases, and then the name is in neither the database file's bytes nor its log's. */
static void
test_erase (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  PlacementsRecordEditor *editor =
    PLACEMENTS_RECORD_EDITOR (placements_test_find_descendant (GTK_WIDGET (fixture->window),
                                                               PLACEMENTS_TYPE_RECORD_EDITOR));
  AdwMessageDialog *dialog;
  g_autofree char *sql = NULL;

  g_assert_true (file_contains (fixture->path, UNIQUE_FAMILY_NAME) ||
                 file_contains (wal, UNIQUE_FAMILY_NAME));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-record",
                                             "(ss)", "client", fixture->client));
  placements_test_flush_events ();
  g_assert_nonnull (placements_record_editor_get_record (editor));

  /* No to the first question: nothing happens. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.erase-client",
                                             "s", fixture->client));
  placements_test_wait_until (dialog_shown, NULL, 5000);
  dialog = find_dialog ();
  g_assert_nonnull (strstr (adw_message_dialog_get_heading (dialog), UNIQUE_FAMILY_NAME));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "cannot be undone"));
  answer ("Erase", "cancel");
  g_assert_cmpuint (count_client (fixture), ==, 1);

  /* Yes, then no to the second: nothing happens either. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.erase-client",
                                             "s", fixture->client));
  answer ("Erase", "continue");
  answer ("This Cannot Be Undone", "cancel");
  g_assert_cmpuint (count_client (fixture), ==, 1);

  /* Twice yes, with a change typed and not saved: erased, the record closed without a
   * question about the change, which went with it. */
  gtk_editable_set_text (GTK_EDITABLE (placements_record_editor_get_field_row (editor,
                                                                               "goals")),
                         UNIQUE_FAMILY_NAME " werkt graag buiten");
  placements_test_flush_events ();
  g_assert_true (placements_record_editor_get_dirty (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.erase-client",
                                             "s", fixture->client));
  answer ("Erase", "continue");
  answer ("This Cannot Be Undone", "erase");
  g_assert_null (find_dialog ());
  g_assert_null (placements_record_editor_get_record (editor));
  g_assert_cmpuint (count_client (fixture), ==, 0);
  sql = g_strdup_printf ("SELECT count(*) FROM placement WHERE client_uuid = '%s'",
                         fixture->client);
  g_assert_cmpuint (count (fixture, sql), ==, 0);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("SELECT count(*) FROM audit_event WHERE action = 'erase' AND "
                         "client_uuid = '%s'", fixture->client);
  g_assert_cmpuint (count (fixture, sql), ==, 1);

  /* Gone from the bytes: the database file, and its log, which was truncated. */
  g_assert_false (file_contains (fixture->path, UNIQUE_FAMILY_NAME));
  g_assert_false (file_contains (fixture->path, UNIQUE_GIVEN_NAME));
  g_assert_false (file_contains (wal, UNIQUE_FAMILY_NAME));
  g_assert_false (file_contains (wal, UNIQUE_GIVEN_NAME));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/data-safety/erase", test_erase);

#undef ADD

  return g_test_run ();
}
