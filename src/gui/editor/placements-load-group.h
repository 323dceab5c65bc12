#pragma once

#include <adwaita.h>

#include "placements-editor-section.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_LOAD_GROUP (placements_load_group_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsLoadGroup, placements_load_group,
                      PLACEMENTS, LOAD_GROUP, AdwPreferencesGroup)

/*
 * How full something is, as a level bar and as text: a workplace's occupancy (its current
 * placements of its capacity) or a buddy's load (current pairings of the most they take).
 * Follows the working copy, so a changed capacity shows at once.
 */
GtkWidget  *placements_load_group_new      (void);
const char *placements_load_group_get_text (PlacementsLoadGroup *self);

G_END_DECLS
