#pragma once

#include "placements-enums.h"
#include "placements-record.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_AUDIT_EVENT (placements_audit_event_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsAuditEvent, placements_audit_event, PLACEMENTS, AUDIT_EVENT,
                      PlacementsRecord)

PlacementsAuditEvent *placements_audit_event_new (void);

const char *placements_audit_event_get_at (PlacementsAuditEvent *self);
void        placements_audit_event_set_at (PlacementsAuditEvent *self,
                                           const char           *at);
const char *placements_audit_event_get_os_user (PlacementsAuditEvent *self);
void        placements_audit_event_set_os_user (PlacementsAuditEvent *self,
                                                const char           *os_user);
PlacementsAuditAction placements_audit_event_get_action (PlacementsAuditEvent *self);
void                  placements_audit_event_set_action (PlacementsAuditEvent  *self,
                                                         PlacementsAuditAction  action);
const char *placements_audit_event_get_record_kind (PlacementsAuditEvent *self);
void        placements_audit_event_set_record_kind (PlacementsAuditEvent *self,
                                                    const char           *record_kind);
const char *placements_audit_event_get_record_uuids (PlacementsAuditEvent *self);
void        placements_audit_event_set_record_uuids (PlacementsAuditEvent *self,
                                                     const char           *record_uuids);
const char *placements_audit_event_get_detail (PlacementsAuditEvent *self);
void        placements_audit_event_set_detail (PlacementsAuditEvent *self,
                                               const char           *detail);
const char *placements_audit_event_get_program (PlacementsAuditEvent *self);
void        placements_audit_event_set_program (PlacementsAuditEvent *self,
                                                const char           *program);
const char *placements_audit_event_get_client_uuid (PlacementsAuditEvent *self);
void        placements_audit_event_set_client_uuid (PlacementsAuditEvent *self,
                                                    const char           *client_uuid);

G_END_DECLS
