#define G_LOG_DOMAIN "placements-client"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "placements-client.h"
#include "placements-date.h"
#include "placements-enum-types.h"
#include "placements-error.h"
#include "placements-organisation.h"
#include "placements-sort-key.h"
#include "placements-timestamp.h"
#include "placements-validate.h"

struct _PlacementsClient
{
  PlacementsRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlacementsClient, placements_client, PLACEMENTS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_GIVEN_NAME,
  PROP_FAMILY_NAME,
  PROP_DATE_OF_BIRTH,
  PROP_CARE_ORGANISATION_UUID,
  PROP_TARGET_GROUP,
  PROP_FUNDING_ROUTE,
  PROP_NATIONAL_ID,
  PROP_INCOME_SITUATION,
  PROP_RIGHT_TO_RETURN,
  PROP_RIGHT_TO_RETURN_UNTIL,
  PROP_SUPPORT_QUESTION,
  PROP_GOALS,
  PROP_NEEDS_LOW_STIMULUS,
  N_PROPS
};

/* Written with spaces, dots or dashes as on a card or a letter. */
#define NATIONAL_ID_SEPARATORS " .-"

/*
 * A client has no country of their own, so the number says which it is: nine
 * digits are a BSN, eleven a Belgian national register number.
 */
static gboolean
national_id_is_valid (const char *text)
{
  g_autoptr(GString) digits = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (strchr (NATIONAL_ID_SEPARATORS, *p) != NULL)
        continue;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      g_string_append_c (digits, *p);
    }

  if (digits->len == 9)
    return placements_validate_bsn (digits->str);
  if (digits->len == 11)
    return placements_validate_rrn (digits->str);
  return FALSE;
}

static gboolean
placements_client_validate (PlacementsRecord  *record,
                            GError           **error)
{
  PlacementsClient *self = PLACEMENTS_CLIENT (record);
  const char *national_id = placements_client_get_national_id (self);
  const char *date_of_birth = placements_client_get_date_of_birth (self);
  const char *right_to_return_until = placements_client_get_right_to_return_until (self);

  if (!PLACEMENTS_RECORD_CLASS (placements_client_parent_class)->validate (record, error))
    return FALSE;

  /* The number itself is not repeated: error messages end up in logs and
   * screenshots, and a national id number must never leave the database. */
  if (national_id != NULL && *national_id != '\0' && !national_id_is_valid (national_id))
    {
      placements_record_set_invalid_field_error (record, PROP_NATIONAL_ID, error,
                                                 _("it is not a valid BSN or Belgian "
                                                   "national register number"));
      return FALSE;
    }

  /* The base class has refused dates before 1900; the future is a typo too. */
  if (date_of_birth != NULL && *date_of_birth != '\0')
    {
      g_autofree char *now = placements_timestamp_today ();

      if (strcmp (date_of_birth, now) > 0)
        {
          g_autofree char *text = placements_date_format_short (date_of_birth);

          placements_record_set_invalid_field_error (record, PROP_DATE_OF_BIRTH, error,
                                                     _("“%s” is in the future"), text);
          return FALSE;
        }
    }

  if (right_to_return_until != NULL && *right_to_return_until != '\0' &&
      !placements_client_get_right_to_return (self))
    {
      placements_record_set_invalid_field_error (record, PROP_RIGHT_TO_RETURN_UNTIL, error,
                                                 _("the client has no right to return"));
      return FALSE;
    }

  return TRUE;
}

static char *
placements_client_dup_sort_key (PlacementsRecord *record)
{
  PlacementsClient *self = PLACEMENTS_CLIENT (record);

  return placements_sort_key_for_name (placements_client_get_family_name (self),
                                       placements_client_get_given_name (self));
}

static char *
placements_client_dup_display_name (PlacementsRecord *record,
                                    PlacementsStore  *store)
{
  PlacementsClient *self = PLACEMENTS_CLIENT (record);

  return placements_record_format_person_name (placements_client_get_family_name (self),
                                               placements_client_get_given_name (self));
}

