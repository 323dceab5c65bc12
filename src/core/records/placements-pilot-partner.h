#pragma once

#include "placements-enums.h"
#include "placements-record.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_PILOT_PARTNER (placements_pilot_partner_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsPilotPartner, placements_pilot_partner, PLACEMENTS, PILOT_PARTNER,
                      PlacementsRecord)

PlacementsPilotPartner *placements_pilot_partner_new (void);

const char *placements_pilot_partner_get_pilot_uuid (PlacementsPilotPartner *self);
void        placements_pilot_partner_set_pilot_uuid (PlacementsPilotPartner *self,
                                                     const char             *pilot_uuid);
const char *placements_pilot_partner_get_organisation_uuid (PlacementsPilotPartner *self);
void
placements_pilot_partner_set_organisation_uuid (PlacementsPilotPartner *self,
                                                const char             *organisation_uuid);

const char *placements_pilot_partner_get_role (PlacementsPilotPartner *self);
void        placements_pilot_partner_set_role (PlacementsPilotPartner *self,
                                               const char             *role);

G_END_DECLS
