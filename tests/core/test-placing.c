#define G_LOG_DOMAIN "placements-test-placing"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "placements-error.h"
#include "placements-pilot-steps.h"
#include "placements-placement-steps.h"
#include "placements-placing.h"
#include "placements-record-types.h"
#include "placements-test-utils.h"
#include "placements-workplace-fit.h"

/*
 * Placing a client: the ranking of workplaces on a small data set whose right order is
 * known, and a placement's steps from registered to ended.
 */

#define CARE "10000000-0000-4000-8000-000000000001"
#define HOST_SAME_AREA "10000000-0000-4000-8000-000000000002"
#define HOST_SAME_REGION "10000000-0000-4000-8000-000000000003"
#define HOST_BELGIUM "10000000-0000-4000-8000-000000000004"
#define HOST_FAR "10000000-0000-4000-8000-000000000005"
#define CLIENT "20000000-0000-4000-8000-000000000001"
#define OTHER_CLIENT "20000000-0000-4000-8000-000000000002"
#define CALM_CLIENT "20000000-0000-4000-8000-000000000003"
#define PACKING "30000000-0000-4000-8000-000000000001"
#define LAUNDRY "30000000-0000-4000-8000-000000000002"
#define CORNER "30000000-0000-4000-8000-000000000003"
#define ASSEMBLY "30000000-0000-4000-8000-000000000004"
#define HASSELT "30000000-0000-4000-8000-000000000005"
#define AMSTERDAM "30000000-0000-4000-8000-000000000006"
#define BUDDY_PERSON "40000000-0000-4000-8000-000000000001"
#define SUPERVISOR "40000000-0000-4000-8000-000000000002"
#define OTHER_PERSON "40000000-0000-4000-8000-000000000003"
#define BUDDY "50000000-0000-4000-8000-000000000001"
#define FULL_PLACEMENT "60000000-0000-4000-8000-000000000001"
#define PLACEMENT "60000000-0000-4000-8000-000000000002"

