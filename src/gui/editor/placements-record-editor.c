#define G_LOG_DOMAIN "placements-record-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-date.h"
#include "placements-deletion.h"
#include "placements-editor-layout.h"
#include "placements-editor-section.h"
#include "placements-field-group.h"
#include "placements-placing.h"
#include "placements-record-editor.h"
#include "placements-record-title.h"
#include "placements-record-types.h"
#include "placements-related-group.h"

/*
 * Over 1,000 lines, for now: the editor's navigation (the back stack, leaving a record
 * with unsaved changes, closing the window), saving and deleting with undo share the one
 * open record and its draft. Its field rows, groups and sections are already files of
 * their own; the navigation (struct Navigation and what follows it) is the next to move
 * out.
 */

/* Where to go once the open record may be left. */
typedef struct
{
  PlacementsRecord *record;       /* to open; NULL closes, unless @pop */
  gboolean          push;         /* the open record goes on the back stack */
  gboolean          pop;          /* go back to the record on top of the back stack */
  gboolean          clear_stack;  /* opened from outside: the back stack is forgotten */
  gboolean          focus_first;
  gboolean          close_window; /* then closes the window the editor is in */
} Navigation;

struct _PlacementsRecordEditor
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkWidget           *box;
  AdwHeaderBar        *header_bar;
  AdwWindowTitle      *window_title;
  GtkStack            *stack;
  GtkWidget           *back_button;
  GtkWidget           *cancel_button;
  GtkWidget           *delete_button;
  GtkWidget           *save_button;
  GtkRevealer         *error_revealer;
  GtkLabel            *error_label;
  AdwPreferencesPage  *page;

  /* Owned */
  PlacementsStore     *store;
  PlacementsRecord    *record;
  PlacementsRecord    *draft;
  GPtrArray           *sections;     /* PlacementsEditorSection*, the open record's */
  GHashTable          *built;        /* GType → GPtrArray of its sections, on the page */
  GPtrArray           *back_stack;   /* PlacementsRecord* */
  Navigation          *pending;      /* waiting for the unsaved-changes question */
  PlacementsDeletion  *deletion;     /* the last delete, while it can be undone */

  /* Borrowed */
  AdwMessageDialog    *dialog;
  AdwToast            *deletion_toast;
  AdwToast            *toast;        /* the last notice, while it shows */

  GType                sections_type;
  gboolean             dirty;
};

