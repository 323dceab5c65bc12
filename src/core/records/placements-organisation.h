#pragma once

#include "placements-enums.h"
#include "placements-record.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_ORGANISATION (placements_organisation_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsOrganisation, placements_organisation, PLACEMENTS, ORGANISATION,
                      PlacementsRecord)

PlacementsOrganisation *placements_organisation_new (void);

const char *placements_organisation_get_name (PlacementsOrganisation *self);
void        placements_organisation_set_name (PlacementsOrganisation *self,
                                              const char             *name);
PlacementsOrganisationKind placements_organisation_get_kind (PlacementsOrganisation *self);
void                       placements_organisation_set_kind (PlacementsOrganisation     *self,
                                                             PlacementsOrganisationKind  kind);
PlacementsCountry placements_organisation_get_country (PlacementsOrganisation *self);
void              placements_organisation_set_country (PlacementsOrganisation *self,
                                                       PlacementsCountry       country);
const char *placements_organisation_get_registry_number (PlacementsOrganisation *self);
void        placements_organisation_set_registry_number (PlacementsOrganisation *self,
                                                         const char             *registry_number);
const char *placements_organisation_get_street (PlacementsOrganisation *self);
void        placements_organisation_set_street (PlacementsOrganisation *self,
                                                const char             *street);
const char *placements_organisation_get_postcode (PlacementsOrganisation *self);
void        placements_organisation_set_postcode (PlacementsOrganisation *self,
                                                  const char             *postcode);
const char *placements_organisation_get_city (PlacementsOrganisation *self);
void        placements_organisation_set_city (PlacementsOrganisation *self,
                                              const char             *city);
const char *placements_organisation_get_exchange_id (PlacementsOrganisation *self);
void        placements_organisation_set_exchange_id (PlacementsOrganisation *self,
                                                     const char             *exchange_id);
const char *placements_organisation_get_notes (PlacementsOrganisation *self);
void        placements_organisation_set_notes (PlacementsOrganisation *self,
                                               const char             *notes);

G_END_DECLS
