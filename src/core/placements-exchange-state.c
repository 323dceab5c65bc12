#define G_LOG_DOMAIN "placements-exchange-state"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-error.h"
#include "placements-exchange-state.h"
#include "placements-organisation.h"
#include "placements-store-private.h"

#define OWN_ORGANISATION_SETTING "own-organisation"

char *
placements_exchange_dup_own_organisation (PlacementsStore *store)
{
  sqlite3_stmt *statement;
  char *uuid = NULL;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);

  statement = placements_store_prepare (store, "SELECT value FROM setting WHERE name = ?", NULL);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_text (statement, 1, OWN_ORGANISATION_SETTING, -1, SQLITE_STATIC);
  if (sqlite3_step (statement) == SQLITE_ROW)
    uuid = g_strdup ((const char *) sqlite3_column_text (statement, 0));
  sqlite3_reset (statement);
  return uuid;
}

/* Runs one prepared write, inside the store's transaction or as its own. */
static gboolean
step_write (PlacementsStore  *store,
            sqlite3_stmt     *statement,
            GError          **error)
{
  int result = sqlite3_step (statement);

  if (result != SQLITE_DONE)
    {
      placements_store_set_sqlite_error (store, error,
                                         _("The exchange state could not be saved"));
      sqlite3_reset (statement);
      return FALSE;
    }
  sqlite3_reset (statement);
  return TRUE;
}

gboolean
placements_exchange_set_own_organisation (PlacementsStore  *store,
                                          const char       *organisation_uuid,
                                          GError          **error)
{
  sqlite3_stmt *statement;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);
  g_return_val_if_fail (organisation_uuid != NULL, FALSE);

  if (!placements_store_exists (store, PLACEMENTS_TYPE_ORGANISATION, organisation_uuid))
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NOT_FOUND,
                   _("The organisation “%s” does not exist"), organisation_uuid);
      return FALSE;
    }

  statement = placements_store_prepare (store,
                                        "INSERT INTO setting (name, value) VALUES (?, ?) "
                                        "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                                        error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, OWN_ORGANISATION_SETTING, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 2, organisation_uuid, -1, SQLITE_TRANSIENT);
  return step_write (store, statement, error);
}

gpointer
placements_exchange_find_organisation (PlacementsStore  *store,
                                       const char       *uuid_or_exchange_id,
                                       GError          **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid_or_exchange_id != NULL, NULL);

  if (placements_store_exists (store, PLACEMENTS_TYPE_ORGANISATION, uuid_or_exchange_id))
    return placements_store_load (store, PLACEMENTS_TYPE_ORGANISATION, uuid_or_exchange_id,
                                  error);

  found = placements_store_find (store, PLACEMENTS_TYPE_ORGANISATION, "exchange-id",
                                 uuid_or_exchange_id, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NOT_FOUND,
                   _("There is no organisation with UUID or exchange id “%s”"),
                   uuid_or_exchange_id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (found, 0));
}

GVariant *
placements_exchange_record_fields (PlacementsRecord *record)
{
  PlacementsRecordClass *klass;
  guint n_fields;
  g_autofree GVariant **entries = NULL;
  gsize n_entries = 0;

  g_return_val_if_fail (PLACEMENTS_IS_RECORD (record), NULL);

  klass = PLACEMENTS_RECORD_GET_CLASS (record);
  n_fields = placements_record_class_get_n_fields (klass);
  /* Made for every record an import or an export writes: the entries are built
   * directly rather than through a GVariantBuilder, which parses a format string
   * and copies each text once more (a tenth of an import's time). */
  entries = g_new (GVariant *, MAX (n_fields, 1));
  for (guint i = 0; i < n_fields; i++)
    {
      const PlacementsField *field = placements_record_class_get_field (klass, i);
      char *text;

      if ((field->flags & PLACEMENTS_FIELD_NEVER_EXPORTED) != 0)
        continue;
      text = placements_record_dup_field_text (record, field->pspec->name);
      if (*text == '\0')
        {
          g_free (text);
          continue;
        }
      entries[n_entries++] =
        g_variant_new_dict_entry (g_variant_new_string (field->pspec->name),
                                  g_variant_new_take_string (text));
    }
  return g_variant_new_array (G_VARIANT_TYPE ("{ss}"), entries, n_entries);
}

GVariant *
placements_exchange_dup_base (PlacementsStore *store,
                              const char      *record_uuid,
                              const char      *partner_uuid)
{
  sqlite3_stmt *statement;
  GVariant *fields = NULL;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);

  statement = placements_store_prepare (store,
                                        "SELECT fields FROM exchange_base "
                                        "WHERE record_uuid = ? AND partner_uuid = ?",
                                        NULL);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_text (statement, 1, record_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, partner_uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) == SQLITE_ROW)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (sqlite3_column_blob (statement, 0),
                                             (gsize) sqlite3_column_bytes (statement, 0));
      g_autoptr(GVariant) stored =
        g_variant_new_from_bytes (G_VARIANT_TYPE ("a{ss}"), bytes, FALSE);

      /* The bytes are ours, but a damaged file must not crash a reader. */
      fields = g_variant_ref_sink (g_variant_get_normal_form (stored));
    }
  sqlite3_reset (statement);
  return fields;
}

