#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The first widget of @type in @widget's tree, @widget included, depth first; or NULL. */
GtkWidget *placements_test_find_descendant (GtkWidget *widget,
                                            GType      type);
/* Runs the main context until nothing is pending, and no window's list is still reading
 * its rows on its thread. */
void       placements_test_flush_events    (void);
/* Whether a window's list is reading its rows. */
gboolean   placements_test_lists_loading   (void);

typedef gboolean (*PlacementsTestCondition) (gpointer user_data);

/* How many times longer a wait may take in this build: sanitized builds run slower. */
#if defined(__SANITIZE_ADDRESS__)
# define PLACEMENTS_TEST_SLOWDOWN 5
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define PLACEMENTS_TEST_SLOWDOWN 5
# endif
#endif
#ifndef PLACEMENTS_TEST_SLOWDOWN
# define PLACEMENTS_TEST_SLOWDOWN 1
#endif

/* Runs the main context, waking for its own events, until @condition holds; the test fails
 * if it does not within @timeout_ms milliseconds (times PLACEMENTS_TEST_SLOWDOWN). Nothing
 * sleeps: a timeout source ends the wait. */
void       placements_test_wait_until      (PlacementsTestCondition condition,
                                            gpointer                user_data,
                                            guint                   timeout_ms);

/* Drops the caller's reference to @object and waits until it is finalized: a task on a
 * thread (a list being read, an overview being counted) may hold it a little longer, and
 * gives it back in the main context. The test fails if it is not finalized within 10 s,
 * as g_assert_finalize_object() would fail at once. */
void       placements_test_assert_finalized (gpointer object);

G_END_DECLS
