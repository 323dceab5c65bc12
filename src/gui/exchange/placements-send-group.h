#pragma once

#include <adwaita.h>

#include "placements-editor-section.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_SEND_GROUP (placements_send_group_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsSendGroup, placements_send_group,
                      PLACEMENTS, SEND_GROUP, AdwPreferencesGroup)

/*
 * On a client's page: send this client to a partner, a button for win.send-client that
 * opens the send dialog for them alone. Hidden for a client not saved yet.
 */
GtkWidget *placements_send_group_new        (void);
GtkWidget *placements_send_group_get_button (PlacementsSendGroup *self);

G_END_DECLS
