#pragma once

#include <gio/gio.h>

#include "placements-enums.h"
#include "placements-record.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_STORE (placements_store_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsStore, placements_store, PLACEMENTS, STORE, GObject)

/* The database file used when neither --db nor PLACEMENTS_DB names one:
 * $XDG_DATA_HOME/placements/placements.db */
char            *placements_store_get_default_path (void);
/* --db PATH wins over PLACEMENTS_DB, which wins over the default path. */
char            *placements_store_resolve_path     (const char        *command_line_path);

/*
 * Opens (creating with mode 0600 where missing) and migrates the database. A
 * database written by a newer Placements is refused with
 * PLACEMENTS_ERROR_NEWER_DATABASE and left untouched; one on a network file
 * system with PLACEMENTS_ERROR_NETWORK_FILESYSTEM, before anything is created,
 * unless @flags allow it.
 */
PlacementsStore *placements_store_open             (const char        *path,
                                                    GError           **error);
/**
 * PlacementsStoreOpenFlags:
 * @PLACEMENTS_STORE_OPEN_DEFAULT: open for reading and writing
 * @PLACEMENTS_STORE_OPEN_FOR_READING: the caller only reads: a database whose file
 *   or folder cannot be written (read-only, or on a full disk) is opened read-only
 *   rather than refused. It must be at the latest schema version then.
 * @PLACEMENTS_STORE_OPEN_ALLOW_NETWORK_FILESYSTEM: open a database on a network file
 *   system all the same: the user says no other program uses it
 *   (--allow-network-filesystem). Without it, such a database is refused with
 *   PLACEMENTS_ERROR_NETWORK_FILESYSTEM before anything is made.
 */
typedef enum
{
  PLACEMENTS_STORE_OPEN_DEFAULT = 0,
  PLACEMENTS_STORE_OPEN_FOR_READING = 1 << 0,
  PLACEMENTS_STORE_OPEN_ALLOW_NETWORK_FILESYSTEM = 1 << 1,
} PlacementsStoreOpenFlags;

PlacementsStore *placements_store_open_full        (const char               *path,
                                                    PlacementsStoreOpenFlags  flags,
                                                    GError                  **error);
/* The flags it was opened with: a job opening its own connection uses the same. */
PlacementsStoreOpenFlags placements_store_get_open_flags (PlacementsStore *self);
gboolean         placements_store_is_read_only     (PlacementsStore   *self);
/* One read transaction: everything read until placements_store_end_read() sees the
 * database as it was at the first read, whatever other connections commit. */
gboolean         placements_store_begin_read       (PlacementsStore   *self,
                                                    GError           **error);
void             placements_store_end_read         (PlacementsStore   *self);

/*
 * The busy policy. SQLite lets one connection write at a time; an import holds the
 * write lock for its whole apply (tens of seconds for a large file). A write that
 * finds the lock taken waits at most the busy timeout, then fails with
 * PLACEMENTS_ERROR_BUSY, translated, having written nothing; the caller still has
 * what it meant to write and may try again. Stores start with the default, right
 * for a command line or a worker thread; a store used on a GUI's main thread sets
 * the interactive one, so a save never freezes the window, and saves what the user
 * typed with placements_store_save_async(), which queues it while another writer
 * holds the lock and commits it after.
 */
#define PLACEMENTS_STORE_DEFAULT_BUSY_TIMEOUT     5000
#define PLACEMENTS_STORE_INTERACTIVE_BUSY_TIMEOUT 20
void             placements_store_set_busy_timeout (PlacementsStore   *self,
                                                    guint              milliseconds);
guint            placements_store_get_busy_timeout (PlacementsStore   *self);

/*
 * Saves @record without the calling thread ever waiting, for the lock or for the
 * disk (placements-save-queue.c): a copy of it as it is now is written by the
 * store's writer thread, on a connection of its own, in the order the saves were
 * asked for. While another connection holds the write lock (an import, another
 * program) the save waits in that queue and is committed as soon as the lock is
 * free. Then, in the caller's context, @record gets its row id and times (and the
 * normalised text, unless it was edited meanwhile), "changed" is emitted, and
 * @callback runs. A save refused for another reason (a field, a reference)
 * reports that error. Cancelling drops a save that has not been written yet.
 */
