#define G_LOG_DOMAIN "placements-consent"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-client.h"
#include "placements-consent.h"
#include "placements-enum-types.h"
#include "placements-error.h"
#include "placements-organisation.h"
#include "placements-validate.h"

struct _PlacementsConsent
{
  PlacementsRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlacementsConsent, placements_consent, PLACEMENTS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CLIENT_UUID,
  PROP_RECEIVER_UUID,
  PROP_PURPOSE,
  PROP_DATA_CATEGORIES,
  PROP_GIVEN_BY,
  PROP_GIVEN_DATE,
  PROP_EXPIRY_DATE,
  PROP_WITHDRAWN_DATE,
  N_PROPS
};

static gboolean
placements_consent_validate (PlacementsRecord  *record,
                             GError           **error)
{
  if (!PLACEMENTS_RECORD_CLASS (placements_consent_parent_class)->validate (record, error))
    return FALSE;

  return placements_record_check_date_order (record, PROP_GIVEN_DATE, PROP_EXPIRY_DATE, error) &&
         placements_record_check_date_order (record, PROP_GIVEN_DATE, PROP_WITHDRAWN_DATE,
                                             error);
}

static void
placements_consent_class_init (PlacementsConsentClass *klass)
{
  PlacementsRecordClass *record_class = PLACEMENTS_RECORD_CLASS (klass);

  record_class->validate = placements_consent_validate;

  placements_record_class_set_table (record_class, "consent", "consent",
                                     N_("Consent"));
  placements_record_class_add_field (record_class, PROP_CLIENT_UUID,
                                     g_param_spec_string ("client-uuid", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Client"),
                                     PLACEMENTS_FIELD_REQUIRED,
                                     PLACEMENTS_TYPE_CLIENT);
  placements_record_class_add_field (record_class, PROP_RECEIVER_UUID,
                                     g_param_spec_string ("receiver-uuid", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Receiving organisation"),
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SORTABLE,
                                     PLACEMENTS_TYPE_ORGANISATION);
  placements_record_class_add_field (record_class, PROP_PURPOSE,
                                     g_param_spec_enum ("purpose", NULL, NULL,
                                       PLACEMENTS_TYPE_CONSENT_PURPOSE,
                                       PLACEMENTS_CONSENT_PURPOSE_PLACEMENT,
                                       PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Purpose"),
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_DATA_CATEGORIES,
                                     g_param_spec_flags ("data-categories", NULL, NULL,
                                        PLACEMENTS_TYPE_DATA_CATEGORY, 0,
                                        PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Data categories"),
                                     PLACEMENTS_FIELD_NONE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_GIVEN_BY,
                                     g_param_spec_enum ("given-by", NULL, NULL,
                                       PLACEMENTS_TYPE_CONSENT_GIVER,
                                       PLACEMENTS_CONSENT_GIVER_CLIENT,
                                       PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Given by"),
                                     PLACEMENTS_FIELD_REQUIRED,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_GIVEN_DATE,
                                     g_param_spec_string ("given-date", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Date given"),
                                     PLACEMENTS_FIELD_DATE |
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_EXPIRY_DATE,
                                     g_param_spec_string ("expiry-date", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Expiry date"),
                                     PLACEMENTS_FIELD_DATE |
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_WITHDRAWN_DATE,
                                     g_param_spec_string ("withdrawn-date", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Date withdrawn"),
                                     PLACEMENTS_FIELD_DATE |
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_set_list_sql (record_class,
                                        NULL,
                                        "consent.given_date DESC",
                                        NULL);
}

static void
placements_consent_init (PlacementsConsent *self)
{
}

PlacementsConsent *
placements_consent_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_CONSENT, NULL);
}

const char *
placements_consent_get_client_uuid (PlacementsConsent *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_CONSENT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_CLIENT_UUID);
}

void
placements_consent_set_client_uuid (PlacementsConsent *self,
                                    const char        *client_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_CONSENT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_CLIENT_UUID,
                                client_uuid);
}

const char *
placements_consent_get_receiver_uuid (PlacementsConsent *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_CONSENT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_RECEIVER_UUID);
}

void
placements_consent_set_receiver_uuid (PlacementsConsent *self,
                                      const char        *receiver_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_CONSENT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_RECEIVER_UUID,
                                receiver_uuid);
}

PlacementsConsentPurpose
placements_consent_get_purpose (PlacementsConsent *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_CONSENT (self), 0);
  return (PlacementsConsentPurpose) placements_record_get_enum (PLACEMENTS_RECORD (self),
                                                                PROP_PURPOSE);
}

void
placements_consent_set_purpose (PlacementsConsent        *self,
                                PlacementsConsentPurpose  purpose)
{
  g_return_if_fail (PLACEMENTS_IS_CONSENT (self));
  placements_record_set_enum (PLACEMENTS_RECORD (self),
                              PROP_PURPOSE,
                              purpose);
}

PlacementsDataCategory
placements_consent_get_data_categories (PlacementsConsent *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_CONSENT (self), 0);
  return (PlacementsDataCategory) placements_record_get_flags (PLACEMENTS_RECORD (self),
                                                               PROP_DATA_CATEGORIES);
}

void
placements_consent_set_data_categories (PlacementsConsent      *self,
                                        PlacementsDataCategory  data_categories)
{
  g_return_if_fail (PLACEMENTS_IS_CONSENT (self));
  placements_record_set_flags (PLACEMENTS_RECORD (self),
                               PROP_DATA_CATEGORIES,
                               data_categories);
}

PlacementsConsentGiver
placements_consent_get_given_by (PlacementsConsent *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_CONSENT (self), 0);
  return (PlacementsConsentGiver) placements_record_get_enum (PLACEMENTS_RECORD (self),
                                                              PROP_GIVEN_BY);
}

void
placements_consent_set_given_by (PlacementsConsent      *self,
                                 PlacementsConsentGiver  given_by)
{
  g_return_if_fail (PLACEMENTS_IS_CONSENT (self));
  placements_record_set_enum (PLACEMENTS_RECORD (self),
                              PROP_GIVEN_BY,
                              given_by);
}

const char *
placements_consent_get_given_date (PlacementsConsent *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_CONSENT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_GIVEN_DATE);
}

void
placements_consent_set_given_date (PlacementsConsent *self,
                                   const char        *given_date)
{
  g_return_if_fail (PLACEMENTS_IS_CONSENT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_GIVEN_DATE,
                                given_date);
}

const char *
placements_consent_get_expiry_date (PlacementsConsent *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_CONSENT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_EXPIRY_DATE);
}

void
placements_consent_set_expiry_date (PlacementsConsent *self,
                                    const char        *expiry_date)
{
  g_return_if_fail (PLACEMENTS_IS_CONSENT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_EXPIRY_DATE,
                                expiry_date);
}

const char *
placements_consent_get_withdrawn_date (PlacementsConsent *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_CONSENT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_WITHDRAWN_DATE);
}

void
placements_consent_set_withdrawn_date (PlacementsConsent *self,
                                       const char        *withdrawn_date)
{
  g_return_if_fail (PLACEMENTS_IS_CONSENT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_WITHDRAWN_DATE,
                                withdrawn_date);
}
