#define G_LOG_DOMAIN "placements-test-exchange-import"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include <adwaita.h>

#include "placements-demo.h"
#include "placements-exchange-export.h"
#include "placements-exchange-import.h"
#include "placements-exchange-receiver.h"
#include "placements-exchange-state.h"
#include "placements-import-dialog.h"
#include "placements-messages-page.h"
#include "placements-record-editor.h"
#include "placements-record-types.h"
#include "placements-test-gui.h"
#include "placements-test-utils.h"
#include "placements-window.h"

/* The import preview, driven through its actions and controls as a coordinator would, with
 * the database checked after each step. The fixtures are those of tests/exchange. */

#define ORG_A "aaaaaaaa-0000-4000-8000-000000000001"
#define REFERRAL_ID "11111111-1111-4111-8111-111111111111"
#define ORG_B "bbbbbbbb-0000-4000-8000-000000000002"
#define CLIENT "aaaaaaaa-0000-4000-8000-000000000020"
#define STEP "aaaaaaaa-0000-4000-8000-000000000040"

typedef struct
{
  char             *folder;
  PlacementsStore  *store;
  PlacementsWindow *window;
} Fixture;

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "exchange", name, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->folder = placements_test_make_folder ();
  path = g_build_filename (fixture->folder, "b.db", NULL);
  fixture->store = placements_test_open_store (path);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_ORGANISATION, ORG_B,
                            "name", "Werkbedrijf Oost", "kind", "social-employment-company",
                            "country", "nl", "exchange-id", "org-b", NULL);
  g_assert_true (placements_exchange_set_own_organisation (fixture->store, ORG_B, &error));
  g_assert_no_error (error);
  placements_store_set_busy_timeout (fixture->store, PLACEMENTS_STORE_INTERACTIVE_BUSY_TIMEOUT);
}

static void
present_window (Fixture *fixture)
{
  fixture->window = g_object_ref_sink (g_object_new (PLACEMENTS_TYPE_WINDOW,
                                                     "store", fixture->store, NULL));
  gtk_window_present (GTK_WINDOW (fixture->window));
  placements_test_flush_events ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      g_clear_object (&fixture->window);
    }
  placements_test_flush_events ();
  g_clear_object (&fixture->store);
  placements_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
}

static PlacementsImportDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (PLACEMENTS_IS_IMPORT_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return PLACEMENTS_IMPORT_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_left_progress (gpointer data)
{
  PlacementsImportDialog *dialog = find_dialog ();

  return dialog != NULL &&
         g_strcmp0 (placements_import_dialog_get_stage (dialog), "progress") != 0;
}

static gboolean
dialog_done (gpointer data)
{
  PlacementsImportDialog *dialog = find_dialog ();

  return dialog == NULL ||
         g_strcmp0 (placements_import_dialog_get_stage (dialog), "done") == 0;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog () == NULL;
}

/* Opens @path in the window's import, as a drop, the chooser or a file manager does, and
 * waits for the preview or the refusal. */
static PlacementsImportDialog *
open_file (Fixture    *fixture,
           const char *path)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.import-path",
                                             "^ay", path));
  placements_test_wait_until (dialog_left_progress, NULL, 20000);
  return find_dialog ();
}

static char *
field (Fixture    *fixture,
       const char *sql)
{
  return placements_test_query_text (fixture->store, sql);
}

/* The first widget under @widget that is a button labelled @label. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label,
             guint       skip)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      found = find_button (child, label, skip);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

/* The referral imported, then our own change to the goals, then their update: the goals
 * conflict, the step's rung is a plain change. */
