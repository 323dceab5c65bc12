#define G_LOG_DOMAIN "placements-test-gui"

#include "config.h"

#include "placements-record-page.h"
#include "placements-test-gui.h"

/* What the widget test programs share: finding widgets and waiting for the main loop. */

GtkWidget *
placements_test_find_descendant (GtkWidget *widget,
                                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = placements_test_find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
widget_has_loading_list (GtkWidget *widget)
{
  if (PLACEMENTS_IS_RECORD_PAGE (widget))
    {
      PlacementsRecordList *list = placements_record_page_get_list (PLACEMENTS_RECORD_PAGE (widget));

      if (list != NULL && placements_record_list_is_loading (list))
        return TRUE;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (widget_has_loading_list (child))
      return TRUE;
  return FALSE;
}

gboolean
placements_test_lists_loading (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (widget_has_loading_list (window))
        return TRUE;
    }
  return FALSE;
}

static gboolean
lists_loaded (gpointer user_data)
{
  return !placements_test_lists_loading ();
}

void
placements_test_flush_events (void)
{
  /* The windows' lists read their rows on a thread: what a test does next acts on the
   * lists as they are once read, as a user sees them. */
  do
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      if (placements_test_lists_loading ())
        placements_test_wait_until (lists_loaded, NULL, 10000);
    }
  while (g_main_context_pending (NULL));
}

static gboolean
timed_out_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

void
placements_test_wait_until (PlacementsTestCondition condition,
                            gpointer                user_data,
                            guint                   timeout_ms)
{
  gboolean timed_out = FALSE;
  guint timeout;

  /* A timeout only says when to give up on a test that has already failed: a sanitized
   * build on a busy machine runs several times slower (CI gives it five times the time),
   * and GTK's file chooser reading a folder there takes seconds. */
  timeout_ms *= PLACEMENTS_TEST_SLOWDOWN;
  timeout = g_timeout_add (timeout_ms, timed_out_cb, &timed_out);

  /* Each iteration blocks until some source is ready: the page's own timers, GTK's frame
   * clock, or the timeout above. */
  while (!condition (user_data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (timeout);
  /* On stderr, which a test's subprocess passes on even when it aborts. */
  if (!condition (user_data))
    g_printerr ("The condition %p was not met within %u ms\n", (gpointer) condition,
                timeout_ms);
  g_assert_true (condition (user_data));
}

static gboolean
pointer_cleared (gpointer user_data)
{
  return *(gpointer *) user_data == NULL;
}

void
placements_test_assert_finalized (gpointer object)
{
  gpointer watched = object;

  g_assert_true (G_IS_OBJECT (object));
  g_object_add_weak_pointer (object, &watched);
  g_object_unref (object);
  placements_test_wait_until (pointer_cleared, &watched, 10000);
}
