#define G_LOG_DOMAIN "placements-pilot-group"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-date-row.h"
#include "placements-date.h"
#include "placements-editor-section.h"
#include "placements-enum-types.h"
#include "placements-pilot-group.h"
#include "placements-pilot-steps.h"
#include "placements-record-editor.h"
#include "placements-record-types.h"

struct _PlacementsPilotGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Borrowed: rows of the group */
  PlacementsDateRow   *date_row;
  GtkSpinButton       *target_spin;
  AdwActionRow        *next_row;
  GPtrArray           *rows;

  /* Owned */
  PlacementsStore     *store;
  PlacementsRecord    *draft;
  char                *participants_text;
  char                *funding_text;
  char                *error_text;
  /* The pilot's status as stored when it was opened, for a change in the editor. */
  int                  stored_status;
  gboolean             was_stored;
};

static void placements_pilot_group_section_init (PlacementsEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlacementsPilotGroup, placements_pilot_group,
                               ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (PLACEMENTS_TYPE_EDITOR_SECTION,
                                                      placements_pilot_group_section_init))

static const struct
{
  PlacementsPilotStatus status;
  const char           *label;
} moves[] = {
  { PLACEMENTS_PILOT_STATUS_RUNNING, N_("Start _Running") },
  { PLACEMENTS_PILOT_STATUS_EVALUATED, N_("_Evaluated") },
  { PLACEMENTS_PILOT_STATUS_STRUCTURAL, N_("Make _Structural") },
  { PLACEMENTS_PILOT_STATUS_STOPPED, N_("S_top") },
};

static void
show_error (PlacementsPilotGroup *self,
            const char           *message)
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

static void
add_row (PlacementsPilotGroup *self,
         GtkWidget            *row)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
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
build (PlacementsPilotGroup *self)
{
  PlacementsPilot *pilot = PLACEMENTS_PILOT (self->draft);
  const char *uuid = placements_record_get_uuid (self->draft);
  PlacementsPilotStatus status = placements_pilot_get_status (pilot);
  int target = placements_pilot_get_target_participants (pilot);
  int placed = placements_pilot_count_placed (self->store, uuid);
  g_autoptr(GPtrArray) steps = placements_pilot_list_steps (self->store, uuid, NULL);
  g_autofree char *today = placements_date_today ();
  GtkWidget *row;
  GtkWidget *bar;
  GtkBox *box;

  /* Translators: participants placed in a pilot now, against its target. */
  self->participants_text = g_strdup_printf (ngettext ("%d placed now, target %d",
                                                       "%d placed now, target %d",
                                                       (gulong) placed), placed, target);
  row = new_row (_("Participants"), self->participants_text);
  bar = gtk_level_bar_new_for_interval (0, MAX (target, MAX (placed, 1)));
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), placed);
  gtk_widget_set_size_request (bar, 160, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Participants"),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, self->participants_text,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
  add_row (self, row);

  self->funding_text = placements_format_euro_cents (placements_pilot_sum_funding (self->store,
                                                                                   uuid));
  add_row (self, new_row (_("Funding in all"), self->funding_text));

  for (guint i = 0; steps != NULL && i < steps->len; i++)
    {
      PlacementsPilotStep *step = g_ptr_array_index (steps, i);
      g_autofree char *date = placements_date_format_short (step->date);
      g_autofree char *subtitle = NULL;

      if (step->target_participants >= 0)
        /* Translators: the date of a scale-up and the new target. */
        subtitle = g_strdup_printf (ngettext ("%s, new target %d participant",
                                              "%s, new target %d participants",
                                              (gulong) step->target_participants),
                                    date, step->target_participants);
      add_row (self, new_row (placements_enum_get_label (PLACEMENTS_TYPE_PILOT_STATUS,
                                                         step->status),
                              subtitle != NULL ? subtitle : date));
    }
  if (steps == NULL || steps->len == 0)
    add_row (self, new_row (placements_enum_get_label (PLACEMENTS_TYPE_PILOT_STATUS, status),
                            _("No steps recorded yet: each step from now on is kept here")));

  if (status == PLACEMENTS_PILOT_STATUS_STRUCTURAL || status == PLACEMENTS_PILOT_STATUS_STOPPED)
    return;

  self->date_row = PLACEMENTS_DATE_ROW (placements_date_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row),
                                 _("Date of the next step"));
  placements_date_row_set_date (self->date_row, today);
  add_row (self, GTK_WIDGET (self->date_row));

  self->next_row = ADW_ACTION_ROW (new_row (_("Next step"), NULL));
  box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6));
  for (gsize i = 0; i < G_N_ELEMENTS (moves); i++)
    if (placements_pilot_can_move (status, moves[i].status))
      gtk_box_append (box, new_button (_(moves[i].label), "pilot.move",
                                       g_variant_new_string (placements_enum_get_nick (
                                         PLACEMENTS_TYPE_PILOT_STATUS, moves[i].status))));
  adw_action_row_add_suffix (self->next_row, GTK_WIDGET (box));
  add_row (self, GTK_WIDGET (self->next_row));

  if (placements_pilot_can_move (status, PLACEMENTS_PILOT_STATUS_SCALED_UP))
    {
      row = new_row (_("Scale up to a new target"), NULL);
      self->target_spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, 100000, 1));
      gtk_spin_button_set_value (self->target_spin, target);
      gtk_widget_set_valign (GTK_WIDGET (self->target_spin), GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->target_spin),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("New target"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->target_spin));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_button (_("Scale _Up"), "pilot.scale-up", NULL));
      add_row (self, row);
    }
}

