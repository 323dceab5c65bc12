#define G_LOG_DOMAIN "placements-send-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "placements-exchange-jobs.h"
#include "placements-exchange-plan.h"
#include "placements-exchange-state.h"
#include "placements-record-types.h"
#include "placements-send-dialog.h"

/* The left-out clients listed by name; beyond this, the count says how many more. */
#define MAX_LISTED 100

struct _PlacementsSendDialog
{
  AdwWindow       parent_instance;

  /* Template */
  GtkWidget      *save_button;
  GtkStack       *stack;
  GtkDropDown    *receiver_drop_down;
  GtkDropDown    *pilot_drop_down;
  GtkSwitch      *report_switch;
  AdwActionRow   *travel_row;
  AdwPreferencesGroup *left_out_group;
  GtkListBox     *left_out_list;
  GtkLabel       *progress_title;
  GtkProgressBar *progress_bar;

  /* Owned */
  PlacementsStore *store;
  /* Parallel to the drop-downs' string lists: exchange ids, and pilot UUIDs (the first
   * NULL: no pilot). */
  GPtrArray       *receiver_ids;
  GPtrArray       *pilot_uuids;
  char            *own_name;
  /* Only this client, as sent from their page; NULL: all the rules let travel. */
  char            *client_uuid;
  PlacementsExportPlan *plan;
  GCancellable    *cancellable;
  char            *path;
};

G_DEFINE_FINAL_TYPE (PlacementsSendDialog, placements_send_dialog, ADW_TYPE_WINDOW)

static const char *
selected_receiver (PlacementsSendDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->receiver_drop_down);

  return i < self->receiver_ids->len ? g_ptr_array_index (self->receiver_ids, i) : NULL;
}

static const char *
selected_receiver_name (PlacementsSendDialog *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->receiver_drop_down);

  return item != NULL ? gtk_string_object_get_string (item) : "";
}

static const char *
selected_pilot (PlacementsSendDialog *self)
{
  guint i = gtk_drop_down_get_selected (self->pilot_drop_down);

  return i < self->pilot_uuids->len ? g_ptr_array_index (self->pilot_uuids, i) : NULL;
}

/* Fills @list and @ids from @sql's rows (name, id). */
static void
load_choices (PlacementsSendDialog *self,
              const char           *sql,
              const char           *own,
              GtkStringList        *list,
              GPtrArray            *ids)
{
  sqlite3 *db = placements_store_get_connection (self->store);
  sqlite3_stmt *statement = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL) != SQLITE_OK)
    {
      g_warning ("%s", sqlite3_errmsg (db));
      return;
    }
  if (own != NULL)
    sqlite3_bind_text (statement, 1, own, -1, SQLITE_TRANSIENT);
  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      gtk_string_list_append (list, (const char *) sqlite3_column_text (statement, 0));
      g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (statement, 1)));
    }
  sqlite3_finalize (statement);
}

static void
open_client_cb (GtkButton            *button,
                PlacementsSendDialog *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (button), "client-uuid");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  /* The record opens in the window behind; this dialog stays, to send after a fix. */
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.open-record", "(ss)", "client",
                                uuid);
}

