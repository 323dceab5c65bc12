#pragma once

#include <glib.h>

#include "placements-exchange-reader.h"

G_BEGIN_DECLS

/*
 * Builds an acknowledgement message (format v1) answering @in_reply_to: one result
 * (PlacementsExchangeResult) a record. The caller writes it (a private file) and logs
 * it, in an order a kill cannot split (see placements_import_write_acknowledgement()).
 * @message_id and @created (when not NULL) are the new message's id and time.
 */
GBytes *placements_acknowledgement_build (const char  *sender,
                                          const char  *receiver,
                                          const char  *in_reply_to,
                                          GPtrArray   *results,
                                          char       **message_id,
                                          char       **created,
                                          GError     **error);

G_END_DECLS
