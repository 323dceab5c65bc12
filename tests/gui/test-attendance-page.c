#define G_LOG_DOMAIN "placements-test-attendance-page"

#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "placements-attendance-page.h"
#include "placements-attendance-week.h"
#include "placements-record-types.h"
#include "placements-test-gui.h"
#include "placements-test-utils.h"

/*
 * A supervisor fills this week for twelve clients at one workplace with the keyboard only:
 * Space on each cell marks present, a digit gives an absence code; the database then holds
 * every mark, and Ctrl+Z takes the last ones back.
 */

#define CARE "10000000-0000-4000-8000-000000000001"
#define HOST "10000000-0000-4000-8000-000000000002"
#define SHOP "30000000-0000-4000-8000-000000000001"

static int
count (const char *path,
       const char *sql)
{
  sqlite3 *db;
  sqlite3_stmt *statement;
  int n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  n = sqlite3_column_int (statement, 0);
  sqlite3_finalize (statement);
  sqlite3_close (db);
  return n;
}

static gboolean
all_present (gpointer user_data)
{
  return count (user_data, "SELECT count(*) FROM attendance WHERE status = 'present'") == 96;
}

static gboolean
press (GtkWidget *cell,
       guint      keyval)
{
  GtkEventController *keys = NULL;
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (cell);
  gboolean handled = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (controllers) && keys == NULL; i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_EVENT_CONTROLLER_KEY (controller))
        keys = GTK_EVENT_CONTROLLER (controller);
    }
  g_assert_nonnull (keys);
  g_signal_emit_by_name (keys, "key-pressed", keyval, 0, 0, &handled);
  return handled;
}

static void
test_fill_week (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "placements.db", NULL);
  PlacementsStore *store = placements_test_open_store (path);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *page;
  GtkWidget *search;
  GtkWidget *found;
  GtkWidget *grid;
  GtkListBoxRow *row;
  guint n_cells = 0;

  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, CARE, "name", "De Linde",
                            "kind", "care-provider", "country", "nl", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, HOST, "name", "IJsseldelta",
                            "kind", "social-employment-company", "country", "nl", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_WORKPLACE, SHOP, "name", "Inpakafdeling",
                            "host-organisation-uuid", HOST, "capacity", "12", NULL);
  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("20000000-0000-4000-8000-%012u", i + 1);
      g_autofree char *family = g_strdup_printf ("Jansen %02u", i + 1);

      placements_test_save_new (store, PLACEMENTS_TYPE_CLIENT, uuid, "given-name", "Sam",
                                "family-name", family, "care-organisation-uuid", CARE, NULL);
      placements_test_save_new (store, PLACEMENTS_TYPE_PLACEMENT, NULL, "client-uuid", uuid,
                                "workplace-uuid", SHOP, "start-date", "2020-01-06",
                                "status", "active", NULL);
    }

  page = placements_attendance_page_new (store);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  placements_test_flush_events ();
  g_assert_null (placements_test_find_descendant (page, GTK_TYPE_GRID));

  search = placements_test_find_descendant (page, GTK_TYPE_SEARCH_ENTRY);
  gtk_editable_set_text (GTK_EDITABLE (search), "inpak");
  g_signal_emit_by_name (search, "search-changed");
  found = placements_test_find_descendant (page, GTK_TYPE_LIST_BOX);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (found), 0);
  g_assert_nonnull (row);
  g_signal_emit_by_name (found, "row-activated", row);
  placements_test_flush_events ();

  grid = placements_test_find_descendant (page, GTK_TYPE_GRID);
  g_assert_nonnull (grid);
  for (GtkWidget *cell = gtk_widget_get_first_child (grid); cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    {
      if (!GTK_IS_BUTTON (cell))
        continue;
      /* Every fifth cell is "ill" (digit 1), the others present (Space activates). */
      if (n_cells % 5 == 4)
        g_assert_true (press (cell, GDK_KEY_1));
      else
        gtk_widget_activate (cell);
      n_cells++;
    }
  g_assert_cmpuint (n_cells, ==, 120);
  /* A button activated by Space is clicked when its press has shown. */
  placements_test_wait_until (all_present, path, 5000);
  g_assert_cmpint (count (path, "SELECT count(*) FROM attendance WHERE status = 'present'"),
                   ==, 96);
  g_assert_cmpint (count (path, "SELECT count(*) FROM attendance WHERE status = 'absent-ill' "
                                "AND registered_by IS NOT NULL"), ==, 24);

  /* Undo twice: the last ill mark and the present before it go. */
  gtk_widget_activate_action (page, "attendance.undo", NULL);
  gtk_widget_activate_action (page, "attendance.undo", NULL);
  g_assert_cmpint (count (path, "SELECT count(*) FROM attendance"), ==, 118);

  gtk_window_destroy (GTK_WINDOW (window));
  placements_test_flush_events ();
  g_object_unref (store);
  placements_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/attendance-page/fill-week", test_fill_week);
  return g_test_run ();
}