static PlacementsImportDialog *
open_conflicting_update (Fixture *fixture)
{
  g_autofree char *referral = fixture_path ("valid-referral.xml");
  g_autofree char *update = fixture_path ("valid-update.xml");
  g_autoptr(PlacementsImport) import = placements_import_new (fixture->store);
  g_autoptr(PlacementsRecord) client = NULL;
  g_autoptr(GError) error = NULL;
  PlacementsImportDialog *dialog;

  g_assert_true (placements_import_prepare (import, referral, NULL, NULL, NULL, &error));
  g_assert_true (placements_import_apply (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  client = placements_store_load (fixture->store, PLACEMENTS_TYPE_CLIENT, CLIENT, &error);
  g_assert_no_error (error);
  g_assert_true (placements_record_set_field_text (client, "goals", "Vijf dagdelen", &error));
  g_assert_true (placements_store_save (fixture->store, client, &error));
  g_assert_no_error (error);

  present_window (fixture);
  dialog = open_file (fixture, update);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (placements_import_dialog_get_stage (dialog), ==, "preview");
  g_assert_cmpuint (placements_import_dialog_get_n_unresolved (dialog), ==, 1);
  /* Nothing written before the Import button. */
  g_autofree char *rung = field (fixture, "SELECT rung FROM ladder_step WHERE uuid = '" STEP "'");
  g_assert_cmpstr (rung, ==, "3");
  return dialog;
}

/* The conflict's own toggle: take theirs. The change comes in, their goals too. */
static void
test_conflict_take_theirs (Fixture       *fixture,
                           gconstpointer  data)
{
  PlacementsImportDialog *dialog = open_conflicting_update (fixture);
  GtkWidget *theirs = find_button (GTK_WIDGET (dialog), "Take Theirs", 0);
  g_autofree char *goals = NULL;
  g_autofree char *rung = NULL;

  g_assert_nonnull (theirs);
  /* Unresolved, the import cannot start. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL) &&
                  find_dialog () == NULL);
  click (theirs);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (theirs)));
  g_assert_cmpuint (placements_import_dialog_get_n_unresolved (dialog), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
  placements_test_wait_until (dialog_done, NULL, 20000);
  g_assert_true (find_dialog () == dialog);

  /* The answer for the sender, offered after the import, named as a sent file is. */
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
    g_autofree char *expected = g_strdup_printf ("%s Werkbedrijf Oost to Zorggroep De Linde"
                                                 ".placements.xml", today);
    g_autofree char *name = placements_import_dialog_dup_ack_name (dialog);
    g_autofree char *ack = g_build_filename (fixture->folder, name, NULL);
    g_autofree char *contents = NULL;

    g_assert_cmpstr (name, ==, expected);
    gtk_widget_activate_action (GTK_WIDGET (dialog), "import.save-ack", "^ay", ack);
    placements_test_wait_until (dialog_gone, NULL, 20000);
    g_assert_true (g_file_get_contents (ack, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "<kind>acknowledgement</kind>"));
    g_assert_nonnull (strstr (contents, "22222222-2222-4222-8222-222222222222"));
  }

  goals = field (fixture, "SELECT goals FROM client WHERE uuid = '" CLIENT "'");
  g_assert_cmpstr (goals, ==, "Vier dagdelen per week inpakken");
  rung = field (fixture, "SELECT rung FROM ladder_step WHERE uuid = '" STEP "'");
  g_assert_cmpstr (rung, ==, "4");
}

/* "Keep all ours": our goals stay, the plain change still comes in. */
static void
test_conflict_keep_ours (Fixture       *fixture,
                         gconstpointer  data)
{
  PlacementsImportDialog *dialog = open_conflicting_update (fixture);
  GtkWidget *all_ours = find_button (GTK_WIDGET (dialog), "Keep All _Ours", 0);
  GtkWidget *ours = find_button (GTK_WIDGET (dialog), "Keep Ours", 0);
  g_autofree char *goals = NULL;
  g_autofree char *rung = NULL;

  g_assert_nonnull (all_ours);
  click (all_ours);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (ours)));
  g_assert_cmpuint (placements_import_dialog_get_n_unresolved (dialog), ==, 0);
  click (find_button (GTK_WIDGET (dialog), "_Import", 0));
  placements_test_wait_until (dialog_done, NULL, 20000);
  click (find_button (GTK_WIDGET (dialog), "_Close", 0));
  placements_test_wait_until (dialog_gone, NULL, 20000);

  goals = field (fixture, "SELECT goals FROM client WHERE uuid = '" CLIENT "'");
  g_assert_cmpstr (goals, ==, "Vijf dagdelen");
  rung = field (fixture, "SELECT rung FROM ladder_step WHERE uuid = '" STEP "'");
  g_assert_cmpstr (rung, ==, "4");
}

