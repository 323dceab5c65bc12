#define G_LOG_DOMAIN "placements-test-application"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "placements-application.h"
#include "placements-backup.h"
#include "placements-exchange-state.h"
#include "placements-import-dialog.h"
#include "placements-record-page.h"
#include "placements-record-types.h"
#include "placements-test-gui.h"
#include "placements-test-utils.h"
#include "placements-section-view.h"
#include "placements-window.h"

/* The list of the section the window shows, loaded as it is when shown. */
static PlacementsRecordPage *
visible_page (GtkStack *stack)
{
  PlacementsView *view;

  /* A window on a database with clients opens on the overview; the lists are the
   * sections'. */
  if (!PLACEMENTS_IS_VIEW (gtk_stack_get_visible_child (stack)))
    gtk_stack_set_visible_child_name (stack, "clients");
  view = PLACEMENTS_VIEW (gtk_stack_get_visible_child (stack));
  placements_view_load (view);
  /* Its list is read on a thread: the page as it shows once read. */
  placements_test_flush_events ();
  return placements_section_view_get_page (PLACEMENTS_SECTION_VIEW (view));
}

typedef struct
{
  char *folder;
  char *path;
  /* What the activate handler found, checked after the application has run. */
  char *store_path;
  char *dialog_heading;
  char *dialog_body;
  guint n_clients;
  gboolean dialog_over_window;
  gboolean activated;
  gboolean second_backed_up;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->folder = placements_test_make_folder ();
  fixture->path = g_build_filename (fixture->folder, "placements.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  placements_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->store_path);
  g_free (fixture->dialog_heading);
  g_free (fixture->dialog_body);
}

/* Runs the application as main() does, with @argv; a process of its own on the session bus
 * would hand the command line to any other Placements running, so this one is not unique. */
static int
run_application (Fixture    *fixture,
                 GCallback   activated,
                 const char *first_arg,
                 ...)
{
  g_autoptr(PlacementsApplication) application = placements_application_new ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  const char *arg;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "placements");
  va_start (args, first_arg);
  for (arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_signal_connect_after (application, "activate", activated, fixture);
  return g_application_run (G_APPLICATION (application), (int) argv->len - 1,
                            (char **) argv->pdata);
}

static void
check_database_cb (GApplication *application,
                   Fixture      *fixture)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));
  PlacementsStore *store;
  PlacementsRecordPage *page;
  GtkStack *stack;

  fixture->activated = TRUE;
  g_assert_true (PLACEMENTS_IS_WINDOW (window));
  store = placements_window_get_store (PLACEMENTS_WINDOW (window));
  g_assert_nonnull (store);
  fixture->store_path = g_strdup (placements_store_get_path (store));
  /* The About window's icon, found also where the build runs uninstalled. */
  g_assert_true (gtk_icon_theme_has_icon (
    gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (window))),
    APPLICATION_ID));

  placements_test_flush_events ();
  stack = placements_window_get_sections (PLACEMENTS_WINDOW (window));
  page = visible_page (stack);
  placements_test_flush_events ();
  fixture->n_clients = placements_record_page_get_n_items (page);

  /* Quitting closes the windows, and the application ends with the last. */
  g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
}

/* --db PATH opens that database, and the window shows what it holds. */
static void
test_db_option (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PlacementsStore) store = placements_test_open_store (fixture->path);

  placements_test_save_new (store, PLACEMENTS_TYPE_CLIENT, "5d1f3a0e-0000-4000-8000-000000000001",
                            "given-name", "Anouk", "family-name", "Bakker", NULL);
  g_clear_object (&store);

  g_assert_cmpint (run_application (fixture, G_CALLBACK (check_database_cb),
                                    "--db", fixture->path, NULL), ==, 0);
  g_assert_true (fixture->activated);
  g_assert_cmpstr (fixture->store_path, ==, fixture->path);
  g_assert_cmpuint (fixture->n_clients, ==, 1);
}

