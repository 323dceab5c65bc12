#define G_LOG_DOMAIN "placements-exchange-messages"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "placements-error.h"
#include "placements-exchange-messages.h"

static void
message_info_free (gpointer data)
{
  PlacementsMessageInfo *info = data;

  g_free (info->message_id);
  g_free (info->kind);
  g_free (info->partner_name);
  g_free (info->created);
  g_free (info->answered);
  g_free (info);
}

static void
message_result_free (gpointer data)
{
  PlacementsMessageResult *result = data;

  g_free (result->record_uuid);
  g_free (result->kind);
  g_free (result->code);
  g_free (result->rule);
  g_free (result->message);
  g_free (result);
}

static char *
column_dup (sqlite3_stmt *statement,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (statement, column));
}

static gboolean
read_failed (sqlite3  *db,
             GError  **error)
{
  g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO,
               _("The database could not be read: %s"), sqlite3_errmsg (db));
  return FALSE;
}

GPtrArray *
placements_exchange_list_messages (PlacementsStore  *store,
                                   GError          **error)
{
  static const char sql[] =
    "SELECT m.message_id, m.direction, m.kind, o.name, m.created, m.n_records, m.answered,"
    "  (SELECT count(*) FROM exchange_result r WHERE r.message_id = m.message_id"
    "     AND r.code = 'accepted'),"
    "  (SELECT count(*) FROM exchange_result r WHERE r.message_id = m.message_id"
    "     AND r.code = 'rejected'),"
    "  (SELECT count(*) FROM exchange_result r WHERE r.message_id = m.message_id"
    "     AND r.code = 'warning') "
    "FROM exchange_message m LEFT JOIN organisation o ON o.uuid = m.partner_uuid "
    "WHERE m.kind <> 'acknowledgement' "
    "ORDER BY m.created DESC, m.message_id";
  sqlite3 *db = placements_store_get_connection (store);
  sqlite3_stmt *statement = NULL;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (message_info_free);
  int rc;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);

  if (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL) != SQLITE_OK)
    return read_failed (db, error), NULL;
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      PlacementsMessageInfo *info = g_new0 (PlacementsMessageInfo, 1);

      info->message_id = column_dup (statement, 0);
      info->sent = g_strcmp0 ((const char *) sqlite3_column_text (statement, 1), "sent") == 0;
      info->kind = column_dup (statement, 2);
      info->partner_name = column_dup (statement, 3);
      info->created = column_dup (statement, 4);
      info->n_records = (guint) sqlite3_column_int64 (statement, 5);
      info->answered = column_dup (statement, 6);
      info->n_accepted = (guint) sqlite3_column_int64 (statement, 7);
      info->n_rejected = (guint) sqlite3_column_int64 (statement, 8);
      info->n_warnings = (guint) sqlite3_column_int64 (statement, 9);
      g_ptr_array_add (messages, info);
    }
  sqlite3_finalize (statement);
  if (rc != SQLITE_DONE)
    return read_failed (db, error), NULL;
  return g_steal_pointer (&messages);
}

GPtrArray *
placements_exchange_list_results (PlacementsStore  *store,
                                  const char       *message_id,
                                  GError          **error)
{
  static const char sql[] =
    "SELECT record_uuid, kind, code, rule, message FROM exchange_result "
    "WHERE message_id = ?1 "
    "ORDER BY code = 'accepted', code = 'warning', kind, record_uuid";
  sqlite3 *db = placements_store_get_connection (store);
  sqlite3_stmt *statement = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (message_result_free);
  int rc;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);

  if (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL) != SQLITE_OK)
    return read_failed (db, error), NULL;
  sqlite3_bind_text (statement, 1, message_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      PlacementsMessageResult *result = g_new0 (PlacementsMessageResult, 1);

      result->record_uuid = column_dup (statement, 0);
      result->kind = column_dup (statement, 1);
      result->code = column_dup (statement, 2);
      result->rule = column_dup (statement, 3);
      result->message = column_dup (statement, 4);
      g_ptr_array_add (results, result);
    }
  sqlite3_finalize (statement);
  if (rc != SQLITE_DONE)
    return read_failed (db, error), NULL;
  return g_steal_pointer (&results);
}