/* What will travel and what will not, for the choices made now. */
static void
update_plan (PlacementsSendDialog *self)
{
  const char *receiver = selected_receiver (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *travel = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->left_out_list))) != NULL)
    gtk_list_box_remove (self->left_out_list, child);
  g_clear_pointer (&self->plan, placements_export_plan_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "send.choose-file", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "send.write", FALSE);

  if (*self->own_name == '\0')
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->travel_row),
                                     _("This database’s own organisation is not set"));
      adw_action_row_set_subtitle (self->travel_row,
                                   _("It is the sender of every file; a new database takes "
                                     "it from a partner’s first file"));
      gtk_widget_set_visible (GTK_WIDGET (self->left_out_group), FALSE);
      return;
    }
  if (receiver == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->travel_row),
                                     _("There is no partner organisation to send to yet"));
      adw_action_row_set_subtitle (self->travel_row,
                                   _("A partner is an organisation with an exchange id"));
      gtk_widget_set_visible (GTK_WIDGET (self->left_out_group), FALSE);
      return;
    }
  self->plan = placements_export_plan (self->store, receiver, selected_pilot (self),
                                       self->client_uuid,
                                       gtk_switch_get_active (self->report_switch),
                                       MAX_LISTED, &error);
  if (self->plan == NULL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->travel_row), error->message);
      adw_action_row_set_subtitle (self->travel_row, "");
      gtk_widget_set_visible (GTK_WIDGET (self->left_out_group), FALSE);
      return;
    }

  travel = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u client travels",
                                         "%u clients travel", self->plan->n_clients),
                            self->plan->n_clients);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->travel_row), travel);
  adw_action_row_set_subtitle (self->travel_row,
                               gtk_switch_get_active (self->report_switch)
                               ? _("As participant codes, with their placements and progress")
                               : _("With what their consents allow: who they are, their "
                                   "support question, progress and placements"));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "send.choose-file", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "send.write", TRUE);

  gtk_widget_set_visible (GTK_WIDGET (self->left_out_group), self->plan->n_left_out > 0);
  if (self->plan->n_left_out > 0)
    {
      g_autofree char *title = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE, "%u client left out", "%u clients left out",
                     self->plan->n_left_out), self->plan->n_left_out);

      adw_preferences_group_set_title (self->left_out_group, title);
      adw_preferences_group_set_description (
        self->left_out_group,
        _("Nothing about a client leaves without their valid consent for the receiver. "
          "Open a client to record or renew a consent."));
    }
  for (guint i = 0; i < self->plan->left_out->len; i++)
    {
      PlacementsLeftOut *left_out = g_ptr_array_index (self->plan->left_out, i);
      g_autofree char *why = placements_left_out_reason_describe (
        left_out->reason, selected_receiver_name (self));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_label (_("Open"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), left_out->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), why);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "client-uuid",
                              g_strdup (left_out->client_uuid), g_free);
      g_signal_connect_object (button, "clicked", G_CALLBACK (open_client_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->left_out_list, row);
    }
  if (self->plan->n_left_out > self->plan->left_out->len)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = g_strdup_printf (_("And %u more"),
                                               self->plan->n_left_out
                                               - self->plan->left_out->len);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      gtk_list_box_append (self->left_out_list, row);
    }
}

static void
choice_changed_cb (PlacementsSendDialog *self)
{
  update_plan (self);
}

char *
placements_send_dialog_dup_suggested_name (PlacementsSendDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;

  /* Translators: the suggested name of an exchange file: the date, the sending and the
   * receiving organisation. Keep ".placements.xml" at the end. */
  name = g_strdup_printf (_("%s %s to %s.placements.xml"), date, self->own_name,
                          selected_receiver_name (self));
  /* A file name holds no slashes: an organisation's name may. */
  g_strdelimit (name, "/\\", '-');
  return g_steal_pointer (&name);
}

static void
show_in_folder_toast (PlacementsSendDialog *self,
                      PlacementsExport     *export)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  g_autofree char *base = g_filename_display_basename (self->path);
  g_autofree char *message = NULL;
  guint n = placements_export_get_n_clients (export);

  /* Translators: after sending: the file's name, and how many clients it carries */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Saved “%s” with %u client",
                                          "Saved “%s” with %u clients", n), base, n);
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-saved-toast", "(s^ay)",
                                message, self->path);
}

static void
written_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PlacementsSendDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlacementsExport) export = NULL;

  export = placements_export_write_finish (PLACEMENTS_STORE (source), result, &error);
  if (export == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

          if (parent != NULL)
            gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-toast", "s",
                                        error->message);
        }
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  show_in_folder_toast (self, export);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
progress_cb (double      fraction,
             const char *stage,
             gpointer    user_data)
{
  PlacementsSendDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
  if (stage != NULL)
    gtk_progress_bar_set_text (self->progress_bar, stage);
}