static void
placements_client_class_init (PlacementsClientClass *klass)
{
  PlacementsRecordClass *record_class = PLACEMENTS_RECORD_CLASS (klass);

  record_class->dup_display_name = placements_client_dup_display_name;
  record_class->validate = placements_client_validate;
  record_class->dup_sort_key = placements_client_dup_sort_key;

  placements_record_class_set_table (record_class, "client", "client",
                                     N_("Client"));
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
  placements_record_class_add_field (record_class, PROP_DATE_OF_BIRTH,
                                     g_param_spec_string ("date-of-birth", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Date of birth"),
                                     PLACEMENTS_FIELD_DATE |
                                     PLACEMENTS_FIELD_SORTABLE |
                                     PLACEMENTS_FIELD_IDENTIFYING,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_CARE_ORGANISATION_UUID,
                                     g_param_spec_string ("care-organisation-uuid",
                                                          NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Care organisation"),
                                     PLACEMENTS_FIELD_SORTABLE,
                                     PLACEMENTS_TYPE_ORGANISATION);
  placements_record_class_add_field (record_class, PROP_TARGET_GROUP,
                                     g_param_spec_enum ("target-group", NULL, NULL,
                                       PLACEMENTS_TYPE_TARGET_GROUP, PLACEMENTS_TARGET_GROUP_NONE,
                                       PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Target group"),
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_FUNDING_ROUTE,
                                     g_param_spec_enum ("funding-route", NULL, NULL,
                                       PLACEMENTS_TYPE_FUNDING_ROUTE,
                                       PLACEMENTS_FUNDING_ROUTE_NONE,
                                       PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Funding route"),
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_NATIONAL_ID,
                                     g_param_spec_string ("national-id", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("National id number"),
                                     PLACEMENTS_FIELD_NEVER_EXPORTED |
                                     PLACEMENTS_FIELD_IDENTIFYING,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_INCOME_SITUATION,
                                     g_param_spec_enum ("income-situation", NULL, NULL,
                                       PLACEMENTS_TYPE_INCOME_SITUATION,
                                       PLACEMENTS_INCOME_SITUATION_NONE,
                                       PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Income situation"),
                                     PLACEMENTS_FIELD_NONE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_RIGHT_TO_RETURN,
                                     g_param_spec_boolean ("right-to-return", NULL, NULL, FALSE,
                                          PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Right to return"),
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_RIGHT_TO_RETURN_UNTIL,
                                     g_param_spec_string ("right-to-return-until",
                                                          NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Right to return until"),
                                     PLACEMENTS_FIELD_DATE |
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_SUPPORT_QUESTION,
                                     g_param_spec_string ("support-question", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Support question"),
                                     PLACEMENTS_FIELD_NONE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_GOALS,
                                     g_param_spec_string ("goals", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Goals"),
                                     PLACEMENTS_FIELD_NONE,
                                     G_TYPE_INVALID);
  /* What the ranking of workplaces puts first for the client (placements-workplace-fit.c). */
  placements_record_class_add_field (record_class, PROP_NEEDS_LOW_STIMULUS,
                                     g_param_spec_boolean ("needs-low-stimulus", NULL, NULL,
                                                           FALSE,
                                          PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Needs a low-stimulus workplace"),
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_set_list_sql (record_class,
                                        NULL,
                                        "client.sort_key",
                                        "client.id IN (SELECT rowid FROM client_search "
                                        "WHERE client_search MATCH ?)");
}

static void
placements_client_init (PlacementsClient *self)
{
}

PlacementsClient *
placements_client_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_CLIENT, NULL);
}

const char *
placements_client_get_given_name (PlacementsClient *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_CLIENT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_GIVEN_NAME);
}

void
placements_client_set_given_name (PlacementsClient *self,
                                  const char       *given_name)
{
  g_return_if_fail (PLACEMENTS_IS_CLIENT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_GIVEN_NAME,
                                given_name);
}

const char *
placements_client_get_family_name (PlacementsClient *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_CLIENT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_FAMILY_NAME);
}

void
placements_client_set_family_name (PlacementsClient *self,
                                   const char       *family_name)
{
  g_return_if_fail (PLACEMENTS_IS_CLIENT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_FAMILY_NAME,
                                family_name);
}

const char *
placements_client_get_date_of_birth (PlacementsClient *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_CLIENT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_DATE_OF_BIRTH);
}

void
placements_client_set_date_of_birth (PlacementsClient *self,
                                     const char       *date_of_birth)
{
  g_return_if_fail (PLACEMENTS_IS_CLIENT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_DATE_OF_BIRTH,
                                date_of_birth);
}

const char *
placements_client_get_care_organisation_uuid (PlacementsClient *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_CLIENT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_CARE_ORGANISATION_UUID);
}

void
placements_client_set_care_organisation_uuid (PlacementsClient *self,
                                              const char       *care_organisation_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_CLIENT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_CARE_ORGANISATION_UUID,
                                care_organisation_uuid);
}

PlacementsTargetGroup
placements_client_get_target_group (PlacementsClient *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_CLIENT (self), 0);
  return (PlacementsTargetGroup) placements_record_get_enum (PLACEMENTS_RECORD (self),
                                                             PROP_TARGET_GROUP);
}

void
placements_client_set_target_group (PlacementsClient      *self,
                                    PlacementsTargetGroup  target_group)
{
  g_return_if_fail (PLACEMENTS_IS_CLIENT (self));
  placements_record_set_enum (PLACEMENTS_RECORD (self),
                              PROP_TARGET_GROUP,
                              target_group);
}

PlacementsFundingRoute
placements_client_get_funding_route (PlacementsClient *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_CLIENT (self), 0);
  return (PlacementsFundingRoute) placements_record_get_enum (PLACEMENTS_RECORD (self),
                                                              PROP_FUNDING_ROUTE);
}

void
placements_client_set_funding_route (PlacementsClient       *self,
                                     PlacementsFundingRoute  funding_route)
{
  g_return_if_fail (PLACEMENTS_IS_CLIENT (self));
  placements_record_set_enum (PLACEMENTS_RECORD (self),
                              PROP_FUNDING_ROUTE,
                              funding_route);
}

const char *
placements_client_get_national_id (PlacementsClient *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_CLIENT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_NATIONAL_ID);
}

void
placements_client_set_national_id (PlacementsClient *self,
                                   const char       *national_id)
{
  g_return_if_fail (PLACEMENTS_IS_CLIENT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_NATIONAL_ID,
                                national_id);
}

PlacementsIncomeSituation
placements_client_get_income_situation (PlacementsClient *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_CLIENT (self), 0);
  return (PlacementsIncomeSituation) placements_record_get_enum (PLACEMENTS_RECORD (self),
                                                                 PROP_INCOME_SITUATION);
}

void
placements_client_set_income_situation (PlacementsClient          *self,
                                        PlacementsIncomeSituation  income_situation)
{
  g_return_if_fail (PLACEMENTS_IS_CLIENT (self));
  placements_record_set_enum (PLACEMENTS_RECORD (self),
                              PROP_INCOME_SITUATION,
                              income_situation);
}

gboolean
placements_client_get_right_to_return (PlacementsClient *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_CLIENT (self), FALSE);
  return placements_record_get_boolean (PLACEMENTS_RECORD (self), PROP_RIGHT_TO_RETURN);
}

