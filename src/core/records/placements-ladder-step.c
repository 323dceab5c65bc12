#define G_LOG_DOMAIN "placements-ladder-step"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-client.h"
#include "placements-enum-types.h"
#include "placements-error.h"
#include "placements-ladder-step.h"
#include "placements-person.h"
#include "placements-validate.h"

struct _PlacementsLadderStep
{
  PlacementsRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlacementsLadderStep, placements_ladder_step, PLACEMENTS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CLIENT_UUID,
  PROP_DATE,
  PROP_RUNG,
  PROP_ASSESSED_BY_UUID,
  N_PROPS
};

static gboolean
placements_ladder_step_validate (PlacementsRecord  *record,
                                 GError           **error)
{
  if (!PLACEMENTS_RECORD_CLASS (placements_ladder_step_parent_class)->validate (record, error))
    return FALSE;

  return TRUE;
}

static void
placements_ladder_step_class_init (PlacementsLadderStepClass *klass)
{
  PlacementsRecordClass *record_class = PLACEMENTS_RECORD_CLASS (klass);

  record_class->validate = placements_ladder_step_validate;

  placements_record_class_set_table (record_class, "ladder-step", "ladder_step",
                                     N_("Participation ladder step"));
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
  placements_record_class_add_field (record_class, PROP_RUNG,
                                     g_param_spec_int ("rung", NULL, NULL, 0, 6, 0,
                                      PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Rung"),
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SORTABLE |
                                     PLACEMENTS_FIELD_ZERO_IS_EMPTY,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_ASSESSED_BY_UUID,
                                     g_param_spec_string ("assessed-by-uuid", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Assessed by"),
                                     PLACEMENTS_FIELD_NONE,
                                     PLACEMENTS_TYPE_PERSON);
  placements_record_class_set_list_sql (record_class,
                                        NULL,
                                        "ladder_step.date",
                                        NULL);
}

static void
placements_ladder_step_init (PlacementsLadderStep *self)
{
}

PlacementsLadderStep *
placements_ladder_step_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_LADDER_STEP, NULL);
}

const char *
placements_ladder_step_get_client_uuid (PlacementsLadderStep *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_LADDER_STEP (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_CLIENT_UUID);
}

void
placements_ladder_step_set_client_uuid (PlacementsLadderStep *self,
                                        const char           *client_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_LADDER_STEP (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_CLIENT_UUID,
                                client_uuid);
}

const char *
placements_ladder_step_get_date (PlacementsLadderStep *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_LADDER_STEP (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_DATE);
}

void
placements_ladder_step_set_date (PlacementsLadderStep *self,
                                 const char           *date)
{
  g_return_if_fail (PLACEMENTS_IS_LADDER_STEP (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_DATE,
                                date);
}

int
placements_ladder_step_get_rung (PlacementsLadderStep *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_LADDER_STEP (self), 0);
  return placements_record_get_int (PLACEMENTS_RECORD (self), PROP_RUNG);
}

void
placements_ladder_step_set_rung (PlacementsLadderStep *self,
                                 int                   rung)
{
  g_return_if_fail (PLACEMENTS_IS_LADDER_STEP (self));
  placements_record_set_int (PLACEMENTS_RECORD (self),
                             PROP_RUNG,
                             rung);
}

const char *
placements_ladder_step_get_assessed_by_uuid (PlacementsLadderStep *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_LADDER_STEP (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_ASSESSED_BY_UUID);
}

void
placements_ladder_step_set_assessed_by_uuid (PlacementsLadderStep *self,
                                             const char           *assessed_by_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_LADDER_STEP (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_ASSESSED_BY_UUID,
                                assessed_by_uuid);
}
