#define G_LOG_DOMAIN "placements-attendance"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-attendance.h"
#include "placements-client.h"
#include "placements-enum-types.h"
#include "placements-error.h"
#include "placements-validate.h"
#include "placements-workplace.h"

struct _PlacementsAttendance
{
  PlacementsRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlacementsAttendance, placements_attendance, PLACEMENTS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CLIENT_UUID,
  PROP_DATE,
  PROP_DAY_PART,
  PROP_WORKPLACE_UUID,
  PROP_LOCATION,
  PROP_STATUS,
  PROP_REGISTERED_BY,
  PROP_REGISTERED_AT,
  N_PROPS
};

static gboolean
placements_attendance_validate (PlacementsRecord  *record,
                                GError           **error)
{
  if (!PLACEMENTS_RECORD_CLASS (placements_attendance_parent_class)->validate (record, error))
    return FALSE;

  return TRUE;
}

static void
placements_attendance_class_init (PlacementsAttendanceClass *klass)
{
  PlacementsRecordClass *record_class = PLACEMENTS_RECORD_CLASS (klass);

  record_class->validate = placements_attendance_validate;

  placements_record_class_set_table (record_class, "attendance", "attendance",
                                     N_("Attendance"));
  placements_record_class_add_field (record_class, PROP_CLIENT_UUID,
                                     g_param_spec_string ("client-uuid", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Client"),
                                     PLACEMENTS_FIELD_REQUIRED,
                                     PLACEMENTS_TYPE_CLIENT);
  placements_record_class_add_field (record_class, PROP_DATE,
                                     g_param_spec_string ("date", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Date"),
                                     PLACEMENTS_FIELD_DATE |
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_DAY_PART,
                                     g_param_spec_enum ("day-part", NULL, NULL,
                                       PLACEMENTS_TYPE_DAY_PART, PLACEMENTS_DAY_PART_MORNING,
                                       PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Day part"),
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_WORKPLACE_UUID,
                                     g_param_spec_string ("workplace-uuid", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Workplace"),
                                     PLACEMENTS_FIELD_NONE,
                                     PLACEMENTS_TYPE_WORKPLACE);
  placements_record_class_add_field (record_class, PROP_LOCATION,
                                     g_param_spec_string ("location", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Location"),
                                     PLACEMENTS_FIELD_NONE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_STATUS,
                                     g_param_spec_enum ("status", NULL, NULL,
                                       PLACEMENTS_TYPE_ATTENDANCE_STATUS,
                                       PLACEMENTS_ATTENDANCE_STATUS_PRESENT,
                                       PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Attendance"),
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_REGISTERED_BY,
                                     g_param_spec_string ("registered-by", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Registered by"),
                                     PLACEMENTS_FIELD_NONE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_REGISTERED_AT,
                                     g_param_spec_string ("registered-at", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Registered at"),
                                     PLACEMENTS_FIELD_NONE,
                                     G_TYPE_INVALID);
  placements_record_class_set_list_sql (record_class,
                                        NULL,
                                        "attendance.date DESC, attendance.day_part",
                                        NULL);
}

static void
placements_attendance_init (PlacementsAttendance *self)
{
}

PlacementsAttendance *
placements_attendance_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_ATTENDANCE, NULL);
}

const char *
placements_attendance_get_client_uuid (PlacementsAttendance *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ATTENDANCE (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_CLIENT_UUID);
}

void
placements_attendance_set_client_uuid (PlacementsAttendance *self,
                                       const char           *client_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_ATTENDANCE (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_CLIENT_UUID,
                                client_uuid);
}

const char *
placements_attendance_get_date (PlacementsAttendance *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ATTENDANCE (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_DATE);
}

void
placements_attendance_set_date (PlacementsAttendance *self,
                                const char           *date)
{
  g_return_if_fail (PLACEMENTS_IS_ATTENDANCE (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_DATE,
                                date);
}

PlacementsDayPart
placements_attendance_get_day_part (PlacementsAttendance *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ATTENDANCE (self), 0);
  return (PlacementsDayPart) placements_record_get_enum (PLACEMENTS_RECORD (self), PROP_DAY_PART);
}

void
placements_attendance_set_day_part (PlacementsAttendance *self,
                                    PlacementsDayPart     day_part)
{
  g_return_if_fail (PLACEMENTS_IS_ATTENDANCE (self));
  placements_record_set_enum (PLACEMENTS_RECORD (self),
                              PROP_DAY_PART,
                              day_part);
}

const char *
placements_attendance_get_workplace_uuid (PlacementsAttendance *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ATTENDANCE (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_WORKPLACE_UUID);
}

void
placements_attendance_set_workplace_uuid (PlacementsAttendance *self,
                                          const char           *workplace_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_ATTENDANCE (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_WORKPLACE_UUID,
                                workplace_uuid);
}

const char *
placements_attendance_get_location (PlacementsAttendance *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ATTENDANCE (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_LOCATION);
}

void
placements_attendance_set_location (PlacementsAttendance *self,
                                    const char           *location)
{
  g_return_if_fail (PLACEMENTS_IS_ATTENDANCE (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_LOCATION,
                                location);
}

PlacementsAttendanceStatus
placements_attendance_get_status (PlacementsAttendance *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ATTENDANCE (self), 0);
  return (PlacementsAttendanceStatus) placements_record_get_enum (PLACEMENTS_RECORD (self),
                                                                  PROP_STATUS);
}

void
placements_attendance_set_status (PlacementsAttendance       *self,
                                  PlacementsAttendanceStatus  status)
{
  g_return_if_fail (PLACEMENTS_IS_ATTENDANCE (self));
  placements_record_set_enum (PLACEMENTS_RECORD (self),
                              PROP_STATUS,
                              status);
}

const char *
placements_attendance_get_registered_by (PlacementsAttendance *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ATTENDANCE (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_REGISTERED_BY);
}

void
placements_attendance_set_registered_by (PlacementsAttendance *self,
                                         const char           *registered_by)
{
  g_return_if_fail (PLACEMENTS_IS_ATTENDANCE (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_REGISTERED_BY,
                                registered_by);
}

const char *
placements_attendance_get_registered_at (PlacementsAttendance *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ATTENDANCE (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_REGISTERED_AT);
}

void
placements_attendance_set_registered_at (PlacementsAttendance *self,
                                         const char           *registered_at)
{
  g_return_if_fail (PLACEMENTS_IS_ATTENDANCE (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_REGISTERED_AT,
                                registered_at);
}
