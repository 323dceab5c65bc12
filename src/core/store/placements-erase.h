#pragma once

#include <gio/gio.h>

#include "placements-store.h"

G_BEGIN_DECLS

/*
 * Erasure (GDPR art. 17): a client and everything about them leave the database
 * file, not only its lists.
 */

/* Years after the end of care a client's record is kept, unless a setting says. */
#define PLACEMENTS_RETENTION_DEFAULT_YEARS 2

/*
 * Erases the client @client_uuid with their placements, notes, consents, ladder
 * steps, attendance, allocations and buddy pairings, the exchange bases and
 * acknowledgement results of all of them, and their words in the full-text index.
 * Deleted content is overwritten (secure_delete, and every free page zeroed), and
 * the write-ahead log is checkpointed and truncated, so that the client's name is in
 * neither file's bytes. The log keeps one entry with the client's UUID, a pseudonym
 * once the record is gone. @n_records: how many records went. @file_clean is FALSE
 * when another connection kept the log from being truncated (its old pages go once
 * that connection closes).
 */
gboolean   placements_erase_client          (PlacementsStore  *store,
                                             const char       *client_uuid,
                                             guint            *n_records,
                                             gboolean         *file_clean,
                                             GError          **error);

/* A client whose care ended: the UUID and the last end date of their placements. */
typedef struct
{
  char *client_uuid;
  char *ended;
} PlacementsRetentionDue;

void       placements_retention_due_free    (PlacementsRetentionDue *due);

/*
 * The clients whose placements all ended more than @years before @today (NULL: the
 * date today), oldest end first: the ones to propose for erasure.
 */
GPtrArray *placements_retention_list_due    (PlacementsStore  *store,
                                             guint             years,
                                             const char       *today,
                                             GError          **error);

G_END_DECLS