gboolean
placements_exchange_set_base (PlacementsStore  *store,
                              const char       *record_uuid,
                              const char       *partner_uuid,
                              const char       *kind,
                              GVariant         *fields,
                              GError          **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *exchanged = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  return placements_exchange_set_base_at (store, record_uuid, partner_uuid, kind, fields,
                                          exchanged, error);
}

gboolean
placements_exchange_set_base_at (PlacementsStore  *store,
                                 const char       *record_uuid,
                                 const char       *partner_uuid,
                                 const char       *kind,
                                 GVariant         *fields,
                                 const char       *exchanged,
                                 GError          **error)
{
  g_autoptr(GVariant) owned = NULL;
  sqlite3_stmt *statement;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_variant_is_of_type (fields, G_VARIANT_TYPE ("a{ss}")), FALSE);
  g_return_val_if_fail (exchanged != NULL, FALSE);

  owned = g_variant_ref_sink (fields);
  /* One statement, prepared once and kept by the store, for every base written. */
  statement = placements_store_prepare (store,
                                        "INSERT INTO exchange_base "
                                        "(record_uuid, partner_uuid, kind, fields, exchanged) "
                                        "VALUES (?, ?, ?, ?, ?) "
                                        "ON CONFLICT (record_uuid, partner_uuid) DO UPDATE SET "
                                        "kind = excluded.kind, fields = excluded.fields, "
                                        "exchanged = excluded.exchanged",
                                        error);
  if (statement == NULL)
    return FALSE;
  /* All of these outlive the step: SQLite need not copy them. */
  sqlite3_bind_text (statement, 1, record_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 2, partner_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_blob (statement, 4, g_variant_get_data (owned), (int) g_variant_get_size (owned),
                     SQLITE_STATIC);
  sqlite3_bind_text (statement, 5, exchanged, -1, SQLITE_STATIC);
  return step_write (store, statement, error);
}

gboolean
placements_exchange_log_message (PlacementsStore            *store,
                                 const char                 *message_id,
                                 PlacementsMessageDirection  direction,
                                 const char                 *kind,
                                 const char                 *partner_uuid,
                                 const char                 *created,
                                 const char                 *in_reply_to,
                                 guint                       n_records,
                                 GError                    **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *processed = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  sqlite3_stmt *statement;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);

  statement = placements_store_prepare (store,
                                        "INSERT INTO exchange_message (message_id, direction, "
                                        "kind, partner_uuid, created, processed, in_reply_to, "
                                        "n_records) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                        error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, message_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, direction == PLACEMENTS_MESSAGE_SENT ? "sent" : "received",
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 3, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 4, partner_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 5, created, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 6, processed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 7, in_reply_to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, 8, n_records);
  return step_write (store, statement, error);
}

gboolean
placements_exchange_has_message (PlacementsStore *store,
                                 const char      *message_id)
{
  sqlite3_stmt *statement;
  gboolean found;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);

  statement = placements_store_prepare (store,
                                        "SELECT 1 FROM exchange_message WHERE message_id = ?",
                                        NULL);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, message_id, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (statement) == SQLITE_ROW;
  sqlite3_reset (statement);
  return found;
}

gboolean
placements_exchange_mark_answered (PlacementsStore  *store,
                                   const char       *message_id,
                                   const char       *answered,
                                   GError          **error)
{
  sqlite3_stmt *statement;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);

  statement = placements_store_prepare (store,
                                        "UPDATE exchange_message SET answered = ? "
                                        "WHERE message_id = ? AND direction = 'sent'",
                                        error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, answered, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, message_id, -1, SQLITE_TRANSIENT);
  if (!step_write (store, statement, error))
    return FALSE;
  if (sqlite3_changes (placements_store_get_connection (store)) == 0)
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NOT_FOUND,
                   _("No message “%s” was sent from this database"), message_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
placements_exchange_add_result (PlacementsStore  *store,
                                const char       *message_id,
                                const char       *record_uuid,
                                const char       *kind,
                                const char       *code,
                                const char       *rule,
                                const char       *message,
                                GError          **error)
{
  sqlite3_stmt *statement;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);

  statement = placements_store_prepare (store,
                                        "INSERT INTO exchange_result (message_id, record_uuid, "
                                        "kind, code, rule, message) VALUES (?, ?, ?, ?, ?, ?) "
                                        "ON CONFLICT (message_id, record_uuid) DO UPDATE SET "
                                        "kind = excluded.kind, code = excluded.code, "
                                        "rule = excluded.rule, message = excluded.message",
                                        error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, message_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, record_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 3, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 4, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 5, rule, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 6, message, -1, SQLITE_TRANSIENT);
  return step_write (store, statement, error);
}
