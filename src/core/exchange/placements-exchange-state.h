#pragma once

#include "placements-exchange-reader.h"
#include "placements-record.h"
#include "placements-store.h"

G_BEGIN_DECLS

/*
 * What this database remembers of its exchange with partner organisations: which
 * organisation it is, the field values last exchanged per record and partner (the
 * base for telling an update from a conflict), and the messages sent and received.
 * Schema version 2 (migrations/0002-exchange.sql; the base table re-keyed in 0003).
 * Writes join the store's open transaction when there is one.
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

/*
 * A base comes in two forms. What was received is kept as text (a{ss}), so that a
 * conflict can show it. What was sent is kept as a digest: per field a 64-bit hash
 * of name and text form, which answers "is this field still what was sent?" at an
 * eighth of the size; an export writes one for every record it sends, and the text
 * would be a copy of the whole file in the database (docs/exchange-format.md).
 */
typedef struct _PlacementsExchangeBase PlacementsExchangeBase;

/* The base of @record_uuid (a record of @kind) with @partner_uuid, or NULL when
 * never exchanged (or unreadable). The kind is part of the table's key. */
PlacementsExchangeBase *
            placements_exchange_dup_base             (PlacementsStore   *store,
                                                      const char        *record_uuid,
                                                      const char        *partner_uuid,
                                                      const char        *kind);
/* TRUE when the base's field @name held @text ("" for an empty field). FALSE when
 * it held something else, or when a digest of an older field list cannot tell an
 * empty field: the caller then sees a change, never a false match. */
gboolean    placements_exchange_base_has             (PlacementsExchangeBase *base,
                                                      const char             *name,
                                                      const char             *text);
/* The text of field @name ("" when empty), or NULL when the base is a digest. */
const char *placements_exchange_base_get_text        (PlacementsExchangeBase *base,
                                                      const char             *name);
/* TRUE when @base is the text form and equals @fields (a{ss}). */
gboolean    placements_exchange_base_equal_fields    (PlacementsExchangeBase *base,
                                                      GVariant               *fields);
void        placements_exchange_base_free            (PlacementsExchangeBase *base);

/* Sets the base to the text form @fields (a{ss}, as placements_exchange_record_fields()). */
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

/* Builds the digest of one record after another of one kind, without allocating. */
typedef struct _PlacementsBaseDigest PlacementsBaseDigest;

PlacementsBaseDigest *
            placements_base_digest_new               (GType              type);
void        placements_base_digest_reset             (PlacementsBaseDigest *digest);
/* Adds a non-empty field; @index counts the kind's fields in declaration order,
 * leaving out NEVER_EXPORTED ones, and must grow from one call to the next. */
void        placements_base_digest_add               (PlacementsBaseDigest *digest,
                                                      guint                 index,
                                                      const char           *name,
                                                      const char           *text);
void        placements_base_digest_free              (PlacementsBaseDigest *digest);
/* Sets the base to @digest, with @exchanged as its time (one per transaction). An
 * unchanged base is left as it is, time included: an export that sends the same
 * records again then dirties no page of the table for them. */
gboolean    placements_exchange_set_base_digest      (PlacementsStore      *store,
                                                      const char           *record_uuid,
                                                      const char           *partner_uuid,
                                                      const char           *kind,
                                                      PlacementsBaseDigest *digest,
                                                      const char           *exchanged,
                                                      GError              **error);

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
/*
 * What a message says, as a hex SHA-256 over its header and the text form of every
 * record (or result): the same for the same message however it was written out (the
 * whitespace, the attribute quotes), different when anything in it differs.
 */
char       *placements_exchange_message_digest       (PlacementsExchangeMessage *message);
gboolean    placements_exchange_set_message_digest   (PlacementsStore   *store,
                                                      const char        *message_id,
                                                      const char        *digest,
                                                      GError           **error);
/* The digest a received message was logged with, or NULL (unknown, or logged
 * before digests were kept). */
char       *placements_exchange_dup_message_digest   (PlacementsStore   *store,
                                                      const char        *message_id);
/* The exchange log's newest row, as a mark; and the id of the first message received
 * after such a mark, or NULL. */
gint64      placements_exchange_get_log_mark         (PlacementsStore   *store);
char       *placements_exchange_dup_received_since   (PlacementsStore   *store,
                                                      gint64             mark);
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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlacementsExchangeBase, placements_exchange_base_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlacementsBaseDigest, placements_base_digest_free)

G_END_DECLS
