#define G_LOG_DOMAIN "placements-placing-group"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-date-row.h"
#include "placements-date.h"
#include "placements-editor-section.h"
#include "placements-end-dialog.h"
#include "placements-enum-types.h"
#include "placements-error.h"
#include "placements-place-dialog.h"
#include "placements-placement-steps.h"
#include "placements-placing.h"
#include "placements-placing-group.h"
#include "placements-record-editor.h"
#include "placements-record-types.h"

struct _PlacementsPlacingGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Borrowed: rows of the group */
  AdwActionRow        *place_row;
  PlacementsDateRow   *date_row;
  AdwActionRow        *next_row;
  GtkBox              *next_box;
  GPtrArray           *step_rows;

  /* Owned */
  PlacementsStore     *store;
  PlacementsRecord    *draft;
  GtkWindow           *dialog;
  char                *error_text;
  /* A step into a full workplace, waiting for the user's word. */
  char                *pending_date;
  int                  pending_status;
  /* The placement's status as stored when it was opened, for a change in the editor. */
  int                  stored_status;
  gboolean             was_stored;
};

static void placements_placing_group_section_init (PlacementsEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlacementsPlacingGroup, placements_placing_group,
                               ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (PLACEMENTS_TYPE_EDITOR_SECTION,
                                                      placements_placing_group_section_init))

/* The steps that may follow each status, with the button that takes them. */
static const struct
{
  PlacementsPlacementStatus status;
  const char               *label;
} moves[] = {
  { PLACEMENTS_PLACEMENT_STATUS_INTRODUCTION, N_("Start _Introduction") },
  { PLACEMENTS_PLACEMENT_STATUS_TRIAL, N_("Start _Trial") },
  { PLACEMENTS_PLACEMENT_STATUS_ACTIVE, N_("Make _Active") },
  { PLACEMENTS_PLACEMENT_STATUS_PAUSED, N_("_Pause") },
};

static void
show_error (PlacementsPlacingGroup *self,
            const char             *message)
{
  g_free (self->error_text);
  self->error_text = g_strdup (message);
  if (self->next_row == NULL)
    return;
  adw_action_row_set_subtitle (self->next_row, message != NULL ? message : "");
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->next_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->next_row), "error");
}

static PlacementsRecordEditor *
find_editor (PlacementsPlacingGroup *self)
{
  return PLACEMENTS_RECORD_EDITOR (gtk_widget_get_ancestor (GTK_WIDGET (self),
                                                            PLACEMENTS_TYPE_RECORD_EDITOR));
}

static GtkWindow *
find_window (PlacementsPlacingGroup *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* Shows the record as the database has it now, after a step written underneath. */
static void
reload (PlacementsPlacingGroup *self)
{
  PlacementsRecordEditor *editor = find_editor (self);

  if (editor != NULL)
    placements_record_editor_reload (editor);
}

static void
clear_rows (PlacementsPlacingGroup *self)
{
  for (guint i = 0; i < self->step_rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self),
                                  g_ptr_array_index (self->step_rows, i));
  g_ptr_array_set_size (self->step_rows, 0);
  self->place_row = NULL;
  self->date_row = NULL;
  self->next_row = NULL;
  self->next_box = NULL;
}

static void
add_row (PlacementsPlacingGroup *self,
         GtkWidget              *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->step_rows, row);
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static GtkWidget *
new_button (const char *label,
            const char *action,
            GVariant   *target)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static void
build_place (PlacementsPlacingGroup *self)
{
  GtkWidget *row;
  const char *subtitle;

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), C_("editor group", "Placing"));
  if (PLACEMENTS_IS_CLIENT (self->draft))
    subtitle = _("Workplaces ranked by how well they fit this client");
  else if (PLACEMENTS_IS_WORKPLACE (self->draft))
    subtitle = _("Place a client at this workplace");
  else
    subtitle = _("Place a client in this pilot");
  row = new_row (_("Place a Client"), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             new_button (_("_Place…"), "placing.place", NULL));
  add_row (self, row);
  self->place_row = ADW_ACTION_ROW (row);
}

