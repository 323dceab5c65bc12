#define G_LOG_DOMAIN "placements-exchange-plan"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "placements-error.h"
#include "placements-exchange-plan.h"
#include "placements-exchange-state.h"
#include "placements-record-types.h"

/* A consent that counts on :today, step by step as the export's rules add up: each
 * condition is the previous one and more, so the first that no consent meets is the
 * reason. */
#define GIVEN "given_date <= :today"
#define NOT_WITHDRAWN GIVEN " AND (withdrawn_date IS NULL OR withdrawn_date > :today)"
#define NOT_EXPIRED NOT_WITHDRAWN " AND (expiry_date IS NULL OR expiry_date >= :today)"
#define PURPOSE NOT_EXPIRED " AND (:referral = 0 OR purpose IN ('placement', 'referral'))"
#define IDENTITY PURPOSE " AND (:referral = 0 OR (data_categories & 1) <> 0)"
#define HAS(condition) \
  "EXISTS (SELECT 1 FROM consent WHERE client_uuid = c.uuid AND receiver_uuid = :receiver " \
  "AND " condition ")"

static const char plan_sql[] =
  "SELECT uuid, reason FROM ("
  "  SELECT c.uuid, c.family_name, c.given_name, CASE"
  "    WHEN NOT " HAS ("1") " THEN 0"
  "    WHEN NOT " HAS (GIVEN) " THEN 1"
  "    WHEN NOT " HAS (NOT_WITHDRAWN) " THEN 2"
  "    WHEN NOT " HAS (NOT_EXPIRED) " THEN 3"
  "    WHEN NOT " HAS (PURPOSE) " THEN 4"
  "    WHEN NOT " HAS (IDENTITY) " THEN 5"
  "    ELSE -1 END AS reason"
  "  FROM client c"
  "  WHERE (:pilot IS NULL"
  "    OR c.uuid IN (SELECT client_uuid FROM placement WHERE pilot_uuid = :pilot))"
  "   AND (:client IS NULL OR c.uuid = :client)"
  ") ORDER BY reason < 0, family_name, given_name, uuid";

void
placements_export_plan_free (PlacementsExportPlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->left_out, g_ptr_array_unref);
  g_free (plan);
}

static void
left_out_free (gpointer data)
{
  PlacementsLeftOut *left_out = data;

  g_free (left_out->client_uuid);
  g_free (left_out->name);
  g_free (left_out);
}

PlacementsExportPlan *
placements_export_plan (PlacementsStore  *store,
                        const char       *receiver,
                        const char       *pilot_uuid,
                        const char       *client_uuid,
                        gboolean          pseudonymise,
                        guint             limit,
                        GError          **error)
{
  g_autoptr(PlacementsExportPlan) plan = g_new0 (PlacementsExportPlan, 1);
  g_autoptr(PlacementsOrganisation) organisation = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  sqlite3 *db = placements_store_get_connection (store);
  sqlite3_stmt *statement = NULL;
  int rc;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);
  g_return_val_if_fail (receiver != NULL, NULL);

  organisation = placements_exchange_find_organisation (store, receiver, error);
  if (organisation == NULL)
    return NULL;
  plan->left_out = g_ptr_array_new_with_free_func (left_out_free);

  if (sqlite3_prepare_v2 (db, plan_sql, -1, &statement, NULL) != SQLITE_OK)
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO,
                   _("The database could not be read: %s"), sqlite3_errmsg (db));
      return NULL;
    }
  sqlite3_bind_text (statement, sqlite3_bind_parameter_index (statement, ":receiver"),
                     placements_record_get_uuid (PLACEMENTS_RECORD (organisation)), -1,
                     SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, sqlite3_bind_parameter_index (statement, ":today"), today, -1,
                     SQLITE_STATIC);
  sqlite3_bind_int (statement, sqlite3_bind_parameter_index (statement, ":referral"),
                    pseudonymise ? 0 : 1);
  if (pilot_uuid != NULL)
    sqlite3_bind_text (statement, sqlite3_bind_parameter_index (statement, ":pilot"),
                       pilot_uuid, -1, SQLITE_TRANSIENT);
  if (client_uuid != NULL)
    sqlite3_bind_text (statement, sqlite3_bind_parameter_index (statement, ":client"),
                       client_uuid, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      int reason = sqlite3_column_int (statement, 1);
      const char *uuid = (const char *) sqlite3_column_text (statement, 0);
      PlacementsLeftOut *left_out;
      g_autoptr(PlacementsRecord) client = NULL;

      if (reason < 0)
        {
          plan->n_clients++;
          continue;
        }
      if (plan->n_left_out++ >= limit)
        continue;
      left_out = g_new0 (PlacementsLeftOut, 1);
      left_out->client_uuid = g_strdup (uuid);
      left_out->reason = (PlacementsLeftOutReason) reason;
      client = placements_store_load (store, PLACEMENTS_TYPE_CLIENT, uuid, NULL);
      left_out->name = client != NULL ? placements_record_dup_display_name (client, store)
                                      : g_strdup (uuid);
      g_ptr_array_add (plan->left_out, left_out);
    }
  sqlite3_finalize (statement);
  if (rc != SQLITE_DONE)
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO,
                   _("The database could not be read: %s"), sqlite3_errmsg (db));
      return NULL;
    }
  return g_steal_pointer (&plan);
}

char *
placements_left_out_reason_describe (PlacementsLeftOutReason reason,
                                     const char             *receiver_name)
{
  switch (reason)
    {
    case PLACEMENTS_LEFT_OUT_NO_CONSENT:
      /* TRANSLATORS: why a client is not sent; %s is the receiving organisation */
      return g_strdup_printf (_("No consent for %s"), receiver_name);
    case PLACEMENTS_LEFT_OUT_NOT_YET_GIVEN:
      return g_strdup_printf (_("The consent for %s starts later"), receiver_name);
    case PLACEMENTS_LEFT_OUT_WITHDRAWN:
      return g_strdup_printf (_("The consent for %s was withdrawn"), receiver_name);
    case PLACEMENTS_LEFT_OUT_EXPIRED:
      return g_strdup_printf (_("The consent for %s has expired"), receiver_name);
    case PLACEMENTS_LEFT_OUT_PURPOSE:
      return g_strdup_printf (_("The consent for %s is not for a referral or placement"),
                              receiver_name);
    case PLACEMENTS_LEFT_OUT_NO_IDENTITY:
      return g_strdup_printf (_("The consent for %s does not cover who the client is"),
                              receiver_name);
    default:
      g_return_val_if_reached (NULL);
    }
}
