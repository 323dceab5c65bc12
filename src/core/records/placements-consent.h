#pragma once

#include "placements-enums.h"
#include "placements-record.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_CONSENT (placements_consent_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsConsent, placements_consent, PLACEMENTS, CONSENT,
                      PlacementsRecord)

PlacementsConsent *placements_consent_new (void);

const char *placements_consent_get_client_uuid (PlacementsConsent *self);
void        placements_consent_set_client_uuid (PlacementsConsent *self,
                                                const char        *client_uuid);
const char *placements_consent_get_receiver_uuid (PlacementsConsent *self);
void        placements_consent_set_receiver_uuid (PlacementsConsent *self,
                                                  const char        *receiver_uuid);
PlacementsConsentPurpose placements_consent_get_purpose (PlacementsConsent *self);
void                     placements_consent_set_purpose (PlacementsConsent        *self,
                                                         PlacementsConsentPurpose  purpose);
PlacementsDataCategory placements_consent_get_data_categories (PlacementsConsent *self);
void
placements_consent_set_data_categories (PlacementsConsent      *self,
                                        PlacementsDataCategory  data_categories);
PlacementsConsentGiver placements_consent_get_given_by (PlacementsConsent *self);
void                   placements_consent_set_given_by (PlacementsConsent      *self,
                                                        PlacementsConsentGiver  given_by);
const char *placements_consent_get_given_date (PlacementsConsent *self);
void        placements_consent_set_given_date (PlacementsConsent *self,
                                               const char        *given_date);
const char *placements_consent_get_expiry_date (PlacementsConsent *self);
void        placements_consent_set_expiry_date (PlacementsConsent *self,
                                                const char        *expiry_date);
const char *placements_consent_get_withdrawn_date (PlacementsConsent *self);
void        placements_consent_set_withdrawn_date (PlacementsConsent *self,
                                                   const char        *withdrawn_date);

G_END_DECLS
