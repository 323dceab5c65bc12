#pragma once

#include <gio/gio.h>

#include "placements-enums.h"
#include "placements-store.h"

G_BEGIN_DECLS

/*
 * The access log of NEN 7513: who, when, what, which client, from which program.
 * Append-only (triggers refuse UPDATE and DELETE) and chained: every entry carries
 * the SHA-256 of its own fields and of the hash of the entry before it.
 */

/* Entries older than this many years may be pruned, by an explicit action only. */
#define PLACEMENTS_AUDIT_RETENTION_YEARS 5

typedef struct
{
  gint64  id;
  char   *uuid;
  char   *at;
  char   *os_user;
  char   *program;
  char   *action;
  char   *record_kind;
  char   *record_uuids;
  char   *client_uuid;
  char   *detail;
} PlacementsAuditEntry;

void placements_audit_entry_free (PlacementsAuditEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlacementsAuditEntry, placements_audit_entry_free)

/*
 * The entries in the order they were written; only those about @client_uuid (as the
 * client, or among the records, as an import names them), and only those at or after
 * @since (a date or a timestamp), when given.
 */
GPtrArray *placements_audit_log_list   (PlacementsStore  *store,
                                        const char       *client_uuid,
                                        const char       *since,
                                        GError          **error);

/*
 * What a client's page shows: the newest @max_entries entries about @client_uuid (as
 * placements_audit_log_list() finds them), newest first, without their record_uuids.
 * @n_total: how many entries there are about the client in all.
 */
GPtrArray *placements_audit_log_list_recent (PlacementsStore  *store,
                                             const char       *client_uuid,
                                             guint             max_entries,
                                             guint            *n_total,
                                             GError          **error);

/*
 * Walks the whole chain. Returns FALSE only when the log could not be read. When a
 * link is broken, @broken is set to the first entry whose hash does not follow
 * (NULL when the chain is whole); @n_checked counts the entries checked.
 */
gboolean   placements_audit_log_verify (PlacementsStore       *store,
                                        gint64                *n_checked,
                                        PlacementsAuditEntry **broken,
                                        GError               **error);

/*
 * Removes the entries written before @before (a date; NULL: five years before
 * today), never the newest one, and logs that it did, with the hash of the last
 * entry removed as the anchor the chain goes on from. @n_pruned: how many went.
 */
gboolean   placements_audit_log_prune  (PlacementsStore  *store,
                                        const char       *before,
                                        gint64           *n_pruned,
                                        GError          **error);

G_END_DECLS