/* Writes to the file named by the parameter: the chooser's answer, or a test's. */
static void
write_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PlacementsSendDialog *self = PLACEMENTS_SEND_DIALOG (widget);
  const char *receiver = selected_receiver (self);
  g_autofree char *title = NULL;

  if (receiver == NULL || self->path != NULL)
    return;
  self->path = g_strdup (g_variant_get_bytestring (parameter));
  /* Translators: %s is the receiving organisation */
  title = g_strdup_printf (_("Writing the file for %s…"), selected_receiver_name (self));
  gtk_label_set_text (self->progress_title, title);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_widget_set_visible (self->save_button, FALSE);
  placements_export_write_async (self->store, receiver, selected_pilot (self),
                                 self->client_uuid,
                                 gtk_switch_get_active (self->report_switch), self->path,
                                 progress_cb, g_object_ref (self), g_object_unref,
                                 self->cancellable, written_cb, g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog      *chooser,
                     int                   response,
                     PlacementsSendDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "send.write", "^ay", path);
  g_object_unref (chooser);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlacementsSendDialog *self = PLACEMENTS_SEND_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = placements_send_dialog_dup_suggested_name (self);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Save the Exchange File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                         _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_file_filter_set_name (filter, _("Exchange files"));
  gtk_file_filter_add_mime_type (filter, "application/x-placements-exchange+xml");
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Cancel while writing: the export is cancelled and leaves no file; before, the dialog
 * closes. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlacementsSendDialog *self = PLACEMENTS_SEND_DIALOG (widget);

  if (self->path != NULL)
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static gboolean
close_request (GtkWindow *window)
{
  PlacementsSendDialog *self = PLACEMENTS_SEND_DIALOG (window);

  if (self->path != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return FALSE;
}

static void
placements_send_dialog_dispose (GObject *object)
{
  PlacementsSendDialog *self = PLACEMENTS_SEND_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLACEMENTS_TYPE_SEND_DIALOG);
  G_OBJECT_CLASS (placements_send_dialog_parent_class)->dispose (object);
}

static void
placements_send_dialog_finalize (GObject *object)
{
  PlacementsSendDialog *self = PLACEMENTS_SEND_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->receiver_ids, g_ptr_array_unref);
  g_clear_pointer (&self->pilot_uuids, g_ptr_array_unref);
  g_clear_pointer (&self->plan, placements_export_plan_free);
  g_clear_pointer (&self->own_name, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->client_uuid, g_free);
  G_OBJECT_CLASS (placements_send_dialog_parent_class)->finalize (object);
}

