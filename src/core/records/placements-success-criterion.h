#pragma once

#include "placements-enums.h"
#include "placements-record.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_SUCCESS_CRITERION (placements_success_criterion_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsSuccessCriterion, placements_success_criterion, PLACEMENTS,
                      SUCCESS_CRITERION, PlacementsRecord)

PlacementsSuccessCriterion *placements_success_criterion_new (void);

const char *placements_success_criterion_get_pilot_uuid (PlacementsSuccessCriterion *self);
void        placements_success_criterion_set_pilot_uuid (PlacementsSuccessCriterion *self,
                                                         const char                 *pilot_uuid);
const char *placements_success_criterion_get_description (PlacementsSuccessCriterion *self);
void        placements_success_criterion_set_description (PlacementsSuccessCriterion *self,
                                                          const char                 *description);
const char *placements_success_criterion_get_target (PlacementsSuccessCriterion *self);
void        placements_success_criterion_set_target (PlacementsSuccessCriterion *self,
                                                     const char                 *target);
const char *placements_success_criterion_get_measured (PlacementsSuccessCriterion *self);
void        placements_success_criterion_set_measured (PlacementsSuccessCriterion *self,
                                                       const char                 *measured);
PlacementsCriterionMeasure
            placements_success_criterion_get_measure  (PlacementsSuccessCriterion *self);
void        placements_success_criterion_set_measure  (PlacementsSuccessCriterion *self,
                                                       PlacementsCriterionMeasure  measure);

G_END_DECLS
