#define G_LOG_DOMAIN "placements-field-group"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "placements-date-row.h"
#include "placements-day-pattern-row.h"
#include "placements-enums.h"
#include "placements-field-group.h"
#include "placements-reference-row.h"

typedef struct
{
  /* Borrowed */
  PlacementsFieldGroup  *group;
  const PlacementsField *field;
  GtkWidget             *row;
  GtkWidget             *message_row;
  GtkLabel              *message_label;
  GtkWidget             *control;     /* spin button, switch; NULL for other rows */
  GPtrArray             *checks;      /* GtkCheckButton*, one a flag, for flags */

  /* Owned */
  GArray                *values;      /* int, the enum values in combo order */
  char                  *message;

  gboolean               touched;
} FieldRow;

struct _PlacementsFieldGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Owned */
  GStrv                field_names;
  GPtrArray           *rows;          /* FieldRow* */
  PlacementsRecord    *draft;
  PlacementsStore     *store;
  GPtrArray           *problems;
  gboolean             show_all;

  /* Set while rows are filled from the record, which is not the user editing. */
  gboolean             updating;
};

static void placements_field_group_section_init (PlacementsEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlacementsFieldGroup, placements_field_group,
                               ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (PLACEMENTS_TYPE_EDITOR_SECTION,
                                                      placements_field_group_section_init))

static void
field_row_free (gpointer data)
{
  FieldRow *field_row = data;

  g_clear_pointer (&field_row->values, g_array_unref);
  g_clear_pointer (&field_row->checks, g_ptr_array_unref);
  g_free (field_row->message);
  g_free (field_row);
}

/* An amount of money, which the core keeps in cents ("amount-cents"). */
static gboolean
is_cents (const PlacementsField *field)
{
  return g_str_has_suffix (field->pspec->name, "-cents");
}

static const char *
enum_label (GType type,
            int   value)
{
  const GEnumValue *enum_value;
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);

  enum_value = g_enum_get_value (klass, value);
  /* Codes that say "not filled in" have no label of their own in some types. */
  if (enum_value != NULL && g_str_equal (enum_value->value_nick, "none"))
    return C_("code", "Not set");
  return placements_enum_get_label (type, value);
}

