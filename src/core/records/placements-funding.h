#pragma once

#include "placements-enums.h"
#include "placements-record.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_FUNDING (placements_funding_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsFunding, placements_funding, PLACEMENTS, FUNDING,
                      PlacementsRecord)

PlacementsFunding *placements_funding_new (void);

const char *placements_funding_get_pilot_uuid (PlacementsFunding *self);
void        placements_funding_set_pilot_uuid (PlacementsFunding *self,
                                               const char        *pilot_uuid);
const char *placements_funding_get_funder_uuid (PlacementsFunding *self);
void        placements_funding_set_funder_uuid (PlacementsFunding *self,
                                                const char        *funder_uuid);
gint64 placements_funding_get_amount_cents (PlacementsFunding *self);
void   placements_funding_set_amount_cents (PlacementsFunding *self,
                                            gint64             amount_cents);
const char *placements_funding_get_start_date (PlacementsFunding *self);
void        placements_funding_set_start_date (PlacementsFunding *self,
                                               const char        *start_date);
const char *placements_funding_get_end_date (PlacementsFunding *self);
void        placements_funding_set_end_date (PlacementsFunding *self,
                                             const char        *end_date);
const char *placements_funding_get_reference (PlacementsFunding *self);
void        placements_funding_set_reference (PlacementsFunding *self,
                                              const char        *reference);
const char *placements_funding_get_reporting_obligation (PlacementsFunding *self);
void        placements_funding_set_reporting_obligation (PlacementsFunding *self,
                                                         const char        *reporting_obligation);

G_END_DECLS
