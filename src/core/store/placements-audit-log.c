#define G_LOG_DOMAIN "placements-audit-log"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "placements-audit-log.h"
#include "placements-error.h"
#include "placements-store-private.h"
#include "placements-timestamp.h"

/*
 * The chain: an entry's hash is the SHA-256 of the previous entry's hash and of each
 * of its columns, each written as its length and its bytes (or "N" for NULL), so
 * that no two different entries give the same input. The first entry follows "";
 * after a pruning, the first entry left follows the anchor the pruning logged.
 */

/* The columns an entry is hashed over, in this order, after the previous hash. */
#define ENTRY_COLUMNS \
  "id, uuid, created, updated, at, os_user, program, action, record_kind, " \
  "record_uuids, client_uuid, detail"
#define N_ENTRY_COLUMNS 12

/* The same SQL as the migration's: the pruning puts it back as it was. */
#define NO_DELETE_TRIGGER \
  "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event BEGIN\n" \
  "  SELECT RAISE (ABORT, 'the audit log is append-only: entries cannot be deleted');\n" \
  "END"

static char *
hash_entry (const char        *previous,
            const char * const values[N_ENTRY_COLUMNS])
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  char length[32];

  g_snprintf (length, sizeof length, "%zu:", strlen (previous));
  g_checksum_update (checksum, (const guchar *) length, -1);
  g_checksum_update (checksum, (const guchar *) previous, -1);
  for (guint i = 0; i < N_ENTRY_COLUMNS; i++)
    {
      if (values[i] == NULL)
        {
          g_checksum_update (checksum, (const guchar *) ";N", -1);
          continue;
        }
      g_snprintf (length, sizeof length, ";%zu:", strlen (values[i]));
      g_checksum_update (checksum, (const guchar *) length, -1);
      g_checksum_update (checksum, (const guchar *) values[i], -1);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

/* placements_audit_hash(previous, id, uuid, ...): for the migration that chains the
 * entries written before there was a chain. */
static void
sql_audit_hash (sqlite3_context  *context,
                int               argc,
                sqlite3_value   **argv)
{
  const char *values[N_ENTRY_COLUMNS] = { NULL };
  const char *previous = (const char *) sqlite3_value_text (argv[0]);

  if (argc != N_ENTRY_COLUMNS + 1)
    {
      sqlite3_result_error (context, "placements_audit_hash: wrong number of arguments", -1);
      return;
    }
  for (int i = 0; i < N_ENTRY_COLUMNS; i++)
    values[i] = (const char *) sqlite3_value_text (argv[i + 1]);
  sqlite3_result_text (context, hash_entry (previous != NULL ? previous : "", values), -1,
                       g_free);
}

gboolean
placements_audit_log_register_functions (sqlite3 *db)
{
  return sqlite3_create_function (db, "placements_audit_hash", N_ENTRY_COLUMNS + 1,
                                  SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                  NULL, sql_audit_hash, NULL, NULL) == SQLITE_OK;
}

gboolean
placements_audit_log_append (PlacementsStore  *store,
                             const char       *at,
                             const char       *action,
                             const char       *record_kind,
                             const char       *record_uuids,
                             const char       *client_uuid,
                             const char       *detail,
                             char            **uuid_out,
                             GError          **error)
{
  sqlite3_stmt *last;
  sqlite3_stmt *insert;
  g_autofree char *previous = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *hash = NULL;
  const char *program = g_get_prgname () != NULL ? g_get_prgname () : "placements";
  const char *user = g_get_user_name ();
  gint64 id = 1;

  g_return_val_if_fail (placements_store_in_transaction (store), FALSE);

  /* In the writer's BEGIN IMMEDIATE transaction no one else appends meanwhile. */
  last = placements_store_prepare (store,
                                   "SELECT id, hash FROM audit_event ORDER BY id DESC LIMIT 1",
                                   error);
  if (last == NULL)
    return FALSE;
  switch (sqlite3_step (last))
    {
    case SQLITE_ROW:
      id = sqlite3_column_int64 (last, 0) + 1;
      previous = g_strdup ((const char *) sqlite3_column_text (last, 1));
      break;
    case SQLITE_DONE:
      previous = g_strdup ("");
      break;
    default:
      sqlite3_reset (last);
      placements_store_set_sqlite_error (store, error, _("The audit log could not be read"));
      return FALSE;
    }
  sqlite3_reset (last);

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  {
    const char *values[N_ENTRY_COLUMNS] = {
      id_text, uuid, at, at, at, user, program, action, record_kind, record_uuids,
      client_uuid, detail,
    };

    hash = hash_entry (previous != NULL ? previous : "", values);
  }

  insert = placements_store_prepare (store,
                                     "INSERT INTO audit_event (" ENTRY_COLUMNS ", hash) "
                                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                     error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, id);
  sqlite3_bind_text (insert, 2, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 3, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 4, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 5, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 6, user, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 7, program, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 8, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 9, record_kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 10, record_uuids, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 11, client_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 12, detail, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert, 13, hash, -1, SQLITE_STATIC);
  if (sqlite3_step (insert) != SQLITE_DONE)
    {
      sqlite3_reset (insert);
      sqlite3_clear_bindings (insert);
      placements_store_set_sqlite_error (store, error, _("The audit log could not be written"));
      return FALSE;
    }
  sqlite3_reset (insert);
  sqlite3_clear_bindings (insert);
  if (uuid_out != NULL)
    *uuid_out = g_steal_pointer (&uuid);
  return TRUE;
}

void
placements_audit_entry_free (PlacementsAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->uuid);
  g_free (entry->at);
  g_free (entry->os_user);
  g_free (entry->program);
  g_free (entry->action);
  g_free (entry->record_kind);
  g_free (entry->record_uuids);
  g_free (entry->client_uuid);
  g_free (entry->detail);
  g_free (entry);
}

