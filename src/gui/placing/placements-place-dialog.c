#define G_LOG_DOMAIN "placements-place-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-date-row.h"
#include "placements-date.h"
#include "placements-day-pattern-row.h"
#include "placements-error.h"
#include "placements-place-dialog.h"
#include "placements-placement-steps.h"
#include "placements-placing.h"
#include "placements-record-types.h"
#include "placements-reference-row.h"
#include "placements-workplace-fit.h"

struct _PlacementsPlaceDialog
{
  AdwWindow               parent_instance;

  /* Template widgets */
  GtkRevealer            *error_revealer;
  GtkLabel               *error_label;
  AdwPreferencesGroup    *who_group;
  AdwPreferencesGroup    *period_group;
  AdwPreferencesGroup    *workplace_group;
  GtkSearchEntry         *search_entry;
  GtkListBox             *workplace_list;
  GtkLabel               *no_client_label;
  GtkLabel               *chosen_label;
  AdwComboRow            *buddy_row;
  GtkLabel               *buddy_warning;
  AdwComboRow            *supervisor_row;
  GtkSpinButton          *hours_spin;

  /* Borrowed: made in init, owned by their groups */
  PlacementsReferenceRow *client_row;
  PlacementsReferenceRow *pilot_row;
  PlacementsDateRow      *start_row;
  PlacementsDateRow      *planned_end_row;
  PlacementsDayPatternRow *day_pattern_row;

  /* Owned */
  PlacementsStore        *store;
  GListStore             *fits;
  GtkFilterListModel     *filtered;
  /* The first rows of @filtered: a list box makes a widget per row, and a region may have
   * thousands of workplaces; the search reaches the rest. */
  GtkSliceListModel      *shown;
  GtkStringFilter        *filter;
  GPtrArray              *buddies;
  GPtrArray              *supervisors;
  char                   *workplace_uuid;
  char                   *error_text;
  char                   *buddy_warning_text;
  PlacementsPlaceWarnings confirmed;
  gboolean                filling;
};

G_DEFINE_FINAL_TYPE (PlacementsPlaceDialog, placements_place_dialog, ADW_TYPE_WINDOW)

#define MAX_SHOWN 50

enum {
  PLACED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (PlacementsPlaceDialog *self,
            const char            *message)
{
  g_free (self->error_text);
  self->error_text = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

static PlacementsWorkplaceFit *
find_fit (PlacementsPlaceDialog *self,
          const char            *workplace_uuid)
{
  if (self->fits == NULL || workplace_uuid == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->fits)); i++)
    {
      g_autoptr(PlacementsWorkplaceFit) fit = g_list_model_get_item (G_LIST_MODEL (self->fits),
                                                                     i);

      if (g_strcmp0 (placements_workplace_fit_get_workplace_uuid (fit), workplace_uuid) == 0)
        return fit;
    }
  return NULL;
}

static char *
candidate_label (PlacementsCandidate *candidate,
                 gboolean             buddy)
{
  if (!buddy)
    return g_strdup (candidate->name);
  /* Translators: a buddy in the picker, with their load: "Smit, Piet — 1 of 2 clients". */
  return g_strdup_printf (ngettext ("%s — %d of %d client", "%s — %d of %d clients",
                                    (gulong) candidate->max),
                          candidate->name, candidate->load, candidate->max);
}

/* Fills @row with "None" and the candidates, choosing @selected_uuid where it is one. */
static void
fill_combo (AdwComboRow *row,
            GPtrArray   *candidates,
            gboolean     buddy,
            const char  *selected_uuid)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (labels, C_("no person", "None"));
  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    {
      PlacementsCandidate *candidate = g_ptr_array_index (candidates, i);
      g_autofree char *label = candidate_label (candidate, buddy);

      gtk_string_list_append (labels, label);
      if (g_strcmp0 (candidate->uuid, selected_uuid) == 0)
        selected = i + 1;
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, selected);
}

static PlacementsCandidate *
selected_candidate (AdwComboRow *row,
                    GPtrArray   *candidates)
{
  guint selected = adw_combo_row_get_selected (row);

  if (candidates == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > candidates->len)
    return NULL;
  return g_ptr_array_index (candidates, selected - 1);
}

