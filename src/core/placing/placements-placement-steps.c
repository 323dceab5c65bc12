#define G_LOG_DOMAIN "placements-placement-steps"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "placements-buddy-pairing.h"
#include "placements-date.h"
#include "placements-enum-types.h"
#include "placements-error.h"
#include "placements-placement-steps.h"
#include "placements-placing.h"
#include "placements-store-private.h"
#include "placements-timestamp.h"
#include "placements-validate.h"
#include "placements-workplace.h"

void
placements_placement_step_free (PlacementsPlacementStep *step)
{
  if (step == NULL)
    return;
  g_free (step->date);
  g_free (step);
}

gboolean
placements_placement_can_move (PlacementsPlacementStatus from,
                               PlacementsPlacementStatus to)
{
  if (from == PLACEMENTS_PLACEMENT_STATUS_ENDED)
    return FALSE;
  if (to == PLACEMENTS_PLACEMENT_STATUS_ENDED)
    return TRUE;

  switch (from)
    {
    case PLACEMENTS_PLACEMENT_STATUS_REGISTERED:
      return to == PLACEMENTS_PLACEMENT_STATUS_INTRODUCTION;
    case PLACEMENTS_PLACEMENT_STATUS_INTRODUCTION:
      return to == PLACEMENTS_PLACEMENT_STATUS_TRIAL;
    case PLACEMENTS_PLACEMENT_STATUS_TRIAL:
      return to == PLACEMENTS_PLACEMENT_STATUS_ACTIVE;
    case PLACEMENTS_PLACEMENT_STATUS_ACTIVE:
      return to == PLACEMENTS_PLACEMENT_STATUS_PAUSED;
    case PLACEMENTS_PLACEMENT_STATUS_PAUSED:
      return to == PLACEMENTS_PLACEMENT_STATUS_ACTIVE;
    case PLACEMENTS_PLACEMENT_STATUS_ENDED:
    default:
      return FALSE;
    }
}

char *
placements_date_add_months (const char *iso_date,
                            int         months)
{
  GDate date;
  char text[11];

  g_return_val_if_fail (placements_validate_date (iso_date), NULL);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) g_ascii_strtoull (iso_date + 8, NULL, 10),
                  (GDateMonth) g_ascii_strtoull (iso_date + 5, NULL, 10),
                  (GDateYear) g_ascii_strtoull (iso_date, NULL, 10));
  if (months >= 0)
    g_date_add_months (&date, (guint) months);
  else
    g_date_subtract_months (&date, (guint) -months);
  g_snprintf (text, sizeof text, "%04u-%02u-%02u", g_date_get_year (&date),
              g_date_get_month (&date), g_date_get_day (&date));
  return g_strdup (text);
}

/* Where a placement's time ends for the overlap rule: its actual end, else its planned
 * end, else open ("9999-12-31" sorts after every date). */
static const char *
end_of (const char *actual_end,
        const char *planned_end)
{
  if (actual_end != NULL && *actual_end != '\0')
    return actual_end;
  if (planned_end != NULL && *planned_end != '\0')
    return planned_end;
  return "9999-12-31";
}