static char *
column_dup (sqlite3_stmt *statement,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (statement, column));
}

/* From a row of ENTRY_COLUMNS. */
static PlacementsAuditEntry *
entry_from_row (sqlite3_stmt *statement)
{
  PlacementsAuditEntry *entry = g_new0 (PlacementsAuditEntry, 1);

  entry->id = sqlite3_column_int64 (statement, 0);
  entry->uuid = column_dup (statement, 1);
  entry->at = column_dup (statement, 4);
  entry->os_user = column_dup (statement, 5);
  entry->program = column_dup (statement, 6);
  entry->action = column_dup (statement, 7);
  entry->record_kind = column_dup (statement, 8);
  entry->record_uuids = column_dup (statement, 9);
  entry->client_uuid = column_dup (statement, 10);
  entry->detail = column_dup (statement, 11);
  return entry;
}

GPtrArray *
placements_audit_log_list (PlacementsStore  *store,
                           const char       *client_uuid,
                           const char       *since,
                           GError          **error)
{
  g_autoptr(GPtrArray) entries =
    g_ptr_array_new_with_free_func ((GDestroyNotify) placements_audit_entry_free);
  sqlite3 *db = placements_store_get_connection (store);
  sqlite3_stmt *statement = NULL;
  int result;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);

  /* Not from the store's cache: the caller's filters make it a one-off. */
  if (sqlite3_prepare_v2 (db,
                          "SELECT " ENTRY_COLUMNS " FROM audit_event "
                          "WHERE (?1 IS NULL OR client_uuid = ?1 OR instr (record_uuids, ?1) > 0) "
                          "AND (?2 IS NULL OR at >= ?2) "
                          "ORDER BY id", -1, &statement, NULL) != SQLITE_OK)
    {
      placements_store_set_sqlite_error (store, error, _("The audit log could not be read"));
      return NULL;
    }
  sqlite3_bind_text (statement, 1, client_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 2, since, -1, SQLITE_STATIC);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    g_ptr_array_add (entries, entry_from_row (statement));
  sqlite3_finalize (statement);
  if (result != SQLITE_DONE)
    {
      placements_store_set_sqlite_error (store, error, _("The audit log could not be read"));
      return NULL;
    }
  return g_steal_pointer (&entries);
}

