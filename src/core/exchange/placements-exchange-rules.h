#pragma once

#include "placements-exchange-reader.h"
#include "placements-store.h"

G_BEGIN_DECLS

/*
 * Judging a message the reader has read: the rules across records, and (with a
 * store) the rules that need the database. The reader only reads; the rules are given
 * what they need once: the own organisation, the sender and the file's consents are
 * looked up before the first rule runs, not by each rule again.
 *
 * The rules, in the order they are checked:
 * - unique-uuid: no UUID twice in one file;
 * - unique-exchange-id: no exchange id twice among the file's organisations;
 * - reference-resolves: each reference names a record of the right kind in the
 *   file, or (with @store) in the database;
 * - with @store only: addressed-to-us (the receiver is the own organisation's
 *   exchange id), unique-exchange-id (no organisation of the file has the exchange id
 *   of another one in the database), known-sender (the sender is an organisation in
 *   the database or in the file), reply-to-sent (an acknowledgement answers a message
 *   this database sent), consent-for-receiver (each client comes with a consent for
 *   the own organisation, in the file or the database, given and neither withdrawn
 *   nor expired on the day the message was created) and consent-categories (what
 *   those consents grant, field by field).
 */

/* Who a message is between, as the rules found it. */
typedef struct
{
  /* The own organisation's UUID and exchange id. */
  char *own_uuid;
  char *own_exchange_id;
  /* The sender's organisation UUID (in the database, or introduced by the file). */
  char *sender_uuid;
} PlacementsExchangeParties;

void placements_exchange_parties_clear (PlacementsExchangeParties *parties);

/* Checks the rules. With @store and on success, @parties (when not NULL) is filled
 * in; clear it with placements_exchange_parties_clear(). On failure, @failed_item
 * (when not NULL) is the index of the record that broke a rule, or -1, and
 * @failed_rule its name, for the acknowledgement. */
gboolean placements_exchange_judge       (PlacementsExchangeMessage  *message,
                                          PlacementsStore            *store,
                                          PlacementsExchangeParties  *parties,
                                          int                        *failed_item,
                                          const char                **failed_rule,
                                          GError                    **error);

/* placements_exchange_judge() with only the sender's UUID asked for: on success,
 * @partner_uuid (with @store) is the sender organisation's UUID. */
gboolean placements_exchange_check_rules (PlacementsExchangeMessage  *message,
                                          PlacementsStore            *store,
                                          char                      **partner_uuid,
                                          int                        *failed_item,
                                          const char                **failed_rule,
                                          GError                    **error);

G_END_DECLS
