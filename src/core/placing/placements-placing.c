#define G_LOG_DOMAIN "placements-placing"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-buddy-pairing.h"
#include "placements-error.h"
#include "placements-placing.h"
#include "placements-record.h"
#include "placements-store-private.h"
#include "placements-timestamp.h"

gboolean
placements_placement_status_holds_place (PlacementsPlacementStatus status)
{
  return status == PLACEMENTS_PLACEMENT_STATUS_INTRODUCTION ||
         status == PLACEMENTS_PLACEMENT_STATUS_TRIAL ||
         status == PLACEMENTS_PLACEMENT_STATUS_ACTIVE;
}

void
placements_candidate_free (PlacementsCandidate *candidate)
{
  if (candidate == NULL)
    return;
  g_free (candidate->uuid);
  g_free (candidate->name);
  g_free (candidate);
}

/* Runs @statement (bound) and makes a candidate of each row: uuid, family name, given
 * name, then load and max where the query has them. */
static GPtrArray *
collect_candidates (PlacementsStore  *store,
                    sqlite3_stmt     *statement,
                    GError          **error)
{
  g_autoptr(GPtrArray) candidates =
    g_ptr_array_new_with_free_func ((GDestroyNotify) placements_candidate_free);
  int rc;

  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      PlacementsCandidate *candidate = g_new0 (PlacementsCandidate, 1);

      candidate->uuid = g_strdup ((const char *) sqlite3_column_text (statement, 0));
      candidate->name =
        placements_record_format_person_name ((const char *) sqlite3_column_text (statement, 1),
                                              (const char *) sqlite3_column_text (statement, 2));
      if (sqlite3_column_count (statement) > 4)
        {
          candidate->load = sqlite3_column_int (statement, 3);
          candidate->max = sqlite3_column_int (statement, 4);
        }
      g_ptr_array_add (candidates, candidate);
    }
  if (rc != SQLITE_DONE)
    {
      placements_store_set_sqlite_error (store, error, "candidates");
      sqlite3_reset (statement);
      return NULL;
    }
  sqlite3_reset (statement);
  return g_steal_pointer (&candidates);
}

#define BUDDY_LOAD_SQL \
  "(SELECT count(*) FROM buddy_pairing WHERE buddy_pairing.buddy_uuid = buddy.uuid" \
  " AND buddy_pairing.start_date <= ?1" \
  " AND (buddy_pairing.end_date IS NULL OR buddy_pairing.end_date >= ?1))"

GPtrArray *
placements_placing_find_buddies (PlacementsStore  *store,
                                 const char       *organisation_uuid,
                                 GError          **error)
{
  g_autofree char *today = placements_timestamp_today ();
  sqlite3_stmt *statement;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);

  statement = placements_store_prepare (store,
    "SELECT buddy.uuid, person.family_name, person.given_name, " BUDDY_LOAD_SQL ","
    " buddy.max_clients FROM buddy JOIN person ON person.uuid = buddy.person_uuid"
    " WHERE ?2 IS NULL OR person.organisation_uuid = ?2 ORDER BY person.sort_key, buddy.uuid",
    error);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_text (statement, 1, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, organisation_uuid, -1, SQLITE_TRANSIENT);
  return collect_candidates (store, statement, error);
}

int
placements_placing_get_buddy_load (PlacementsStore  *store,
                                   const char       *buddy_uuid,
                                   int              *max,
                                   GError          **error)
{
  g_autofree char *today = placements_timestamp_today ();
  sqlite3_stmt *statement;
  int load = -1;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), -1);

  statement = placements_store_prepare (store,
    "SELECT " BUDDY_LOAD_SQL ", buddy.max_clients FROM buddy WHERE buddy.uuid = ?2", error);
  if (statement == NULL)
    return -1;
  sqlite3_bind_text (statement, 1, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, buddy_uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) == SQLITE_ROW)
    {
      load = sqlite3_column_int (statement, 0);
      if (max != NULL)
        *max = sqlite3_column_int (statement, 1);
    }
  else
    placements_store_set_sqlite_error (store, error, "buddy");
  sqlite3_reset (statement);
  return load;
}

GPtrArray *
placements_placing_find_supervisors (PlacementsStore  *store,
                                     const char       *organisation_uuid,
                                     GError          **error)
{
  sqlite3_stmt *statement;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);

  statement = placements_store_prepare (store,
    "SELECT person.uuid, person.family_name, person.given_name FROM person"
    " WHERE person.organisation_uuid = ?1 AND (person.roles & ?2) <> 0"
    " ORDER BY person.sort_key, person.uuid", error);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_text (statement, 1, organisation_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (statement, 2, PLACEMENTS_PERSON_ROLE_WORK_SUPERVISOR);
  return collect_candidates (store, statement, error);
}