static void
update_buddy_warning (PlacementsPlaceDialog *self)
{
  PlacementsCandidate *buddy = selected_candidate (self->buddy_row, self->buddies);

  g_clear_pointer (&self->buddy_warning_text, g_free);
  if (buddy != NULL && buddy->load >= buddy->max)
    /* Translators: the buddy's name and maximum number of clients at once. */
    self->buddy_warning_text =
      g_strdup_printf (ngettext ("%s already has their maximum of %d client: placing asks "
                                 "you to confirm going over it.",
                                 "%s already has their maximum of %d clients: placing asks "
                                 "you to confirm going over it.", (gulong) buddy->max),
                       buddy->name, buddy->max);
  gtk_label_set_text (self->buddy_warning, self->buddy_warning_text != NULL
                                           ? self->buddy_warning_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->buddy_warning), self->buddy_warning_text != NULL);
  if (self->buddy_warning_text != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->buddy_row), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->buddy_row), "warning");
}

/* The people of the chosen workplace's host: its buddies and work supervisors. */
static void
update_people (PlacementsPlaceDialog *self)
{
  PlacementsWorkplaceFit *fit = find_fit (self, self->workplace_uuid);
  g_autoptr(PlacementsWorkplace) workplace = NULL;
  const char *host = fit != NULL ? placements_workplace_fit_get_host_uuid (fit) : NULL;
  const char *supervisor = NULL;

  g_clear_pointer (&self->buddies, g_ptr_array_unref);
  g_clear_pointer (&self->supervisors, g_ptr_array_unref);
  if (fit != NULL)
    {
      /* Translators: the workplace chosen, its host and its place in the ranking. */
      g_autofree char *chosen = g_strdup_printf (_("Chosen: %s — %s, number %'u of %'u"),
                                                 placements_workplace_fit_get_name (fit),
                                                 placements_workplace_fit_get_host_name (fit),
                                                 placements_workplace_fit_get_rank (fit),
                                                 g_list_model_get_n_items (
                                                   G_LIST_MODEL (self->fits)));

      gtk_label_set_text (self->chosen_label, chosen);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->chosen_label), fit != NULL);
  if (host != NULL)
    {
      self->buddies = placements_placing_find_buddies (self->store, host, NULL);
      self->supervisors = placements_placing_find_supervisors (self->store, host, NULL);
      workplace = placements_store_load (self->store, PLACEMENTS_TYPE_WORKPLACE,
                                         self->workplace_uuid, NULL);
      if (workplace != NULL)
        supervisor = placements_workplace_get_work_supervisor_uuid (workplace);
    }
  fill_combo (self->buddy_row, self->buddies, TRUE,
              fit != NULL ? placements_workplace_fit_get_buddy_uuid (fit) : NULL);
  fill_combo (self->supervisor_row, self->supervisors, FALSE, supervisor);
  update_buddy_warning (self);
}

/* Says when the list shows only the best of more. */
static void
update_description (PlacementsPlaceDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  g_autofree char *text = NULL;

  if (n > MAX_SHOWN)
    /* Translators: the picker shows the first of many workplaces. */
    text = g_strdup_printf (_("The %'u best fitting of %'u, with the reasons; search to find "
                              "the others"), (guint) MAX_SHOWN, n);
  adw_preferences_group_set_description (self->workplace_group,
                                         text != NULL ? text
                                                      : _("Best fitting first, with the "
                                                          "reasons"));
}

static void
select_workplace_row (PlacementsPlaceDialog *self)
{
  GListModel *model = G_LIST_MODEL (self->shown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PlacementsWorkplaceFit) fit = g_list_model_get_item (model, i);

      if (g_strcmp0 (placements_workplace_fit_get_workplace_uuid (fit),
                     self->workplace_uuid) == 0)
        {
          gtk_list_box_select_row (self->workplace_list,
                                   gtk_list_box_get_row_at_index (self->workplace_list,
                                                                  (int) i));
          return;
        }
    }
}

static void
rank (PlacementsPlaceDialog *self)
{
  const char *client_uuid = placements_reference_row_get_uuid (self->client_row);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) fits = NULL;

  if (client_uuid != NULL && *client_uuid != '\0')
    {
      fits = placements_workplace_fit_rank (self->store, client_uuid, &error);
      if (fits == NULL)
        show_error (self, error->message);
    }
  if (fits == NULL)
    fits = g_list_store_new (PLACEMENTS_TYPE_WORKPLACE_FIT);
  g_set_object (&self->fits, fits);
  gtk_widget_set_visible (GTK_WIDGET (self->no_client_label),
                          g_list_model_get_n_items (G_LIST_MODEL (fits)) == 0);

  self->filling = TRUE;
  gtk_filter_list_model_set_model (self->filtered, G_LIST_MODEL (fits));
  /* Where the flow started from a workplace, that one (kept until there is a ranking to
   * choose from); else the best fitting. */
  if (g_list_model_get_n_items (G_LIST_MODEL (fits)) > 0 &&
      find_fit (self, self->workplace_uuid) == NULL)
    {
      g_autoptr(PlacementsWorkplaceFit) best = g_list_model_get_item (G_LIST_MODEL (fits), 0);

      g_free (self->workplace_uuid);
      self->workplace_uuid = g_strdup (placements_workplace_fit_get_workplace_uuid (best));
    }
  select_workplace_row (self);
  self->filling = FALSE;
  update_description (self);
  update_people (self);
}

