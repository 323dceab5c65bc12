#define G_LOG_DOMAIN "placements-test-pilot-report"

#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "placements-demo.h"
#include "placements-error.h"
#include "placements-pilot-report.h"
#include "placements-record-types.h"
#include "placements-report-document.h"
#include "placements-test-utils.h"

/*
 * A pilot's report for its funder: the figures over participants whose right values are
 * known, participants only under codes, the files 0600 and logged.
 */

#define CARE "10000000-0000-4000-8000-000000000001"
#define HOST "10000000-0000-4000-8000-000000000002"
#define FUNDER "10000000-0000-4000-8000-000000000003"
#define WORKPLACE "30000000-0000-4000-8000-000000000001"
#define PILOT "40000000-0000-4000-8000-000000000001"
#define OTHER_PILOT "40000000-0000-4000-8000-000000000002"
#define STAYS "20000000-0000-4000-8000-000000000001"
#define TO_WORK "20000000-0000-4000-8000-000000000002"
#define DROPPED "20000000-0000-4000-8000-000000000003"
#define NEW "20000000-0000-4000-8000-000000000004"
#define OUTSIDE "20000000-0000-4000-8000-000000000005"

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
                            "given-name", "Fenna", "family-name", family_name,
                            "date-of-birth", "1990-04-12", "care-organisation-uuid", CARE,
                            NULL);
}

