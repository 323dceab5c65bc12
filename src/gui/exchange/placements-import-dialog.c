#define G_LOG_DOMAIN "placements-import-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-exchange-jobs.h"
#include "placements-exchange-receiver.h"
#include "placements-exchange-state.h"
#include "placements-import-dialog.h"
#include "placements-record-types.h"

struct _PlacementsImportDialog
{
  AdwWindow         parent_instance;

  /* Template */
  GtkWidget        *cancel_button;
  GtkWidget        *apply_button;
  AdwToastOverlay  *toast_overlay;
  GtkStack         *stack;
  GtkLabel         *progress_title;
  GtkProgressBar   *progress_bar;
  AdwStatusPage    *refused_page;
  AdwPreferencesPage *preview_page;
  AdwStatusPage    *done_page;
  GtkWidget        *ack_button;

  /* Owned */
  PlacementsStore  *store;
  char             *path;
  PlacementsImport *import;
  GCancellable     *cancellable;
  char             *message;
  /* One pair of toggles per conflict, in the import's order. */
  GPtrArray        *ours_buttons;
  GPtrArray        *theirs_buttons;
  GPtrArray        *groups;
  gboolean          applying;
  /* The organisation the file is addressed to, where this database has none yet. */
  char             *offered_owner;
};

G_DEFINE_FINAL_TYPE (PlacementsImportDialog, placements_import_dialog, ADW_TYPE_WINDOW)

/* A kind of the exchange file as people call it: the record type's own label. */
static const char *
kind_label (const char *kind)
{
  const GType types[] = {
    PLACEMENTS_TYPE_ORGANISATION, PLACEMENTS_TYPE_PERSON, PLACEMENTS_TYPE_CLIENT,
    PLACEMENTS_TYPE_LADDER_STEP, PLACEMENTS_TYPE_ALLOCATION, PLACEMENTS_TYPE_WORKPLACE,
    PLACEMENTS_TYPE_ATTENDANCE, PLACEMENTS_TYPE_BUDDY, PLACEMENTS_TYPE_BUDDY_PAIRING,
    PLACEMENTS_TYPE_PILOT, PLACEMENTS_TYPE_PILOT_PARTNER, PLACEMENTS_TYPE_PILOT_CONTACT,
    PLACEMENTS_TYPE_FUNDING, PLACEMENTS_TYPE_SUCCESS_CRITERION, PLACEMENTS_TYPE_PLACEMENT,
    PLACEMENTS_TYPE_PROGRESS_NOTE, PLACEMENTS_TYPE_CONSENT,
  };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);
      PlacementsRecordClass *record_class = PLACEMENTS_RECORD_CLASS (klass);

      if (g_strcmp0 (placements_record_class_get_kind (record_class), kind) == 0)
        return _(placements_record_class_get_label (record_class));
    }
  return kind;
}

static void
set_stage (PlacementsImportDialog *self,
           const char             *stage)
{
  gboolean preview = g_str_equal (stage, "preview");

  gtk_stack_set_visible_child_name (self->stack, stage);
  gtk_widget_set_visible (self->apply_button, preview);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply",
                                 preview && self->import != NULL &&
                                 placements_import_get_n_unresolved (self->import) == 0);
  gtk_button_set_label (GTK_BUTTON (self->cancel_button),
                        g_str_equal (stage, "refused") || g_str_equal (stage, "done")
                        ? _("_Close") : _("_Cancel"));
}

static void
progress_cb (double      fraction,
             const char *stage,
             gpointer    user_data)
{
  PlacementsImportDialog *self = user_data;

  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
  if (stage != NULL)
    gtk_progress_bar_set_text (self->progress_bar, stage);
}

static void
show_progress (PlacementsImportDialog *self,
               const char             *title)
{
  gtk_label_set_text (self->progress_title, title);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  set_stage (self, "progress");
}

static void
refuse (PlacementsImportDialog *self,
        const char             *message)
{
  g_free (self->message);
  self->message = g_strdup (message);
  adw_status_page_set_description (self->refused_page, message);
  set_stage (self, "refused");
}

