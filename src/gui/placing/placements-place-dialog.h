#pragma once

#include <adwaita.h>

#include "placements-store.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_PLACE_DIALOG (placements_place_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsPlaceDialog, placements_place_dialog, PLACEMENTS, PLACE_DIALOG,
                      AdwWindow)

/*
 * The Place flow: a client, a workplace picked from the core's ranking (best fitting first,
 * each with its reasons), a buddy with their load, a work supervisor of the host, dates,
 * hours and day pattern. Opened from a client, a workplace or a pilot, pre-filled with it.
 * place.confirm writes the placement with placements_placement_place(), asking first when
 * it goes over a limit; "placed" then gives the new placement's UUID and the dialog closes.
 */
PlacementsPlaceDialog *placements_place_dialog_new (GtkWindow       *parent,
                                                    PlacementsStore *store,
                                                    const char      *client_uuid,
                                                    const char      *workplace_uuid,
                                                    const char      *pilot_uuid);

void        placements_place_dialog_set_client_uuid    (PlacementsPlaceDialog *self,
                                                        const char            *client_uuid);
/* The ranked workplaces as the picker shows them (after its search), PlacementsWorkplaceFit. */
GListModel *placements_place_dialog_get_workplaces     (PlacementsPlaceDialog *self);
const char *placements_place_dialog_get_workplace_uuid (PlacementsPlaceDialog *self);
void        placements_place_dialog_set_workplace_uuid (PlacementsPlaceDialog *self,
                                                        const char            *workplace_uuid);
/* Picks a buddy or supervisor by UUID (NULL for none), as choosing them in the list. */
void        placements_place_dialog_set_buddy_uuid     (PlacementsPlaceDialog *self,
                                                        const char            *buddy_uuid);
void        placements_place_dialog_set_supervisor_uuid (PlacementsPlaceDialog *self,
                                                         const char            *supervisor_uuid);
/* The warning under the buddy, NULL when the buddy has room. */
const char *placements_place_dialog_get_buddy_warning  (PlacementsPlaceDialog *self);
/* The message of the last refused place.confirm, or NULL. */
const char *placements_place_dialog_get_error          (PlacementsPlaceDialog *self);

G_END_DECLS
