#define G_LOG_DOMAIN "placements-organisation"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-enum-types.h"
#include "placements-error.h"
#include "placements-organisation.h"
#include "placements-sort-key.h"
#include "placements-validate.h"

struct _PlacementsOrganisation
{
  PlacementsRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlacementsOrganisation, placements_organisation, PLACEMENTS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_NAME,
  PROP_KIND,
  PROP_COUNTRY,
  PROP_REGISTRY_NUMBER,
  PROP_STREET,
  PROP_POSTCODE,
  PROP_CITY,
  PROP_EXCHANGE_ID,
  PROP_NOTES,
  N_PROPS
};

static gboolean
placements_organisation_validate (PlacementsRecord  *record,
                                  GError           **error)
{
  PlacementsOrganisation *self = PLACEMENTS_ORGANISATION (record);
  PlacementsCountry country = placements_organisation_get_country (self);
  const char *postcode = placements_organisation_get_postcode (self);
  const char *registry_number = placements_organisation_get_registry_number (self);
  const char *exchange_id = placements_organisation_get_exchange_id (self);

  if (!PLACEMENTS_RECORD_CLASS (placements_organisation_parent_class)->validate (record, error))
    return FALSE;

  /* Validation only refuses: a postcode written "1234ab" is valid and kept as typed;
   * forms normalise it before they save. */
  if (postcode != NULL && *postcode != '\0' && !placements_validate_postcode (country, postcode))
    {
      placements_record_set_invalid_field_error (record, PROP_POSTCODE, error,
                                                 country == PLACEMENTS_COUNTRY_NL
                                                   ? _("“%s” is not a Dutch postcode (1234 AB)")
                                                   : _("“%s” is not a Belgian postcode (1234)"),
                                                 postcode);
      return FALSE;
    }

  if (registry_number != NULL && *registry_number != '\0' &&
      !placements_validate_registry_number (country, registry_number))
    {
      placements_record_set_invalid_field_error (record, PROP_REGISTRY_NUMBER, error,
                                                 country == PLACEMENTS_COUNTRY_NL
                                                   ? _("“%s” is not a KvK number (8 digits)")
                                                   : _("“%s” is not a Belgian enterprise "
                                                       "number (10 digits with valid check "
                                                       "digits)"),
                                                 registry_number);
      return FALSE;
    }

  if (exchange_id != NULL && *exchange_id != '\0' &&
      !placements_validate_exchange_id (exchange_id))
    {
      placements_record_set_invalid_field_error (record, PROP_EXCHANGE_ID, error,
                                                 _("“%s” is not an exchange id (1 to 64 "
                                                   "letters, digits and . _ : -)"),
                                                 exchange_id);
      return FALSE;
    }

  return TRUE;
}

static char *
placements_organisation_dup_sort_key (PlacementsRecord *record)
{
  PlacementsOrganisation *self = PLACEMENTS_ORGANISATION (record);

  return placements_sort_key_for_text (placements_organisation_get_name (self));
}