static void
placements_send_dialog_class_init (PlacementsSendDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = placements_send_dialog_dispose;
  object_class->finalize = placements_send_dialog_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = close_request;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/example/Placements/gui/exchange/placements-send-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlacementsSendDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, PlacementsSendDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PlacementsSendDialog, receiver_drop_down);
  gtk_widget_class_bind_template_child (widget_class, PlacementsSendDialog, pilot_drop_down);
  gtk_widget_class_bind_template_child (widget_class, PlacementsSendDialog, report_switch);
  gtk_widget_class_bind_template_child (widget_class, PlacementsSendDialog, travel_row);
  gtk_widget_class_bind_template_child (widget_class, PlacementsSendDialog, left_out_group);
  gtk_widget_class_bind_template_child (widget_class, PlacementsSendDialog, left_out_list);
  gtk_widget_class_bind_template_child (widget_class, PlacementsSendDialog, progress_title);
  gtk_widget_class_bind_template_child (widget_class, PlacementsSendDialog, progress_bar);

  gtk_widget_class_install_action (widget_class, "send.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "send.write", "ay", write_action);
  gtk_widget_class_install_action (widget_class, "send.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "send.cancel", NULL);
}

static void
placements_send_dialog_init (PlacementsSendDialog *self)
{
  g_autoptr(GtkExpression) expression = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->receiver_ids = g_ptr_array_new_with_free_func (g_free);
  self->pilot_uuids = g_ptr_array_new_with_free_func (g_free);
  /* Searchable by the names shown. */
  expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  gtk_drop_down_set_expression (self->receiver_drop_down, expression);
  gtk_drop_down_set_expression (self->pilot_drop_down, expression);
}

PlacementsSendDialog *
placements_send_dialog_new (GtkWindow       *parent,
                            PlacementsStore *store,
                            const char      *pilot_uuid)
{
  PlacementsSendDialog *self = g_object_new (PLACEMENTS_TYPE_SEND_DIALOG,
                                             "transient-for", parent, NULL);
  g_autoptr(GtkStringList) receivers = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) pilots = gtk_string_list_new (NULL);
  g_autofree char *own = placements_exchange_dup_own_organisation (store);
  g_autoptr(PlacementsRecord) own_record = NULL;

  self->store = g_object_ref (store);
  if (own != NULL)
    own_record = placements_exchange_find_organisation (store, own, NULL);
  self->own_name = own_record != NULL ? placements_record_dup_display_name (own_record, store)
                                      : g_strdup ("");

  load_choices (self, "SELECT name, exchange_id FROM organisation "
                      "WHERE exchange_id IS NOT NULL AND exchange_id <> '' "
                      "AND uuid IS NOT ?1 ORDER BY name", own, receivers, self->receiver_ids);
  /* Translators: the choice of no pilot when sending to a partner */
  gtk_string_list_append (pilots, _("All clients"));
  g_ptr_array_add (self->pilot_uuids, NULL);
  load_choices (self, "SELECT name, uuid FROM pilot ORDER BY name", NULL, pilots,
                self->pilot_uuids);
  gtk_drop_down_set_model (self->receiver_drop_down, G_LIST_MODEL (receivers));
  gtk_drop_down_set_model (self->pilot_drop_down, G_LIST_MODEL (pilots));
  for (guint i = 1; pilot_uuid != NULL && i < self->pilot_uuids->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->pilot_uuids, i), pilot_uuid) == 0)
      gtk_drop_down_set_selected (self->pilot_drop_down, i);

  g_signal_connect_object (self->receiver_drop_down, "notify::selected",
                           G_CALLBACK (choice_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->pilot_drop_down, "notify::selected",
                           G_CALLBACK (choice_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->report_switch, "notify::active",
                           G_CALLBACK (choice_changed_cb), self, G_CONNECT_SWAPPED);
  update_plan (self);
  return self;
}

void
placements_send_dialog_set_client (PlacementsSendDialog *self,
                                   const char           *client_uuid)
{
  g_autoptr(PlacementsRecord) client = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  GtkWidget *pilot_row;

  g_return_if_fail (PLACEMENTS_IS_SEND_DIALOG (self));
  g_return_if_fail (client_uuid != NULL);

  client = placements_store_load (self->store, PLACEMENTS_TYPE_CLIENT, client_uuid, NULL);
  g_free (self->client_uuid);
  self->client_uuid = g_strdup (client_uuid);
  name = client != NULL ? placements_record_dup_display_name (client, self->store)
                        : g_strdup (client_uuid);
  /* Translators: the title of the send dialog opened from a client's page */
  title = g_strdup_printf (_("Send %s to a Partner"), name);
  gtk_window_set_title (GTK_WINDOW (self), title);
  /* The first partner (by name, as listed) to whom the client may travel today: the
   * export's own plan judges it, with every consent rule. */
  for (guint i = 0; i < self->receiver_ids->len; i++)
    {
      g_autoptr(PlacementsExportPlan) plan =
        placements_export_plan (self->store, g_ptr_array_index (self->receiver_ids, i), NULL,
                                client_uuid, FALSE, 0, NULL);

      if (plan != NULL && plan->n_clients > 0)
        {
          gtk_drop_down_set_selected (self->receiver_drop_down, i);
          break;
        }
    }
  /* One client: a pilot has nothing to choose among. */
  gtk_drop_down_set_selected (self->pilot_drop_down, 0);
  pilot_row = gtk_widget_get_ancestor (GTK_WIDGET (self->pilot_drop_down),
                                       ADW_TYPE_ACTION_ROW);
  if (pilot_row != NULL)
    gtk_widget_set_visible (pilot_row, FALSE);
  update_plan (self);
}

guint
placements_send_dialog_get_n_clients (PlacementsSendDialog *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_SEND_DIALOG (self), 0);
  return self->plan != NULL ? self->plan->n_clients : 0;
}

char *
placements_send_dialog_dup_left_out (PlacementsSendDialog *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (PLACEMENTS_IS_SEND_DIALOG (self), NULL);
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->left_out_list));
       row != NULL; row = gtk_widget_get_next_sibling (row))
    g_string_append_printf (text, "%s: %s\n",
                            adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                            ADW_IS_ACTION_ROW (row)
                            ? adw_action_row_get_subtitle (ADW_ACTION_ROW (row)) : "");
  return g_string_free (text, FALSE);
}