typedef struct
{
  char            *folder;
  PlacementsStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  PlacementsStore *store;

  fixture->folder = placements_test_make_folder ();
  path = g_build_filename (fixture->folder, "placements.db", NULL);
  store = fixture->store = placements_test_open_store (path);

  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, CARE,
                            "name", "Zorggroep De Linde", "kind", "care-provider",
                            "country", "nl", "postcode", "3512 AB", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, HOST_SAME_AREA,
                            "name", "Binnenstad Werkt", "kind", "social-employment-company",
                            "country", "nl", "postcode", "3512 CD", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, HOST_SAME_REGION,
                            "name", "De Uithof", "kind", "social-employment-company",
                            "country", "nl", "postcode", "3584 CS", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, HOST_BELGIUM,
                            "name", "Maatwerk Hasselt", "kind", "social-employment-company",
                            "country", "be", "postcode", "3500", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, HOST_FAR,
                            "name", "Amsterdam Werkt", "kind", "social-employment-company",
                            "country", "nl", "postcode", "1011 AB", NULL);

  placements_test_save_new (store, PLACEMENTS_TYPE_CLIENT, CLIENT,
                            "given-name", "Anouk", "family-name", "Bakker",
                            "care-organisation-uuid", CARE, "needs-low-stimulus", "true",
                            "goals", "Inpakwerk leren, later betaald werk", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_CLIENT, OTHER_CLIENT,
                            "family-name", "Jansen", "care-organisation-uuid", CARE, NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_CLIENT, CALM_CLIENT,
                            "family-name", "Visser", "care-organisation-uuid", CARE,
                            "goals", "Inpakwerk", NULL);

  /* Same area, low stimulus, tasks the goals name: the best fit. */
  placements_test_save_new (store, PLACEMENTS_TYPE_WORKPLACE, PACKING,
                            "name", "Inpakafdeling", "host-organisation-uuid", HOST_SAME_AREA,
                            "kind", "group-work-corner", "capacity", "2", "low-stimulus", "true",
                            "tasks", "inpakken, sealen", NULL);
  /* Same area, but not low stimulus. */
  placements_test_save_new (store, PLACEMENTS_TYPE_WORKPLACE, LAUNDRY,
                            "name", "Wasserij", "host-organisation-uuid", HOST_SAME_AREA,
                            "kind", "group-work-corner", "capacity", "5", "tasks", "wassen",
                            NULL);
  /* Same region, low stimulus, a buddy with spare load. */
  placements_test_save_new (store, PLACEMENTS_TYPE_WORKPLACE, CORNER,
                            "name", "Werkhoek", "host-organisation-uuid", HOST_SAME_REGION,
                            "kind", "group-work-corner", "capacity", "4", "low-stimulus", "true",
                            NULL);
  /* Same area, low stimulus, but full: last. */
  placements_test_save_new (store, PLACEMENTS_TYPE_WORKPLACE, ASSEMBLY,
                            "name", "Montage", "host-organisation-uuid", HOST_SAME_AREA,
                            "kind", "individual", "capacity", "1", "low-stimulus", "true", NULL);
  /* Belgian 3500 is not Utrecht's 35..: another country. */
  placements_test_save_new (store, PLACEMENTS_TYPE_WORKPLACE, HASSELT,
                            "name", "Atelier", "host-organisation-uuid", HOST_BELGIUM,
                            "kind", "group-work-corner", "capacity", "3", "low-stimulus", "true",
                            NULL);
  /* Same country, far away; its own site's postcode counts, not its host's. */
  placements_test_save_new (store, PLACEMENTS_TYPE_WORKPLACE, AMSTERDAM,
                            "name", "Kantine", "host-organisation-uuid", HOST_FAR,
                            "postcode", "1012 AB", "kind", "individual", "capacity", "2",
                            "low-stimulus", "true", NULL);

  placements_test_save_new (store, PLACEMENTS_TYPE_PERSON, BUDDY_PERSON,
                            "given-name", "Piet", "family-name", "Smit",
                            "organisation-uuid", HOST_SAME_REGION, "roles", "buddy", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_PERSON, SUPERVISOR,
                            "given-name", "Els", "family-name", "Mol",
                            "organisation-uuid", HOST_SAME_REGION, "roles", "work-supervisor",
                            NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_PERSON, OTHER_PERSON,
                            "family-name", "Kok", "organisation-uuid", HOST_SAME_REGION,
                            "roles", "job-coach", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_BUDDY, BUDDY,
                            "person-uuid", BUDDY_PERSON, "max-clients", "1", NULL);

  placements_test_save_new (store, PLACEMENTS_TYPE_PLACEMENT, FULL_PLACEMENT,
                            "client-uuid", OTHER_CLIENT, "workplace-uuid", ASSEMBLY,
                            "start-date", "2026-01-05", "status", "active", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  placements_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
}

static void
assert_order (PlacementsStore    *store,
              const char         *client,
              const char * const *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) fits = placements_workplace_fit_rank (store, client, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fits)), ==,
                    g_strv_length ((char **) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    {
      g_autoptr(PlacementsWorkplaceFit) fit = g_list_model_get_item (G_LIST_MODEL (fits), i);

      g_assert_cmpstr (placements_workplace_fit_get_workplace_uuid (fit), ==, expected[i]);
      g_assert_cmpuint (placements_workplace_fit_get_rank (fit), ==, i + 1);
    }
}

static PlacementsWorkplaceFit *
find_fit (GListStore *fits,
          const char *workplace)
{
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fits)); i++)
    {
      g_autoptr(PlacementsWorkplaceFit) fit = g_list_model_get_item (G_LIST_MODEL (fits), i);

      if (g_str_equal (placements_workplace_fit_get_workplace_uuid (fit), workplace))
        return fit;
    }
  g_assert_not_reached ();
}

