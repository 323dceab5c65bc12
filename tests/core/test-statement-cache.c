#define G_LOG_DOMAIN "test-statement-cache"

#include "config.h"

#include <sqlite3.h>

#include "placements-statement-cache.h"

typedef struct
{
  sqlite3                  *db;
  PlacementsStatementCache *cache;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_assert_cmpint (sqlite3_open (":memory:", &fixture->db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (fixture->db,
                                 "CREATE TABLE t (n INTEGER);"
                                 "INSERT INTO t VALUES (1), (2), (3), (4);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  fixture->cache = placements_statement_cache_new (fixture->db);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->cache, placements_statement_cache_free);
  g_assert_cmpint (sqlite3_close (fixture->db), ==, SQLITE_OK);
}

#define ABOVE "SELECT n FROM t WHERE n > ? ORDER BY n"

static void
test_reuses_idle_statement (Fixture       *fixture,
                            gconstpointer  data)
{
  sqlite3_stmt *first = placements_statement_cache_prepare (fixture->cache, ABOVE);
  sqlite3_stmt *again;

  g_assert_nonnull (first);
  sqlite3_bind_int (first, 1, 2);
  g_assert_cmpint (sqlite3_step (first), ==, SQLITE_ROW);
  sqlite3_reset (first);

  /* Reset and with its bindings cleared: NULL matches nothing. */
  again = placements_statement_cache_prepare (fixture->cache, ABOVE);
  g_assert_true (again == first);
  g_assert_cmpint (sqlite3_step (again), ==, SQLITE_DONE);

  /* Run to its end, a statement is free again even before its reset. */
  g_assert_true (placements_statement_cache_prepare (fixture->cache, ABOVE) == first);
  sqlite3_reset (first);
  g_assert_cmpuint (placements_statement_cache_get_n_statements (fixture->cache), ==, 1);
  g_assert_cmpuint (placements_statement_cache_get_n_queries (fixture->cache), ==, 1);
}

static void
test_nested_prepare_leaves_outer_alone (Fixture       *fixture,
                                        gconstpointer  data)
{
  sqlite3_stmt *outer = placements_statement_cache_prepare (fixture->cache, ABOVE);
  sqlite3_stmt *inner;
  g_autoptr(GString) seen = g_string_new (NULL);

  sqlite3_bind_int (outer, 1, 0);
  while (sqlite3_step (outer) == SQLITE_ROW)
    {
      int n = sqlite3_column_int (outer, 0);

      g_string_append_printf (seen, "%d:", n);
      /* What a handler run for this row does: the same query, other bindings. */
      inner = placements_statement_cache_prepare (fixture->cache, ABOVE);
      g_assert_true (inner != outer);
      sqlite3_bind_int (inner, 1, n + 1);
      while (sqlite3_step (inner) == SQLITE_ROW)
        g_string_append_printf (seen, "%d", sqlite3_column_int (inner, 0));
      sqlite3_reset (inner);
      g_string_append_c (seen, ' ');
    }
  sqlite3_reset (outer);

  g_assert_cmpstr (seen->str, ==, "1:34 2:4 3: 4: ");
  /* The inner statement is kept for the next nesting, not made anew each row. */
  g_assert_cmpuint (placements_statement_cache_get_n_statements (fixture->cache), ==, 2);
  g_assert_true (placements_statement_cache_prepare (fixture->cache, ABOVE) == outer);
}

static void
test_bad_sql_is_not_cached (Fixture       *fixture,
                            gconstpointer  data)
{
  g_assert_null (placements_statement_cache_prepare (fixture->cache, "SELECT FROM nowhere"));
  g_assert_cmpuint (placements_statement_cache_get_n_statements (fixture->cache), ==, 0);
  g_assert_nonnull (sqlite3_errmsg (fixture->db));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/statement-cache/reuses-idle-statement", test_reuses_idle_statement);
  ADD ("/statement-cache/nested-prepare-leaves-outer-alone",
       test_nested_prepare_leaves_outer_alone);
  ADD ("/statement-cache/bad-sql-is-not-cached", test_bad_sql_is_not_cached);

#undef ADD

  return g_test_run ();
}
