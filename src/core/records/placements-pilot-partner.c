#define G_LOG_DOMAIN "placements-pilot-partner"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-enum-types.h"
#include "placements-error.h"
#include "placements-organisation.h"
#include "placements-pilot-partner.h"
#include "placements-pilot.h"
#include "placements-validate.h"

struct _PlacementsPilotPartner
{
  PlacementsRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlacementsPilotPartner, placements_pilot_partner, PLACEMENTS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PILOT_UUID,
  PROP_ORGANISATION_UUID,
  PROP_ROLE,
  N_PROPS
};

static gboolean
placements_pilot_partner_validate (PlacementsRecord  *record,
                                   GError           **error)
{
  if (!PLACEMENTS_RECORD_CLASS (placements_pilot_partner_parent_class)->validate (record, error))
    return FALSE;

  return TRUE;
}

static char *
placements_pilot_partner_dup_display_name (PlacementsRecord *record,
                                           PlacementsStore  *store)
{
  g_autofree char *name =
    placements_record_dup_reference_name (record, "organisation-uuid", store);

  /* A partner is the organisation taking part. */
  if (*name == '\0')
    return g_strdup (placements_record_class_get_label (PLACEMENTS_RECORD_GET_CLASS (record)));
  return g_steal_pointer (&name);
}

static void
placements_pilot_partner_class_init (PlacementsPilotPartnerClass *klass)
{
  PlacementsRecordClass *record_class = PLACEMENTS_RECORD_CLASS (klass);

  record_class->dup_display_name = placements_pilot_partner_dup_display_name;
  record_class->validate = placements_pilot_partner_validate;

  placements_record_class_set_table (record_class, "pilot-partner", "pilot_partner",
                                     N_("Pilot partner"));
  placements_record_class_add_field (record_class, PROP_PILOT_UUID,
                                     g_param_spec_string ("pilot-uuid", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Pilot"),
                                     PLACEMENTS_FIELD_REQUIRED,
                                     PLACEMENTS_TYPE_PILOT);
  placements_record_class_add_field (record_class, PROP_ORGANISATION_UUID,
                                     g_param_spec_string ("organisation-uuid", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Organisation"),
                                     PLACEMENTS_FIELD_REQUIRED,
                                     PLACEMENTS_TYPE_ORGANISATION);
  /* Free text: pilots name roles their own way ("lead applicant", "host", "funder"). */
  placements_record_class_add_field (record_class, PROP_ROLE,
                                     g_param_spec_string ("role", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Role in the pilot"),
                                     PLACEMENTS_FIELD_NONE,
                                     G_TYPE_INVALID);
  placements_record_class_set_list_sql (record_class,
                                        NULL,
                                        "pilot_partner.id",
                                        NULL);
}

static void
placements_pilot_partner_init (PlacementsPilotPartner *self)
{
}

PlacementsPilotPartner *
placements_pilot_partner_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_PILOT_PARTNER, NULL);
}

const char *
placements_pilot_partner_get_pilot_uuid (PlacementsPilotPartner *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PILOT_PARTNER (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_PILOT_UUID);
}

void
placements_pilot_partner_set_pilot_uuid (PlacementsPilotPartner *self,
                                         const char             *pilot_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_PILOT_PARTNER (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_PILOT_UUID,
                                pilot_uuid);
}

const char *
placements_pilot_partner_get_organisation_uuid (PlacementsPilotPartner *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PILOT_PARTNER (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_ORGANISATION_UUID);
}

void
placements_pilot_partner_set_organisation_uuid (PlacementsPilotPartner *self,
                                                const char             *organisation_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_PILOT_PARTNER (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_ORGANISATION_UUID,
                                organisation_uuid);
}

const char *
placements_pilot_partner_get_role (PlacementsPilotPartner *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PILOT_PARTNER (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_ROLE);
}

void
placements_pilot_partner_set_role (PlacementsPilotPartner *self,
                                   const char             *role)
{
  g_return_if_fail (PLACEMENTS_IS_PILOT_PARTNER (self));
  placements_record_set_string (PLACEMENTS_RECORD (self), PROP_ROLE, role);
}
