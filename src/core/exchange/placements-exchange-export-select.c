#define G_LOG_DOMAIN "placements-export"

#include "config.h"

#include <string.h>

#include "placements-enums.h"
#include "placements-exchange-export-private.h"
#include "placements-exchange-state.h"
#include "placements-record-types.h"
#include "placements-store-private.h"

/*
 * What travels: the clients with a valid consent for the receiver into
 * temp.export_client (with the data categories their consents grant), then every
 * record that goes with them, and every record those refer to, into
 * temp.export_selection as kind, UUID and row id. Plain SQL over the tables: no record
 * objects are built.
 */

/* The parts of a pilot: they travel with the pilot, not because anything
 * refers to them. */
static const char * const pilot_parts[] = {
  "pilot-partner", "pilot-contact", "funding", "success-criterion", NULL
};

static gboolean
is_travelling_kind (const char *kind)
{
  return g_strv_contains (placements_export_travelling_kinds, kind);
}

static gboolean
exec_sql (WriteContext  *context,
          const char    *sql,
          GError       **error)
{
  if (sqlite3_exec (context->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      placements_store_set_sqlite_error (context->store, error,
                                         _("The records to export could not be selected"));
      g_debug ("Failed: %s", sql);
      return FALSE;
    }
  return TRUE;
}

/* Runs a statement of the selection with the export's parameters bound by name. */
static gboolean
run_selection (WriteContext  *context,
               const char    *sql,
               const char    *today,
               GError       **error)
{
  sqlite3_stmt *statement = placements_store_prepare (context->store, sql, error);
  int index;

  if (statement == NULL)
    return FALSE;
  if ((index = sqlite3_bind_parameter_index (statement, ":receiver")) > 0)
    sqlite3_bind_text (statement, index, context->receiver_uuid, -1, SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (statement, ":own")) > 0)
    sqlite3_bind_text (statement, index, context->own_uuid, -1, SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (statement, ":pilot")) > 0)
    sqlite3_bind_text (statement, index, context->pilot_uuid, -1, SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (statement, ":client")) > 0)
    sqlite3_bind_text (statement, index, context->client_uuid, -1, SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (statement, ":today")) > 0)
    sqlite3_bind_text (statement, index, today, -1, SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (statement, ":referral")) > 0)
    sqlite3_bind_int (statement, index, context->pseudonymise ? 0 : 1);

  if (sqlite3_step (statement) != SQLITE_DONE)
    {
      placements_store_set_sqlite_error (context->store, error,
                                         _("The records to export could not be selected"));
      sqlite3_reset (statement);
      return FALSE;
    }
  sqlite3_reset (statement);
  return TRUE;
}

static gint64
query_count (WriteContext *context,
             const char   *sql)
{
  sqlite3_stmt *statement = placements_store_prepare (context->store, sql, NULL);
  gint64 count = 0;
  int index;

  if (statement == NULL)
    return 0;
  if ((index = sqlite3_bind_parameter_index (statement, ":pilot")) > 0)
    sqlite3_bind_text (statement, index, context->pilot_uuid, -1, SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (statement, ":client")) > 0)
    sqlite3_bind_text (statement, index, context->client_uuid, -1, SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (statement, ":receiver")) > 0)
    sqlite3_bind_text (statement, index, context->receiver_uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (statement) == SQLITE_ROW)
    count = sqlite3_column_int64 (statement, 0);
  sqlite3_reset (statement);
  return count;
}

/* The consent rules of docs/exchange-format.md, "Consent". The data categories a
 * client's valid consents grant are OR-ed together, bit by bit. */
static const char select_clients_sql[] =
  "INSERT INTO temp.export_client (uuid, categories) "
  "SELECT client_uuid, "
  "  max(data_categories & 1) | max(data_categories & 2) | max(data_categories & 4)"
  "  | max(data_categories & 8) | max(data_categories & 16) AS granted "
  "FROM consent "
  "WHERE receiver_uuid = :receiver AND given_date <= :today "
  "  AND (expiry_date IS NULL OR expiry_date >= :today) "
  "  AND (withdrawn_date IS NULL OR withdrawn_date > :today) "
  "  AND (:referral = 0 OR purpose IN ('placement', 'referral')) "
  "  AND (:pilot IS NULL OR client_uuid IN "
  "       (SELECT client_uuid FROM placement WHERE pilot_uuid = :pilot)) "
  "  AND (:client IS NULL OR client_uuid = :client) "
  "GROUP BY client_uuid "
  "HAVING :referral = 0 OR (granted & 1) <> 0";

/* What the consented clients bring of their own: every statement adds to the
 * selection. The bits are PlacementsDataCategory: 4 progress, 8 placements. The
 * row id is kept so that writing reads each row without a second index search. */
