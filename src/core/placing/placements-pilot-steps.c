#define G_LOG_DOMAIN "placements-pilot-steps"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "placements-date.h"
#include "placements-enum-types.h"
#include "placements-error.h"
#include "placements-pilot-steps.h"
#include "placements-store-private.h"
#include "placements-timestamp.h"
#include "placements-validate.h"

void
placements_pilot_step_free (PlacementsPilotStep *step)
{
  if (step == NULL)
    return;
  g_free (step->date);
  g_free (step);
}

gboolean
placements_pilot_can_move (PlacementsPilotStatus from,
                           PlacementsPilotStatus to)
{
  switch (from)
    {
    case PLACEMENTS_PILOT_STATUS_CONCEPT:
      return to == PLACEMENTS_PILOT_STATUS_RUNNING || to == PLACEMENTS_PILOT_STATUS_STOPPED;
    case PLACEMENTS_PILOT_STATUS_RUNNING:
      return to == PLACEMENTS_PILOT_STATUS_EVALUATED || to == PLACEMENTS_PILOT_STATUS_STOPPED;
    case PLACEMENTS_PILOT_STATUS_EVALUATED:
      return to == PLACEMENTS_PILOT_STATUS_SCALED_UP ||
             to == PLACEMENTS_PILOT_STATUS_STRUCTURAL || to == PLACEMENTS_PILOT_STATUS_STOPPED;
    case PLACEMENTS_PILOT_STATUS_SCALED_UP:
      /* A scaled-up pilot is evaluated again, or made structural. */
      return to == PLACEMENTS_PILOT_STATUS_EVALUATED ||
             to == PLACEMENTS_PILOT_STATUS_STRUCTURAL || to == PLACEMENTS_PILOT_STATUS_STOPPED;
    case PLACEMENTS_PILOT_STATUS_STRUCTURAL:
    case PLACEMENTS_PILOT_STATUS_STOPPED:
    default:
      return FALSE;
    }
}

static gboolean
insert_step (PlacementsStore        *store,
             const char             *pilot_uuid,
             PlacementsPilotStatus   status,
             const char             *date,
             int                     target,
             GError                **error)
{
  g_autofree char *now = placements_timestamp_now ();
  sqlite3_stmt *statement;
  int rc;

  statement = placements_store_prepare (store,
    "INSERT INTO pilot_step (pilot_uuid, status, date, recorded, target_participants)"
    " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, pilot_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, placements_enum_get_nick (PLACEMENTS_TYPE_PILOT_STATUS,
                                                             status), -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 3, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 4, now, -1, SQLITE_TRANSIENT);
  if (target >= 0)
    sqlite3_bind_int (statement, 5, target);
  else
    sqlite3_bind_null (statement, 5);
  rc = sqlite3_step (statement);
  if (rc != SQLITE_DONE)
    placements_store_set_sqlite_error (store, error, "pilot_step");
  sqlite3_reset (statement);
  return rc == SQLITE_DONE;
}

static gboolean
check_move (PlacementsPilot        *pilot,
            PlacementsPilotStatus   status,
            const char             *date,
            GError                **error)
{
  PlacementsPilotStatus from = placements_pilot_get_status (pilot);

  if (!placements_pilot_can_move (from, status))
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                   /* Translators: two statuses of a pilot, as "Concept" and "Evaluated". */
                   _("A pilot cannot go from “%s” to “%s”"),
                   placements_enum_get_label (PLACEMENTS_TYPE_PILOT_STATUS, from),
                   placements_enum_get_label (PLACEMENTS_TYPE_PILOT_STATUS, status));
      return FALSE;
    }
  if (!placements_validate_date (date))
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                   _("“%s” is not a date"), date != NULL ? date : "");
      return FALSE;
    }
  return TRUE;
}

static gboolean
write_step (PlacementsStore  *store,
            PlacementsPilot  *pilot,
            PlacementsRecord *before,
            int               target,
            const char       *date,
            GError          **error)
{
  gboolean own = !placements_store_in_transaction (store);
  gboolean ok;

  if (own && !placements_store_begin (store, error))
    {
      placements_record_copy_fields (PLACEMENTS_RECORD (pilot), before);
      return FALSE;
    }
  ok = placements_store_save (store, PLACEMENTS_RECORD (pilot), error) &&
       insert_step (store, placements_record_get_uuid (PLACEMENTS_RECORD (pilot)),
                    placements_pilot_get_status (pilot), date, target, error);
  if (own)
    {
      if (ok)
        ok = placements_store_commit (store, error);
      else
        placements_store_rollback (store);
    }
  if (!ok)
    placements_record_copy_fields (PLACEMENTS_RECORD (pilot), before);
  return ok;
}

gboolean
placements_pilot_move (PlacementsStore        *store,
                       PlacementsPilot        *pilot,
                       PlacementsPilotStatus   status,
                       const char             *date,
                       GError                **error)
{
  g_autoptr(PlacementsRecord) before = NULL;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);
  g_return_val_if_fail (PLACEMENTS_IS_PILOT (pilot), FALSE);
  g_return_val_if_fail (status != PLACEMENTS_PILOT_STATUS_SCALED_UP, FALSE);

  if (!check_move (pilot, status, date, error))
    return FALSE;
  before = placements_record_dup (PLACEMENTS_RECORD (pilot));
  placements_pilot_set_status (pilot, status);
  if (status == PLACEMENTS_PILOT_STATUS_RUNNING &&
      placements_pilot_get_start_date (pilot) == NULL)
    placements_pilot_set_start_date (pilot, date);
  if (status == PLACEMENTS_PILOT_STATUS_EVALUATED &&
      placements_pilot_get_evaluation_date (pilot) == NULL)
    placements_pilot_set_evaluation_date (pilot, date);
  return write_step (store, pilot, before, -1, date, error);
}