/* Cancel on the preview: nothing written. */
static void
test_cancel_preview (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = fixture_path ("valid-referral.xml");
  g_autofree char *before = placements_test_dump_database (fixture->store);
  g_autofree char *after = NULL;
  PlacementsImportDialog *dialog;

  present_window (fixture);
  dialog = open_file (fixture, path);
  g_assert_cmpstr (placements_import_dialog_get_stage (dialog), ==, "preview");
  click (find_button (GTK_WIDGET (dialog), "_Cancel", 0));
  placements_test_wait_until (dialog_gone, NULL, 20000);
  after = placements_test_dump_database (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

/* A hostile file: the core's message (file, line, rule) is shown, nothing is written. */
static void
test_hostile_file (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = fixture_path ("external-entity.xml");
  g_autofree char *before = placements_test_dump_database (fixture->store);
  g_autofree char *after = NULL;
  PlacementsImportDialog *dialog;
  const char *message;

  present_window (fixture);
  dialog = open_file (fixture, path);
  g_assert_cmpstr (placements_import_dialog_get_stage (dialog), ==, "refused");
  message = placements_import_dialog_get_message (dialog);
  g_test_message ("%s", message);
  g_assert_nonnull (strstr (message, "external-entity.xml"));
  g_assert_nonnull (strstr (message, "line"));
  g_assert_nonnull (strstr (message, "rule"));
  g_assert_false (gtk_widget_get_visible (find_button (GTK_WIDGET (dialog), "_Import", 0)));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL);
  placements_test_wait_until (dialog_gone, NULL, 20000);
  after = placements_test_dump_database (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

/* A file large enough for its writing to be seen: the demo data of a sender, all of whose
 * clients consent to this receiver. */
static char *
make_large_message (const char *folder,
                    guint       n_clients)
{
  g_autofree char *sender_path = g_build_filename (folder, "sender.db", NULL);
  g_autoptr(PlacementsStore) sender = placements_test_open_store (sender_path);
  g_autoptr(PlacementsOrganisation) receiver = NULL;
  g_autoptr(PlacementsExport) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *own = NULL;
  g_autofree char *to = NULL;
  g_autofree char *sql = NULL;
  char *path = g_build_filename (folder, "large.placements.xml", NULL);

  g_assert_true (placements_demo_generate (sender, n_clients, 1, NULL, &error));
  g_assert_no_error (error);
  own = placements_test_query_text (sender, "SELECT care_organisation_uuid FROM client "
                                            "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
  sql = g_strdup_printf ("SELECT receiver_uuid FROM consent WHERE purpose IN ('placement', "
                         "'referral') AND receiver_uuid <> '%s' "
                         "GROUP BY 1 ORDER BY count(*) DESC LIMIT 1", own);
  to = placements_test_query_text (sender, sql);
  g_assert_true (placements_exchange_set_own_organisation (sender, own, &error));
  g_assert_no_error (error);
  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf (
    "INSERT INTO consent (uuid, created, updated, client_uuid, receiver_uuid, purpose, "
    "data_categories, given_by, given_date) "
    "SELECT lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' "
    "|| substr(hex(randomblob(2)), 2) || '-a' || substr(hex(randomblob(2)), 2) || '-' "
    "|| hex(randomblob(6))), strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now'), "
    "strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now'), c.uuid, '%s', 'placement', 15, 'client', "
    "date('now', '-1 day') FROM client c", to);
  g_assert_cmpint (sqlite3_exec (placements_store_get_connection (sender), sql, NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  receiver = placements_store_load (sender, PLACEMENTS_TYPE_ORGANISATION, to, &error);
  g_assert_no_error (error);
  export = placements_export_new (sender, placements_organisation_get_exchange_id (receiver),
                                  NULL, FALSE);
  g_assert_true (placements_export_write (export, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  return path;
}

static void
cancel_halfway_cb (GtkProgressBar         *bar,
                   GParamSpec             *pspec,
                   PlacementsImportDialog *dialog)
{
  double fraction = gtk_progress_bar_get_fraction (bar);

  if (fraction > 0.0 && fraction < 1.0)
    {
      gboolean *cancelled = g_object_get_data (G_OBJECT (bar), "cancelled");

      *cancelled = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL);
    }
}

/* Cancel while the records are being written: rolled back, the database as it was. */
static void
test_cancel_halfway (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = make_large_message (fixture->folder, 1000);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = g_build_filename (fixture->folder, "receiver.db", NULL);
  PlacementsImportDialog *dialog;
  GtkWidget *bar;
  gboolean cancelled = FALSE;

  /* A receiver made from the file itself, as a new database is. */
  g_clear_object (&fixture->store);
  fixture->store = placements_test_open_store (db);
  g_object_unref (placements_exchange_adopt_receiver (fixture->store, path, &error));
  g_assert_no_error (error);
  placements_store_set_busy_timeout (fixture->store, PLACEMENTS_STORE_INTERACTIVE_BUSY_TIMEOUT);
  before = placements_test_dump_database (fixture->store);

  present_window (fixture);
  dialog = open_file (fixture, path);
  g_assert_cmpstr (placements_import_dialog_get_stage (dialog), ==, "preview");
  bar = placements_test_find_descendant (GTK_WIDGET (dialog), GTK_TYPE_PROGRESS_BAR);
  g_object_set_data (G_OBJECT (bar), "cancelled", &cancelled);
  /* Connected after the start, which sets the bar back to 0. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
  g_signal_connect (bar, "notify::fraction", G_CALLBACK (cancel_halfway_cb), dialog);
  placements_test_wait_until (dialog_gone, NULL, 60000);
  g_assert_true (cancelled);

  after = placements_test_dump_database (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

static gboolean
widget_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

/* The first button in @widget's tree that activates @action. */
static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The partner's answer to a referral we sent: shown before it is recorded, then listed
 * with the sent message in Messages, rejection and reason included. */
static void
test_acknowledgement (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *path = fixture_path ("valid-ack.xml");
  g_autofree char *answered = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  PlacementsImportDialog *dialog;
  PlacementsMessagesPage *messages;
  GtkStack *stack;

  /* This database is the sender, org-a, that sent referral 1111… to org-b. */
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_ORGANISATION, ORG_A,
                            "name", "Zorggroep De Linde", "kind", "care-provider",
                            "country", "nl", "exchange-id", "org-a", NULL);
  g_assert_true (placements_exchange_set_own_organisation (fixture->store, ORG_A, &error));
  g_assert_true (placements_exchange_log_message (fixture->store, REFERRAL_ID,
                                                  PLACEMENTS_MESSAGE_SENT, "referral", ORG_B,
                                                  "2026-03-01T09:00:00Z", NULL, 6, &error));
  g_assert_no_error (error);
  /* The ladder step the answer rejects, as sent from here. */
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_CLIENT,
                            "aaaaaaaa-0000-4000-8000-000000000020",
                            "given-name", "Piet", "family-name", "Jansen", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_LADDER_STEP,
                            "aaaaaaaa-0000-4000-8000-000000000040",
                            "client-uuid", "aaaaaaaa-0000-4000-8000-000000000020",
                            "date", "2026-02-01", "rung", "3", NULL);

  /* Messages is a page of the window, the sidebar's last row. */
  present_window (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-messages",
                                             NULL));
  placements_test_flush_events ();
  messages = PLACEMENTS_MESSAGES_PAGE (placements_test_find_descendant (
    GTK_WIDGET (fixture->window), PLACEMENTS_TYPE_MESSAGES_PAGE));
  stack = GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (messages)));
  g_assert_true (gtk_stack_get_visible_child (stack) == GTK_WIDGET (messages));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (messages)));
  text = placements_messages_page_dup_text (messages);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Referral to Werkbedrijf Oost"));
  g_assert_nonnull (strstr (text, "6 records"));
  g_assert_nonnull (strstr (text, "Waiting for the answer"));
  g_clear_pointer (&text, g_free);

  dialog = open_file (fixture, path);
  g_assert_cmpstr (placements_import_dialog_get_stage (dialog), ==, "preview");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
  placements_test_wait_until (dialog_gone, NULL, 20000);
  answered = field (fixture, "SELECT answered IS NOT NULL FROM exchange_message "
                             "WHERE message_id = '" REFERRAL_ID "'");
  g_assert_cmpstr (answered, ==, "1");

  /* Shown again, it reads the answer: the rejected record by its name here, with a button
   * that opens it. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-section", "s", "clients");
  placements_test_flush_events ();
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-messages", NULL);
  placements_test_flush_events ();
  text = placements_messages_page_dup_text (messages);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Answered: 1 accepted, 1 rejected"));
  g_assert_nonnull (strstr (text, "Rejected: Participation ladder step of Jansen, Piet — "
                                  "Rung is not plausible (rule: record-valid)"));
  {
    GtkWidget *open = find_action_button (GTK_WIDGET (messages), "win.open-record");
    GtkWidget *editor;

    /* Its button opens the ladder step in the window. */
    g_assert_nonnull (open);
    g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (open)), ==,
                     "win.open-record");
    /* As a user would: the message's row expanded, then the button clicked. */
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_widget_get_ancestor (
                                     open, ADW_TYPE_EXPANDER_ROW)), TRUE);
    placements_test_wait_until (widget_mapped, open, 5000);
    click (open);
    placements_test_flush_events ();
    editor = placements_test_find_descendant (GTK_WIDGET (fixture->window),
                                              PLACEMENTS_TYPE_RECORD_EDITOR);
    g_assert_nonnull (editor);
    g_assert_cmpstr (placements_record_get_uuid (
                       placements_record_editor_get_record (PLACEMENTS_RECORD_EDITOR (editor))),
                     ==, "aaaaaaaa-0000-4000-8000-000000000040");
  }
}