static GtkWidget *
create_fit_row (gpointer item,
                gpointer user_data)
{
  PlacementsWorkplaceFit *fit = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = NULL;

  /* Translators: a workplace in the ranked picker: its rank, name and host, as in
   * "1. Inpakafdeling — Binnenstad Werkt". */
  title = g_strdup_printf (_("%u. %s — %s"), placements_workplace_fit_get_rank (fit),
                           placements_workplace_fit_get_name (fit),
                           placements_workplace_fit_get_host_name (fit));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               placements_workplace_fit_get_reasons_text (fit));
  if (placements_workplace_fit_get_full (fit))
    {
      GtkWidget *full = gtk_label_new (C_("workplace", "Full"));

      gtk_widget_add_css_class (full, "warning");
      gtk_widget_set_valign (full, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), full);
    }
  return row;
}

static void
row_selected_cb (PlacementsPlaceDialog *self,
                 GtkListBoxRow         *row)
{
  g_autoptr(PlacementsWorkplaceFit) fit = NULL;

  if (self->filling || row == NULL)
    return;
  fit = g_list_model_get_item (G_LIST_MODEL (self->shown),
                               (guint) gtk_list_box_row_get_index (row));
  if (fit == NULL ||
      g_strcmp0 (placements_workplace_fit_get_workplace_uuid (fit), self->workplace_uuid) == 0)
    return;
  g_free (self->workplace_uuid);
  self->workplace_uuid = g_strdup (placements_workplace_fit_get_workplace_uuid (fit));
  update_people (self);
}

static void
search_changed_cb (PlacementsPlaceDialog *self)
{
  self->filling = TRUE;
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (
                                  GTK_EDITABLE (self->search_entry)));
  select_workplace_row (self);
  self->filling = FALSE;
  update_description (self);
}

static void
client_changed_cb (PlacementsPlaceDialog *self)
{
  show_error (self, NULL);
  self->confirmed = PLACEMENTS_PLACE_WARNING_NONE;
  rank (self);
}

static void
buddy_changed_cb (PlacementsPlaceDialog *self)
{
  update_buddy_warning (self);
}

static PlacementsPlacement *
build_placement (PlacementsPlaceDialog *self)
{
  PlacementsPlacement *placement = placements_placement_new ();
  PlacementsCandidate *buddy = selected_candidate (self->buddy_row, self->buddies);
  PlacementsCandidate *supervisor = selected_candidate (self->supervisor_row,
                                                        self->supervisors);
  const char *pilot = placements_reference_row_get_uuid (self->pilot_row);

  placements_placement_set_client_uuid (placement,
                                        placements_reference_row_get_uuid (self->client_row));
  placements_placement_set_workplace_uuid (placement, self->workplace_uuid);
  placements_placement_set_pilot_uuid (placement, pilot != NULL && *pilot != '\0' ? pilot
                                                                                  : NULL);
  placements_placement_set_buddy_uuid (placement, buddy != NULL ? buddy->uuid : NULL);
  placements_placement_set_supervisor_uuid (placement,
                                            supervisor != NULL ? supervisor->uuid : NULL);
  placements_placement_set_start_date (placement, placements_date_row_get_date (self->start_row));
  placements_placement_set_planned_end_date (placement,
                                             placements_date_row_get_date (
                                               self->planned_end_row));
  placements_placement_set_hours_per_week (placement,
                                           gtk_spin_button_get_value (self->hours_spin));
  placements_placement_set_day_pattern (placement,
                                        placements_day_pattern_row_get_pattern (
                                          self->day_pattern_row));
  placements_placement_set_status (placement, PLACEMENTS_PLACEMENT_STATUS_REGISTERED);
  return placement;
}

static void place (PlacementsPlaceDialog *self);

static void
confirm_response_cb (AdwMessageDialog      *dialog,
                     const char            *response,
                     PlacementsPlaceDialog *self)
{
  if (g_strcmp0 (response, "place") != 0)
    return;
  {
    g_autoptr(PlacementsPlacement) placement = build_placement (self);

    self->confirmed |= placements_placement_find_warnings (self->store, placement, NULL);
  }
  place (self);
}

