#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_PILOT_GROUP (placements_pilot_group_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsPilotGroup, placements_pilot_group, PLACEMENTS, PILOT_GROUP,
                      AdwPreferencesGroup)

/*
 * The record editor's section for a pilot's progress: participants placed now against the
 * target, the funding in all, the status steps with their dates, and the steps that may
 * follow as actions on a date: pilot.move (the status's nick: "running", "evaluated",
 * "structural", "stopped") and pilot.scale-up, with the new target.
 */
GtkWidget  *placements_pilot_group_new           (void);
void        placements_pilot_group_set_step_date (PlacementsPilotGroup *self,
                                                  const char           *date);
void        placements_pilot_group_set_new_target (PlacementsPilotGroup *self,
                                                   int                   target);
/* "3 placed now, target 20" */
const char *placements_pilot_group_get_participants_text (PlacementsPilotGroup *self);
/* "€ 35.000,00" */
const char *placements_pilot_group_get_funding_text (PlacementsPilotGroup *self);
const char *placements_pilot_group_get_error     (PlacementsPilotGroup *self);

G_END_DECLS
