#pragma once

#include <glib.h>

#include "placements-exchange-reader.h"

G_BEGIN_DECLS

/*
 * Writes an acknowledgement message (format v1) answering @in_reply_to: one result
 * (PlacementsExchangeResult) a record. The file is written to a temporary file,
 * synced and renamed over @path, so a reader never sees half of it. On success
 * @message_id (when not NULL) is the new message's id.
 */
gboolean placements_acknowledgement_write (const char  *path,
                                           const char  *sender,
                                           const char  *receiver,
                                           const char  *in_reply_to,
                                           GPtrArray   *results,
                                           char       **message_id,
                                           char       **created,
                                           GError     **error);

G_END_DECLS
