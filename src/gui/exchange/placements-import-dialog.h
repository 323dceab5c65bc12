#pragma once

#include <adwaita.h>

#include "placements-store.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_IMPORT_DIALOG (placements_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlacementsImportDialog, placements_import_dialog, PLACEMENTS,
                      IMPORT_DIALOG, AdwWindow)

/* Reads and checks @path in a thread (a progress bar and Cancel meanwhile), then shows what
 * the file would change, lets the conflicts be resolved field by field, and applies it all
 * or nothing. A refused file shows why; nothing is written then, nor on Cancel. */
PlacementsImportDialog *placements_import_dialog_new          (GtkWindow       *parent,
                                                               PlacementsStore *store,
                                                               const char      *path);

/* What the dialog shows: "progress", "refused", "preview" or "done". */
const char             *placements_import_dialog_get_stage    (PlacementsImportDialog *self);
/* The refusal, once there is one. */
const char             *placements_import_dialog_get_message  (PlacementsImportDialog *self);
/* Where this database has no own organisation yet, the name of the one the file is
 * addressed to, which import.adopt takes as its own; else NULL. */
const char             *placements_import_dialog_get_offered_owner (PlacementsImportDialog *self);
/* How many of the preview's conflicts still have no answer. */
guint                   placements_import_dialog_get_n_unresolved (PlacementsImportDialog *self);

/* The acknowledgement's suggested name: "YYYY-MM-DD Receiver aan Sender.placements.xml". */
char                   *placements_import_dialog_dup_ack_name (PlacementsImportDialog *self);

G_END_DECLS