static void
placements_pilot_group_set_record (PlacementsEditorSection *section,
                                   PlacementsStore         *store,
                                   PlacementsRecord        *draft)
{
  PlacementsPilotGroup *self = PLACEMENTS_PILOT_GROUP (section);

  g_set_object (&self->store, store);
  g_set_object (&self->draft, draft);
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self),
                                  g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  self->date_row = NULL;
  self->target_spin = NULL;
  self->next_row = NULL;
  g_clear_pointer (&self->participants_text, g_free);
  g_clear_pointer (&self->funding_text, g_free);
  g_clear_pointer (&self->error_text, g_free);

  self->was_stored = placements_record_get_row_id (draft) > 0;
  if (PLACEMENTS_IS_PILOT (draft))
    self->stored_status = placements_pilot_get_status (PLACEMENTS_PILOT (draft));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self),
                                   C_("editor group", "Progress"));
  gtk_widget_set_visible (GTK_WIDGET (self), PLACEMENTS_IS_PILOT (draft) &&
                                             placements_record_get_row_id (draft) > 0);
  if (PLACEMENTS_IS_PILOT (draft) && placements_record_get_row_id (draft) > 0)
    build (self);
}

/*
 * The status changed in the record's fields rather than by a step: written as a step of
 * today too, in the save's transaction, so the pilot's history stays whole; a move the
 * steps would refuse (a stopped pilot running again) is refused here as well.
 */
static gboolean
placements_pilot_group_apply (PlacementsEditorSection  *section,
                              PlacementsStore          *store,
                              GError                  **error)
{
  PlacementsPilotGroup *self = PLACEMENTS_PILOT_GROUP (section);
  PlacementsPilot *pilot;
  PlacementsPilotStatus from;
  g_autofree char *today = NULL;

  if (!PLACEMENTS_IS_PILOT (self->draft))
    return TRUE;
  pilot = PLACEMENTS_PILOT (self->draft);
  from = self->was_stored ? self->stored_status : PLACEMENTS_PILOT_STATUS_CONCEPT;
  if ((int) placements_pilot_get_status (pilot) == (int) from)
    return TRUE;
  today = placements_date_today ();
  return placements_pilot_record_step (store, pilot, from, today, error);
}

static void
placements_pilot_group_section_init (PlacementsEditorSectionInterface *iface)
{
  iface->set_record = placements_pilot_group_set_record;
  iface->apply = placements_pilot_group_apply;
}

/* The pilot as stored, when the editor has no unsaved changes to it. */
static PlacementsPilot *
load_pilot (PlacementsPilotGroup *self)
{
  PlacementsRecordEditor *editor =
    PLACEMENTS_RECORD_EDITOR (gtk_widget_get_ancestor (GTK_WIDGET (self),
                                                       PLACEMENTS_TYPE_RECORD_EDITOR));
  g_autoptr(GError) error = NULL;
  PlacementsPilot *pilot;

  if (!PLACEMENTS_IS_PILOT (self->draft) || self->date_row == NULL)
    return NULL;
  if (editor != NULL && placements_record_editor_get_dirty (editor))
    {
      show_error (self, _("Save or cancel the changes to the pilot first."));
      return NULL;
    }
  if (placements_date_row_get_parse_error (self->date_row) != NULL ||
      placements_date_row_get_date (self->date_row) == NULL)
    {
      show_error (self, placements_date_row_get_parse_error (self->date_row) ?:
                        _("Say on which date the step is taken."));
      return NULL;
    }
  pilot = placements_store_load (self->store, PLACEMENTS_TYPE_PILOT,
                                 placements_record_get_uuid (self->draft), &error);
  if (pilot == NULL)
    show_error (self, error->message);
  return pilot;
}