static void
placements_organisation_class_init (PlacementsOrganisationClass *klass)
{
  PlacementsRecordClass *record_class = PLACEMENTS_RECORD_CLASS (klass);

  record_class->validate = placements_organisation_validate;
  record_class->dup_sort_key = placements_organisation_dup_sort_key;

  placements_record_class_set_table (record_class, "organisation", "organisation",
                                     N_("Organisation"));
  placements_record_class_add_field (record_class, PROP_NAME,
                                     g_param_spec_string ("name", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Name"),
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SORTABLE |
                                     PLACEMENTS_FIELD_SEARCHABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_KIND,
                                     g_param_spec_enum ("kind", NULL, NULL,
                                       PLACEMENTS_TYPE_ORGANISATION_KIND,
                                       PLACEMENTS_ORGANISATION_KIND_CARE_PROVIDER,
                                       PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Kind"),
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_COUNTRY,
                                     g_param_spec_enum ("country", NULL, NULL,
                                       PLACEMENTS_TYPE_COUNTRY, PLACEMENTS_COUNTRY_NL,
                                       PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Country"),
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_REGISTRY_NUMBER,
                                     g_param_spec_string ("registry-number", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Registry number"),
                                     PLACEMENTS_FIELD_NONE,
                                     G_TYPE_INVALID);
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
  placements_record_class_add_field (record_class, PROP_EXCHANGE_ID,
                                     g_param_spec_string ("exchange-id", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Exchange id"),
                                     PLACEMENTS_FIELD_NONE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_NOTES,
                                     g_param_spec_string ("notes", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Notes"),
                                     PLACEMENTS_FIELD_NONE,
                                     G_TYPE_INVALID);
  placements_record_class_set_list_sql (record_class,
                                        NULL,
                                        "organisation.sort_key",
                                        "organisation.id IN (SELECT rowid FROM "
                                        "organisation_search WHERE organisation_search MATCH ?)");
}

static void
placements_organisation_init (PlacementsOrganisation *self)
{
}

PlacementsOrganisation *
placements_organisation_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_ORGANISATION, NULL);
}

const char *
placements_organisation_get_name (PlacementsOrganisation *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ORGANISATION (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_NAME);
}

void
placements_organisation_set_name (PlacementsOrganisation *self,
                                  const char             *name)
{
  g_return_if_fail (PLACEMENTS_IS_ORGANISATION (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_NAME,
                                name);
}

PlacementsOrganisationKind
placements_organisation_get_kind (PlacementsOrganisation *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ORGANISATION (self), 0);
  return (PlacementsOrganisationKind) placements_record_get_enum (PLACEMENTS_RECORD (self),
                                                                  PROP_KIND);
}

void
placements_organisation_set_kind (PlacementsOrganisation     *self,
                                  PlacementsOrganisationKind  kind)
{
  g_return_if_fail (PLACEMENTS_IS_ORGANISATION (self));
  placements_record_set_enum (PLACEMENTS_RECORD (self),
                              PROP_KIND,
                              kind);
}

PlacementsCountry
placements_organisation_get_country (PlacementsOrganisation *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ORGANISATION (self), 0);
  return (PlacementsCountry) placements_record_get_enum (PLACEMENTS_RECORD (self), PROP_COUNTRY);
}

void
placements_organisation_set_country (PlacementsOrganisation *self,
                                     PlacementsCountry       country)
{
  g_return_if_fail (PLACEMENTS_IS_ORGANISATION (self));
  placements_record_set_enum (PLACEMENTS_RECORD (self),
                              PROP_COUNTRY,
                              country);
}

const char *
placements_organisation_get_registry_number (PlacementsOrganisation *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ORGANISATION (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_REGISTRY_NUMBER);
}

void
placements_organisation_set_registry_number (PlacementsOrganisation *self,
                                             const char             *registry_number)
{
  g_return_if_fail (PLACEMENTS_IS_ORGANISATION (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_REGISTRY_NUMBER,
                                registry_number);
}

const char *
placements_organisation_get_street (PlacementsOrganisation *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ORGANISATION (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_STREET);
}

void
placements_organisation_set_street (PlacementsOrganisation *self,
                                    const char             *street)
{
  g_return_if_fail (PLACEMENTS_IS_ORGANISATION (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_STREET,
                                street);
}

const char *
placements_organisation_get_postcode (PlacementsOrganisation *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ORGANISATION (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_POSTCODE);
}

void
placements_organisation_set_postcode (PlacementsOrganisation *self,
                                      const char             *postcode)
{
  g_return_if_fail (PLACEMENTS_IS_ORGANISATION (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_POSTCODE,
                                postcode);
}

const char *
placements_organisation_get_city (PlacementsOrganisation *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ORGANISATION (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_CITY);
}

void
placements_organisation_set_city (PlacementsOrganisation *self,
                                  const char             *city)
{
  g_return_if_fail (PLACEMENTS_IS_ORGANISATION (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_CITY,
                                city);
}

const char *
placements_organisation_get_exchange_id (PlacementsOrganisation *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ORGANISATION (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_EXCHANGE_ID);
}

void
placements_organisation_set_exchange_id (PlacementsOrganisation *self,
                                         const char             *exchange_id)
{
  g_return_if_fail (PLACEMENTS_IS_ORGANISATION (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_EXCHANGE_ID,
                                exchange_id);
}

const char *
placements_organisation_get_notes (PlacementsOrganisation *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ORGANISATION (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_NOTES);
}

void
placements_organisation_set_notes (PlacementsOrganisation *self,
                                   const char             *notes)
{
  g_return_if_fail (PLACEMENTS_IS_ORGANISATION (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_NOTES,
                                notes);
}
