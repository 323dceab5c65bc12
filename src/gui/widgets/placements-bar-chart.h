#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_BAR_CHART (placements_bar_chart_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsBarChart, placements_bar_chart, PLACEMENTS, BAR_CHART, GtkWidget)

/*
 * A small bar chart drawn with GtkSnapshot in the theme's accent blue and text colour, so
 * that it reads in light and dark. Horizontal bars with their label and count beside them,
 * or vertical bars (months) with the count above. For a screen reader it is an image whose
 * description says every label and count: the same figures as text.
 */
GtkWidget *placements_bar_chart_new      (const char         *title,
                                          gboolean            vertical);
/* @labels and @counts hold @n_bars items each. */
void       placements_bar_chart_set_bars (PlacementsBarChart *self,
                                          const char * const *labels,
                                          const int          *counts,
                                          guint               n_bars);
/* The text a screen reader is given: "label: count; …" (for tests). */
const char *placements_bar_chart_get_text (PlacementsBarChart *self);

G_END_DECLS
