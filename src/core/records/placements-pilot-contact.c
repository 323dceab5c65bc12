#define G_LOG_DOMAIN "placements-pilot-contact"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-enum-types.h"
#include "placements-error.h"
#include "placements-person.h"
#include "placements-pilot-contact.h"
#include "placements-pilot.h"
#include "placements-validate.h"

struct _PlacementsPilotContact
{
  PlacementsRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlacementsPilotContact, placements_pilot_contact, PLACEMENTS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PILOT_UUID,
  PROP_PERSON_UUID,
  N_PROPS
};

static gboolean
placements_pilot_contact_validate (PlacementsRecord  *record,
                                   GError           **error)
{
  if (!PLACEMENTS_RECORD_CLASS (placements_pilot_contact_parent_class)->validate (record, error))
    return FALSE;

  return TRUE;
}

static char *
placements_pilot_contact_dup_display_name (PlacementsRecord *record,
                                           PlacementsStore  *store)
{
  g_autofree char *name = placements_record_dup_reference_name (record, "person-uuid", store);

  /* A contact is the person one calls. */
  if (*name == '\0')
    return g_strdup (placements_record_class_get_label (PLACEMENTS_RECORD_GET_CLASS (record)));
  return g_steal_pointer (&name);
}

static void
placements_pilot_contact_class_init (PlacementsPilotContactClass *klass)
{
  PlacementsRecordClass *record_class = PLACEMENTS_RECORD_CLASS (klass);

  record_class->dup_display_name = placements_pilot_contact_dup_display_name;
  record_class->validate = placements_pilot_contact_validate;

  placements_record_class_set_table (record_class, "pilot-contact", "pilot_contact",
                                     N_("Pilot contact person"));
  placements_record_class_add_field (record_class, PROP_PILOT_UUID,
                                     g_param_spec_string ("pilot-uuid", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Pilot"),
                                     PLACEMENTS_FIELD_REQUIRED,
                                     PLACEMENTS_TYPE_PILOT);
  placements_record_class_add_field (record_class, PROP_PERSON_UUID,
                                     g_param_spec_string ("person-uuid", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Contact person"),
                                     PLACEMENTS_FIELD_REQUIRED,
                                     PLACEMENTS_TYPE_PERSON);
  placements_record_class_set_list_sql (record_class,
                                        NULL,
                                        "pilot_contact.id",
                                        NULL);
}

static void
placements_pilot_contact_init (PlacementsPilotContact *self)
{
}

PlacementsPilotContact *
placements_pilot_contact_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_PILOT_CONTACT, NULL);
}

const char *
placements_pilot_contact_get_pilot_uuid (PlacementsPilotContact *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PILOT_CONTACT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_PILOT_UUID);
}

void
placements_pilot_contact_set_pilot_uuid (PlacementsPilotContact *self,
                                         const char             *pilot_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_PILOT_CONTACT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_PILOT_UUID,
                                pilot_uuid);
}

const char *
placements_pilot_contact_get_person_uuid (PlacementsPilotContact *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PILOT_CONTACT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_PERSON_UUID);
}

void
placements_pilot_contact_set_person_uuid (PlacementsPilotContact *self,
                                          const char             *person_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_PILOT_CONTACT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_PERSON_UUID,
                                person_uuid);
}