static void
answer_open_error_cb (GApplication *application,
                      Fixture      *fixture)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));
  GListModel *toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *dialog = NULL;

  fixture->activated = TRUE;
  g_assert_true (PLACEMENTS_IS_WINDOW (window));
  /* Nothing was opened: the window shows no database. */
  g_assert_null (placements_window_get_store (PLACEMENTS_WINDOW (window)));

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        dialog = ADW_MESSAGE_DIALOG (toplevel);
    }
  g_assert_nonnull (dialog);
  fixture->dialog_heading = g_strdup (adw_message_dialog_get_heading (dialog));
  fixture->dialog_body = g_strdup (adw_message_dialog_get_body (dialog));
  fixture->dialog_over_window = gtk_window_get_transient_for (GTK_WINDOW (dialog)) == window;

  /* Closing the dialog ends the application: there is nothing to show without a database. */
  adw_message_dialog_response (dialog, "close");
}

/* A file that is not a database: a dialog says so, over the window, and names the file. */
static void
test_open_error_dialog (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_file_set_contents (fixture->path, "These are notes, not a database.\n", -1, &error);
  g_assert_no_error (error);

  g_test_expect_message ("placements-application", G_LOG_LEVEL_WARNING, "*");
  g_assert_cmpint (run_application (fixture, G_CALLBACK (answer_open_error_cb),
                                    "--db", fixture->path, NULL), ==, 0);
  g_test_assert_expected_messages ();

  g_assert_true (fixture->activated);
  g_assert_cmpstr (fixture->dialog_heading, ==, "Could Not Open the Database");
  g_assert_nonnull (fixture->dialog_body);
  g_test_message ("%s", fixture->dialog_body);
  g_assert_nonnull (strstr (fixture->dialog_body, fixture->path));
  g_assert_true (fixture->dialog_over_window);

  /* The file is left as it was. */
  g_file_get_contents (fixture->path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "These are notes, not a database.\n");
}

static guint
count_windows (GApplication *application)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (application)));
}

/* Whether the database at @path has a daily backup (one a restore did not keep). */
static gboolean
has_daily_backup (gpointer path)
{
  g_autoptr(GPtrArray) backups = placements_backup_list (path, NULL, NULL);

  for (guint i = 0; backups != NULL && i < backups->len; i++)
    if (!((PlacementsBackupInfo *) g_ptr_array_index (backups, i))->before_restore)
      return TRUE;
  return FALSE;
}

static void
open_second_database_cb (GApplication *application,
                         Fixture      *fixture)
{
  g_autofree char *second = g_build_filename (fixture->folder, "second.db", NULL);
  g_autofree char *notes = g_build_filename (fixture->folder, "notes.db", NULL);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  fixture->activated = TRUE;
  g_assert_cmpuint (count_windows (application), ==, 1);

  /* What a second launch with --db hands over: the other database in a window of its own. */
  g_action_group_activate_action (G_ACTION_GROUP (application), "open-database",
                                  g_variant_new_bytestring (second));
  placements_test_flush_events ();
  g_assert_cmpuint (count_windows (application), ==, 2);
  window = gtk_application_get_windows (GTK_APPLICATION (application))->data;
  g_assert_true (PLACEMENTS_IS_WINDOW (window));
  fixture->store_path = g_strdup (placements_store_get_path (
    placements_window_get_store (PLACEMENTS_WINDOW (window))));
  /* It gets its daily backup too, as the first database does (each test's files are new,
   * so these backups are this run's). */
  placements_test_wait_until (has_daily_backup, second, 10000);
  fixture->second_backed_up = has_daily_backup (second);

  /* The same database again brings its window forward, no third one. */
  g_action_group_activate_action (G_ACTION_GROUP (application), "open-database",
                                  g_variant_new_bytestring (fixture->path));
  placements_test_flush_events ();
  g_assert_cmpuint (count_windows (application), ==, 2);

  /* One that cannot be opened: a dialog says why, and the open windows stay. */
  g_file_set_contents (notes, "These are notes, not a database.\n", -1, &error);
  g_assert_no_error (error);
  g_action_group_activate_action (G_ACTION_GROUP (application), "open-database",
                                  g_variant_new_bytestring (notes));
  placements_test_flush_events ();
  g_assert_cmpuint (count_windows (application), ==, 2);
  for (guint i = 0; i < g_list_model_get_n_items (gtk_window_get_toplevels ()); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (gtk_window_get_toplevels (), i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        {
          AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (toplevel);
          const char *body = adw_message_dialog_get_body (dialog);

          /* An earlier test's dialog may not be finalized yet (slowly, under ASan): keep
           * the one about this file. */
          if (fixture->dialog_body == NULL && strstr (body, notes) != NULL)
            fixture->dialog_body = g_strdup (body);
          if (strstr (body, notes) != NULL)
            adw_message_dialog_response (dialog, "close");
        }
    }

  g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
}

/* A second --db opens that database in its own window, or says why it cannot. */
static void
test_open_second_database (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *second = g_build_filename (fixture->folder, "second.db", NULL);
  g_autofree char *notes = g_build_filename (fixture->folder, "notes.db", NULL);

  g_assert_cmpint (run_application (fixture, G_CALLBACK (open_second_database_cb),
                                    "--db", fixture->path, NULL), ==, 0);
  g_assert_true (fixture->activated);
  g_assert_cmpstr (fixture->store_path, ==, second);
  g_assert_true (fixture->second_backed_up);
  g_assert_nonnull (fixture->dialog_body);
  g_assert_nonnull (strstr (fixture->dialog_body, notes));
}

/* The receiver of the exchange fixture, and the client it refers. */
#define OWN_ORGANISATION "bbbbbbbb-0000-4000-8000-000000000002"
#define REFERRED_CLIENT "aaaaaaaa-0000-4000-8000-000000000020"

static gboolean
client_imported (gpointer data)
{
  PlacementsStore *store = data;
  g_autofree char *n = placements_test_query_text (
    store, "SELECT count(*) FROM client WHERE uuid = '" REFERRED_CLIENT "'");

  return g_strcmp0 (n, "1") == 0;
}

static PlacementsImportDialog *
find_import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (PLACEMENTS_IS_IMPORT_DIALOG (window))
        return PLACEMENTS_IMPORT_DIALOG (window);
    }
  return NULL;
}

