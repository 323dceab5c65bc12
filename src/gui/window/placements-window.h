#pragma once

#include <adwaita.h>

#include "placements-store.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_WINDOW (placements_window_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsWindow, placements_window,
                      PLACEMENTS, WINDOW, AdwApplicationWindow)

/* @store may be NULL: the window then shows its empty states. */
PlacementsWindow *placements_window_new       (AdwApplication   *application,
                                               PlacementsStore  *store);
PlacementsStore  *placements_window_get_store (PlacementsWindow *self);
/* The stack of the sections' views (PlacementsView), named after their kinds. */
GtkStack         *placements_window_get_sections (PlacementsWindow *self);

G_END_DECLS