static char *
describe_flags (GType flags_type,
                guint value)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint bit = 1; bit != 0 && bit <= value; bit <<= 1)
    {
      if ((value & bit) == 0)
        continue;
      if (text->len > 0)
        /* Translators: between the items of a list of values in one line. */
        g_string_append (text, _(", "));
      g_string_append (text, placements_enum_get_label (flags_type, (int) bit));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The message a row shows: the field's own (a typed date that is not one) first, then
 * the core's, when the user has been in the field or tried to save. */
static void
update_message (FieldRow *field_row)
{
  PlacementsFieldGroup *self = field_row->group;
  const char *message = NULL;

  if (PLACEMENTS_IS_DATE_ROW (field_row->row))
    message = placements_date_row_get_parse_error (PLACEMENTS_DATE_ROW (field_row->row));

  if (message == NULL && self->problems != NULL && (field_row->touched || self->show_all))
    {
      for (guint i = 0; i < self->problems->len; i++)
        {
          PlacementsFieldError *problem = g_ptr_array_index (self->problems, i);

          if (problem->field == field_row->field)
            {
              message = problem->error->message;
              break;
            }
        }
    }

  g_free (field_row->message);
  field_row->message = g_strdup (message);
  gtk_label_set_label (field_row->message_label, message != NULL ? message : "");
  gtk_widget_set_visible (field_row->message_row, message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (field_row->row, "error");
  else
    gtk_widget_remove_css_class (field_row->row, "error");
  gtk_accessible_update_property (GTK_ACCESSIBLE (field_row->row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message != NULL ? message : "",
                                  -1);
  if (message != NULL)
    gtk_accessible_update_state (GTK_ACCESSIBLE (field_row->row),
                                 GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
  else
    gtk_accessible_reset_state (GTK_ACCESSIBLE (field_row->row), GTK_ACCESSIBLE_STATE_INVALID);
}

/* Writes @value into the working copy; the editor, which watches it, validates. */
static void
write_value (FieldRow     *field_row,
             const GValue *value)
{
  PlacementsFieldGroup *self = field_row->group;

  if (self->updating || self->draft == NULL)
    return;
  field_row->touched = TRUE;
  g_object_set_property (G_OBJECT (self->draft), field_row->field->pspec->name, value);
  update_message (field_row);
}

static void
write_string (FieldRow   *field_row,
              const char *text)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text != NULL && *text != '\0' ? text : NULL);
  write_value (field_row, &value);
}

static void
entry_changed_cb (GtkEditable *editable,
                  FieldRow    *field_row)
{
  write_string (field_row, gtk_editable_get_text (editable));
}

static void
date_changed_cb (PlacementsDateRow *row,
                 GParamSpec        *pspec,
                 FieldRow          *field_row)
{
  write_string (field_row, placements_date_row_get_date (row));
}

static void
date_parse_error_cb (PlacementsDateRow *row,
                     GParamSpec        *pspec,
                     FieldRow          *field_row)
{
  if (!field_row->group->updating)
    field_row->touched = TRUE;
  update_message (field_row);
}

static void
reference_changed_cb (PlacementsReferenceRow *row,
                      GParamSpec             *pspec,
                      FieldRow               *field_row)
{
  write_string (field_row, placements_reference_row_get_uuid (row));
}

static void
combo_selected_cb (AdwComboRow *row,
                   GParamSpec  *pspec,
                   FieldRow    *field_row)
{
  g_auto(GValue) value = G_VALUE_INIT;
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= field_row->values->len)
    return;
  g_value_init (&value, field_row->field->pspec->value_type);
  g_value_set_enum (&value, g_array_index (field_row->values, int, selected));
  write_value (field_row, &value);
}

static void
spin_changed_cb (GtkSpinButton *spin,
                 FieldRow      *field_row)
{
  g_auto(GValue) value = G_VALUE_INIT;
  GType type = field_row->field->pspec->value_type;

  g_value_init (&value, type);
  if (type == G_TYPE_INT)
    g_value_set_int (&value, gtk_spin_button_get_value_as_int (spin));
  else if (type == G_TYPE_INT64 && is_cents (field_row->field))
    g_value_set_int64 (&value, (gint64) round (gtk_spin_button_get_value (spin) * 100.0));
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (&value, (gint64) gtk_spin_button_get_value (spin));
  else
    g_value_set_double (&value, gtk_spin_button_get_value (spin));
  write_value (field_row, &value);
}

static void
day_pattern_cb (PlacementsDayPatternRow *row,
                GParamSpec              *pspec,
                FieldRow                *field_row)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT);
  g_value_set_int (&value, placements_day_pattern_row_get_pattern (row));
  write_value (field_row, &value);
}

static void
switch_active_cb (GtkSwitch  *widget,
                  GParamSpec *pspec,
                  FieldRow   *field_row)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, gtk_switch_get_active (widget));
  write_value (field_row, &value);
}

static void
flag_toggled_cb (GtkCheckButton *check,
                 FieldRow       *field_row)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_autofree char *subtitle = NULL;
  guint bits = 0;

  for (guint i = 0; i < field_row->checks->len; i++)
    {
      GtkCheckButton *flag_check = g_ptr_array_index (field_row->checks, i);

      if (gtk_check_button_get_active (flag_check))
        bits |= GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (flag_check), "flag"));
    }
  subtitle = describe_flags (field_row->field->pspec->value_type, bits);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (field_row->row), subtitle);

  g_value_init (&value, field_row->field->pspec->value_type);
  g_value_set_flags (&value, bits);
  write_value (field_row, &value);
}

static void
focus_leave_cb (GtkEventControllerFocus *controller,
                FieldRow                *field_row)
{
  /* Leaving a field is when its check is due, even if nothing was typed (a required
   * field passed by). */
  field_row->touched = TRUE;
  update_message (field_row);
}

