#define G_LOG_DOMAIN "placements-pilot"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-enum-types.h"
#include "placements-error.h"
#include "placements-pilot.h"
#include "placements-sort-key.h"
#include "placements-validate.h"

struct _PlacementsPilot
{
  PlacementsRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlacementsPilot, placements_pilot, PLACEMENTS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_START_DATE,
  PROP_EVALUATION_DATE,
  PROP_SCALE_UP_DATE,
  PROP_TARGET_PARTICIPANTS,
  PROP_STATUS,
  PROP_EVALUATION_NOTES,
  N_PROPS
};

static gboolean
placements_pilot_validate (PlacementsRecord  *record,
                           GError           **error)
{
  if (!PLACEMENTS_RECORD_CLASS (placements_pilot_parent_class)->validate (record, error))
    return FALSE;

  return placements_record_check_date_order (record, PROP_START_DATE, PROP_EVALUATION_DATE,
                                             error) &&
         placements_record_check_date_order (record, PROP_START_DATE, PROP_SCALE_UP_DATE,
                                             error);
}

static char *
placements_pilot_dup_sort_key (PlacementsRecord *record)
{
  return placements_sort_key_for_text (placements_pilot_get_name (PLACEMENTS_PILOT (record)));
}

static void
placements_pilot_class_init (PlacementsPilotClass *klass)
{
  PlacementsRecordClass *record_class = PLACEMENTS_RECORD_CLASS (klass);

  record_class->validate = placements_pilot_validate;
  record_class->dup_sort_key = placements_pilot_dup_sort_key;

  placements_record_class_set_table (record_class, "pilot", "pilot",
                                     N_("Pilot"));
  placements_record_class_add_field (record_class, PROP_NAME,
                                     g_param_spec_string ("name", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Name"),
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SORTABLE |
                                     PLACEMENTS_FIELD_SEARCHABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_START_DATE,
                                     g_param_spec_string ("start-date", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Start date"),
                                     PLACEMENTS_FIELD_DATE |
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_EVALUATION_DATE,
                                     g_param_spec_string ("evaluation-date", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Evaluation date"),
                                     PLACEMENTS_FIELD_DATE |
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_SCALE_UP_DATE,
                                     g_param_spec_string ("scale-up-date", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Scale-up date"),
                                     PLACEMENTS_FIELD_DATE |
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_TARGET_PARTICIPANTS,
                                     g_param_spec_int ("target-participants",
                                                       NULL, NULL, 0, 100000, 0,
                                      PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Target number of participants"),
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_STATUS,
                                     g_param_spec_enum ("status", NULL, NULL,
                                       PLACEMENTS_TYPE_PILOT_STATUS,
                                       PLACEMENTS_PILOT_STATUS_CONCEPT,
                                       PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Status"),
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_EVALUATION_NOTES,
                                     g_param_spec_string ("evaluation-notes", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Evaluation notes"),
                                     PLACEMENTS_FIELD_SEARCHABLE,
                                     G_TYPE_INVALID);
  placements_record_class_set_list_sql (record_class,
                                        NULL,
                                        "pilot.sort_key",
                                        "pilot.id IN (SELECT rowid FROM pilot_search "
                                        "WHERE pilot_search MATCH ?)");
}

static void
placements_pilot_init (PlacementsPilot *self)
{
}

PlacementsPilot *
placements_pilot_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_PILOT, NULL);
}

const char *
placements_pilot_get_name (PlacementsPilot *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PILOT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_NAME);
}

void
placements_pilot_set_name (PlacementsPilot *self,
                           const char      *name)
{
  g_return_if_fail (PLACEMENTS_IS_PILOT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_NAME,
                                name);
}

const char *
placements_pilot_get_start_date (PlacementsPilot *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PILOT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_START_DATE);
}

void
placements_pilot_set_start_date (PlacementsPilot *self,
                                 const char      *start_date)
{
  g_return_if_fail (PLACEMENTS_IS_PILOT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_START_DATE,
                                start_date);
}

const char *
placements_pilot_get_evaluation_date (PlacementsPilot *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PILOT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_EVALUATION_DATE);
}

void
placements_pilot_set_evaluation_date (PlacementsPilot *self,
                                      const char      *evaluation_date)
{
  g_return_if_fail (PLACEMENTS_IS_PILOT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_EVALUATION_DATE,
                                evaluation_date);
}

const char *
placements_pilot_get_scale_up_date (PlacementsPilot *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PILOT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_SCALE_UP_DATE);
}

void
placements_pilot_set_scale_up_date (PlacementsPilot *self,
                                    const char      *scale_up_date)
{
  g_return_if_fail (PLACEMENTS_IS_PILOT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_SCALE_UP_DATE,
                                scale_up_date);
}

int
placements_pilot_get_target_participants (PlacementsPilot *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PILOT (self), 0);
  return placements_record_get_int (PLACEMENTS_RECORD (self), PROP_TARGET_PARTICIPANTS);
}

void
placements_pilot_set_target_participants (PlacementsPilot *self,
                                          int              target_participants)
{
  g_return_if_fail (PLACEMENTS_IS_PILOT (self));
  placements_record_set_int (PLACEMENTS_RECORD (self),
                             PROP_TARGET_PARTICIPANTS,
                             target_participants);
}

PlacementsPilotStatus
placements_pilot_get_status (PlacementsPilot *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PILOT (self), 0);
  return (PlacementsPilotStatus) placements_record_get_enum (PLACEMENTS_RECORD (self),
                                                             PROP_STATUS);
}

void
placements_pilot_set_status (PlacementsPilot       *self,
                             PlacementsPilotStatus  status)
{
  g_return_if_fail (PLACEMENTS_IS_PILOT (self));
  placements_record_set_enum (PLACEMENTS_RECORD (self),
                              PROP_STATUS,
                              status);
}

const char *
placements_pilot_get_evaluation_notes (PlacementsPilot *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PILOT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_EVALUATION_NOTES);
}

void
placements_pilot_set_evaluation_notes (PlacementsPilot *self,
                                       const char      *evaluation_notes)
{
  g_return_if_fail (PLACEMENTS_IS_PILOT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_EVALUATION_NOTES,
                                evaluation_notes);
}
