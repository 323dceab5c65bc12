#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The first widget of @type in @widget's tree, @widget included, depth first; or NULL. */
GtkWidget *placements_test_find_descendant (GtkWidget *widget,
                                            GType      type);
/* Runs the main context until nothing is pending. */
void       placements_test_flush_events    (void);

typedef gboolean (*PlacementsTestCondition) (gpointer user_data);

/* Runs the main context, waking for its own events, until @condition holds; the test fails
 * if it does not within @timeout_ms milliseconds. Nothing sleeps: a timeout source ends the
 * wait. */
void       placements_test_wait_until      (PlacementsTestCondition condition,
                                            gpointer                user_data,
                                            guint                   timeout_ms);

G_END_DECLS
