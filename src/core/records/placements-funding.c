#define G_LOG_DOMAIN "placements-funding"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-enum-types.h"
#include "placements-error.h"
#include "placements-funding.h"
#include "placements-organisation.h"
#include "placements-pilot.h"
#include "placements-validate.h"

struct _PlacementsFunding
{
  PlacementsRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlacementsFunding, placements_funding, PLACEMENTS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PILOT_UUID,
  PROP_FUNDER_UUID,
  PROP_AMOUNT_CENTS,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_REFERENCE,
  PROP_REPORTING_OBLIGATION,
  N_PROPS
};

static gboolean
placements_funding_validate (PlacementsRecord  *record,
                             GError           **error)
{
  if (!PLACEMENTS_RECORD_CLASS (placements_funding_parent_class)->validate (record, error))
    return FALSE;

  return placements_record_check_date_order (record, PROP_START_DATE, PROP_END_DATE, error);
}

static void
placements_funding_class_init (PlacementsFundingClass *klass)
{
  PlacementsRecordClass *record_class = PLACEMENTS_RECORD_CLASS (klass);

  record_class->validate = placements_funding_validate;

  placements_record_class_set_table (record_class, "funding", "funding",
                                     N_("Funding"));
  placements_record_class_add_field (record_class, PROP_PILOT_UUID,
                                     g_param_spec_string ("pilot-uuid", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Pilot"),
                                     PLACEMENTS_FIELD_REQUIRED,
                                     PLACEMENTS_TYPE_PILOT);
  placements_record_class_add_field (record_class, PROP_FUNDER_UUID,
                                     g_param_spec_string ("funder-uuid", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Funder"),
                                     PLACEMENTS_FIELD_REQUIRED,
                                     PLACEMENTS_TYPE_ORGANISATION);
  placements_record_class_add_field (record_class, PROP_AMOUNT_CENTS,
                                     g_param_spec_int64 ("amount-cents",
                                                         NULL, NULL,
                                                          0, G_GINT64_CONSTANT (100000000000), 0,
                                        PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Amount"),
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_START_DATE,
                                     g_param_spec_string ("start-date", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Start date"),
                                     PLACEMENTS_FIELD_DATE |
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_END_DATE,
                                     g_param_spec_string ("end-date", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("End date"),
                                     PLACEMENTS_FIELD_DATE |
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_REFERENCE,
                                     g_param_spec_string ("reference", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Reference"),
                                     PLACEMENTS_FIELD_SEARCHABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_REPORTING_OBLIGATION,
                                     g_param_spec_string ("reporting-obligation", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Reporting obligation"),
                                     PLACEMENTS_FIELD_NONE,
                                     G_TYPE_INVALID);
  placements_record_class_set_list_sql (record_class,
                                        NULL,
                                        "funding.start_date",
                                        NULL);
}

static void
placements_funding_init (PlacementsFunding *self)
{
}

PlacementsFunding *
placements_funding_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_FUNDING, NULL);
}

const char *
placements_funding_get_pilot_uuid (PlacementsFunding *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_FUNDING (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_PILOT_UUID);
}

void
placements_funding_set_pilot_uuid (PlacementsFunding *self,
                                   const char        *pilot_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_FUNDING (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_PILOT_UUID,
                                pilot_uuid);
}

const char *
placements_funding_get_funder_uuid (PlacementsFunding *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_FUNDING (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_FUNDER_UUID);
}

void
placements_funding_set_funder_uuid (PlacementsFunding *self,
                                    const char        *funder_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_FUNDING (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_FUNDER_UUID,
                                funder_uuid);
}

gint64
placements_funding_get_amount_cents (PlacementsFunding *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_FUNDING (self), 0);
  return placements_record_get_int64 (PLACEMENTS_RECORD (self), PROP_AMOUNT_CENTS);
}

void
placements_funding_set_amount_cents (PlacementsFunding *self,
                                     gint64             amount_cents)
{
  g_return_if_fail (PLACEMENTS_IS_FUNDING (self));
  placements_record_set_int64 (PLACEMENTS_RECORD (self),
                               PROP_AMOUNT_CENTS,
                               amount_cents);
}

const char *
placements_funding_get_start_date (PlacementsFunding *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_FUNDING (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_START_DATE);
}

void
placements_funding_set_start_date (PlacementsFunding *self,
                                   const char        *start_date)
{
  g_return_if_fail (PLACEMENTS_IS_FUNDING (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_START_DATE,
                                start_date);
}

const char *
placements_funding_get_end_date (PlacementsFunding *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_FUNDING (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_END_DATE);
}

void
placements_funding_set_end_date (PlacementsFunding *self,
                                 const char        *end_date)
{
  g_return_if_fail (PLACEMENTS_IS_FUNDING (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_END_DATE,
                                end_date);
}

const char *
placements_funding_get_reference (PlacementsFunding *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_FUNDING (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_REFERENCE);
}

void
placements_funding_set_reference (PlacementsFunding *self,
                                  const char        *reference)
{
  g_return_if_fail (PLACEMENTS_IS_FUNDING (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_REFERENCE,
                                reference);
}

const char *
placements_funding_get_reporting_obligation (PlacementsFunding *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_FUNDING (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_REPORTING_OBLIGATION);
}

void
placements_funding_set_reporting_obligation (PlacementsFunding *self,
                                             const char        *reporting_obligation)
{
  g_return_if_fail (PLACEMENTS_IS_FUNDING (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_REPORTING_OBLIGATION,
                                reporting_obligation);
}
