#pragma once

#include <sqlite3.h>

#include "placements-record.h"
#include "placements-store.h"

G_BEGIN_DECLS

/* The columns every SELECT of records lists, in this order: id, uuid, created,
 * updated, then each field's column. Qualified by the table name. */
char             *placements_store_record_columns (PlacementsRecordClass *klass);
/* The same columns of the table as named by @alias in the query. */
char             *placements_store_record_columns_as (PlacementsRecordClass *klass,
                                                      const char            *alias);
/* Builds a record from a row selected with those columns, starting at @column. */
PlacementsRecord *placements_store_record_from_row (GType                  record_type,
                                                    sqlite3_stmt          *statement,
                                                    int                    column);
/* Overwrites the fields of @record with the row's values, notifying changes. */
void              placements_store_refresh_from_row (PlacementsRecord     *record,
                                                     sqlite3_stmt         *statement,
                                                     int                   column);
/* Binds a field's value as the store writes it: an empty text or code, or a zero
 * that means "not filled in", as NULL; a code by its nick. */
void              placements_store_bind_field (sqlite3_stmt          *statement,
                                               int                    index,
                                               const PlacementsField *field,
                                               const GValue          *value);
/* The searchable fields' words, folded: what the full-text index holds. */
char             *placements_store_dup_search_text (PlacementsRecordClass *klass,
                                                    PlacementsRecord      *record);
/* SQL functions placements_fold(text, ...), placements_sort_key_for_text(text) and
 * placements_sort_key_for_name(family, given), for migrations. */
void              placements_store_sql_fold (sqlite3_context  *context,
                                             int               argc,
                                             sqlite3_value   **argv);
void              placements_store_sql_sort_key_for_text (sqlite3_context  *context,
                                                          int               argc,
                                                          sqlite3_value   **argv);
void              placements_store_sql_sort_key_for_name (sqlite3_context  *context,
                                                          int               argc,
                                                          sqlite3_value   **argv);
/* A prepared statement owned by the store's cache: reset, never finalize. */
sqlite3_stmt     *placements_store_prepare (PlacementsStore  *self,
                                            const char       *sql,
                                            GError          **error);
/* How many prepared statements the store's cache holds (for tests). */
guint             placements_store_get_n_cached_statements (PlacementsStore *self);
/* PLACEMENTS_ERROR_BUSY for the database at @path, in the user's language. */
void              placements_store_set_busy_error (const char  *path,
                                                   GError     **error);
/* Turns the connection's last error into a GError. */
void              placements_store_set_sqlite_error (PlacementsStore  *self,
                                                     GError          **error,
                                                     const char       *context);

/*
 * For a bulk write in the caller's transaction (an import): @known maps the UUIDs of
 * records written in this transaction to their GType, so that the reference checks
 * of placements_store_save() need not ask the database for each of them. A
 * reference not in @known is checked as always, with the same message naming the
 * field. Borrowed, not copied; NULL stops it, and so does the transaction's end.
 */
void              placements_store_set_known_records (PlacementsStore *self,
                                                      GHashTable      *known);

/*
 * Like placements_store_save() of a record that must be new, in the caller's
 * transaction: when a record with its UUID exists, writes nothing and returns FALSE
 * with @existed set (and no error). Looks the UUID up once, where a caller's own
 * check before placements_store_save() made it twice.
 */
gboolean          placements_store_save_new (PlacementsStore   *self,
                                             PlacementsRecord  *record,
                                             gboolean          *existed,
                                             GError           **error);

/*
 * For a deletion that can be undone (PlacementsDeletion), in the caller's transaction:
 * deletes @record, and what cascades with it, without an audit event, which the caller
 * writes when the deletion is final; and writes a record back as it was, its created and
 * updated stamps included.
 */
gboolean          placements_store_delete_unaudited (PlacementsStore   *self,
                                                     PlacementsRecord  *record,
                                                     GError           **error);
gboolean          placements_store_restore          (PlacementsStore   *self,
                                                     PlacementsRecord  *record,
                                                     GError           **error);

/* For the record base class: stores a loaded value without notification. */
void              placements_record_load_value (PlacementsRecord *self,
                                                guint             property_id,
                                                GValue           *value);

/* The audit log's own (placements-audit-log.c): the SQL function placements_audit_hash()
 * of the migration that chains the log, and the one INSERT of an entry, in the
 * store's open transaction. */
gboolean          placements_audit_log_register_functions (sqlite3 *db);
gboolean          placements_audit_log_append (PlacementsStore  *store,
                                               const char       *at,
                                               const char       *action,
                                               const char       *record_kind,
                                               const char       *record_uuids,
                                               const char       *client_uuid,
                                               const char       *detail,
                                               char            **uuid_out,
                                               GError          **error);

G_END_DECLS
