#pragma once

#include "placements-enums.h"
#include "placements-record.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_CLIENT (placements_client_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsClient, placements_client, PLACEMENTS, CLIENT,
                      PlacementsRecord)

PlacementsClient *placements_client_new (void);

const char *placements_client_get_given_name (PlacementsClient *self);
void        placements_client_set_given_name (PlacementsClient *self,
                                              const char       *given_name);
const char *placements_client_get_family_name (PlacementsClient *self);
void        placements_client_set_family_name (PlacementsClient *self,
                                               const char       *family_name);
const char *placements_client_get_date_of_birth (PlacementsClient *self);
void        placements_client_set_date_of_birth (PlacementsClient *self,
                                                 const char       *date_of_birth);
const char *placements_client_get_care_organisation_uuid (PlacementsClient *self);
void
placements_client_set_care_organisation_uuid (PlacementsClient *self,
                                              const char       *care_organisation_uuid);
PlacementsTargetGroup placements_client_get_target_group (PlacementsClient *self);
void                  placements_client_set_target_group (PlacementsClient      *self,
                                                          PlacementsTargetGroup  target_group);
PlacementsFundingRoute placements_client_get_funding_route (PlacementsClient *self);
void                   placements_client_set_funding_route (PlacementsClient       *self,
                                                            PlacementsFundingRoute  funding_route);
const char *placements_client_get_national_id (PlacementsClient *self);
void        placements_client_set_national_id (PlacementsClient *self,
                                               const char       *national_id);
PlacementsIncomeSituation placements_client_get_income_situation (PlacementsClient *self);
void
placements_client_set_income_situation (PlacementsClient          *self,
                                        PlacementsIncomeSituation  income_situation);
gboolean placements_client_get_right_to_return (PlacementsClient *self);
void     placements_client_set_right_to_return (PlacementsClient *self,
                                                gboolean          right_to_return);
const char *placements_client_get_right_to_return_until (PlacementsClient *self);
void        placements_client_set_right_to_return_until (PlacementsClient *self,
                                                         const char       *right_to_return_until);
const char *placements_client_get_support_question (PlacementsClient *self);
void        placements_client_set_support_question (PlacementsClient *self,
                                                    const char       *support_question);
const char *placements_client_get_goals (PlacementsClient *self);
void        placements_client_set_goals (PlacementsClient *self,
                                         const char       *goals);

gboolean placements_client_get_needs_low_stimulus (PlacementsClient *self);
void     placements_client_set_needs_low_stimulus (PlacementsClient *self,
                                                   gboolean          needs_low_stimulus);

G_END_DECLS
