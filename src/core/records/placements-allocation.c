#define G_LOG_DOMAIN "placements-allocation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-allocation.h"
#include "placements-client.h"
#include "placements-enum-types.h"
#include "placements-error.h"
#include "placements-organisation.h"
#include "placements-validate.h"

struct _PlacementsAllocation
{
  PlacementsRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlacementsAllocation, placements_allocation, PLACEMENTS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CLIENT_UUID,
  PROP_FUNDER_UUID,
  PROP_PRODUCT,
  PROP_PRODUCT_CODE,
  PROP_VOLUME,
  PROP_UNIT,
  PROP_PERIOD,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_REFERENCE,
  N_PROPS
};

static gboolean
placements_allocation_validate (PlacementsRecord  *record,
                                GError           **error)
{
  if (!PLACEMENTS_RECORD_CLASS (placements_allocation_parent_class)->validate (record, error))
    return FALSE;

  /* A volume of 0 is refused as empty by the base class (the field is required and
   * 0 means "not filled in"), and the property's range keeps it from going below. */

  return placements_record_check_date_order (record, PROP_START_DATE, PROP_END_DATE, error);
}

static void
placements_allocation_class_init (PlacementsAllocationClass *klass)
{
  PlacementsRecordClass *record_class = PLACEMENTS_RECORD_CLASS (klass);

  record_class->validate = placements_allocation_validate;

  placements_record_class_set_table (record_class, "allocation", "allocation",
                                     N_("Allocation"));
  placements_record_class_add_field (record_class, PROP_CLIENT_UUID,
                                     g_param_spec_string ("client-uuid", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Client"),
                                     PLACEMENTS_FIELD_REQUIRED,
                                     PLACEMENTS_TYPE_CLIENT);
  placements_record_class_add_field (record_class, PROP_FUNDER_UUID,
                                     g_param_spec_string ("funder-uuid", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Funder"),
                                     PLACEMENTS_FIELD_REQUIRED,
                                     PLACEMENTS_TYPE_ORGANISATION);
  placements_record_class_add_field (record_class, PROP_PRODUCT,
                                     g_param_spec_string ("product", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Product"),
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SEARCHABLE |
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_PRODUCT_CODE,
                                     g_param_spec_string ("product-code", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Product code"),
                                     PLACEMENTS_FIELD_NONE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_VOLUME,
                                     g_param_spec_double ("volume", NULL, NULL, 0, 10000, 0,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Volume"),
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_ZERO_IS_EMPTY,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_UNIT,
                                     g_param_spec_enum ("unit", NULL, NULL,
                                       PLACEMENTS_TYPE_ALLOCATION_UNIT,
                                       PLACEMENTS_ALLOCATION_UNIT_DAY_PART,
                                       PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Unit"),
                                     PLACEMENTS_FIELD_REQUIRED,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_PERIOD,
                                     g_param_spec_enum ("period", NULL, NULL,
                                       PLACEMENTS_TYPE_ALLOCATION_PERIOD,
                                       PLACEMENTS_ALLOCATION_PERIOD_WEEK,
                                       PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Period"),
                                     PLACEMENTS_FIELD_REQUIRED,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_START_DATE,
                                     g_param_spec_string ("start-date", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Start date"),
                                     PLACEMENTS_FIELD_DATE |
                                     PLACEMENTS_FIELD_REQUIRED |
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
                                     N_("Reference number"),
                                     PLACEMENTS_FIELD_SEARCHABLE,
                                     G_TYPE_INVALID);
  placements_record_class_set_list_sql (record_class,
                                        NULL,
                                        "allocation.start_date",
                                        NULL);
}

static void
placements_allocation_init (PlacementsAllocation *self)
{
}

PlacementsAllocation *
placements_allocation_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_ALLOCATION, NULL);
}

const char *
placements_allocation_get_client_uuid (PlacementsAllocation *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ALLOCATION (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_CLIENT_UUID);
}

void
placements_allocation_set_client_uuid (PlacementsAllocation *self,
                                       const char           *client_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_ALLOCATION (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_CLIENT_UUID,
                                client_uuid);
}

const char *
placements_allocation_get_funder_uuid (PlacementsAllocation *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ALLOCATION (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_FUNDER_UUID);
}

void
placements_allocation_set_funder_uuid (PlacementsAllocation *self,
                                       const char           *funder_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_ALLOCATION (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_FUNDER_UUID,
                                funder_uuid);
}

const char *
placements_allocation_get_product (PlacementsAllocation *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ALLOCATION (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_PRODUCT);
}

void
placements_allocation_set_product (PlacementsAllocation *self,
                                   const char           *product)
{
  g_return_if_fail (PLACEMENTS_IS_ALLOCATION (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_PRODUCT,
                                product);
}

const char *
placements_allocation_get_product_code (PlacementsAllocation *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ALLOCATION (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_PRODUCT_CODE);
}

void
placements_allocation_set_product_code (PlacementsAllocation *self,
                                        const char           *product_code)
{
  g_return_if_fail (PLACEMENTS_IS_ALLOCATION (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_PRODUCT_CODE,
                                product_code);
}

double
placements_allocation_get_volume (PlacementsAllocation *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ALLOCATION (self), 0.0);
  return placements_record_get_double (PLACEMENTS_RECORD (self), PROP_VOLUME);
}

void
placements_allocation_set_volume (PlacementsAllocation *self,
                                  double                volume)
{
  g_return_if_fail (PLACEMENTS_IS_ALLOCATION (self));
  placements_record_set_double (PLACEMENTS_RECORD (self),
                                PROP_VOLUME,
                                volume);
}

PlacementsAllocationUnit
placements_allocation_get_unit (PlacementsAllocation *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ALLOCATION (self), 0);
  return (PlacementsAllocationUnit) placements_record_get_enum (PLACEMENTS_RECORD (self),
                                                                PROP_UNIT);
}

void
placements_allocation_set_unit (PlacementsAllocation     *self,
                                PlacementsAllocationUnit  unit)
{
  g_return_if_fail (PLACEMENTS_IS_ALLOCATION (self));
  placements_record_set_enum (PLACEMENTS_RECORD (self),
                              PROP_UNIT,
                              unit);
}

PlacementsAllocationPeriod
placements_allocation_get_period (PlacementsAllocation *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ALLOCATION (self), 0);
  return (PlacementsAllocationPeriod) placements_record_get_enum (PLACEMENTS_RECORD (self),
                                                                  PROP_PERIOD);
}

void
placements_allocation_set_period (PlacementsAllocation       *self,
                                  PlacementsAllocationPeriod  period)
{
  g_return_if_fail (PLACEMENTS_IS_ALLOCATION (self));
  placements_record_set_enum (PLACEMENTS_RECORD (self),
                              PROP_PERIOD,
                              period);
}

const char *
placements_allocation_get_start_date (PlacementsAllocation *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ALLOCATION (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_START_DATE);
}

void
placements_allocation_set_start_date (PlacementsAllocation *self,
                                      const char           *start_date)
{
  g_return_if_fail (PLACEMENTS_IS_ALLOCATION (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_START_DATE,
                                start_date);
}

const char *
placements_allocation_get_end_date (PlacementsAllocation *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ALLOCATION (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_END_DATE);
}

void
placements_allocation_set_end_date (PlacementsAllocation *self,
                                    const char           *end_date)
{
  g_return_if_fail (PLACEMENTS_IS_ALLOCATION (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_END_DATE,
                                end_date);
}

const char *
placements_allocation_get_reference (PlacementsAllocation *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ALLOCATION (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_REFERENCE);
}

void
placements_allocation_set_reference (PlacementsAllocation *self,
                                     const char           *reference)
{
  g_return_if_fail (PLACEMENTS_IS_ALLOCATION (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_REFERENCE,
                                reference);
}
