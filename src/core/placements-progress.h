#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * How long-running core work (export, import) tells its caller how far it is.
 * @fraction runs from 0.0 to 1.0; @stage is a translated, human-readable name of
 * what is being done ("Writing records"). Called in the thread doing the work:
 * a GUI forwards it to the main loop itself (g_main_context_invoke).
 */
typedef void (*PlacementsProgressFunc) (double      fraction,
                                        const char *stage,
                                        gpointer    user_data);

G_END_DECLS
