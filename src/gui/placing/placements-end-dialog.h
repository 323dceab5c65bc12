#pragma once

#include <adwaita.h>

#include "placements-store.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_END_DIALOG (placements_end_dialog_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsEndDialog, placements_end_dialog, PLACEMENTS, END_DIALOG,
                      AdwWindow)

/*
 * Ending a placement, in one dialog: the end date, the end reason and the outcome, in the
 * domain's codes. end.confirm ends it with placements_placement_end(), which also sets the
 * follow-up dates at 6 and 12 months; "ended" follows and the dialog closes.
 */
PlacementsEndDialog *placements_end_dialog_new (GtkWindow       *parent,
                                                PlacementsStore *store,
                                                const char      *placement_uuid,
                                                const char      *date);

/* For tests and the keyboard: what the rows would be set to. */
void        placements_end_dialog_set_date       (PlacementsEndDialog *self,
                                                  const char          *date);
void        placements_end_dialog_set_end_reason (PlacementsEndDialog *self,
                                                  int                  end_reason);
void        placements_end_dialog_set_outcome    (PlacementsEndDialog *self,
                                                  int                  outcome);
const char *placements_end_dialog_get_error      (PlacementsEndDialog *self);

G_END_DECLS
