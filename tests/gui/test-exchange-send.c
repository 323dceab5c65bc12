#define G_LOG_DOMAIN "placements-test-exchange-send"

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "placements-exchange-state.h"
#include "placements-record-types.h"
#include "placements-send-dialog.h"
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

  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, OWN,
                            "name", "Zorggroep De Linde", "kind", "care-provider",
                            "country", "nl", "exchange-id", "org-a", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, PARTNER,
                            "name", "IJsseldelta", "kind", "social-employment-company",
                            "country", "nl", "exchange-id", "org-b", NULL);
  g_assert_true (placements_exchange_set_own_organisation (store, OWN, &error));
  akkerman = make_client (store, "Akkerman");
  goossens = make_client (store, "Goossens");
  placements_test_save_new (store, PLACEMENTS_TYPE_CONSENT, NULL, "client-uuid", goossens,
                            "receiver-uuid", PARTNER, "purpose", "placement",
                            "data-categories", "identity,support,progress,placements",
                            "given-by", "client", "given-date", "2020-01-01", NULL);
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
  return g_test_run ();
}
