#define G_LOG_DOMAIN "placements-bench-models"

#include "config.h"

#include <locale.h>
#include <malloc.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "placements-core.h"
#include "placements-demo.h"
#include "placements-record-kind.h"
#include "placements-record-list.h"
#include "placements-record-types.h"
#include "placements-store.h"

/*
 * How the list models behave over 100,000 clients: opening the database, counting,
 * searching, re-querying a filtered and sorted view, and what the model costs in
 * memory. The figures are printed beside the targets; a benchmark never fails on
 * a clock (machines differ), it only says so.
 *
 * Usage: bench-models [N_CLIENTS]
 */

#define REPEATS 5
#define FIRST_PAGE 64

/* What a view must manage in a frame, or a user notices. */
#define TARGET_OPEN_MS 50.0
#define TARGET_SEARCH_MS 16.0
#define TARGET_REQUERY_MS 16.0
#define TARGET_MODEL_MB 10.0

static gint64
now_us (void)
{
  return g_get_monotonic_time ();
}

static double
ms_since (gint64 start)
{
  return (now_us () - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof *values, compare_doubles);
  return values[n / 2];
}

/* Heap in use, mapped chunks included: what the process holds, whether or not malloc
 * found it in memory it had already. */
static gint64
heap_bytes (void)
{
  struct mallinfo2 info = mallinfo2 ();

  return (gint64) (info.uordblks + info.hblkhd);
}

/* Resident memory from /proc/self/statm, in bytes. */
static gint64
resident_bytes (void)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/self/statm", &text, NULL, NULL))
    return -1;
  fields = g_strsplit (text, " ", -1);
  if (g_strv_length (fields) < 2)
    return -1;
  return g_ascii_strtoll (fields[1], NULL, 10) * sysconf (_SC_PAGESIZE);
}

static void
report (const char *what,
        double      value,
        const char *unit,
        double      target)
{
  if (target > 0)
    g_print ("  %-52s %9.2f %-3s  target < %5.1f %-3s %s\n", what, value, unit, target, unit,
             value < target ? "ok" : "MISSED");
  else
    g_print ("  %-52s %9.2f %-3s\n", what, value, unit);
}

/* The SELECTs a list runs, caught as it runs them, to show their query plans. */
static int
trace_cb (unsigned  event,
          void     *data,
          void     *statement,
          void     *sql)
{
  GPtrArray *seen = data;
  const char *text = sqlite3_sql (statement);

  if (text != NULL && g_str_has_prefix (text, "SELECT") &&
      !g_ptr_array_find_with_equal_func (seen, text, g_str_equal, NULL))
    g_ptr_array_add (seen, g_strdup (text));
  return 0;
}

static void
trace_start (PlacementsStore *store,
             GPtrArray       *seen)
{
  g_ptr_array_set_size (seen, 0);
  sqlite3_trace_v2 (placements_store_get_connection (store), SQLITE_TRACE_STMT, trace_cb, seen);
}

static void
trace_stop_and_explain (PlacementsStore *store,
                        GPtrArray       *seen,
                        const char      *what)
{
  sqlite3 *db = placements_store_get_connection (store);

  sqlite3_trace_v2 (db, 0, NULL, NULL);
  g_print ("\n  Query plans (%s):\n", what);
  for (guint i = 0; i < seen->len; i++)
    {
      const char *sql = g_ptr_array_index (seen, i);
      g_autofree char *explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
      sqlite3_stmt *statement = NULL;

      /* The page fetches differ only in how many ids they ask for. */
      if (strstr (sql, " IN (?, ?") != NULL && i > 0 &&
          strstr (g_ptr_array_index (seen, i - 1), " IN (?") != NULL)
        continue;

      g_print ("    %.150s%s\n", sql, strlen (sql) > 150 ? "..." : "");
      if (sqlite3_prepare_v2 (db, explain, -1, &statement, NULL) != SQLITE_OK)
        {
          g_print ("      (no plan: %s)\n", sqlite3_errmsg (db));
          continue;
        }
      while (sqlite3_step (statement) == SQLITE_ROW)
        g_print ("      %s\n", (const char *) sqlite3_column_text (statement, 3));
      sqlite3_finalize (statement);
    }
}

