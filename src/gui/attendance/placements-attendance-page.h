#pragma once

#include <adwaita.h>

#include "placements-store.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_ATTENDANCE_PAGE (placements_attendance_page_get_type ())
G_DECLARE_FINAL_TYPE (PlacementsAttendancePage, placements_attendance_page,
                      PLACEMENTS, ATTENDANCE_PAGE, AdwBin)

/*
 * One workplace's attendance week: a search for the workplace, then a grid of the clients
 * placed there that week, a button per morning and afternoon. Space toggles present and
 * absent, 1–5 pick an absence code, Delete clears, Ctrl+Z undoes; each mark is saved at
 * once. Alt+Left and Alt+Right go a week back and on, Alt+Home to this week.
 */
GtkWidget *placements_attendance_page_new (PlacementsStore *store);

G_END_DECLS
