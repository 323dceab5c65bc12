#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_DATE_ROW (placements_date_row_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsDateRow, placements_date_row, PLACEMENTS, DATE_ROW, AdwEntryRow)

/*
 * An entry row for a date: typed in the user's short format (22-11-2026, 22/11/2026) or
 * picked from a calendar. :date is YYYY-MM-DD, NULL when empty; while the text is not a
 * date, :date keeps its last value and :parse-error says what is wrong.
 */
GtkWidget  *placements_date_row_new             (void);
const char *placements_date_row_get_date        (PlacementsDateRow *self);
void        placements_date_row_set_date        (PlacementsDateRow *self,
                                                 const char        *date);
const char *placements_date_row_get_parse_error (PlacementsDateRow *self);

G_END_DECLS
