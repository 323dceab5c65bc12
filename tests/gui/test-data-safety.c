#define G_LOG_DOMAIN "placements-test-data-safety"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

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
  placements_test_assert_finalized (fixture->window);
  placements_test_assert_finalized (fixture->store);
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


/* The file chooser a menu item opened (the dialog GTK shows where no portal runs). */
static GtkFileChooser *
find_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_FILE_CHOOSER (window);
    }
  return NULL;
}

static gboolean
chooser_shown (gpointer data)
{
  return find_chooser () != NULL;
}

/*
 * GTK 4.8's file chooser leaks while it loads a folder, in its own worker threads (its
 * cloud-provider sidebar, tree paths, icon type guesses, cancelled folder reads). A test
 * that opens one runs in a subprocess, and in a sanitized build that subprocess does not
 * check for leaks; the backups and restores themselves are checked for leaks by the
 * command line's tests, which run the same core code. Returns TRUE in the parent, which
 * has then checked that the subprocess passed.
 */
static gboolean
run_in_subprocess (void)
{
  if (g_test_subprocess ())
    return FALSE;
#if defined(__SANITIZE_ADDRESS__)
  {
    g_autofree char *options = g_strconcat (g_getenv ("ASAN_OPTIONS") != NULL
                                            ? g_getenv ("ASAN_OPTIONS") : "",
                                            ":detect_leaks=0", NULL);

    g_setenv ("ASAN_OPTIONS", options, TRUE);
  }
#endif
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
  return TRUE;
}

static gboolean
chooser_has_folder (gpointer chooser)
{
  g_autoptr(GFile) folder = gtk_file_chooser_get_current_folder (chooser);
  GFile *wanted = g_object_get_data (chooser, "wanted-folder");

  return folder != NULL && (wanted == NULL || g_file_equal (folder, wanted));
}

static gboolean
chooser_has_file (gpointer chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);

  return file != NULL && g_file_equal (file, g_object_get_data (chooser, "wanted-file"));
}

/*
 * A chooser to open, still reading the folder it was sent to, may let a file chosen in it
 * go (seen under AddressSanitizer, where reading takes long): as a user would, choose it
 * again, once a second, until it shows as chosen.
 */
static gboolean
chooser_has_file_chosen (gpointer chooser)
{
  gint64 now = g_get_monotonic_time ();
  gint64 *last = g_object_get_data (chooser, "last-choice");

  if (chooser_has_file (chooser))
    return TRUE;
  if (last == NULL)
    {
      last = g_new0 (gint64, 1);
      g_object_set_data_full (chooser, "last-choice", last, g_free);
    }
  if (now - *last > G_USEC_PER_SEC)
    {
      *last = now;
      gtk_file_chooser_set_file (chooser, g_object_get_data (chooser, "wanted-file"), NULL);
    }
  return FALSE;
}

/*
 * The main menu's @action opens a file chooser of the @expected kind; @path is chosen in it
 * as a user would (its folder, then its name or the file itself) and accepted, or, for a
 * NULL @path, the chooser is cancelled and nothing is written.
 */
static void
choose_from_menu (Fixture              *fixture,
                  const char           *action,
                  GtkFileChooserAction  expected,
                  const char           *path)
{
  g_autoptr(GFile) file = path != NULL ? g_file_new_for_path (path) : NULL;
  g_autoptr(GError) error = NULL;
  GtkFileChooser *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), action, NULL));
  placements_test_wait_until (chooser_shown, NULL, 5000);
  chooser = find_chooser ();
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, expected);
  if (file == NULL)
    {
      g_autofree char *before = placements_test_dump_database (fixture->store);
      g_autofree char *after = NULL;

      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
      placements_test_flush_events ();
      g_assert_null (find_chooser ());
      g_assert_null (find_dialog ());
      after = placements_test_dump_database (fixture->store);
      g_assert_cmpstr (after, ==, before);
      return;
    }

  /* A chooser to save in goes to its first folder once shown, and only then can it be
   * sent elsewhere; one to open starts in its recent files, with no folder. */
  if (expected == GTK_FILE_CHOOSER_ACTION_SAVE)
    placements_test_wait_until (chooser_has_folder, chooser, 5000);
  g_object_set_data_full (G_OBJECT (chooser), "wanted-folder", g_file_get_parent (file),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (chooser), "wanted-file", g_object_ref (file),
                          g_object_unref);
  gtk_file_chooser_set_current_folder (chooser, g_object_get_data (G_OBJECT (chooser),
                                                                   "wanted-folder"), &error);
  g_assert_no_error (error);
  placements_test_wait_until (chooser_has_folder, chooser, 5000);
  if (expected == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      g_autofree char *name = g_file_get_basename (file);

      gtk_file_chooser_set_current_name (chooser, name);
    }
  else
    {
      gtk_file_chooser_set_file (chooser, file, &error);
      g_assert_no_error (error);
    }
  placements_test_wait_until (expected == GTK_FILE_CHOOSER_ACTION_OPEN
                              ? chooser_has_file_chosen : chooser_has_file, chooser, 5000);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  placements_test_flush_events ();
}

static gboolean
chooser_gone (gpointer data)
{
  return find_chooser () == NULL;
}

static guint
count_backups (Fixture *fixture)
{
  g_autoptr(GPtrArray) backups = placements_backup_list (fixture->path, NULL, NULL);

  return backups->len;
}

