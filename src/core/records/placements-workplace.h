#pragma once

#include "placements-enums.h"
#include "placements-record.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_WORKPLACE (placements_workplace_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsWorkplace, placements_workplace, PLACEMENTS, WORKPLACE,
                      PlacementsRecord)

PlacementsWorkplace *placements_workplace_new (void);

const char *placements_workplace_get_name (PlacementsWorkplace *self);
void        placements_workplace_set_name (PlacementsWorkplace *self,
                                           const char          *name);
const char *placements_workplace_get_host_organisation_uuid (PlacementsWorkplace *self);
void
placements_workplace_set_host_organisation_uuid (PlacementsWorkplace *self,
                                                 const char          *host_organisation_uuid);
const char *placements_workplace_get_street (PlacementsWorkplace *self);
void        placements_workplace_set_street (PlacementsWorkplace *self,
                                             const char          *street);
const char *placements_workplace_get_postcode (PlacementsWorkplace *self);
void        placements_workplace_set_postcode (PlacementsWorkplace *self,
                                               const char          *postcode);
const char *placements_workplace_get_city (PlacementsWorkplace *self);
void        placements_workplace_set_city (PlacementsWorkplace *self,
                                           const char          *city);
const char *placements_workplace_get_department (PlacementsWorkplace *self);
void        placements_workplace_set_department (PlacementsWorkplace *self,
                                                 const char          *department);
PlacementsWorkplaceKind placements_workplace_get_kind (PlacementsWorkplace *self);
void                    placements_workplace_set_kind (PlacementsWorkplace     *self,
                                                       PlacementsWorkplaceKind  kind);
int  placements_workplace_get_capacity (PlacementsWorkplace *self);
void placements_workplace_set_capacity (PlacementsWorkplace *self,
                                        int                  capacity);
const char *placements_workplace_get_tasks (PlacementsWorkplace *self);
void        placements_workplace_set_tasks (PlacementsWorkplace *self,
                                            const char          *tasks);
gboolean placements_workplace_get_low_stimulus (PlacementsWorkplace *self);
void     placements_workplace_set_low_stimulus (PlacementsWorkplace *self,
                                                gboolean             low_stimulus);
const char *placements_workplace_get_work_supervisor_uuid (PlacementsWorkplace *self);
void
placements_workplace_set_work_supervisor_uuid (PlacementsWorkplace *self,
                                               const char          *work_supervisor_uuid);
const char *placements_workplace_get_opening_hours (PlacementsWorkplace *self);
void        placements_workplace_set_opening_hours (PlacementsWorkplace *self,
                                                    const char          *opening_hours);

G_END_DECLS
