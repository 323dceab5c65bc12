#define G_LOG_DOMAIN "placements-end-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-date-row.h"
#include "placements-end-dialog.h"
#include "placements-enum-types.h"
#include "placements-placement-steps.h"
#include "placements-record-types.h"

struct _PlacementsEndDialog
{
  AdwWindow             parent_instance;

  /* Template widgets */
  AdwPreferencesGroup  *group;
  AdwComboRow          *reason_row;
  AdwComboRow          *outcome_row;
  GtkLabel             *error_label;

  PlacementsDateRow    *date_row;

  /* Owned */
  PlacementsStore      *store;
  char                 *placement_uuid;
  char                 *error_text;
};

G_DEFINE_FINAL_TYPE (PlacementsEndDialog, placements_end_dialog, ADW_TYPE_WINDOW)

enum {
  ENDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The labels of @enum_type's values from @first on, in order: the combo's position is the
 * value minus @first. */
static GListModel *
enum_labels (GType enum_type,
             int   first)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (int value = first; value <= klass->maximum; value++)
    gtk_string_list_append (labels, placements_enum_get_label (enum_type, value));
  return G_LIST_MODEL (labels);
}

static void
show_error (PlacementsEndDialog *self,
            const char          *message)
{
  g_free (self->error_text);
  self->error_text = g_strdup (message);
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PlacementsEndDialog *self = PLACEMENTS_END_DIALOG (widget);
  g_autoptr(PlacementsPlacement) placement = NULL;
  g_autoptr(GError) error = NULL;
  /* Position 0 is the first real reason; the outcome's 0 is "none". */
  PlacementsEndReason reason = adw_combo_row_get_selected (self->reason_row) + 1;
  PlacementsOutcome outcome = adw_combo_row_get_selected (self->outcome_row);
  const char *date = placements_date_row_get_date (self->date_row);

  if (placements_date_row_get_parse_error (self->date_row) != NULL)
    {
      show_error (self, placements_date_row_get_parse_error (self->date_row));
      return;
    }
  if (date == NULL)
    {
      show_error (self, _("Say on which date the placement ends."));
      return;
    }
  placement = placements_store_load (self->store, PLACEMENTS_TYPE_PLACEMENT,
                                     self->placement_uuid, &error);
  if (placement == NULL ||
      !placements_placement_end (self->store, placement, date, reason, outcome, &error))
    {
      show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[ENDED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

static void
placements_end_dialog_dispose (GObject *object)
{
  PlacementsEndDialog *self = PLACEMENTS_END_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLACEMENTS_TYPE_END_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (placements_end_dialog_parent_class)->dispose (object);
}

static void
placements_end_dialog_finalize (GObject *object)
{
  PlacementsEndDialog *self = PLACEMENTS_END_DIALOG (object);

  g_free (self->placement_uuid);
  g_free (self->error_text);

  G_OBJECT_CLASS (placements_end_dialog_parent_class)->finalize (object);
}

static void
placements_end_dialog_class_init (PlacementsEndDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = placements_end_dialog_dispose;
  object_class->finalize = placements_end_dialog_finalize;

  g_type_ensure (PLACEMENTS_TYPE_DATE_ROW);

  signals[ENDED] = g_signal_new ("ended", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Placements/gui/placing/"
                                               "placements-end-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PlacementsEndDialog, group);
  gtk_widget_class_bind_template_child (widget_class, PlacementsEndDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, PlacementsEndDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, PlacementsEndDialog, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, PlacementsEndDialog, error_label);

  gtk_widget_class_install_action (widget_class, "end.confirm", NULL, confirm_action);
  gtk_widget_class_install_action (widget_class, "end.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "end.cancel", NULL);
}

static void
placements_end_dialog_init (PlacementsEndDialog *self)
{
  g_autoptr(GListModel) reasons = NULL;
  g_autoptr(GListModel) outcomes = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  reasons = enum_labels (PLACEMENTS_TYPE_END_REASON, PLACEMENTS_END_REASON_AS_PLANNED);
  outcomes = enum_labels (PLACEMENTS_TYPE_OUTCOME, PLACEMENTS_OUTCOME_NONE);
  adw_combo_row_set_model (self->reason_row, reasons);
  adw_combo_row_set_model (self->outcome_row, outcomes);
}

PlacementsEndDialog *
placements_end_dialog_new (GtkWindow       *parent,
                           PlacementsStore *store,
                           const char      *placement_uuid,
                           const char      *date)
{
  PlacementsEndDialog *self = g_object_new (PLACEMENTS_TYPE_END_DIALOG,
                                            "transient-for", parent, NULL);

  self->store = g_object_ref (store);
  self->placement_uuid = g_strdup (placement_uuid);
  placements_date_row_set_date (self->date_row, date);
  return self;
}

void
placements_end_dialog_set_date (PlacementsEndDialog *self,
                                const char          *date)
{
  g_return_if_fail (PLACEMENTS_IS_END_DIALOG (self));
  placements_date_row_set_date (self->date_row, date);
}

void
placements_end_dialog_set_end_reason (PlacementsEndDialog *self,
                                      int                  end_reason)
{
  g_return_if_fail (PLACEMENTS_IS_END_DIALOG (self));
  g_return_if_fail (end_reason > PLACEMENTS_END_REASON_NONE);
  adw_combo_row_set_selected (self->reason_row, (guint) end_reason - 1);
}

void
placements_end_dialog_set_outcome (PlacementsEndDialog *self,
                                   int                  outcome)
{
  g_return_if_fail (PLACEMENTS_IS_END_DIALOG (self));
  adw_combo_row_set_selected (self->outcome_row, (guint) outcome);
}

const char *
placements_end_dialog_get_error (PlacementsEndDialog *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_END_DIALOG (self), NULL);
  return self->error_text;
}