static void
place (PlacementsPlaceDialog *self)
{
  g_autoptr(PlacementsPlacement) placement = NULL;
  g_autoptr(GError) error = NULL;
  const char *client = placements_reference_row_get_uuid (self->client_row);

  if (placements_date_row_get_parse_error (self->start_row) != NULL ||
      placements_date_row_get_parse_error (self->planned_end_row) != NULL)
    {
      show_error (self, placements_date_row_get_parse_error (self->start_row) ?:
                        placements_date_row_get_parse_error (self->planned_end_row));
      return;
    }
  if (client == NULL || *client == '\0')
    {
      show_error (self, _("Choose the client to place."));
      return;
    }
  if (self->workplace_uuid == NULL)
    {
      show_error (self, _("Choose the workplace to place the client at."));
      return;
    }

  placement = build_placement (self);
  if (!placements_placement_place (self->store, placement, self->confirmed, &error))
    {
      if (g_error_matches (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NEEDS_CONFIRMATION))
        {
          AdwMessageDialog *dialog =
            ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                        _("Place Over the Limit?"),
                                                        error->message));

          adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                            "place", _("_Place Anyway"), NULL);
          adw_message_dialog_set_response_appearance (dialog, "place",
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
  g_signal_emit (self, signals[PLACED], 0,
                 placements_record_get_uuid (PLACEMENTS_RECORD (placement)));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  place (PLACEMENTS_PLACE_DIALOG (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
placements_place_dialog_dispose (GObject *object)
{
  PlacementsPlaceDialog *self = PLACEMENTS_PLACE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLACEMENTS_TYPE_PLACE_DIALOG);
  g_clear_object (&self->fits);
  g_clear_object (&self->shown);
  g_clear_object (&self->filtered);
  g_clear_object (&self->store);
  g_clear_pointer (&self->buddies, g_ptr_array_unref);
  g_clear_pointer (&self->supervisors, g_ptr_array_unref);

  G_OBJECT_CLASS (placements_place_dialog_parent_class)->dispose (object);
}

static void
placements_place_dialog_finalize (GObject *object)
{
  PlacementsPlaceDialog *self = PLACEMENTS_PLACE_DIALOG (object);

  g_free (self->workplace_uuid);
  g_free (self->error_text);
  g_free (self->buddy_warning_text);

  G_OBJECT_CLASS (placements_place_dialog_parent_class)->finalize (object);
}

static void
placements_place_dialog_class_init (PlacementsPlaceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = placements_place_dialog_dispose;
  object_class->finalize = placements_place_dialog_finalize;

  /**
   * PlacementsPlaceDialog::placed:
   * @uuid: the new placement's UUID
   */
  signals[PLACED] = g_signal_new ("placed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Placements/gui/placing/"
                                               "placements-place-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlacementsPlaceDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, PlacementsPlaceDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PlacementsPlaceDialog, who_group);
  gtk_widget_class_bind_template_child (widget_class, PlacementsPlaceDialog, period_group);
  gtk_widget_class_bind_template_child (widget_class, PlacementsPlaceDialog, workplace_group);
  gtk_widget_class_bind_template_child (widget_class, PlacementsPlaceDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PlacementsPlaceDialog, workplace_list);
  gtk_widget_class_bind_template_child (widget_class, PlacementsPlaceDialog, no_client_label);
  gtk_widget_class_bind_template_child (widget_class, PlacementsPlaceDialog, chosen_label);
  gtk_widget_class_bind_template_child (widget_class, PlacementsPlaceDialog, buddy_row);
  gtk_widget_class_bind_template_child (widget_class, PlacementsPlaceDialog, buddy_warning);
  gtk_widget_class_bind_template_child (widget_class, PlacementsPlaceDialog, supervisor_row);
  gtk_widget_class_bind_template_child (widget_class, PlacementsPlaceDialog, hours_spin);

  gtk_widget_class_install_action (widget_class, "place.confirm", NULL, confirm_action);
  gtk_widget_class_install_action (widget_class, "place.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "place.cancel", NULL);
}

static void
placements_place_dialog_init (PlacementsPlaceDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_string_filter_new (gtk_property_expression_new (
                                          PLACEMENTS_TYPE_WORKPLACE_FIT, NULL, "title"));
  self->filtered = gtk_filter_list_model_new (NULL, GTK_FILTER (self->filter));
  self->shown = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)), 0,
                                          MAX_SHOWN);
  gtk_list_box_bind_model (self->workplace_list, G_LIST_MODEL (self->shown),
                           create_fit_row, NULL, NULL);
  g_signal_connect_object (self->workplace_list, "row-selected", G_CALLBACK (row_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->buddy_row, "notify::selected", G_CALLBACK (buddy_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

PlacementsPlaceDialog *
placements_place_dialog_new (GtkWindow       *parent,
                             PlacementsStore *store,
                             const char      *client_uuid,
                             const char      *workplace_uuid,
                             const char      *pilot_uuid)
{
  PlacementsPlaceDialog *self = g_object_new (PLACEMENTS_TYPE_PLACE_DIALOG,
                                              "transient-for", parent, NULL);
  g_autofree char *today = placements_date_today ();

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);

  self->store = g_object_ref (store);
  self->workplace_uuid = g_strdup (workplace_uuid);

  self->client_row = PLACEMENTS_REFERENCE_ROW (placements_reference_row_new (
                                                 store, PLACEMENTS_TYPE_CLIENT));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->client_row),
                                 C_("place field", "Client"));
  adw_preferences_group_add (self->who_group, GTK_WIDGET (self->client_row));
  self->pilot_row = PLACEMENTS_REFERENCE_ROW (placements_reference_row_new (
                                                store, PLACEMENTS_TYPE_PILOT));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->pilot_row),
                                 C_("place field", "Pilot"));
  adw_preferences_group_add (self->who_group, GTK_WIDGET (self->pilot_row));
  if (pilot_uuid != NULL)
    placements_reference_row_set_uuid (self->pilot_row, pilot_uuid);

  self->start_row = PLACEMENTS_DATE_ROW (placements_date_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->start_row),
                                 C_("place field", "Start date"));
  placements_date_row_set_date (self->start_row, today);
  self->planned_end_row = PLACEMENTS_DATE_ROW (placements_date_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->planned_end_row),
                                 C_("place field", "Planned end"));
  self->day_pattern_row = PLACEMENTS_DAY_PATTERN_ROW (placements_day_pattern_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->day_pattern_row),
                                 C_("place field", "Day pattern"));
  adw_preferences_group_add (self->period_group, GTK_WIDGET (self->start_row));
  adw_preferences_group_add (self->period_group, GTK_WIDGET (self->planned_end_row));
  adw_preferences_group_add (self->period_group, GTK_WIDGET (self->day_pattern_row));

  if (client_uuid != NULL)
    placements_reference_row_set_uuid (self->client_row, client_uuid);
  g_signal_connect_object (self->client_row, "notify::uuid", G_CALLBACK (client_changed_cb),
                           self, G_CONNECT_SWAPPED);
  rank (self);
  return self;
}

