#define G_LOG_DOMAIN "placements-bar-chart"

#include "config.h"

#include "placements-bar-chart.h"

#define BAR_THICKNESS 14
#define GAP 6
#define VERTICAL_HEIGHT 120
#define LABEL_SHARE 0.45

struct _PlacementsBarChart
{
  GtkWidget  parent_instance;

  gboolean   vertical;
  GPtrArray *labels;  /* char* */
  GArray    *counts;  /* int */
  char      *title;
  char      *text;
};

G_DEFINE_FINAL_TYPE (PlacementsBarChart, placements_bar_chart, GTK_TYPE_WIDGET)

static int
largest (PlacementsBarChart *self)
{
  int most = 1;

  for (guint i = 0; i < self->counts->len; i++)
    most = MAX (most, g_array_index (self->counts, int, i));
  return most;
}

static GdkRGBA
text_colour (PlacementsBarChart *self)
{
  GdkRGBA colour;

  /* GTK 4.8: the style context is how a widget learns its foreground colour. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &colour);
  G_GNUC_END_IGNORE_DEPRECATIONS
  return colour;
}

static void
append_text (PlacementsBarChart *self,
             GtkSnapshot        *snapshot,
             const char         *text,
             double              x,
             double              y,
             int                 max_width,
             const GdkRGBA      *colour)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);

  if (max_width > 0)
    {
      pango_layout_set_width (layout, max_width * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

static void
placements_bar_chart_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  PlacementsBarChart *self = PLACEMENTS_BAR_CHART (widget);
  /* The accent blue of the GNOME palette: it reads on light and dark backgrounds alike. */
  const GdkRGBA accent = { 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0, 1.0 };
  GdkRGBA colour = text_colour (self);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int most = largest (self);
  guint n = self->counts->len;

  if (n == 0)
    return;
  if (self->vertical)
    {
      /* Months: a column each, its count above and its label below. */
      double slot = width / (double) n;
      double bar_room = height - 2 * (BAR_THICKNESS + GAP);

      for (guint i = 0; i < n; i++)
        {
          int count = g_array_index (self->counts, int, i);
          double bar = MAX (bar_room * count / most, 1);
          double x = i * slot + slot * 0.15;
          g_autofree char *count_text = g_strdup_printf ("%d", count);

          gtk_snapshot_append_color (snapshot, &accent,
                                     &GRAPHENE_RECT_INIT (x, BAR_THICKNESS + GAP + bar_room - bar,
                                                          slot * 0.7, bar));
          if (slot >= 18)
            append_text (self, snapshot, count_text, x, bar_room - bar, -1, &colour);
          /* Every other label where they would run into each other. */
          if (slot >= 40 || i % 3 == 0)
            append_text (self, snapshot, g_ptr_array_index (self->labels, i), i * slot,
                         height - BAR_THICKNESS - 2, (int) MAX (slot * 3, 30), &colour);
        }
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      int count = g_array_index (self->counts, int, i);
      double label_width = width * LABEL_SHARE;
      double bar_room = width - label_width - 40;
      double bar = MAX (bar_room * count / most, 1);
      double y = i * (BAR_THICKNESS + GAP);
      g_autofree char *count_text = g_strdup_printf ("%d", count);

      append_text (self, snapshot, g_ptr_array_index (self->labels, i), 0, y - 2,
                   (int) label_width - GAP, &colour);
      gtk_snapshot_append_color (snapshot, &accent,
                                 &GRAPHENE_RECT_INIT (label_width, y, bar, BAR_THICKNESS));
      append_text (self, snapshot, count_text, label_width + bar + GAP, y - 2, -1, &colour);
    }
}

static void
placements_bar_chart_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  PlacementsBarChart *self = PLACEMENTS_BAR_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 200;
      *natural = 320;
    }
  else if (self->vertical)
    *minimum = *natural = VERTICAL_HEIGHT;
  else
    *minimum = *natural = (int) self->counts->len * (BAR_THICKNESS + GAP);
}

static void
placements_bar_chart_finalize (GObject *object)
{
  PlacementsBarChart *self = PLACEMENTS_BAR_CHART (object);

  g_ptr_array_unref (self->labels);
  g_array_unref (self->counts);
  g_free (self->title);
  g_free (self->text);

  G_OBJECT_CLASS (placements_bar_chart_parent_class)->finalize (object);
}

static void
placements_bar_chart_class_init (PlacementsBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = placements_bar_chart_finalize;
  widget_class->snapshot = placements_bar_chart_snapshot;
  widget_class->measure = placements_bar_chart_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
placements_bar_chart_init (PlacementsBarChart *self)
{
  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->counts = g_array_new (FALSE, FALSE, sizeof (int));
}

GtkWidget *
placements_bar_chart_new (const char *title,
                          gboolean    vertical)
{
  PlacementsBarChart *self = g_object_new (PLACEMENTS_TYPE_BAR_CHART, NULL);

  self->title = g_strdup (title);
  self->vertical = vertical;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  return GTK_WIDGET (self);
}

void
placements_bar_chart_set_bars (PlacementsBarChart *self,
                               const char * const *labels,
                               const int          *counts,
                               guint               n_bars)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_if_fail (PLACEMENTS_IS_BAR_CHART (self));

  g_ptr_array_set_size (self->labels, 0);
  g_array_set_size (self->counts, 0);
  for (guint i = 0; i < n_bars; i++)
    {
      g_ptr_array_add (self->labels, g_strdup (labels[i]));
      g_array_append_val (self->counts, counts[i]);
      g_string_append_printf (text, "%s%s: %d", i > 0 ? "; " : "", labels[i], counts[i]);
    }
  g_free (self->text);
  self->text = g_string_free (g_steal_pointer (&text), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->text, -1);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

const char *
placements_bar_chart_get_text (PlacementsBarChart *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_BAR_CHART (self), NULL);
  return self->text;
}
