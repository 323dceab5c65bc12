#define G_LOG_DOMAIN "placements-erase"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "placements-erase.h"
#include "placements-error.h"
#include "placements-record-types.h"
#include "placements-store-private.h"
#include "placements-timestamp.h"

/* The tables of what belongs to one client, by its client_uuid; deleting the client
 * deletes them (ON DELETE CASCADE). */
static const struct
{
  const char *table;
  GType     (*get_type) (void);
} client_tables[] = {
  { "placement", placements_placement_get_type },
  { "progress_note", placements_progress_note_get_type },
  { "consent", placements_consent_get_type },
  { "ladder_step", placements_ladder_step_get_type },
  { "attendance", placements_attendance_get_type },
  { "allocation", placements_allocation_get_type },
  { "buddy_pairing", placements_buddy_pairing_get_type },
};

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO,
                   _("The client could not be erased: %s"), sqlite3_errmsg (db));
      return FALSE;
    }
  return TRUE;
}

static gint64
query_int64 (sqlite3    *db,
             const char *sql)
{
  sqlite3_stmt *statement = NULL;
  gint64 value = -1;

  if (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL) == SQLITE_OK &&
      sqlite3_step (statement) == SQLITE_ROW)
    value = sqlite3_column_int64 (statement, 0);
  sqlite3_finalize (statement);
  return value;
}

/* The UUIDs of the client and of every record that belongs to them. */
static GPtrArray *
collect_uuids (sqlite3    *db,
               const char *client_uuid)
{
  GPtrArray *uuids = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (uuids, g_strdup (client_uuid));
  for (gsize i = 0; i < G_N_ELEMENTS (client_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM %s WHERE client_uuid = ?",
                                              client_tables[i].table);
      sqlite3_stmt *statement = NULL;

      if (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL) != SQLITE_OK)
        continue;
      sqlite3_bind_text (statement, 1, client_uuid, -1, SQLITE_STATIC);
      while (sqlite3_step (statement) == SQLITE_ROW)
        g_ptr_array_add (uuids, g_strdup ((const char *) sqlite3_column_text (statement, 0)));
      sqlite3_finalize (statement);
    }
  return uuids;
}

/*
 * Pages freed before (an earlier merge of the full-text index, an earlier edit that
 * moved a row) may still hold the client's name. Filling the free pages with a blob
 * of zeros and dropping it again overwrites every one of them, with I/O only for the
 * free pages, where a VACUUM would rewrite the whole file.
 */
static gboolean
wipe_free_pages (sqlite3  *db,
                 GError  **error)
{
  gint64 page_size = query_int64 (db, "PRAGMA page_size");

  if (!exec (db, "CREATE TABLE placements_wipe (zeros BLOB)", error))
    return FALSE;
  for (int round = 0; round < 64; round++)
    {
      gint64 n_free = query_int64 (db, "PRAGMA freelist_count");
      g_autofree char *fill = NULL;

      if (n_free <= 0)
        break;
      /* A blob is at most a billion bytes; larger freelists take several. */
      fill = g_strdup_printf ("INSERT INTO placements_wipe VALUES (zeroblob (%" G_GINT64_FORMAT
                              "))", MIN (n_free * (page_size - 4), (gint64) 500000000));
      if (!exec (db, fill, error))
        return FALSE;
    }
  return exec (db, "DROP TABLE placements_wipe", error);
}

