#define G_LOG_DOMAIN "placements-person"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-enum-types.h"
#include "placements-error.h"
#include "placements-organisation.h"
#include "placements-person.h"
#include "placements-sort-key.h"
#include "placements-validate.h"

struct _PlacementsPerson
{
  PlacementsRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlacementsPerson, placements_person, PLACEMENTS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_GIVEN_NAME,
  PROP_FAMILY_NAME,
  PROP_ORGANISATION_UUID,
  PROP_ROLES,
  PROP_EMAIL,
  PROP_PHONE,
  N_PROPS
};

static gboolean
placements_person_validate (PlacementsRecord  *record,
                            GError           **error)
{
  PlacementsPerson *self = PLACEMENTS_PERSON (record);
  const char *email = placements_person_get_email (self);
  const char *phone = placements_person_get_phone (self);

  if (!PLACEMENTS_RECORD_CLASS (placements_person_parent_class)->validate (record, error))
    return FALSE;

  if (email != NULL && *email != '\0' && !placements_validate_email (email))
    {
      placements_record_set_invalid_field_error (record, PROP_EMAIL, error,
                                                 _("“%s” is not an email address"), email);
      return FALSE;
    }

  if (phone != NULL && *phone != '\0' && !placements_validate_phone (phone))
    {
      placements_record_set_invalid_field_error (record, PROP_PHONE, error,
                                                 _("“%s” is not a phone number (8 to 15 "
                                                   "digits)"),
                                                 phone);
      return FALSE;
    }

  return TRUE;
}

static char *
placements_person_dup_sort_key (PlacementsRecord *record)
{
  PlacementsPerson *self = PLACEMENTS_PERSON (record);

  return placements_sort_key_for_name (placements_person_get_family_name (self),
                                       placements_person_get_given_name (self));
}

static char *
placements_person_dup_display_name (PlacementsRecord *record,
                                    PlacementsStore  *store)
{
  PlacementsPerson *self = PLACEMENTS_PERSON (record);

  return placements_record_format_person_name (placements_person_get_family_name (self),
                                               placements_person_get_given_name (self));
}

static void
placements_person_class_init (PlacementsPersonClass *klass)
{
  PlacementsRecordClass *record_class = PLACEMENTS_RECORD_CLASS (klass);

  record_class->dup_display_name = placements_person_dup_display_name;
  record_class->validate = placements_person_validate;
  record_class->dup_sort_key = placements_person_dup_sort_key;

  placements_record_class_set_table (record_class, "person", "person",
                                     N_("Person"));
  placements_record_class_add_field (record_class, PROP_GIVEN_NAME,
                                     g_param_spec_string ("given-name", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Given name"),
                                     PLACEMENTS_FIELD_SORTABLE |
                                     PLACEMENTS_FIELD_SEARCHABLE |
                                     PLACEMENTS_FIELD_IDENTIFYING,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_FAMILY_NAME,
                                     g_param_spec_string ("family-name", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Family name"),
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SORTABLE |
                                     PLACEMENTS_FIELD_SEARCHABLE |
                                     PLACEMENTS_FIELD_IDENTIFYING,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_ORGANISATION_UUID,
                                     g_param_spec_string ("organisation-uuid", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Organisation"),
                                     PLACEMENTS_FIELD_SORTABLE,
                                     PLACEMENTS_TYPE_ORGANISATION);
  placements_record_class_add_field (record_class, PROP_ROLES,
                                     g_param_spec_flags ("roles", NULL, NULL,
                                        PLACEMENTS_TYPE_PERSON_ROLE, 0,
                                        PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Roles"),
                                     PLACEMENTS_FIELD_NONE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_EMAIL,
                                     g_param_spec_string ("email", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Email"),
                                     PLACEMENTS_FIELD_SEARCHABLE |
                                     PLACEMENTS_FIELD_IDENTIFYING,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_PHONE,
                                     g_param_spec_string ("phone", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Phone"),
                                     PLACEMENTS_FIELD_IDENTIFYING,
                                     G_TYPE_INVALID);
  placements_record_class_set_list_sql (record_class,
                                        NULL,
                                        "person.sort_key",
                                        "person.id IN (SELECT rowid FROM person_search "
                                        "WHERE person_search MATCH ?)");
}

static void
placements_person_init (PlacementsPerson *self)
{
}

PlacementsPerson *
placements_person_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_PERSON, NULL);
}

const char *
placements_person_get_given_name (PlacementsPerson *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PERSON (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_GIVEN_NAME);
}

void
placements_person_set_given_name (PlacementsPerson *self,
                                  const char       *given_name)
{
  g_return_if_fail (PLACEMENTS_IS_PERSON (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_GIVEN_NAME,
                                given_name);
}

const char *
placements_person_get_family_name (PlacementsPerson *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PERSON (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_FAMILY_NAME);
}

void
placements_person_set_family_name (PlacementsPerson *self,
                                   const char       *family_name)
{
  g_return_if_fail (PLACEMENTS_IS_PERSON (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_FAMILY_NAME,
                                family_name);
}

const char *
placements_person_get_organisation_uuid (PlacementsPerson *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PERSON (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_ORGANISATION_UUID);
}

void
placements_person_set_organisation_uuid (PlacementsPerson *self,
                                         const char       *organisation_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_PERSON (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_ORGANISATION_UUID,
                                organisation_uuid);
}

PlacementsPersonRole
placements_person_get_roles (PlacementsPerson *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PERSON (self), 0);
  return (PlacementsPersonRole) placements_record_get_flags (PLACEMENTS_RECORD (self), PROP_ROLES);
}

void
placements_person_set_roles (PlacementsPerson     *self,
                             PlacementsPersonRole  roles)
{
  g_return_if_fail (PLACEMENTS_IS_PERSON (self));
  placements_record_set_flags (PLACEMENTS_RECORD (self),
                               PROP_ROLES,
                               roles);
}

const char *
placements_person_get_email (PlacementsPerson *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PERSON (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_EMAIL);
}

void
placements_person_set_email (PlacementsPerson *self,
                             const char       *email)
{
  g_return_if_fail (PLACEMENTS_IS_PERSON (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_EMAIL,
                                email);
}

const char *
placements_person_get_phone (PlacementsPerson *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PERSON (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_PHONE);
}

void
placements_person_set_phone (PlacementsPerson *self,
                             const char       *phone)
{
  g_return_if_fail (PLACEMENTS_IS_PERSON (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_PHONE,
                                phone);
}
