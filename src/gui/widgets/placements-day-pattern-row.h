#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_DAY_PATTERN_ROW (placements_day_pattern_row_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsDayPatternRow, placements_day_pattern_row,
                      PLACEMENTS, DAY_PATTERN_ROW, AdwExpanderRow)

/*
 * The day parts a placement fills each week, as a grid of mornings and afternoons from
 * Monday to Sunday. :pattern is the core's bit set: bit 2·d the morning and bit 2·d+1 the
 * afternoon of day d, Monday 0; 0 is no fixed pattern.
 */
GtkWidget *placements_day_pattern_row_new         (void);
int        placements_day_pattern_row_get_pattern (PlacementsDayPatternRow *self);
void       placements_day_pattern_row_set_pattern (PlacementsDayPatternRow *self,
                                                   int                      pattern);
/* The check button of day @day (Monday 0) and @afternoon or morning, for tests. */
GtkCheckButton *placements_day_pattern_row_get_check (PlacementsDayPatternRow *self,
                                                      guint                    day,
                                                      gboolean                 afternoon);

G_END_DECLS
