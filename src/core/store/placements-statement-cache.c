#define G_LOG_DOMAIN "placements-store"

#include "config.h"

#include "placements-statement-cache.h"

/*
 * Past this many statements of one SQL text in use at once, a caller has most
 * likely stepped a statement and never reset it (a leak that would grow the cache
 * with every call), not nested that deep. It is said once; the statement is still
 * given, as refusing would turn a slow leak into a failed read.
 */
#define SUSPICIOUS_NESTING 16

struct _PlacementsStatementCache
{
  sqlite3    *db;          /* borrowed: the connection outlives its cache */
  GHashTable *statements;  /* SQL text → GPtrArray of sqlite3_stmt, first made first */
  guint       n_statements;
  gboolean    warned;
};

static void
finalize_statement (gpointer data)
{
  sqlite3_finalize (data);
}

PlacementsStatementCache *
placements_statement_cache_new (sqlite3 *db)
{
  PlacementsStatementCache *self;

  g_return_val_if_fail (db != NULL, NULL);

  self = g_new0 (PlacementsStatementCache, 1);
  self->db = db;
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) g_ptr_array_unref);
  return self;
}

void
placements_statement_cache_free (PlacementsStatementCache *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->statements);
  g_free (self);
}

sqlite3_stmt *
placements_statement_cache_prepare (PlacementsStatementCache *self,
                                    const char               *sql)
{
  GPtrArray *same = g_hash_table_lookup (self->statements, sql);
  sqlite3_stmt *statement = NULL;

  g_return_val_if_fail (sql != NULL, NULL);

  /*
   * sqlite3_stmt_busy() is true from the first step until the statement is reset
   * or has run to its end: exactly while a caller is reading its rows.
   */
  for (guint i = 0; same != NULL && i < same->len; i++)
    {
      statement = g_ptr_array_index (same, i);
      if (!sqlite3_stmt_busy (statement))
        {
          sqlite3_reset (statement);
          sqlite3_clear_bindings (statement);
          return statement;
        }
    }

  if (same != NULL && same->len >= SUSPICIOUS_NESTING && !self->warned)
    {
      g_warning ("%u statements of one query are in use at once; "
                 "one is probably never reset: %s", same->len, sql);
      self->warned = TRUE;
    }

  statement = NULL;
  if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &statement, NULL)
      != SQLITE_OK)
    {
      sqlite3_finalize (statement);
      return NULL;
    }

  if (same == NULL)
    {
      same = g_ptr_array_new_with_free_func (finalize_statement);
      g_hash_table_insert (self->statements, g_strdup (sql), same);
    }
  g_ptr_array_add (same, statement);
  self->n_statements++;
  return statement;
}

guint
placements_statement_cache_get_n_statements (PlacementsStatementCache *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_statements;
}

guint
placements_statement_cache_get_n_queries (PlacementsStatementCache *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return g_hash_table_size (self->statements);
}
