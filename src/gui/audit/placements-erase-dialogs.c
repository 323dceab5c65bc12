#define G_LOG_DOMAIN "placements-erase-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-erase.h"
#include "placements-erase-dialogs.h"
#include "placements-record-types.h"

/* What the two questions need after their answers; the window may go first. */
typedef struct
{
  GtkWindow           *parent;
  PlacementsStore     *store;
  AdwToastOverlay     *toasts;
  char                *client_uuid;
  char                *name;
  PlacementsEraseDone  about_to_erase;
  gpointer             user_data;
} Request;

static void
request_free (gpointer  data,
              GClosure *closure)
{
  Request *request = data;

  g_clear_weak_pointer (&request->parent);
  g_clear_weak_pointer (&request->toasts);
  g_clear_object (&request->store);
  g_free (request->client_uuid);
  g_free (request->name);
  g_free (request);
}

static void
erase (Request *request)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gboolean file_clean = TRUE;
  guint n_records = 0;

  if (request->parent != NULL && request->about_to_erase != NULL)
    request->about_to_erase (request->client_uuid, request->user_data);
  if (!placements_erase_client (request->store, request->client_uuid, &n_records, &file_clean,
                                &error))
    {
      AdwMessageDialog *dialog =
        ADW_MESSAGE_DIALOG (adw_message_dialog_new (request->parent, _("Could Not Erase"),
                                                    error->message));

      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  if (!file_clean)
    /* Translators: %s is the client's name. */
    title = g_strdup_printf (_("“%s” erased; the last traces leave the file when other "
                               "programs close the database"), request->name);
  else
    /* Translators: %s is the client's name. */
    title = g_strdup_printf (_("“%s” erased"), request->name);
  if (request->toasts != NULL)
    adw_toast_overlay_add_toast (request->toasts, adw_toast_new (title));
}

static void
second_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Request          *request)
{
  if (g_str_equal (response, "erase"))
    erase (request);
}

static void
first_response_cb (AdwMessageDialog *first,
                   const char       *response,
                   Request          *request)
{
  Request *second_request;
  AdwMessageDialog *dialog;

  if (!g_str_equal (response, "continue"))
    return;

  /* The second question, with its own copy: the first one's goes with its dialog. */
  second_request = g_new0 (Request, 1);
  g_set_weak_pointer (&second_request->parent, request->parent);
  g_set_weak_pointer (&second_request->toasts, request->toasts);
  second_request->store = g_object_ref (request->store);
  second_request->client_uuid = g_strdup (request->client_uuid);
  second_request->name = g_strdup (request->name);
  second_request->about_to_erase = request->about_to_erase;
  second_request->user_data = request->user_data;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (request->parent,
                                                       _("This Cannot Be Undone"), NULL));
  adw_message_dialog_format_body (dialog,
                                  _("“%s” is erased now, for good: there is no undo, and "
                                    "the records cannot be brought back from this "
                                    "database."),
                                  request->name);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "erase", _("_Erase for Good"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "erase", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (second_response_cb), second_request,
                         request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
placements_erase_dialogs_run (GtkWindow           *parent,
                              PlacementsStore     *store,
                              const char          *client_uuid,
                              AdwToastOverlay     *toasts,
                              PlacementsEraseDone  about_to_erase,
                              gpointer             user_data)
{
  g_autoptr(PlacementsRecord) client = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  Request *request;

  g_return_if_fail (PLACEMENTS_IS_STORE (store));
  g_return_if_fail (client_uuid != NULL);

  client = placements_store_load (store, PLACEMENTS_TYPE_CLIENT, client_uuid, &error);
  if (client == NULL)
    {
      if (toasts != NULL)
        adw_toast_overlay_add_toast (toasts, adw_toast_new (error->message));
      return;
    }

  request = g_new0 (Request, 1);
  g_set_weak_pointer (&request->parent, parent);
  g_set_weak_pointer (&request->toasts, toasts);
  request->store = g_object_ref (store);
  request->client_uuid = g_strdup (client_uuid);
  request->name = placements_record_dup_display_name (client, store);
  request->about_to_erase = about_to_erase;
  request->user_data = user_data;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, NULL, NULL));
  /* Translators: %s is the client's name. */
  adw_message_dialog_format_heading (dialog, _("Erase “%s”?"), request->name);
  adw_message_dialog_format_body (dialog,
                                  _("Erasing removes “%s” and everything about them: "
                                    "placements, progress notes, consents, ladder steps, "
                                    "attendance, allocations and what was exchanged with "
                                    "partners. It is wiped from the database file, beyond "
                                    "recovery, and cannot be undone. The access log keeps "
                                    "only a number in place of the name. Backups made "
                                    "before now still hold the client."),
                                  request->name);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "continue", _("_Continue…"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "continue", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (first_response_cb), request,
                         request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