GPtrArray *
placements_audit_log_list_recent (PlacementsStore  *store,
                                  const char       *client_uuid,
                                  guint             max_entries,
                                  guint            *n_total,
                                  GError          **error)
{
  g_autoptr(GPtrArray) entries =
    g_ptr_array_new_with_free_func ((GDestroyNotify) placements_audit_entry_free);
  sqlite3 *db = placements_store_get_connection (store);
  sqlite3_stmt *statement = NULL;
  guint total = 0;
  int result;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);
  g_return_val_if_fail (client_uuid != NULL, NULL);

  /* The records column stays behind: an export's lists every client it carried, and a
   * page shows who did what, not that list. The count is of all the client's entries. */
  if (sqlite3_prepare_v2 (db,
                          "SELECT id, uuid, created, updated, at, os_user, program, action, "
                          "record_kind, NULL, client_uuid, detail, count(*) OVER () "
                          "FROM audit_event "
                          "WHERE client_uuid = ?1 OR instr (record_uuids, ?1) > 0 "
                          "ORDER BY id DESC LIMIT ?2", -1, &statement, NULL) != SQLITE_OK)
    {
      placements_store_set_sqlite_error (store, error, _("The audit log could not be read"));
      return NULL;
    }
  sqlite3_bind_text (statement, 1, client_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (statement, 2, max_entries);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      g_ptr_array_add (entries, entry_from_row (statement));
      total = (guint) sqlite3_column_int64 (statement, 12);
    }
  sqlite3_finalize (statement);
  if (result != SQLITE_DONE)
    {
      placements_store_set_sqlite_error (store, error, _("The audit log could not be read"));
      return NULL;
    }
  if (n_total != NULL)
    *n_total = total;
  return g_steal_pointer (&entries);
}

/* The anchor a pruning logged for the entries up to @through_id, or NULL. */
static char *
find_anchor (sqlite3 *db,
             gint64   through_id)
{
  sqlite3_stmt *statement = NULL;
  g_autofree char *wanted = g_strdup_printf ("through-id=%" G_GINT64_FORMAT " ", through_id);
  char *anchor = NULL;

  if (sqlite3_prepare_v2 (db,
                          "SELECT detail FROM audit_event WHERE action = 'prune' "
                          "ORDER BY id DESC", -1, &statement, NULL) != SQLITE_OK)
    return NULL;
  while (anchor == NULL && sqlite3_step (statement) == SQLITE_ROW)
    {
      const char *detail = (const char *) sqlite3_column_text (statement, 0);
      const char *found;

      if (detail == NULL || !g_str_has_prefix (detail, wanted))
        continue;
      found = strstr (detail, "anchor=");
      if (found != NULL && strlen (found + strlen ("anchor=")) >= 64)
        anchor = g_strndup (found + strlen ("anchor="), 64);
    }
  sqlite3_finalize (statement);
  return anchor;
}

gboolean
placements_audit_log_verify (PlacementsStore       *store,
                             gint64                *n_checked,
                             PlacementsAuditEntry **broken,
                             GError               **error)
{
  sqlite3 *db = placements_store_get_connection (store);
  sqlite3_stmt *statement = NULL;
  g_autofree char *previous = NULL;
  gboolean first = TRUE;
  gint64 checked = 0;
  int result;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);
  g_return_val_if_fail (broken != NULL && *broken == NULL, FALSE);

  /* One read transaction: the chain is checked as it stood at one moment. */
  if (sqlite3_exec (db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (db, "SELECT " ENTRY_COLUMNS ", hash FROM audit_event ORDER BY id",
                          -1, &statement, NULL) != SQLITE_OK)
    {
      placements_store_set_sqlite_error (store, error, _("The audit log could not be read"));
      sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      const char *values[N_ENTRY_COLUMNS];
      const char *stored = (const char *) sqlite3_column_text (statement, N_ENTRY_COLUMNS);
      g_autofree char *computed = NULL;

      if (first)
        {
          gint64 id = sqlite3_column_int64 (statement, 0);

          first = FALSE;
          /* The log starts at 1, or where a logged pruning left it. */
          previous = id == 1 ? g_strdup ("") : find_anchor (db, id - 1);
          if (previous == NULL)
            {
              *broken = entry_from_row (statement);
              break;
            }
        }
      for (int i = 0; i < N_ENTRY_COLUMNS; i++)
        values[i] = (const char *) sqlite3_column_text (statement, i);
      computed = hash_entry (previous, values);
      if (g_strcmp0 (computed, stored) != 0)
        {
          *broken = entry_from_row (statement);
          break;
        }
      checked++;
      g_free (previous);
      previous = g_steal_pointer (&computed);
    }
  sqlite3_finalize (statement);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  if (*broken == NULL && result != SQLITE_DONE)
    {
      placements_store_set_sqlite_error (store, error, _("The audit log could not be read"));
      return FALSE;
    }
  if (n_checked != NULL)
    *n_checked = checked;
  return TRUE;
}

