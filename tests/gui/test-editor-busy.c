#define G_LOG_DOMAIN "placements-test-editor-busy"

#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>
#include <string.h>

#include "placements-record-editor.h"
#include "placements-record-types.h"
#include "placements-test-gui.h"
#include "placements-test-utils.h"

/*
 * The window's editor saving while another connection holds the write lock (an
 * import): with the window's busy timeout the save is refused within moments,
 * the refusal is shown in words, and what was typed stays in the editor, to be
 * saved once the lock is free. Nothing typed is lost.
 */

#define ORGANISATION_UUID "11111111-1111-4111-8111-111111111111"
#define CLIENT_UUID "22222222-2222-4222-8222-222222222222"

static gboolean
has_label_with (GtkWidget  *widget,
                const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_is_visible (widget) &&
      strstr (gtk_label_get_label (GTK_LABEL (widget)), text) != NULL)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label_with (child, text))
      return TRUE;
  return FALSE;
}

static void
test_save_during_import (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "placements.db", NULL);
  g_autoptr(PlacementsStore) store = placements_test_open_store (path);
  g_autoptr(PlacementsRecord) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *family_name = NULL;
  PlacementsRecordEditor *editor;
  GtkWidget *family_row;
  GtkWindow *window;
  sqlite3 *other = NULL;
  gint64 start, took;

  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, ORGANISATION_UUID,
                            "name", "Zorggroep De Linde", "kind", "care-provider",
                            "country", "nl", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_CLIENT, CLIENT_UUID,
                            "given-name", "Anouk", "family-name", "Bakker",
                            "date-of-birth", "1990-04-10",
                            "care-organisation-uuid", ORGANISATION_UUID, NULL);
  /* As the application sets it on the window's store. */
  placements_store_set_busy_timeout (store, PLACEMENTS_STORE_INTERACTIVE_BUSY_TIMEOUT);

  window = g_object_ref_sink (GTK_WINDOW (gtk_window_new ()));
  editor = PLACEMENTS_RECORD_EDITOR (placements_record_editor_new (store));
  {
    GtkWidget *overlay = adw_toast_overlay_new ();

    adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (editor));
    gtk_window_set_child (window, overlay);
  }
  gtk_window_present (window);
  placements_test_flush_events ();

  client = placements_store_load (store, PLACEMENTS_TYPE_CLIENT, CLIENT_UUID, &error);
  g_assert_no_error (error);
  placements_record_editor_set_record (editor, client);
  family_row = placements_record_editor_get_field_row (editor, "family-name");
  gtk_editable_set_text (GTK_EDITABLE (family_row), "Bakker-de Vries");
  placements_test_flush_events ();
  g_assert_true (placements_record_editor_get_dirty (editor));

  /* An import holds the lock. */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  start = g_get_monotonic_time ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  took = g_get_monotonic_time () - start;
  placements_test_flush_events ();
  g_test_message ("the editor's save was refused after %.1f ms", took / 1000.0);
  /* Within moments, where the default timeout would have held the window 5 s. (The
   * bound on the main thread's wait is asserted in test-exchange-jobs, which can
   * take the machine's load out of its figures.) */
  g_assert_cmpint (took, <, 1000 * 1000);

  /* Said in words, and nothing lost: still typed, still unsaved, the database as it
   * was. */
  g_assert_true (has_label_with (GTK_WIDGET (editor), "An import is running"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (family_row)), ==, "Bakker-de Vries");
  g_assert_true (placements_record_editor_get_dirty (editor));
  family_name = placements_test_query_text (store, "SELECT family_name FROM client");
  g_assert_cmpstr (family_name, ==, "Bakker");
  g_clear_pointer (&family_name, g_free);

  /* The import is done: the same save goes through. */
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  placements_test_flush_events ();
  g_assert_false (placements_record_editor_get_dirty (editor));
  family_name = placements_test_query_text (store, "SELECT family_name FROM client");
  g_assert_cmpstr (family_name, ==, "Bakker-de Vries");

  gtk_window_destroy (window);
  placements_test_assert_finalized (window);
  g_clear_object (&client);
  placements_test_assert_finalized (g_steal_pointer (&store));
  placements_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/editor/busy/save-during-import", test_save_during_import);

  return g_test_run ();
}
