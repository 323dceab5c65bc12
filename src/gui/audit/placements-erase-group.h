#pragma once

#include <adwaita.h>

#include "placements-editor-section.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_ERASE_GROUP (placements_erase_group_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsEraseGroup, placements_erase_group,
                      PLACEMENTS, ERASE_GROUP, AdwPreferencesGroup)

/*
 * The way to erase a client (GDPR art. 17) at the end of their page: a button for
 * win.erase-client, which asks twice. Hidden for a client not saved yet.
 */
GtkWidget *placements_erase_group_new        (void);
GtkWidget *placements_erase_group_get_button (PlacementsEraseGroup *self);

G_END_DECLS
