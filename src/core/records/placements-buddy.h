#pragma once

#include "placements-enums.h"
#include "placements-record.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_BUDDY (placements_buddy_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsBuddy, placements_buddy, PLACEMENTS, BUDDY,
                      PlacementsRecord)

PlacementsBuddy *placements_buddy_new (void);

const char *placements_buddy_get_person_uuid (PlacementsBuddy *self);
void        placements_buddy_set_person_uuid (PlacementsBuddy *self,
                                              const char      *person_uuid);
const char *placements_buddy_get_department (PlacementsBuddy *self);
void        placements_buddy_set_department (PlacementsBuddy *self,
                                             const char      *department);
const char *placements_buddy_get_training_date (PlacementsBuddy *self);
void        placements_buddy_set_training_date (PlacementsBuddy *self,
                                                const char      *training_date);
int  placements_buddy_get_max_clients (PlacementsBuddy *self);
void placements_buddy_set_max_clients (PlacementsBuddy *self,
                                       int              max_clients);
const char *placements_buddy_get_notes (PlacementsBuddy *self);
void        placements_buddy_set_notes (PlacementsBuddy *self,
                                        const char      *notes);

G_END_DECLS
