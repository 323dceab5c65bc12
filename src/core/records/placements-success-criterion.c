#define G_LOG_DOMAIN "placements-success-criterion"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-enum-types.h"
#include "placements-error.h"
#include "placements-pilot.h"
#include "placements-success-criterion.h"
#include "placements-validate.h"

struct _PlacementsSuccessCriterion
{
  PlacementsRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlacementsSuccessCriterion, placements_success_criterion,
                     PLACEMENTS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PILOT_UUID,
  PROP_DESCRIPTION,
  PROP_TARGET,
  PROP_MEASURED,
  PROP_MEASURE,
  N_PROPS
};

static gboolean
placements_success_criterion_validate (PlacementsRecord  *record,
                                       GError           **error)
{
  PlacementsRecordClass *parent_class =
    PLACEMENTS_RECORD_CLASS (placements_success_criterion_parent_class);

  if (!parent_class->validate (record, error))
    return FALSE;

  return TRUE;
}

static char *
placements_success_criterion_dup_display_name (PlacementsRecord *record,
                                               PlacementsStore  *store)
{
  const char *description =
    placements_success_criterion_get_description (PLACEMENTS_SUCCESS_CRITERION (record));

  if (description == NULL || *description == '\0')
    return g_strdup (placements_record_class_get_label (PLACEMENTS_RECORD_GET_CLASS (record)));
  return g_strdup (description);
}

static void
placements_success_criterion_class_init (PlacementsSuccessCriterionClass *klass)
{
  PlacementsRecordClass *record_class = PLACEMENTS_RECORD_CLASS (klass);

  record_class->dup_display_name = placements_success_criterion_dup_display_name;
  record_class->validate = placements_success_criterion_validate;

  placements_record_class_set_table (record_class, "success-criterion", "success_criterion",
                                     N_("Success criterion"));
  placements_record_class_add_field (record_class, PROP_PILOT_UUID,
                                     g_param_spec_string ("pilot-uuid", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Pilot"),
                                     PLACEMENTS_FIELD_REQUIRED,
                                     PLACEMENTS_TYPE_PILOT);
  placements_record_class_add_field (record_class, PROP_DESCRIPTION,
                                     g_param_spec_string ("description", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Description"),
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SEARCHABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_TARGET,
                                     g_param_spec_string ("target", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Target"),
                                     PLACEMENTS_FIELD_NONE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_MEASURED,
                                     g_param_spec_string ("measured", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Measured value"),
                                     PLACEMENTS_FIELD_NONE,
                                     G_TYPE_INVALID);
  /* Counted ones take their value from the pilot's report (placements-pilot-report.c). */
  placements_record_class_add_field (record_class, PROP_MEASURE,
                                     g_param_spec_enum ("measure", NULL, NULL,
                                       PLACEMENTS_TYPE_CRITERION_MEASURE,
                                       PLACEMENTS_CRITERION_MEASURE_NONE,
                                       PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Measured how"),
                                     PLACEMENTS_FIELD_NONE,
                                     G_TYPE_INVALID);
  placements_record_class_set_list_sql (record_class,
                                        NULL,
                                        "success_criterion.id",
                                        NULL);
}

static void
placements_success_criterion_init (PlacementsSuccessCriterion *self)
{
}

PlacementsSuccessCriterion *
placements_success_criterion_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_SUCCESS_CRITERION, NULL);
}

const char *
placements_success_criterion_get_pilot_uuid (PlacementsSuccessCriterion *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_SUCCESS_CRITERION (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_PILOT_UUID);
}

void
placements_success_criterion_set_pilot_uuid (PlacementsSuccessCriterion *self,
                                             const char                 *pilot_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_SUCCESS_CRITERION (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_PILOT_UUID,
                                pilot_uuid);
}

const char *
placements_success_criterion_get_description (PlacementsSuccessCriterion *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_SUCCESS_CRITERION (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_DESCRIPTION);
}

void
placements_success_criterion_set_description (PlacementsSuccessCriterion *self,
                                              const char                 *description)
{
  g_return_if_fail (PLACEMENTS_IS_SUCCESS_CRITERION (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_DESCRIPTION,
                                description);
}

const char *
placements_success_criterion_get_target (PlacementsSuccessCriterion *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_SUCCESS_CRITERION (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_TARGET);
}

void
placements_success_criterion_set_target (PlacementsSuccessCriterion *self,
                                         const char                 *target)
{
  g_return_if_fail (PLACEMENTS_IS_SUCCESS_CRITERION (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_TARGET,
                                target);
}

const char *
placements_success_criterion_get_measured (PlacementsSuccessCriterion *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_SUCCESS_CRITERION (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_MEASURED);
}

void
placements_success_criterion_set_measured (PlacementsSuccessCriterion *self,
                                           const char                 *measured)
{
  g_return_if_fail (PLACEMENTS_IS_SUCCESS_CRITERION (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_MEASURED,
                                measured);
}

PlacementsCriterionMeasure
placements_success_criterion_get_measure (PlacementsSuccessCriterion *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_SUCCESS_CRITERION (self),
                        PLACEMENTS_CRITERION_MEASURE_NONE);
  return (PlacementsCriterionMeasure) placements_record_get_enum (PLACEMENTS_RECORD (self),
                                                                  PROP_MEASURE);
}

void
placements_success_criterion_set_measure (PlacementsSuccessCriterion *self,
                                          PlacementsCriterionMeasure  measure)
{
  g_return_if_fail (PLACEMENTS_IS_SUCCESS_CRITERION (self));
  placements_record_set_enum (PLACEMENTS_RECORD (self), PROP_MEASURE, measure);
}