static void
update_apply (PlacementsImportDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply",
                                 placements_import_get_n_unresolved (self->import) == 0);
}

/* The toggles show the import's answers; the import holds them. */
static void
sync_toggles (PlacementsImportDialog *self)
{
  for (guint i = 0; i < self->ours_buttons->len; i++)
    {
      const PlacementsImportConflict *conflict =
        placements_import_get_conflict (self->import, i);

      gtk_toggle_button_set_active (g_ptr_array_index (self->ours_buttons, i),
                                    conflict->resolution == PLACEMENTS_RESOLUTION_KEEP_OURS);
      gtk_toggle_button_set_active (g_ptr_array_index (self->theirs_buttons, i),
                                    conflict->resolution == PLACEMENTS_RESOLUTION_TAKE_THEIRS);
    }
  update_apply (self);
}

static void
toggle_cb (GtkToggleButton        *button,
           PlacementsImportDialog *self)
{
  guint index;
  gboolean theirs;

  if (!gtk_toggle_button_get_active (button))
    return;
  theirs = g_ptr_array_find (self->theirs_buttons, button, &index);
  if (!theirs && !g_ptr_array_find (self->ours_buttons, button, &index))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), "import.resolve", "(ub)", index, theirs);
}

static void
add_group (PlacementsImportDialog *self,
           AdwPreferencesGroup    *group)
{
  adw_preferences_page_add (self->preview_page, group);
  g_ptr_array_add (self->groups, group);
}

static char *
shown_value (const char *value)
{
  /* Translators: an empty field in the import preview */
  return g_strdup (value == NULL || *value == '\0' ? _("(empty)") : value);
}

/* A record the file changes is one this database has: its name here says which it is. */
static void
set_record_title (PlacementsImportDialog *self,
                  AdwExpanderRow         *row,
                  const char             *kind,
                  const char             *uuid)
{
  g_autoptr(PlacementsRecord) record = NULL;
  g_autofree char *name = NULL;
  GType types[] = { PLACEMENTS_TYPE_ORGANISATION, PLACEMENTS_TYPE_PERSON,
                    PLACEMENTS_TYPE_CLIENT, PLACEMENTS_TYPE_LADDER_STEP,
                    PLACEMENTS_TYPE_CONSENT, PLACEMENTS_TYPE_PLACEMENT,
                    PLACEMENTS_TYPE_WORKPLACE, PLACEMENTS_TYPE_PILOT };

  for (guint i = 0; i < G_N_ELEMENTS (types) && record == NULL; i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (types[i]);

      if (g_strcmp0 (placements_record_class_get_kind (PLACEMENTS_RECORD_CLASS (klass)),
                     kind) == 0 && placements_store_exists (self->store, types[i], uuid))
        record = placements_store_load (self->store, types[i], uuid, NULL);
    }
  if (record != NULL)
    name = placements_record_dup_display_name (record, self->store);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 name != NULL && *name != '\0' ? name : uuid);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (row, kind_label (kind));
}

static void
fill_summary (PlacementsImportDialog *self)
{
  PlacementsImport *import = self->import;
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  GPtrArray *kinds = placements_import_get_kind_counts (import);
  g_autofree char *title = NULL;
  g_autofree char *file = g_path_get_basename (self->path);

  g_autoptr(PlacementsRecord) sender = placements_exchange_find_organisation (
    self->store, placements_import_get_sender (import), NULL);
  g_autofree char *sender_name = sender != NULL
                                 ? placements_record_dup_display_name (sender, self->store)
                                 : g_strdup (placements_import_get_sender (import));

  /* Translators: %s is the organisation that sent the exchange file */
  title = g_strdup_printf (_("From %s"), sender_name);
  adw_preferences_group_set_title (group, title);
  adw_preferences_group_set_description (group, file);

  /* Counted by the core in the preparing thread: nothing here goes through the records,
   * 765,000 of them in a file of 100,000 clients. */
  for (guint i = 0; i < kinds->len; i++)
    {
      PlacementsImportKindCounts *kind_counts = g_ptr_array_index (kinds, i);
      const char *kind = kind_counts->kind;
      const guint *n = kind_counts->counts;
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kind_label (kind));
      /* Translators: counts of records in the import preview, per kind of record */
      subtitle = g_strdup_printf (_("%'u new, %'u changed, %'u unchanged, %'u conflicting"),
                                  n[PLACEMENTS_IMPORT_NEW], n[PLACEMENTS_IMPORT_CHANGED],
                                  n[PLACEMENTS_IMPORT_UNCHANGED],
                                  n[PLACEMENTS_IMPORT_CONFLICTING]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_group_add (group, row);
    }
  add_group (self, group);
}