gboolean
placements_placement_check_overlap (PlacementsStore      *store,
                                    PlacementsPlacement  *placement,
                                    GError              **error)
{
  const char *start = placements_placement_get_start_date (placement);
  const char *end = end_of (placements_placement_get_actual_end_date (placement),
                            placements_placement_get_planned_end_date (placement));
  sqlite3_stmt *statement;
  gboolean ok = TRUE;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);
  g_return_val_if_fail (PLACEMENTS_IS_PLACEMENT (placement), FALSE);

  /* An ended placement overlaps nothing any more: it is history. */
  if (placements_placement_get_status (placement) == PLACEMENTS_PLACEMENT_STATUS_ENDED ||
      start == NULL)
    return TRUE;

  statement = placements_store_prepare (store,
    "SELECT start_date, coalesce (actual_end_date, planned_end_date) FROM placement"
    " WHERE client_uuid = ?1 AND workplace_uuid = ?2 AND uuid <> ?3 AND status <> 'ended'"
    " AND start_date <= ?5"
    " AND coalesce (actual_end_date, planned_end_date, '9999-12-31') >= ?4"
    " ORDER BY start_date LIMIT 1", error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, placements_placement_get_client_uuid (placement), -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, placements_placement_get_workplace_uuid (placement), -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 3, placements_record_get_uuid (PLACEMENTS_RECORD (placement)),
                     -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 4, start, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 5, end, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) == SQLITE_ROW)
    {
      g_autofree char *other_start =
        placements_date_format_short ((const char *) sqlite3_column_text (statement, 0));
      const char *other_end_iso = (const char *) sqlite3_column_text (statement, 1);
      g_autofree char *other_end =
        other_end_iso != NULL ? placements_date_format_short (other_end_iso) : NULL;

      if (other_end != NULL)
        g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_CONFLICT,
                     /* Translators: the other placement's start and end dates. */
                     _("The client already has a placement at this workplace from %s to %s; "
                       "placements there may not overlap"), other_start, other_end);
      else
        g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_CONFLICT,
                     /* Translators: the other placement's start date. */
                     _("The client already has a placement at this workplace from %s on; "
                       "placements there may not overlap"), other_start);
      ok = FALSE;
    }
  sqlite3_reset (statement);
  return ok;
}

PlacementsPlaceWarnings
placements_placement_find_warnings (PlacementsStore      *store,
                                    PlacementsPlacement  *placement,
                                    GError              **error)
{
  g_autoptr(PlacementsWorkplace) workplace = NULL;
  g_autoptr(PlacementsPlacement) stored = NULL;
  PlacementsPlaceWarnings warnings = PLACEMENTS_PLACE_WARNING_NONE;
  const char *uuid = placements_record_get_uuid (PLACEMENTS_RECORD (placement));
  const char *buddy_uuid = placements_placement_get_buddy_uuid (placement);
  gboolean holds_already = FALSE;
  int occupied;

  workplace = placements_store_load (store, PLACEMENTS_TYPE_WORKPLACE,
                                     placements_placement_get_workplace_uuid (placement),
                                     error);
  if (workplace == NULL)
    return PLACEMENTS_PLACE_WARNING_NONE;
  if (placements_store_exists (store, PLACEMENTS_TYPE_PLACEMENT, uuid))
    stored = placements_store_load (store, PLACEMENTS_TYPE_PLACEMENT, uuid, NULL);
  if (stored != NULL)
    holds_already = placements_placement_status_holds_place (
                      placements_placement_get_status (stored)) &&
                    g_strcmp0 (placements_placement_get_workplace_uuid (stored),
                               placements_placement_get_workplace_uuid (placement)) == 0;

  occupied = placements_placing_count_occupied (store, placements_record_get_uuid (
                                                  PLACEMENTS_RECORD (workplace)), error);
  if (occupied < 0)
    return PLACEMENTS_PLACE_WARNING_NONE;
  if (!holds_already && occupied >= placements_workplace_get_capacity (workplace))
    warnings |= PLACEMENTS_PLACE_WARNING_OVER_CAPACITY;

  if (buddy_uuid != NULL && *buddy_uuid != '\0' &&
      (stored == NULL || g_strcmp0 (placements_placement_get_buddy_uuid (stored),
                                    buddy_uuid) != 0))
    {
      int max = 0;
      int load = placements_placing_get_buddy_load (store, buddy_uuid, &max, NULL);

      if (load >= 0 && load >= max)
        warnings |= PLACEMENTS_PLACE_WARNING_BUDDY_OVER_MAXIMUM;
    }
  return warnings;
}