void
placements_client_set_right_to_return (PlacementsClient *self,
                                       gboolean          right_to_return)
{
  g_return_if_fail (PLACEMENTS_IS_CLIENT (self));
  placements_record_set_boolean (PLACEMENTS_RECORD (self),
                                 PROP_RIGHT_TO_RETURN,
                                 right_to_return);
}

const char *
placements_client_get_right_to_return_until (PlacementsClient *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_CLIENT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_RIGHT_TO_RETURN_UNTIL);
}

void
placements_client_set_right_to_return_until (PlacementsClient *self,
                                             const char       *right_to_return_until)
{
  g_return_if_fail (PLACEMENTS_IS_CLIENT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_RIGHT_TO_RETURN_UNTIL,
                                right_to_return_until);
}

const char *
placements_client_get_support_question (PlacementsClient *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_CLIENT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_SUPPORT_QUESTION);
}

void
placements_client_set_support_question (PlacementsClient *self,
                                        const char       *support_question)
{
  g_return_if_fail (PLACEMENTS_IS_CLIENT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_SUPPORT_QUESTION,
                                support_question);
}

const char *
placements_client_get_goals (PlacementsClient *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_CLIENT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_GOALS);
}

void
placements_client_set_goals (PlacementsClient *self,
                             const char       *goals)
{
  g_return_if_fail (PLACEMENTS_IS_CLIENT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_GOALS,
                                goals);
}

gboolean
placements_client_get_needs_low_stimulus (PlacementsClient *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_CLIENT (self), FALSE);
  return placements_record_get_boolean (PLACEMENTS_RECORD (self), PROP_NEEDS_LOW_STIMULUS);
}

void
placements_client_set_needs_low_stimulus (PlacementsClient *self,
                                          gboolean          needs_low_stimulus)
{
  g_return_if_fail (PLACEMENTS_IS_CLIENT (self));
  placements_record_set_boolean (PLACEMENTS_RECORD (self),
                                 PROP_NEEDS_LOW_STIMULUS,
                                 needs_low_stimulus);
}