/* A new database starts from a partner's first file: the dialog names the organisation the
 * file is addressed to and takes it as its own only when asked. */
static void
test_new_database (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = fixture_path ("valid-referral.xml");
  g_autofree char *db = g_build_filename (fixture->folder, "new.db", NULL);
  g_autofree char *n = NULL;
  g_autofree char *own = NULL;
  PlacementsImportDialog *dialog;

  g_clear_object (&fixture->store);
  fixture->store = placements_test_open_store (db);
  placements_store_set_busy_timeout (fixture->store, PLACEMENTS_STORE_INTERACTIVE_BUSY_TIMEOUT);
  present_window (fixture);
  dialog = open_file (fixture, path);
  g_assert_cmpstr (placements_import_dialog_get_stage (dialog), ==, "refused");
  g_assert_cmpstr (placements_import_dialog_get_offered_owner (dialog), ==, "Werkbedrijf Oost");
  n = field (fixture, "SELECT count(*) FROM organisation");
  g_assert_cmpstr (n, ==, "0");

  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.adopt", NULL);
  placements_test_wait_until (dialog_left_progress, NULL, 20000);
  g_assert_cmpstr (placements_import_dialog_get_stage (dialog), ==, "preview");
  own = placements_exchange_dup_own_organisation (fixture->store);
  g_assert_cmpstr (own, ==, ORG_B);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
  placements_test_wait_until (dialog_done, NULL, 20000);
  g_clear_pointer (&n, g_free);
  n = field (fixture, "SELECT count(*) FROM client WHERE uuid = '" CLIENT "'");
  g_assert_cmpstr (n, ==, "1");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL);
  placements_test_wait_until (dialog_gone, NULL, 20000);
}

