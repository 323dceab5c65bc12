#pragma once

#include "placements-enums.h"
#include "placements-record.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_LADDER_STEP (placements_ladder_step_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsLadderStep, placements_ladder_step, PLACEMENTS, LADDER_STEP,
                      PlacementsRecord)

PlacementsLadderStep *placements_ladder_step_new (void);

const char *placements_ladder_step_get_client_uuid (PlacementsLadderStep *self);
void        placements_ladder_step_set_client_uuid (PlacementsLadderStep *self,
                                                    const char           *client_uuid);
const char *placements_ladder_step_get_date (PlacementsLadderStep *self);
void        placements_ladder_step_set_date (PlacementsLadderStep *self,
                                             const char           *date);
int  placements_ladder_step_get_rung (PlacementsLadderStep *self);
void placements_ladder_step_set_rung (PlacementsLadderStep *self,
                                      int                   rung);
const char *placements_ladder_step_get_assessed_by_uuid (PlacementsLadderStep *self);
void        placements_ladder_step_set_assessed_by_uuid (PlacementsLadderStep *self,
                                                         const char           *assessed_by_uuid);

G_END_DECLS