static gboolean
preview_shown (gpointer data)
{
  PlacementsImportDialog *dialog = find_import_dialog ();

  return dialog != NULL &&
         g_strcmp0 (placements_import_dialog_get_stage (dialog), "preview") == 0;
}

static void
opened_cb (GApplication  *application,
           GFile        **files,
           int            n_files,
           const char    *hint,
           Fixture       *fixture)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (application));
  PlacementsStore *store;

  fixture->activated = TRUE;
  g_assert_true (PLACEMENTS_IS_WINDOW (window));
  store = placements_window_get_store (PLACEMENTS_WINDOW (window));
  /* The file is previewed first, then imported with the preview's Import. */
  placements_test_wait_until (preview_shown, NULL, 20000);
  gtk_widget_activate_action (GTK_WIDGET (find_import_dialog ()), "import.apply", NULL);
  placements_test_wait_until (client_imported, store, 20000);
  fixture->n_clients = client_imported (store) ? 1 : 0;
  g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
}

/* `placements --db DB referral.placements.xml`, as a file manager starts it: the window
 * opens, and the file goes to the import. */
static void
test_open_exchange_file (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "fixtures", "exchange",
                                                 "valid-referral.xml", NULL);
  g_autoptr(PlacementsApplication) application = placements_application_new ();
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "placements", "--db", fixture->path, file, NULL };

  {
    g_autoptr(PlacementsStore) store = placements_test_open_store (fixture->path);

    placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, OWN_ORGANISATION,
                              "name", "Werkbedrijf Oost", "kind", "social-employment-company",
                              "country", "nl", "exchange-id", "org-b", NULL);
    g_assert_true (placements_exchange_set_own_organisation (store, OWN_ORGANISATION, &error));
    g_assert_no_error (error);
  }

  g_application_set_flags (G_APPLICATION (application),
                           G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_signal_connect_after (application, "open", G_CALLBACK (opened_cb), fixture);
  g_assert_cmpint (g_application_run (G_APPLICATION (application), G_N_ELEMENTS (argv) - 1,
                                      (char **) argv), ==, 0);
  g_assert_true (fixture->activated);
  g_assert_cmpuint (fixture->n_clients, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/application/db-option", Fixture, NULL, fixture_set_up, test_db_option,
              fixture_tear_down);
  g_test_add ("/application/open-error-dialog", Fixture, NULL, fixture_set_up,
              test_open_error_dialog, fixture_tear_down);
  g_test_add ("/application/open-second-database", Fixture, NULL, fixture_set_up,
              test_open_second_database, fixture_tear_down);

  g_test_add ("/application/open-exchange-file", Fixture, NULL, fixture_set_up,
              test_open_exchange_file, fixture_tear_down);

  return g_test_run ();
}