/* A file dropped on the window opens in the preview, as one chosen does. */
static void
test_drop (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = fixture_path ("valid-referral.xml");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) controllers = NULL;
  g_autoptr(GSList) files = g_slist_prepend (NULL, file);
  GValue value = G_VALUE_INIT;
  GtkDropTarget *target = NULL;
  gboolean accepted = FALSE;
  PlacementsImportDialog *dialog;

  present_window (fixture);
  controllers = gtk_widget_observe_controllers (GTK_WIDGET (fixture->window));
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        target = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_set_boxed (&value, files);
  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_value_unset (&value);
  g_assert_true (accepted);

  placements_test_wait_until (dialog_left_progress, NULL, 20000);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (placements_import_dialog_get_stage (dialog), ==, "preview");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "import.cancel", NULL);
  placements_test_wait_until (dialog_gone, NULL, 20000);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/exchange-import/conflict-take-theirs", Fixture, NULL, fixture_set_up,
              test_conflict_take_theirs, fixture_tear_down);
  g_test_add ("/exchange-import/conflict-keep-ours", Fixture, NULL, fixture_set_up,
              test_conflict_keep_ours, fixture_tear_down);
  g_test_add ("/exchange-import/cancel-preview", Fixture, NULL, fixture_set_up,
              test_cancel_preview, fixture_tear_down);
  g_test_add ("/exchange-import/hostile-file", Fixture, NULL, fixture_set_up,
              test_hostile_file, fixture_tear_down);
  g_test_add ("/exchange-import/acknowledgement", Fixture, NULL, fixture_set_up,
              test_acknowledgement, fixture_tear_down);
  g_test_add ("/exchange-import/new-database", Fixture, NULL, fixture_set_up,
              test_new_database, fixture_tear_down);
  g_test_add ("/exchange-import/drop", Fixture, NULL, fixture_set_up, test_drop,
              fixture_tear_down);
  g_test_add ("/exchange-import/cancel-halfway", Fixture, NULL, fixture_set_up,
              test_cancel_halfway, fixture_tear_down);

  return g_test_run ();
}
