#pragma once

#include <adwaita.h>

#include "placements-store.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_MESSAGES_WINDOW (placements_messages_window_get_type ())
G_DECLARE_FINAL_TYPE (PlacementsMessagesWindow, placements_messages_window, PLACEMENTS,
                      MESSAGES_WINDOW, AdwWindow)

/* The messages sent and received, newest first: partner, date, kind, number of records, and
 * for a sent one whether the answer came and what it rejected. */
PlacementsMessagesWindow *placements_messages_window_new      (GtkWindow       *parent,
                                                               PlacementsStore *store);
/* One line a message, as shown: "title — subtitle", for tests. */
char                     *placements_messages_window_dup_text (PlacementsMessagesWindow *self);

G_END_DECLS