PlacementsPlaceWarnings
placements_placement_find_excess (PlacementsStore *store,
                                  const char      *placement_uuid)
{
  g_autoptr(PlacementsPlacement) placement = NULL;
  g_autoptr(PlacementsWorkplace) workplace = NULL;
  PlacementsPlaceWarnings warnings = PLACEMENTS_PLACE_WARNING_NONE;
  const char *buddy_uuid;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), PLACEMENTS_PLACE_WARNING_NONE);

  placement = placements_store_load (store, PLACEMENTS_TYPE_PLACEMENT, placement_uuid, NULL);
  if (placement == NULL ||
      !placements_placement_status_holds_place (placements_placement_get_status (placement)))
    return PLACEMENTS_PLACE_WARNING_NONE;
  workplace = placements_store_load (store, PLACEMENTS_TYPE_WORKPLACE,
                                     placements_placement_get_workplace_uuid (placement), NULL);
  if (workplace != NULL &&
      placements_placing_count_occupied (store, placements_record_get_uuid (
                                           PLACEMENTS_RECORD (workplace)), NULL) >
      placements_workplace_get_capacity (workplace))
    warnings |= PLACEMENTS_PLACE_WARNING_OVER_CAPACITY;
  buddy_uuid = placements_placement_get_buddy_uuid (placement);
  if (buddy_uuid != NULL)
    {
      int max = 0;
      int load = placements_placing_get_buddy_load (store, buddy_uuid, &max, NULL);

      if (load > max)
        warnings |= PLACEMENTS_PLACE_WARNING_BUDDY_OVER_MAXIMUM;
    }
  return warnings;
}

const char *
placements_place_warning_get_message (PlacementsPlaceWarnings warnings)
{
  if ((warnings & PLACEMENTS_PLACE_WARNING_OVER_CAPACITY) != 0)
    return _("The workplace now holds more placements than it has places");
  if ((warnings & PLACEMENTS_PLACE_WARNING_BUDDY_OVER_MAXIMUM) != 0)
    return _("The buddy now has more clients than their maximum");
  return NULL;
}

static gboolean
check_confirmed (PlacementsPlaceWarnings   warnings,
                 PlacementsPlaceWarnings   confirmed,
                 GError                  **error)
{
  PlacementsPlaceWarnings missing = warnings & ~confirmed;

  if ((missing & PLACEMENTS_PLACE_WARNING_OVER_CAPACITY) != 0)
    {
      g_set_error_literal (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NEEDS_CONFIRMATION,
                           _("The workplace has no free place: confirm placing over its "
                             "capacity"));
      return FALSE;
    }
  if ((missing & PLACEMENTS_PLACE_WARNING_BUDDY_OVER_MAXIMUM) != 0)
    {
      g_set_error_literal (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NEEDS_CONFIRMATION,
                           _("The buddy already has their maximum of clients: confirm going "
                             "over it"));
      return FALSE;
    }
  return TRUE;
}

gboolean
placements_place_warnings_check (PlacementsPlaceWarnings   warnings,
                                 PlacementsPlaceWarnings   confirmed,
                                 GError                  **error)
{
  return check_confirmed (warnings, confirmed, error);
}

static char *
warnings_text (PlacementsPlaceWarnings warnings)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if ((warnings & PLACEMENTS_PLACE_WARNING_OVER_CAPACITY) != 0)
    g_string_append (text, "over-capacity");
  if ((warnings & PLACEMENTS_PLACE_WARNING_BUDDY_OVER_MAXIMUM) != 0)
    g_string_append (text, text->len > 0 ? ",buddy-over-maximum" : "buddy-over-maximum");
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static gboolean
insert_step (PlacementsStore            *store,
             const char                 *placement_uuid,
             PlacementsPlacementStatus   status,
             const char                 *date,
             PlacementsPlaceWarnings     warnings,
             GError                    **error)
{
  g_autofree char *now = placements_timestamp_now ();
  g_autofree char *text = warnings_text (warnings);
  sqlite3_stmt *statement;
  int rc;

  statement = placements_store_prepare (store,
    "INSERT INTO placement_step (placement_uuid, status, date, recorded, warnings)"
    " VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, placement_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, placements_enum_get_nick (PLACEMENTS_TYPE_PLACEMENT_STATUS,
                                                             status), -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 3, date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 4, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 5, text, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (statement);
  if (rc != SQLITE_DONE)
    placements_store_set_sqlite_error (store, error, "placement_step");
  sqlite3_reset (statement);
  return rc == SQLITE_DONE;
}

