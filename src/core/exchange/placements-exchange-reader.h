#pragma once

#include <gio/gio.h>

#include "placements-record.h"
#include "placements-store.h"

G_BEGIN_DECLS

/*
 * Reads an exchange file (format v1, resources/placements-exchange-1.xsd) that came
 * from outside. The file is streamed with a size cap through checks of its bytes
 * (placements-exchange-input.h) into an xmlTextReader validating against the schema;
 * no DTD, no entities, no network, no XInclude, no decompression. Anything wrong is a PLACEMENTS_ERROR_REFUSED_FILE
 * whose translated message names the file, the line and the rule, e.g.
 * "referral.xml: line 12: … (rule: reference-resolves)".
 */

/*
 * The largest file read unless the caller says otherwise. The file is streamed, not
 * held whole, so the cap bounds time, and the records it can hold (see below). A whole
 * data set of 100,000 clients, every one consenting to the receiver, is about
 * 310 MB (765,000 records); 1 GiB leaves that three times over, while a hostile
 * file still cannot make us read more than a bounded amount.
 */
#define PLACEMENTS_EXCHANGE_MAX_SIZE ((gsize) 1024 * 1024 * 1024)
/* Deeper elements than this are refused; the format needs four levels. */
#define PLACEMENTS_EXCHANGE_MAX_DEPTH 8
/* More records than this are refused: each costs memory until the import is done.
 * The demo's records average some 420 bytes, so a file at the size cap holds about
 * 2.5 million; 2,000,000 is 2.6 times the 765,000 of 100,000 clients, and keeps a
 * file of many tiny records from costing far more memory than its size says. */
#define PLACEMENTS_EXCHANGE_MAX_RECORDS 2000000

/* One record of a message, built from its elements. */
typedef struct
{
  PlacementsRecord *record;
  /* The line of its element, for messages. */
  guint             line;
} PlacementsExchangeItem;

/* One result of an acknowledgement. */
typedef struct
{
  char  *record_uuid;
  char  *kind;
  char  *code;
  char  *rule;
  char  *message;
  guint  line;
} PlacementsExchangeResult;

typedef struct
{
  /* The header. */
  char      *kind;
  char      *format_version;
  char      *message_id;
  char      *sender;
  char      *receiver;
  char      *created;
  char      *in_reply_to;
  /* The lines of the header's elements, for messages. */
  guint      kind_line;
  guint      message_id_line;
  guint      sender_line;
  guint      receiver_line;
  guint      in_reply_to_line;
  /* The name used in messages (the file's base name). */
  char      *display_name;

  /* PlacementsExchangeItem: the records of a referral or an update, in file order. */
  GPtrArray *items;
  /* PlacementsExchangeResult: the results of an acknowledgement. */
  GPtrArray *results;

  /* Why a record of a well-formed, valid file could not be built (field-valid,
   * record-valid), or NULL. Then @items holds the records before it as built and
   * the others bare (kind and UUID), enough to answer each; the message is not to be
   * imported, and placements_exchange_check_rules() refuses it first of all. */
  GError     *refusal;
  const char *refusal_rule;
  int         refusal_item;
} PlacementsExchangeMessage;

void placements_exchange_message_free (PlacementsExchangeMessage *message);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlacementsExchangeMessage, placements_exchange_message_free)

/* Reads at most @max_size bytes of @path (0: PLACEMENTS_EXCHANGE_MAX_SIZE) and parses
 * them with placements_exchange_parse(). */
PlacementsExchangeMessage *placements_exchange_read  (const char    *path,
                                                      gsize          max_size,
                                                      GCancellable  *cancellable,
                                                      GError       **error);
/* Parses and validates @data against the schema, then builds and validates the
 * records. Checks no rule that needs more than the file: see
 * placements_exchange_check_rules() (placements-exchange-rules.h). A record that
 * cannot be built does not make it return NULL: see PlacementsExchangeMessage.refusal. */
PlacementsExchangeMessage *placements_exchange_parse (const char    *data,
                                                      gsize          length,
                                                      const char    *display_name,
                                                      GError       **error);

/* Sets @error to a refusal of @display_name at @line under @rule, in the one shape every
 * refusal has ("FILE: line N: what is wrong (rule: NAME)"). For the rules too. */
void placements_exchange_refuse_valist (GError     **error,
                                        const char  *display_name,
                                        guint        line,
                                        const char  *rule,
                                        const char  *format,
                                        va_list      args) G_GNUC_PRINTF (5, 0);

G_END_DECLS

/* Most callers read a file and then judge it; the rules are declared beside. */
#include "placements-exchange-rules.h"