static void
build_steps (PlacementsPlacingGroup *self)
{
  PlacementsPlacement *placement = PLACEMENTS_PLACEMENT (self->draft);
  PlacementsPlacementStatus status = placements_placement_get_status (placement);
  g_autoptr(GPtrArray) steps = NULL;
  g_autofree char *today = placements_date_today ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), C_("editor group", "Steps"));
  steps = placements_placement_list_steps (self->store,
                                           placements_record_get_uuid (self->draft), NULL);
  if (steps == NULL || steps->len == 0)
    add_row (self, new_row (placements_enum_get_label (PLACEMENTS_TYPE_PLACEMENT_STATUS, status),
                            _("No steps recorded yet: each step from now on is kept here")));
  for (guint i = 0; steps != NULL && i < steps->len; i++)
    {
      PlacementsPlacementStep *step = g_ptr_array_index (steps, i);
      g_autofree char *date = placements_date_format_short (step->date);
      g_autoptr(GString) subtitle = g_string_new (date);

      if ((step->warnings & PLACEMENTS_PLACE_WARNING_OVER_CAPACITY) != 0)
        g_string_append_printf (subtitle, C_("record facts", " · %s"),
                                _("over capacity, confirmed"));
      if ((step->warnings & PLACEMENTS_PLACE_WARNING_BUDDY_OVER_MAXIMUM) != 0)
        g_string_append_printf (subtitle, C_("record facts", " · %s"),
                                _("buddy over their maximum, confirmed"));
      add_row (self, new_row (placements_enum_get_label (PLACEMENTS_TYPE_PLACEMENT_STATUS,
                                                         step->status), subtitle->str));
    }

  if (status == PLACEMENTS_PLACEMENT_STATUS_ENDED)
    {
      const char *six = placements_placement_get_follow_up_6_months_date (placement);
      const char *twelve = placements_placement_get_follow_up_12_months_date (placement);

      if (six != NULL)
        {
          g_autofree char *date = placements_date_format_short (six);

          add_row (self, new_row (_("Follow-up after 6 months"), date));
        }
      if (twelve != NULL)
        {
          g_autofree char *date = placements_date_format_short (twelve);

          add_row (self, new_row (_("Follow-up after 12 months"), date));
        }
      return;
    }

  /* The buddy's pairing with the client: its own small step, offered here too. */
  {
    const char *buddy = placements_placement_get_buddy_uuid (placement);

    if (buddy != NULL)
      {
        g_autoptr(PlacementsRecord) pairing =
          placements_placing_find_pairing (self->store, buddy,
                                           placements_placement_get_client_uuid (placement),
                                           today);
        g_autofree char *name = placements_record_dup_reference_name (self->draft, "buddy-uuid",
                                                                      self->store);
        g_autofree char *since = NULL;
        g_autofree char *subtitle = NULL;
        GtkWidget *row;

        if (pairing != NULL)
          {
            since = placements_date_format_short (placements_buddy_pairing_get_start_date (
                                                    PLACEMENTS_BUDDY_PAIRING (pairing)));
            /* Translators: a buddy and since when they are paired with the client. */
            subtitle = g_strdup_printf (_("%s, paired since %s"), name, since);
          }
        else
          /* Translators: a buddy who is not paired with the client (any more). */
          subtitle = g_strdup_printf (_("%s, not paired"), name);
        row = new_row (C_("placement", "Buddy"), subtitle);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                   pairing != NULL
                                     ? new_button (_("End Pai_ring"), "placing.end-pairing", NULL)
                                     : new_button (_("Pai_r"), "placing.pair", NULL));
        add_row (self, row);
      }
  }

  self->date_row = PLACEMENTS_DATE_ROW (placements_date_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Date of the next step"));
  placements_date_row_set_date (self->date_row, today);
  add_row (self, GTK_WIDGET (self->date_row));

  self->next_row = ADW_ACTION_ROW (new_row (_("Next step"), NULL));
  self->next_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6));
  for (gsize i = 0; i < G_N_ELEMENTS (moves); i++)
    if (placements_placement_can_move (status, moves[i].status))
      {
        const char *nick = placements_enum_get_nick (PLACEMENTS_TYPE_PLACEMENT_STATUS,
                                                     moves[i].status);
        /* From paused, "active" is resuming. */
        const char *label = status == PLACEMENTS_PLACEMENT_STATUS_PAUSED
                            ? _("_Resume") : _(moves[i].label);

        gtk_box_append (self->next_box,
                        new_button (label, "placing.move", g_variant_new_string (nick)));
      }
  gtk_box_append (self->next_box, new_button (_("_End…"), "placing.end", NULL));
  adw_action_row_add_suffix (self->next_row, GTK_WIDGET (self->next_box));
  add_row (self, GTK_WIDGET (self->next_row));
}

