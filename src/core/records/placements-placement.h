#pragma once

#include "placements-enums.h"
#include "placements-record.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_PLACEMENT (placements_placement_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsPlacement, placements_placement, PLACEMENTS, PLACEMENT,
                      PlacementsRecord)

PlacementsPlacement *placements_placement_new (void);

const char *placements_placement_get_client_uuid (PlacementsPlacement *self);
void        placements_placement_set_client_uuid (PlacementsPlacement *self,
                                                  const char          *client_uuid);
const char *placements_placement_get_workplace_uuid (PlacementsPlacement *self);
void        placements_placement_set_workplace_uuid (PlacementsPlacement *self,
                                                     const char          *workplace_uuid);
const char *placements_placement_get_pilot_uuid (PlacementsPlacement *self);
void        placements_placement_set_pilot_uuid (PlacementsPlacement *self,
                                                 const char          *pilot_uuid);
const char *placements_placement_get_buddy_uuid (PlacementsPlacement *self);
void        placements_placement_set_buddy_uuid (PlacementsPlacement *self,
                                                 const char          *buddy_uuid);
const char *placements_placement_get_supervisor_uuid (PlacementsPlacement *self);
void        placements_placement_set_supervisor_uuid (PlacementsPlacement *self,
                                                      const char          *supervisor_uuid);
const char *placements_placement_get_start_date (PlacementsPlacement *self);
void        placements_placement_set_start_date (PlacementsPlacement *self,
                                                 const char          *start_date);
const char *placements_placement_get_planned_end_date (PlacementsPlacement *self);
void        placements_placement_set_planned_end_date (PlacementsPlacement *self,
                                                       const char          *planned_end_date);
const char *placements_placement_get_actual_end_date (PlacementsPlacement *self);
void        placements_placement_set_actual_end_date (PlacementsPlacement *self,
                                                      const char          *actual_end_date);
double placements_placement_get_hours_per_week (PlacementsPlacement *self);
void   placements_placement_set_hours_per_week (PlacementsPlacement *self,
                                                double               hours_per_week);
int  placements_placement_get_day_pattern (PlacementsPlacement *self);
void placements_placement_set_day_pattern (PlacementsPlacement *self,
                                           int                  day_pattern);
PlacementsPlacementStatus placements_placement_get_status (PlacementsPlacement *self);
void                      placements_placement_set_status (PlacementsPlacement       *self,
                                                           PlacementsPlacementStatus  status);
PlacementsEndReason placements_placement_get_end_reason (PlacementsPlacement *self);
void                placements_placement_set_end_reason (PlacementsPlacement *self,
                                                         PlacementsEndReason  end_reason);
PlacementsOutcome placements_placement_get_outcome (PlacementsPlacement *self);
void              placements_placement_set_outcome (PlacementsPlacement *self,
                                                    PlacementsOutcome    outcome);
PlacementsOutcome placements_placement_get_follow_up_6_months (PlacementsPlacement *self);
void
placements_placement_set_follow_up_6_months (PlacementsPlacement *self,
                                             PlacementsOutcome    follow_up_6_months);
PlacementsOutcome placements_placement_get_follow_up_12_months (PlacementsPlacement *self);
void
placements_placement_set_follow_up_12_months (PlacementsPlacement *self,
                                              PlacementsOutcome    follow_up_12_months);

const char *placements_placement_get_follow_up_6_months_date (PlacementsPlacement *self);
void        placements_placement_set_follow_up_6_months_date (PlacementsPlacement *self,
                                                              const char          *date);
const char *placements_placement_get_follow_up_12_months_date (PlacementsPlacement *self);
void        placements_placement_set_follow_up_12_months_date (PlacementsPlacement *self,
                                                               const char          *date);

G_END_DECLS