gboolean
placements_pilot_scale_up (PlacementsStore  *store,
                           PlacementsPilot  *pilot,
                           const char       *date,
                           int               target_participants,
                           GError          **error)
{
  g_autoptr(PlacementsRecord) before = NULL;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);
  g_return_val_if_fail (PLACEMENTS_IS_PILOT (pilot), FALSE);

  if (!check_move (pilot, PLACEMENTS_PILOT_STATUS_SCALED_UP, date, error))
    return FALSE;
  if (target_participants <= placements_pilot_get_target_participants (pilot))
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                   _("Scaling up needs a target above the present %d participants"),
                   placements_pilot_get_target_participants (pilot));
      return FALSE;
    }
  before = placements_record_dup (PLACEMENTS_RECORD (pilot));
  placements_pilot_set_status (pilot, PLACEMENTS_PILOT_STATUS_SCALED_UP);
  placements_pilot_set_scale_up_date (pilot, date);
  placements_pilot_set_target_participants (pilot, target_participants);
  return write_step (store, pilot, before, target_participants, date, error);
}

gboolean
placements_pilot_record_step (PlacementsStore        *store,
                              PlacementsPilot        *pilot,
                              PlacementsPilotStatus   from,
                              const char             *date,
                              GError                **error)
{
  PlacementsPilotStatus status;
  g_autoptr(PlacementsPilot) was = NULL;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);
  g_return_val_if_fail (PLACEMENTS_IS_PILOT (pilot), FALSE);

  /* check_move() reads where the pilot comes from off a pilot. */
  status = placements_pilot_get_status (pilot);
  was = PLACEMENTS_PILOT (placements_record_dup (PLACEMENTS_RECORD (pilot)));
  placements_pilot_set_status (was, from);
  if (!check_move (was, status, date, error))
    return FALSE;
  return insert_step (store, placements_record_get_uuid (PLACEMENTS_RECORD (pilot)), status,
                      date, status == PLACEMENTS_PILOT_STATUS_SCALED_UP ?
                            placements_pilot_get_target_participants (pilot) : -1,
                      error);
}

GPtrArray *
placements_pilot_list_steps (PlacementsStore  *store,
                             const char       *pilot_uuid,
                             GError          **error)
{
  g_autoptr(GPtrArray) steps =
    g_ptr_array_new_with_free_func ((GDestroyNotify) placements_pilot_step_free);
  sqlite3_stmt *statement;
  int rc;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);

  statement = placements_store_prepare (store,
    "SELECT status, date, coalesce (target_participants, -1) FROM pilot_step"
    " WHERE pilot_uuid = ?1 ORDER BY date, id", error);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_text (statement, 1, pilot_uuid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      PlacementsPilotStep *step = g_new0 (PlacementsPilotStep, 1);
      int status = 0;

      placements_enum_from_nick (PLACEMENTS_TYPE_PILOT_STATUS,
                                 (const char *) sqlite3_column_text (statement, 0), &status);
      step->status = status;
      step->date = g_strdup ((const char *) sqlite3_column_text (statement, 1));
      step->target_participants = sqlite3_column_int (statement, 2);
      g_ptr_array_add (steps, step);
    }
  if (rc != SQLITE_DONE)
    {
      placements_store_set_sqlite_error (store, error, "pilot_step");
      sqlite3_reset (statement);
      return NULL;
    }
  sqlite3_reset (statement);
  return g_steal_pointer (&steps);
}

static gint64
query_number (PlacementsStore *store,
              const char      *sql,
              const char      *pilot_uuid)
{
  sqlite3_stmt *statement = placements_store_prepare (store, sql, NULL);
  gint64 n = 0;

  if (statement == NULL)
    return 0;
  sqlite3_bind_text (statement, 1, pilot_uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) == SQLITE_ROW)
    n = sqlite3_column_int64 (statement, 0);
  sqlite3_reset (statement);
  return n;
}

int
placements_pilot_count_placed (PlacementsStore *store,
                               const char      *pilot_uuid)
{
  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), 0);
  return (int) query_number (store,
                             "SELECT count(*) FROM placement WHERE pilot_uuid = ?1"
                             " AND status IN ('introduction', 'trial', 'active')", pilot_uuid);
}

gint64
placements_pilot_sum_funding (PlacementsStore *store,
                              const char      *pilot_uuid)
{
  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), 0);
  return query_number (store, "SELECT coalesce (sum (amount_cents), 0) FROM funding"
                              " WHERE pilot_uuid = ?1", pilot_uuid);
}

char *
placements_format_euro_cents (gint64 cents)
{
  g_autoptr(GString) whole = g_string_new (NULL);
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, ABS (cents) / 100);
  gsize n = strlen (digits);
  /* Translators: groups the thousands of an amount: "." in Dutch (35.000). */
  const char *thousands = C_("money", ",");
  /* Translators: before the cents of an amount: "," in Dutch (35.000,00). */
  const char *decimal = C_("money", ".");

  /* The locale's %' groups only when LC_NUMERIC says so, which a C.UTF-8 session does
   * not: the translation says how money is written. */
  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append (whole, thousands);
      g_string_append_c (whole, digits[i]);
    }
  g_string_append_printf (whole, "%s%02d", decimal, (int) (ABS (cents) % 100));
  if (cents < 0)
    g_string_prepend_c (whole, '-');
  /* Translators: an amount in euros, as "€ 35.000,00". */
  return g_strdup_printf (_("€ %s"), whole->str);
}