static GtkWidget *
make_combo_row (FieldRow *field_row)
{
  GType type = field_row->field->pspec->value_type;
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  field_row->values = g_array_new (FALSE, FALSE, sizeof (int));
  for (guint i = 0; i < klass->n_values; i++)
    {
      int value = klass->values[i].value;

      g_array_append_val (field_row->values, value);
      gtk_string_list_append (labels, enum_label (type, value));
    }
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  g_signal_connect (row, "notify::selected", G_CALLBACK (combo_selected_cb), field_row);
  return row;
}

static GtkWidget *
make_spin_row (FieldRow *field_row)
{
  GParamSpec *pspec = field_row->field->pspec;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin;
  double lower;
  double upper;
  int digits = 0;

  if (G_IS_PARAM_SPEC_INT (pspec))
    {
      lower = G_PARAM_SPEC_INT (pspec)->minimum;
      upper = G_PARAM_SPEC_INT (pspec)->maximum;
    }
  else if (G_IS_PARAM_SPEC_INT64 (pspec) && is_cents (field_row->field))
    {
      /* Amounts are kept in cents and typed in euros. */
      lower = (double) G_PARAM_SPEC_INT64 (pspec)->minimum / 100.0;
      upper = (double) G_PARAM_SPEC_INT64 (pspec)->maximum / 100.0;
      digits = 2;
    }
  else if (G_IS_PARAM_SPEC_INT64 (pspec))
    {
      lower = (double) G_PARAM_SPEC_INT64 (pspec)->minimum;
      upper = (double) G_PARAM_SPEC_INT64 (pspec)->maximum;
    }
  else
    {
      lower = G_PARAM_SPEC_DOUBLE (pspec)->minimum;
      upper = G_PARAM_SPEC_DOUBLE (pspec)->maximum;
      digits = 1;
    }

  spin = gtk_spin_button_new_with_range (lower, upper,
                                         digits == 2 ? 100.0 : digits > 0 ? 0.5 : 1.0);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), (guint) digits);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  g_signal_connect (spin, "value-changed", G_CALLBACK (spin_changed_cb), field_row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  field_row->control = spin;
  return row;
}

static GtkWidget *
make_switch_row (FieldRow *field_row)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *widget = gtk_switch_new ();

  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  g_signal_connect (widget, "notify::active", G_CALLBACK (switch_active_cb), field_row);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), widget);
  field_row->control = widget;
  return row;
}

static GtkWidget *
make_flags_row (FieldRow *field_row)
{
  GType type = field_row->field->pspec->value_type;
  g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
  GtkWidget *row = adw_expander_row_new ();

  field_row->checks = g_ptr_array_new ();
  for (guint i = 0; i < klass->n_values; i++)
    {
      guint flag = klass->values[i].value;
      GtkWidget *flag_row;
      GtkWidget *check;

      if (flag == 0)
        continue;
      flag_row = adw_action_row_new ();
      check = gtk_check_button_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (flag_row),
                                     placements_enum_get_label (type, (int) flag));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      placements_enum_get_label (type, (int) flag), -1);
      g_object_set_data (G_OBJECT (check), "flag", GUINT_TO_POINTER (flag));
      g_signal_connect (check, "toggled", G_CALLBACK (flag_toggled_cb), field_row);
      adw_action_row_add_prefix (ADW_ACTION_ROW (flag_row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (flag_row), check);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), flag_row);
      g_ptr_array_add (field_row->checks, check);
    }
  return row;
}

