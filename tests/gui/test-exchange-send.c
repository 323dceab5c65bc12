#define G_LOG_DOMAIN "placements-test-exchange-send"

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "placements-exchange-state.h"
#include "placements-record-editor.h"
#include "placements-record-types.h"
#include "placements-send-dialog.h"
#include "placements-send-group.h"
#include "placements-test-gui.h"
#include "placements-test-utils.h"
#include "placements-window.h"

/* Sending to a partner through the window: the dialog names the client left out and why,
 * writes the file for the one who consented, and records the message as sent. */

#define OWN "aaaaaaaa-0000-4000-8000-000000000001"
#define PARTNER "bbbbbbbb-0000-4000-8000-000000000002"

static char *
make_client (PlacementsStore *store,
             const char      *family_name)
{
  g_autoptr(PlacementsRecord) record = g_object_new (PLACEMENTS_TYPE_CLIENT, NULL);
  g_autoptr(GError) error = NULL;

  placements_record_set_field_text (record, "given-name", "Sam", &error);
  placements_record_set_field_text (record, "family-name", family_name, &error);
  placements_record_set_field_text (record, "date-of-birth", "1990-01-01", &error);
  placements_record_set_field_text (record, "care-organisation-uuid", OWN, &error);
  g_assert_no_error (error);
  placements_store_save (store, record, &error);
  g_assert_no_error (error);
  return g_strdup (placements_record_get_uuid (record));
}

static PlacementsSendDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (PLACEMENTS_IS_SEND_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return PLACEMENTS_SEND_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return find_dialog () == NULL;
}

/* The first button in @widget's tree labelled @label. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
give_consent (PlacementsStore *store,
              const char      *client_uuid)
{
  placements_test_save_new (store, PLACEMENTS_TYPE_CONSENT, NULL, "client-uuid", client_uuid,
                            "receiver-uuid", PARTNER, "purpose", "placement",
                            "data-categories", "identity,support,progress,placements",
                            "given-by", "client", "given-date", "2020-01-01", NULL);
}

static void
add_partners (PlacementsStore *store)
{
  g_autoptr(GError) error = NULL;

  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, OWN,
                            "name", "Zorggroep De Linde", "kind", "care-provider",
                            "country", "nl", "exchange-id", "org-a", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, PARTNER,
                            "name", "IJsseldelta", "kind", "social-employment-company",
                            "country", "nl", "exchange-id", "org-b", NULL);
  g_assert_true (placements_exchange_set_own_organisation (store, OWN, &error));
  g_assert_no_error (error);
}

/* From a client's page: the dialog for that client alone, who travels only if their
 * consent lets them; the others, consent or not, stay home. */
