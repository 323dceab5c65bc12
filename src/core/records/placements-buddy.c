#define G_LOG_DOMAIN "placements-buddy"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-buddy.h"
#include "placements-enum-types.h"
#include "placements-error.h"
#include "placements-person.h"
#include "placements-validate.h"

struct _PlacementsBuddy
{
  PlacementsRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlacementsBuddy, placements_buddy, PLACEMENTS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PERSON_UUID,
  PROP_DEPARTMENT,
  PROP_TRAINING_DATE,
  PROP_MAX_CLIENTS,
  PROP_NOTES,
  N_PROPS
};

static gboolean
placements_buddy_validate (PlacementsRecord  *record,
                           GError           **error)
{
  if (!PLACEMENTS_RECORD_CLASS (placements_buddy_parent_class)->validate (record, error))
    return FALSE;

  return TRUE;
}

static char *
placements_buddy_dup_display_name (PlacementsRecord *record,
                                   PlacementsStore  *store)
{
  g_autofree char *name = placements_record_dup_reference_name (record, "person-uuid", store);

  /* A buddy is the person who is one. */
  if (*name == '\0')
    return g_strdup (placements_record_class_get_label (PLACEMENTS_RECORD_GET_CLASS (record)));
  return g_steal_pointer (&name);
}

static void
placements_buddy_class_init (PlacementsBuddyClass *klass)
{
  PlacementsRecordClass *record_class = PLACEMENTS_RECORD_CLASS (klass);

  record_class->dup_display_name = placements_buddy_dup_display_name;
  record_class->validate = placements_buddy_validate;

  placements_record_class_set_table (record_class, "buddy", "buddy",
                                     N_("Buddy"));
  placements_record_class_add_field (record_class, PROP_PERSON_UUID,
                                     g_param_spec_string ("person-uuid", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Person"),
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SORTABLE,
                                     PLACEMENTS_TYPE_PERSON);
  placements_record_class_add_field (record_class, PROP_DEPARTMENT,
                                     g_param_spec_string ("department", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Department"),
                                     PLACEMENTS_FIELD_SORTABLE |
                                     PLACEMENTS_FIELD_SEARCHABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_TRAINING_DATE,
                                     g_param_spec_string ("training-date", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Training date"),
                                     PLACEMENTS_FIELD_DATE |
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_MAX_CLIENTS,
                                     g_param_spec_int ("max-clients", NULL, NULL, 0, 20, 1,
                                      PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Maximum number of clients"),
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SORTABLE |
                                     PLACEMENTS_FIELD_ZERO_IS_EMPTY,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_NOTES,
                                     g_param_spec_string ("notes", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Notes"),
                                     PLACEMENTS_FIELD_NONE,
                                     G_TYPE_INVALID);
  placements_record_class_set_list_sql (record_class,
                                        "buddy JOIN person ON person.uuid = buddy.person_uuid",
                                        "person.sort_key",
                                        "person.id IN (SELECT rowid FROM person_search "
                                        "WHERE person_search MATCH ?)");
}

static void
placements_buddy_init (PlacementsBuddy *self)
{
}

PlacementsBuddy *
placements_buddy_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_BUDDY, NULL);
}

const char *
placements_buddy_get_person_uuid (PlacementsBuddy *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_BUDDY (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_PERSON_UUID);
}

void
placements_buddy_set_person_uuid (PlacementsBuddy *self,
                                  const char      *person_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_BUDDY (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_PERSON_UUID,
                                person_uuid);
}

const char *
placements_buddy_get_department (PlacementsBuddy *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_BUDDY (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_DEPARTMENT);
}

void
placements_buddy_set_department (PlacementsBuddy *self,
                                 const char      *department)
{
  g_return_if_fail (PLACEMENTS_IS_BUDDY (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_DEPARTMENT,
                                department);
}

const char *
placements_buddy_get_training_date (PlacementsBuddy *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_BUDDY (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_TRAINING_DATE);
}

void
placements_buddy_set_training_date (PlacementsBuddy *self,
                                    const char      *training_date)
{
  g_return_if_fail (PLACEMENTS_IS_BUDDY (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_TRAINING_DATE,
                                training_date);
}

int
placements_buddy_get_max_clients (PlacementsBuddy *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_BUDDY (self), 0);
  return placements_record_get_int (PLACEMENTS_RECORD (self), PROP_MAX_CLIENTS);
}

void
placements_buddy_set_max_clients (PlacementsBuddy *self,
                                  int              max_clients)
{
  g_return_if_fail (PLACEMENTS_IS_BUDDY (self));
  placements_record_set_int (PLACEMENTS_RECORD (self),
                             PROP_MAX_CLIENTS,
                             max_clients);
}

const char *
placements_buddy_get_notes (PlacementsBuddy *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_BUDDY (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_NOTES);
}

void
placements_buddy_set_notes (PlacementsBuddy *self,
                            const char      *notes)
{
  g_return_if_fail (PLACEMENTS_IS_BUDDY (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_NOTES,
                                notes);
}