static void
fill_changed (PlacementsImportDialog *self)
{
  PlacementsImport *import = self->import;
  GArray *notable = placements_import_get_notable (import);
  AdwPreferencesGroup *group = NULL;
  guint shown = 0;

  for (guint n = 0; n < notable->len; n++)
    {
      guint i = g_array_index (notable, guint, n);
      const PlacementsImportEntry *entry = placements_import_get_entry (import, i);
      g_autoptr(GArray) changes = NULL;
      GtkWidget *expander;

      if (entry->status != PLACEMENTS_IMPORT_CHANGED)
        continue;
      /* A list of thousands of rows helps nobody: the counts above say how many. */
      if (shown++ == 200)
        break;
      if (group == NULL)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, _("Changed Records"));
          add_group (self, group);
        }
      changes = placements_import_dup_changes (import, i);
      expander = adw_expander_row_new ();
      set_record_title (self, ADW_EXPANDER_ROW (expander), entry->kind, entry->uuid);
      for (guint j = 0; j < changes->len; j++)
        {
          const PlacementsImportChange *change =
            &g_array_index (changes, PlacementsImportChange, j);
          GtkWidget *row = adw_action_row_new ();
          g_autofree char *ours = shown_value (change->ours);
          g_autofree char *theirs = shown_value (change->theirs);
          g_autofree char *text = g_strdup_printf ("%s → %s", ours, theirs);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), change->label);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
        }
      adw_preferences_group_add (group, expander);
    }
}

static void
fill_conflicts (PlacementsImportDialog *self)
{
  PlacementsImport *import = self->import;
  guint n = placements_import_get_n_conflicts (import);
  AdwPreferencesGroup *group;
  GtkWidget *box;
  GtkWidget *button;
  GtkWidget *expander = NULL;
  const char *uuid = NULL;

  if (n == 0)
    return;
  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Conflicts"));
  adw_preferences_group_set_description (group, _("Both you and the sender changed these "
                                                  "fields: choose which value to keep"));
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_valign (box, GTK_ALIGN_END);
  button = gtk_button_new_with_mnemonic (_("Keep All _Ours"));
  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (button), "import.resolve-all(false)");
  gtk_box_append (GTK_BOX (box), button);
  button = gtk_button_new_with_mnemonic (_("Take All _Theirs"));
  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (button), "import.resolve-all(true)");
  gtk_box_append (GTK_BOX (box), button);
  adw_preferences_group_set_header_suffix (group, box);

  for (guint i = 0; i < n; i++)
    {
      const PlacementsImportConflict *conflict = placements_import_get_conflict (import, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *linked = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *ours_button;
      GtkWidget *theirs_button;
      g_autofree char *ours = shown_value (conflict->ours);
      g_autofree char *theirs = shown_value (conflict->theirs);
      g_autofree char *text = NULL;

      if (g_strcmp0 (uuid, conflict->uuid) != 0)
        {
          uuid = conflict->uuid;
          expander = adw_expander_row_new ();
          set_record_title (self, ADW_EXPANDER_ROW (expander), conflict->kind, conflict->uuid);
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (expander), TRUE);
          adw_preferences_group_add (group, expander);
        }
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), conflict->label);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      /* Translators: a conflicting field in the import preview: our value, then theirs */
      text = g_strdup_printf (_("Ours: %s\nTheirs: %s"), ours, theirs);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

      gtk_widget_add_css_class (linked, "linked");
      gtk_widget_set_valign (linked, GTK_ALIGN_CENTER);
      ours_button = gtk_toggle_button_new_with_mnemonic (_("Keep Ours"));
      theirs_button = gtk_toggle_button_new_with_mnemonic (_("Take Theirs"));
      gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (theirs_button),
                                   GTK_TOGGLE_BUTTON (ours_button));
      gtk_box_append (GTK_BOX (linked), ours_button);
      gtk_box_append (GTK_BOX (linked), theirs_button);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), linked);
      g_ptr_array_add (self->ours_buttons, ours_button);
      g_ptr_array_add (self->theirs_buttons, theirs_button);
      g_signal_connect_object (ours_button, "toggled", G_CALLBACK (toggle_cb), self, 0);
      g_signal_connect_object (theirs_button, "toggled", G_CALLBACK (toggle_cb), self, 0);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
    }
  add_group (self, group);
}

