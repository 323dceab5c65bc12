#pragma once

#include <adwaita.h>

#include "placements-store.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_SEND_DIALOG (placements_send_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlacementsSendDialog, placements_send_dialog, PLACEMENTS, SEND_DIALOG,
                      AdwWindow)

/* Sends records to a partner: choose the receiver (and a pilot, or a pseudonymised report
 * for a funder), see what will travel and who is left out and why, then write the file in a
 * thread. @pilot_uuid (nullable) is chosen beforehand, as from a pilot's page. */
PlacementsSendDialog *placements_send_dialog_new           (GtkWindow       *parent,
                                                            PlacementsStore *store,
                                                            const char      *pilot_uuid);

/* Sends only this client, as from their page: the title names them, the pilot is not asked. */
void                  placements_send_dialog_set_client    (PlacementsSendDialog *self,
                                                            const char           *client_uuid);

/* What the dialog says now, for tests: how many clients travel, and the sentences about
 * those left out ("Name: reason"), one a line. */
guint                 placements_send_dialog_get_n_clients (PlacementsSendDialog *self);
char                 *placements_send_dialog_dup_left_out  (PlacementsSendDialog *self);
/* The file name it suggests: "YYYY-MM-DD Sender aan Receiver.placements.xml". */
char                 *placements_send_dialog_dup_suggested_name (PlacementsSendDialog *self);

G_END_DECLS
