#pragma once

#include "placements-record.h"
#include "placements-store.h"

G_BEGIN_DECLS

/*
 * What this database remembers of its exchange with partner organisations: which
 * organisation it is, the field values last exchanged per record and partner (the
 * base for telling an update from a conflict), and the messages sent and received.
 * Schema version 2 (migrations/0002-exchange.sql). Writes join the store's open
 * transaction when there is one.
 */

typedef enum
{
  PLACEMENTS_MESSAGE_SENT,
  PLACEMENTS_MESSAGE_RECEIVED,
} PlacementsMessageDirection;

/* The organisation that runs this database (the sender of its files), or NULL. */
char       *placements_exchange_dup_own_organisation (PlacementsStore   *store);
gboolean    placements_exchange_set_own_organisation (PlacementsStore   *store,
                                                      const char        *organisation_uuid,
                                                      GError           **error);

/* The organisation with this UUID or exchange id, or NULL with NOT_FOUND. */
gpointer    placements_exchange_find_organisation    (PlacementsStore   *store,
                                                      const char        *uuid_or_exchange_id,
                                                      GError           **error);

/* The fields of @record that may travel, as field name → text form (GVariant
 * a{ss}, floating). Fields marked NEVER_EXPORTED and empty fields are left out. */
GVariant   *placements_exchange_record_fields        (PlacementsRecord  *record);

/* The base of @record_uuid with @partner_uuid: a{ss}, or NULL when never exchanged. */
GVariant   *placements_exchange_dup_base             (PlacementsStore   *store,
                                                      const char        *record_uuid,
                                                      const char        *partner_uuid);
gboolean    placements_exchange_set_base             (PlacementsStore   *store,
                                                      const char        *record_uuid,
                                                      const char        *partner_uuid,
                                                      const char        *kind,
                                                      GVariant          *fields,
                                                      GError           **error);
/* Like placements_exchange_set_base(), with the time of the exchange given
 * (YYYY-MM-DDTHH:MM:SSZ): a message writes the base of each of its records with one
 * time, and need not read the clock for each. */
gboolean    placements_exchange_set_base_at          (PlacementsStore   *store,
                                                      const char        *record_uuid,
                                                      const char        *partner_uuid,
                                                      const char        *kind,
                                                      GVariant          *fields,
                                                      const char        *exchanged,
                                                      GError           **error);

gboolean    placements_exchange_log_message          (PlacementsStore            *store,
                                                      const char                 *message_id,
                                                      PlacementsMessageDirection  direction,
                                                      const char                 *kind,
                                                      const char                 *partner_uuid,
                                                      const char                 *created,
                                                      const char                 *in_reply_to,
                                                      guint                       n_records,
                                                      GError                    **error);
/* TRUE when a message with @message_id was already sent or received. */
gboolean    placements_exchange_has_message          (PlacementsStore   *store,
                                                      const char        *message_id);
/* Marks a sent message as answered by an acknowledgement, keeping its results. */
gboolean    placements_exchange_mark_answered        (PlacementsStore   *store,
                                                      const char        *message_id,
                                                      const char        *answered,
                                                      GError           **error);
gboolean    placements_exchange_add_result           (PlacementsStore   *store,
                                                      const char        *message_id,
                                                      const char        *record_uuid,
                                                      const char        *kind,
                                                      const char        *code,
                                                      const char        *rule,
                                                      const char        *message,
                                                      GError           **error);

G_END_DECLS
