#define G_LOG_DOMAIN "placements-buddy-pairing"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-buddy-pairing.h"
#include "placements-buddy.h"
#include "placements-client.h"
#include "placements-enum-types.h"
#include "placements-error.h"
#include "placements-validate.h"

struct _PlacementsBuddyPairing
{
  PlacementsRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlacementsBuddyPairing, placements_buddy_pairing, PLACEMENTS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_BUDDY_UUID,
  PROP_CLIENT_UUID,
  PROP_START_DATE,
  PROP_END_DATE,
  N_PROPS
};

static gboolean
placements_buddy_pairing_validate (PlacementsRecord  *record,
                                   GError           **error)
{
  if (!PLACEMENTS_RECORD_CLASS (placements_buddy_pairing_parent_class)->validate (record, error))
    return FALSE;

  return placements_record_check_date_order (record, PROP_START_DATE, PROP_END_DATE, error);
}

static void
placements_buddy_pairing_class_init (PlacementsBuddyPairingClass *klass)
{
  PlacementsRecordClass *record_class = PLACEMENTS_RECORD_CLASS (klass);

  record_class->validate = placements_buddy_pairing_validate;

  placements_record_class_set_table (record_class, "buddy-pairing", "buddy_pairing",
                                     N_("Buddy pairing"));
  placements_record_class_add_field (record_class, PROP_BUDDY_UUID,
                                     g_param_spec_string ("buddy-uuid", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Buddy"),
                                     PLACEMENTS_FIELD_REQUIRED,
                                     PLACEMENTS_TYPE_BUDDY);
  placements_record_class_add_field (record_class, PROP_CLIENT_UUID,
                                     g_param_spec_string ("client-uuid", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Client"),
                                     PLACEMENTS_FIELD_REQUIRED,
                                     PLACEMENTS_TYPE_CLIENT);
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
  placements_record_class_set_list_sql (record_class,
                                        NULL,
                                        "buddy_pairing.start_date",
                                        NULL);
}

static void
placements_buddy_pairing_init (PlacementsBuddyPairing *self)
{
}

PlacementsBuddyPairing *
placements_buddy_pairing_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_BUDDY_PAIRING, NULL);
}

const char *
placements_buddy_pairing_get_buddy_uuid (PlacementsBuddyPairing *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_BUDDY_PAIRING (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_BUDDY_UUID);
}

void
placements_buddy_pairing_set_buddy_uuid (PlacementsBuddyPairing *self,
                                         const char             *buddy_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_BUDDY_PAIRING (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_BUDDY_UUID,
                                buddy_uuid);
}

const char *
placements_buddy_pairing_get_client_uuid (PlacementsBuddyPairing *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_BUDDY_PAIRING (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_CLIENT_UUID);
}

void
placements_buddy_pairing_set_client_uuid (PlacementsBuddyPairing *self,
                                          const char             *client_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_BUDDY_PAIRING (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_CLIENT_UUID,
                                client_uuid);
}

const char *
placements_buddy_pairing_get_start_date (PlacementsBuddyPairing *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_BUDDY_PAIRING (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_START_DATE);
}

void
placements_buddy_pairing_set_start_date (PlacementsBuddyPairing *self,
                                         const char             *start_date)
{
  g_return_if_fail (PLACEMENTS_IS_BUDDY_PAIRING (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_START_DATE,
                                start_date);
}

const char *
placements_buddy_pairing_get_end_date (PlacementsBuddyPairing *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_BUDDY_PAIRING (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_END_DATE);
}

void
placements_buddy_pairing_set_end_date (PlacementsBuddyPairing *self,
                                       const char             *end_date)
{
  g_return_if_fail (PLACEMENTS_IS_BUDDY_PAIRING (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_END_DATE,
                                end_date);
}