gboolean
placements_erase_client (PlacementsStore  *store,
                         const char       *client_uuid,
                         guint            *n_records,
                         gboolean         *file_clean,
                         GError          **error)
{
  sqlite3 *db = placements_store_get_connection (store);
  g_autoptr(PlacementsRecord) client = NULL;
  g_autoptr(GPtrArray) uuids = NULL;
  g_autofree char *detail = NULL;
  sqlite3_stmt *statement = NULL;
  gboolean ok = FALSE;
  int busy = 1;
  int log_frames = -1;
  int checkpointed = -1;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);
  g_return_val_if_fail (!placements_store_in_transaction (store), FALSE);

  client = placements_store_load (store, PLACEMENTS_TYPE_CLIENT, client_uuid, error);
  if (client == NULL)
    return FALSE;

  /* Deleted content is overwritten with zeros, free pages too. */
  if (!exec (db, "PRAGMA secure_delete = ON", error))
    return FALSE;
  if (!placements_store_begin (store, error))
    goto out;

  uuids = collect_uuids (db, client_uuid);
  for (guint i = 0; i < uuids->len; i++)
    {
      /* What partners' acknowledgements said of each record. */
      if (sqlite3_prepare_v2 (db, "DELETE FROM exchange_result WHERE record_uuid = ?", -1,
                              &statement, NULL) != SQLITE_OK)
        break;
      sqlite3_bind_text (statement, 1, g_ptr_array_index (uuids, i), -1, SQLITE_STATIC);
      sqlite3_step (statement);
      sqlite3_finalize (statement);
      statement = NULL;
    }

  /* The cascades take what belongs to the client; the triggers of the schema their
   * exchange bases. */
  if (sqlite3_prepare_v2 (db, "DELETE FROM client WHERE uuid = ?", -1, &statement,
                          NULL) != SQLITE_OK)
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO,
                   _("The client could not be erased: %s"), sqlite3_errmsg (db));
      placements_store_rollback (store);
      goto out;
    }
  sqlite3_bind_text (statement, 1, client_uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (statement) != SQLITE_DONE)
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IN_USE,
                   _("The client “%s” could not be erased: %s"), client_uuid,
                   sqlite3_errmsg (db));
      sqlite3_finalize (statement);
      placements_store_rollback (store);
      goto out;
    }
  sqlite3_finalize (statement);

  /* Untranslated, and no name: the entry outlives the client. */
  detail = g_strdup_printf ("records=%u", uuids->len);
  if (!exec (db, "INSERT INTO client_search (client_search) VALUES ('optimize')", error) ||
      !placements_store_write_client_audit_event (store, PLACEMENTS_AUDIT_ACTION_ERASE,
                                                  "client", client_uuid, client_uuid, detail,
                                                  error) ||
      !wipe_free_pages (db, error))
    {
      placements_store_rollback (store);
      goto out;
    }
  if (!placements_store_commit (store, error))
    goto out;
  ok = TRUE;

  placements_store_notify_changed (store, PLACEMENTS_TYPE_CLIENT);
  for (gsize i = 0; i < G_N_ELEMENTS (client_tables); i++)
    placements_store_notify_changed (store, client_tables[i].get_type ());
  if (n_records != NULL)
    *n_records = uuids->len;

  /* The log still holds the pages as they were before: copied into the database and
   * cut to nothing, unless a reader elsewhere still needs them. */
  if (sqlite3_prepare_v2 (db, "PRAGMA wal_checkpoint (TRUNCATE)", -1, &statement,
                          NULL) == SQLITE_OK && sqlite3_step (statement) == SQLITE_ROW)
    {
      busy = sqlite3_column_int (statement, 0);
      log_frames = sqlite3_column_int (statement, 1);
      checkpointed = sqlite3_column_int (statement, 2);
    }
  sqlite3_finalize (statement);
  if (file_clean != NULL)
    *file_clean = busy == 0 && log_frames == 0 && checkpointed == 0;

out:
  sqlite3_exec (db, "PRAGMA secure_delete = FAST", NULL, NULL, NULL);
  return ok;
}

void
placements_retention_due_free (PlacementsRetentionDue *due)
{
  if (due == NULL)
    return;
  g_free (due->client_uuid);
  g_free (due->ended);
  g_free (due);
}

GPtrArray *
placements_retention_list_due (PlacementsStore  *store,
                               guint             years,
                               const char       *today,
                               GError          **error)
{
  g_autoptr(GPtrArray) due =
    g_ptr_array_new_with_free_func ((GDestroyNotify) placements_retention_due_free);
  g_autofree char *default_today = NULL;
  g_autofree char *modifier = g_strdup_printf ("-%u years", years);
  sqlite3 *db = placements_store_get_connection (store);
  sqlite3_stmt *statement = NULL;
  int result;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);

  if (today == NULL)
    today = default_today = placements_timestamp_today ();

  /* Care ended: every placement ended, the last of them before the cut-off, as migration
   * 10's triggers keep it per client from the placements. A client without placements is
   * not judged here: nothing says when their care ended. */
  if (sqlite3_prepare_v2 (db,
                          "SELECT client_uuid, care_ended FROM client_placement_summary "
                          "WHERE care_ended < date(?1, ?2) "
                          "ORDER BY care_ended, client_uuid", -1, &statement, NULL)
      != SQLITE_OK)
    {
      placements_store_set_sqlite_error (store, error, _("The database could not be read"));
      return NULL;
    }
  sqlite3_bind_text (statement, 1, today, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 2, modifier, -1, SQLITE_STATIC);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      PlacementsRetentionDue *entry = g_new0 (PlacementsRetentionDue, 1);

      entry->client_uuid = g_strdup ((const char *) sqlite3_column_text (statement, 0));
      entry->ended = g_strdup ((const char *) sqlite3_column_text (statement, 1));
      g_ptr_array_add (due, entry);
    }
  sqlite3_finalize (statement);
  if (result != SQLITE_DONE)
    {
      placements_store_set_sqlite_error (store, error, _("The database could not be read"));
      return NULL;
    }
  return g_steal_pointer (&due);
}
