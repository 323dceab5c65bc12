#pragma once

#include "placements-enums.h"
#include "placements-record.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_ATTENDANCE (placements_attendance_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsAttendance, placements_attendance, PLACEMENTS, ATTENDANCE,
                      PlacementsRecord)

PlacementsAttendance *placements_attendance_new (void);

const char *placements_attendance_get_client_uuid (PlacementsAttendance *self);
void        placements_attendance_set_client_uuid (PlacementsAttendance *self,
                                                   const char           *client_uuid);
const char *placements_attendance_get_date (PlacementsAttendance *self);
void        placements_attendance_set_date (PlacementsAttendance *self,
                                            const char           *date);
PlacementsDayPart placements_attendance_get_day_part (PlacementsAttendance *self);
void              placements_attendance_set_day_part (PlacementsAttendance *self,
                                                      PlacementsDayPart     day_part);
const char *placements_attendance_get_workplace_uuid (PlacementsAttendance *self);
void        placements_attendance_set_workplace_uuid (PlacementsAttendance *self,
                                                      const char           *workplace_uuid);
const char *placements_attendance_get_location (PlacementsAttendance *self);
void        placements_attendance_set_location (PlacementsAttendance *self,
                                                const char           *location);
PlacementsAttendanceStatus placements_attendance_get_status (PlacementsAttendance *self);
void                       placements_attendance_set_status (PlacementsAttendance       *self,
                                                             PlacementsAttendanceStatus  status);
const char *placements_attendance_get_registered_by (PlacementsAttendance *self);
void        placements_attendance_set_registered_by (PlacementsAttendance *self,
                                                     const char           *registered_by);
const char *placements_attendance_get_registered_at (PlacementsAttendance *self);
void        placements_attendance_set_registered_at (PlacementsAttendance *self,
                                                     const char           *registered_at);

G_END_DECLS
