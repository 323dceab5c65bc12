#pragma once

#include "placements-enums.h"
#include "placements-record.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_PILOT_CONTACT (placements_pilot_contact_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsPilotContact, placements_pilot_contact, PLACEMENTS, PILOT_CONTACT,
                      PlacementsRecord)

PlacementsPilotContact *placements_pilot_contact_new (void);

const char *placements_pilot_contact_get_pilot_uuid (PlacementsPilotContact *self);
void        placements_pilot_contact_set_pilot_uuid (PlacementsPilotContact *self,
                                                     const char             *pilot_uuid);
const char *placements_pilot_contact_get_person_uuid (PlacementsPilotContact *self);
void        placements_pilot_contact_set_person_uuid (PlacementsPilotContact *self,
                                                      const char             *person_uuid);

G_END_DECLS