static void
placements_placing_group_set_record (PlacementsEditorSection *section,
                                     PlacementsStore         *store,
                                     PlacementsRecord        *draft)
{
  PlacementsPlacingGroup *self = PLACEMENTS_PLACING_GROUP (section);

  g_set_object (&self->store, store);
  g_set_object (&self->draft, draft);
  g_clear_pointer (&self->error_text, g_free);
  clear_rows (self);
  self->was_stored = placements_record_get_row_id (draft) > 0;
  if (PLACEMENTS_IS_PLACEMENT (draft))
    self->stored_status = placements_placement_get_status (PLACEMENTS_PLACEMENT (draft));

  /* Placing and steps are about what is in the database: not for a record being made. */
  gtk_widget_set_visible (GTK_WIDGET (self), placements_record_get_row_id (draft) > 0);
  if (placements_record_get_row_id (draft) <= 0)
    return;
  if (PLACEMENTS_IS_PLACEMENT (draft))
    build_steps (self);
  else
    build_place (self);
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/*
 * The status changed in the record's fields rather than by a step (or a placement made
 * in the editor): written as a step too, in the save's transaction, so the timeline
 * stays whole; taking a place in a full workplace is refused here, where it cannot be
 * confirmed, and left to the steps and the Place flow, where it can.
 */
static gboolean
placements_placing_group_apply (PlacementsEditorSection  *section,
                                PlacementsStore          *store,
                                GError                  **error)
{
  PlacementsPlacingGroup *self = PLACEMENTS_PLACING_GROUP (section);
  PlacementsPlacement *placement;
  PlacementsPlacementStatus status;
  const char *uuid;
  g_autofree char *today = NULL;
  const char *date;

  if (!PLACEMENTS_IS_PLACEMENT (self->draft))
    return TRUE;
  placement = PLACEMENTS_PLACEMENT (self->draft);
  status = placements_placement_get_status (placement);
  if (self->was_stored && (int) status == self->stored_status)
    return TRUE;

  uuid = placements_record_get_uuid (self->draft);
  if ((!self->was_stored ||
       !placements_placement_status_holds_place (self->stored_status)) &&
      placements_placement_status_holds_place (status) &&
      (placements_placement_find_excess (store, uuid) &
       PLACEMENTS_PLACE_WARNING_OVER_CAPACITY) != 0)
    {
      g_set_error_literal (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NEEDS_CONFIRMATION,
                           _("The workplace has no free place: take the step from the "
                             "placement’s steps, where going over capacity can be "
                             "confirmed"));
      return FALSE;
    }

  today = placements_date_today ();
  if (status == PLACEMENTS_PLACEMENT_STATUS_ENDED &&
      placements_placement_get_actual_end_date (placement) != NULL)
    {
      date = placements_placement_get_actual_end_date (placement);
      /* Ended here as by the End dialog: the follow-ups are due 6 and 12 months on. */
      if (is_blank (placements_placement_get_follow_up_6_months_date (placement)) &&
          is_blank (placements_placement_get_follow_up_12_months_date (placement)))
        {
          g_autofree char *six = placements_date_add_months (date, 6);
          g_autofree char *twelve = placements_date_add_months (date, 12);

          placements_placement_set_follow_up_6_months_date (placement, six);
          placements_placement_set_follow_up_12_months_date (placement, twelve);
          if (!placements_store_save (store, self->draft, error))
            return FALSE;
        }
    }
  else if (!self->was_stored)
    date = placements_placement_get_start_date (placement);
  else
    date = today;
  return placements_placement_record_step (store, uuid, status, date, error);
}

static void
placements_placing_group_section_init (PlacementsEditorSectionInterface *iface)
{
  iface->set_record = placements_placing_group_set_record;
  iface->apply = placements_placing_group_apply;
}

static gboolean
check_saved (PlacementsPlacingGroup *self)
{
  PlacementsRecordEditor *editor = find_editor (self);

  if (editor != NULL && placements_record_editor_get_dirty (editor))
    {
      show_error (self, _("Save or cancel the changes to the placement first."));
      return FALSE;
    }
  return TRUE;
}

static void
dialog_destroy_cb (PlacementsPlacingGroup *self)
{
  self->dialog = NULL;
}

static void
placed_cb (PlacementsPlacingGroup *self,
           const char             *uuid)
{
  g_autofree char *target = g_strconcat ("placement/", uuid, NULL);

  /* The new placement, with its first step, where Back returns to where it started. */
  reload (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.open-related", "s", target);
}

static void
place_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PlacementsPlacingGroup *self = PLACEMENTS_PLACING_GROUP (widget);
  const char *uuid;
  PlacementsPlaceDialog *dialog;

  if (self->draft == NULL || self->store == NULL || self->dialog != NULL)
    return;
  uuid = placements_record_get_uuid (self->draft);
  dialog = placements_place_dialog_new (find_window (self), self->store,
                                        PLACEMENTS_IS_CLIENT (self->draft) ? uuid : NULL,
                                        PLACEMENTS_IS_WORKPLACE (self->draft) ? uuid : NULL,
                                        PLACEMENTS_IS_PILOT (self->draft) ? uuid : NULL);
  self->dialog = GTK_WINDOW (dialog);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroy_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "placed", G_CALLBACK (placed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
move (PlacementsPlacingGroup  *self,
      int                      status,
      const char              *date,
      PlacementsPlaceWarnings  confirmed,
      GError                 **error)
{
  g_autoptr(PlacementsPlacement) placement = NULL;

  placement = placements_store_load (self->store, PLACEMENTS_TYPE_PLACEMENT,
                                     placements_record_get_uuid (self->draft), error);
  return placement != NULL &&
         placements_placement_move (self->store, placement, status, date, confirmed, error);
}

static void
confirm_response_cb (AdwMessageDialog       *dialog,
                     const char             *response,
                     PlacementsPlacingGroup *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = g_steal_pointer (&self->pending_date);

  if (g_strcmp0 (response, "confirm") != 0 || date == NULL || self->draft == NULL)
    return;
  if (!move (self, self->pending_status, date, PLACEMENTS_PLACE_WARNING_OVER_CAPACITY, &error))
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  reload (self);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlacementsPlacingGroup *self = PLACEMENTS_PLACING_GROUP (widget);
  g_autoptr(GError) error = NULL;
  const char *date;
  int status;

  if (!PLACEMENTS_IS_PLACEMENT (self->draft) || self->date_row == NULL || !check_saved (self))
    return;
  if (!placements_enum_from_nick (PLACEMENTS_TYPE_PLACEMENT_STATUS,
                                  g_variant_get_string (parameter, NULL), &status) ||
      status == PLACEMENTS_PLACEMENT_STATUS_ENDED)
    return;
  date = placements_date_row_get_date (self->date_row);
  if (placements_date_row_get_parse_error (self->date_row) != NULL || date == NULL)
    {
      show_error (self, placements_date_row_get_parse_error (self->date_row) ?:
                        _("Say on which date the step is taken."));
      return;
    }
  if (!move (self, status, date, PLACEMENTS_PLACE_WARNING_NONE, &error))
    {
      /* Taking a place in a full workplace is the coordinator's call, once asked. */
      if (g_error_matches (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NEEDS_CONFIRMATION))
        {
          AdwMessageDialog *dialog =
            ADW_MESSAGE_DIALOG (adw_message_dialog_new (find_window (self),
                                                        _("Go Over Capacity?"),
                                                        error->message));

          g_free (self->pending_date);
          self->pending_date = g_strdup (date);
          self->pending_status = status;
          adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                            "confirm", _("_Take the Step Anyway"), NULL);
          adw_message_dialog_set_response_appearance (dialog, "confirm",
                                                      ADW_RESPONSE_DESTRUCTIVE);
          adw_message_dialog_set_close_response (dialog, "cancel");
          g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self,
                                   0);
          gtk_window_present (GTK_WINDOW (dialog));
        }
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  reload (self);
}

static void
pairing_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PlacementsPlacingGroup *self = PLACEMENTS_PLACING_GROUP (widget);
  PlacementsPlacement *placement;
  g_autoptr(GError) error = NULL;
  const char *date;
  gboolean ok;

  if (!PLACEMENTS_IS_PLACEMENT (self->draft) || self->date_row == NULL || !check_saved (self))
    return;
  placement = PLACEMENTS_PLACEMENT (self->draft);
  date = placements_date_row_get_date (self->date_row);
  if (placements_date_row_get_parse_error (self->date_row) != NULL || date == NULL ||
      placements_placement_get_buddy_uuid (placement) == NULL)
    {
      show_error (self, placements_date_row_get_parse_error (self->date_row) ?:
                        _("Say on which date the step is taken."));
      return;
    }
  if (g_str_equal (action_name, "placing.pair"))
    ok = placements_placing_pair_buddy (self->store,
                                        placements_placement_get_buddy_uuid (placement),
                                        placements_placement_get_client_uuid (placement), date,
                                        placements_placement_get_planned_end_date (placement),
                                        &error);
  else
    ok = placements_placing_end_pairing (self->store,
                                         placements_placement_get_buddy_uuid (placement),
                                         placements_placement_get_client_uuid (placement), date,
                                         &error);
  if (!ok)
    {
      show_error (self, error->message);
      return;
    }
  show_error (self, NULL);
  reload (self);
}

static void
ended_cb (PlacementsPlacingGroup *self)
{
  reload (self);
}

static void
end_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  PlacementsPlacingGroup *self = PLACEMENTS_PLACING_GROUP (widget);
  PlacementsEndDialog *dialog;

  if (!PLACEMENTS_IS_PLACEMENT (self->draft) || self->dialog != NULL || !check_saved (self))
    return;
  dialog = placements_end_dialog_new (find_window (self), self->store,
                                      placements_record_get_uuid (self->draft),
                                      self->date_row != NULL
                                        ? placements_date_row_get_date (self->date_row) : NULL);
  self->dialog = GTK_WINDOW (dialog);
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (dialog_destroy_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "ended", G_CALLBACK (ended_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
placements_placing_group_dispose (GObject *object)
{
  PlacementsPlacingGroup *self = PLACEMENTS_PLACING_GROUP (object);

  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  g_clear_object (&self->store);
  g_clear_object (&self->draft);

  G_OBJECT_CLASS (placements_placing_group_parent_class)->dispose (object);
}

static void
placements_placing_group_finalize (GObject *object)
{
  PlacementsPlacingGroup *self = PLACEMENTS_PLACING_GROUP (object);

  g_ptr_array_unref (self->step_rows);
  g_free (self->error_text);
  g_free (self->pending_date);

  G_OBJECT_CLASS (placements_placing_group_parent_class)->finalize (object);
}

static void
placements_placing_group_class_init (PlacementsPlacingGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = placements_placing_group_dispose;
  object_class->finalize = placements_placing_group_finalize;

  gtk_widget_class_install_action (widget_class, "placing.place", NULL, place_action);
  gtk_widget_class_install_action (widget_class, "placing.move", "s", move_action);
  gtk_widget_class_install_action (widget_class, "placing.end", NULL, end_action);
  gtk_widget_class_install_action (widget_class, "placing.pair", NULL, pairing_action);
  gtk_widget_class_install_action (widget_class, "placing.end-pairing", NULL, pairing_action);
}

static void
placements_placing_group_init (PlacementsPlacingGroup *self)
{
  self->step_rows = g_ptr_array_new ();
}

GtkWidget *
placements_placing_group_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_PLACING_GROUP, NULL);
}

GtkWindow *
placements_placing_group_get_dialog (PlacementsPlacingGroup *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PLACING_GROUP (self), NULL);
  return self->dialog;
}

void
placements_placing_group_set_step_date (PlacementsPlacingGroup *self,
                                        const char             *date)
{
  g_return_if_fail (PLACEMENTS_IS_PLACING_GROUP (self));
  if (self->date_row != NULL)
    placements_date_row_set_date (self->date_row, date);
}

const char *
placements_placing_group_get_error (PlacementsPlacingGroup *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PLACING_GROUP (self), NULL);
  return self->error_text;
}