static const char * const seed_sql[] = {
  "INSERT OR IGNORE INTO temp.export_selection (kind, uuid, row_id) "
  "SELECT 'client', c.uuid, c.id FROM temp.export_client x JOIN client c ON c.uuid = x.uuid",
  "INSERT OR IGNORE INTO temp.export_selection (kind, uuid, row_id) "
  "SELECT 'consent', c.uuid, c.id FROM temp.export_client x "
  "JOIN consent c ON c.client_uuid = x.uuid WHERE c.receiver_uuid = :receiver",
  "INSERT OR IGNORE INTO temp.export_selection (kind, uuid, row_id) "
  "SELECT 'ladder-step', l.uuid, l.id FROM temp.export_client x "
  "JOIN ladder_step l ON l.client_uuid = x.uuid WHERE (x.categories & 4) <> 0",
  "INSERT OR IGNORE INTO temp.export_selection (kind, uuid, row_id) "
  "SELECT 'progress-note', n.uuid, n.id FROM temp.export_client x "
  "JOIN progress_note n ON n.client_uuid = x.uuid "
  "WHERE (x.categories & 4) <> 0 AND n.shareable = 1",
  "INSERT OR IGNORE INTO temp.export_selection (kind, uuid, row_id) "
  "SELECT 'placement', p.uuid, p.id FROM temp.export_client x "
  "JOIN placement p ON p.client_uuid = x.uuid "
  "WHERE (x.categories & 8) <> 0 AND (:pilot IS NULL OR p.pilot_uuid = :pilot)",
  "INSERT OR IGNORE INTO temp.export_selection (kind, uuid, row_id) "
  "SELECT 'buddy-pairing', b.uuid, b.id FROM temp.export_client x "
  "JOIN buddy_pairing b ON b.client_uuid = x.uuid WHERE (x.categories & 8) <> 0",
  "INSERT OR IGNORE INTO temp.export_selection (kind, uuid, row_id) "
  "SELECT 'pilot', uuid, id FROM pilot WHERE uuid = :pilot",
  /* The sender and the receiver always travel: the header names them. */
  "INSERT OR IGNORE INTO temp.export_selection (kind, uuid, row_id) "
  "SELECT 'organisation', uuid, id FROM organisation WHERE uuid IN (:receiver, :own)",
  NULL
};

/* A report carries the pilots of the placements it shows, with their funding and
 * success criteria, and nothing else as records. */
static const char * const report_seed_sql[] = {
  "INSERT OR IGNORE INTO temp.export_selection (kind, uuid, row_id) "
  "SELECT 'pilot', t.uuid, t.id FROM pilot t WHERE t.uuid IN "
  "  (SELECT p.pilot_uuid FROM temp.export_client x "
  "   JOIN placement p ON p.client_uuid = x.uuid "
  "   WHERE (x.categories & 8) <> 0 AND (:pilot IS NULL OR p.pilot_uuid = :pilot))",
  "INSERT OR IGNORE INTO temp.export_selection (kind, uuid, row_id) "
  "SELECT 'pilot', uuid, id FROM pilot WHERE uuid = :pilot",
  "INSERT OR IGNORE INTO temp.export_selection (kind, uuid, row_id) "
  "SELECT 'funding', f.uuid, f.id FROM funding f WHERE f.pilot_uuid IN "
  "  (SELECT uuid FROM temp.export_selection WHERE kind = 'pilot')",
  "INSERT OR IGNORE INTO temp.export_selection (kind, uuid, row_id) "
  "SELECT 'success-criterion', c.uuid, c.id FROM success_criterion c WHERE c.pilot_uuid IN "
  "  (SELECT uuid FROM temp.export_selection WHERE kind = 'pilot')",
  NULL
};

/*
 * A record brings what it references. Record types come after every type they
 * refer to, so one pass from the last type to the first reaches every
 * reference; the parts of a pilot join when the pass reaches them, after the
 * placements (later in the order) have named their pilots. Each kind's selected
 * rows are read once, for the distinct combinations of what they refer to: a
 * hundred thousand placements name a few hundred workplaces.
 */
