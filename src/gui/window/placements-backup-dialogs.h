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

/* What the choosers' Accept does with the file chosen. Tests call them too: a test cannot
 * set the file a GTK 4.8 native chooser hands over. */
void placements_backup_dialogs_back_up_to   (GtkWindow       *parent,
                                             PlacementsStore *store,
                                             AdwToastOverlay *toasts,
                                             const char      *path);
/* Checks @path first and refuses a bad file with the core's message before asking. */
void placements_backup_dialogs_restore_from (GtkWindow       *parent,
                                             PlacementsStore *store,
                                             AdwToastOverlay *toasts,
                                             const char      *path);

G_END_DECLS
