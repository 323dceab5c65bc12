/*
 * The window at scale: how long the real window takes to become visible, and how long a
 * sort, a filter, a typed character and clearing the search take to reach the screen, beside
 * a minimal AdwApplicationWindow and a minimal GtkColumnView started the same way.
 * The clients' filter by active placement is timed on and off as well.
 *
 * Run as `bench-window DB [RUNS]`. The driver copies DB to $TMPDIR and starts itself once per
 * measurement as a child process (so each start-up is a cold process, as a user's is), passing
 * the moment it started the child; a child prints its figures on one line. Every time is taken
 * on the window's frame clock: "visible" is the end of the first frame painted after the
 * window was mapped, an operation ends with the first frame painted after the list's model
 * said it changed. Figures are printed, never asserted: machines differ.
 */
#define G_LOG_DOMAIN "bench-window"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "placements-application.h"
#include "placements-core.h"
#include "placements-record-page.h"

#define N_FLOOR_ROWS 100000
#define OP_TIMEOUT_US (60 * G_USEC_PER_SEC)

/* ---- child side ------------------------------------------------------------------------ */

static gint64 launch_time;

static gint64
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line != NULL ? g_ascii_strtoll (line + strlen ("VmRSS:"), NULL, 10) : -1;
}

typedef void (*VisibleFunc) (GtkWidget *window);

typedef struct
{
  VisibleFunc func;
  gulong      handler;
} VisibleWatch;

static void
after_paint_visible_cb (GdkFrameClock *clock,
                        GtkWidget     *window)
{
  VisibleWatch *watch = g_object_get_data (G_OBJECT (window), "bench-visible");

  if (watch == NULL || watch->handler == 0)
    return;
  g_signal_handler_disconnect (clock, watch->handler);
  watch->handler = 0;
  watch->func (window);
}

static void
window_map_cb (GtkWidget *window)
{
  VisibleWatch *watch = g_object_get_data (G_OBJECT (window), "bench-visible");
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  if (watch->handler != 0)
    return;
  watch->handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_visible_cb),
                                     window);
}

/* Calls @func at the end of the first frame painted after @window is mapped. */
static void
when_visible (GtkWidget   *window,
              VisibleFunc  func)
{
  VisibleWatch *watch = g_new0 (VisibleWatch, 1);

  watch->func = func;
  g_object_set_data_full (G_OBJECT (window), "bench-visible", watch, g_free);
  g_signal_connect (window, "map", G_CALLBACK (window_map_cb), NULL);
}

static void
print_visible_and_quit (GtkWidget *window)
{
  g_print ("visible %" G_GINT64_FORMAT " rss %" G_GINT64_FORMAT "\n",
           g_get_monotonic_time () - launch_time, rss_kib ());
  g_application_quit (G_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}

/* A trivial lazy list: an item is made when it is asked for. */
#define BENCH_TYPE_ROWS (bench_rows_get_type ())
G_DECLARE_FINAL_TYPE (BenchRows, bench_rows, BENCH, ROWS, GObject)

struct _BenchRows
{
  GObject parent_instance;
  guint   n_items;
  guint   generation;
};

static GType
bench_rows_get_item_type (GListModel *model)
{
  return GTK_TYPE_STRING_OBJECT;
}

static guint
bench_rows_get_n_items (GListModel *model)
{
  return BENCH_ROWS (model)->n_items;
}

static gpointer
bench_rows_get_item (GListModel *model,
                     guint       position)
{
  BenchRows *self = BENCH_ROWS (model);
  g_autofree char *text = NULL;

  if (position >= self->n_items)
    return NULL;
  text = g_strdup_printf ("Row %u.%u", self->generation, position);
  return gtk_string_object_new (text);
}

static void
bench_rows_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = bench_rows_get_item_type;
  iface->get_n_items = bench_rows_get_n_items;
  iface->get_item = bench_rows_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (BenchRows, bench_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, bench_rows_iface_init))

