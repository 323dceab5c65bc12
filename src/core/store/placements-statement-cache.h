#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/*
 * Prepared statements of one connection, kept by their SQL text so that each is
 * compiled once. A statement handed out is reset with its bindings cleared; the
 * caller resets it again when done and never finalizes it.
 *
 * Reentrant: while a statement is being stepped (a caller reading rows, whose
 * handlers run the same query again), asking for the same SQL gives another
 * statement instead of resetting the one in use. Those extra statements are kept
 * for the next nesting; their number is bounded by the deepest nesting seen.
 */
typedef struct _PlacementsStatementCache PlacementsStatementCache;

PlacementsStatementCache *placements_statement_cache_new         (sqlite3                  *db);
void                      placements_statement_cache_free        (PlacementsStatementCache *self);

/* Returns NULL when SQLite cannot prepare @sql; the connection holds its error. */
sqlite3_stmt             *placements_statement_cache_prepare     (PlacementsStatementCache *self,
                                                                  const char               *sql);

/* How many statements are held, and for how many distinct SQL texts. */
guint placements_statement_cache_get_n_statements (PlacementsStatementCache *self);
guint placements_statement_cache_get_n_queries    (PlacementsStatementCache *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlacementsStatementCache, placements_statement_cache_free)

G_END_DECLS
