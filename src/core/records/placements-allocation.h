#pragma once

#include "placements-enums.h"
#include "placements-record.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_ALLOCATION (placements_allocation_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsAllocation, placements_allocation, PLACEMENTS, ALLOCATION,
                      PlacementsRecord)

PlacementsAllocation *placements_allocation_new (void);

const char *placements_allocation_get_client_uuid (PlacementsAllocation *self);
void        placements_allocation_set_client_uuid (PlacementsAllocation *self,
                                                   const char           *client_uuid);
const char *placements_allocation_get_funder_uuid (PlacementsAllocation *self);
void        placements_allocation_set_funder_uuid (PlacementsAllocation *self,
                                                   const char           *funder_uuid);
const char *placements_allocation_get_product (PlacementsAllocation *self);
void        placements_allocation_set_product (PlacementsAllocation *self,
                                               const char           *product);
const char *placements_allocation_get_product_code (PlacementsAllocation *self);
void        placements_allocation_set_product_code (PlacementsAllocation *self,
                                                    const char           *product_code);
double placements_allocation_get_volume (PlacementsAllocation *self);
void   placements_allocation_set_volume (PlacementsAllocation *self,
                                         double                volume);
PlacementsAllocationUnit placements_allocation_get_unit (PlacementsAllocation *self);
void                     placements_allocation_set_unit (PlacementsAllocation     *self,
                                                         PlacementsAllocationUnit  unit);
PlacementsAllocationPeriod placements_allocation_get_period (PlacementsAllocation *self);
void                       placements_allocation_set_period (PlacementsAllocation       *self,
                                                             PlacementsAllocationPeriod  period);
const char *placements_allocation_get_start_date (PlacementsAllocation *self);
void        placements_allocation_set_start_date (PlacementsAllocation *self,
                                                  const char           *start_date);
const char *placements_allocation_get_end_date (PlacementsAllocation *self);
void        placements_allocation_set_end_date (PlacementsAllocation *self,
                                                const char           *end_date);
const char *placements_allocation_get_reference (PlacementsAllocation *self);
void        placements_allocation_set_reference (PlacementsAllocation *self,
                                                 const char           *reference);

G_END_DECLS
