#define G_LOG_DOMAIN "placements-overview"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <string.h>

#include "placements-date.h"
#include "placements-enum-types.h"
#include "placements-enums.h"
#include "placements-erase.h"
#include "placements-error.h"
#include "placements-overview.h"
#include "placements-store-private.h"

#define CLIENT_NAME "(c.family_name || ifnull (', ' || c.given_name, ''))"
#define HOLDS_PLACE "('introduction', 'trial', 'active')"
/* Whether the client of the row @row has a placement in introduction, trial, active or
 * paused: kept per client by migration 10's triggers, one look-up instead of a search
 * through the client's placements. */
#define CLIENT_RUNS(row) \
  "EXISTS (SELECT 1 FROM client_placement_summary s" \
  " WHERE s.client_uuid = " row ".client_uuid AND s.running)"

void
placements_attention_item_free (PlacementsAttentionItem *item)
{
  if (item == NULL)
    return;
  g_free (item->kind);
  g_free (item->uuid);
  g_free (item->title);
  g_free (item->detail);
  g_free (item->date);
  g_free (item);
}

const char *
placements_attention_list_get_title (PlacementsAttentionList list)
{
  switch (list)
    {
    case PLACEMENTS_ATTENTION_PILOT_DATES:
      return C_("attention", "Pilots");
    case PLACEMENTS_ATTENTION_CONSENTS:
      return C_("attention", "Consents");
    case PLACEMENTS_ATTENTION_FOLLOW_UPS:
      return C_("attention", "Follow-ups");
    case PLACEMENTS_ATTENTION_LADDER:
      return C_("attention", "Participation Ladder");
    case PLACEMENTS_ATTENTION_ALLOCATIONS:
      return C_("attention", "Allocations");
    case PLACEMENTS_ATTENTION_MESSAGES:
      return C_("attention", "Messages");
    case PLACEMENTS_ATTENTION_WORKPLACES:
      return C_("attention", "Workplaces");
    case PLACEMENTS_ATTENTION_BUDDIES:
      return C_("attention", "Buddies");
    case PLACEMENTS_ATTENTION_RETENTION:
      return C_("attention", "Retention");
    case PLACEMENTS_N_ATTENTION_LISTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
placements_attention_list_get_description (PlacementsAttentionList list)
{
  switch (list)
    {
    case PLACEMENTS_ATTENTION_PILOT_DATES:
      return _("Evaluations and scale-ups in the next 30 days");
    case PLACEMENTS_ATTENTION_CONSENTS:
      return _("Expiring in the next 30 days, or expired while a placement runs");
    case PLACEMENTS_ATTENTION_FOLLOW_UPS:
      return _("Due 6 and 12 months after a placement ended");
    case PLACEMENTS_ATTENTION_LADDER:
      return _("Not assessed for 6 months");
    case PLACEMENTS_ATTENTION_ALLOCATIONS:
      return _("Ending in the next 30 days");
    case PLACEMENTS_ATTENTION_MESSAGES:
      return _("Sent, and not answered after 14 days");
    case PLACEMENTS_ATTENTION_WORKPLACES:
      return _("Over capacity");
    case PLACEMENTS_ATTENTION_BUDDIES:
      return _("Over their maximum");
    case PLACEMENTS_ATTENTION_RETENTION:
      return _("Care ended longer ago than clients are kept: proposed for erasure");
    case PLACEMENTS_N_ATTENTION_LISTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/*
 * Each query takes the day (?1) and the day 30 days on (?2), and gives the record's UUID,
 * its name, the date the item is about, and two facts for the detail line.
 */
static const char * const queries[] = {
  [PLACEMENTS_ATTENTION_PILOT_DATES] =
    "SELECT uuid, name, d, what, NULL FROM ("
    " SELECT uuid, name, evaluation_date AS d, 'evaluation' AS what FROM pilot"
    "  WHERE evaluation_date BETWEEN ?1 AND ?2 AND status IN ('concept', 'running')"
    " UNION ALL"
    " SELECT uuid, name, scale_up_date, 'scale-up' FROM pilot"
    "  WHERE scale_up_date BETWEEN ?1 AND ?2 AND status IN ('running', 'evaluated'))"
    " ORDER BY d, name",
  [PLACEMENTS_ATTENTION_CONSENTS] =
    "SELECT c.uuid, " CLIENT_NAME ", k.expiry_date, o.name, NULL"
    " FROM consent k INDEXED BY consent_open_by_expiry"
    " JOIN client c ON c.uuid = k.client_uuid"
    " LEFT JOIN organisation o ON o.uuid = k.receiver_uuid"
    " WHERE k.withdrawn_date IS NULL AND k.expiry_date <= ?2"
    "  AND (k.expiry_date >= ?1 OR " CLIENT_RUNS ("k") ")"
    " ORDER BY k.expiry_date, k.client_uuid",
  [PLACEMENTS_ATTENTION_FOLLOW_UPS] =
    "SELECT uuid, title, d, months, NULL FROM ("
    " SELECT p.uuid, " CLIENT_NAME " || ' · ' || w.name AS title,"
    "  p.follow_up_6_months_date AS d, 6 AS months, c.sort_key AS k"
    "  FROM placement p INDEXED BY placement_follow_up_6"
    "  JOIN client c ON c.uuid = p.client_uuid JOIN workplace w ON w.uuid = p.workplace_uuid"
    "  WHERE p.status = 'ended' AND p.follow_up_6_months_date <= ?1"
    "   AND p.follow_up_6_months IS NULL"
    " UNION ALL"
    " SELECT p.uuid, " CLIENT_NAME " || ' · ' || w.name, p.follow_up_12_months_date, 12,"
    "  c.sort_key FROM placement p INDEXED BY placement_follow_up_12"
    "  JOIN client c ON c.uuid = p.client_uuid JOIN workplace w ON w.uuid = p.workplace_uuid"
    "  WHERE p.status = 'ended' AND p.follow_up_12_months_date <= ?1"
    "   AND p.follow_up_12_months IS NULL)"
    " ORDER BY d, k",
  [PLACEMENTS_ATTENTION_LADDER] =
    "SELECT c.uuid, " CLIENT_NAME ", l.last_assessed, NULL, NULL"
    " FROM client_ladder_summary l"
    " JOIN client c ON c.uuid = l.client_uuid"
    " WHERE l.last_assessed < date (?1, '-6 months')"
    " ORDER BY l.last_assessed, c.sort_key",
  [PLACEMENTS_ATTENTION_ALLOCATIONS] =
    "SELECT c.uuid, " CLIENT_NAME ", a.end_date, a.product, NULL FROM allocation a"
    " JOIN client c ON c.uuid = a.client_uuid"
    " WHERE a.end_date BETWEEN ?1 AND ?2"
    " ORDER BY a.end_date, c.sort_key",
  [PLACEMENTS_ATTENTION_MESSAGES] =
    "SELECT o.uuid, o.name, substr (m.created, 1, 10), m.kind, m.n_records"
    " FROM exchange_message m JOIN organisation o ON o.uuid = m.partner_uuid"
    " WHERE m.direction = 'sent' AND m.kind <> 'acknowledgement' AND m.answered IS NULL"
    "  AND m.created < date (?1, '-14 days')"
    " ORDER BY m.created, o.sort_key",
  [PLACEMENTS_ATTENTION_WORKPLACES] =
    "SELECT uuid, name, NULL, capacity, n FROM"
    " (SELECT w.uuid, w.name, w.capacity, w.sort_key,"
    "   (SELECT count (*) FROM placement p INDEXED BY placement_holding_place"
    "    WHERE p.workplace_uuid = w.uuid AND p.status IN " HOLDS_PLACE ") AS n"
    "  FROM workplace w)"
    " WHERE n > capacity"
    " ORDER BY n - capacity DESC, sort_key",
  [PLACEMENTS_ATTENTION_BUDDIES] =
    "SELECT b.uuid, p.family_name || ifnull (', ' || p.given_name, ''), NULL, b.max_clients,"
    " l.n FROM"
    " (SELECT buddy_uuid, count (*) AS n FROM buddy_pairing"
    "  WHERE start_date <= ?1 AND (end_date IS NULL OR end_date >= ?1)"
    "  GROUP BY buddy_uuid) l"
    " JOIN buddy b ON b.uuid = l.buddy_uuid JOIN person p ON p.uuid = b.person_uuid"
    " WHERE l.n > b.max_clients"
    " ORDER BY l.n - b.max_clients DESC, p.sort_key",
};

/*
 * Where many rows match (the demo's 36,000 expired consents of 86,000, its 4,800 allocations
 * ending this month), counting them in a query without the names' joins and listing only
 * the first ones is three times faster than stepping through all of them.
 */
static const char * const count_queries[] = {
  [PLACEMENTS_ATTENTION_CONSENTS] =
    "SELECT count (*) FROM consent k INDEXED BY consent_open_by_expiry"
    " WHERE k.withdrawn_date IS NULL AND k.expiry_date <= ?2"
    "  AND (k.expiry_date >= ?1 OR " CLIENT_RUNS ("k") ")",
  [PLACEMENTS_ATTENTION_ALLOCATIONS] =
    "SELECT count (*) FROM allocation WHERE end_date BETWEEN ?1 AND ?2",
  [PLACEMENTS_N_ATTENTION_LISTS - 1] = NULL,
};

static const char * const kinds[] = {
  [PLACEMENTS_ATTENTION_PILOT_DATES] = "pilot",
  [PLACEMENTS_ATTENTION_CONSENTS] = "client",
  [PLACEMENTS_ATTENTION_FOLLOW_UPS] = "placement",
  [PLACEMENTS_ATTENTION_LADDER] = "client",
  [PLACEMENTS_ATTENTION_ALLOCATIONS] = "client",
  [PLACEMENTS_ATTENTION_MESSAGES] = "organisation",
  [PLACEMENTS_ATTENTION_WORKPLACES] = "workplace",
  [PLACEMENTS_ATTENTION_BUDDIES] = "buddy",
  [PLACEMENTS_ATTENTION_RETENTION] = "client",
};

static char *
format_date (const char *iso_date)
{
  return iso_date != NULL ? placements_date_format_short (iso_date) : g_strdup ("");
}

/* The detail line of an item: why it is on the list, in the user's words. */
static char *
describe (PlacementsAttentionList  list,
          const char              *today,
          const char              *date,
          const char              *fact,
          int                      number,
          int                      other_number)
{
  g_autofree char *day = format_date (date);

  switch (list)
    {
    case PLACEMENTS_ATTENTION_PILOT_DATES:
      if (g_strcmp0 (fact, "scale-up") == 0)
        /* Translators: %s is a date. */
        return g_strdup_printf (_("Scale-up on %s"), day);
      /* Translators: %s is a date. */
      return g_strdup_printf (_("Evaluation on %s"), day);
    case PLACEMENTS_ATTENTION_CONSENTS:
      if (g_strcmp0 (date, today) < 0)
        /* Translators: a consent for an organisation, then a date. */
        return g_strdup_printf (_("Consent for %s expired on %s, placement still running"),
                                fact != NULL ? fact : "–", day);
      /* Translators: a consent for an organisation, then a date. */
      return g_strdup_printf (_("Consent for %s expires on %s"), fact != NULL ? fact : "–",
                              day);
    case PLACEMENTS_ATTENTION_FOLLOW_UPS:
      /* Translators: 6 or 12, then a date. */
      return g_strdup_printf (_("Follow-up after %d months, due on %s"), number, day);
    case PLACEMENTS_ATTENTION_LADDER:
      /* Translators: %s is a date. */
      return g_strdup_printf (_("Last assessed on %s"), day);
    case PLACEMENTS_ATTENTION_ALLOCATIONS:
      /* Translators: a product (day activities, …), then a date. */
      return g_strdup_printf (_("%s ends on %s"), fact != NULL ? fact : "–", day);
    case PLACEMENTS_ATTENTION_MESSAGES:
      /* Translators: a date, then the number of records the message carried. */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Sent on %s with %d record",
                                           "Sent on %s with %d records", other_number),
                              day, other_number);
    case PLACEMENTS_ATTENTION_WORKPLACES:
      /* Translators: places taken, then the workplace's capacity. */
      return g_strdup_printf (_("%d places taken, capacity %d"), other_number, number);
    case PLACEMENTS_ATTENTION_BUDDIES:
      /* Translators: clients paired now, then the buddy's maximum. */
      return g_strdup_printf (_("%d clients now, maximum %d"), other_number, number);
    case PLACEMENTS_ATTENTION_RETENTION:
      /* Translators: %s is a date. */
      return g_strdup_printf (_("Care ended on %s"), day);
    case PLACEMENTS_N_ATTENTION_LISTS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static PlacementsAttentionItem *
item_new (PlacementsAttentionList  list,
          const char              *uuid,
          const char              *title,
          char                    *detail,
          const char              *date)
{
  PlacementsAttentionItem *item = g_new0 (PlacementsAttentionItem, 1);

  item->kind = g_strdup (kinds[list]);
  item->uuid = g_strdup (uuid);
  item->title = g_strdup (title);
  item->detail = detail;
  item->date = g_strdup (date);
  return item;
}

/* Erasure is the erasure module's to judge: its list, with the clients' names. */
static GPtrArray *
list_retention (PlacementsStore  *store,
                const char       *today,
                guint             years,
                guint             limit,
                guint            *n_total,
                GError          **error)
{
  g_autoptr(GPtrArray) items =
    g_ptr_array_new_with_free_func ((GDestroyNotify) placements_attention_item_free);
  g_autoptr(GPtrArray) due = placements_retention_list_due (store, years, today, error);
  sqlite3_stmt *statement;

  if (due == NULL)
    return NULL;
  *n_total = due->len;
  statement = placements_store_prepare (store, "SELECT " CLIENT_NAME " FROM client c"
                                               " WHERE c.uuid = ?1", error);
  if (statement == NULL)
    return NULL;
  for (guint i = 0; i < due->len && i < limit; i++)
    {
      PlacementsRetentionDue *one = g_ptr_array_index (due, i);
      g_autofree char *name = NULL;

      sqlite3_bind_text (statement, 1, one->client_uuid, -1, SQLITE_TRANSIENT);
      if (sqlite3_step (statement) == SQLITE_ROW)
        name = g_strdup ((const char *) sqlite3_column_text (statement, 0));
      sqlite3_reset (statement);
      g_ptr_array_add (items, item_new (PLACEMENTS_ATTENTION_RETENTION, one->client_uuid,
                                        name != NULL ? name : one->client_uuid,
                                        describe (PLACEMENTS_ATTENTION_RETENTION, today,
                                                  one->ended, NULL, 0, 0),
                                        one->ended));
    }
  return g_steal_pointer (&items);
}

GPtrArray *
placements_overview_list (PlacementsStore          *store,
                          PlacementsAttentionList   list,
                          const char               *today,
                          guint                     retention_years,
                          guint                     limit,
                          guint                    *n_total,
                          GError                  **error)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *horizon = NULL;
  g_autofree char *list_sql = NULL;
  sqlite3_stmt *statement;
  guint total = 0;
  int rc;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);
  g_return_val_if_fail (list < PLACEMENTS_N_ATTENTION_LISTS, NULL);
  g_return_val_if_fail (today != NULL, NULL);

  if (n_total == NULL)
    n_total = &total;
  *n_total = 0;
  if (list == PLACEMENTS_ATTENTION_RETENTION)
    return list_retention (store, today, retention_years, limit, n_total, error);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) placements_attention_item_free);
  {
    g_autoptr(GDateTime) day = NULL;
    g_autofree char *iso = g_strdup_printf ("%sT00:00:00Z", today);
    g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
    g_autoptr(GDateTime) later = NULL;

    day = g_date_time_new_from_iso8601 (iso, utc);
    if (day == NULL)
      {
        g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                     _("“%s” is not a date"), today);
        return NULL;
      }
    later = g_date_time_add_days (day, 30);
    horizon = g_date_time_format (later, "%Y-%m-%d");
  }
  if (count_queries[list] != NULL)
    {
      statement = placements_store_prepare (store, count_queries[list], error);
      if (statement == NULL)
        return NULL;
      sqlite3_bind_text (statement, 1, today, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (statement, 2, horizon, -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (statement);
      if (rc == SQLITE_ROW)
        *n_total = (guint) sqlite3_column_int64 (statement, 0);
      else
        placements_store_set_sqlite_error (store, error, "overview");
      sqlite3_reset (statement);
      if (rc != SQLITE_ROW)
        return NULL;
      list_sql = g_strconcat (queries[list], " LIMIT ?3", NULL);
    }
  statement = placements_store_prepare (store, list_sql != NULL ? list_sql : queries[list],
                                        error);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_text (statement, 1, today, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, horizon, -1, SQLITE_TRANSIENT);
  if (list_sql != NULL)
    sqlite3_bind_int64 (statement, 3, limit);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      if (list_sql == NULL)
        (*n_total)++;
      if (items->len >= limit)
        continue;
      g_ptr_array_add (items,
                       item_new (list, (const char *) sqlite3_column_text (statement, 0),
                                 (const char *) sqlite3_column_text (statement, 1),
                                 describe (list, today,
                                           (const char *) sqlite3_column_text (statement, 2),
                                           (const char *) sqlite3_column_text (statement, 3),
                                           sqlite3_column_int (statement, 3),
                                           sqlite3_column_int (statement, 4)),
                                 (const char *) sqlite3_column_text (statement, 2)));
    }
  if (rc != SQLITE_DONE)
    placements_store_set_sqlite_error (store, error, "overview");
  sqlite3_reset (statement);
  sqlite3_clear_bindings (statement);
  if (rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&items);
}