/* The date of the placement's last step, or its start date. */
static char *
dup_last_step_date (PlacementsStore     *store,
                    PlacementsPlacement *placement)
{
  sqlite3_stmt *statement;
  char *date = NULL;

  statement = placements_store_prepare (store,
    "SELECT max (date) FROM placement_step WHERE placement_uuid = ?1", NULL);
  if (statement != NULL)
    {
      sqlite3_bind_text (statement, 1,
                         placements_record_get_uuid (PLACEMENTS_RECORD (placement)), -1,
                         SQLITE_TRANSIENT);
      if (sqlite3_step (statement) == SQLITE_ROW && sqlite3_column_text (statement, 0) != NULL)
        date = g_strdup ((const char *) sqlite3_column_text (statement, 0));
      sqlite3_reset (statement);
    }
  if (date == NULL || g_strcmp0 (date, placements_placement_get_start_date (placement)) < 0)
    {
      g_free (date);
      date = g_strdup (placements_placement_get_start_date (placement));
    }
  return date;
}

static gboolean
check_step_date (PlacementsStore      *store,
                 PlacementsPlacement  *placement,
                 const char           *date,
                 GError              **error)
{
  g_autofree char *last = NULL;

  if (!placements_validate_date (date))
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                   _("“%s” is not a date"), date != NULL ? date : "");
      return FALSE;
    }
  last = dup_last_step_date (store, placement);
  if (last != NULL && strcmp (date, last) < 0)
    {
      g_autofree char *shown = placements_date_format_short (date);
      g_autofree char *shown_last = placements_date_format_short (last);

      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                   /* Translators: the date of the new step, then of the last one. */
                   _("The step’s date %s lies before the placement’s last step on %s"),
                   shown, shown_last);
      return FALSE;
    }
  return TRUE;
}

/* Runs @write in a transaction of its own unless the caller has one open. */
static gboolean
begin (PlacementsStore  *store,
       gboolean         *own,
       GError          **error)
{
  *own = !placements_store_in_transaction (store);
  return !*own || placements_store_begin (store, error);
}

static gboolean
finish (PlacementsStore  *store,
        gboolean          own,
        gboolean          ok,
        GError          **error)
{
  if (!own)
    return ok;
  if (ok)
    return placements_store_commit (store, error);
  placements_store_rollback (store);
  return FALSE;
}

/* The buddy's pairing with the client that is open on @date, or NULL. */
static PlacementsBuddyPairing *
find_pairing (PlacementsStore *store,
              const char      *buddy_uuid,
              const char      *client_uuid,
              const char      *date)
{
  g_autoptr(GPtrArray) pairings = placements_store_find (store,
                                                         PLACEMENTS_TYPE_BUDDY_PAIRING,
                                                         "client-uuid", client_uuid, NULL);

  for (guint i = 0; pairings != NULL && i < pairings->len; i++)
    {
      PlacementsBuddyPairing *pairing = g_ptr_array_index (pairings, i);
      const char *end = placements_buddy_pairing_get_end_date (pairing);

      if (g_strcmp0 (placements_buddy_pairing_get_buddy_uuid (pairing), buddy_uuid) == 0 &&
          (end == NULL || g_strcmp0 (end, date) >= 0))
        return g_object_ref (pairing);
    }
  return NULL;
}

gboolean
placements_placement_place (PlacementsStore          *store,
                            PlacementsPlacement      *placement,
                            PlacementsPlaceWarnings   confirmed,
                            GError                  **error)
{
  g_autoptr(GError) local_error = NULL;
  PlacementsPlaceWarnings warnings;
  const char *buddy_uuid = placements_placement_get_buddy_uuid (placement);
  const char *client_uuid = placements_placement_get_client_uuid (placement);
  const char *start = placements_placement_get_start_date (placement);
  gboolean own;
  gboolean ok;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);
  g_return_val_if_fail (PLACEMENTS_IS_PLACEMENT (placement), FALSE);

  /* Fields and references first: a missing workplace is said as such. */
  if (!placements_record_validate (PLACEMENTS_RECORD (placement), error))
    return FALSE;

  warnings = placements_placement_find_warnings (store, placement, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* A registered placement takes no place yet; a full workplace is said when it does. */
  if (!placements_placement_status_holds_place (placements_placement_get_status (placement)))
    warnings &= ~PLACEMENTS_PLACE_WARNING_OVER_CAPACITY;
  if (!check_confirmed (warnings, confirmed, error))
    return FALSE;

  if (!begin (store, &own, error))
    return FALSE;
  ok = placements_store_save (store, PLACEMENTS_RECORD (placement), error) &&
       insert_step (store, placements_record_get_uuid (PLACEMENTS_RECORD (placement)),
                    placements_placement_get_status (placement), start, warnings, error);
  if (ok && buddy_uuid != NULL && *buddy_uuid != '\0')
    {
      g_autoptr(PlacementsBuddyPairing) pairing = find_pairing (store, buddy_uuid,
                                                                client_uuid, start);

      if (pairing == NULL)
        {
          pairing = placements_buddy_pairing_new ();
          placements_buddy_pairing_set_buddy_uuid (pairing, buddy_uuid);
          placements_buddy_pairing_set_client_uuid (pairing, client_uuid);
          placements_buddy_pairing_set_start_date (pairing, start);
          placements_buddy_pairing_set_end_date (
            pairing, placements_placement_get_planned_end_date (placement));
          ok = placements_store_save (store, PLACEMENTS_RECORD (pairing), error);
        }
    }
  return finish (store, own, ok, error);
}

