#pragma once

#include <gio/gio.h>

#include "placements-exchange-export.h"
#include "placements-exchange-import.h"
#include "placements-progress.h"
#include "placements-store.h"

G_BEGIN_DECLS

/*
 * The exchange as jobs for a program with a main loop (the window): each runs in a
 * GTask thread with a database connection of its own, opened on @store's file with
 * @store's open flags, so the caller's connection stays free for the main thread.
 *
 * - @progress is called in the thread-default main context of the caller of the
 *   _async function, never in the thread; updates that come faster than the main
 *   loop takes them are merged (the latest fraction and stage win), and every one
 *   is delivered before the job's callback runs.
 * - Cancelled through @cancellable, a job ends with G_IO_ERROR_CANCELLED: a
 *   cancelled apply is rolled back, a cancelled export leaves no file. A job that
 *   got past the point of no return reports success, cancelled or not.
 * - What the job's connection committed is told on @store, the caller's: its
 *   "changed" is emitted for each type written, with the same UUIDs, in the
 *   caller's context before the job's callback runs. Saves made on @store with
 *   placements_store_save_async() while the job held the write lock are
 *   committed when it lets go.
 *
 * While an apply or an export runs, it holds the database's write lock; see the
 * busy policy in placements-store.h.
 */

/* Reads, validates and compares @path in a thread. The import it gives works on
 * the job's own connection: resolve its conflicts on the main thread, then apply it
 * with placements_import_apply_async(). */
void              placements_import_prepare_async  (PlacementsStore        *store,
                                                    const char             *path,
                                                    PlacementsProgressFunc  progress,
                                                    gpointer                progress_data,
                                                    GDestroyNotify          progress_notify,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
PlacementsImport *placements_import_prepare_finish (PlacementsStore        *store,
                                                    GAsyncResult           *result,
                                                    GError                **error);

/* Applies an import made by placements_import_prepare_async() in a thread. */
void              placements_import_apply_async    (PlacementsImport       *import,
                                                    PlacementsProgressFunc  progress,
                                                    gpointer                progress_data,
                                                    GDestroyNotify          progress_notify,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
gboolean          placements_import_apply_finish   (PlacementsImport       *import,
                                                    GAsyncResult           *result,
                                                    GError                **error);

/* Writes a message from this database's own organisation to @receiver (see
 * placements_export_new()) to @path in a thread, of a pilot's clients or one client when
 * @pilot_uuid or @client_uuid say so. The export it gives tells what was written
 * (placements_export_get_n_records() and the like). */
void              placements_export_write_async    (PlacementsStore        *store,
                                                    const char             *receiver,
                                                    const char             *pilot_uuid,
                                                    const char             *client_uuid,
                                                    gboolean                pseudonymise,
                                                    const char             *path,
                                                    PlacementsProgressFunc  progress,
                                                    gpointer                progress_data,
                                                    GDestroyNotify          progress_notify,
                                                    GCancellable           *cancellable,
                                                    GAsyncReadyCallback     callback,
                                                    gpointer                user_data);
PlacementsExport *placements_export_write_finish   (PlacementsStore        *store,
                                                    GAsyncResult           *result,
                                                    GError                **error);

G_END_DECLS
