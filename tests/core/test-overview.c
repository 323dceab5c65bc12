#define G_LOG_DOMAIN "placements-test-overview"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "placements-demo.h"
#include "placements-error.h"
#include "placements-overview.h"
#include "placements-record-types.h"
#include "placements-test-utils.h"

/*
 * What needs attention on 2026-11-23, on data made so that each list holds one item that
 * belongs on it and one just outside it (a day too late, already answered, within the
 * limit), and the figures of that day.
 */

#define TODAY "2026-11-23"
#define CARE "10000000-0000-4000-8000-000000000001"
#define HOST "10000000-0000-4000-8000-000000000002"
#define PERSON "10000000-0000-4000-8000-000000000003"
#define FULL "30000000-0000-4000-8000-000000000001"
#define ROOMY "30000000-0000-4000-8000-000000000002"
#define EVALUATED_SOON "40000000-0000-4000-8000-000000000001"
#define EVALUATED_LATER "40000000-0000-4000-8000-000000000002"
#define BUSY_BUDDY "50000000-0000-4000-8000-000000000001"
#define A "20000000-0000-4000-8000-00000000000a"
#define B "20000000-0000-4000-8000-00000000000b"
#define C "20000000-0000-4000-8000-00000000000c"
#define D "20000000-0000-4000-8000-00000000000d"
#define E "20000000-0000-4000-8000-00000000000e"
#define F "20000000-0000-4000-8000-00000000000f"
#define FOLLOWED "60000000-0000-4000-8000-000000000001"

typedef struct
{
  char            *folder;
  PlacementsStore *store;
} Fixture;

static void
client (Fixture    *fixture,
        const char *uuid,
        const char *family_name)
{
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_CLIENT, uuid,
                            "given-name", "Sam", "family-name", family_name,
                            "care-organisation-uuid", CARE, NULL);
}

