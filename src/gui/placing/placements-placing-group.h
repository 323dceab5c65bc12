#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_PLACING_GROUP (placements_placing_group_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsPlacingGroup, placements_placing_group, PLACEMENTS,
                      PLACING_GROUP, AdwPreferencesGroup)

/*
 * The record editor's section for placing. On a client, a workplace or a pilot it offers
 * placing.place, the Place flow pre-filled with that record. On a placement it shows the
 * steps taken as a timeline with their dates, and the steps that may follow as actions:
 * placing.move (the status's nick: "introduction", "trial", "active", "paused") on the
 * step date, and placing.end, which asks for the end date, reason and outcome. The buddy's
 * pairing with the client starts (placing.pair) and ends (placing.end-pairing) here too.
 */
GtkWidget *placements_placing_group_new           (void);
/* The Place or End dialog this section opened, while it is open (for tests). */
GtkWindow *placements_placing_group_get_dialog    (PlacementsPlacingGroup *self);
/* The date the next step is taken on; today unless changed. */
void       placements_placing_group_set_step_date (PlacementsPlacingGroup *self,
                                                   const char             *date);
/* The message of the last step refused, or NULL. */
const char *placements_placing_group_get_error    (PlacementsPlacingGroup *self);

G_END_DECLS