static void
remove_database (const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (gsize i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

/* The care organisations with the most clients, for filters that matter. */
static GPtrArray *
busiest_care_organisations (PlacementsStore *store,
                            guint            n)
{
  GPtrArray *uuids = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *statement = NULL;

  sqlite3_prepare_v2 (placements_store_get_connection (store),
                      "SELECT care_organisation_uuid FROM client "
                      "GROUP BY care_organisation_uuid ORDER BY count(*) DESC LIMIT ?",
                      -1, &statement, NULL);
  sqlite3_bind_int (statement, 1, (int) n);
  while (sqlite3_step (statement) == SQLITE_ROW)
    g_ptr_array_add (uuids, g_strdup ((const char *) sqlite3_column_text (statement, 0)));
  sqlite3_finalize (statement);
  return uuids;
}

static void
fetch_first_page (GListModel *model)
{
  guint n = MIN (FIRST_PAGE, g_list_model_get_n_items (model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_assert (item != NULL);
    }
}

/* A re-query with the sort set: the filter changes to each busy organisation in turn. */
static double
bench_filtered_sorted (PlacementsStore *store,
                       GPtrArray       *organisations,
                       const char      *sort_field,
                       GPtrArray       *seen,
                       guint           *n_rows)
{
  g_autoptr(PlacementsRecordList) list = placements_record_list_new (store,
                                                                     PLACEMENTS_TYPE_CLIENT);
  double times[REPEATS];

  placements_record_list_set_sort (list, sort_field, FALSE);
  /* Warm: the first query of a shape prepares its statement. */
  placements_record_list_set_filter (list, "care-organisation-uuid",
                                     g_ptr_array_index (organisations, organisations->len - 1));
  fetch_first_page (G_LIST_MODEL (list));

  trace_start (store, seen);
  for (guint i = 0; i < REPEATS; i++)
    {
      gint64 start = now_us ();

      placements_record_list_set_filter (list, "care-organisation-uuid",
                                         g_ptr_array_index (organisations,
                                                            i % organisations->len));
      fetch_first_page (G_LIST_MODEL (list));
      times[i] = ms_since (start);
    }
  *n_rows = g_list_model_get_n_items (G_LIST_MODEL (list));
  return median (times, REPEATS);
}

/* Each sortable column of a section, over all its records, as a click on its header does:
 * the new query and the first page of records. */
static void
bench_sort_columns (PlacementsStore *store,
                    GPtrArray       *seen,
                    const char      *section)
{
  PlacementsRecordKind *kind = placements_record_kind_find (section);
  g_autoptr(PlacementsRecordList) list =
    placements_record_list_new (store, placements_record_kind_get_record_type (kind));

  fetch_first_page (G_LIST_MODEL (list));
  for (guint c = 0; c < placements_record_kind_get_n_columns (kind); c++)
    {
      const char *field = placements_record_kind_get_column_field (kind, c);
      g_autofree char *what = g_strdup_printf ("sort all %s by %s, first page", section, field);
      double times[REPEATS];

      if (!placements_record_kind_get_column_sortable (kind, c))
        continue;
      trace_start (store, seen);
      for (guint i = 0; i < REPEATS; i++)
        {
          gint64 start;

          /* From the default order each time, so each is a new query. */
          placements_record_list_set_sort (list, NULL, FALSE);
          fetch_first_page (G_LIST_MODEL (list));
          start = now_us ();
          placements_record_list_set_sort (list, field, i % 2 == 1);
          fetch_first_page (G_LIST_MODEL (list));
          times[i] = ms_since (start);
        }
      report (what, median (times, REPEATS), "ms", 0);
      trace_stop_and_explain (store, seen, what);
    }
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) seen = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) organisations = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  guint n_clients = 100000;
  const char *names[REPEATS] = { "Janssens", "Bakker", "Çelik", "van den Berg", "Peeters" };
  double times[REPEATS];
  guint64 n_records = 0;
  guint n_rows = 0;
  gint64 start;

  placements_core_init ();
  setlocale (LC_ALL, "");
  if (argc > 1)
    n_clients = (guint) g_ascii_strtoull (argv[1], NULL, 10);
  /* A database made before (a copy: opening may migrate it) spares the generation. */
  if (argc > 2)
    path = g_strdup (argv[2]);

  if (path == NULL)
    {
      folder = g_dir_make_tmp ("placements-bench-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (folder, "bench.db", NULL);
    }

  g_print ("Placements list models over %u demo clients (median of %d runs)\n\n", n_clients,
           REPEATS);

  /* The data: the demo generator, as `placements-cli demo` writes it. */
  if (folder != NULL)
    {
      g_autoptr(PlacementsStore) store = placements_store_open (path, &error);

      g_assert_no_error (error);
      start = now_us ();
      placements_demo_generate (store, n_clients, 1, &n_records, &error);
      g_assert_no_error (error);
      g_print ("  %-52s %9.2f s    (%" G_GUINT64_FORMAT " records)\n", "demo data, one transaction",
               ms_since (start) / 1000.0, n_records);
    }

  /* Opening: pragmas, the version check, no migrations left to run. */
  for (guint i = 0; i < REPEATS; i++)
    {
      g_autoptr(PlacementsStore) store = NULL;

      start = now_us ();
      store = placements_store_open (path, &error);
      g_assert_no_error (error);
      times[i] = ms_since (start);
    }
  report ("open the database", median (times, REPEATS), "ms", TARGET_OPEN_MS);

  {
    g_autoptr(PlacementsStore) store = placements_store_open (path, &error);
    g_autoptr(PlacementsRecordList) list = NULL;
    gint64 heap_before;
    gint64 rss_before;
    gint64 sqlite_before;
    double model_mb;
    guint n_items;

    g_assert_no_error (error);
    /* Figures over an empty file would look splendid and mean nothing. */
    if (placements_store_count (store, PLACEMENTS_TYPE_CLIENT) != n_clients)
      g_error ("%s holds %" G_GINT64_FORMAT " clients instead of %u: did something else "
               "remove or change it?",
               path, placements_store_count (store, PLACEMENTS_TYPE_CLIENT), n_clients);
    organisations = busiest_care_organisations (store, REPEATS);

    /* Memory first, while the process has not yet grown for other lists. */
    heap_before = heap_bytes ();
    rss_before = resident_bytes ();
    sqlite_before = sqlite3_memory_used ();
    trace_start (store, seen);
    start = now_us ();
    list = placements_record_list_new (store, PLACEMENTS_TYPE_CLIENT);
    n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
    report ("new list of all clients + count", ms_since (start), "ms", 0);
    for (guint i = 0; i < 200; i++)
      {
        g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (list), i * (n_items / 200));

        g_assert (item != NULL);
      }
    /* What the model holds: its ids, its cached records and the SQLite pages its queries
     * read. RSS is shown too, but malloc reuses memory freed before, so it says less. */
    model_mb = (heap_bytes () - heap_before) / (1024.0 * 1024.0);
    report ("model memory: heap growth, list + 200 items fetched", model_mb, "MB",
            TARGET_MODEL_MB);
    g_print ("    id array %.2f MB (%u ids x 8 bytes), %u records cached, SQLite %.2f MB, "
             "RSS growth %.2f MB\n",
             n_items * 8 / (1024.0 * 1024.0), n_items,
             placements_record_list_get_n_cached (list),
             (sqlite3_memory_used () - sqlite_before) / (1024.0 * 1024.0),
             (resident_bytes () - rss_before) / (1024.0 * 1024.0));
    trace_stop_and_explain (store, seen, "all clients, default order, and a page");

    /* Search: each time another family name, so each is a new query. */
    placements_record_list_set_search_text (list, "Smit");
    trace_start (store, seen);
    for (guint i = 0; i < REPEATS; i++)
      {
        start = now_us ();
        placements_record_list_set_search_text (list, names[i]);
        n_rows = g_list_model_get_n_items (G_LIST_MODEL (list));
        times[i] = ms_since (start);
        g_print ("    search \"%s\": %u clients, %.2f ms\n", names[i], n_rows, times[i]);
      }
    report ("search by family name", median (times, REPEATS), "ms", TARGET_SEARCH_MS);
    trace_stop_and_explain (store, seen, "search");
    placements_record_list_set_search_text (list, NULL);

    report ("filter by care organisation, sort by date of birth, first page",
            bench_filtered_sorted (store, organisations, "date-of-birth", seen, &n_rows), "ms",
            TARGET_REQUERY_MS);
    g_print ("    (%u clients in the last organisation's view)\n", n_rows);
    trace_stop_and_explain (store, seen, "filter + sort by date of birth");

    report ("filter by care organisation, sort by family name, first page",
            bench_filtered_sorted (store, organisations, "family-name", seen, &n_rows), "ms",
            TARGET_REQUERY_MS);
    trace_stop_and_explain (store, seen, "filter + sort by family name");

    bench_sort_columns (store, seen, "clients");
    bench_sort_columns (store, seen, "placements");
  }

  if (folder != NULL)
    {
      remove_database (path);
      g_rmdir (folder);
    }
  return 0;
}