gboolean
placements_overview_get_figures (PlacementsStore            *store,
                                 PlacementsOverviewFigures  *figures,
                                 GError                    **error)
{
  sqlite3_stmt *statement;
  int rc;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);
  g_return_val_if_fail (figures != NULL, FALSE);

  memset (figures, 0, sizeof *figures);

  /* Each client counted once, by the status of their latest placement, as migration 10's
   * triggers keep it per client. */
  statement = placements_store_prepare (store,
    "SELECT latest_status, count (*) FROM client_placement_summary"
    " GROUP BY latest_status", error);
  if (statement == NULL)
    return FALSE;
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      int status;

      if (placements_enum_from_nick (PLACEMENTS_TYPE_PLACEMENT_STATUS,
                                     (const char *) sqlite3_column_text (statement, 0),
                                     &status) &&
          status >= 0 && status < (int) G_N_ELEMENTS (figures->clients_by_status))
        figures->clients_by_status[status] = (guint) sqlite3_column_int (statement, 1);
    }
  sqlite3_reset (statement);
  if (rc != SQLITE_DONE)
    {
      placements_store_set_sqlite_error (store, error, "overview");
      return FALSE;
    }

  statement = placements_store_prepare (store,
    "SELECT (SELECT count (*) FROM placement WHERE status = 'active'),"
    " (SELECT count (*) FROM workplace), (SELECT ifnull (sum (capacity), 0) FROM workplace),"
    " (SELECT count (*) FROM placement WHERE status IN " HOLDS_PLACE ")", error);
  if (statement == NULL)
    return FALSE;
  rc = sqlite3_step (statement);
  if (rc == SQLITE_ROW)
    {
      figures->active_placements = (guint) sqlite3_column_int (statement, 0);
      figures->workplaces = (guint) sqlite3_column_int (statement, 1);
      figures->capacity = (guint) sqlite3_column_int (statement, 2);
      figures->occupied = (guint) sqlite3_column_int (statement, 3);
    }
  sqlite3_reset (statement);
  if (rc != SQLITE_ROW)
    {
      placements_store_set_sqlite_error (store, error, "overview");
      return FALSE;
    }
  return TRUE;
}