static FieldRow *
make_field_row (PlacementsFieldGroup  *self,
                const PlacementsField *field)
{
  FieldRow *field_row = g_new0 (FieldRow, 1);
  GType type = field->pspec->value_type;
  GtkEventController *focus;
  GtkWidget *label;

  field_row->group = self;
  field_row->field = field;

  if (type == G_TYPE_STRING && (field->flags & PLACEMENTS_FIELD_DATE) != 0)
    {
      field_row->row = placements_date_row_new ();
      g_signal_connect (field_row->row, "notify::date", G_CALLBACK (date_changed_cb), field_row);
      g_signal_connect (field_row->row, "notify::parse-error",
                        G_CALLBACK (date_parse_error_cb), field_row);
    }
  else if (type == G_TYPE_STRING && field->references != G_TYPE_INVALID)
    {
      field_row->row = placements_reference_row_new (self->store, field->references);
      g_signal_connect (field_row->row, "notify::uuid",
                        G_CALLBACK (reference_changed_cb), field_row);
    }
  else if (type == G_TYPE_STRING)
    {
      field_row->row = adw_entry_row_new ();
      g_signal_connect (field_row->row, "changed", G_CALLBACK (entry_changed_cb), field_row);
    }
  else if (G_TYPE_IS_ENUM (type))
    field_row->row = make_combo_row (field_row);
  else if (G_TYPE_IS_FLAGS (type))
    field_row->row = make_flags_row (field_row);
  else if (type == G_TYPE_BOOLEAN)
    field_row->row = make_switch_row (field_row);
  else if (type == G_TYPE_INT && g_str_equal (field->pspec->name, "day-pattern"))
    {
      /* A number only to the core: to a coordinator, the mornings and afternoons of a week
       * (docs/exchange-format.md). */
      field_row->row = placements_day_pattern_row_new ();
      g_signal_connect (field_row->row, "notify::pattern", G_CALLBACK (day_pattern_cb),
                        field_row);
    }
  else
    field_row->row = make_spin_row (field_row);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field_row->row), _(field->label));
  gtk_widget_set_name (field_row->row, field->pspec->name);
  if (field_row->control != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (field_row->control),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _(field->label), -1);

  focus = gtk_event_controller_focus_new ();
  g_signal_connect (focus, "leave", G_CALLBACK (focus_leave_cb), field_row);
  gtk_widget_add_controller (field_row->row, focus);

  /* The message is a row of its own under the field's, in the same boxed list, so that it
   * reads as belonging to the field; it takes no keyboard focus. */
  label = gtk_label_new (NULL);
  field_row->message_label = GTK_LABEL (label);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  field_row->message_row = g_object_new (ADW_TYPE_PREFERENCES_ROW,
                                         "activatable", FALSE,
                                         "selectable", FALSE,
                                         "focusable", FALSE,
                                         "child", label,
                                         "visible", FALSE,
                                         NULL);

  return field_row;
}

static void
fill_row (PlacementsFieldGroup *self,
          FieldRow             *field_row)
{
  const GValue *value = placements_record_get_value (self->draft,
                                                     field_row->field->pspec->param_id);
  GType type = G_VALUE_TYPE (value);

  if (PLACEMENTS_IS_DATE_ROW (field_row->row))
    placements_date_row_set_date (PLACEMENTS_DATE_ROW (field_row->row),
                                  g_value_get_string (value));
  else if (PLACEMENTS_IS_DAY_PATTERN_ROW (field_row->row))
    placements_day_pattern_row_set_pattern (PLACEMENTS_DAY_PATTERN_ROW (field_row->row),
                                            g_value_get_int (value));
  else if (PLACEMENTS_IS_REFERENCE_ROW (field_row->row))
    placements_reference_row_set_uuid (PLACEMENTS_REFERENCE_ROW (field_row->row),
                                       g_value_get_string (value));
  else if (type == G_TYPE_STRING)
    gtk_editable_set_text (GTK_EDITABLE (field_row->row),
                           g_value_get_string (value) != NULL ? g_value_get_string (value) : "");
  else if (G_TYPE_IS_ENUM (type))
    {
      for (guint i = 0; i < field_row->values->len; i++)
        if (g_array_index (field_row->values, int, i) == g_value_get_enum (value))
          adw_combo_row_set_selected (ADW_COMBO_ROW (field_row->row), i);
    }
  else if (G_TYPE_IS_FLAGS (type))
    {
      guint bits = g_value_get_flags (value);
      g_autofree char *subtitle = describe_flags (type, bits);

      for (guint i = 0; i < field_row->checks->len; i++)
        {
          GtkCheckButton *check = g_ptr_array_index (field_row->checks, i);
          guint flag = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (check), "flag"));

          gtk_check_button_set_active (check, (bits & flag) != 0);
        }
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (field_row->row), subtitle);
    }
  else if (type == G_TYPE_BOOLEAN)
    gtk_switch_set_active (GTK_SWITCH (field_row->control), g_value_get_boolean (value));
  else if (type == G_TYPE_INT)
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (field_row->control), g_value_get_int (value));
  else if (type == G_TYPE_INT64 && is_cents (field_row->field))
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (field_row->control),
                               (double) g_value_get_int64 (value) / 100.0);
  else if (type == G_TYPE_INT64)
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (field_row->control),
                               (double) g_value_get_int64 (value));
  else
    gtk_spin_button_set_value (GTK_SPIN_BUTTON (field_row->control),
                               g_value_get_double (value));
}