int
placements_placing_count_occupied (PlacementsStore  *store,
                                   const char       *workplace_uuid,
                                   GError          **error)
{
  sqlite3_stmt *statement;
  int n = -1;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), -1);

  statement = placements_store_prepare (store,
    "SELECT count(*) FROM placement WHERE workplace_uuid = ?1"
    " AND status IN ('introduction', 'trial', 'active')", error);
  if (statement == NULL)
    return -1;
  sqlite3_bind_text (statement, 1, workplace_uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) == SQLITE_ROW)
    n = sqlite3_column_int (statement, 0);
  else
    placements_store_set_sqlite_error (store, error, "occupancy");
  sqlite3_reset (statement);
  return n;
}

char *
placements_placing_dup_return_date (PlacementsStore *store,
                                    const char      *client_uuid)
{
  sqlite3_stmt *statement;
  char *date = NULL;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);

  statement = placements_store_prepare (store,
    "SELECT actual_end_date FROM placement WHERE client_uuid = ?1 AND status = 'ended'"
    " AND outcome = 'back-to-day-activities'"
    " AND NOT EXISTS (SELECT 1 FROM placement AS later WHERE later.client_uuid = ?1"
    "  AND later.start_date > placement.actual_end_date)"
    " ORDER BY actual_end_date DESC LIMIT 1", NULL);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_text (statement, 1, client_uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) == SQLITE_ROW)
    date = g_strdup ((const char *) sqlite3_column_text (statement, 0));
  sqlite3_reset (statement);
  return date;
}

PlacementsRecord *
placements_placing_find_pairing (PlacementsStore *store,
                                 const char      *buddy_uuid,
                                 const char      *client_uuid,
                                 const char      *date)
{
  g_autoptr(GPtrArray) pairings = NULL;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);

  pairings = placements_store_find (store, PLACEMENTS_TYPE_BUDDY_PAIRING, "client-uuid",
                                    client_uuid, NULL);
  for (guint i = 0; pairings != NULL && i < pairings->len; i++)
    {
      PlacementsBuddyPairing *pairing = g_ptr_array_index (pairings, i);
      const char *end = placements_buddy_pairing_get_end_date (pairing);

      if (g_strcmp0 (placements_buddy_pairing_get_buddy_uuid (pairing), buddy_uuid) == 0 &&
          (end == NULL || g_strcmp0 (end, date) >= 0))
        return g_object_ref (PLACEMENTS_RECORD (pairing));
    }
  return NULL;
}

gboolean
placements_placing_pair_buddy (PlacementsStore  *store,
                               const char       *buddy_uuid,
                               const char       *client_uuid,
                               const char       *start,
                               const char       *end,
                               GError          **error)
{
  g_autoptr(PlacementsRecord) open = NULL;
  g_autoptr(PlacementsBuddyPairing) pairing = NULL;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);

  open = placements_placing_find_pairing (store, buddy_uuid, client_uuid, start);
  if (open != NULL)
    {
      g_set_error_literal (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_CONFLICT,
                           _("The buddy and the client are paired already"));
      return FALSE;
    }
  pairing = placements_buddy_pairing_new ();
  placements_buddy_pairing_set_buddy_uuid (pairing, buddy_uuid);
  placements_buddy_pairing_set_client_uuid (pairing, client_uuid);
  placements_buddy_pairing_set_start_date (pairing, start);
  placements_buddy_pairing_set_end_date (pairing, end);
  return placements_store_save (store, PLACEMENTS_RECORD (pairing), error);
}

gboolean
placements_placing_end_pairing (PlacementsStore  *store,
                                const char       *buddy_uuid,
                                const char       *client_uuid,
                                const char       *date,
                                GError          **error)
{
  g_autoptr(PlacementsRecord) pairing = NULL;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);

  pairing = placements_placing_find_pairing (store, buddy_uuid, client_uuid, date);
  if (pairing == NULL)
    {
      g_set_error_literal (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NOT_FOUND,
                           _("The buddy and the client are not paired on that date"));
      return FALSE;
    }
  placements_buddy_pairing_set_end_date (PLACEMENTS_BUDDY_PAIRING (pairing), date);
  return placements_store_save (store, pairing, error);
}
