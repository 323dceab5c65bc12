#pragma once

#include <adwaita.h>

#include "placements-store.h"

G_BEGIN_DECLS

/*
 * The main menu's Back Up… and Restore…: a file chooser, then the core's backup or
 * checked restore, an error dialog with the core's message, or a toast on success.
 */
void placements_backup_dialogs_back_up (GtkWindow       *parent,
                                        PlacementsStore *store,
                                        AdwToastOverlay *toasts);
void placements_backup_dialogs_restore (GtkWindow       *parent,
                                        PlacementsStore *store,
                                        AdwToastOverlay *toasts);

G_END_DECLS