static void
test_rank_low_stimulus (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char * const expected[] = {
    PACKING, CORNER, AMSTERDAM, HASSELT, LAUNDRY, ASSEMBLY, NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) fits = NULL;
  PlacementsWorkplaceFit *fit;
  const char * const *reasons;

  assert_order (fixture->store, CLIENT, expected);

  fits = placements_workplace_fit_rank (fixture->store, CLIENT, &error);
  g_assert_no_error (error);

  fit = find_fit (fits, PACKING);
  reasons = placements_workplace_fit_get_reasons (fit);
  g_assert_cmpstr (reasons[0], ==, "0 of 2 places taken");
  g_assert_cmpstr (reasons[1], ==, "Low-stimulus");
  g_assert_cmpstr (reasons[2], ==, "Same postcode area (3512)");
  g_assert_cmpstr (reasons[3], ==, "No buddy with spare load");
  g_assert_cmpstr (reasons[4], ==, "Tasks match the goals: inpakken");
  g_assert_null (reasons[5]);

  fit = find_fit (fits, CORNER);
  g_assert_cmpstr (placements_workplace_fit_get_buddy_uuid (fit), ==, BUDDY);
  g_assert_nonnull (strstr (placements_workplace_fit_get_reasons_text (fit),
                            "Same postcode region (35..)"));
  g_assert_nonnull (strstr (placements_workplace_fit_get_reasons_text (fit),
                            "Buddy with spare load: Smit, Piet, 0 of 1 client"));

  fit = find_fit (fits, AMSTERDAM);
  g_assert_nonnull (strstr (placements_workplace_fit_get_reasons_text (fit),
                            "Postcode area 1012, care organisation in 3512"));
  fit = find_fit (fits, HASSELT);
  g_assert_nonnull (strstr (placements_workplace_fit_get_reasons_text (fit), "In Belgium"));
  fit = find_fit (fits, LAUNDRY);
  g_assert_nonnull (strstr (placements_workplace_fit_get_reasons_text (fit),
                            "Not low-stimulus"));

  fit = find_fit (fits, ASSEMBLY);
  g_assert_true (placements_workplace_fit_get_full (fit));
  g_assert_cmpint (placements_workplace_fit_get_occupied (fit), ==, 1);
  g_assert_cmpint (placements_workplace_fit_get_free_places (fit), ==, 0);
  g_assert_cmpstr (placements_workplace_fit_get_reasons (fit)[0], ==,
                   "Full: 1 of 1 place taken");
}

/* Without the need, nearness decides: the laundry next door before the corner. */
static void
test_rank_without_need (Fixture       *fixture,
                        gconstpointer  data)
{
  static const char * const expected[] = {
    PACKING, LAUNDRY, CORNER, AMSTERDAM, HASSELT, ASSEMBLY, NULL
  };

  assert_order (fixture->store, CALM_CLIENT, expected);
}

/* A paused placement frees its place at once; the full workplace climbs. */
static void
test_rank_follows_pause (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const expected[] = {
    PACKING, ASSEMBLY, CORNER, AMSTERDAM, HASSELT, LAUNDRY, NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PlacementsPlacement) placement =
    placements_store_load (fixture->store, PLACEMENTS_TYPE_PLACEMENT, FULL_PLACEMENT, &error);

  g_assert_no_error (error);
  g_assert_true (placements_placement_move (fixture->store, placement,
                                            PLACEMENTS_PLACEMENT_STATUS_PAUSED, "2026-03-02",
                                            PLACEMENTS_PLACE_WARNING_NONE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (placements_placing_count_occupied (fixture->store, ASSEMBLY, NULL), ==, 0);
  assert_order (fixture->store, CLIENT, expected);
}

static void
test_rank_unknown_client (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListStore) fits =
    placements_workplace_fit_rank (fixture->store, "90000000-0000-4000-8000-000000000009",
                                   &error);

  g_assert_null (fits);
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NOT_FOUND);
}

static void
test_people (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) supervisors =
    placements_placing_find_supervisors (fixture->store, HOST_SAME_REGION, &error);
  g_autoptr(GPtrArray) buddies =
    placements_placing_find_buddies (fixture->store, HOST_SAME_REGION, &error);
  PlacementsCandidate *candidate;

  g_assert_no_error (error);
  g_assert_cmpuint (supervisors->len, ==, 1);
  candidate = g_ptr_array_index (supervisors, 0);
  g_assert_cmpstr (candidate->uuid, ==, SUPERVISOR);
  g_assert_cmpstr (candidate->name, ==, "Mol, Els");

  g_assert_cmpuint (buddies->len, ==, 1);
  candidate = g_ptr_array_index (buddies, 0);
  g_assert_cmpstr (candidate->uuid, ==, BUDDY);
  g_assert_cmpint (candidate->load, ==, 0);
  g_assert_cmpint (candidate->max, ==, 1);
}

