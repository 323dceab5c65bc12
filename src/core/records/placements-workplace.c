#define G_LOG_DOMAIN "placements-workplace"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-enum-types.h"
#include "placements-error.h"
#include "placements-organisation.h"
#include "placements-person.h"
#include "placements-sort-key.h"
#include "placements-validate.h"
#include "placements-workplace.h"

struct _PlacementsWorkplace
{
  PlacementsRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlacementsWorkplace, placements_workplace, PLACEMENTS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_HOST_ORGANISATION_UUID,
  PROP_STREET,
  PROP_POSTCODE,
  PROP_CITY,
  PROP_DEPARTMENT,
  PROP_KIND,
  PROP_CAPACITY,
  PROP_TASKS,
  PROP_LOW_STIMULUS,
  PROP_WORK_SUPERVISOR_UUID,
  PROP_OPENING_HOURS,
  N_PROPS
};

static gboolean
placements_workplace_validate (PlacementsRecord  *record,
                               GError           **error)
{
  PlacementsWorkplace *self = PLACEMENTS_WORKPLACE (record);
  const char *postcode = placements_workplace_get_postcode (self);
  int capacity = placements_workplace_get_capacity (self);

  if (!PLACEMENTS_RECORD_CLASS (placements_workplace_parent_class)->validate (record, error))
    return FALSE;

  if (!placements_validate_capacity (capacity))
    {
      placements_record_set_invalid_field_error (record, PROP_CAPACITY, error,
                                                 _("%d is not between 1 and 500 places"),
                                                 capacity);
      return FALSE;
    }

  /* The host organisation's country is in another record; the site may even lie
   * across the border from it. Either country's form is accepted. */
  if (postcode != NULL && *postcode != '\0' &&
      !placements_validate_postcode (PLACEMENTS_COUNTRY_NL, postcode) &&
      !placements_validate_postcode (PLACEMENTS_COUNTRY_BE, postcode))
    {
      placements_record_set_invalid_field_error (record, PROP_POSTCODE, error,
                                                 _("“%s” is not a Dutch or Belgian postcode"),
                                                 postcode);
      return FALSE;
    }

  return TRUE;
}

static char *
placements_workplace_dup_sort_key (PlacementsRecord *record)
{
  PlacementsWorkplace *self = PLACEMENTS_WORKPLACE (record);

  return placements_sort_key_for_text (placements_workplace_get_name (self));
}