static void
placement (Fixture    *fixture,
           const char *uuid,
           const char *client_uuid,
           const char *workplace_uuid,
           const char *start,
           const char *status)
{
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PLACEMENT, uuid,
                            "client-uuid", client_uuid, "workplace-uuid", workplace_uuid,
                            "start-date", start, "status", status, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->folder = placements_test_make_folder ();
  path = g_build_filename (fixture->folder, "placements.db", NULL);
  fixture->store = placements_test_open_store (path);

  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_ORGANISATION, CARE,
                            "name", "Zorggroep De Linde", "kind", "care-provider",
                            "country", "nl", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_ORGANISATION, HOST,
                            "name", "IJsseldelta", "kind", "social-employment-company",
                            "country", "nl", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PERSON, PERSON,
                            "given-name", "Noor", "family-name", "Visser",
                            "organisation-uuid", HOST, NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_WORKPLACE, FULL,
                            "name", "Inpakafdeling", "host-organisation-uuid", HOST,
                            "capacity", "1", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_WORKPLACE, ROOMY,
                            "name", "Kantine", "host-organisation-uuid", HOST,
                            "capacity", "6", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PILOT, EVALUATED_SOON,
                            "name", "Werkhoek Binnenstad", "status", "running",
                            "evaluation-date", "2026-12-10", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PILOT, EVALUATED_LATER,
                            "name", "Werkhoek Haven", "status", "running",
                            "evaluation-date", "2026-12-24", NULL);

  client (fixture, A, "Aerts");
  client (fixture, B, "Bakker");
  client (fixture, C, "Claes");
  client (fixture, D, "Dekker");
  client (fixture, E, "Evers");
  client (fixture, F, "Faber");

  /* Two placed in a workplace for one: over capacity. Roomy has one of six. */
  placement (fixture, NULL, A, FULL, "2026-01-05", "active");
  placement (fixture, NULL, B, FULL, "2026-02-02", "trial");
  placement (fixture, NULL, C, ROOMY, "2026-03-02", "paused");

  /* A's consent expired while placed; B's expires in 20 days; C's in 40 (not yet), D's
   * expired but D is not placed, E's was withdrawn. */
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_CONSENT, NULL,
                            "client-uuid", A, "receiver-uuid", HOST, "purpose", "placement",
                            "data-categories", "identity", "given-by", "client",
                            "given-date", "2025-01-01", "expiry-date", "2026-10-01", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_CONSENT, NULL,
                            "client-uuid", B, "receiver-uuid", HOST, "purpose", "placement",
                            "data-categories", "identity", "given-by", "client",
                            "given-date", "2025-01-01", "expiry-date", "2026-12-13", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_CONSENT, NULL,
                            "client-uuid", C, "receiver-uuid", HOST, "purpose", "placement",
                            "data-categories", "identity", "given-by", "client",
                            "given-date", "2025-01-01", "expiry-date", "2027-01-02", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_CONSENT, NULL,
                            "client-uuid", D, "receiver-uuid", HOST, "purpose", "placement",
                            "data-categories", "identity", "given-by", "client",
                            "given-date", "2025-01-01", "expiry-date", "2026-01-01", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_CONSENT, NULL,
                            "client-uuid", E, "receiver-uuid", HOST, "purpose", "placement",
                            "data-categories", "identity", "given-by", "client",
                            "given-date", "2025-01-01", "expiry-date", "2026-12-01",
                            "withdrawn-date", "2026-06-01", NULL);

  /* D ended in May 2026: the 6-month follow-up is due; E's care ended in 2023: past the two
   * years it is kept. */
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PLACEMENT, FOLLOWED,
                            "client-uuid", D, "workplace-uuid", ROOMY,
                            "start-date", "2026-01-05", "actual-end-date", "2026-05-15",
                            "status", "ended", "end-reason", "as-planned",
                            "follow-up-6-months-date", "2026-11-15",
                            "follow-up-12-months-date", "2027-05-15", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PLACEMENT, NULL,
                            "client-uuid", E, "workplace-uuid", ROOMY,
                            "start-date", "2022-01-05", "actual-end-date", "2023-06-30",
                            "status", "ended", "end-reason", "as-planned", NULL);

  /* Ladder: A last in April (over six months), B in October. */
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_LADDER_STEP, NULL,
                            "client-uuid", A, "date", "2026-01-10", "rung", "2", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_LADDER_STEP, NULL,
                            "client-uuid", A, "date", "2026-04-10", "rung", "3", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_LADDER_STEP, NULL,
                            "client-uuid", B, "date", "2026-10-01", "rung", "2", NULL);

  /* Allocations: F's ends in 10 days, B's in 60. */
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_ALLOCATION, NULL,
                            "client-uuid", F, "funder-uuid", CARE, "product", "Dagbesteding",
                            "volume", "4", "unit", "day-part", "period", "week",
                            "start-date", "2026-01-01", "end-date", "2026-12-03", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_ALLOCATION, NULL,
                            "client-uuid", B, "funder-uuid", CARE, "product", "Begeleiding",
                            "volume", "4", "unit", "day-part", "period", "week",
                            "start-date", "2026-01-01", "end-date", "2027-01-22", NULL);

  /* A buddy of at most one, paired with two. */
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_BUDDY, BUSY_BUDDY,
                            "person-uuid", PERSON, "max-clients", "1", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_BUDDY_PAIRING, NULL,
                            "buddy-uuid", BUSY_BUDDY, "client-uuid", A,
                            "start-date", "2026-01-05", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_BUDDY_PAIRING, NULL,
                            "buddy-uuid", BUSY_BUDDY, "client-uuid", B,
                            "start-date", "2026-02-02", NULL);

  /* Sent a month ago, no answer; sent a week ago; sent long ago and answered. */
  placements_test_execute_elsewhere (fixture->store,
    "INSERT INTO exchange_message (message_id, direction, kind, partner_uuid, created,"
    " processed, n_records) VALUES"
    " ('70000000-0000-4000-8000-000000000001', 'sent', 'referral', '" HOST "',"
    "  '2026-10-20T10:00:00Z', '2026-10-20T10:00:00Z', 3),"
    " ('70000000-0000-4000-8000-000000000002', 'sent', 'referral', '" HOST "',"
    "  '2026-11-16T10:00:00Z', '2026-11-16T10:00:00Z', 1);"
    "INSERT INTO exchange_message (message_id, direction, kind, partner_uuid, created,"
    " processed, answered, n_records) VALUES"
    " ('70000000-0000-4000-8000-000000000003', 'sent', 'update', '" HOST "',"
    "  '2026-09-01T10:00:00Z', '2026-09-01T10:00:00Z', '2026-09-02T10:00:00Z', 2)");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  placements_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
}