G_DEFINE_FINAL_TYPE (PlacementsRecordEditor, placements_record_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RECORD,
  PROP_DIRTY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
navigation_free (Navigation *navigation)
{
  g_clear_object (&navigation->record);
  g_free (navigation);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Navigation, navigation_free)

static Navigation *
navigation_new (PlacementsRecord *record)
{
  Navigation *navigation = g_new0 (Navigation, 1);

  navigation->record = record != NULL ? g_object_ref (record) : NULL;
  return navigation;
}

static void
show_error (PlacementsRecordEditor *self,
            const char             *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static void
toast_dismissed_cb (AdwToast               *toast,
                    PlacementsRecordEditor *self)
{
  if (self->toast == toast)
    self->toast = NULL;
}

/*
 * One notice at a time: a notice still on screen (or waiting for its turn) takes the newer
 * words rather than queueing another behind it, where it would hold back the undo of a
 * delete. Notices are never dismissed from here: libadwaita 1.2 can lose track of a notice
 * dismissed while it is still sliding in.
 */
static void
show_notice (PlacementsRecordEditor *self,
             const char             *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay == NULL)
    return;
  if (self->toast != NULL)
    {
      adw_toast_set_title (self->toast, message);
      return;
    }
  self->toast = adw_toast_new (message);
  adw_toast_set_timeout (self->toast, 3);
  g_signal_connect_object (self->toast, "dismissed", G_CALLBACK (toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), self->toast);
}

/* What a coordinator wants to know of a client before anything else. */
static char *
dup_client_summary (PlacementsRecordEditor *self,
                    PlacementsClient       *client)
{
  g_autoptr(GPtrArray) steps = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  PlacementsLadderStep *latest = NULL;

  steps = placements_store_find (self->store, PLACEMENTS_TYPE_LADDER_STEP, "client-uuid",
                                 placements_record_get_uuid (PLACEMENTS_RECORD (client)), NULL);
  for (guint i = 0; steps != NULL && i < steps->len; i++)
    {
      PlacementsLadderStep *step = g_ptr_array_index (steps, i);

      if (latest == NULL || g_strcmp0 (placements_ladder_step_get_date (step),
                                       placements_ladder_step_get_date (latest)) >= 0)
        latest = step;
    }
  if (latest != NULL)
    /* Translators: the client's current step on the participation ladder, 1 to 6. */
    g_string_append_printf (summary, _("Ladder rung %d"),
                            placements_ladder_step_get_rung (latest));

  if (placements_client_get_right_to_return (client))
    {
      const char *until = placements_client_get_right_to_return_until (client);

      if (summary->len > 0)
        g_string_append (summary, C_("record facts", " · "));
      if (until != NULL)
        {
          g_autofree char *date = placements_date_format_short (until);

          g_string_append_printf (summary, _("Right to return until %s"), date);
        }
      else
        g_string_append (summary, _("Right to return"));
    }

  /* The outcome a candidate feared and was promised: it shows until a new placement. */
  {
    g_autofree char *returned = placements_placing_dup_return_date (
      self->store, placements_record_get_uuid (PLACEMENTS_RECORD (client)));

    if (returned != NULL)
      {
        g_autofree char *date = placements_date_format_short (returned);

        if (summary->len > 0)
          g_string_append (summary, C_("record facts", " · "));
        /* Translators: the client went back to day activities, on the right to return. */
        g_string_append_printf (summary, _("Back to day activities since %s"), date);
      }
  }
  return g_string_free (g_steal_pointer (&summary), FALSE);
}

static void
update_title (PlacementsRecordEditor *self)
{
  PlacementsRecordClass *klass;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  if (self->draft == NULL)
    return;

  klass = PLACEMENTS_RECORD_GET_CLASS (self->draft);
  title = placements_record_dup_title (self->store, self->draft);
  if (title == NULL || *title == '\0')
    {
      g_free (title);
      title = g_strdup (placements_record_class_get_label (klass));
    }

  if (placements_record_get_row_id (self->record) == 0)
    /* Translators: under the title of a record made a moment ago; %s is its kind. */
    subtitle = g_strdup_printf (_("%s: new, not saved yet"),
                                placements_record_class_get_label (klass));
  else if (PLACEMENTS_IS_CLIENT (self->record) && self->store != NULL)
    subtitle = dup_client_summary (self, PLACEMENTS_CLIENT (self->record));
  /* The kind under the name, unless the name is the kind already (nothing typed yet). */
  if ((subtitle == NULL || *subtitle == '\0') &&
      g_strcmp0 (title, placements_record_class_get_label (klass)) != 0)
    {
      g_free (subtitle);
      subtitle = g_strdup (placements_record_class_get_label (klass));
    }

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
update_actions (PlacementsRecordEditor *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", self->dirty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.cancel", self->dirty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.back",
                                 self->back_stack->len > 0);
  gtk_widget_set_visible (self->back_button, self->back_stack->len > 0);
  /* A pane without a record has nothing to save or delete. */
  /* Cancel only when there is something to undo: a narrow header bar needs its room. */
  gtk_widget_set_visible (self->cancel_button, self->record != NULL && self->dirty);
  gtk_widget_set_visible (self->save_button, self->record != NULL);
  gtk_widget_set_visible (self->delete_button, self->record != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.delete",
                                 self->record != NULL && self->store != NULL &&
                                 placements_record_get_row_id (self->record) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo-delete",
                                 self->deletion != NULL &&
                                 placements_deletion_is_pending (self->deletion));
}

static void
set_dirty (PlacementsRecordEditor *self,
           gboolean                dirty)
{
  if (self->dirty != dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
  update_actions (self);
}

static void
show_problems (PlacementsRecordEditor *self,
               gboolean                all)
{
  g_autoptr(GPtrArray) problems = placements_record_validate_fields (self->draft);

  for (guint i = 0; i < self->sections->len; i++)
    placements_editor_section_show_problems (g_ptr_array_index (self->sections, i),
                                             problems, all);
}

static void
draft_notify_cb (PlacementsRecordEditor *self)
{
  /* A new record is changed when it is no longer the empty one it was made as. */
  set_dirty (self, !placements_record_equal_fields (self->record, self->draft));
  show_problems (self, FALSE);
  update_title (self);
}

/*
 * The sections of a kind are made once and hidden while another kind is open, not made
 * again: rows come and go with every record otherwise, and libadwaita 1.2 entry rows that
 * go while their title animates leave a dangling handler behind.
 */
static void
clear_sections (PlacementsRecordEditor *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  /* The focus leaves what is hidden first: a text entry hidden with the focus in it keeps
   * its cursor blinking in GTK 4.8, which then warns. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->page)))
    gtk_root_set_focus (root, NULL);

  for (guint i = 0; i < self->sections->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->sections, i), FALSE);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  self->sections = g_ptr_array_new ();
  self->sections_type = G_TYPE_INVALID;
}

/* For another database: the reference rows' lists are of the old one. */
static void
destroy_sections (PlacementsRecordEditor *self)
{
  GHashTableIter iter;
  gpointer value;

  clear_sections (self);
  g_hash_table_iter_init (&iter, self->built);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GPtrArray *sections = value;

      for (guint i = 0; i < sections->len; i++)
        adw_preferences_page_remove (self->page, g_ptr_array_index (sections, i));
    }
  g_hash_table_remove_all (self->built);
}

static void
build_sections (PlacementsRecordEditor *self,
                GType                   record_type)
{
  g_autoptr(GPtrArray) sections = NULL;

  if (self->sections_type == record_type)
    return;
  clear_sections (self);

  sections = g_hash_table_lookup (self->built, GSIZE_TO_POINTER (record_type));
  if (sections == NULL)
    {
      sections = placements_editor_layout_build (record_type);
      for (guint i = 0; i < sections->len; i++)
        adw_preferences_page_add (self->page, g_ptr_array_index (sections, i));
      g_hash_table_insert (self->built, GSIZE_TO_POINTER (record_type),
                           g_ptr_array_ref (sections));
    }
  else
    g_ptr_array_ref (sections);

  /* Related groups hide themselves for a record not saved yet: set_record() says. */
  for (guint i = 0; i < sections->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (sections, i), TRUE);
  g_ptr_array_unref (self->sections);
  self->sections = g_steal_pointer (&sections);
  self->sections_type = record_type;
}

static void
assign_mnemonics (PlacementsRecordEditor *self)
{
  g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
  const char *taken[] = { N_("_Cancel"), N_("_Save") };

  /* The buttons' letters, as translated, are not for the fields. */
  for (gsize i = 0; i < G_N_ELEMENTS (taken); i++)
    {
      const char *underscore = strchr (_(taken[i]), '_');

      if (underscore != NULL && underscore[1] != '\0')
        g_hash_table_add (used, GUINT_TO_POINTER (g_unichar_tolower (
                                                    g_utf8_get_char (underscore + 1))));
    }

  for (guint i = 0; i < self->sections->len; i++)
    {
      gpointer section = g_ptr_array_index (self->sections, i);

      if (PLACEMENTS_IS_FIELD_GROUP (section))
        placements_field_group_assign_mnemonics (section, used);
    }
}

static void
open_record (PlacementsRecordEditor *self,
             PlacementsRecord       *record,
             gboolean                focus_first)
{
  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_func (self->draft, draft_notify_cb, self);
  g_clear_object (&self->draft);
  show_error (self, NULL);

  if (!g_set_object (&self->record, record) && record == NULL)
    {
      set_dirty (self, FALSE);
      return;
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);

  if (record == NULL)
    {
      clear_sections (self);
      g_ptr_array_set_size (self->back_stack, 0);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      adw_window_title_set_title (self->window_title, NULL);
      adw_window_title_set_subtitle (self->window_title, NULL);
      set_dirty (self, FALSE);
      return;
    }

  self->draft = placements_record_dup (record);
  build_sections (self, G_OBJECT_TYPE (record));
  for (guint i = 0; i < self->sections->len; i++)
    placements_editor_section_set_record (g_ptr_array_index (self->sections, i),
                                          self->store, self->draft);
  assign_mnemonics (self);
  g_signal_connect_object (self->draft, "notify", G_CALLBACK (draft_notify_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_stack_set_visible_child_name (self->stack, "record");
  update_title (self);
  set_dirty (self, FALSE);
  show_problems (self, FALSE);

  if (focus_first)
    {
      for (guint i = 0; i < self->sections->len; i++)
        {
          gpointer section = g_ptr_array_index (self->sections, i);

          if (PLACEMENTS_IS_FIELD_GROUP (section) &&
              placements_field_group_focus_first (section))
            break;
        }
    }
}

static void
perform (PlacementsRecordEditor *self,
         Navigation             *navigation)
{
  g_autoptr(PlacementsRecord) record = NULL;

  if (navigation->pop)
    {
      g_autoptr(PlacementsRecord) previous = NULL;

      if (self->back_stack->len == 0)
        return;
      previous = g_ptr_array_steal_index (self->back_stack, self->back_stack->len - 1);
      /* It may have changed meanwhile: what was added under it, for one. */
      record = placements_store_load (self->store, G_OBJECT_TYPE (previous),
                                      placements_record_get_uuid (previous), NULL);
      if (record == NULL)
        record = g_steal_pointer (&previous);
    }
  else
    {
      record = navigation->record != NULL ? g_object_ref (navigation->record) : NULL;
      if (navigation->clear_stack)
        g_ptr_array_set_size (self->back_stack, 0);
      if (navigation->push && self->record != NULL)
        g_ptr_array_add (self->back_stack, g_object_ref (self->record));
    }

  if (navigation->close_window)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

      /* Nothing is left unsaved now, so the window's close request is not stopped. */
      set_dirty (self, FALSE);
      if (GTK_IS_WINDOW (root))
        gtk_window_close (GTK_WINDOW (root));
      return;
    }

  open_record (self, record, navigation->focus_first);
  update_actions (self);
}

static gboolean save (PlacementsRecordEditor *self);

static void
unsaved_response_cb (AdwMessageDialog       *dialog,
                     const char             *response,
                     PlacementsRecordEditor *self)
{
  g_autoptr(Navigation) navigation = g_steal_pointer (&self->pending);

  self->dialog = NULL;
  if (navigation == NULL)
    return;

  if (g_str_equal (response, "save"))
    {
      /* A record that cannot be saved stays open, its faults marked. */
      if (!save (self))
        return;
    }
  else if (!g_str_equal (response, "discard"))
    return;

  perform (self, navigation);
}

/* Goes where @navigation says, asking first what to do with unsaved changes. */
static void
navigate (PlacementsRecordEditor *self,
          Navigation             *navigation)
{
  g_autoptr(Navigation) owned = navigation;
  g_autofree char *title = NULL;
  GtkRoot *root;

  if (!self->dirty)
    {
      perform (self, owned);
      return;
    }

  /* Asked already: the newest wish wins. */
  g_clear_pointer (&self->pending, navigation_free);
  self->pending = g_steal_pointer (&owned);
  if (self->dialog != NULL)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  title = placements_record_dup_title (self->store, self->draft);
  self->dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root)
                                                               ? GTK_WINDOW (root) : NULL,
                                                             _("Save Changes?"), NULL));
  adw_message_dialog_format_body (self->dialog,
                                  _("“%s” has changes that are not saved. Changes that "
                                    "are not saved are lost."),
                                  title != NULL && *title != '\0'
                                    ? title
                                    : placements_record_class_get_label (
                                        PLACEMENTS_RECORD_GET_CLASS (self->draft)));
  adw_message_dialog_add_responses (self->dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (self->dialog, "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (self->dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (self->dialog, "save");
  adw_message_dialog_set_close_response (self->dialog, "cancel");
  g_signal_connect_object (self->dialog, "response", G_CALLBACK (unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (self->dialog));
}

static gboolean
save (PlacementsRecordEditor *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlacementsRecord) saved = NULL;
  PlacementsRecordClass *klass;
  g_autofree char *message = NULL;
  gboolean was_new;

  if (self->draft == NULL || self->store == NULL)
    return FALSE;
  show_error (self, NULL);

  for (guint i = 0; i < self->sections->len; i++)
    {
      if (!placements_editor_section_check (g_ptr_array_index (self->sections, i), &error))
        {
          /* The other faults too, not one at a time save after save. */
          show_problems (self, TRUE);
          show_error (self, error->message);
          return FALSE;
        }
    }

  problems = placements_record_validate_fields (self->draft);
  if (problems->len > 0)
    {
      PlacementsFieldError *first = g_ptr_array_index (problems, 0);

      show_problems (self, TRUE);
      if (first->field != NULL)
        {
          GtkWidget *row = placements_record_editor_get_field_row (self,
                                                                   first->field->pspec->name);

          if (row != NULL)
            gtk_widget_grab_focus (row);
        }
      else
        show_error (self, first->error->message);
      return FALSE;
    }

  /* All or nothing: the record and what its sections write. */
  was_new = placements_record_get_row_id (self->record) == 0;
  if (!placements_store_begin (self->store, &error) ||
      !placements_store_save (self->store, self->draft, &error))
    goto failed;
  for (guint i = 0; i < self->sections->len; i++)
    if (!placements_editor_section_apply (g_ptr_array_index (self->sections, i), self->store,
                                          &error))
      goto failed;
  if (!placements_store_commit (self->store, &error))
    goto failed;

  klass = PLACEMENTS_RECORD_GET_CLASS (self->draft);
  /* Translators: a short notice after saving, naming the kind of record. */
  message = g_strdup_printf (_("%s saved"), placements_record_class_get_label (klass));
  show_notice (self, message);

  saved = g_object_ref (self->draft);
  if (was_new && self->back_stack->len > 0)
    {
      /* Made from the record below it (an assessment of a client): back to that one. */
      g_autoptr(Navigation) back = navigation_new (NULL);

      back->pop = TRUE;
      set_dirty (self, FALSE);
      perform (self, back);
    }
  else
    open_record (self, saved, FALSE);
  return TRUE;

failed:
  if (placements_store_in_transaction (self->store))
    placements_store_rollback (self->store);
  show_error (self, error->message);
  return FALSE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save (PLACEMENTS_RECORD_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlacementsRecordEditor *self = PLACEMENTS_RECORD_EDITOR (widget);
  g_autoptr(PlacementsRecord) record = NULL;

  if (self->record == NULL)
    return;
  record = g_object_ref (self->record);
  g_clear_object (&self->record);
  open_record (self, record, FALSE);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlacementsRecordEditor *self = PLACEMENTS_RECORD_EDITOR (widget);
  Navigation *navigation = navigation_new (NULL);

  navigation->pop = TRUE;
  navigate (self, navigation);
}

/* @target is "kind/uuid" or "kind/field": the kind's type, and the rest in @rest. */
static GType
split_target (const char  *target,
              char       **rest)
{
  const char *slash = strchr (target, '/');
  g_autofree char *kind = NULL;

  if (slash == NULL)
    return G_TYPE_INVALID;
  kind = g_strndup (target, (gsize) (slash - target));
  *rest = g_strdup (slash + 1);
  return placements_store_find_record_type (kind);
}

static void
open_related_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlacementsRecordEditor *self = PLACEMENTS_RECORD_EDITOR (widget);
  g_autofree char *uuid = NULL;
  g_autoptr(PlacementsRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  GType type = split_target (g_variant_get_string (parameter, NULL), &uuid);
  Navigation *navigation;

  if (type == G_TYPE_INVALID || self->store == NULL)
    return;
  record = placements_store_load (self->store, type, uuid, &error);
  if (record == NULL)
    {
      show_error (self, error->message);
      return;
    }
  navigation = navigation_new (record);
  navigation->push = TRUE;
  navigate (self, navigation);
}

static void
add_related_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlacementsRecordEditor *self = PLACEMENTS_RECORD_EDITOR (widget);
  g_autofree char *field = NULL;
  g_autoptr(PlacementsRecord) record = NULL;
  GType type = split_target (g_variant_get_string (parameter, NULL), &field);
  PlacementsRecordClass *klass;
  Navigation *navigation;

  if (type == G_TYPE_INVALID || self->record == NULL)
    return;
  record = g_object_new (type, NULL);
  placements_record_set_field_text (record, field, placements_record_get_uuid (self->record),
                                    NULL);
  /* An assessment, a note, a consent is mostly of today. */
  klass = PLACEMENTS_RECORD_GET_CLASS (record);
  for (guint i = 0; i < placements_record_class_get_n_fields (klass); i++)
    {
      const PlacementsField *date_field = placements_record_class_get_field (klass, i);

      if ((date_field->flags & PLACEMENTS_FIELD_DATE) != 0 &&
          (date_field->flags & PLACEMENTS_FIELD_REQUIRED) != 0)
        {
          g_autofree char *today = placements_date_today ();

          placements_record_set_string (record, i + 1, today);
          break;
        }
    }

  navigation = navigation_new (record);
  navigation->push = TRUE;
  navigation->focus_first = TRUE;
  navigate (self, navigation);
}

static void
withdraw_consent_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PlacementsRecordEditor *self = PLACEMENTS_RECORD_EDITOR (widget);
  g_autoptr(PlacementsConsent) consent = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = placements_date_today ();

  if (self->store == NULL)
    return;
  consent = placements_store_load (self->store, PLACEMENTS_TYPE_CONSENT,
                                   g_variant_get_string (parameter, NULL), &error);
  if (consent != NULL)
    {
      placements_consent_set_withdrawn_date (consent, today);
      /* The store audits every change of a consent. */
      placements_store_save (self->store, PLACEMENTS_RECORD (consent), &error);
    }
  if (error != NULL)
    {
      show_error (self, error->message);
      return;
    }

  show_notice (self, _("Consent withdrawn"));
  for (guint i = 0; i < self->sections->len; i++)
    {
      gpointer section = g_ptr_array_index (self->sections, i);

      if (PLACEMENTS_IS_RELATED_GROUP (section))
        placements_editor_section_set_record (section, self->store, self->draft);
    }
}

/* The notice of a delete that can no longer be undone from it: its Undo button goes, and
 * @message (if any) says why; it leaves in its own time. */
static void
forget_deletion_toast (PlacementsRecordEditor *self,
                       const char             *message)
{
  AdwToast *toast = g_steal_pointer (&self->deletion_toast);

  if (toast == NULL)
    return;
  g_signal_handlers_disconnect_by_data (toast, self);
  adw_toast_set_button_label (toast, NULL);
  if (message != NULL)
    adw_toast_set_title (toast, message);
}

/* Makes the last delete final (and audited): it can be undone only while its notice shows,
 * and one at a time. */
static void
finish_deletion (PlacementsRecordEditor *self)
{
  g_autoptr(PlacementsDeletion) deletion = g_steal_pointer (&self->deletion);
  g_autoptr(GError) error = NULL;

  forget_deletion_toast (self, NULL);
  if (deletion != NULL && !placements_deletion_finish (deletion, &error))
    show_error (self, error->message);
  update_actions (self);
}

static void
deletion_toast_dismissed_cb (AdwToast               *toast,
                             PlacementsRecordEditor *self)
{
  if (toast != self->deletion_toast)
    return;
  self->deletion_toast = NULL;
  finish_deletion (self);
}

static void
undo_delete (PlacementsRecordEditor *self)
{
  g_autoptr(PlacementsDeletion) deletion = g_steal_pointer (&self->deletion);
  g_autoptr(PlacementsRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  Navigation *navigation;

  forget_deletion_toast (self, _("Deletion undone"));
  if (deletion == NULL || !placements_deletion_is_pending (deletion))
    return;
  if (!placements_deletion_undo (deletion, &error))
    {
      show_error (self, error->message);
      update_actions (self);
      return;
    }

  /* Back where the coordinator was: the record open again. */
  record = placements_store_load (self->store,
                                  G_OBJECT_TYPE (placements_deletion_get_record (deletion)),
                                  placements_record_get_uuid (
                                    placements_deletion_get_record (deletion)),
                                  NULL);
  navigation = navigation_new (record);
  navigation->clear_stack = TRUE;
  navigate (self, navigation);
  update_actions (self);
}

static void
deletion_toast_undo_cb (AdwToast               *toast,
                        PlacementsRecordEditor *self)
{
  undo_delete (self);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  undo_delete (PLACEMENTS_RECORD_EDITOR (widget));
}

static void
refused_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PlacementsRecordEditor *self = PLACEMENTS_RECORD_EDITOR (widget);
  g_autoptr(PlacementsRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *message = NULL;
  GtkWidget *overlay;
  AdwToast *toast;

  if (self->record == NULL || self->store == NULL ||
      placements_record_get_row_id (self->record) == 0)
    return;

  finish_deletion (self);
  record = g_object_ref (self->record);
  title = placements_record_dup_title (self->store, record);
  self->deletion = placements_deletion_new (self->store, record, &error);
  if (self->deletion == NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog;

      /* What holds the record is the coordinator's to change: said, not only shown. */
      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       _("Cannot Delete"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      g_signal_connect (dialog, "response", G_CALLBACK (refused_response_cb), NULL);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  /* The changes not saved go with the record. */
  set_dirty (self, FALSE);
  {
    Navigation *navigation = navigation_new (NULL);

    navigation->pop = self->back_stack->len > 0;
    navigation->clear_stack = !navigation->pop;
    perform (self, navigation);
    navigation_free (navigation);
  }

  /* Translators: a notice after a delete that can still be undone; %s is the record. */
  message = g_strdup_printf (_("“%s” deleted"), title);
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    {
      toast = adw_toast_new (message);
      adw_toast_set_button_label (toast, _("_Undo"));
      /* Shown at once, whatever other notice is on screen: the undo cannot wait. */
      adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      g_signal_connect_object (toast, "button-clicked", G_CALLBACK (deletion_toast_undo_cb),
                               self, 0);
      g_signal_connect_object (toast, "dismissed", G_CALLBACK (deletion_toast_dismissed_cb),
                               self, 0);
      self->deletion_toast = toast;
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
  update_actions (self);
}

/* Closing the window leaves the record too: with unsaved changes, that asks first. */
static gboolean
window_close_request_cb (GtkWindow              *window,
                         PlacementsRecordEditor *self)
{
  Navigation *navigation;

  if (!self->dirty)
    return FALSE;
  navigation = navigation_new (NULL);
  navigation->close_window = TRUE;
  navigate (self, navigation);
  return TRUE;
}

static void
placements_record_editor_root (GtkWidget *widget)
{
  PlacementsRecordEditor *self = PLACEMENTS_RECORD_EDITOR (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (placements_record_editor_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    g_signal_connect_object (root, "close-request", G_CALLBACK (window_close_request_cb), self,
                             0);
}

static void
placements_record_editor_unroot (GtkWidget *widget)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (root != NULL)
    g_signal_handlers_disconnect_by_func (root, window_close_request_cb, widget);

  GTK_WIDGET_CLASS (placements_record_editor_parent_class)->unroot (widget);
}

static void
placements_record_editor_dispose (GObject *object)
{
  PlacementsRecordEditor *self = PLACEMENTS_RECORD_EDITOR (object);

  if (self->dialog != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->dialog, self);
      gtk_window_destroy (GTK_WINDOW (self->dialog));
      self->dialog = NULL;
    }
  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_func (self->draft, draft_notify_cb, self);
  g_clear_pointer (&self->pending, navigation_free);
  if (self->deletion_toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->deletion_toast, self);
      self->deletion_toast = NULL;
    }
  if (self->toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->toast, self);
      self->toast = NULL;
    }
  /* A delete that was not undone is final when the window goes. */
  g_clear_object (&self->deletion);
  gtk_widget_dispose_template (GTK_WIDGET (self), PLACEMENTS_TYPE_RECORD_EDITOR);
  g_clear_pointer (&self->sections, g_ptr_array_unref);
  g_clear_pointer (&self->built, g_hash_table_unref);
  g_clear_pointer (&self->back_stack, g_ptr_array_unref);
  g_clear_object (&self->draft);
  g_clear_object (&self->record);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (placements_record_editor_parent_class)->dispose (object);
}

static void
placements_record_editor_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  PlacementsRecordEditor *self = PLACEMENTS_RECORD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
placements_record_editor_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  PlacementsRecordEditor *self = PLACEMENTS_RECORD_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      placements_record_editor_set_store (self, g_value_get_object (value));
      break;
    case PROP_RECORD:
      placements_record_editor_set_record (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
placements_record_editor_class_init (PlacementsRecordEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = placements_record_editor_dispose;
  object_class->get_property = placements_record_editor_get_property;
  object_class->set_property = placements_record_editor_set_property;

  widget_class->root = placements_record_editor_root;
  widget_class->unroot = placements_record_editor_unroot;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PLACEMENTS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, PLACEMENTS_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * PlacementsRecordEditor:dirty:
   *
   * Whether the open record has changes that are not saved.
   */
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Placements/gui/editor/"
                                               "placements-record-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, PlacementsRecordEditor, box);
  gtk_widget_class_bind_template_child (widget_class, PlacementsRecordEditor, header_bar);
  gtk_widget_class_bind_template_child (widget_class, PlacementsRecordEditor, window_title);
  gtk_widget_class_bind_template_child (widget_class, PlacementsRecordEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, PlacementsRecordEditor, back_button);
  gtk_widget_class_bind_template_child (widget_class, PlacementsRecordEditor, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, PlacementsRecordEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, PlacementsRecordEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, PlacementsRecordEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlacementsRecordEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, PlacementsRecordEditor, page);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "editor.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "editor.open-related", "s",
                                   open_related_action);
  gtk_widget_class_install_action (widget_class, "editor.add-related", "s",
                                   add_related_action);
  gtk_widget_class_install_action (widget_class, "editor.withdraw-consent", "s",
                                   withdraw_consent_action);
  gtk_widget_class_install_action (widget_class, "editor.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "editor.undo-delete", NULL,
                                   undo_delete_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "editor.back", NULL);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
placements_record_editor_init (PlacementsRecordEditor *self)
{
  self->sections = g_ptr_array_new ();
  self->built = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->back_stack = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Record"), -1);
  update_actions (self);
}

GtkWidget *
placements_record_editor_new (PlacementsStore *store)
{
  return g_object_new (PLACEMENTS_TYPE_RECORD_EDITOR, "store", store, NULL);
}

PlacementsStore *
placements_record_editor_get_store (PlacementsRecordEditor *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_EDITOR (self), NULL);
  return self->store;
}

void
placements_record_editor_set_store (PlacementsRecordEditor *self,
                                    PlacementsStore        *store)
{
  g_return_if_fail (PLACEMENTS_IS_RECORD_EDITOR (self));

  if (self->store == store)
    return;
  /* Records of one database mean nothing in another. */
  self->dirty = FALSE;
  open_record (self, NULL, FALSE);
  destroy_sections (self);
  g_set_object (&self->store, store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

PlacementsRecord *
placements_record_editor_get_record (PlacementsRecordEditor *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_EDITOR (self), NULL);
  return self->record;
}

void
placements_record_editor_set_record (PlacementsRecordEditor *self,
                                     PlacementsRecord       *record)
{
  Navigation *navigation;

  g_return_if_fail (PLACEMENTS_IS_RECORD_EDITOR (self));
  g_return_if_fail (record == NULL || PLACEMENTS_IS_RECORD (record));

  if (record != NULL && self->record != NULL && !self->dirty &&
      g_str_equal (placements_record_get_uuid (record), placements_record_get_uuid (self->record)))
    return;

  navigation = navigation_new (record);
  navigation->clear_stack = TRUE;
  navigate (self, navigation);
}

void
placements_record_editor_reload (PlacementsRecordEditor *self)
{
  g_autoptr(PlacementsRecord) fresh = NULL;

  g_return_if_fail (PLACEMENTS_IS_RECORD_EDITOR (self));

  if (self->record == NULL || self->dirty || placements_record_get_row_id (self->record) <= 0)
    return;
  fresh = placements_store_load (self->store, G_OBJECT_TYPE (self->record),
                                 placements_record_get_uuid (self->record), NULL);
  if (fresh != NULL)
    open_record (self, fresh, FALSE);
}

void
placements_record_editor_new_record (PlacementsRecordEditor *self,
                                     GType                   record_type)
{
  g_autoptr(PlacementsRecord) record = NULL;
  Navigation *navigation;

  g_return_if_fail (PLACEMENTS_IS_RECORD_EDITOR (self));
  g_return_if_fail (g_type_is_a (record_type, PLACEMENTS_TYPE_RECORD));

  record = g_object_new (record_type, NULL);
  navigation = navigation_new (record);
  navigation->clear_stack = TRUE;
  navigation->focus_first = TRUE;
  navigate (self, navigation);
}

gboolean
placements_record_editor_get_dirty (PlacementsRecordEditor *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_EDITOR (self), FALSE);
  return self->dirty;
}

GtkWidget *
placements_record_editor_get_field_row (PlacementsRecordEditor *self,
                                        const char             *field_name)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_EDITOR (self), NULL);

  for (guint i = 0; i < self->sections->len; i++)
    {
      gpointer section = g_ptr_array_index (self->sections, i);
      GtkWidget *row;

      if (PLACEMENTS_IS_FIELD_GROUP (section) &&
          (row = placements_field_group_get_row (section, field_name)) != NULL)
        return row;
    }
  return NULL;
}

const char *
placements_record_editor_get_field_message (PlacementsRecordEditor *self,
                                            const char             *field_name)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_EDITOR (self), NULL);

  for (guint i = 0; i < self->sections->len; i++)
    {
      gpointer section = g_ptr_array_index (self->sections, i);

      if (PLACEMENTS_IS_FIELD_GROUP (section) &&
          placements_field_group_get_row (section, field_name) != NULL)
        return placements_field_group_get_message (section, field_name);
    }
  return NULL;
}

GPtrArray *
placements_record_editor_get_sections (PlacementsRecordEditor *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_EDITOR (self), NULL);
  return self->sections;
}

AdwHeaderBar *
placements_record_editor_get_header_bar (PlacementsRecordEditor *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_EDITOR (self), NULL);
  return self->header_bar;
}
