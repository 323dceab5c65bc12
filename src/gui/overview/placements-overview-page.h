#pragma once

#include <adwaita.h>

#include "placements-store.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_OVERVIEW_PAGE (placements_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsOverviewPage, placements_overview_page,
                      PLACEMENTS, OVERVIEW_PAGE, AdwBin)

/*
 * The first page on a database with data: what needs attention today, each item a row
 * that opens its record (win.open-record), clients due for erasure with their Erase
 * button (win.erase-client), and the day's figures. Read on a thread of its own from a
 * connection of its own, so that the window never waits for it; read again when shown
 * and after each change while shown.
 */
GtkWidget *placements_overview_page_new        (PlacementsStore        *store);
/* Reads it all again now. */
void       placements_overview_page_reload     (PlacementsOverviewPage *self);
/* Whether a read is under way (for tests). */
gboolean   placements_overview_page_is_loading (PlacementsOverviewPage *self);
/* The day it looks from, YYYY-MM-DD; NULL: today (for tests). */
void       placements_overview_page_set_today  (PlacementsOverviewPage *self,
                                                const char             *today);

G_END_DECLS