static gboolean
select_references (WriteContext  *context,
                   GError       **error)
{
  guint n_types;
  const GType *types = placements_store_get_record_types (&n_types);

  for (guint t = n_types; t-- > 0;)
    {
      g_autoptr(PlacementsRecordClass) klass = g_type_class_ref (types[t]);
      const char *kind = placements_record_class_get_kind (klass);
      const char *table = placements_record_class_get_table (klass);
      g_autoptr(GString) columns = g_string_new (NULL);
      g_autoptr(GPtrArray) fields = g_ptr_array_new ();
      gboolean ok;
      char *sql;

      if (!is_travelling_kind (kind))
        continue;

      if (g_strv_contains (pilot_parts, kind))
        {
          sql = sqlite3_mprintf ("INSERT OR IGNORE INTO temp.export_selection "
                                 "(kind, uuid, row_id) "
                                 "SELECT %Q, t.uuid, t.id FROM %s t WHERE t.pilot_uuid IN "
                                 "(SELECT uuid FROM temp.export_selection "
                                 " WHERE kind = 'pilot')",
                                 kind, table);
          ok = exec_sql (context, sql, error);
          sqlite3_free (sql);
          if (!ok)
            return FALSE;
        }

      for (guint i = 0; i < placements_record_class_get_n_fields (klass); i++)
        {
          const PlacementsField *field = placements_record_class_get_field (klass, i);

          /* Every record that refers to a client was selected for that client. */
          if (field->references == G_TYPE_INVALID || field->references == PLACEMENTS_TYPE_CLIENT)
            continue;
          g_string_append_printf (columns, "%st.%s", columns->len > 0 ? ", " : "",
                                  field->column);
          g_ptr_array_add (fields, (gpointer) field);
        }
      if (fields->len == 0)
        continue;

      /* The rows are read in the order of their ids, not of their UUIDs: one
       * pass along the table rather than a jump to another page for each. */
      sql = sqlite3_mprintf ("DROP TABLE IF EXISTS temp.export_references;"
                             "CREATE TEMP TABLE export_references AS SELECT DISTINCT %s "
                             "FROM %s t WHERE t.id IN (SELECT row_id "
                             "FROM temp.export_selection WHERE kind = %Q)",
                             columns->str, table, kind);
      ok = exec_sql (context, sql, error);
      sqlite3_free (sql);
      if (!ok)
        return FALSE;

      for (guint i = 0; i < fields->len; i++)
        {
          const PlacementsField *field = g_ptr_array_index (fields, i);
          g_autoptr(PlacementsRecordClass) referenced = g_type_class_ref (field->references);

          g_assert (is_travelling_kind (placements_record_class_get_kind (referenced)));
          sql = sqlite3_mprintf ("INSERT OR IGNORE INTO temp.export_selection "
                                 "(kind, uuid, row_id) "
                                 "SELECT %Q, r.uuid, r.id FROM %s r WHERE r.uuid IN "
                                 "(SELECT %s FROM temp.export_references)",
                                 placements_record_class_get_kind (referenced),
                                 placements_record_class_get_table (referenced),
                                 field->column);
          ok = exec_sql (context, sql, error);
          sqlite3_free (sql);
          if (!ok)
            return FALSE;
        }
    }
  return exec_sql (context, "DROP TABLE IF EXISTS temp.export_references", error);
}

static gboolean
prepare_temporary_tables (WriteContext  *context,
                          GError       **error)
{
  return exec_sql (context,
                   "CREATE TEMP TABLE IF NOT EXISTS export_client ("
                   "  uuid TEXT PRIMARY KEY, categories INTEGER NOT NULL) WITHOUT ROWID;"
                   "CREATE TEMP TABLE IF NOT EXISTS export_selection ("
                   "  kind TEXT NOT NULL, uuid TEXT NOT NULL, row_id INTEGER NOT NULL,"
                   "  PRIMARY KEY (kind, uuid)) WITHOUT ROWID;"
                   "DELETE FROM temp.export_client;"
                   "DELETE FROM temp.export_selection;",
                   error);
}

void
placements_export_clear_selection (WriteContext *context)
{
  sqlite3_exec (context->db,
                "DELETE FROM temp.export_client; DELETE FROM temp.export_selection;",
                NULL, NULL, NULL);
}

gboolean
placements_export_select (WriteContext  *context,
                          GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* Consent dates are calendar dates where the coordinator lives. */
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char * const *seeds = context->pseudonymise ? report_seed_sql : seed_sql;
  gint64 n_candidates;

  if (!prepare_temporary_tables (context, error)
      || !run_selection (context, select_clients_sql, today, error))
    return FALSE;

  for (guint i = 0; seeds[i] != NULL; i++)
    if (!run_selection (context, seeds[i], today, error))
      return FALSE;

  if (!context->pseudonymise && !select_references (context, error))
    return FALSE;

  context->n_clients = (guint) query_count (context, "SELECT count(*) FROM temp.export_client");
  if (context->client_uuid != NULL)
    n_candidates = 1;
  else if (context->pilot_uuid != NULL)
    n_candidates = query_count (context,
                                "SELECT count(DISTINCT client_uuid) FROM placement "
                                "WHERE pilot_uuid = :pilot");
  else
    n_candidates = query_count (context, "SELECT count(*) FROM client");
  context->n_left_out = (guint) MAX (0, n_candidates - (gint64) context->n_clients);
  context->n_records = (guint) query_count (context,
                                         "SELECT count(*) FROM temp.export_selection");
  if (context->pseudonymise)
    context->n_records += context->n_clients;
  return TRUE;
}