static gboolean
is_acknowledgement (PlacementsImportDialog *self)
{
  return g_strcmp0 (placements_import_get_message_kind (self->import), "acknowledgement") == 0;
}

/* An answer to a message we sent: what the partner accepted and rejected, and why. */
static void
fill_results (PlacementsImportDialog *self)
{
  PlacementsImport *import = self->import;
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autofree char *title = NULL;

  /* Translators: %s is the id of the message this acknowledgement answers */
  title = g_strdup_printf (_("Answer to Message %s"), placements_import_get_in_reply_to (import));
  adw_preferences_group_set_title (group, title);
  for (guint i = 0; i < placements_import_get_n_results (import); i++)
    {
      const PlacementsImportResult *result = placements_import_get_result (import, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = NULL;
      const char *code = g_strcmp0 (result->code, "accepted") == 0 ? _("Accepted")
                         : g_strcmp0 (result->code, "rejected") == 0 ? _("Rejected")
                         : _("Warning");

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kind_label (result->kind));
      /* Translators: an acknowledged record: accepted or rejected, the rule, the message */
      subtitle = g_strdup_printf (_("%s (rule: %s) %s"), code, result->rule,
                                  result->message != NULL ? result->message : "");
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (g_strcmp0 (result->code, "rejected") == 0)
        gtk_widget_add_css_class (row, "error");
      adw_preferences_group_add (group, row);
    }
  add_group (self, group);
}

static void
show_preview (PlacementsImportDialog *self)
{
  if (is_acknowledgement (self))
    {
      fill_results (self);
      set_stage (self, "preview");
      return;
    }
  fill_summary (self);
  fill_conflicts (self);
  fill_changed (self);
  set_stage (self, "preview");
}

static void prepared_cb (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data);

/* A new database starts from a partner's first file, as its receiver: asked, naming the
 * organisation found in the file, before anything is stored. */
static void
offer_owner (PlacementsImportDialog *self)
{
  g_autoptr(PlacementsOrganisation) receiver = NULL;
  g_autofree char *description = NULL;
  g_autofree char *label = NULL;
  GtkWidget *button;

  receiver = placements_exchange_peek_receiver (self->path, NULL);
  if (receiver == NULL)
    return;
  self->offered_owner = g_strdup (placements_organisation_get_name (receiver));
  description = g_strdup_printf (_("This database does not belong to an organisation yet. "
                                   "The file is addressed to “%s”: a new database can start "
                                   "as the receiver of a partner’s first file."),
                                 self->offered_owner);
  adw_status_page_set_title (self->refused_page, _("Start a New Database?"));
  adw_status_page_set_icon_name (self->refused_page, "document-new-symbolic");
  adw_status_page_set_description (self->refused_page, description);
  /* Translators: %s is an organisation's name */
  label = g_strdup_printf (_("Start as “%s”"), self->offered_owner);
  button = gtk_button_new_with_label (label);
  gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "pill");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "import.adopt");
  adw_status_page_set_child (self->refused_page, button);
}