gboolean
placements_placement_move (PlacementsStore           *store,
                           PlacementsPlacement       *placement,
                           PlacementsPlacementStatus  status,
                           const char                *date,
                           PlacementsPlaceWarnings    confirmed,
                           GError                   **error)
{
  g_autoptr(PlacementsRecord) before = NULL;
  g_autoptr(GError) local_error = NULL;
  PlacementsPlacementStatus from;
  PlacementsPlaceWarnings warnings = PLACEMENTS_PLACE_WARNING_NONE;
  gboolean own;
  gboolean ok;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);
  g_return_val_if_fail (PLACEMENTS_IS_PLACEMENT (placement), FALSE);
  g_return_val_if_fail (status != PLACEMENTS_PLACEMENT_STATUS_ENDED, FALSE);

  from = placements_placement_get_status (placement);
  if (!placements_placement_can_move (from, status))
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                   /* Translators: two statuses of a placement, as "Trial" and "Paused". */
                   _("A placement cannot go from “%s” to “%s”"),
                   placements_enum_get_label (PLACEMENTS_TYPE_PLACEMENT_STATUS, from),
                   placements_enum_get_label (PLACEMENTS_TYPE_PLACEMENT_STATUS, status));
      return FALSE;
    }
  if (!check_step_date (store, placement, date, error))
    return FALSE;

  if (!placements_placement_status_holds_place (from) &&
      placements_placement_status_holds_place (status))
    {
      warnings = placements_placement_find_warnings (store, placement, &local_error) &
                 PLACEMENTS_PLACE_WARNING_OVER_CAPACITY;
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (!check_confirmed (warnings, confirmed, error))
        return FALSE;
    }

  before = placements_record_dup (PLACEMENTS_RECORD (placement));
  if (!begin (store, &own, error))
    return FALSE;
  placements_placement_set_status (placement, status);
  ok = placements_store_save (store, PLACEMENTS_RECORD (placement), error) &&
       insert_step (store, placements_record_get_uuid (PLACEMENTS_RECORD (placement)), status,
                    date, warnings, error);
  ok = finish (store, own, ok, error);
  if (!ok)
    placements_record_copy_fields (PLACEMENTS_RECORD (placement), before);
  return ok;
}