static void
attendance (Fixture    *fixture,
            const char *client_uuid,
            const char *date,
            const char *day_part,
            const char *workplace_uuid,
            const char *status)
{
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_ATTENDANCE, NULL,
                            "client-uuid", client_uuid, "date", date, "day-part", day_part,
                            "status", status,
                            workplace_uuid != NULL ? "workplace-uuid" : NULL, workplace_uuid,
                            NULL);
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
                            "name", "Sociaal Ontwikkelbedrijf IJsseldelta",
                            "kind", "social-employment-company", "country", "nl", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_ORGANISATION, FUNDER,
                            "name", "Gemeente Zwolle", "kind", "municipality", "country", "nl",
                            NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_WORKPLACE, WORKPLACE,
                            "name", "Inpakafdeling", "host-organisation-uuid", HOST,
                            "capacity", "6", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PILOT, PILOT,
                            "name", "Werkhoek Binnenstad", "status", "running",
                            "start-date", "2026-01-05", "evaluation-date", "2026-12-01",
                            "target-participants", "6",
                            "evaluation-notes", "Fenna Quispel-Terpstra deed het goed", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PILOT, OTHER_PILOT,
                            "name", "Elders", "status", "running", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PILOT_PARTNER, NULL,
                            "pilot-uuid", PILOT, "organisation-uuid", CARE,
                            "role", "Penvoerder", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PILOT_PARTNER, NULL,
                            "pilot-uuid", PILOT, "organisation-uuid", HOST, NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_FUNDING, NULL,
                            "pilot-uuid", PILOT, "funder-uuid", FUNDER,
                            "amount-cents", "3500000", "reference", "SUB-2026-12", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_SUCCESS_CRITERION, NULL,
                            "pilot-uuid", PILOT, "description", "Naar werk",
                            "target", "2 van 6", "measured", "1 van 6", NULL);
  /* Counted ones: a value entered earlier and left behind is not what they show. */
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_SUCCESS_CRITERION, NULL,
                            "pilot-uuid", PILOT, "description", "Deelnemers",
                            "target", "6", "measure", "participants", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_SUCCESS_CRITERION, NULL,
                            "pilot-uuid", PILOT, "description", "Blijvers",
                            "target", "de helft", "measured", "99",
                            "measure", "placed-after-3-months", NULL);

  client (fixture, STAYS, "Quispel");
  client (fixture, TO_WORK, "Terpstra");
  client (fixture, DROPPED, "Wijnaldum");
  client (fixture, NEW, "Xhaka");
  client (fixture, OUTSIDE, "Yildiz");
  /* Attendance: present at the pilot's workplace, and once with no workplace noted; not
   * an absence, a day before the placement, or another pilot's client. */
  attendance (fixture, STAYS, "2026-02-02", "morning", WORKPLACE, "present");
  attendance (fixture, STAYS, "2026-02-02", "afternoon", NULL, "present");
  attendance (fixture, STAYS, "2026-02-03", "morning", WORKPLACE, "absent-ill");
  attendance (fixture, STAYS, "2025-12-01", "morning", WORKPLACE, "present");
  attendance (fixture, OUTSIDE, "2026-02-02", "morning", NULL, "present");
  /* Placed since January: still there. */
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PLACEMENT, NULL,
                            "client-uuid", STAYS, "workplace-uuid", WORKPLACE,
                            "pilot-uuid", PILOT, "start-date", "2026-01-05",
                            "status", "active", "hours-per-week", "16", NULL);
  /* Registered a month, then active: the steps the averages come from. */
  placements_test_execute_elsewhere (fixture->store,
    "INSERT INTO placement_step (placement_uuid, status, date, recorded)"
    " SELECT uuid, 'registered', '2026-01-05', '2026-01-05T09:00:00Z' FROM placement"
    "  WHERE client_uuid = '" STAYS "';"
    "INSERT INTO placement_step (placement_uuid, status, date, recorded)"
    " SELECT uuid, 'active', '2026-02-05', '2026-02-05T09:00:00Z' FROM placement"
    "  WHERE client_uuid = '" STAYS "'");
  /* The ladder: up from 2 to 4 for the one who stays; assessed once, after starting, for
   * the one who went to work. */
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_LADDER_STEP, NULL,
                            "client-uuid", STAYS, "date", "2025-12-01", "rung", "2", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_LADDER_STEP, NULL,
                            "client-uuid", STAYS, "date", "2026-09-01", "rung", "4", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_LADDER_STEP, NULL,
                            "client-uuid", TO_WORK, "date", "2026-02-10", "rung", "3", NULL);
  /* To a regular job after five months. */
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PLACEMENT, NULL,
                            "client-uuid", TO_WORK, "workplace-uuid", WORKPLACE,
                            "pilot-uuid", PILOT, "start-date", "2026-02-02",
                            "actual-end-date", "2026-07-01", "status", "ended",
                            "end-reason", "as-planned", "outcome", "regular-job", NULL);
  /* Dropped out after a month: twice placed, the first start counts. */
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PLACEMENT, NULL,
                            "client-uuid", DROPPED, "workplace-uuid", WORKPLACE,
                            "pilot-uuid", PILOT, "start-date", "2026-03-02",
                            "actual-end-date", "2026-03-20", "status", "ended",
                            "end-reason", "temporarily", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PLACEMENT, NULL,
                            "client-uuid", DROPPED, "workplace-uuid", WORKPLACE,
                            "pilot-uuid", PILOT, "start-date", "2026-04-01",
                            "actual-end-date", "2026-04-30", "status", "ended",
                            "end-reason", "by-client", "outcome", "dropped-out", NULL);
  /* Registered last week. */
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PLACEMENT, NULL,
                            "client-uuid", NEW, "workplace-uuid", WORKPLACE,
                            "pilot-uuid", PILOT, "start-date", "2026-11-16",
                            "status", "registered", NULL);
  /* In another pilot: not in this report. */
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PLACEMENT, NULL,
                            "client-uuid", OUTSIDE, "workplace-uuid", WORKPLACE,
                            "pilot-uuid", OTHER_PILOT, "start-date", "2026-01-05",
                            "status", "active", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  placements_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
}