static void
bench_rows_class_init (BenchRowsClass *klass)
{
}

static void
bench_rows_init (BenchRows *self)
{
}

static void
floor_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), 8);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), 16);
  gtk_list_item_set_child (item, inscription);
}

static void
floor_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)),
                            gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static GtkWidget *
create_floor_view (BenchRows *rows)
{
  GtkSelectionModel *selection =
    GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (rows))));
  GtkWidget *view = gtk_column_view_new (selection);
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  for (guint i = 0; i < 5; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autofree char *title = g_strdup_printf ("Column %u", i + 1);
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_signal_connect (factory, "setup", G_CALLBACK (floor_setup_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (floor_bind_cb), NULL);
      column = gtk_column_view_column_new (title, factory);
      gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (GTK_COLUMN_VIEW (view), column);
    }
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  return scrolled;
}

static GtkWidget *
create_minimal_window (GtkApplication *app,
                       BenchRows      *rows)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  if (rows != NULL)
    {
      GtkWidget *view = create_floor_view (rows);

      gtk_widget_set_vexpand (view, TRUE);
      gtk_box_append (GTK_BOX (box), view);
    }
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  return window;
}

static void
minimal_activate_cb (GApplication *app,
                     gpointer      with_rows)
{
  g_autoptr(BenchRows) rows = NULL;
  GtkWidget *window;

  if (with_rows != NULL)
    {
      rows = g_object_new (BENCH_TYPE_ROWS, NULL);
      rows->n_items = N_FLOOR_ROWS;
    }
  window = create_minimal_window (GTK_APPLICATION (app), rows);
  when_visible (window, print_visible_and_quit);
  gtk_window_present (GTK_WINDOW (window));
}

static int
run_minimal (int      argc,
             char   **argv,
             gboolean with_rows)
{
  g_autoptr(AdwApplication) app = adw_application_new ("org.example.PlacementsBench",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (minimal_activate_cb),
                    with_rows ? GINT_TO_POINTER (1) : NULL);
  return g_application_run (G_APPLICATION (app), argc, argv);
}

/* ---- operations timed in the real window ---------------------------------------------- */

typedef void (*OpFunc) (gpointer data);

typedef struct
{
  GtkWidget  *window;
  GListModel *model;        /* what the column view shows */
  GtkWidget  *page;         /* the visible record page, or NULL for the floor */
  GtkWidget  *column_view;
  GtkWidget  *search_entry;
  BenchRows  *floor_rows;

  const char *op_name;
  gint64      op_start;
  gint64      changed_at;
  gint64      last_beat;
  gint64      longest_gap;
  gulong      items_changed_handler;
  gulong      after_paint_handler;
  guint       heartbeat;
  guint       timeout;
  gboolean    done;
} Bench;

static gboolean
heartbeat_cb (gpointer data)
{
  Bench *bench = data;
  gint64 now = g_get_monotonic_time ();

  bench->longest_gap = MAX (bench->longest_gap, now - bench->last_beat);
  bench->last_beat = now;
  return G_SOURCE_CONTINUE;
}

static void
op_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     Bench      *bench)
{
  bench->changed_at = g_get_monotonic_time ();
  /* Make sure a frame comes even where the change shows no new row. */
  gtk_widget_queue_draw (bench->window);
}

static void
op_after_paint_cb (GdkFrameClock *clock,
                   Bench         *bench)
{
  if (bench->changed_at == 0 || bench->done)
    return;
  bench->done = TRUE;
}

static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Runs @func, then the main loop until the first frame painted after the model changed;
 * prints the time from @func's start to the end of that frame, and the longest the main
 * loop went without running a 5 ms timeout meanwhile. */