/* Back Up… writes a consistent, private copy where the user chose, and logs it. */
static void
test_back_up (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *copy = g_build_filename (fixture->folder, "copy.db", NULL);
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GStatBuf info;

  if (run_in_subprocess ())
    return;
  choose_from_menu (fixture, "win.back-up", GTK_FILE_CHOOSER_ACTION_SAVE, NULL);
  g_assert_false (g_file_test (copy, G_FILE_TEST_EXISTS));

  choose_from_menu (fixture, "win.back-up", GTK_FILE_CHOOSER_ACTION_SAVE, copy);
  placements_test_wait_until (chooser_gone, NULL, 5000);
  placements_test_flush_events ();
  g_assert_null (find_dialog ());
  g_assert_cmpint (g_stat (copy, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_true (placements_backup_check_file (copy, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count (fixture, "SELECT count(*) FROM audit_event WHERE action = 'backup' "
                                    "AND detail = 'file=copy.db'"), ==, 1);
  store = placements_test_open_store (copy);
  name = placements_test_query_text (store, "SELECT family_name FROM client WHERE "
                                            "family_name = '" UNIQUE_FAMILY_NAME "'");
  g_assert_cmpstr (name, ==, UNIQUE_FAMILY_NAME);
}

/* Restore… refuses a bad file with the core's message, naming it, before anything is
 * touched; a good one replaces the records after a question, and what it replaced is kept
 * as a backup of its own. */
static void
test_restore (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *good = g_build_filename (fixture->folder, "good.db", NULL);
  g_autofree char *garbage = g_build_filename (fixture->folder, "garbage.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(PlacementsStore) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *newcomer = NULL;
  g_autofree char *kept_newcomer = NULL;
  PlacementsBackupInfo *info = NULL;
  AdwMessageDialog *dialog;
  guint n_backups;

  if (run_in_subprocess ())
    return;
  choose_from_menu (fixture, "win.restore", GTK_FILE_CHOOSER_ACTION_OPEN, NULL);

  g_assert_true (placements_backup_write (fixture->store, good, &error));
  g_assert_no_error (error);
  newcomer = g_strdup ("5d1f3a0e-0000-4000-8000-00000000abcd");
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_CLIENT, newcomer,
                            "given-name", "Nina", "family-name", "Nieuwkomer", NULL);

  /* A bad file: refused with the message naming it, nothing touched, no backup kept. */
  g_file_set_contents (garbage, "not a database at all\n", -1, &error);
  g_assert_no_error (error);
  before = placements_test_dump_database (fixture->store);
  n_backups = count_backups (fixture);
  choose_from_menu (fixture, "win.restore", GTK_FILE_CHOOSER_ACTION_OPEN, garbage);
  placements_test_wait_until (dialog_shown, NULL, 5000);
  dialog = find_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Could Not Restore");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), garbage));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "is not a Placements backup"));
  answer ("Could Not Restore", "close");
  after = placements_test_dump_database (fixture->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpuint (count_backups (fixture), ==, n_backups);

  /* A good one, after the question: the records as in the backup, the newcomer gone. */
  choose_from_menu (fixture, "win.restore", GTK_FILE_CHOOSER_ACTION_OPEN, good);
  answer ("Restore This Backup?", "restore");
  g_assert_cmpuint (count (fixture, "SELECT count(*) FROM client WHERE family_name = "
                                    "'Nieuwkomer'"), ==, 0);
  g_assert_cmpuint (count (fixture, "SELECT count(*) FROM client WHERE family_name = '"
                                    UNIQUE_FAMILY_NAME "'"), ==, 1);
  g_assert_cmpuint (count (fixture, "SELECT count(*) FROM audit_event WHERE action = "
                                    "'restore'"), ==, 1);

  /* The database as it was, newcomer and all, kept as a backup of its own. */
  backups = placements_backup_list (fixture->path, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < backups->len; i++)
    if (((PlacementsBackupInfo *) g_ptr_array_index (backups, i))->before_restore)
      info = g_ptr_array_index (backups, i);
  g_assert_nonnull (info);
  kept = placements_test_open_store (info->path);
  kept_newcomer = placements_test_query_text (kept, "SELECT family_name FROM client WHERE "
                                                    "given_name = 'Nina'");
  g_assert_cmpstr (kept_newcomer, ==, "Nieuwkomer");
}

/* The refusal in Dutch, in a subprocess so the other tests keep their English. */
static void
test_restore_refusal_translated (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *garbage = g_build_filename (fixture->folder, "garbage.db", NULL);
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;

  if (run_in_subprocess ())
    {
      g_test_trap_assert_stdout ("*Kan de back-up niet terugzetten*garbage.db*");
      return;
    }

  {
    g_autofree char *locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po",
                                                         NULL);

    g_setenv ("LANGUAGE", "nl", TRUE);
    setlocale (LC_ALL, "C.UTF-8");
    bindtextdomain (GETTEXT_PACKAGE, locale_dir);
    bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
    /* The window's own words come from the default domain, as main() sets it. */
    textdomain (GETTEXT_PACKAGE);
  }
  g_file_set_contents (garbage, "not a database at all\n", -1, &error);
  g_assert_no_error (error);
  choose_from_menu (fixture, "win.restore", GTK_FILE_CHOOSER_ACTION_OPEN, garbage);
  placements_test_wait_until (dialog_shown, NULL, 5000);
  dialog = find_dialog ();
  g_print ("%s\n%s\n", adw_message_dialog_get_heading (dialog),
           adw_message_dialog_get_body (dialog));
  g_assert_null (strstr (adw_message_dialog_get_body (dialog), "is not a Placements backup"));
  answer ("", "close");
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
  ADD ("/data-safety/back-up", test_back_up);
  ADD ("/data-safety/restore", test_restore);
  ADD ("/data-safety/restore/refusal-translated", test_restore_refusal_translated);

#undef ADD

  return g_test_run ();
}