void             placements_store_save_async       (PlacementsStore     *self,
                                                    PlacementsRecord    *record,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean         placements_store_save_finish      (PlacementsStore     *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);
/* How many saves placements_store_save_async() has not finished yet. */
guint            placements_store_get_n_queued_saves (PlacementsStore   *self);
const char      *placements_store_get_path         (PlacementsStore   *self);
int              placements_store_get_schema_version (PlacementsStore *self);
int              placements_store_get_latest_schema_version (void);

/* Writes: each in its own BEGIN IMMEDIATE transaction unless one is open. */
gboolean         placements_store_save             (PlacementsStore   *self,
                                                    PlacementsRecord  *record,
                                                    GError           **error);
gboolean         placements_store_delete           (PlacementsStore   *self,
                                                    PlacementsRecord  *record,
                                                    GError           **error);
/* Reads. */
gpointer         placements_store_load             (PlacementsStore   *self,
                                                    GType              record_type,
                                                    const char        *uuid,
                                                    GError           **error);
gboolean         placements_store_exists           (PlacementsStore   *self,
                                                    GType              record_type,
                                                    const char        *uuid);
gint64           placements_store_count            (PlacementsStore   *self,
                                                    GType              record_type);
/* The records whose @field equals @value (all records when @field is NULL), in
 * the type's default order. For small sets: a client's placements, a pilot's
 * partners. Lists use PlacementsRecordList. */
GPtrArray       *placements_store_find             (PlacementsStore   *self,
                                                    GType              record_type,
                                                    const char        *field,
                                                    const char        *value,
                                                    GError           **error);

/* Several writes as one: nothing is visible, and no "changed" is emitted, until
 * commit; rollback undoes them all. Not nested. */
gboolean         placements_store_begin            (PlacementsStore   *self,
                                                    GError           **error);
gboolean         placements_store_commit           (PlacementsStore   *self,
                                                    GError           **error);
void             placements_store_rollback         (PlacementsStore   *self);
gboolean         placements_store_in_transaction   (PlacementsStore   *self);

/*
 * The one writer of the audit log: who (the OS user), when (the transaction's time,
 * the same the records written with it carry), what (@action) and which records
 * (@record_kind, a record kind's name or "message" for an exchange, and
 * @record_uuids, comma-separated). @detail is an untranslated summary. Written in
 * the caller's transaction, or in one of its own.
 */
gboolean         placements_store_write_audit_event (PlacementsStore        *self,
                                                     PlacementsAuditAction   action,
                                                     const char             *record_kind,
                                                     const char             *record_uuids,
                                                     const char             *detail,
                                                     GError                **error);

/* The same, about one client (@client_uuid): an opening of the client's record, a
 * print or a report of it. */
gboolean         placements_store_write_client_audit_event (PlacementsStore        *self,
                                                            PlacementsAuditAction   action,
                                                            const char             *record_kind,
                                                            const char             *record_uuids,
                                                            const char             *client_uuid,
                                                            const char             *detail,
                                                            GError                **error);
/* The client a record is about, for the log: a client itself, or the client its
 * client-uuid field names; NULL for records of no one client. */
const char      *placements_store_get_client_of    (PlacementsRecord       *record);
/*
 * In the caller's transaction (placements_store_begin()), saves no longer log an
 * entry per record created or changed: the caller logs one summary of the whole
 * (an import, the demo data). Deletions are still logged one by one. Ends with the
 * transaction.
 */
void             placements_store_set_bulk_audit   (PlacementsStore        *self);

/* Integrity and foreign-key check; each problem is a line in @problems. */
gboolean         placements_store_check            (PlacementsStore   *self,
                                                    GPtrArray        **problems,
                                                    GError           **error);

/* After the file's contents were replaced underneath (a restore): prepares anew,
 * upgrades an older schema, and tells listeners that every kind changed. */
gboolean         placements_store_reload           (PlacementsStore   *self,
                                                    GError           **error);

/* Tells listeners that records of @record_type changed through another connection
 * (an import in a thread). */
void             placements_store_notify_changed   (PlacementsStore   *self,
                                                    GType              record_type);

/* For the core's own SQL users (models, exchange): the connection. */
struct sqlite3  *placements_store_get_connection   (PlacementsStore   *self);

/* The registered record types, in an order where a record comes after every type
 * it refers to (organisations first, audit events last). */
const GType     *placements_store_get_record_types (guint             *n_types);
GType            placements_store_find_record_type (const char        *kind);

G_END_DECLS