static PlacementsPilotReport *
make_report (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  PlacementsPilotReport *report =
    placements_pilot_report_new (fixture->store, PILOT, "2026-11-23", &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static void
test_figures (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(PlacementsPilotReport) report = make_report (fixture);
  g_autoptr(PlacementsPilotReport) again = make_report (fixture);

  g_assert_cmpstr (report->name, ==, "Werkhoek Binnenstad");
  g_assert_cmpint (report->target_participants, ==, 6);
  g_assert_cmpuint (report->partners->len, ==, 2);
  g_assert_cmpuint (report->funding->len, ==, 1);
  g_assert_cmpint (((PlacementsReportFunding *) g_ptr_array_index (report->funding, 0))
                     ->amount_cents, ==, 3500000);
  g_assert_cmpuint (report->criteria->len, ==, 3);
  {
    PlacementsReportCriterion *entered = g_ptr_array_index (report->criteria, 0);
    PlacementsReportCriterion *participants = g_ptr_array_index (report->criteria, 1);
    PlacementsReportCriterion *stayers = g_ptr_array_index (report->criteria, 2);

    g_assert_cmpstr (entered->measured, ==, "1 van 6");
    g_assert_cmpint (entered->measure, ==, PLACEMENTS_CRITERION_MEASURE_NONE);
    g_assert_cmpstr (participants->measured, ==, "4");
    g_assert_cmpint (participants->measure, ==, PLACEMENTS_CRITERION_MEASURE_PARTICIPANTS);
    g_assert_cmpstr (stayers->measured, ==, "2 of 3 (67%)");
  }

  /* Four clients, the one of the other pilot not among them. */
  g_assert_cmpuint (report->participants->len, ==, 4);
  g_assert_cmpint (report->n_placed_now, ==, 1);
  g_assert_cmpint (report->n_ended, ==, 2);
  g_assert_cmpint (report->n_paused, ==, 0);
  g_assert_cmpint (report->n_by_outcome[PLACEMENTS_OUTCOME_REGULAR_JOB], ==, 1);
  g_assert_cmpint (report->n_by_outcome[PLACEMENTS_OUTCOME_DROPPED_OUT], ==, 1);
  g_assert_cmpint (report->n_to_work, ==, 1);
  /* Started three months ago or longer: three; placed three months on: the one who
   * stays and the one who went to work after five months. */
  g_assert_cmpint (report->n_started_3_months_ago, ==, 3);
  g_assert_cmpint (report->n_placed_after_3_months, ==, 2);

  for (guint i = 0; i < report->participants->len; i++)
    {
      PlacementsReportParticipant *participant = g_ptr_array_index (report->participants, i);
      PlacementsReportParticipant *same = g_ptr_array_index (again->participants, i);

      /* Stable codes, in code order, "P-" and eight hex digits. */
      g_assert_true (g_regex_match_simple ("^P-[0-9A-F]{8}$", participant->code, 0, 0));
      g_assert_cmpstr (participant->code, ==, same->code);
      if (i > 0)
        g_assert_cmpstr (((PlacementsReportParticipant *)
                            g_ptr_array_index (report->participants, i - 1))->code, <,
                         participant->code);
      /* The one who dropped out: the month of the first start, the latest outcome. */
      if (participant->outcome == PLACEMENTS_OUTCOME_DROPPED_OUT)
        {
          g_assert_cmpstr (participant->start_month, ==, "2026-03");
          g_assert_cmpint (participant->days_placed, ==, 59);
        }
    }

  {
    g_autofree char *share = placements_pilot_report_dup_share (2, 3);

    g_assert_cmpstr (share, ==, "2 of 3 (67%)");
  }

  /* Only the active one holds a place with hours; registered holds none yet. */
  g_assert_cmpfloat (report->hours_per_week_now, ==, 16.0);
  g_assert_cmpint (report->day_parts_attended, ==, 2);
  g_assert_cmpfloat (report->hours_attended, ==, 8.0);
  g_assert_cmpint (report->n_ladder_up, ==, 1);
  g_assert_cmpint (report->n_ladder_same, ==, 1);
  g_assert_cmpint (report->n_ladder_down, ==, 0);
  /* Registered 2026-01-05 to 2026-02-05; active since, to the report's day. */
  g_assert_cmpfloat (report->average_days[PLACEMENTS_PLACEMENT_STATUS_REGISTERED], ==, 31.0);
  g_assert_cmpfloat (report->average_days[PLACEMENTS_PLACEMENT_STATUS_ACTIVE], ==, 291.0);
  g_assert_cmpfloat (report->average_days[PLACEMENTS_PLACEMENT_STATUS_TRIAL], ==, -1.0);

  /* Month by month from the first start, January, to November. */
  g_assert_cmpuint (report->months->len, ==, 11);
  {
    const struct { const char *month; int started, placed, ended; } expected[] = {
      { "2026-01", 1, 1, 0 }, { "2026-02", 1, 2, 0 }, { "2026-03", 1, 3, 0 },
      { "2026-04", 0, 2, 1 }, { "2026-06", 0, 2, 0 }, { "2026-07", 0, 1, 1 },
      { "2026-11", 1, 2, 0 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      for (guint j = 0; j < report->months->len; j++)
        {
          PlacementsReportMonth *month = g_ptr_array_index (report->months, j);

          if (!g_str_equal (month->month, expected[i].month))
            continue;
          g_assert_cmpint (month->started, ==, expected[i].started);
          g_assert_cmpint (month->placed, ==, expected[i].placed);
          g_assert_cmpint (month->ended, ==, expected[i].ended);
        }
  }
}

static void
test_unknown_pilot (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlacementsPilotReport) report =
    placements_pilot_report_new (fixture->store, "40000000-0000-4000-8000-0000000000ff",
                                 "2026-11-23", &error);

  g_assert_null (report);
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NOT_FOUND);
}

/* Whether @needle is anywhere in @bytes, NUL bytes and all (a PDF holds binary streams). */
static gboolean
contains (const char *bytes,
          gsize       length,
          const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (bytes + i, needle, needle_length) == 0)
      return TRUE;
  return FALSE;
}

/* Nothing in @bytes that names or identifies a client. */
static void
assert_pseudonymised (const char *bytes,
                      gsize       length)
{
  const char *never[] = {
    "Quispel", "Terpstra", "Wijnaldum", "Xhaka", "Yildiz", "Fenna", "1990",
    "20000000-0000-4000-8000", "deed het goed",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (never); i++)
    g_assert_false (contains (bytes, length, never[i]));
}

static void
assert_private_and_logged (Fixture    *fixture,
                           const char *path,
                           const char *format)
{
  struct stat info;
  g_autofree char *sql = NULL;
  g_autofree char *logged = NULL;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  /* Logged once, about each of the four participants, so that each client's log shows
   * it. */
  sql = g_strdup_printf ("SELECT record_kind || ' ' || record_uuids FROM audit_event"
                         " WHERE action = 'report' AND detail = 'pilot-report %s " PILOT "'",
                         format);
  logged = placements_test_query_text (fixture->store, sql);
  g_assert_cmpstr (logged, ==, "client " STAYS "," TO_WORK "," DROPPED "," NEW);
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(PlacementsPilotReport) report = make_report (fixture);
  g_autofree char *path = g_build_filename (fixture->folder, "report.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (placements_pilot_report_write_csv (report, fixture->store, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "section,item,value,target\r\n"));
  g_assert_nonnull (strstr (contents, "\r\npartner,Zorggroep De Linde,Penvoerder,\r\n"));
  g_assert_nonnull (strstr (contents, "\r\nfunding,Gemeente Zwolle,35000.00,\r\n"));
  g_assert_nonnull (strstr (contents, "\r\ncriterion,Naar werk,1 van 6,2 van 6\r\n"));
  g_assert_nonnull (strstr (contents, "\r\nfigure,participants,4,6\r\n"));
  g_assert_nonnull (strstr (contents, "\r\nfigure,placed-after-3-months,2,\r\n"));
  g_assert_nonnull (strstr (contents, "\r\nfigure,outcome-regular-job,1,\r\n"));
  g_assert_nonnull (strstr (contents, "\r\nfigure,hours-per-week-now,16.0,\r\n"));
  g_assert_nonnull (strstr (contents, "\r\nfigure,day-parts-attended,2,\r\n"));
  g_assert_nonnull (strstr (contents, "\r\nfigure,hours-attended,8.0,\r\n"));
  g_assert_nonnull (strstr (contents, "\r\ncriterion,Deelnemers,4,6\r\n"));
  g_assert_nonnull (strstr (contents, "\r\nfigure,average-days-registered,31.0,\r\n"));
  g_assert_nonnull (strstr (contents, "\r\nmonth-placed,2026-03,3,\r\n"));
  g_assert_nonnull (strstr (contents, "\r\nfigure,ladder-up,1,\r\n"));
  assert_pseudonymised (contents, length);
  assert_private_and_logged (fixture, path, "csv");
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(PlacementsPilotReport) report = make_report (fixture);
  g_autofree char *path = g_build_filename (fixture->folder, "report.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  gsize length;
  int pages;

  g_assert_true (placements_report_document_write_pdf (report, fixture->store, path,
                                                       &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  /* A4 in points. */
  g_assert_true (contains (contents, length, "/MediaBox [ 0 0 595.276 841.89 ]"));
  assert_pseudonymised (contents, length);
  assert_private_and_logged (fixture, path, "pdf");

  /* The same layout measured without drawing, as printing counts its pages. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 10, 10);
  cr = cairo_create (surface);
  pages = placements_report_document_render (report, cr, PLACEMENTS_REPORT_A4_WIDTH,
                                             PLACEMENTS_REPORT_A4_HEIGHT, -2);
  g_assert_cmpint (pages, >=, 1);
  g_assert_cmpint (pages, <=, 3);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* @sql with PILOT standing for the pilot's UUID. */
static char *
query_one (PlacementsStore *store,
           const char      *sql,
           const char      *pilot_uuid)
{
  g_autoptr(GString) text = g_string_new (sql);

  g_string_replace (text, "PILOT", pilot_uuid, 0);
  return placements_test_query_text (store, text->str);
}

static void
assert_figure (const char *csv,
               const char *item,
               int         value)
{
  g_autofree char *line = g_strdup_printf ("\r\nfigure,%s,%d,", item, value);

  if (strstr (csv, line) == NULL)
    g_error ("The CSV has no line “figure,%s,%d”", item, value);
}

/*
 * On the demo data, for every pilot: the report's figures agree with the same figures
 * counted by a second, plain SQL route, its CSV says the same, and neither the CSV nor the
 * PDF holds any client's name or national id.
 */
static void
test_demo_agrees (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "demo.db", NULL);
  g_autofree char *csv_path = g_build_filename (folder, "report.csv", NULL);
  g_autofree char *pdf_path = g_build_filename (folder, "report.pdf", NULL);
  PlacementsStore *store = placements_test_open_store (path);
  g_autoptr(GPtrArray) pilots = NULL;
  g_autoptr(GPtrArray) clients = NULL;
  g_autoptr(GError) error = NULL;
  guint n_with_participants = 0;
  guint n_counted_criteria = 0;

  placements_demo_generate (store, 300, 1, NULL, &error);
  g_assert_no_error (error);
  pilots = placements_store_find (store, PLACEMENTS_TYPE_PILOT, NULL, NULL, &error);
  clients = placements_store_find (store, PLACEMENTS_TYPE_CLIENT, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pilots->len, >, 0);

  for (guint i = 0; i < pilots->len; i++)
    {
      const char *pilot = placements_record_get_uuid (g_ptr_array_index (pilots, i));
      g_autoptr(PlacementsPilotReport) report =
        placements_pilot_report_new (store, pilot, "2026-11-23", &error);
      /* The latest placement of each client in the pilot, by a correlated subquery rather
       * than the report's sorted pass. */
      const char *latest = "FROM placement p WHERE p.pilot_uuid = 'PILOT' AND NOT EXISTS"
                           " (SELECT 1 FROM placement q WHERE q.client_uuid = p.client_uuid"
                           " AND q.pilot_uuid = p.pilot_uuid AND (q.start_date > p.start_date"
                           " OR (q.start_date = p.start_date AND q.uuid > p.uuid)))";
      g_autofree char *participants = NULL;
      g_autofree char *placed = NULL;
      g_autofree char *ended = NULL;
      g_autofree char *to_work = NULL;
      g_autofree char *sql = NULL;
      g_autofree char *csv = NULL;
      g_autofree char *pdf = NULL;
      gsize csv_length;
      gsize pdf_length;

      g_assert_no_error (error);
      participants = query_one (store, "SELECT count (DISTINCT client_uuid) FROM placement"
                                       " WHERE pilot_uuid = 'PILOT'", pilot);
      sql = g_strdup_printf ("SELECT count (*) %s AND p.status IN ('introduction', 'trial',"
                             " 'active')", latest);
      placed = query_one (store, sql, pilot);
      g_free (sql);
      sql = g_strdup_printf ("SELECT count (*) %s AND p.status = 'ended'", latest);
      ended = query_one (store, sql, pilot);
      g_free (sql);
      sql = g_strdup_printf ("SELECT count (*) %s AND p.status = 'ended' AND p.outcome IN"
                             " ('sheltered-work', 'regular-job', 'job-with-wage-subsidy')",
                             latest);
      to_work = query_one (store, sql, pilot);

      g_assert_cmpint (report->participants->len, ==, atoi (participants));
      g_assert_cmpint (report->n_placed_now, ==, atoi (placed));
      g_assert_cmpint (report->n_ended, ==, atoi (ended));
      g_assert_cmpint (report->n_to_work, ==, atoi (to_work));
      if (report->participants->len > 0)
        n_with_participants++;
      for (guint j = 0; j < report->criteria->len; j++)
        {
          PlacementsReportCriterion *criterion = g_ptr_array_index (report->criteria, j);
          g_autofree char *share = NULL;

          if (criterion->measure != PLACEMENTS_CRITERION_MEASURE_TO_WORK)
            continue;
          share = placements_pilot_report_dup_share (atoi (to_work), atoi (ended));
          g_assert_cmpstr (criterion->measured, ==, share);
          n_counted_criteria++;
        }

      g_assert_true (placements_pilot_report_write_csv (report, store, csv_path, &error));
      g_assert_true (placements_report_document_write_pdf (report, store, pdf_path, &error));
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (csv_path, &csv, &csv_length, NULL));
      g_assert_true (g_file_get_contents (pdf_path, &pdf, &pdf_length, NULL));
      assert_figure (csv, "participants", (int) report->participants->len);
      assert_figure (csv, "placed-now", report->n_placed_now);
      assert_figure (csv, "ended", report->n_ended);
      assert_figure (csv, "to-work", report->n_to_work);

      for (guint j = 0; j < clients->len; j++)
        {
          PlacementsRecord *client = g_ptr_array_index (clients, j);
          g_autofree char *given = placements_record_dup_field_text (client, "given-name");
          g_autofree char *family = placements_record_dup_field_text (client, "family-name");
          g_autofree char *national_id = placements_record_dup_field_text (client,
                                                                           "national-id");
          g_autofree char *full = g_strdup_printf ("%s %s", given, family);
          g_autofree char *listed = g_strdup_printf ("%s, %s", family, given);

          g_assert_false (contains (csv, csv_length, full));
          g_assert_false (contains (csv, csv_length, listed));
          g_assert_false (contains (pdf, pdf_length, full));
          g_assert_false (contains (pdf, pdf_length, listed));
          g_assert_false (contains (csv, csv_length, placements_record_get_uuid (client)));
          if (national_id != NULL && *national_id != '\0')
            {
              g_assert_false (contains (csv, csv_length, national_id));
              g_assert_false (contains (pdf, pdf_length, national_id));
            }
        }
    }
  /* The demo's pilots have participants: the comparison compared something. */
  g_assert_cmpuint (n_with_participants, >, 0);
  g_assert_cmpuint (n_counted_criteria, >, 0);

  g_assert_finalize_object (store);
  placements_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/pilot-report/figures", test_figures);
  ADD ("/pilot-report/unknown-pilot", test_unknown_pilot);
  ADD ("/pilot-report/csv", test_csv);
  ADD ("/pilot-report/pdf", test_pdf);
  g_test_add_func ("/pilot-report/demo-agrees", test_demo_agrees);

#undef ADD

  return g_test_run ();
}
