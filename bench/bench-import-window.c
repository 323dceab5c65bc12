#define G_LOG_DOMAIN "placements-bench-import-window"

#include "config.h"

#include <adwaita.h>

#include "placements-import-dialog.h"
#include "placements-store.h"
#include "placements-window.h"

/*
 * An exchange file imported through the window, as a coordinator does it: the file
 * opened (win.import-path), the preview read in a thread, Import pressed, the records
 * written in a thread. A beat every 5 ms on the main loop measures how long the window
 * did not answer at once; the progress bar's moves are counted. After the import, the
 * window is watched 3 s more, then the dialog is closed and watched 3 s again: the lists
 * reading the new rows, and the prepared records being freed, happen there.
 *
 *   bench-import-window DATABASE FILE
 *
 * DATABASE is the receiver (`placements-cli own-organisation --from-file FILE` makes
 * one); it is written to. Figures are printed, never asserted.
 */

typedef struct
{
  gint64  last_beat;
  gint64  longest_gap;
  gint64  longest_gap_at;
  gint64  start;
  guint   n_moves;
  double  last_fraction;
  gboolean applied;
  gboolean done;
  GtkWidget *bar;
  PlacementsImportDialog *dialog;
} Bench;

static gboolean
beat_cb (gpointer data)
{
  Bench *bench = data;
  gint64 now = g_get_monotonic_time ();

  if (bench->last_beat != 0 && now - bench->last_beat > bench->longest_gap)
    {
      bench->longest_gap = now - bench->last_beat;
      bench->longest_gap_at = now - bench->start;
    }
  bench->last_beat = now;
  return G_SOURCE_CONTINUE;
}

static PlacementsImportDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (PLACEMENTS_IS_IMPORT_DIALOG (window))
        return PLACEMENTS_IMPORT_DIALOG (window);
    }
  return NULL;
}

static GtkWidget *
find_bar (GtkWidget *widget)
{
  if (GTK_IS_PROGRESS_BAR (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_bar (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
fraction_cb (GtkProgressBar *bar,
             GParamSpec     *pspec,
             Bench          *bench)
{
  double fraction = gtk_progress_bar_get_fraction (bar);

  if (fraction != bench->last_fraction)
    bench->n_moves++;
  bench->last_fraction = fraction;
}

static gboolean
watch_cb (gpointer data)
{
  Bench *bench = data;
  PlacementsImportDialog *dialog = find_dialog ();
  const char *stage;

  if (dialog == NULL)
    return G_SOURCE_CONTINUE;
  if (bench->bar == NULL)
    {
      bench->dialog = dialog;
      bench->bar = find_bar (GTK_WIDGET (dialog));
      g_signal_connect (bench->bar, "notify::fraction", G_CALLBACK (fraction_cb), bench);
    }
  stage = placements_import_dialog_get_stage (dialog);
  if (g_str_equal (stage, "preview") && !bench->applied)
    {
      g_print ("preview after %.1f s, %u progress moves, longest stall %.0f ms\n",
               (g_get_monotonic_time () - bench->start) / 1e6, bench->n_moves,
               bench->longest_gap / 1000.0);
      bench->applied = TRUE;
      gtk_widget_activate_action (GTK_WIDGET (dialog), "import.apply", NULL);
    }
  else if ((g_str_equal (stage, "done") || g_str_equal (stage, "refused")) && !bench->done)
    {
      bench->done = TRUE;
      g_print ("%s after %.1f s, %u progress moves, longest main-loop stall %.0f ms "
               "(at %.1f s)\n", stage, (g_get_monotonic_time () - bench->start) / 1e6,
               bench->n_moves, bench->longest_gap / 1000.0, bench->longest_gap_at / 1e6);
      if (g_str_equal (stage, "refused"))
        g_print ("%s\n", placements_import_dialog_get_message (dialog));
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
time_up_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @seconds, the beat going on. */
static void
watch_for (guint seconds)
{
  gboolean up = FALSE;

  g_timeout_add_seconds (seconds, time_up_cb, &up);
  while (!up)
    g_main_context_iteration (NULL, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PlacementsWindow *window;
  Bench bench = { 0 };

  gtk_init ();
  adw_init ();
  if (argc != 3)
    {
      g_printerr ("Usage: bench-import-window DATABASE FILE\n");
      return 2;
    }
  store = placements_store_open (argv[1], &error);
  if (store == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  placements_store_set_busy_timeout (store, PLACEMENTS_STORE_INTERACTIVE_BUSY_TIMEOUT);
  window = g_object_new (PLACEMENTS_TYPE_WINDOW, "store", store, NULL);
  gtk_window_present (GTK_WINDOW (window));
  while (g_main_context_iteration (NULL, FALSE))
    ;

  bench.start = g_get_monotonic_time ();
  g_timeout_add (5, beat_cb, &bench);
  g_timeout_add (20, watch_cb, &bench);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import-path", "^ay", argv[2]);
  while (!bench.done)
    g_main_context_iteration (NULL, TRUE);

  bench.longest_gap = 0;
  watch_for (3);
  g_print ("3 s after: longest main-loop stall %.0f ms\n", bench.longest_gap / 1000.0);
  bench.longest_gap = 0;
  gtk_window_destroy (GTK_WINDOW (bench.dialog));
  watch_for (3);
  g_print ("3 s after closing the dialog: longest main-loop stall %.0f ms\n",
           bench.longest_gap / 1000.0);
  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