static void
adopt_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PlacementsImportDialog *self = PLACEMENTS_IMPORT_DIALOG (widget);
  g_autoptr(PlacementsOrganisation) own = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;
  g_autofree char *title = NULL;

  if (self->offered_owner == NULL)
    return;
  own = placements_exchange_adopt_receiver (self->store, self->path, &error);
  adw_status_page_set_child (self->refused_page, NULL);
  adw_status_page_set_title (self->refused_page, _("This File Was Not Imported"));
  adw_status_page_set_icon_name (self->refused_page, "dialog-error-symbolic");
  g_clear_pointer (&self->offered_owner, g_free);
  if (own == NULL)
    {
      refuse (self, error->message);
      return;
    }
  /* Now it is addressed to us: read and checked again, as any file. */
  file = g_filename_display_basename (self->path);
  title = g_strdup_printf (_("Checking “%s”…"), file);
  show_progress (self, title);
  placements_import_prepare_async (self->store, self->path, progress_cb, g_object_ref (self),
                                   g_object_unref, self->cancellable, prepared_cb,
                                   g_object_ref (self));
}

static void
prepared_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(PlacementsImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  self->import = placements_import_prepare_finish (PLACEMENTS_STORE (source), result, &error);
  if (self->import == NULL)
    {
      g_autofree char *own = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return;
        }
      refuse (self, error->message);
      own = placements_exchange_dup_own_organisation (self->store);
      if (own == NULL)
        offer_owner (self);
      return;
    }
  if (placements_import_get_already_imported (self->import))
    {
      refuse (self, _("This file was imported before; nothing was changed"));
      return;
    }
  show_preview (self);
}

static void
applied_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(PlacementsImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent;
  g_autofree char *message = NULL;

  self->applying = FALSE;
  if (!placements_import_apply_finish (self->import, result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_window_destroy (GTK_WINDOW (self));
          return;
        }
      refuse (self, error->message);
      return;
    }
  /* Translators: a summary of an import: %u new records, %u changed records. */
  message = g_strdup_printf (_("Imported: %'u new, %'u changed"),
                             placements_import_count (self->import, PLACEMENTS_IMPORT_NEW),
                             placements_import_count (self->import, PLACEMENTS_IMPORT_CHANGED)
                             + placements_import_count (self->import,
                                                        PLACEMENTS_IMPORT_CONFLICTING));
  if (is_acknowledgement (self))
    {
      g_free (message);
      message = g_strdup (_("The answer is recorded with the sent message"));
    }
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-toast", "s", message);
  if (is_acknowledgement (self))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  /* The sender waits for an answer: offered here, while the file is at hand. */
  adw_status_page_set_description (self->done_page, message);
  set_stage (self, "done");
}

char *
placements_import_dialog_dup_ack_name (PlacementsImportDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *own = placements_exchange_dup_own_organisation (self->store);
  g_autoptr(PlacementsRecord) own_record = NULL;
  g_autoptr(PlacementsRecord) sender = placements_exchange_find_organisation (
    self->store, placements_import_get_sender (self->import), NULL);
  g_autofree char *own_name = NULL;
  g_autofree char *sender_name = NULL;
  char *name;

  if (own != NULL)
    own_record = placements_exchange_find_organisation (self->store, own, NULL);
  own_name = own_record != NULL ? placements_record_dup_display_name (own_record, self->store)
                                : g_strdup ("");
  sender_name = sender != NULL ? placements_record_dup_display_name (sender, self->store)
                               : g_strdup (placements_import_get_sender (self->import));
  /* The same naming as a sent file's (see the send dialog). */
  name = g_strdup_printf (_("%s %s to %s.placements.xml"), date, own_name, sender_name);
  g_strdelimit (name, "/\\", '-');
  return name;
}