static void
time_op (Bench      *bench,
         const char *name,
         gint64      delay_us,
         OpFunc      func,
         gpointer    data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (bench->window);
  GtkSelectionModel *selection =
    gtk_column_view_get_model (GTK_COLUMN_VIEW (bench->column_view));
  gint64 elapsed;

  bench->model = G_LIST_MODEL (selection);
  bench->op_name = name;
  bench->changed_at = 0;
  bench->done = FALSE;
  bench->longest_gap = 0;
  bench->items_changed_handler =
    g_signal_connect (bench->model, "items-changed", G_CALLBACK (op_items_changed_cb), bench);
  bench->after_paint_handler =
    g_signal_connect (clock, "after-paint", G_CALLBACK (op_after_paint_cb), bench);
  bench->last_beat = g_get_monotonic_time ();
  bench->heartbeat = g_timeout_add_full (G_PRIORITY_HIGH, 5, heartbeat_cb, bench, NULL);

  bench->op_start = g_get_monotonic_time ();
  func (data);
  while (!bench->done && g_get_monotonic_time () - bench->op_start < OP_TIMEOUT_US)
    g_main_context_iteration (NULL, TRUE);
  elapsed = g_get_monotonic_time () - bench->op_start;
  heartbeat_cb (bench);

  g_clear_handle_id (&bench->heartbeat, g_source_remove);
  g_clear_signal_handler (&bench->items_changed_handler, bench->model);
  g_clear_signal_handler (&bench->after_paint_handler, clock);

  if (!bench->done)
    g_print ("op %s timeout\n", name);
  else
    g_print ("op %s %" G_GINT64_FORMAT " gap %" G_GINT64_FORMAT " n %u\n", name,
             elapsed - delay_us, bench->longest_gap, g_list_model_get_n_items (bench->model));

  /* Let the list settle (idle work, the next frame) before the next operation. */
  for (gint64 until = g_get_monotonic_time () + 300000; g_get_monotonic_time () < until; )
    g_main_context_iteration (NULL, FALSE);
}

static void
sort_op (gpointer data)
{
  Bench *bench = data;
  GListModel *columns = gtk_column_view_get_columns (GTK_COLUMN_VIEW (bench->column_view));
  guint n = g_list_model_get_n_items (columns);
  static guint round;
  g_autoptr(GtkColumnViewColumn) column = NULL;

  /* Through the sortable columns in turn, each both ways. */
  for (guint tries = 0; tries < n * 2; tries++)
    {
      g_clear_object (&column);
      column = g_list_model_get_item (columns, (round / 2) % n);
      if (gtk_column_view_column_get_sorter (column) != NULL)
        break;
      round += 2;
    }
  gtk_column_view_sort_by_column (GTK_COLUMN_VIEW (bench->column_view), column,
                                  round % 2 == 0 ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  round++;
}

static void
type_op (gpointer data)
{
  Bench *bench = data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (bench->search_entry));
  static const char letters[] = "bvjmd";
  static guint round;
  char typed[2] = { letters[round++ % (sizeof letters - 1)], '\0' };
  int position = (int) strlen (text);

  /* What the search entry's key handler does with a typed letter. */
  gtk_editable_insert_text (GTK_EDITABLE (bench->search_entry), typed, 1, &position);
}

static void
clear_op (gpointer data)
{
  Bench *bench = data;

  gtk_editable_set_text (GTK_EDITABLE (bench->search_entry), "");
}

static void
floor_op (gpointer data)
{
  Bench *bench = data;

  bench->floor_rows->generation++;
  g_list_model_items_changed (G_LIST_MODEL (bench->floor_rows), 0, N_FLOOR_ROWS, N_FLOOR_ROWS);
}

