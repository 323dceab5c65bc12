/*
 * The overview and one pilot's evaluation at scale: each attention list, the figures and
 * the report of the pilot with the most participants, timed in the process (no start-up),
 * cold then warm, on the demo data set.
 *
 * Run as `bench-overview [DB]`: without DB it makes a demo database of
 * PLACEMENTS_BENCH_CLIENTS (default 100000) clients in $TMPDIR; with DB it times a copy
 * (opening may migrate it). Figures are printed, never asserted: machines differ.
 */
#define G_LOG_DOMAIN "bench-overview"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "placements-core.h"
#include "placements-demo.h"
#include "placements-overview.h"
#include "placements-pilot-report.h"
#include "placements-record-types.h"
#include "placements-store.h"

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static char *
busiest_pilot (PlacementsStore *store)
{
  g_autoptr(GPtrArray) pilots = placements_store_find (store, PLACEMENTS_TYPE_PILOT, NULL,
                                                       NULL, NULL);
  g_autofree char *best = NULL;
  guint most = 0;

  for (guint i = 0; pilots != NULL && i < pilots->len; i++)
    {
      const char *uuid = placements_record_get_uuid (g_ptr_array_index (pilots, i));
      g_autoptr(PlacementsPilotReport) report =
        placements_pilot_report_new (store, uuid, "2026-11-23", NULL);

      if (report != NULL && report->participants->len >= most)
        {
          most = report->participants->len;
          g_free (best);
          best = g_strdup (uuid);
        }
    }
  return g_steal_pointer (&best);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("placements-bench-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(PlacementsStore) store = NULL;
  g_autofree char *pilot = NULL;
  const char *today = "2026-11-23";

  placements_core_init ();
  if (folder == NULL)
    g_error ("%s", error->message);
  path = g_build_filename (folder, "demo.db", NULL);
  if (argc > 1)
    {
      g_autoptr(GFile) source = g_file_new_for_path (argv[1]);
      g_autoptr(GFile) copy = g_file_new_for_path (path);

      if (!g_file_copy (source, copy, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
      store = placements_store_open (path, &error);
    }
  else
    {
      const char *clients = g_getenv ("PLACEMENTS_BENCH_CLIENTS");

      store = placements_store_open (path, &error);
      if (store != NULL &&
          !placements_demo_generate (store, clients != NULL ? atoi (clients) : 100000, 1,
                                     NULL, &error))
        g_error ("%s", error->message);
    }
  if (store == NULL)
    g_error ("%s", error->message);

  for (int round = 0; round < 3; round++)
    {
      gint64 all = g_get_monotonic_time ();
      PlacementsOverviewFigures figures;
      gint64 start;

      printf ("round %d (%s)\n", round + 1, round == 0 ? "cold" : "warm");
      for (int list = 0; list < PLACEMENTS_N_ATTENTION_LISTS; list++)
        {
          guint total = 0;
          g_autoptr(GPtrArray) items = NULL;

          start = g_get_monotonic_time ();
          items = placements_overview_list (store, list, today, 2, 20, &total, &error);
          if (items == NULL)
            g_error ("%s", error->message);
          printf ("  %-60s %7u items %8.1f ms\n", placements_attention_list_get_title (list),
                  total, ms_since (start));
        }
      start = g_get_monotonic_time ();
      if (!placements_overview_get_figures (store, &figures, &error))
        g_error ("%s", error->message);
      printf ("  %-60s %15s %8.1f ms\n", "figures", "", ms_since (start));
      printf ("  overview in all %.1f ms\n", ms_since (all));
    }

  pilot = busiest_pilot (store);
  for (int round = 0; pilot != NULL && round < 3; round++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(PlacementsPilotReport) report =
        placements_pilot_report_new (store, pilot, today, &error);

      if (report == NULL)
        g_error ("%s", error->message);
      printf ("evaluation of the pilot with the most participants (%u): %.1f ms\n",
              report->participants->len, ms_since (start));
    }

  g_clear_object (&store);
  {
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *file = g_build_filename (folder, name, NULL);

        g_unlink (file);
      }
    g_rmdir (folder);
  }
  return 0;
}