static void
save_ack_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PlacementsImportDialog *self = PLACEMENTS_IMPORT_DIALOG (widget);
  const char *path = g_variant_get_bytestring (parameter);
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

  if (self->import == NULL)
    return;
  if (!placements_import_write_acknowledgement (self->import, path, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  if (parent != NULL)
    {
      g_autofree char *base = g_filename_display_basename (path);
      /* Translators: %s is the acknowledgement's file name */
      g_autofree char *message = g_strdup_printf (_("Saved “%s”"), base);

      gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-saved-toast", "(s^ay)",
                                  message, path);
    }
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
ack_chooser_response_cb (GtkNativeDialog        *chooser,
                         int                     response,
                         PlacementsImportDialog *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "import.save-ack", "^ay", path);
  g_object_unref (chooser);
}

static void
choose_ack_file_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PlacementsImportDialog *self = PLACEMENTS_IMPORT_DIALOG (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = placements_import_dialog_dup_ack_name (self);

  chooser = gtk_file_chooser_native_new (_("Save the Acknowledgement"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                         _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (ack_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PlacementsImportDialog *self = PLACEMENTS_IMPORT_DIALOG (widget);

  if (self->import == NULL || self->applying ||
      placements_import_get_n_unresolved (self->import) > 0)
    return;
  self->applying = TRUE;
  show_progress (self, _("Importing…"));
  placements_import_apply_async (self->import, progress_cb, g_object_ref (self), g_object_unref,
                                 self->cancellable, applied_cb, g_object_ref (self));
}

/* Cancel at any point: a job still running is cancelled (an apply rolled back), and the
 * window closes when it has ended; before and after, it closes at once. */
static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlacementsImportDialog *self = PLACEMENTS_IMPORT_DIALOG (widget);

  if (self->stack != NULL &&
      g_str_equal (gtk_stack_get_visible_child_name (self->stack), "progress"))
    g_cancellable_cancel (self->cancellable);
  else
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PlacementsImportDialog *self = PLACEMENTS_IMPORT_DIALOG (widget);
  guint index;
  gboolean theirs;

  g_variant_get (parameter, "(ub)", &index, &theirs);
  if (self->import == NULL || index >= placements_import_get_n_conflicts (self->import))
    return;
  placements_import_resolve (self->import, index, theirs ? PLACEMENTS_RESOLUTION_TAKE_THEIRS
                                                         : PLACEMENTS_RESOLUTION_KEEP_OURS);
  sync_toggles (self);
}

static void
resolve_all_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlacementsImportDialog *self = PLACEMENTS_IMPORT_DIALOG (widget);

  if (self->import == NULL)
    return;
  placements_import_resolve_all (self->import, g_variant_get_boolean (parameter)
                                               ? PLACEMENTS_RESOLUTION_TAKE_THEIRS
                                               : PLACEMENTS_RESOLUTION_KEEP_OURS);
  sync_toggles (self);
}

static gboolean
close_request (GtkWindow *window)
{
  PlacementsImportDialog *self = PLACEMENTS_IMPORT_DIALOG (window);

  /* Already taken down (with its parent): nothing runs any more. */
  if (self->stack == NULL)
    return FALSE;
  /* Closing is Cancel: a running job ends first, so nothing is left half done. */
  if (g_str_equal (gtk_stack_get_visible_child_name (self->stack), "progress"))
    {
      g_cancellable_cancel (self->cancellable);
      return TRUE;
    }
  return FALSE;
}

static void
placements_import_dialog_dispose (GObject *object)
{
  PlacementsImportDialog *self = PLACEMENTS_IMPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLACEMENTS_TYPE_IMPORT_DIALOG);
  G_OBJECT_CLASS (placements_import_dialog_parent_class)->dispose (object);
}

static void
unref_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  g_object_unref (task_data);
  g_task_return_boolean (task, TRUE);
}

/* A prepared import of 100,000 clients holds 765,000 records: freeing them takes a second,
 * which the window should not wait for when the dialog closes. */
