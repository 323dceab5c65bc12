#define G_LOG_DOMAIN "placements-backup-dialogs"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-backup.h"
#include "placements-backup-dialogs.h"
#include "placements-timestamp.h"

/* What a dialog needs after its response; the store and the toasts may go first. */
typedef struct
{
  GtkWindow       *parent;
  PlacementsStore *store;
  AdwToastOverlay *toasts;
  char            *path;
} Request;

static Request *
request_new (GtkWindow       *parent,
             PlacementsStore *store,
             AdwToastOverlay *toasts)
{
  Request *request = g_new0 (Request, 1);

  g_set_weak_pointer (&request->parent, parent);
  request->store = g_object_ref (store);
  g_set_weak_pointer (&request->toasts, toasts);
  return request;
}

static void
request_free (Request *request)
{
  g_clear_weak_pointer (&request->parent);
  g_clear_object (&request->store);
  g_clear_weak_pointer (&request->toasts);
  g_free (request->path);
  g_free (request);
}

static void
show_error (GtkWindow  *parent,
            const char *heading,
            const char *message)
{
  AdwMessageDialog *dialog =
    ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, heading, message));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_toast (Request    *request,
            const char *title)
{
  if (request->toasts != NULL)
    adw_toast_overlay_add_toast (request->toasts, adw_toast_new (title));
}

static char *
dup_chosen_path (GtkNativeDialog *chooser)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  return file != NULL ? g_file_get_path (file) : NULL;
}

/* What the chooser's Accept does with the file chosen. */
static void
back_up_to (GtkWindow       *parent,
            PlacementsStore *store,
            AdwToastOverlay *toasts,
            const char      *path)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PLACEMENTS_IS_STORE (store));

  if (!placements_backup_write (store, path, &error))
    {
      show_error (parent, _("Could Not Back Up"), error->message);
      return;
    }
  title = g_strdup_printf (_("Backup written to “%s”"), name);
  if (toasts != NULL)
    adw_toast_overlay_add_toast (toasts, adw_toast_new (title));
}

static void
back_up_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     Request         *request)
{
  g_autofree char *path = response == GTK_RESPONSE_ACCEPT ? dup_chosen_path (chooser) : NULL;

  if (path != NULL && request->parent != NULL)
    back_up_to (request->parent, request->store, request->toasts, path);
  request_free (request);
  g_object_unref (chooser);
}

void
placements_backup_dialogs_back_up (GtkWindow       *parent,
                                   PlacementsStore *store,
                                   AdwToastOverlay *toasts)
{
  GtkFileChooserNative *chooser;
  g_autofree char *today = placements_timestamp_today ();
  g_autofree char *name = NULL;

  g_return_if_fail (PLACEMENTS_IS_STORE (store));

  chooser = gtk_file_chooser_native_new (_("Back Up the Database"), parent,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Back Up"),
                                         _("_Cancel"));
  /* TRANSLATORS: the file name a backup is offered under; %s is today's date */
  name = g_strdup_printf (_("placements-backup-%s.db"), today);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (back_up_response_cb),
                    request_new (parent, store, toasts));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
request_closure_free (gpointer  data,
                      GClosure *closure)
{
  request_free (data);
}

static void
restore_confirmed_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      Request          *request)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kept = NULL;

  if (g_str_equal (response, "restore"))
    {
      if (!placements_backup_restore (request->store, request->path, NULL, &kept, &error))
        show_error (request->parent, _("Could Not Restore"), error->message);
      else
        show_toast (request, _("Backup restored; the records as they were are kept as a "
                               "backup"));
    }
}

/* What the chooser's Accept does with the file chosen. */
static void
restore_from (GtkWindow       *parent,
              PlacementsStore *store,
              AdwToastOverlay *toasts,
              const char      *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  AdwMessageDialog *dialog;
  Request *request;

  g_return_if_fail (PLACEMENTS_IS_STORE (store));

  /* A bad file is refused here, before the question, and nothing is touched. */
  if (!placements_backup_check_file (path, &error))
    {
      show_error (parent, _("Could Not Restore"), error->message);
      return;
    }

  request = request_new (parent, store, toasts);
  name = g_path_get_basename (path);
  request->path = g_strdup (path);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Restore This Backup?"),
                                                       NULL));
  adw_message_dialog_format_body (dialog,
                                  _("All records are replaced by those in “%s”. The records "
                                    "as they are now are kept as a backup of their own."),
                                  name);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                    "restore", _("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (restore_confirmed_cb), request,
                         request_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     Request         *request)
{
  g_autofree char *path = response == GTK_RESPONSE_ACCEPT ? dup_chosen_path (chooser) : NULL;

  g_object_unref (chooser);
  if (path != NULL && request->parent != NULL)
    restore_from (request->parent, request->store, request->toasts, path);
  request_free (request);
}

void
placements_backup_dialogs_restore (GtkWindow       *parent,
                                   PlacementsStore *store,
                                   AdwToastOverlay *toasts)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  g_return_if_fail (PLACEMENTS_IS_STORE (store));

  chooser = gtk_file_chooser_native_new (_("Restore a Backup"), parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Placements backups"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_signal_connect (chooser, "response", G_CALLBACK (restore_response_cb),
                    request_new (parent, store, toasts));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