static void
done (PlacementsPilotGroup *self,
      gboolean              ok,
      GError               *error)
{
  PlacementsRecordEditor *editor;

  if (!ok)
    {
      show_error (self, error->message);
      return;
    }
  editor = PLACEMENTS_RECORD_EDITOR (gtk_widget_get_ancestor (GTK_WIDGET (self),
                                                              PLACEMENTS_TYPE_RECORD_EDITOR));
  if (editor != NULL)
    placements_record_editor_reload (editor);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlacementsPilotGroup *self = PLACEMENTS_PILOT_GROUP (widget);
  g_autoptr(PlacementsPilot) pilot = load_pilot (self);
  g_autoptr(GError) error = NULL;
  int status;

  if (pilot == NULL ||
      !placements_enum_from_nick (PLACEMENTS_TYPE_PILOT_STATUS,
                                  g_variant_get_string (parameter, NULL), &status) ||
      status == PLACEMENTS_PILOT_STATUS_SCALED_UP)
    return;
  done (self, placements_pilot_move (self->store, pilot, status,
                                     placements_date_row_get_date (self->date_row), &error),
        error);
}

static void
scale_up_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PlacementsPilotGroup *self = PLACEMENTS_PILOT_GROUP (widget);
  g_autoptr(PlacementsPilot) pilot = NULL;
  g_autoptr(GError) error = NULL;

  if (self->target_spin == NULL)
    return;
  pilot = load_pilot (self);
  if (pilot == NULL)
    return;
  gtk_spin_button_update (self->target_spin);
  done (self, placements_pilot_scale_up (self->store, pilot,
                                         placements_date_row_get_date (self->date_row),
                                         gtk_spin_button_get_value_as_int (self->target_spin),
                                         &error),
        error);
}

static void
placements_pilot_group_dispose (GObject *object)
{
  PlacementsPilotGroup *self = PLACEMENTS_PILOT_GROUP (object);

  g_clear_object (&self->store);
  g_clear_object (&self->draft);

  G_OBJECT_CLASS (placements_pilot_group_parent_class)->dispose (object);
}

static void
placements_pilot_group_finalize (GObject *object)
{
  PlacementsPilotGroup *self = PLACEMENTS_PILOT_GROUP (object);

  g_ptr_array_unref (self->rows);
  g_free (self->participants_text);
  g_free (self->funding_text);
  g_free (self->error_text);

  G_OBJECT_CLASS (placements_pilot_group_parent_class)->finalize (object);
}

static void
placements_pilot_group_class_init (PlacementsPilotGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = placements_pilot_group_dispose;
  object_class->finalize = placements_pilot_group_finalize;

  gtk_widget_class_install_action (widget_class, "pilot.move", "s", move_action);
  gtk_widget_class_install_action (widget_class, "pilot.scale-up", NULL, scale_up_action);
}

static void
placements_pilot_group_init (PlacementsPilotGroup *self)
{
  self->rows = g_ptr_array_new ();
}

GtkWidget *
placements_pilot_group_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_PILOT_GROUP, NULL);
}

void
placements_pilot_group_set_step_date (PlacementsPilotGroup *self,
                                      const char           *date)
{
  g_return_if_fail (PLACEMENTS_IS_PILOT_GROUP (self));
  if (self->date_row != NULL)
    placements_date_row_set_date (self->date_row, date);
}

void
placements_pilot_group_set_new_target (PlacementsPilotGroup *self,
                                       int                   target)
{
  g_return_if_fail (PLACEMENTS_IS_PILOT_GROUP (self));
  if (self->target_spin != NULL)
    gtk_spin_button_set_value (self->target_spin, target);
}

const char *
placements_pilot_group_get_participants_text (PlacementsPilotGroup *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PILOT_GROUP (self), NULL);
  return self->participants_text;
}

const char *
placements_pilot_group_get_funding_text (PlacementsPilotGroup *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PILOT_GROUP (self), NULL);
  return self->funding_text;
}

const char *
placements_pilot_group_get_error (PlacementsPilotGroup *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PILOT_GROUP (self), NULL);
  return self->error_text;
}
