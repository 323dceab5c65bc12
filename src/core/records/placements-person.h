#pragma once

#include "placements-enums.h"
#include "placements-record.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_PERSON (placements_person_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsPerson, placements_person, PLACEMENTS, PERSON,
                      PlacementsRecord)

PlacementsPerson *placements_person_new (void);

const char *placements_person_get_given_name (PlacementsPerson *self);
void        placements_person_set_given_name (PlacementsPerson *self,
                                              const char       *given_name);
const char *placements_person_get_family_name (PlacementsPerson *self);
void        placements_person_set_family_name (PlacementsPerson *self,
                                               const char       *family_name);
const char *placements_person_get_organisation_uuid (PlacementsPerson *self);
void        placements_person_set_organisation_uuid (PlacementsPerson *self,
                                                     const char       *organisation_uuid);
PlacementsPersonRole placements_person_get_roles (PlacementsPerson *self);
void                 placements_person_set_roles (PlacementsPerson     *self,
                                                  PlacementsPersonRole  roles);
const char *placements_person_get_email (PlacementsPerson *self);
void        placements_person_set_email (PlacementsPerson *self,
                                         const char       *email);
const char *placements_person_get_phone (PlacementsPerson *self);
void        placements_person_set_phone (PlacementsPerson *self,
                                         const char       *phone);

G_END_DECLS
