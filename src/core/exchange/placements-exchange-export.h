#pragma once

#include <gio/gio.h>

#include "placements-progress.h"
#include "placements-store.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_EXPORT (placements_export_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsExport, placements_export, PLACEMENTS, EXPORT, GObject)

/*
 * One exchange message from this database's own organisation to a receiver: a
 * referral or update carrying records, or a pseudonymised report. Only clients
 * with a valid consent for the receiver travel; see docs/exchange-format.md.
 */
PlacementsExport *placements_export_new                  (PlacementsStore         *store,
                                                          const char              *receiver,
                                                          const char              *pilot_uuid,
                                                          gboolean                 pseudonymise);

/* Writes the message to @path (a temporary file beside it, renamed into place),
 * then records what was sent with the receiver, in the message log and in the
 * audit log. On error or cancellation no file is left behind. */
gboolean          placements_export_write                (PlacementsExport        *self,
                                                          const char              *path,
                                                          PlacementsProgressFunc   progress,
                                                          gpointer                 user_data,
                                                          GCancellable            *cancellable,
                                                          GError                 **error);

/* Sends only this client (as from their page), when the consent rules let them travel;
 * NULL: every client they let. Set before writing. */
void              placements_export_set_client_uuid      (PlacementsExport        *self,
                                                          const char              *client_uuid);
const char       *placements_export_get_client_uuid      (PlacementsExport        *self);
PlacementsStore  *placements_export_get_store            (PlacementsExport        *self);
const char       *placements_export_get_receiver         (PlacementsExport        *self);
const char       *placements_export_get_pilot_uuid       (PlacementsExport        *self);
gboolean          placements_export_get_pseudonymise     (PlacementsExport        *self);

/* The summary of the last successful write. */
const char       *placements_export_get_message_id       (PlacementsExport        *self);
/* "referral", "update" or "report". */
const char       *placements_export_get_message_kind     (PlacementsExport        *self);
guint             placements_export_get_n_records        (PlacementsExport        *self);
guint             placements_export_get_n_clients        (PlacementsExport        *self);
guint             placements_export_get_n_left_out       (PlacementsExport        *self);

/* The participant code of a client in a report to the organisation with the
 * exchange id @receiver_id: "P-" and 12 upper-case hex digits of
 * SHA-256 (client UUID ":" receiver exchange id). */
char             *placements_export_participant_code     (const char              *client_uuid,
                                                          const char              *receiver_id);

G_END_DECLS