static void
drop_in_thread (PlacementsImport *import)
{
  g_autoptr(GTask) task = NULL;

  if (import == NULL)
    return;
  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, drop_in_thread);
  /* No destroy notify: the last reference goes in the thread, not wherever the task's
   * does. */
  g_task_set_task_data (task, import, NULL);
  g_task_run_in_thread (task, unref_in_thread);
}

static void
placements_import_dialog_finalize (GObject *object)
{
  PlacementsImportDialog *self = PLACEMENTS_IMPORT_DIALOG (object);

  g_clear_object (&self->store);
  drop_in_thread (g_steal_pointer (&self->import));
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->offered_owner, g_free);
  g_clear_pointer (&self->ours_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->theirs_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  G_OBJECT_CLASS (placements_import_dialog_parent_class)->finalize (object);
}

static void
placements_import_dialog_class_init (PlacementsImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = placements_import_dialog_dispose;
  object_class->finalize = placements_import_dialog_finalize;
  window_class->close_request = close_request;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/example/Placements/gui/exchange/placements-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlacementsImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PlacementsImportDialog, apply_button);
  gtk_widget_class_bind_template_child (widget_class, PlacementsImportDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlacementsImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, PlacementsImportDialog, progress_title);
  gtk_widget_class_bind_template_child (widget_class, PlacementsImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PlacementsImportDialog, refused_page);
  gtk_widget_class_bind_template_child (widget_class, PlacementsImportDialog, preview_page);
  gtk_widget_class_bind_template_child (widget_class, PlacementsImportDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, PlacementsImportDialog, ack_button);

  gtk_widget_class_install_action (widget_class, "import.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.save-ack", "ay", save_ack_action);
  gtk_widget_class_install_action (widget_class, "import.adopt", NULL, adopt_action);
  gtk_widget_class_install_action (widget_class, "import.choose-ack-file", NULL,
                                   choose_ack_file_action);
  gtk_widget_class_install_action (widget_class, "import.resolve", "(ub)", resolve_action);
  gtk_widget_class_install_action (widget_class, "import.resolve-all", "b",
                                   resolve_all_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.cancel", NULL);
}

static void
placements_import_dialog_init (PlacementsImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->ours_buttons = g_ptr_array_new ();
  self->theirs_buttons = g_ptr_array_new ();
  self->groups = g_ptr_array_new ();
}

PlacementsImportDialog *
placements_import_dialog_new (GtkWindow       *parent,
                              PlacementsStore *store,
                              const char      *path)
{
  PlacementsImportDialog *self = g_object_new (PLACEMENTS_TYPE_IMPORT_DIALOG,
                                               "transient-for", parent, NULL);
  g_autofree char *file = g_filename_display_basename (path);
  g_autofree char *title = NULL;

  self->store = g_object_ref (store);
  self->path = g_strdup (path);
  /* Translators: %s is the name of the exchange file being read */
  title = g_strdup_printf (_("Checking “%s”…"), file);
  show_progress (self, title);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.apply", FALSE);
  placements_import_prepare_async (store, path, progress_cb, g_object_ref (self),
                                   g_object_unref, self->cancellable, prepared_cb,
                                   g_object_ref (self));
  return self;
}

const char *
placements_import_dialog_get_stage (PlacementsImportDialog *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_IMPORT_DIALOG (self), NULL);
  if (self->stack == NULL)
    return "progress";
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
placements_import_dialog_get_offered_owner (PlacementsImportDialog *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_IMPORT_DIALOG (self), NULL);
  return self->offered_owner;
}

const char *
placements_import_dialog_get_message (PlacementsImportDialog *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_IMPORT_DIALOG (self), NULL);
  return self->message;
}

guint
placements_import_dialog_get_n_unresolved (PlacementsImportDialog *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_IMPORT_DIALOG (self), 0);
  return self->import != NULL ? placements_import_get_n_unresolved (self->import) : 0;
}
