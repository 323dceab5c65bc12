#define G_LOG_DOMAIN "placements-evaluation-group"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-bar-chart.h"
#include "placements-date.h"
#include "placements-enum-types.h"
#include "placements-evaluation-group.h"
#include "placements-record-types.h"

struct _PlacementsEvaluationGroup
{
  AdwPreferencesGroup    parent_instance;

  /* Owned */
  PlacementsPilotReport *report;
  GCancellable          *cancellable;
  GPtrArray             *children;  /* GtkWidget*, added to the group */
  GHashTable            *values;    /* row title → value shown */
};

static void placements_evaluation_group_section_init (PlacementsEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlacementsEvaluationGroup, placements_evaluation_group,
                               ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (PLACEMENTS_TYPE_EDITOR_SECTION,
                                                      placements_evaluation_group_section_init))

static void
add (PlacementsEvaluationGroup *self,
     GtkWidget                 *widget)
{
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), widget);
  g_ptr_array_add (self->children, widget);
}

static void
add_value (PlacementsEvaluationGroup *self,
           const char                *title,
           const char                *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  g_hash_table_insert (self->values, g_strdup (title), g_strdup (value));
  add (self, row);
}

/* A success criterion: its target under it, its measured value beside it, and whether
 * that value was counted from the placements or entered with the evaluation. */
static void
add_criterion (PlacementsEvaluationGroup       *self,
               const PlacementsReportCriterion *criterion)
{
  GtkWidget *row = adw_action_row_new ();
  const char *measured = criterion->measured != NULL ? criterion->measured : "–";
  GtkWidget *label = gtk_label_new (measured);
  g_autofree char *subtitle = NULL;

  if (criterion->measure != PLACEMENTS_CRITERION_MEASURE_NONE)
    /* Translators: a success criterion's target, then that its value is counted. */
    subtitle = g_strdup_printf (_("Target: %s · counted from the placements"),
                                criterion->target != NULL ? criterion->target : "–");
  else
    /* Translators: a success criterion's target. */
    subtitle = g_strdup_printf (_("Target: %s"),
                                criterion->target != NULL ? criterion->target : "–");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), criterion->description);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  g_hash_table_insert (self->values, g_strdup (criterion->description), g_strdup (measured));
  add (self, row);
}

static void
add_count (PlacementsEvaluationGroup *self,
           const char                *title,
           int                        count)
{
  g_autofree char *value = g_strdup_printf ("%'d", count);

  add_value (self, title, value);
}

static void
add_chart (PlacementsEvaluationGroup *self,
           const char                *title,
           gboolean                   vertical,
           const char * const        *labels,
           const int                 *counts,
           guint                      n)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *chart = placements_bar_chart_new (title, vertical);

  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_margin_top (box, 18);
  placements_bar_chart_set_bars (PLACEMENTS_BAR_CHART (chart), labels, counts, n);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), chart);
  add (self, box);
}

static void
show (PlacementsEvaluationGroup *self)
{
  PlacementsPilotReport *report = self->report;
  g_autofree char *participants = g_strdup_printf (_("%u (target %d)"),
                                                   report->participants->len,
                                                   report->target_participants);
  g_autofree char *after = placements_pilot_report_dup_share (report->n_placed_after_3_months,
                                                              report->n_started_3_months_ago);
  g_autofree char *to_work = placements_pilot_report_dup_share (report->n_to_work,
                                                                report->n_ended);
  g_autofree char *hours = g_strdup_printf ("%.1f", report->hours_per_week_now);
  g_autofree char *attended = g_strdup_printf (_("%.1f (%d day parts)"),
                                               report->hours_attended,
                                               report->day_parts_attended);
  g_autoptr(GPtrArray) month_labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (int));
  const char *outcome_labels[PLACEMENTS_OUTCOME_DROPPED_OUT];
  const char *ladder_labels[] = {
    C_("ladder", "Higher"), C_("ladder", "The same"), C_("ladder", "Lower"),
  };
  const int ladder_counts[] = {
    report->n_ladder_up, report->n_ladder_same, report->n_ladder_down,
  };

  add_value (self, _("Participants"), participants);
  add_count (self, _("Placed now"), report->n_placed_now);
  add_count (self, _("Paused"), report->n_paused);
  add_count (self, _("Ended"), report->n_ended);
  add_value (self, _("Still placed 3 months after starting"), after);
  add_value (self, _("Ended towards work"), to_work);
  add_value (self, _("Hours a week of those placed now"), hours);
  add_value (self, _("Hours attended, from the attendance"), attended);
  for (int status = 0; status < PLACEMENTS_PLACEMENT_STATUS_ENDED; status++)
    {
      /* Translators: a placement status, as "Average days in Trial placement". */
      g_autofree char *title = g_strdup_printf (_("Average days in %s"),
                                                placements_enum_get_label (
                                                  PLACEMENTS_TYPE_PLACEMENT_STATUS, status));
      g_autofree char *days = report->average_days[status] < 0 ? g_strdup ("–") :
                              g_strdup_printf ("%.0f", report->average_days[status]);

      add_value (self, title, days);
    }
  for (guint i = 0; i < report->criteria->len; i++)
    add_criterion (self, g_ptr_array_index (report->criteria, i));

  for (guint i = 0; i < report->months->len; i++)
    {
      PlacementsReportMonth *month = g_ptr_array_index (report->months, i);

      g_ptr_array_add (month_labels, g_strdup (month->month));
      g_array_append_val (placed, month->placed);
    }
  if (report->months->len > 0)
    add_chart (self, C_("report", "Participants over Time"), TRUE,
               (const char * const *) month_labels->pdata, (const int *) placed->data,
               placed->len);
  for (int i = 0; i < PLACEMENTS_OUTCOME_DROPPED_OUT; i++)
    outcome_labels[i] = placements_enum_get_label (PLACEMENTS_TYPE_OUTCOME, i + 1);
  add_chart (self, C_("report", "Outcomes of Ended Placements"), FALSE, outcome_labels,
             report->n_by_outcome + 1, PLACEMENTS_OUTCOME_DROPPED_OUT);
  add_chart (self, C_("report", "Participation Ladder, Start against Now"), FALSE,
             ladder_labels, ladder_counts, G_N_ELEMENTS (ladder_counts));
}