gboolean
placements_placement_end (PlacementsStore      *store,
                          PlacementsPlacement  *placement,
                          const char           *date,
                          PlacementsEndReason   reason,
                          PlacementsOutcome     outcome,
                          GError              **error)
{
  g_autoptr(PlacementsRecord) before = NULL;
  g_autofree char *six = NULL;
  g_autofree char *twelve = NULL;
  const char *buddy_uuid;
  gboolean own;
  gboolean ok;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);
  g_return_val_if_fail (PLACEMENTS_IS_PLACEMENT (placement), FALSE);

  if (placements_placement_get_status (placement) == PLACEMENTS_PLACEMENT_STATUS_ENDED)
    {
      g_set_error_literal (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                           _("The placement has ended already"));
      return FALSE;
    }
  if (reason == PLACEMENTS_END_REASON_NONE)
    {
      g_set_error_literal (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                           _("A placement that ends needs an end reason"));
      return FALSE;
    }
  if (!check_step_date (store, placement, date, error))
    return FALSE;

  six = placements_date_add_months (date, 6);
  twelve = placements_date_add_months (date, 12);
  before = placements_record_dup (PLACEMENTS_RECORD (placement));
  if (!begin (store, &own, error))
    return FALSE;
  placements_placement_set_status (placement, PLACEMENTS_PLACEMENT_STATUS_ENDED);
  placements_placement_set_actual_end_date (placement, date);
  placements_placement_set_end_reason (placement, reason);
  placements_placement_set_outcome (placement, outcome);
  placements_placement_set_follow_up_6_months_date (placement, six);
  placements_placement_set_follow_up_12_months_date (placement, twelve);
  ok = placements_store_save (store, PLACEMENTS_RECORD (placement), error) &&
       insert_step (store, placements_record_get_uuid (PLACEMENTS_RECORD (placement)),
                    PLACEMENTS_PLACEMENT_STATUS_ENDED, date, PLACEMENTS_PLACE_WARNING_NONE,
                    error);

  /* The buddy went with the placement; the pairing ends with it. */
  buddy_uuid = placements_placement_get_buddy_uuid (placement);
  if (ok && buddy_uuid != NULL && *buddy_uuid != '\0')
    {
      g_autoptr(PlacementsBuddyPairing) pairing =
        find_pairing (store, buddy_uuid, placements_placement_get_client_uuid (placement), date);

      if (pairing != NULL &&
          g_strcmp0 (placements_buddy_pairing_get_start_date (pairing), date) <= 0)
        {
          placements_buddy_pairing_set_end_date (pairing, date);
          ok = placements_store_save (store, PLACEMENTS_RECORD (pairing), error);
        }
    }
  ok = finish (store, own, ok, error);
  if (!ok)
    placements_record_copy_fields (PLACEMENTS_RECORD (placement), before);
  return ok;
}

gboolean
placements_placement_record_step (PlacementsStore            *store,
                                  const char                 *placement_uuid,
                                  PlacementsPlacementStatus   status,
                                  const char                 *date,
                                  GError                    **error)
{
  gboolean own;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);
  g_return_val_if_fail (placements_validate_date (date), FALSE);

  if (!begin (store, &own, error))
    return FALSE;
  return finish (store, own,
                 insert_step (store, placement_uuid, status, date,
                              PLACEMENTS_PLACE_WARNING_NONE, error),
                 error);
}

GPtrArray *
placements_placement_list_steps (PlacementsStore  *store,
                                 const char       *placement_uuid,
                                 GError          **error)
{
  g_autoptr(GPtrArray) steps =
    g_ptr_array_new_with_free_func ((GDestroyNotify) placements_placement_step_free);
  sqlite3_stmt *statement;
  int rc;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);

  statement = placements_store_prepare (store,
    "SELECT status, date, warnings FROM placement_step WHERE placement_uuid = ?1"
    " ORDER BY date, id", error);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_text (statement, 1, placement_uuid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      PlacementsPlacementStep *step = g_new0 (PlacementsPlacementStep, 1);
      const char *warnings = (const char *) sqlite3_column_text (statement, 2);
      int status = 0;

      placements_enum_from_nick (PLACEMENTS_TYPE_PLACEMENT_STATUS,
                                 (const char *) sqlite3_column_text (statement, 0), &status);
      step->status = status;
      step->date = g_strdup ((const char *) sqlite3_column_text (statement, 1));
      if (warnings != NULL && strstr (warnings, "over-capacity") != NULL)
        step->warnings |= PLACEMENTS_PLACE_WARNING_OVER_CAPACITY;
      if (warnings != NULL && strstr (warnings, "buddy-over-maximum") != NULL)
        step->warnings |= PLACEMENTS_PLACE_WARNING_BUDDY_OVER_MAXIMUM;
      g_ptr_array_add (steps, step);
    }
  if (rc != SQLITE_DONE)
    {
      placements_store_set_sqlite_error (store, error, "placement_step");
      sqlite3_reset (statement);
      return NULL;
    }
  sqlite3_reset (statement);
  return g_steal_pointer (&steps);
}