static GtkCheckButton *
find_check (GtkWidget  *widget,
            const char *label)
{
  if (GTK_IS_CHECK_BUTTON (widget) &&
      g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0)
    return GTK_CHECK_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *found = find_check (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Toggles the clients' "has an active placement" filter, as a click in its popover does. */
static void
filter_op (gpointer data)
{
  Bench *bench = data;
  GtkCheckButton *check = find_check (bench->page, _("Has an _active placement"));

  if (check == NULL)
    {
      g_printerr ("The clients have no filter by active placement\n");
      exit (1);
    }
  gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

static void
settle (guint ms)
{
  for (gint64 until = g_get_monotonic_time () + ms * 1000; g_get_monotonic_time () < until; )
    g_main_context_iteration (NULL, FALSE);
}

static guint n_rounds = 5;

static gboolean
interact_cb (gpointer data)
{
  GtkWidget *window = data;
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));
  g_autoptr(BenchRows) rows = g_object_new (BENCH_TYPE_ROWS, NULL);
  GtkWidget *floor_window;
  Bench real = { 0 };
  Bench floor = { 0 };

  real.window = window;
  /* With clients in the database the window opens on the overview: the list is the
   * clients' section. */
  gtk_widget_activate_action (window, "win.show-section", "s", "clients");
  settle (1500);
  real.page = find_widget (window, PLACEMENTS_TYPE_RECORD_PAGE);
  real.column_view = find_widget (window, GTK_TYPE_COLUMN_VIEW);
  real.search_entry = real.page != NULL ? find_widget (real.page, GTK_TYPE_SEARCH_ENTRY) : NULL;
  if (real.page == NULL || real.column_view == NULL || real.search_entry == NULL)
    {
      g_printerr ("The window shows no list with a search entry\n");
      exit (1);
    }

  rows->n_items = N_FLOOR_ROWS;
  floor_window = create_minimal_window (app, rows);
  gtk_window_present (GTK_WINDOW (floor_window));
  settle (1500);
  floor.window = floor_window;
  floor.column_view = find_widget (floor_window, GTK_TYPE_COLUMN_VIEW);
  floor.floor_rows = rows;

  for (guint round = 0; round < n_rounds; round++)
    {
      time_op (&floor, "floor", 0, floor_op, &floor);
      gtk_window_present (GTK_WINDOW (window));
      settle (300);
      time_op (&real, "sort", 0, sort_op, &real);
      time_op (&real, "type", PLACEMENTS_RECORD_PAGE_SEARCH_DELAY * 1000, type_op, &real);
      time_op (&real, "clear", 0, clear_op, &real);
      time_op (&real, "filter", 0, filter_op, &real);
      time_op (&real, "unfilter", 0, filter_op, &real);
      gtk_window_present (GTK_WINDOW (floor_window));
      settle (300);
    }
  g_print ("rss %" G_GINT64_FORMAT "\n", rss_kib ());
  g_application_quit (G_APPLICATION (app));
  return G_SOURCE_REMOVE;
}

/* Not from inside the frame clock's signal: a frame cannot begin while one is painting. */
static void
interact (GtkWidget *window)
{
  g_print ("visible %" G_GINT64_FORMAT " rss %" G_GINT64_FORMAT "\n",
           g_get_monotonic_time () - launch_time, rss_kib ());
  g_idle_add (interact_cb, window);
}

static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 gpointer        do_interact)
{
  if (g_object_get_data (G_OBJECT (app), "bench-watched") != NULL)
    return;
  g_object_set_data (G_OBJECT (app), "bench-watched", app);
  when_visible (GTK_WIDGET (window), do_interact != NULL ? interact : print_visible_and_quit);
}

static int
run_real (const char *db,
          gboolean    do_interact)
{
  g_autoptr(PlacementsApplication) app = NULL;
  char *argv[] = { (char *) "placements", (char *) "--db", (char *) db, NULL };
  const char *localedir = g_getenv ("PLACEMENTS_LOCALEDIR");

  placements_core_init ();
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = placements_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb),
                    do_interact ? GINT_TO_POINTER (1) : NULL);
  return g_application_run (G_APPLICATION (app), 3, argv);
}

/* ---- driver ---------------------------------------------------------------------------- */

static char *self_path;