static void
clear (PlacementsEvaluationGroup *self)
{
  for (guint i = 0; i < self->children->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self),
                                  g_ptr_array_index (self->children, i));
  g_ptr_array_set_size (self->children, 0);
  g_hash_table_remove_all (self->values);
  g_clear_pointer (&self->report, placements_pilot_report_free);
}

typedef struct
{
  char                     *path;
  PlacementsStoreOpenFlags  flags;
  char                     *pilot_uuid;
} Question;

static void
question_free (Question *question)
{
  g_free (question->path);
  g_free (question->pilot_uuid);
  g_free (question);
}

/* A pilot with 20,000 participants takes a fifth of a second: on a thread, on a connection
 * of its own, so that opening the pilot never waits for it. */
static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Question *question = task_data;
  g_autoptr(PlacementsStore) store = NULL;
  g_autofree char *today = placements_date_today ();
  PlacementsPilotReport *report;
  GError *error = NULL;

  store = placements_store_open_full (question->path,
                                      question->flags | PLACEMENTS_STORE_OPEN_FOR_READING,
                                      &error);
  report = store != NULL ? placements_pilot_report_new (store, question->pilot_uuid, today,
                                                        &error) : NULL;
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, report, (GDestroyNotify) placements_pilot_report_free);
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PlacementsEvaluationGroup) self = user_data;
  g_autoptr(GError) error = NULL;
  PlacementsPilotReport *report = g_task_propagate_pointer (G_TASK (result), &error);

  if (g_task_get_cancellable (G_TASK (result)) != self->cancellable ||
      g_cancellable_is_cancelled (self->cancellable))
    {
      g_clear_pointer (&report, placements_pilot_report_free);
      return;
    }
  clear (self);
  if (report == NULL)
    {
      add_value (self, _("The Evaluation Could Not Be Read"), error->message);
      return;
    }
  self->report = report;
  show (self);
}

static void
placements_evaluation_group_set_record (PlacementsEditorSection *section,
                                        PlacementsStore         *store,
                                        PlacementsRecord        *draft)
{
  PlacementsEvaluationGroup *self = PLACEMENTS_EVALUATION_GROUP (section);
  gboolean shown = store != NULL && PLACEMENTS_IS_PILOT (draft) &&
                   placements_record_get_row_id (draft) > 0;
  g_autoptr(GTask) task = NULL;
  Question *question;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  clear (self);
  gtk_widget_set_visible (GTK_WIDGET (self), shown);
  if (!shown)
    return;

  self->cancellable = g_cancellable_new ();
  question = g_new0 (Question, 1);
  question->path = g_strdup (placements_store_get_path (store));
  question->flags = placements_store_get_open_flags (store);
  question->pilot_uuid = g_strdup (placements_record_get_uuid (draft));
  task = g_task_new (NULL, self->cancellable, read_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, placements_evaluation_group_set_record);
  g_task_set_task_data (task, question, (GDestroyNotify) question_free);
  g_task_run_in_thread (task, read_in_thread);
}

static void
placements_evaluation_group_section_init (PlacementsEditorSectionInterface *iface)
{
  iface->set_record = placements_evaluation_group_set_record;
}

static void
placements_evaluation_group_dispose (GObject *object)
{
  PlacementsEvaluationGroup *self = PLACEMENTS_EVALUATION_GROUP (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (placements_evaluation_group_parent_class)->dispose (object);
}

static void
placements_evaluation_group_finalize (GObject *object)
{
  PlacementsEvaluationGroup *self = PLACEMENTS_EVALUATION_GROUP (object);

  g_clear_pointer (&self->report, placements_pilot_report_free);
  g_ptr_array_unref (self->children);
  g_hash_table_unref (self->values);

  G_OBJECT_CLASS (placements_evaluation_group_parent_class)->finalize (object);
}

static void
placements_evaluation_group_class_init (PlacementsEvaluationGroupClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = placements_evaluation_group_dispose;
  G_OBJECT_CLASS (klass)->finalize = placements_evaluation_group_finalize;
}

static void
placements_evaluation_group_init (PlacementsEvaluationGroup *self)
{
  self->children = g_ptr_array_new ();
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self),
                                   C_("editor group", "Evaluation"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("The figures of the report for the funder"));
}

GtkWidget *
placements_evaluation_group_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_EVALUATION_GROUP, NULL);
}

PlacementsPilotReport *
placements_evaluation_group_get_report (PlacementsEvaluationGroup *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_EVALUATION_GROUP (self), NULL);
  return self->report;
}

const char *
placements_evaluation_group_get_value (PlacementsEvaluationGroup *self,
                                       const char                *title)
{
  g_return_val_if_fail (PLACEMENTS_IS_EVALUATION_GROUP (self), NULL);
  return g_hash_table_lookup (self->values, title);
}