static void
placements_workplace_class_init (PlacementsWorkplaceClass *klass)
{
  PlacementsRecordClass *record_class = PLACEMENTS_RECORD_CLASS (klass);

  record_class->validate = placements_workplace_validate;
  record_class->dup_sort_key = placements_workplace_dup_sort_key;

  placements_record_class_set_table (record_class, "workplace", "workplace",
                                     N_("Workplace"));
  placements_record_class_add_field (record_class, PROP_NAME,
                                     g_param_spec_string ("name", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Name"),
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SORTABLE |
                                     PLACEMENTS_FIELD_SEARCHABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_HOST_ORGANISATION_UUID,
                                     g_param_spec_string ("host-organisation-uuid",
                                                          NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Host organisation"),
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SORTABLE,
                                     PLACEMENTS_TYPE_ORGANISATION);
  placements_record_class_add_field (record_class, PROP_STREET,
                                     g_param_spec_string ("street", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Street and number"),
                                     PLACEMENTS_FIELD_NONE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_POSTCODE,
                                     g_param_spec_string ("postcode", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Postcode"),
                                     PLACEMENTS_FIELD_NONE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_CITY,
                                     g_param_spec_string ("city", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("City"),
                                     PLACEMENTS_FIELD_SORTABLE |
                                     PLACEMENTS_FIELD_SEARCHABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_DEPARTMENT,
                                     g_param_spec_string ("department", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Department"),
                                     PLACEMENTS_FIELD_SORTABLE |
                                     PLACEMENTS_FIELD_SEARCHABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_KIND,
                                     g_param_spec_enum ("kind", NULL, NULL,
                                       PLACEMENTS_TYPE_WORKPLACE_KIND,
                                       PLACEMENTS_WORKPLACE_KIND_GROUP_WORK_CORNER,
                                       PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Kind"),
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_CAPACITY,
                                     g_param_spec_int ("capacity", NULL, NULL, 0, 500, 0,
                                      PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Capacity"),
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SORTABLE |
                                     PLACEMENTS_FIELD_ZERO_IS_EMPTY,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_TASKS,
                                     g_param_spec_string ("tasks", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Tasks"),
                                     PLACEMENTS_FIELD_SEARCHABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_LOW_STIMULUS,
                                     g_param_spec_boolean ("low-stimulus", NULL, NULL, FALSE,
                                          PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Low-stimulus"),
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_WORK_SUPERVISOR_UUID,
                                     g_param_spec_string ("work-supervisor-uuid", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Work supervisor"),
                                     PLACEMENTS_FIELD_NONE,
                                     PLACEMENTS_TYPE_PERSON);
  placements_record_class_add_field (record_class, PROP_OPENING_HOURS,
                                     g_param_spec_string ("opening-hours", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Opening hours"),
                                     PLACEMENTS_FIELD_NONE,
                                     G_TYPE_INVALID);
  placements_record_class_set_list_sql (record_class,
                                        NULL,
                                        "workplace.sort_key",
                                        "workplace.id IN (SELECT rowid FROM workplace_search "
                                        "WHERE workplace_search MATCH ?)");
}

static void
placements_workplace_init (PlacementsWorkplace *self)
{
}

PlacementsWorkplace *
placements_workplace_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_WORKPLACE, NULL);
}

const char *
placements_workplace_get_name (PlacementsWorkplace *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WORKPLACE (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_NAME);
}

void
placements_workplace_set_name (PlacementsWorkplace *self,
                               const char          *name)
{
  g_return_if_fail (PLACEMENTS_IS_WORKPLACE (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_NAME,
                                name);
}

const char *
placements_workplace_get_host_organisation_uuid (PlacementsWorkplace *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WORKPLACE (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_HOST_ORGANISATION_UUID);
}

void
placements_workplace_set_host_organisation_uuid (PlacementsWorkplace *self,
                                                 const char          *host_organisation_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_WORKPLACE (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_HOST_ORGANISATION_UUID,
                                host_organisation_uuid);
}

const char *
placements_workplace_get_street (PlacementsWorkplace *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WORKPLACE (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_STREET);
}

void
placements_workplace_set_street (PlacementsWorkplace *self,
                                 const char          *street)
{
  g_return_if_fail (PLACEMENTS_IS_WORKPLACE (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_STREET,
                                street);
}

const char *
placements_workplace_get_postcode (PlacementsWorkplace *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WORKPLACE (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_POSTCODE);
}

void
placements_workplace_set_postcode (PlacementsWorkplace *self,
                                   const char          *postcode)
{
  g_return_if_fail (PLACEMENTS_IS_WORKPLACE (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_POSTCODE,
                                postcode);
}

const char *
placements_workplace_get_city (PlacementsWorkplace *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WORKPLACE (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_CITY);
}

void
placements_workplace_set_city (PlacementsWorkplace *self,
                               const char          *city)
{
  g_return_if_fail (PLACEMENTS_IS_WORKPLACE (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_CITY,
                                city);
}

const char *
placements_workplace_get_department (PlacementsWorkplace *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WORKPLACE (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_DEPARTMENT);
}

void
placements_workplace_set_department (PlacementsWorkplace *self,
                                     const char          *department)
{
  g_return_if_fail (PLACEMENTS_IS_WORKPLACE (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_DEPARTMENT,
                                department);
}

PlacementsWorkplaceKind
placements_workplace_get_kind (PlacementsWorkplace *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WORKPLACE (self), 0);
  return (PlacementsWorkplaceKind) placements_record_get_enum (PLACEMENTS_RECORD (self),
                                                               PROP_KIND);
}

void
placements_workplace_set_kind (PlacementsWorkplace     *self,
                               PlacementsWorkplaceKind  kind)
{
  g_return_if_fail (PLACEMENTS_IS_WORKPLACE (self));
  placements_record_set_enum (PLACEMENTS_RECORD (self),
                              PROP_KIND,
                              kind);
}

int
placements_workplace_get_capacity (PlacementsWorkplace *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WORKPLACE (self), 0);
  return placements_record_get_int (PLACEMENTS_RECORD (self), PROP_CAPACITY);
}

void
placements_workplace_set_capacity (PlacementsWorkplace *self,
                                   int                  capacity)
{
  g_return_if_fail (PLACEMENTS_IS_WORKPLACE (self));
  placements_record_set_int (PLACEMENTS_RECORD (self),
                             PROP_CAPACITY,
                             capacity);
}

const char *
placements_workplace_get_tasks (PlacementsWorkplace *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WORKPLACE (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_TASKS);
}

void
placements_workplace_set_tasks (PlacementsWorkplace *self,
                                const char          *tasks)
{
  g_return_if_fail (PLACEMENTS_IS_WORKPLACE (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_TASKS,
                                tasks);
}

gboolean
placements_workplace_get_low_stimulus (PlacementsWorkplace *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WORKPLACE (self), FALSE);
  return placements_record_get_boolean (PLACEMENTS_RECORD (self), PROP_LOW_STIMULUS);
}

void
placements_workplace_set_low_stimulus (PlacementsWorkplace *self,
                                       gboolean             low_stimulus)
{
  g_return_if_fail (PLACEMENTS_IS_WORKPLACE (self));
  placements_record_set_boolean (PLACEMENTS_RECORD (self),
                                 PROP_LOW_STIMULUS,
                                 low_stimulus);
}

const char *
placements_workplace_get_work_supervisor_uuid (PlacementsWorkplace *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WORKPLACE (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_WORK_SUPERVISOR_UUID);
}

void
placements_workplace_set_work_supervisor_uuid (PlacementsWorkplace *self,
                                               const char          *work_supervisor_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_WORKPLACE (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_WORK_SUPERVISOR_UUID,
                                work_supervisor_uuid);
}

const char *
placements_workplace_get_opening_hours (PlacementsWorkplace *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WORKPLACE (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_OPENING_HOURS);
}

void
placements_workplace_set_opening_hours (PlacementsWorkplace *self,
                                        const char          *opening_hours)
{
  g_return_if_fail (PLACEMENTS_IS_WORKPLACE (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_OPENING_HOURS,
                                opening_hours);
}