static void
test_send_from_client_page (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "a.db", NULL);
  g_autofree char *file = g_build_filename (folder, "goossens.placements.xml", NULL);
  g_autoptr(PlacementsStore) store = placements_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *akkerman = NULL;
  g_autofree char *goossens = NULL;
  g_autofree char *claes = NULL;
  g_autofree char *left_out = NULL;
  g_autofree char *contents = NULL;
  PlacementsWindow *window;
  PlacementsSendDialog *dialog;
  GtkWidget *group;
  GtkWidget *button;

  add_partners (store);
  akkerman = make_client (store, "Akkerman");
  goossens = make_client (store, "Goossens");
  claes = make_client (store, "Claes");
  give_consent (store, goossens);
  give_consent (store, claes);
  placements_store_set_busy_timeout (store, PLACEMENTS_STORE_INTERACTIVE_BUSY_TIMEOUT);

  window = g_object_ref_sink (g_object_new (PLACEMENTS_TYPE_WINDOW, "store", store, NULL));
  gtk_window_present (GTK_WINDOW (window));
  placements_test_flush_events ();

  /* Goossens's page has the button; it opens the dialog for Goossens alone. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "(ss)",
                                             "client", goossens));
  placements_test_flush_events ();
  group = placements_test_find_descendant (GTK_WIDGET (window), PLACEMENTS_TYPE_SEND_GROUP);
  g_assert_nonnull (group);
  g_assert_true (gtk_widget_get_visible (group));
  button = placements_send_group_get_button (PLACEMENTS_SEND_GROUP (group));
  g_signal_emit_by_name (button, "clicked");
  placements_test_flush_events ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (dialog)), ==,
                   "Send Goossens, Sam to a Partner");
  g_assert_cmpuint (placements_send_dialog_get_n_clients (dialog), ==, 1);
  left_out = placements_send_dialog_dup_left_out (dialog);
  g_assert_cmpstr (left_out, ==, "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "send.write", "^ay", file));
  placements_test_wait_until (dialog_gone, NULL, 20000);
  g_assert_true (g_file_get_contents (file, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "Goossens"));
  g_assert_null (strstr (contents, "Claes"));
  g_assert_null (strstr (contents, "Akkerman"));

  /* Akkerman's page: nobody travels, and the dialog says why. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.send-client", "s",
                                             akkerman));
  placements_test_flush_events ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (placements_send_dialog_get_n_clients (dialog), ==, 0);
  g_clear_pointer (&left_out, g_free);
  left_out = placements_send_dialog_dup_left_out (dialog);
  g_assert_cmpstr (left_out, ==, "Akkerman, Sam: No consent for IJsseldelta\n");
  gtk_window_destroy (GTK_WINDOW (dialog));

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  placements_test_flush_events ();
  g_clear_object (&store);
  placements_test_remove_folder (folder);
}

static void
test_send_left_out (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "a.db", NULL);
  g_autofree char *file = g_build_filename (folder, "to-b.placements.xml", NULL);
  g_autoptr(PlacementsStore) store = placements_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *akkerman = NULL;
  g_autofree char *goossens = NULL;
  g_autofree char *left_out = NULL;
  g_autofree char *name = NULL;
  g_autofree char *expected_name = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *n_sent = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  PlacementsWindow *window;
  PlacementsSendDialog *dialog;
  GStatBuf info;

  add_partners (store);
  akkerman = make_client (store, "Akkerman");
  goossens = make_client (store, "Goossens");
  give_consent (store, goossens);
  placements_store_set_busy_timeout (store, PLACEMENTS_STORE_INTERACTIVE_BUSY_TIMEOUT);

  window = g_object_ref_sink (g_object_new (PLACEMENTS_TYPE_WINDOW, "store", store, NULL));
  gtk_window_present (GTK_WINDOW (window));
  placements_test_flush_events ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.send-to-partner",
                                             NULL));
  placements_test_flush_events ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpuint (placements_send_dialog_get_n_clients (dialog), ==, 1);
  left_out = placements_send_dialog_dup_left_out (dialog);
  g_test_message ("%s", left_out);
  g_assert_cmpstr (left_out, ==, "Akkerman, Sam: No consent for IJsseldelta\n");
  name = placements_send_dialog_dup_suggested_name (dialog);
  expected_name = g_strdup_printf ("%s Zorggroep De Linde to IJsseldelta.placements.xml",
                                   today);
  g_assert_cmpstr (name, ==, expected_name);

  /* The one left out opens in the window behind, to record a consent; the dialog stays. */
  {
    GtkWidget *open = find_button (GTK_WIDGET (dialog), "Open");
    PlacementsRecordEditor *editor = PLACEMENTS_RECORD_EDITOR (
      placements_test_find_descendant (GTK_WIDGET (window), PLACEMENTS_TYPE_RECORD_EDITOR));

    g_assert_nonnull (open);
    g_signal_emit_by_name (open, "clicked");
    placements_test_flush_events ();
    g_assert_cmpstr (placements_record_get_uuid (placements_record_editor_get_record (editor)),
                     ==, akkerman);
    g_assert_true (find_dialog () == dialog);
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "send.write", "^ay", file));
  placements_test_wait_until (dialog_gone, NULL, 20000);

  g_assert_true (g_file_get_contents (file, &contents, NULL, &error));
  g_assert_nonnull (strstr (contents, "Goossens"));
  g_assert_null (strstr (contents, "Akkerman"));
  g_assert_cmpint (g_stat (file, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  n_sent = placements_test_query_text (store, "SELECT count(*) FROM exchange_message "
                                              "WHERE direction = 'sent'");
  g_assert_cmpstr (n_sent, ==, "1");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);
  placements_test_flush_events ();
  g_clear_object (&store);
  placements_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_test_add_func ("/exchange-send/left-out", test_send_left_out);
  g_test_add_func ("/exchange-send/from-client-page", test_send_from_client_page);
  return g_test_run ();
}