static PlacementsPlacement *
new_placement (const char *workplace,
               const char *start)
{
  PlacementsPlacement *placement = g_object_new (PLACEMENTS_TYPE_PLACEMENT, "uuid", PLACEMENT,
                                                 NULL);

  placements_placement_set_client_uuid (placement, CLIENT);
  placements_placement_set_workplace_uuid (placement, workplace);
  placements_placement_set_start_date (placement, start);
  return placement;
}

static void
test_steps (Fixture       *fixture,
            gconstpointer  data)
{
  static const PlacementsPlacementStatus path[] = {
    PLACEMENTS_PLACEMENT_STATUS_INTRODUCTION, PLACEMENTS_PLACEMENT_STATUS_TRIAL,
    PLACEMENTS_PLACEMENT_STATUS_ACTIVE, PLACEMENTS_PLACEMENT_STATUS_PAUSED,
    PLACEMENTS_PLACEMENT_STATUS_ACTIVE,
  };
  static const char * const dates[] = {
    "2026-03-09", "2026-03-23", "2026-04-20", "2026-06-01", "2026-06-15",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PlacementsPlacement) placement = new_placement (CORNER, "2026-03-02");
  g_autoptr(PlacementsPlacement) stored = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  g_autofree char *pairing_end = NULL;
  g_autofree char *return_date = NULL;
  PlacementsPlacementStep *step;

  placements_placement_set_buddy_uuid (placement, BUDDY);
  placements_placement_set_supervisor_uuid (placement, SUPERVISOR);
  g_assert_true (placements_placement_place (fixture->store, placement,
                                             PLACEMENTS_PLACE_WARNING_NONE, &error));
  g_assert_no_error (error);
  /* The buddy is paired with the client from the start. */
  g_assert_cmpint (placements_placing_get_buddy_load (fixture->store, BUDDY, NULL, NULL), ==, 1);

  for (guint i = 0; i < G_N_ELEMENTS (path); i++)
    {
      g_assert_true (placements_placement_move (fixture->store, placement, path[i], dates[i],
                                                PLACEMENTS_PLACE_WARNING_NONE, &error));
      g_assert_no_error (error);
      g_assert_cmpint (placements_placing_count_occupied (fixture->store, CORNER, NULL), ==,
                       path[i] == PLACEMENTS_PLACEMENT_STATUS_PAUSED ? 0 : 1);
    }

  /* Not backwards in time, and not to a step that does not follow. */
  g_assert_false (placements_placement_move (fixture->store, placement,
                                             PLACEMENTS_PLACEMENT_STATUS_PAUSED, "2026-06-01",
                                             PLACEMENTS_PLACE_WARNING_NONE, &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD);
  g_clear_error (&error);
  g_assert_false (placements_placement_move (fixture->store, placement,
                                             PLACEMENTS_PLACEMENT_STATUS_TRIAL, "2026-07-01",
                                             PLACEMENTS_PLACE_WARNING_NONE, &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD);
  g_clear_error (&error);
  g_assert_cmpint (placements_placement_get_status (placement), ==,
                   PLACEMENTS_PLACEMENT_STATUS_ACTIVE);

  g_assert_true (placements_placement_end (fixture->store, placement, "2026-08-31",
                                           PLACEMENTS_END_REASON_BY_CLIENT,
                                           PLACEMENTS_OUTCOME_BACK_TO_DAY_ACTIVITIES, &error));
  g_assert_no_error (error);

  stored = placements_store_load (fixture->store, PLACEMENTS_TYPE_PLACEMENT, PLACEMENT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (placements_placement_get_status (stored), ==,
                   PLACEMENTS_PLACEMENT_STATUS_ENDED);
  g_assert_cmpstr (placements_placement_get_actual_end_date (stored), ==, "2026-08-31");
  g_assert_cmpint (placements_placement_get_end_reason (stored), ==,
                   PLACEMENTS_END_REASON_BY_CLIENT);
  g_assert_cmpint (placements_placement_get_outcome (stored), ==,
                   PLACEMENTS_OUTCOME_BACK_TO_DAY_ACTIVITIES);
  /* The day clamped to the month's end. */
  g_assert_cmpstr (placements_placement_get_follow_up_6_months_date (stored), ==, "2027-02-28");
  g_assert_cmpstr (placements_placement_get_follow_up_12_months_date (stored), ==,
                   "2027-08-31");
  g_assert_cmpint (placements_placing_count_occupied (fixture->store, CORNER, NULL), ==, 0);
  pairing_end = placements_test_query_text (fixture->store,
                                            "SELECT end_date FROM buddy_pairing");
  g_assert_cmpstr (pairing_end, ==, "2026-08-31");
  return_date = placements_placing_dup_return_date (fixture->store, CLIENT);
  g_assert_cmpstr (return_date, ==, "2026-08-31");

  steps = placements_placement_list_steps (fixture->store, PLACEMENT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steps->len, ==, 7);
  step = g_ptr_array_index (steps, 0);
  g_assert_cmpint (step->status, ==, PLACEMENTS_PLACEMENT_STATUS_REGISTERED);
  g_assert_cmpstr (step->date, ==, "2026-03-02");
  step = g_ptr_array_index (steps, 4);
  g_assert_cmpint (step->status, ==, PLACEMENTS_PLACEMENT_STATUS_PAUSED);
  g_assert_cmpstr (step->date, ==, "2026-06-01");
  step = g_ptr_array_index (steps, 6);
  g_assert_cmpint (step->status, ==, PLACEMENTS_PLACEMENT_STATUS_ENDED);
  g_assert_cmpstr (step->date, ==, "2026-08-31");

  g_assert_false (placements_placement_end (fixture->store, placement, "2026-09-01",
                                            PLACEMENTS_END_REASON_AS_PLANNED,
                                            PLACEMENTS_OUTCOME_NONE, &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD);
}

static void
test_warnings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlacementsPlacement) placement = new_placement (ASSEMBLY, "2026-03-02");
  g_autofree char *count = NULL;
  g_autofree char *warnings = NULL;

  /* Into a full workplace, starting with the introduction at once. */
  placements_placement_set_status (placement, PLACEMENTS_PLACEMENT_STATUS_INTRODUCTION);
  g_assert_false (placements_placement_place (fixture->store, placement,
                                              PLACEMENTS_PLACE_WARNING_NONE, &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NEEDS_CONFIRMATION);
  g_assert_nonnull (strstr (error->message, "no free place"));
  g_clear_error (&error);
  count = placements_test_query_text (fixture->store, "SELECT count(*) FROM placement");
  g_assert_cmpstr (count, ==, "1");

  g_assert_true (placements_placement_place (fixture->store, placement,
                                             PLACEMENTS_PLACE_WARNING_OVER_CAPACITY, &error));
  g_assert_no_error (error);
  warnings = placements_test_query_text (fixture->store,
                                         "SELECT warnings FROM placement_step");
  g_assert_cmpstr (warnings, ==, "over-capacity");
  g_assert_cmpint (placements_placing_count_occupied (fixture->store, ASSEMBLY, NULL), ==, 2);
}

static void
test_buddy_over_maximum (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlacementsPlacement) first = new_placement (CORNER, "2026-01-05");
  g_autoptr(PlacementsPlacement) second = placements_placement_new ();

  placements_placement_set_buddy_uuid (first, BUDDY);
  g_assert_true (placements_placement_place (fixture->store, first,
                                             PLACEMENTS_PLACE_WARNING_NONE, &error));
  g_assert_no_error (error);

  placements_placement_set_client_uuid (second, OTHER_CLIENT);
  placements_placement_set_workplace_uuid (second, CORNER);
  placements_placement_set_start_date (second, "2026-01-12");
  placements_placement_set_buddy_uuid (second, BUDDY);
  g_assert_cmpint (placements_placement_find_warnings (fixture->store, second, NULL), ==,
                   PLACEMENTS_PLACE_WARNING_BUDDY_OVER_MAXIMUM);
  g_assert_false (placements_placement_place (fixture->store, second,
                                              PLACEMENTS_PLACE_WARNING_NONE, &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NEEDS_CONFIRMATION);
  g_clear_error (&error);
  g_assert_true (placements_placement_place (fixture->store, second,
                                             PLACEMENTS_PLACE_WARNING_BUDDY_OVER_MAXIMUM,
                                             &error));
  g_assert_no_error (error);
  g_assert_cmpint (placements_placing_get_buddy_load (fixture->store, BUDDY, NULL, NULL), ==, 2);
}

/* The rule lives in the store: a plain save (as the CLI and the exchange do) meets it. */
static void
test_overlap (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlacementsPlacement) first = new_placement (PACKING, "2026-01-05");
  g_autoptr(PlacementsPlacement) second = placements_placement_new ();
  g_autoptr(PlacementsPlacement) later = placements_placement_new ();
  g_autofree char *count = NULL;

  placements_placement_set_planned_end_date (first, "2026-06-30");
  g_assert_true (placements_store_save (fixture->store, PLACEMENTS_RECORD (first), &error));
  g_assert_no_error (error);

  placements_placement_set_client_uuid (second, CLIENT);
  placements_placement_set_workplace_uuid (second, PACKING);
  placements_placement_set_start_date (second, "2026-06-01");
  g_assert_false (placements_store_save (fixture->store, PLACEMENTS_RECORD (second), &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "05-01-2026"));
  g_assert_nonnull (strstr (error->message, "30-06-2026"));
  g_clear_error (&error);
  count = placements_test_query_text (fixture->store, "SELECT count(*) FROM placement");
  g_assert_cmpstr (count, ==, "2");

  /* After the planned end, and elsewhere, it is fine. */
  placements_placement_set_client_uuid (later, CLIENT);
  placements_placement_set_workplace_uuid (later, PACKING);
  placements_placement_set_start_date (later, "2026-07-01");
  g_assert_true (placements_store_save (fixture->store, PLACEMENTS_RECORD (later), &error));
  g_assert_no_error (error);
  placements_placement_set_workplace_uuid (second, LAUNDRY);
  g_assert_true (placements_store_save (fixture->store, PLACEMENTS_RECORD (second), &error));
  g_assert_no_error (error);
}

static void
test_add_months (void)
{
  g_autofree char *a = placements_date_add_months ("2026-08-31", 6);
  g_autofree char *b = placements_date_add_months ("2024-02-29", 12);
  g_autofree char *c = placements_date_add_months ("2026-11-23", 6);

  g_assert_cmpstr (a, ==, "2027-02-28");
  g_assert_cmpstr (b, ==, "2025-02-28");
  g_assert_cmpstr (c, ==, "2027-05-23");
}

#define PILOT "70000000-0000-4000-8000-000000000001"

static void
test_pilot_steps (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlacementsPilot) pilot = NULL;
  g_autoptr(GPtrArray) steps = NULL;
  PlacementsPilotStep *step;

  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PILOT, PILOT, "name", "Werkhoek",
                            "status", "concept", "target-participants", "6", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_FUNDING,
                            "70000000-0000-4000-8000-000000000002", "pilot-uuid", PILOT,
                            "funder-uuid", CARE, "amount-cents", "3500000", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PLACEMENT,
                            "70000000-0000-4000-8000-000000000003", "client-uuid", CLIENT,
                            "workplace-uuid", CORNER, "pilot-uuid", PILOT,
                            "start-date", "2026-01-05", "status", "trial", NULL);
  pilot = placements_store_load (fixture->store, PLACEMENTS_TYPE_PILOT, PILOT, &error);
  g_assert_no_error (error);
  g_assert_cmpint (placements_pilot_count_placed (fixture->store, PILOT), ==, 1);
  g_assert_cmpint (placements_pilot_sum_funding (fixture->store, PILOT), ==, 3500000);

  /* Not from concept straight to evaluated. */
  g_assert_false (placements_pilot_move (fixture->store, pilot,
                                         PLACEMENTS_PILOT_STATUS_EVALUATED, "2026-01-05",
                                         &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD);
  g_clear_error (&error);
  g_assert_true (placements_pilot_move (fixture->store, pilot, PLACEMENTS_PILOT_STATUS_RUNNING,
                                        "2026-01-05", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (placements_pilot_get_start_date (pilot), ==, "2026-01-05");
  g_assert_true (placements_pilot_move (fixture->store, pilot,
                                        PLACEMENTS_PILOT_STATUS_EVALUATED, "2026-10-01",
                                        &error));
  g_assert_no_error (error);
  /* A scale-up needs more participants than now; refused, nothing changes. */
  g_assert_false (placements_pilot_scale_up (fixture->store, pilot, "2027-01-01", 6, &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD);
  g_clear_error (&error);
  g_assert_cmpint (placements_pilot_get_status (pilot), ==, PLACEMENTS_PILOT_STATUS_EVALUATED);
  g_assert_true (placements_pilot_scale_up (fixture->store, pilot, "2027-01-01", 12, &error));
  g_assert_no_error (error);

  g_clear_object (&pilot);
  pilot = placements_store_load (fixture->store, PLACEMENTS_TYPE_PILOT, PILOT, &error);
  g_assert_cmpint (placements_pilot_get_status (pilot), ==, PLACEMENTS_PILOT_STATUS_SCALED_UP);
  g_assert_cmpstr (placements_pilot_get_scale_up_date (pilot), ==, "2027-01-01");
  g_assert_cmpstr (placements_pilot_get_evaluation_date (pilot), ==, "2026-10-01");
  g_assert_cmpint (placements_pilot_get_target_participants (pilot), ==, 12);

  steps = placements_pilot_list_steps (fixture->store, PILOT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steps->len, ==, 3);
  step = g_ptr_array_index (steps, 0);
  g_assert_cmpint (step->status, ==, PLACEMENTS_PILOT_STATUS_RUNNING);
  g_assert_cmpint (step->target_participants, ==, -1);
  step = g_ptr_array_index (steps, 2);
  g_assert_cmpint (step->status, ==, PLACEMENTS_PILOT_STATUS_SCALED_UP);
  g_assert_cmpstr (step->date, ==, "2027-01-01");
  g_assert_cmpint (step->target_participants, ==, 12);
}

/* Untranslated, the source's way; Dutch says € 35.000,00 (tests/gui checks the page). */
static void
test_money (void)
{
  g_autofree char *a = placements_format_euro_cents (3500000);
  g_autofree char *b = placements_format_euro_cents (5);
  g_autofree char *c = placements_format_euro_cents (123456789);

  g_assert_cmpstr (a, ==, "€ 35,000.00");
  g_assert_cmpstr (b, ==, "€ 0.05");
  g_assert_cmpstr (c, ==, "€ 1,234,567.89");
}

/* Dutch and Flemish write a subsidy as € 35.000,00, whatever the numeric locale. Run in a
 * subprocess so the other tests keep their English. */
static void
test_money_dutch (void)
{
  const char *languages[] = { "nl", "nl_BE" };

  for (gsize i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *path = g_strdup_printf ("/placing/money-dutch/subprocess/%s",
                                               languages[i]);

      g_test_trap_subprocess (path, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      g_test_trap_assert_stdout ("*€ 35.000,00\n*");
    }
}

static void
print_money_in (const char *language)
{
  g_autofree char *locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *text = NULL;

  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  text = placements_format_euro_cents (3500000);
  /* Not g_print(): it would convert to a charset GLib settled on before setlocale(). */
  fputs (text, stdout);
  fputs ("\n", stdout);
  fflush (stdout);
}

static void
money_in_nl (void)
{
  print_money_in ("nl");
}

static void
money_in_nl_be (void)
{
  print_money_in ("nl_BE");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/placing/rank/low-stimulus", test_rank_low_stimulus);
  ADD ("/placing/rank/without-need", test_rank_without_need);
  ADD ("/placing/rank/follows-pause", test_rank_follows_pause);
  ADD ("/placing/rank/unknown-client", test_rank_unknown_client);
  ADD ("/placing/people", test_people);
  ADD ("/placing/steps", test_steps);
  ADD ("/placing/warnings/over-capacity", test_warnings);
  ADD ("/placing/warnings/buddy-over-maximum", test_buddy_over_maximum);
  ADD ("/placing/overlap", test_overlap);
  ADD ("/placing/pilot/steps", test_pilot_steps);
  g_test_add_func ("/placing/add-months", test_add_months);
  g_test_add_func ("/placing/money", test_money);
  g_test_add_func ("/placing/money-dutch", test_money_dutch);
  g_test_add_func ("/placing/money-dutch/subprocess/nl", money_in_nl);
  g_test_add_func ("/placing/money-dutch/subprocess/nl_BE", money_in_nl_be);

  return g_test_run ();
}
