#pragma once

#include "placements-enums.h"
#include "placements-record.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_PILOT (placements_pilot_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsPilot, placements_pilot, PLACEMENTS, PILOT,
                      PlacementsRecord)

PlacementsPilot *placements_pilot_new (void);

const char *placements_pilot_get_name (PlacementsPilot *self);
void        placements_pilot_set_name (PlacementsPilot *self,
                                       const char      *name);
const char *placements_pilot_get_start_date (PlacementsPilot *self);
void        placements_pilot_set_start_date (PlacementsPilot *self,
                                             const char      *start_date);
const char *placements_pilot_get_evaluation_date (PlacementsPilot *self);
void        placements_pilot_set_evaluation_date (PlacementsPilot *self,
                                                  const char      *evaluation_date);
const char *placements_pilot_get_scale_up_date (PlacementsPilot *self);
void        placements_pilot_set_scale_up_date (PlacementsPilot *self,
                                                const char      *scale_up_date);
int  placements_pilot_get_target_participants (PlacementsPilot *self);
void placements_pilot_set_target_participants (PlacementsPilot *self,
                                               int              target_participants);
PlacementsPilotStatus placements_pilot_get_status (PlacementsPilot *self);
void                  placements_pilot_set_status (PlacementsPilot       *self,
                                                   PlacementsPilotStatus  status);
const char *placements_pilot_get_evaluation_notes (PlacementsPilot *self);
void        placements_pilot_set_evaluation_notes (PlacementsPilot *self,
                                                   const char      *evaluation_notes);

G_END_DECLS
