#define G_LOG_DOMAIN "placements-day-pattern-row"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-day-pattern-row.h"

#define N_DAYS 7

struct _PlacementsDayPatternRow
{
  AdwExpanderRow  parent_instance;

  /* Borrowed: children of the row, morning then afternoon of each day */
  GtkCheckButton *checks[N_DAYS * 2];

  int             pattern;
  gboolean        updating;
};

G_DEFINE_FINAL_TYPE (PlacementsDayPatternRow, placements_day_pattern_row, ADW_TYPE_EXPANDER_ROW)

enum {
  PROP_0,
  PROP_PATTERN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Translated here rather than taken from the locale's %a: LANGUAGE decides the words of the
 * interface, and it may differ from LC_TIME. */
static const char *
day_name (guint day)
{
  switch (day)
    {
    case 0: return C_("weekday", "Mon");
    case 1: return C_("weekday", "Tue");
    case 2: return C_("weekday", "Wed");
    case 3: return C_("weekday", "Thu");
    case 4: return C_("weekday", "Fri");
    case 5: return C_("weekday", "Sat");
    case 6: return C_("weekday", "Sun");
    default: g_assert_not_reached ();
    }
}

static void
update_subtitle (PlacementsDayPatternRow *self)
{
  g_autofree char *subtitle = NULL;
  guint n_parts = 0;

  for (guint bit = 0; bit < N_DAYS * 2; bit++)
    if ((self->pattern & (1 << bit)) != 0)
      n_parts++;
  if (n_parts == 0)
    subtitle = g_strdup (_("No fixed days"));
  else
    subtitle = g_strdup_printf (ngettext ("%u day part a week", "%u day parts a week", n_parts),
                                n_parts);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static void
check_toggled_cb (PlacementsDayPatternRow *self)
{
  int pattern = 0;

  if (self->updating)
    return;
  for (guint bit = 0; bit < N_DAYS * 2; bit++)
    if (gtk_check_button_get_active (self->checks[bit]))
      pattern |= 1 << bit;
  if (pattern == self->pattern)
    return;
  self->pattern = pattern;
  update_subtitle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATTERN]);
}

static void
placements_day_pattern_row_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  PlacementsDayPatternRow *self = PLACEMENTS_DAY_PATTERN_ROW (object);

  switch (prop_id)
    {
    case PROP_PATTERN:
      g_value_set_int (value, self->pattern);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
placements_day_pattern_row_set_property (GObject      *object,
                                         guint         prop_id,
                                         const GValue *value,
                                         GParamSpec   *pspec)
{
  PlacementsDayPatternRow *self = PLACEMENTS_DAY_PATTERN_ROW (object);

  switch (prop_id)
    {
    case PROP_PATTERN:
      placements_day_pattern_row_set_pattern (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
placements_day_pattern_row_class_init (PlacementsDayPatternRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = placements_day_pattern_row_get_property;
  object_class->set_property = placements_day_pattern_row_set_property;

  properties[PROP_PATTERN] =
    g_param_spec_int ("pattern", NULL, NULL, 0, (1 << (N_DAYS * 2)) - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
placements_day_pattern_row_init (PlacementsDayPatternRow *self)
{
  GtkWidget *grid = gtk_grid_new ();
  const char *parts[] = { C_("day part", "Morning"), C_("day part", "Afternoon") };

  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), FALSE);
  gtk_widget_set_margin_start (grid, 12);
  gtk_widget_set_margin_end (grid, 12);
  gtk_widget_set_margin_top (grid, 12);
  gtk_widget_set_margin_bottom (grid, 12);

  for (guint part = 0; part < 2; part++)
    {
      GtkWidget *label = gtk_label_new (parts[part]);

      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_grid_attach (GTK_GRID (grid), label, 0, (int) part + 1, 1, 1);
    }
  for (guint day = 0; day < N_DAYS; day++)
    {
      GtkWidget *label = gtk_label_new (day_name (day));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), label, (int) day + 1, 0, 1, 1);
      for (guint part = 0; part < 2; part++)
        {
          GtkWidget *check = gtk_check_button_new ();
          g_autofree char *name = NULL;

          /* Translators: a check box's name for screen readers: a weekday, a day part. */
          name = g_strdup_printf (C_("day part of a weekday", "%s %s"), day_name (day),
                                  parts[part]);
          gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
          gtk_widget_set_halign (check, GTK_ALIGN_CENTER);
          g_signal_connect_object (check, "toggled", G_CALLBACK (check_toggled_cb), self,
                                   G_CONNECT_SWAPPED);
          gtk_grid_attach (GTK_GRID (grid), check, (int) day + 1, (int) part + 1, 1, 1);
          self->checks[day * 2 + part] = GTK_CHECK_BUTTON (check);
        }
    }

  adw_expander_row_add_row (ADW_EXPANDER_ROW (self), grid);
  update_subtitle (self);
}

GtkWidget *
placements_day_pattern_row_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_DAY_PATTERN_ROW, NULL);
}

int
placements_day_pattern_row_get_pattern (PlacementsDayPatternRow *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_DAY_PATTERN_ROW (self), 0);
  return self->pattern;
}

void
placements_day_pattern_row_set_pattern (PlacementsDayPatternRow *self,
                                        int                      pattern)
{
  g_return_if_fail (PLACEMENTS_IS_DAY_PATTERN_ROW (self));

  if (self->pattern == pattern)
    return;
  self->pattern = pattern;
  self->updating = TRUE;
  for (guint bit = 0; bit < N_DAYS * 2; bit++)
    gtk_check_button_set_active (self->checks[bit], (pattern & (1 << bit)) != 0);
  self->updating = FALSE;
  update_subtitle (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATTERN]);
}

GtkCheckButton *
placements_day_pattern_row_get_check (PlacementsDayPatternRow *self,
                                      guint                    day,
                                      gboolean                 afternoon)
{
  g_return_val_if_fail (PLACEMENTS_IS_DAY_PATTERN_ROW (self), NULL);
  g_return_val_if_fail (day < N_DAYS, NULL);
  return self->checks[day * 2 + (afternoon ? 1 : 0)];
}
