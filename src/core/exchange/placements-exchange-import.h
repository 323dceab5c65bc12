#pragma once

#include <gio/gio.h>

#include "placements-progress.h"
#include "placements-store.h"

G_BEGIN_DECLS

/*
 * Importing one exchange file: prepare (read, validate, check the rules, compare
 * with the database and with what was last exchanged with the sender), let the user
 * look at the preview and resolve each conflict, then apply all of it in one
 * transaction, or nothing.
 *
 * An import works on the store it is given, synchronously (the CLI). A program
 * with a main loop runs it as a job instead (placements-exchange-jobs.h): prepare
 * and apply in a thread with a connection of their own, the caller's store told
 * what changed by the core. An import and its store may move between threads
 * (prepare in a worker, resolve in the GUI, apply in a worker) but are never used
 * from two threads at once.
 */

#define PLACEMENTS_TYPE_IMPORT (placements_import_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsImport, placements_import, PLACEMENTS, IMPORT, GObject)

typedef enum
{
  PLACEMENTS_IMPORT_NEW,
  PLACEMENTS_IMPORT_CHANGED,
  PLACEMENTS_IMPORT_UNCHANGED,
  PLACEMENTS_IMPORT_CONFLICTING,
} PlacementsImportStatus;

typedef enum
{
  PLACEMENTS_RESOLUTION_NONE,
  PLACEMENTS_RESOLUTION_KEEP_OURS,
  PLACEMENTS_RESOLUTION_TAKE_THEIRS,
} PlacementsResolution;

/* One record of the file, as the preview shows it. */
typedef struct
{
  const char             *kind;
  const char             *uuid;
  PlacementsImportStatus  status;
  /* The line of its element in the file. */
  guint                   line;
} PlacementsImportEntry;

/*
 * A field changed here and there since the last exchange (or, never exchanged, a
 * field that differs). Values are text forms; "" is an empty field; @base is NULL
 * when the record was never exchanged with this partner, and when it was last sent
 * from here: an export keeps only a digest of what it sent (exchange-format.md).
 */
typedef struct
{
  const char           *kind;
  const char           *uuid;
  const char           *field;
  /* The field's label, translated. */
  const char           *label;
  const char           *base;
  const char           *ours;
  const char           *theirs;
  PlacementsResolution  resolution;
} PlacementsImportConflict;

/* What an acknowledgement said of one record of a message we sent. */
typedef struct
{
  const char *record_uuid;
  const char *kind;
  const char *code;
  const char *rule;
  const char *message;
} PlacementsImportResult;

PlacementsImport *placements_import_new            (PlacementsStore       *store);
/* For tests: the size cap (0: PLACEMENTS_EXCHANGE_MAX_SIZE). */
void              placements_import_set_max_size   (PlacementsImport      *self,
                                                    gsize                  max_size);

/* Reads, validates and compares; writes nothing. Refusals are
 * PLACEMENTS_ERROR_REFUSED_FILE; a cancelled prepare is G_IO_ERROR_CANCELLED. */
gboolean          placements_import_prepare        (PlacementsImport      *self,
                                                    const char            *path,
                                                    PlacementsProgressFunc progress,
                                                    gpointer               user_data,
                                                    GCancellable          *cancellable,
                                                    GError               **error);

/* The header of the prepared message. */
const char       *placements_import_get_message_id (PlacementsImport      *self);
const char       *placements_import_get_message_kind (PlacementsImport    *self);
const char       *placements_import_get_sender     (PlacementsImport      *self);
const char       *placements_import_get_in_reply_to (PlacementsImport     *self);
/* TRUE when the message was imported before: the preview shows every record as
 * unchanged and apply writes nothing. */
gboolean          placements_import_get_already_imported (PlacementsImport *self);

/* The preview. */
guint             placements_import_get_n_entries  (PlacementsImport      *self);
const PlacementsImportEntry *placements_import_get_entry (PlacementsImport *self,
                                                          guint             index);
guint             placements_import_count          (PlacementsImport      *self,
                                                    PlacementsImportStatus status);

/* The entries of one kind, counted by status (PlacementsImportStatus). */
typedef struct
{
  const char *kind;
  guint       counts[PLACEMENTS_IMPORT_CONFLICTING + 1];
} PlacementsImportKindCounts;

/* Counted while preparing, in the preparing thread, so that a window shows a file of
 * 100,000 clients without going through its records: the kinds in the order the file
 * has them (PlacementsImportKindCounts*), and the indices (guint) of the entries that
 * are changed or conflicting, in file order. */
GPtrArray        *placements_import_get_kind_counts (PlacementsImport     *self);
GArray           *placements_import_get_notable     (PlacementsImport     *self);
/* The fields a changed entry (PLACEMENTS_IMPORT_CHANGED) takes from the file: an array of
 * PlacementsImportChange, empty for other entries. Valid until the import is applied. */
typedef struct
{
  const char *field;
  /* The field's label, translated. */
  const char *label;
  const char *ours;
  const char *theirs;
} PlacementsImportChange;

GArray           *placements_import_dup_changes    (PlacementsImport      *self,
                                                    guint                  index);
guint             placements_import_get_n_conflicts (PlacementsImport     *self);
const PlacementsImportConflict *placements_import_get_conflict (PlacementsImport *self,
                                                                guint             index);
void              placements_import_resolve        (PlacementsImport      *self,
                                                    guint                  index,
                                                    PlacementsResolution   resolution);
void              placements_import_resolve_all    (PlacementsImport      *self,
                                                    PlacementsResolution   resolution);
guint             placements_import_get_n_unresolved (PlacementsImport    *self);

/* For an acknowledgement: the results it carries. */
guint             placements_import_get_n_results  (PlacementsImport      *self);
const PlacementsImportResult *placements_import_get_result (PlacementsImport *self,
                                                            guint             index);

/*
 * Writes the prepared message in one transaction: new and changed records in
 * dependency order, the base of each record with the sender, the message in the
 * log and an audit event. Refuses (PLACEMENTS_ERROR_CONFLICT) while a conflict is
 * unresolved. Cancelled or failed, it rolls back: the database is as it was.
 */
gboolean          placements_import_apply          (PlacementsImport      *self,
                                                    PlacementsProgressFunc progress,
                                                    gpointer               user_data,
                                                    GCancellable          *cancellable,
                                                    GError               **error);
/* The record types apply wrote, for placements_store_notify_changed(). */
GArray           *placements_import_get_changed_types (PlacementsImport   *self);

/*
 * Writes the acknowledgement of the prepared (and usually applied) message to
 * @path and logs it as sent. After apply, each record is accepted, or a warning
 * (rule "conflict-kept-ours") where a conflict kept our value. After a refused
 * prepare whose file was well-formed and valid but broke a rule, every record is
 * rejected: the one that broke it with that rule and message, the others with
 * "all-or-nothing". A file that could not be parsed gets no acknowledgement: its
 * header cannot be trusted to say whom to answer.
 */
gboolean          placements_import_write_acknowledgement (PlacementsImport *self,
                                                           const char       *path,
                                                           GError          **error);

G_END_DECLS