static void
clear_rows (PlacementsFieldGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *field_row = g_ptr_array_index (self->rows, i);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), field_row->row);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), field_row->message_row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

static void
placements_field_group_set_record (PlacementsEditorSection *section,
                                   PlacementsStore         *store,
                                   PlacementsRecord        *draft)
{
  PlacementsFieldGroup *self = PLACEMENTS_FIELD_GROUP (section);
  PlacementsRecordClass *klass = PLACEMENTS_RECORD_GET_CLASS (draft);
  gboolean same_kind = self->draft != NULL && G_OBJECT_TYPE (self->draft) == G_OBJECT_TYPE (draft)
                       && self->store == store;

  g_set_object (&self->draft, draft);
  g_set_object (&self->store, store);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->show_all = FALSE;

  /* Rows are made again only for another kind of record: the same rows serve the next
   * client, which keeps the keyboard focus where it was. */
  if (!same_kind)
    {
      clear_rows (self);
      for (guint i = 0; self->field_names[i] != NULL; i++)
        {
          const PlacementsField *field = placements_record_class_find_field (klass,
                                                                             self->field_names[i]);
          FieldRow *field_row;

          if (field == NULL)
            continue;
          field_row = make_field_row (self, field);
          g_ptr_array_add (self->rows, field_row);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), field_row->row);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), field_row->message_row);
        }
    }

  self->updating = TRUE;
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *field_row = g_ptr_array_index (self->rows, i);

      field_row->touched = FALSE;
      fill_row (self, field_row);
      update_message (field_row);
    }
  self->updating = FALSE;
}

static gboolean
placements_field_group_check (PlacementsEditorSection  *section,
                              GError                  **error)
{
  PlacementsFieldGroup *self = PLACEMENTS_FIELD_GROUP (section);

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *field_row = g_ptr_array_index (self->rows, i);
      const char *parse_error;

      if (!PLACEMENTS_IS_DATE_ROW (field_row->row))
        continue;
      parse_error = placements_date_row_get_parse_error (PLACEMENTS_DATE_ROW (field_row->row));
      if (parse_error != NULL)
        {
          /* Translators: the field's label, then what is wrong with it. */
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s: %s"),
                       _(field_row->field->label), parse_error);
          return FALSE;
        }
    }
  return TRUE;
}

static void
placements_field_group_show_problems (PlacementsEditorSection *section,
                                      GPtrArray               *problems,
                                      gboolean                 all)
{
  PlacementsFieldGroup *self = PLACEMENTS_FIELD_GROUP (section);

  g_clear_pointer (&self->problems, g_ptr_array_unref);
  self->problems = problems != NULL ? g_ptr_array_ref (problems) : NULL;
  self->show_all = self->show_all || all;
  for (guint i = 0; i < self->rows->len; i++)
    update_message (g_ptr_array_index (self->rows, i));
}

static void
placements_field_group_section_init (PlacementsEditorSectionInterface *iface)
{
  iface->set_record = placements_field_group_set_record;
  iface->check = placements_field_group_check;
  iface->show_problems = placements_field_group_show_problems;
}

static void
placements_field_group_dispose (GObject *object)
{
  PlacementsFieldGroup *self = PLACEMENTS_FIELD_GROUP (object);

  /* The rows' handlers point into the FieldRows: the rows go first. */
  if (self->rows != NULL)
    clear_rows (self);
  g_clear_object (&self->draft);
  g_clear_object (&self->store);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (placements_field_group_parent_class)->dispose (object);
}