void
placements_place_dialog_set_client_uuid (PlacementsPlaceDialog *self,
                                         const char            *client_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_PLACE_DIALOG (self));
  placements_reference_row_set_uuid (self->client_row, client_uuid);
}

GListModel *
placements_place_dialog_get_workplaces (PlacementsPlaceDialog *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PLACE_DIALOG (self), NULL);
  return G_LIST_MODEL (self->filtered);
}

const char *
placements_place_dialog_get_workplace_uuid (PlacementsPlaceDialog *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PLACE_DIALOG (self), NULL);
  return self->workplace_uuid;
}

void
placements_place_dialog_set_workplace_uuid (PlacementsPlaceDialog *self,
                                            const char            *workplace_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_PLACE_DIALOG (self));
  g_free (self->workplace_uuid);
  self->workplace_uuid = g_strdup (workplace_uuid);
  self->filling = TRUE;
  select_workplace_row (self);
  self->filling = FALSE;
  update_people (self);
}

static void
select_candidate (AdwComboRow *row,
                  GPtrArray   *candidates,
                  const char  *uuid)
{
  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    {
      PlacementsCandidate *candidate = g_ptr_array_index (candidates, i);

      if (g_strcmp0 (candidate->uuid, uuid) == 0)
        {
          adw_combo_row_set_selected (row, i + 1);
          return;
        }
    }
  adw_combo_row_set_selected (row, 0);
}

void
placements_place_dialog_set_buddy_uuid (PlacementsPlaceDialog *self,
                                        const char            *buddy_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_PLACE_DIALOG (self));
  select_candidate (self->buddy_row, self->buddies, buddy_uuid);
}

void
placements_place_dialog_set_supervisor_uuid (PlacementsPlaceDialog *self,
                                             const char            *supervisor_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_PLACE_DIALOG (self));
  select_candidate (self->supervisor_row, self->supervisors, supervisor_uuid);
}

const char *
placements_place_dialog_get_buddy_warning (PlacementsPlaceDialog *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PLACE_DIALOG (self), NULL);
  return self->buddy_warning_text;
}

const char *
placements_place_dialog_get_error (PlacementsPlaceDialog *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PLACE_DIALOG (self), NULL);
  return self->error_text;
}