static gboolean
exec (PlacementsStore  *store,
      const char       *sql,
      GError          **error)
{
  if (sqlite3_exec (placements_store_get_connection (store), sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      placements_store_set_sqlite_error (store, error, _("The audit log could not be pruned"));
      return FALSE;
    }
  return TRUE;
}

gboolean
placements_audit_log_prune (PlacementsStore  *store,
                            const char       *before,
                            gint64           *n_pruned,
                            GError          **error)
{
  sqlite3 *db = placements_store_get_connection (store);
  g_autofree char *default_before = NULL;
  g_autofree char *anchor = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *delete_sql = NULL;
  sqlite3_stmt *statement = NULL;
  gint64 through_id = 0;
  gint64 first_id = 0;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);

  if (before == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) then = g_date_time_add_years (now,
                                                         -PLACEMENTS_AUDIT_RETENTION_YEARS);

      default_before = g_date_time_format (then, "%Y-%m-%d");
      before = default_before;
    }

  if (!placements_store_begin (store, error))
    return FALSE;

  /* The entries to go are a run from the start: up to the first one that stays,
   * and never the newest, which the next entry chains to. */
  if (sqlite3_prepare_v2 (db,
                          "SELECT coalesce((SELECT min(id) FROM audit_event), 0), "
                          "  min(coalesce((SELECT min(id) FROM audit_event WHERE at >= ?1), "
                          "               (SELECT max(id) FROM audit_event)), "
                          "      (SELECT max(id) FROM audit_event)) - 1",
                          -1, &statement, NULL) != SQLITE_OK ||
      sqlite3_bind_text (statement, 1, before, -1, SQLITE_STATIC) != SQLITE_OK ||
      sqlite3_step (statement) != SQLITE_ROW)
    {
      placements_store_set_sqlite_error (store, error, _("The audit log could not be read"));
      sqlite3_finalize (statement);
      placements_store_rollback (store);
      return FALSE;
    }
  first_id = sqlite3_column_int64 (statement, 0);
  through_id = sqlite3_column_int64 (statement, 1);
  sqlite3_finalize (statement);
  statement = NULL;

  if (through_id >= first_id && first_id > 0)
    {
      g_autofree char *select = g_strdup_printf ("SELECT hash FROM audit_event WHERE id = %"
                                                 G_GINT64_FORMAT, through_id);

      if (sqlite3_prepare_v2 (db, select, -1, &statement, NULL) == SQLITE_OK &&
          sqlite3_step (statement) == SQLITE_ROW)
        anchor = g_strdup ((const char *) sqlite3_column_text (statement, 0));
      sqlite3_finalize (statement);
      if (anchor == NULL)
        {
          placements_store_set_sqlite_error (store, error, _("The audit log could not be read"));
          placements_store_rollback (store);
          return FALSE;
        }

      delete_sql = g_strdup_printf ("DELETE FROM audit_event WHERE id <= %" G_GINT64_FORMAT,
                                    through_id);
      /* The trigger is dropped only inside this transaction, which logs why. */
      if (!exec (store, "DROP TRIGGER audit_event_no_delete", error) ||
          !exec (store, delete_sql, error) ||
          !exec (store, NO_DELETE_TRIGGER, error))
        {
          placements_store_rollback (store);
          return FALSE;
        }
      /* The ids run without gaps: each entry is the one before plus one. */
      if (n_pruned != NULL)
        *n_pruned = through_id - first_id + 1;
      /* Untranslated: read back by the verification. */
      detail = g_strdup_printf ("through-id=%" G_GINT64_FORMAT " anchor=%s count=%"
                                G_GINT64_FORMAT " before=%s", through_id, anchor,
                                through_id - first_id + 1, before);
    }
  else
    {
      if (n_pruned != NULL)
        *n_pruned = 0;
      detail = g_strdup_printf ("count=0 before=%s", before);
    }

  if (!placements_store_write_audit_event (store, PLACEMENTS_AUDIT_ACTION_PRUNE, "audit-event",
                                           NULL, detail, error))
    {
      placements_store_rollback (store);
      return FALSE;
    }
  return placements_store_commit (store, error);
}
