#pragma once

#include <adwaita.h>

#include "placements-store.h"

G_BEGIN_DECLS

typedef void (*PlacementsEraseDone) (const char *client_uuid,
                                     gpointer    user_data);

/*
 * Erasure of a client from the window (GDPR art. 17): asks twice, the second time saying
 * again that it cannot be undone, then runs the core's erase (secure_delete, the log
 * checkpointed and truncated). @about_to_erase is called just before, so that the window
 * can close the client's record without asking about changes that go with it anyway; a
 * toast on @toasts says how it went, a dialog why it failed.
 */
void placements_erase_dialogs_run (GtkWindow           *parent,
                                   PlacementsStore     *store,
                                   const char          *client_uuid,
                                   AdwToastOverlay     *toasts,
                                   PlacementsEraseDone  about_to_erase,
                                   gpointer             user_data);

G_END_DECLS
