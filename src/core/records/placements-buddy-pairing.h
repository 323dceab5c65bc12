#pragma once

#include "placements-enums.h"
#include "placements-record.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_BUDDY_PAIRING (placements_buddy_pairing_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsBuddyPairing, placements_buddy_pairing, PLACEMENTS, BUDDY_PAIRING,
                      PlacementsRecord)

PlacementsBuddyPairing *placements_buddy_pairing_new (void);

const char *placements_buddy_pairing_get_buddy_uuid (PlacementsBuddyPairing *self);
void        placements_buddy_pairing_set_buddy_uuid (PlacementsBuddyPairing *self,
                                                     const char             *buddy_uuid);
const char *placements_buddy_pairing_get_client_uuid (PlacementsBuddyPairing *self);
void        placements_buddy_pairing_set_client_uuid (PlacementsBuddyPairing *self,
                                                      const char             *client_uuid);
const char *placements_buddy_pairing_get_start_date (PlacementsBuddyPairing *self);
void        placements_buddy_pairing_set_start_date (PlacementsBuddyPairing *self,
                                                     const char             *start_date);
const char *placements_buddy_pairing_get_end_date (PlacementsBuddyPairing *self);
void        placements_buddy_pairing_set_end_date (PlacementsBuddyPairing *self,
                                                   const char             *end_date);

G_END_DECLS