static char *
run_child (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *child_out = NULL;
  g_autofree char *t0 = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_ptr_array_add (argv, self_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  t0 = g_strdup_printf ("%" G_GINT64_FORMAT, g_get_monotonic_time ());
  envp = g_environ_setenv (envp, "BENCH_WINDOW_LAUNCH", t0, TRUE);
  if (!g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                     &child_out, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s %s: %s\n", args[0], args[1] != NULL ? args[1] : "",
                  error->message);
      return NULL;
    }
  return g_steal_pointer (&child_out);
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static double
median_ms (GArray *values)
{
  guint n = values->len;

  if (n == 0)
    return 0;
  g_array_sort (values, compare_gint64);
  if (n % 2 == 1)
    return g_array_index (values, gint64, n / 2) / 1000.0;
  return (g_array_index (values, gint64, n / 2 - 1) +
          g_array_index (values, gint64, n / 2)) / 2000.0;
}

static double
worst_ms (GArray *values)
{
  gint64 worst = 0;

  for (guint i = 0; i < values->len; i++)
    worst = MAX (worst, g_array_index (values, gint64, i));
  return worst / 1000.0;
}

static GArray *
series (GHashTable *table,
        const char *name)
{
  GArray *values = g_hash_table_lookup (table, name);

  if (values == NULL)
    {
      values = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_hash_table_insert (table, g_strdup (name), values);
    }
  return values;
}

static void
add_value (GHashTable *table,
           const char *name,
           gint64      value)
{
  g_array_append_val (series (table, name), value);
}

static void
print_series (GHashTable *table,
              const char *name,
              const char *label)
{
  GArray *values = series (table, name);

  g_print ("  %-40s median %8.1f ms  worst %8.1f ms  (%u runs)\n", label, median_ms (values),
           worst_ms (values), values->len);
}

static void
parse_startup (GHashTable *table,
               const char *name,
               const char *out)
{
  gint64 visible;
  gint64 rss;
  g_autofree char *rss_name = g_strconcat (name, "-rss", NULL);

  if (out == NULL || sscanf (out, "visible %" G_GINT64_FORMAT " rss %" G_GINT64_FORMAT,
                             &visible, &rss) != 2)
    return;
  add_value (table, name, visible);
  add_value (table, rss_name, rss * 1000); /* KiB, printed as "ms" / 1000 → MiB-ish */
}

static int
drive (const char *source_db,
       guint       runs)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_array_unref);
  g_autofree char *dir = g_dir_make_tmp ("bench-window-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (dir, "bench.db", NULL);
  g_autofree char *copy_command = NULL;
  g_autofree char *interact_out = NULL;
  g_autofree char *runs_text = g_strdup_printf ("%u", runs);
  const char *startup_real[] = { "--child", "startup-real", db, NULL };
  const char *startup_minimal[] = { "--child", "startup-minimal", NULL };
  const char *startup_view[] = { "--child", "startup-columnview", NULL };
  const char *interact_args[] = { "--child", "interact", db, runs_text, NULL };
  g_auto(GStrv) lines = NULL;
  double floor_median;
  double floor_worst;

  if (dir == NULL)
    return 1;
  copy_command = g_strdup_printf ("cp %s %s", source_db, db);
  if (system (copy_command) != 0)
    return 1;
  g_chmod (db, 0600);

  /* Once to migrate the copy and warm the page cache, not counted. */
  g_free (run_child (startup_real));
  g_free (run_child (startup_minimal));

  for (guint i = 0; i < runs; i++)
    {
      g_autofree char *minimal = run_child (startup_minimal);
      g_autofree char *view = run_child (startup_view);
      g_autofree char *real = run_child (startup_real);

      parse_startup (table, "minimal", minimal);
      parse_startup (table, "columnview", view);
      parse_startup (table, "real", real);
    }

  interact_out = run_child (interact_args);
  lines = g_strsplit (interact_out != NULL ? interact_out : "", "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char name[32];
      gint64 us;
      gint64 gap;
      guint n;

      if (sscanf (lines[i], "op %31s %" G_GINT64_FORMAT " gap %" G_GINT64_FORMAT " n %u",
                  name, &us, &gap, &n) == 4)
        {
          g_autofree char *gap_name = g_strconcat (name, "-gap", NULL);

          add_value (table, name, us);
          add_value (table, gap_name, gap);
        }
      else if (g_str_has_prefix (lines[i], "op "))
        g_print ("%s\n", lines[i]);
    }

  g_print ("\nWindow at scale (%s), %u runs; GSK_RENDERER=%s\n", source_db, runs,
           g_getenv ("GSK_RENDERER") != NULL ? g_getenv ("GSK_RENDERER") : "(default)");
  g_print ("Start-up, launch to the first painted frame:\n");
  print_series (table, "minimal", "minimal AdwApplicationWindow");
  print_series (table, "columnview", "minimal column view, 100,000 rows");
  print_series (table, "real", "Placements window");
  g_print ("  ratio of medians: %.2f (target <= 1.3), of worsts: %.2f\n",
           median_ms (series (table, "real")) / median_ms (series (table, "minimal")),
           worst_ms (series (table, "real")) / worst_ms (series (table, "minimal")));
  g_print ("  resident memory at the first frame, MiB: minimal %.1f, Placements %.1f "
           "(+%.1f; target <= +60)\n",
           median_ms (series (table, "minimal-rss")) / 1024,
           median_ms (series (table, "real-rss")) / 1024,
           (median_ms (series (table, "real-rss")) - median_ms (series (table, "minimal-rss")))
           / 1024);

  floor_median = median_ms (series (table, "floor"));
  floor_worst = worst_ms (series (table, "floor"));
  g_print ("To the frame that shows the new rows (the search after its %d ms delay):\n",
           PLACEMENTS_RECORD_PAGE_SEARCH_DELAY);
  print_series (table, "floor", "floor: items-changed(0, 100000, 100000)");
  {
    const char *ops[][2] = {
      { "sort", "sort a column" },
      { "type", "type a character" },
      { "clear", "clear the search" },
      { "filter", "filter (has an active placement)" },
      { "unfilter", "remove the filter" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (ops); i++)
      {
        g_autofree char *gap_name = g_strconcat (ops[i][0], "-gap", NULL);

        if (series (table, ops[i][0])->len == 0)
          continue;
        print_series (table, ops[i][0], ops[i][1]);
        g_print ("  %-40s %.2fx the floor's median, %.2fx its worst (target <= 1.5); "
                 "longest main-loop stall %.0f ms\n", "",
                 median_ms (series (table, ops[i][0])) / floor_median,
                 worst_ms (series (table, ops[i][0])) / floor_worst,
                 worst_ms (series (table, gap_name)));
      }
    g_print ("  %-40s longest main-loop stall %.0f ms\n", "floor",
             worst_ms (series (table, "floor-gap")));
  }

  g_unlink (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (dir);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  const char *t0 = g_getenv ("BENCH_WINDOW_LAUNCH");

  launch_time = t0 != NULL ? g_ascii_strtoll (t0, NULL, 10) : g_get_monotonic_time ();
  self_path = argv[0];

  if (argc >= 3 && g_str_equal (argv[1], "--child"))
    {
      char *app_argv[] = { argv[0], NULL };

      if (g_str_equal (argv[2], "startup-minimal"))
        return run_minimal (1, app_argv, FALSE);
      if (g_str_equal (argv[2], "startup-columnview"))
        return run_minimal (1, app_argv, TRUE);
      if (g_str_equal (argv[2], "startup-real") && argc >= 4)
        return run_real (argv[3], FALSE);
      if (g_str_equal (argv[2], "interact") && argc >= 4)
        {
          if (argc >= 5)
            n_rounds = (guint) g_ascii_strtoull (argv[4], NULL, 10);
          return run_real (argv[3], TRUE);
        }
      return 2;
    }

  if (argc < 2)
    {
      g_printerr ("Usage: %s DATABASE [RUNS]\n", argv[0]);
      return 2;
    }
  return drive (argv[1], argc >= 3 ? (guint) g_ascii_strtoull (argv[2], NULL, 10) : 5);
}