/* "uuid title | detail" of each item, joined with ";". */
static char *
describe (Fixture                 *fixture,
          PlacementsAttentionList  list,
          guint                    limit,
          guint                   *n_total)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = placements_overview_list (fixture->store, list, TODAY, 2,
                                                         limit, n_total, &error);
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (items);
  for (guint i = 0; i < items->len; i++)
    {
      PlacementsAttentionItem *item = g_ptr_array_index (items, i);

      g_string_append_printf (text, "%s%s %s %s | %s", i > 0 ? ";" : "", item->kind,
                              item->uuid, item->title, item->detail);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
assert_list (Fixture                 *fixture,
             PlacementsAttentionList  list,
             const char              *expected)
{
  g_autofree char *text = describe (fixture, list, 50, NULL);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_lists (Fixture       *fixture,
            gconstpointer  data)
{
  assert_list (fixture, PLACEMENTS_ATTENTION_PILOT_DATES,
               "pilot " EVALUATED_SOON " Werkhoek Binnenstad | Evaluation on 10-12-2026");
  assert_list (fixture, PLACEMENTS_ATTENTION_CONSENTS,
               "client " A " Aerts, Sam | Consent for IJsseldelta expired on 01-10-2026, "
               "placement still running;"
               "client " B " Bakker, Sam | Consent for IJsseldelta expires on 13-12-2026");
  assert_list (fixture, PLACEMENTS_ATTENTION_FOLLOW_UPS,
               "placement " FOLLOWED " Dekker, Sam · Kantine | Follow-up after 6 months, "
               "due on 15-11-2026");
  assert_list (fixture, PLACEMENTS_ATTENTION_LADDER,
               "client " A " Aerts, Sam | Last assessed on 10-04-2026");
  assert_list (fixture, PLACEMENTS_ATTENTION_ALLOCATIONS,
               "client " F " Faber, Sam | Dagbesteding ends on 03-12-2026");
  assert_list (fixture, PLACEMENTS_ATTENTION_MESSAGES,
               "organisation " HOST " IJsseldelta | Sent on 20-10-2026 with 3 records");
  assert_list (fixture, PLACEMENTS_ATTENTION_WORKPLACES,
               "workplace " FULL " Inpakafdeling | 2 places taken, capacity 1");
  assert_list (fixture, PLACEMENTS_ATTENTION_BUDDIES,
               "buddy " BUSY_BUDDY " Visser, Noor | 2 clients now, maximum 1");
  assert_list (fixture, PLACEMENTS_ATTENTION_RETENTION,
               "client " E " Evers, Sam | Care ended on 30-06-2023");

  for (guint i = 0; i < PLACEMENTS_N_ATTENTION_LISTS; i++)
    {
      g_assert_nonnull (placements_attention_list_get_title (i));
      g_assert_nonnull (placements_attention_list_get_description (i));
    }
}

static void
test_limit (Fixture       *fixture,
            gconstpointer  data)
{
  guint total = 0;
  g_autofree char *text = describe (fixture, PLACEMENTS_ATTENTION_CONSENTS, 1, &total);

  /* The most urgent first; the rest counted. */
  g_assert_nonnull (strstr (text, "Aerts"));
  g_assert_null (strstr (text, "Bakker"));
  g_assert_cmpuint (total, ==, 2);
}

static void
test_figures (Fixture       *fixture,
              gconstpointer  data)
{
  PlacementsOverviewFigures figures;
  g_autoptr(GError) error = NULL;

  g_assert_true (placements_overview_get_figures (fixture->store, &figures, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (figures.active_placements, ==, 1);
  g_assert_cmpuint (figures.clients_by_status[PLACEMENTS_PLACEMENT_STATUS_ACTIVE], ==, 1);
  g_assert_cmpuint (figures.clients_by_status[PLACEMENTS_PLACEMENT_STATUS_TRIAL], ==, 1);
  g_assert_cmpuint (figures.clients_by_status[PLACEMENTS_PLACEMENT_STATUS_PAUSED], ==, 1);
  g_assert_cmpuint (figures.clients_by_status[PLACEMENTS_PLACEMENT_STATUS_ENDED], ==, 2);
  g_assert_cmpuint (figures.clients_by_status[PLACEMENTS_PLACEMENT_STATUS_REGISTERED], ==, 0);
  g_assert_cmpuint (figures.workplaces, ==, 2);
  g_assert_cmpuint (figures.capacity, ==, 7);
  /* Active and trial hold a place; paused does not. */
  g_assert_cmpuint (figures.occupied, ==, 2);
}

static void
test_bad_date (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = placements_overview_list (fixture->store,
                                                         PLACEMENTS_ATTENTION_CONSENTS,
                                                         "23-11-2026", 2, 10, NULL, &error);

  g_assert_null (items);
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD);
}

/* What the summaries should hold, recomputed from the placements and ladder steps. */
#define PLACEMENTS_RECOMPUTED \
  "SELECT client_uuid," \
  " (SELECT status FROM placement l WHERE l.client_uuid = p.client_uuid" \
  "   ORDER BY start_date DESC, id DESC LIMIT 1)," \
  " max (status IN ('introduction', 'trial', 'active', 'paused'))," \
  " CASE WHEN sum (status <> 'ended') = 0" \
  "  THEN max (coalesce (actual_end_date, planned_end_date, start_date)) END" \
  " FROM placement p GROUP BY client_uuid"
#define LADDER_RECOMPUTED \
  "SELECT client_uuid, max (date) FROM ladder_step GROUP BY client_uuid"

static void
assert_summaries_agree (PlacementsStore *store)
{
  static const char * const differences[] = {
    "SELECT count (*) FROM (SELECT * FROM client_placement_summary EXCEPT "
    PLACEMENTS_RECOMPUTED ")",
    "SELECT count (*) FROM (" PLACEMENTS_RECOMPUTED
    " EXCEPT SELECT * FROM client_placement_summary)",
    "SELECT count (*) FROM (SELECT * FROM client_ladder_summary EXCEPT "
    LADDER_RECOMPUTED ")",
    "SELECT count (*) FROM (" LADDER_RECOMPUTED
    " EXCEPT SELECT * FROM client_ladder_summary)",
  };

  for (guint i = 0; i < G_N_ELEMENTS (differences); i++)
    {
      g_autofree char *n = placements_test_query_text (store, differences[i]);

      g_test_message ("%s", differences[i]);
      g_assert_cmpstr (n, ==, "0");
    }
}

/*
 * The per-client summaries the overview reads (migration 10) follow every change to the
 * placements and ladder steps: new ones, a status or a date changed, one moved to another
 * client, deleted ones, and a client deleted with all of theirs.
 */
static void
test_summaries (Fixture       *fixture,
                gconstpointer  data)
{
  static const char * const changes[] = {
    "UPDATE placement SET status = 'ended', actual_end_date = start_date,"
    " end_reason = 'as-planned' WHERE id % 7 = 0 AND status <> 'ended'",
    "UPDATE placement SET status = 'paused' WHERE id % 5 = 0 AND status = 'active'",
    "UPDATE placement SET start_date = date (start_date, '-40 days') WHERE id % 11 = 0",
    "UPDATE placement SET client_uuid = (SELECT uuid FROM client ORDER BY id LIMIT 1)"
    " WHERE id % 13 = 0",
    "DELETE FROM placement WHERE id % 17 = 0",
    "DELETE FROM client WHERE id % 19 = 0",
    "UPDATE ladder_step SET date = date (date, '+3 days') WHERE id % 3 = 0",
    "UPDATE ladder_step SET client_uuid = (SELECT uuid FROM client ORDER BY id DESC LIMIT 1)"
    " WHERE id % 23 = 0",
    "DELETE FROM ladder_step WHERE id % 4 = 0",
  };
  g_autofree char *path = g_build_filename (fixture->folder, "demo.db", NULL);
  g_autoptr(PlacementsStore) store = placements_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *n_placements = NULL;
  g_autofree char *n_steps = NULL;

  /* The demo data, on a database of its own (it refuses one that has records). */
  g_assert_true (placements_demo_generate (store, 300, 5, NULL, &error));
  g_assert_no_error (error);
  n_placements = placements_test_query_text (store,
                                             "SELECT count (*) FROM client_placement_summary");
  n_steps = placements_test_query_text (store, "SELECT count (*) FROM client_ladder_summary");
  g_assert_cmpint (atoi (n_placements), >, 200);
  g_assert_cmpint (atoi (n_steps), >, 200);
  assert_summaries_agree (store);

  for (guint i = 0; i < G_N_ELEMENTS (changes); i++)
    {
      g_test_message ("%s", changes[i]);
      placements_test_execute_elsewhere (store, changes[i]);
      assert_summaries_agree (store);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/overview/lists", test_lists);
  ADD ("/overview/limit", test_limit);
  ADD ("/overview/figures", test_figures);
  ADD ("/overview/bad-date", test_bad_date);
  ADD ("/overview/summaries", test_summaries);

#undef ADD

  return g_test_run ();
}
