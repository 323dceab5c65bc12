#define G_LOG_DOMAIN "placements-audit-event"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-audit-event.h"
#include "placements-enum-types.h"
#include "placements-error.h"
#include "placements-validate.h"

struct _PlacementsAuditEvent
{
  PlacementsRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlacementsAuditEvent, placements_audit_event, PLACEMENTS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_AT,
  PROP_OS_USER,
  PROP_ACTION,
  PROP_RECORD_KIND,
  PROP_RECORD_UUIDS,
  PROP_DETAIL,
  PROP_PROGRAM,
  PROP_CLIENT_UUID,
  N_PROPS
};

static gboolean
placements_audit_event_validate (PlacementsRecord  *record,
                                 GError           **error)
{
  if (!PLACEMENTS_RECORD_CLASS (placements_audit_event_parent_class)->validate (record, error))
    return FALSE;

  return TRUE;
}

static void
placements_audit_event_class_init (PlacementsAuditEventClass *klass)
{
  PlacementsRecordClass *record_class = PLACEMENTS_RECORD_CLASS (klass);

  record_class->validate = placements_audit_event_validate;

  placements_record_class_set_table (record_class, "audit-event", "audit_event",
                                     N_("Audit event"));
  placements_record_class_add_field (record_class, PROP_AT,
                                     g_param_spec_string ("at", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Time"),
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_OS_USER,
                                     g_param_spec_string ("os-user", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("User"),
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SORTABLE |
                                     PLACEMENTS_FIELD_SEARCHABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_ACTION,
                                     g_param_spec_enum ("action", NULL, NULL,
                                       PLACEMENTS_TYPE_AUDIT_ACTION,
                                       PLACEMENTS_AUDIT_ACTION_EXPORT,
                                       PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Action"),
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_RECORD_KIND,
                                     g_param_spec_string ("record-kind", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Record kind"),
                                     PLACEMENTS_FIELD_NONE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_RECORD_UUIDS,
                                     g_param_spec_string ("record-uuids", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Records"),
                                     PLACEMENTS_FIELD_SEARCHABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_DETAIL,
                                     g_param_spec_string ("detail", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Detail"),
                                     PLACEMENTS_FIELD_SEARCHABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_PROGRAM,
                                     g_param_spec_string ("program", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Program"),
                                     PLACEMENTS_FIELD_NONE,
                                     G_TYPE_INVALID);
  /* Not a reference: the entry outlives the client, whose UUID is then a pseudonym. */
  placements_record_class_add_field (record_class, PROP_CLIENT_UUID,
                                     g_param_spec_string ("client-uuid", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Client"),
                                     PLACEMENTS_FIELD_NONE,
                                     G_TYPE_INVALID);
  placements_record_class_set_list_sql (record_class,
                                        NULL,
                                        "audit_event.at DESC",
                                        NULL);
}

static void
placements_audit_event_init (PlacementsAuditEvent *self)
{
}

PlacementsAuditEvent *
placements_audit_event_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_AUDIT_EVENT, NULL);
}

const char *
placements_audit_event_get_at (PlacementsAuditEvent *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_AUDIT_EVENT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_AT);
}

void
placements_audit_event_set_at (PlacementsAuditEvent *self,
                               const char           *at)
{
  g_return_if_fail (PLACEMENTS_IS_AUDIT_EVENT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_AT,
                                at);
}

const char *
placements_audit_event_get_os_user (PlacementsAuditEvent *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_AUDIT_EVENT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_OS_USER);
}

void
placements_audit_event_set_os_user (PlacementsAuditEvent *self,
                                    const char           *os_user)
{
  g_return_if_fail (PLACEMENTS_IS_AUDIT_EVENT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_OS_USER,
                                os_user);
}

PlacementsAuditAction
placements_audit_event_get_action (PlacementsAuditEvent *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_AUDIT_EVENT (self), 0);
  return (PlacementsAuditAction) placements_record_get_enum (PLACEMENTS_RECORD (self),
                                                             PROP_ACTION);
}

void
placements_audit_event_set_action (PlacementsAuditEvent  *self,
                                   PlacementsAuditAction  action)
{
  g_return_if_fail (PLACEMENTS_IS_AUDIT_EVENT (self));
  placements_record_set_enum (PLACEMENTS_RECORD (self),
                              PROP_ACTION,
                              action);
}

const char *
placements_audit_event_get_record_kind (PlacementsAuditEvent *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_AUDIT_EVENT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_RECORD_KIND);
}

void
placements_audit_event_set_record_kind (PlacementsAuditEvent *self,
                                        const char           *record_kind)
{
  g_return_if_fail (PLACEMENTS_IS_AUDIT_EVENT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_RECORD_KIND,
                                record_kind);
}

const char *
placements_audit_event_get_record_uuids (PlacementsAuditEvent *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_AUDIT_EVENT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_RECORD_UUIDS);
}

void
placements_audit_event_set_record_uuids (PlacementsAuditEvent *self,
                                         const char           *record_uuids)
{
  g_return_if_fail (PLACEMENTS_IS_AUDIT_EVENT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_RECORD_UUIDS,
                                record_uuids);
}

const char *
placements_audit_event_get_detail (PlacementsAuditEvent *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_AUDIT_EVENT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_DETAIL);
}

void
placements_audit_event_set_detail (PlacementsAuditEvent *self,
                                   const char           *detail)
{
  g_return_if_fail (PLACEMENTS_IS_AUDIT_EVENT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_DETAIL,
                                detail);
}

const char *
placements_audit_event_get_program (PlacementsAuditEvent *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_AUDIT_EVENT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_PROGRAM);
}

void
placements_audit_event_set_program (PlacementsAuditEvent *self,
                                    const char           *program)
{
  g_return_if_fail (PLACEMENTS_IS_AUDIT_EVENT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self), PROP_PROGRAM, program);
}

const char *
placements_audit_event_get_client_uuid (PlacementsAuditEvent *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_AUDIT_EVENT (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_CLIENT_UUID);
}

void
placements_audit_event_set_client_uuid (PlacementsAuditEvent *self,
                                        const char           *client_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_AUDIT_EVENT (self));
  placements_record_set_string (PLACEMENTS_RECORD (self), PROP_CLIENT_UUID, client_uuid);
}