static void
placements_field_group_finalize (GObject *object)
{
  PlacementsFieldGroup *self = PLACEMENTS_FIELD_GROUP (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->field_names, g_strfreev);

  G_OBJECT_CLASS (placements_field_group_parent_class)->finalize (object);
}

static void
placements_field_group_class_init (PlacementsFieldGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = placements_field_group_dispose;
  object_class->finalize = placements_field_group_finalize;
}

static void
placements_field_group_init (PlacementsFieldGroup *self)
{
  self->rows = g_ptr_array_new_with_free_func (field_row_free);
}

GtkWidget *
placements_field_group_new (const char         *title,
                            const char * const *field_names)
{
  PlacementsFieldGroup *self = g_object_new (PLACEMENTS_TYPE_FIELD_GROUP,
                                             "title", title,
                                             NULL);

  self->field_names = g_strdupv ((char **) field_names);
  return GTK_WIDGET (self);
}

static FieldRow *
find_row (PlacementsFieldGroup *self,
          const char           *field_name)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *field_row = g_ptr_array_index (self->rows, i);

      if (g_str_equal (field_row->field->pspec->name, field_name))
        return field_row;
    }
  return NULL;
}

GtkWidget *
placements_field_group_get_row (PlacementsFieldGroup *self,
                                const char           *field_name)
{
  FieldRow *field_row;

  g_return_val_if_fail (PLACEMENTS_IS_FIELD_GROUP (self), NULL);

  field_row = find_row (self, field_name);
  return field_row != NULL ? field_row->row : NULL;
}

const char *
placements_field_group_get_message (PlacementsFieldGroup *self,
                                    const char           *field_name)
{
  FieldRow *field_row;

  g_return_val_if_fail (PLACEMENTS_IS_FIELD_GROUP (self), NULL);

  field_row = find_row (self, field_name);
  return field_row != NULL ? field_row->message : NULL;
}

/*
 * GTK gives no mnemonics by itself, and fixed ones in the translations would clash as the
 * groups of a record come and go: each title gets the first letter of its words, or else of
 * the title, that no other control of the editor uses yet.
 */
static char *
title_with_mnemonic (const char *title,
                     GHashTable *used)
{
  const char *chosen = NULL;

  for (int pass = 0; pass < 2 && chosen == NULL; pass++)
    {
      gboolean word_start = TRUE;

      for (const char *p = title; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = g_unichar_tolower (g_utf8_get_char (p));

          if (g_unichar_isalnum (c) && (pass == 1 || word_start) &&
              !g_hash_table_contains (used, GUINT_TO_POINTER (c)))
            {
              g_hash_table_add (used, GUINT_TO_POINTER (c));
              chosen = p;
              break;
            }
          word_start = !g_unichar_isalnum (c);
        }
    }

  if (chosen == NULL)
    return NULL;
  return g_strdup_printf ("%.*s_%s", (int) (chosen - title), title, chosen);
}

void
placements_field_group_assign_mnemonics (PlacementsFieldGroup *self,
                                         GHashTable           *used)
{
  g_return_if_fail (PLACEMENTS_IS_FIELD_GROUP (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      FieldRow *field_row = g_ptr_array_index (self->rows, i);
      g_autofree char *escaped = NULL;
      g_autofree char *title = NULL;
      g_auto(GStrv) parts = NULL;

      /* A label with an underscore of its own keeps it as text. */
      parts = g_strsplit (_(field_row->field->label), "_", -1);
      escaped = g_strjoinv ("__", parts);
      title = title_with_mnemonic (escaped, used);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (field_row->row), TRUE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (field_row->row),
                                     title != NULL ? title : escaped);
    }
}

gboolean
placements_field_group_focus_first (PlacementsFieldGroup *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_FIELD_GROUP (self), FALSE);

  if (self->rows->len == 0)
    return FALSE;
  return gtk_widget_grab_focus (((FieldRow *) g_ptr_array_index (self->rows, 0))->row);
}
