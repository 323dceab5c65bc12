#define G_LOG_DOMAIN "placements-report"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "placements-csv.h"
#include "placements-enum-types.h"
#include "placements-error.h"
#include "placements-pilot-report.h"
#include "placements-pilot-steps.h"
#include "placements-placement-steps.h"
#include "placements-placing.h"
#include "placements-private-file.h"
#include "placements-store-private.h"

static void
partner_free (PlacementsReportPartner *partner)
{
  g_free (partner->organisation);
  g_free (partner->role);
  g_free (partner);
}

static void
funding_free (PlacementsReportFunding *funding)
{
  g_free (funding->funder);
  g_free (funding->start_date);
  g_free (funding->end_date);
  g_free (funding->reference);
  g_free (funding->reporting_obligation);
  g_free (funding);
}

static void
criterion_free (PlacementsReportCriterion *criterion)
{
  g_free (criterion->description);
  g_free (criterion->target);
  g_free (criterion->measured);
  g_free (criterion);
}

static void
participant_free (PlacementsReportParticipant *participant)
{
  g_free (participant->code);
  g_free (participant->start_month);
  g_free (participant->first_start);
  g_free (participant->end_date);
  g_free (participant);
}

static void
month_free (PlacementsReportMonth *month)
{
  g_free (month->month);
  g_free (month);
}

void
placements_pilot_report_free (PlacementsPilotReport *report)
{
  if (report == NULL)
    return;
  g_free (report->pilot_uuid);
  g_free (report->name);
  g_free (report->start_date);
  g_free (report->evaluation_date);
  g_free (report->scale_up_date);
  g_free (report->made_on);
  g_clear_pointer (&report->partners, g_ptr_array_unref);
  g_clear_pointer (&report->funding, g_ptr_array_unref);
  g_clear_pointer (&report->criteria, g_ptr_array_unref);
  g_clear_pointer (&report->participants, g_ptr_array_unref);
  g_clear_pointer (&report->months, g_ptr_array_unref);
  g_clear_pointer (&report->client_uuids, g_ptr_array_unref);
  g_free (report);
}

static char *
column_text (sqlite3_stmt *statement,
             int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (statement, column));
}

/*
 * A participant's code: the first 8 hex digits of SHA-256 over the pilot's and the
 * client's UUIDs. The same in every report of the pilot; another pilot's report gives
 * the same client another code, so that two reports cannot be joined on it.
 */
static char *
participant_code (const char *pilot_uuid,
                  const char *client_uuid)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *upper = NULL;

  g_checksum_update (checksum, (const guchar *) pilot_uuid, -1);
  g_checksum_update (checksum, (const guchar *) ":", 1);
  g_checksum_update (checksum, (const guchar *) client_uuid, -1);
  upper = g_ascii_strup (g_checksum_get_string (checksum), 8);
  return g_strdup_printf ("P-%s", upper);
}

static int
compare_participants (gconstpointer a,
                      gconstpointer b)
{
  const PlacementsReportParticipant *first = *(PlacementsReportParticipant * const *) a;
  const PlacementsReportParticipant *second = *(PlacementsReportParticipant * const *) b;

  return strcmp (first->code, second->code);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
run (PlacementsStore  *store,
     const char       *sql,
     const char       *pilot_uuid,
     void            (*row) (PlacementsPilotReport *, sqlite3_stmt *),
     PlacementsPilotReport *report,
     GError          **error)
{
  sqlite3_stmt *statement = placements_store_prepare (store, sql, error);
  int rc;

  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, pilot_uuid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    row (report, statement);
  if (rc != SQLITE_DONE)
    placements_store_set_sqlite_error (store, error, "report");
  sqlite3_reset (statement);
  return rc == SQLITE_DONE;
}

static void
read_pilot (PlacementsPilotReport *report,
            sqlite3_stmt          *statement)
{
  int status = 0;

  report->name = column_text (statement, 0);
  placements_enum_from_nick (PLACEMENTS_TYPE_PILOT_STATUS,
                             (const char *) sqlite3_column_text (statement, 1), &status);
  report->status = status;
  report->start_date = column_text (statement, 2);
  report->evaluation_date = column_text (statement, 3);
  report->scale_up_date = column_text (statement, 4);
  report->target_participants = sqlite3_column_int (statement, 5);
}

static void
read_partner (PlacementsPilotReport *report,
              sqlite3_stmt          *statement)
{
  PlacementsReportPartner *partner = g_new0 (PlacementsReportPartner, 1);

  partner->organisation = column_text (statement, 0);
  partner->role = column_text (statement, 1);
  g_ptr_array_add (report->partners, partner);
}

static void
read_funding (PlacementsPilotReport *report,
              sqlite3_stmt          *statement)
{
  PlacementsReportFunding *funding = g_new0 (PlacementsReportFunding, 1);

  funding->funder = column_text (statement, 0);
  funding->amount_cents = sqlite3_column_int64 (statement, 1);
  funding->start_date = column_text (statement, 2);
  funding->end_date = column_text (statement, 3);
  funding->reference = column_text (statement, 4);
  funding->reporting_obligation = column_text (statement, 5);
  g_ptr_array_add (report->funding, funding);
}

static void
read_criterion (PlacementsPilotReport *report,
                sqlite3_stmt          *statement)
{
  PlacementsReportCriterion *criterion = g_new0 (PlacementsReportCriterion, 1);

  criterion->description = column_text (statement, 0);
  criterion->target = column_text (statement, 1);
  criterion->measured = column_text (statement, 2);
  if (sqlite3_column_type (statement, 3) != SQLITE_NULL)
    {
      int measure = PLACEMENTS_CRITERION_MEASURE_NONE;

      placements_enum_from_nick (PLACEMENTS_TYPE_CRITERION_MEASURE,
                                 (const char *) sqlite3_column_text (statement, 3), &measure);
      criterion->measure = measure;
    }
  g_ptr_array_add (report->criteria, criterion);
}

/* A criterion that is a count or a share takes its value from the figures, the same ones
 * the evaluation shows: never a number typed in earlier and left behind. */
static void
measure_criteria (PlacementsPilotReport *report)
{
  for (guint i = 0; i < report->criteria->len; i++)
    {
      PlacementsReportCriterion *criterion = g_ptr_array_index (report->criteria, i);
      char *measured = NULL;

      switch (criterion->measure)
        {
        case PLACEMENTS_CRITERION_MEASURE_PARTICIPANTS:
          measured = g_strdup_printf ("%u", report->participants->len);
          break;
        case PLACEMENTS_CRITERION_MEASURE_PLACED_AFTER_3_MONTHS:
          measured = placements_pilot_report_dup_share (report->n_placed_after_3_months,
                                                        report->n_started_3_months_ago);
          break;
        case PLACEMENTS_CRITERION_MEASURE_TO_WORK:
          measured = placements_pilot_report_dup_share (report->n_to_work, report->n_ended);
          break;
        case PLACEMENTS_CRITERION_MEASURE_NONE:
        default:
          continue;
        }
      g_free (criterion->measured);
      criterion->measured = measured;
    }
}

/* Whole days from @from to @to, both YYYY-MM-DD. */
static int
days_between (const char *from,
              const char *to)
{
  int y1, m1, d1, y2, m2, d2;
  g_autoptr(GDate) first = NULL;
  g_autoptr(GDate) second = NULL;

  if (from == NULL || to == NULL ||
      sscanf (from, "%d-%d-%d", &y1, &m1, &d1) != 3 ||
      sscanf (to, "%d-%d-%d", &y2, &m2, &d2) != 3 ||
      !g_date_valid_dmy (d1, m1, y1) || !g_date_valid_dmy (d2, m2, y2))
    return 0;
  first = g_date_new_dmy (d1, m1, y1);
  second = g_date_new_dmy (d2, m2, y2);
  return MAX (0, g_date_days_between (first, second));
}

/* The bits set in @bits: the day parts of a day pattern. */
static guint
count_bits (guint bits)
{
  guint n = 0;

  for (; bits != 0; bits &= bits - 1)
    n++;
  return n;
}

static int
query_rung (PlacementsStore *store,
            const char      *sql,
            const char      *client_uuid,
            const char      *date)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *statement = placements_store_prepare (store, sql, &error);
  int rung = 0;

  if (statement == NULL)
    return 0;
  sqlite3_bind_text (statement, 1, client_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, date, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) == SQLITE_ROW)
    rung = sqlite3_column_int (statement, 0);
  sqlite3_reset (statement);
  return rung;
}

static void
read_rungs (PlacementsPilotReport       *report,
            const char                  *client_uuid,
            const char                  *first_start,
            PlacementsReportParticipant *participant)
{
  PlacementsStore *store = report->store;

  participant->rung_at_start =
    query_rung (store, "SELECT rung FROM ladder_step WHERE client_uuid = ?1 AND date <= ?2"
                       " ORDER BY date DESC, id DESC LIMIT 1", client_uuid, first_start);
  if (participant->rung_at_start == 0)
    participant->rung_at_start =
      query_rung (store, "SELECT rung FROM ladder_step WHERE client_uuid = ?1 AND date > ?2"
                         " ORDER BY date, id LIMIT 1", client_uuid, first_start);
  participant->rung_now =
    query_rung (store, "SELECT rung FROM ladder_step WHERE client_uuid = ?1 AND date <= ?2"
                       " ORDER BY date DESC, id DESC LIMIT 1", client_uuid, report->made_on);
  if (participant->rung_at_start == 0 || participant->rung_now == 0)
    return;
  if (participant->rung_now > participant->rung_at_start)
    report->n_ladder_up++;
  else if (participant->rung_now < participant->rung_at_start)
    report->n_ladder_down++;
  else
    report->n_ladder_same++;
}

/* A participant's latest placement in the pilot, and the day their first one started. */
typedef struct
{
  char    *client_uuid;
  char    *first_start;
  char    *status;
  char    *outcome;
  char    *end;
  gboolean has_hours;
  double   hours_per_week;
  int      day_pattern;
} LatestPlacement;

static void
latest_placement_clear (LatestPlacement *latest)
{
  g_clear_pointer (&latest->client_uuid, g_free);
  g_clear_pointer (&latest->first_start, g_free);
  g_clear_pointer (&latest->status, g_free);
  g_clear_pointer (&latest->outcome, g_free);
  g_clear_pointer (&latest->end, g_free);
}

static void
add_participant (PlacementsPilotReport *report,
                 const LatestPlacement *latest)
{
  PlacementsReportParticipant *participant = g_new0 (PlacementsReportParticipant, 1);
  const char *client_uuid = latest->client_uuid;
  const char *first_start = latest->first_start;
  const char *end = latest->end;
  g_autofree char *three_months_on = placements_date_add_months (first_start, 3);
  int status = 0;
  int outcome = PLACEMENTS_OUTCOME_NONE;

  participant->code = participant_code (report->pilot_uuid, client_uuid);
  participant->start_month = g_strndup (first_start, 7);
  placements_enum_from_nick (PLACEMENTS_TYPE_PLACEMENT_STATUS, latest->status, &status);
  if (latest->outcome != NULL)
    placements_enum_from_nick (PLACEMENTS_TYPE_OUTCOME, latest->outcome, &outcome);
  participant->status = status;
  participant->outcome = outcome;
  participant->days_placed = days_between (first_start, end != NULL ? end : report->made_on);
  participant->first_start = g_strdup (first_start);
  participant->end_date = g_strdup (end);
  if (latest->has_hours)
    participant->hours_per_week = latest->hours_per_week;
  else
    /* Four hours a day part, as day activities count them. */
    participant->hours_per_week = 4.0 * count_bits (latest->day_pattern);
  if (placements_placement_status_holds_place (status))
    report->hours_per_week_now += participant->hours_per_week;
  read_rungs (report, client_uuid, first_start, participant);

  if (placements_placement_status_holds_place (status))
    report->n_placed_now++;
  else if (status == PLACEMENTS_PLACEMENT_STATUS_PAUSED)
    report->n_paused++;
  else if (status == PLACEMENTS_PLACEMENT_STATUS_ENDED)
    report->n_ended++;
  if (status == PLACEMENTS_PLACEMENT_STATUS_ENDED && outcome >= 0 &&
      outcome < (int) G_N_ELEMENTS (report->n_by_outcome))
    report->n_by_outcome[outcome]++;
  if (status == PLACEMENTS_PLACEMENT_STATUS_ENDED &&
      (outcome == PLACEMENTS_OUTCOME_SHELTERED_WORK || outcome == PLACEMENTS_OUTCOME_REGULAR_JOB ||
       outcome == PLACEMENTS_OUTCOME_JOB_WITH_WAGE_SUBSIDY))
    report->n_to_work++;
  if (three_months_on != NULL && strcmp (three_months_on, report->made_on) <= 0)
    {
      report->n_started_3_months_ago++;
      if (end == NULL || strcmp (end, three_months_on) >= 0)
        report->n_placed_after_3_months++;
    }

  g_ptr_array_add (report->participants, participant);
  g_ptr_array_add (report->client_uuids, g_strdup (client_uuid));
}

/*
 * Each client placed in the pilot is one participant, judged by their latest placement in
 * it and counted from the start of their first. The placements come sorted by client and
 * newest first, so a client's first row is the latest and their last row the first: one
 * pass, where a window function over the same rows sorts them twice (40 ms of the
 * evaluation's 200 at 20,000 participants).
 */
static gboolean
read_participants (PlacementsPilotReport  *report,
                   GError                **error)
{
  sqlite3_stmt *statement =
    placements_store_prepare (report->store,
                              "SELECT client_uuid, start_date, status, outcome,"
                              " actual_end_date, hours_per_week, day_pattern"
                              " FROM placement WHERE pilot_uuid = ?1"
                              " ORDER BY client_uuid, start_date DESC, uuid DESC", error);
  LatestPlacement latest = { 0 };
  int rc;

  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, report->pilot_uuid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      const char *client_uuid = (const char *) sqlite3_column_text (statement, 0);

      if (g_strcmp0 (client_uuid, latest.client_uuid) == 0)
        {
          g_free (latest.first_start);
          latest.first_start = g_strdup ((const char *) sqlite3_column_text (statement, 1));
          continue;
        }
      if (latest.client_uuid != NULL)
        add_participant (report, &latest);
      latest_placement_clear (&latest);
      latest.client_uuid = g_strdup (client_uuid);
      latest.first_start = g_strdup ((const char *) sqlite3_column_text (statement, 1));
      latest.status = g_strdup ((const char *) sqlite3_column_text (statement, 2));
      latest.outcome = g_strdup ((const char *) sqlite3_column_text (statement, 3));
      latest.end = g_strdup ((const char *) sqlite3_column_text (statement, 4));
      latest.has_hours = sqlite3_column_type (statement, 5) != SQLITE_NULL;
      latest.hours_per_week = sqlite3_column_double (statement, 5);
      latest.day_pattern = sqlite3_column_int (statement, 6);
    }
  if (rc == SQLITE_DONE && latest.client_uuid != NULL)
    add_participant (report, &latest);
  latest_placement_clear (&latest);
  if (rc != SQLITE_DONE)
    placements_store_set_sqlite_error (report->store, error, "report");
  sqlite3_reset (statement);
  return rc == SQLITE_DONE;
}

/*
 * Average days in each status: each step of a placement of the pilot lasts until its next
 * step, the last one until the placement ended or today.
 */
/*
 * Attendance: each day part marked present while a placement of the pilot ran, at its
 * workplace (or with no workplace noted), counted once however many placements cover it.
 * Read per placement through the attendance's (client, date) index, never the whole table.
 */
static gboolean
read_attendance (PlacementsPilotReport  *report,
                 GError                **error)
{
  sqlite3_stmt *statement =
    placements_store_prepare (report->store,
                              "SELECT count (DISTINCT a.id) FROM placement p"
                              " JOIN attendance a ON a.client_uuid = p.client_uuid"
                              "  AND a.date >= p.start_date"
                              "  AND a.date <= coalesce (p.actual_end_date, ?2)"
                              " WHERE p.pilot_uuid = ?1 AND a.status = 'present'"
                              "  AND (a.workplace_uuid IS NULL"
                              "       OR a.workplace_uuid = p.workplace_uuid)", error);
  int rc;

  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, report->pilot_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, report->made_on, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (statement);
  if (rc == SQLITE_ROW)
    {
      report->day_parts_attended = sqlite3_column_int (statement, 0);
      /* Four hours a day part, as day activities count them. */
      report->hours_attended = 4.0 * report->day_parts_attended;
    }
  else
    placements_store_set_sqlite_error (report->store, error, "report");
  sqlite3_reset (statement);
  return rc == SQLITE_ROW;
}

static gboolean
read_steps (PlacementsPilotReport  *report,
            GError                **error)
{
  double total[G_N_ELEMENTS (report->average_days)] = { 0 };
  int count[G_N_ELEMENTS (report->average_days)] = { 0 };
  g_autofree char *placement = NULL;
  g_autofree char *date = NULL;
  int status = -1;
  sqlite3_stmt *statement;
  int rc;

  statement = placements_store_prepare (report->store,
    "SELECT s.placement_uuid, s.status, s.date, p.actual_end_date FROM placement_step s"
    " JOIN placement p ON p.uuid = s.placement_uuid WHERE p.pilot_uuid = ?1"
    " ORDER BY s.placement_uuid, s.date, s.id", error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, report->pilot_uuid, -1, SQLITE_TRANSIENT);
  for (;;)
    {
      const char *next_placement = NULL;
      const char *next_date = NULL;

      rc = sqlite3_step (statement);
      if (rc == SQLITE_ROW)
        {
          next_placement = (const char *) sqlite3_column_text (statement, 0);
          next_date = (const char *) sqlite3_column_text (statement, 2);
        }
      /* The step before ends here: at the next step of the same placement, or, as its
       * last, when the placement ended or today. */
      if (placement != NULL && status >= 0 && status < PLACEMENTS_PLACEMENT_STATUS_ENDED)
        {
          const char *until = g_strcmp0 (next_placement, placement) == 0 ? next_date :
                              report->made_on;

          total[status] += days_between (date, until);
          count[status]++;
        }
      if (rc != SQLITE_ROW)
        break;
      g_free (placement);
      placement = g_strdup (next_placement);
      g_free (date);
      date = g_strdup (next_date);
      if (!placements_enum_from_nick (PLACEMENTS_TYPE_PLACEMENT_STATUS,
                                      (const char *) sqlite3_column_text (statement, 1),
                                      &status))
        status = -1;
    }
  if (rc != SQLITE_DONE)
    placements_store_set_sqlite_error (report->store, error, "placement_step");
  sqlite3_reset (statement);
  for (guint i = 0; i < G_N_ELEMENTS (report->average_days); i++)
    report->average_days[i] = count[i] > 0 ? total[i] / count[i] : -1;
  return rc == SQLITE_DONE;
}

/* The last day of the month @year-@month, as YYYY-MM-DD. */
static char *
month_end (int year,
           int month)
{
  return g_strdup_printf ("%04d-%02d-%02d", year, month,
                          g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year));
}

/* Participants over time, month by month from the first start to the report's month. */
static void
count_months (PlacementsPilotReport *report)
{
  const char *earliest = NULL;
  int year;
  int month;
  int last_year;
  int last_month;

  for (guint i = 0; i < report->participants->len; i++)
    {
      PlacementsReportParticipant *participant = g_ptr_array_index (report->participants, i);

      if (earliest == NULL || strcmp (participant->first_start, earliest) < 0)
        earliest = participant->first_start;
    }
  if (earliest == NULL || sscanf (earliest, "%d-%d", &year, &month) != 2 ||
      sscanf (report->made_on, "%d-%d", &last_year, &last_month) != 2)
    return;
  /* The last two years at most: a chart of more says less. */
  if ((last_year - year) * 12 + (last_month - month) >= 24)
    {
      year = last_year - 2 + (last_month == 12 ? 1 : 0);
      month = last_month % 12 + 1;
    }
  while (year < last_year || (year == last_year && month <= last_month))
    {
      PlacementsReportMonth *row = g_new0 (PlacementsReportMonth, 1);
      g_autofree char *end = month_end (year, month);

      row->month = g_strdup_printf ("%04d-%02d", year, month);
      for (guint i = 0; i < report->participants->len; i++)
        {
          PlacementsReportParticipant *participant =
            g_ptr_array_index (report->participants, i);

          if (g_str_has_prefix (participant->first_start, row->month))
            row->started++;
          if (participant->end_date != NULL &&
              g_str_has_prefix (participant->end_date, row->month))
            row->ended++;
          if (strcmp (participant->first_start, end) <= 0 &&
              (participant->end_date == NULL || strcmp (participant->end_date, end) > 0))
            row->placed++;
        }
      g_ptr_array_add (report->months, row);
      if (++month > 12)
        {
          month = 1;
          year++;
        }
    }
}

PlacementsPilotReport *
placements_pilot_report_new (PlacementsStore  *store,
                             const char       *pilot_uuid,
                             const char       *today,
                             GError          **error)
{
  g_autoptr(PlacementsPilotReport) report = g_new0 (PlacementsPilotReport, 1);

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);
  g_return_val_if_fail (pilot_uuid != NULL && today != NULL, NULL);

  report->pilot_uuid = g_strdup (pilot_uuid);
  report->made_on = g_strdup (today);
  report->store = store;
  report->partners = g_ptr_array_new_with_free_func ((GDestroyNotify) partner_free);
  report->funding = g_ptr_array_new_with_free_func ((GDestroyNotify) funding_free);
  report->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) criterion_free);
  report->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) participant_free);
  report->months = g_ptr_array_new_with_free_func ((GDestroyNotify) month_free);
  report->client_uuids = g_ptr_array_new_with_free_func (g_free);

  /* One read transaction: the figures and the lists are of the same moment. */
  if (!placements_store_begin_read (store, error))
    return NULL;
  if (!run (store, "SELECT name, status, start_date, evaluation_date, scale_up_date,"
                   " target_participants FROM pilot WHERE uuid = ?1",
            pilot_uuid, read_pilot, report, error) ||
      !run (store, "SELECT o.name, pp.role FROM pilot_partner pp"
                   " JOIN organisation o ON o.uuid = pp.organisation_uuid"
                   " WHERE pp.pilot_uuid = ?1 ORDER BY o.sort_key, o.uuid",
            pilot_uuid, read_partner, report, error) ||
      !run (store, "SELECT o.name, f.amount_cents, f.start_date, f.end_date, f.reference,"
                   " f.reporting_obligation FROM funding f"
                   " JOIN organisation o ON o.uuid = f.funder_uuid"
                   " WHERE f.pilot_uuid = ?1 ORDER BY f.start_date, f.uuid",
            pilot_uuid, read_funding, report, error) ||
      !run (store, "SELECT description, target, measured, measure FROM success_criterion"
                   " WHERE pilot_uuid = ?1 ORDER BY created, uuid",
            pilot_uuid, read_criterion, report, error) ||
      /* Per client: the first start in the pilot, and where the latest placement is. */
      !read_participants (report, error))
    {
      placements_store_end_read (store);
      report->store = NULL;
      return NULL;
    }
  if (!read_steps (report, error) || !read_attendance (report, error))
    {
      placements_store_end_read (store);
      report->store = NULL;
      return NULL;
    }
  placements_store_end_read (store);
  report->store = NULL;
  count_months (report);
  measure_criteria (report);

  if (report->name == NULL)
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NOT_FOUND,
                   _("There is no pilot with UUID “%s”"), pilot_uuid);
      return NULL;
    }
  g_ptr_array_sort (report->participants, compare_participants);
  g_ptr_array_sort (report->client_uuids, compare_strings);
  return g_steal_pointer (&report);
}

char *
placements_pilot_report_dup_share (int part,
                                   int whole)
{
  if (whole <= 0)
    return g_strdup ("–");
  /* Translators: a share of participants, as "3 of 6 (50%)". */
  return g_strdup_printf (_("%d of %d (%d%%)"), part, whole,
                          (int) ((part * 100.0) / whole + 0.5));
}

static void
csv_line (GString    *csv,
          const char *section,
          const char *item,
          const char *value,
          const char *target)
{
  placements_csv_append_field (csv, section);
  g_string_append_c (csv, ',');
  placements_csv_append_field (csv, item);
  g_string_append_c (csv, ',');
  placements_csv_append_field (csv, value);
  g_string_append_c (csv, ',');
  placements_csv_append_field (csv, target);
  placements_csv_end_record (csv);
}

static void
csv_count (GString    *csv,
           const char *item,
           int         value)
{
  g_autofree char *text = g_strdup_printf ("%d", value);

  csv_line (csv, "figure", item, text, NULL);
}

/*
 * Untranslated codes in the first two columns, as every file for programs: the
 * funder's office reads it with a spreadsheet or a script.
 */
char *
placements_pilot_report_to_csv (PlacementsPilotReport *report)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autofree char *target = g_strdup_printf ("%d", report->target_participants);
  g_autofree char *n_participants = g_strdup_printf ("%u", report->participants->len);

  csv_line (csv, "section", "item", "value", "target");
  csv_line (csv, "pilot", "name", report->name, NULL);
  csv_line (csv, "pilot", "status",
            placements_enum_get_nick (PLACEMENTS_TYPE_PILOT_STATUS, report->status), NULL);
  csv_line (csv, "pilot", "start-date", report->start_date, NULL);
  csv_line (csv, "pilot", "evaluation-date", report->evaluation_date, NULL);
  csv_line (csv, "pilot", "scale-up-date", report->scale_up_date, NULL);
  csv_line (csv, "pilot", "report-date", report->made_on, NULL);
  for (guint i = 0; i < report->partners->len; i++)
    {
      PlacementsReportPartner *partner = g_ptr_array_index (report->partners, i);

      csv_line (csv, "partner", partner->organisation, partner->role, NULL);
    }
  for (guint i = 0; i < report->funding->len; i++)
    {
      PlacementsReportFunding *funding = g_ptr_array_index (report->funding, i);
      g_autofree char *amount = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d",
                                                 funding->amount_cents / 100,
                                                 (int) (funding->amount_cents % 100));
      g_autofree char *period = g_strdup_printf ("%s/%s",
                                                 funding->start_date ?: "",
                                                 funding->end_date ?: "");

      csv_line (csv, "funding", funding->funder, amount, NULL);
      csv_line (csv, "funding-period", funding->funder, period, NULL);
      csv_line (csv, "funding-reference", funding->funder, funding->reference, NULL);
      csv_line (csv, "funding-reporting", funding->funder, funding->reporting_obligation,
                NULL);
    }
  for (guint i = 0; i < report->criteria->len; i++)
    {
      PlacementsReportCriterion *criterion = g_ptr_array_index (report->criteria, i);

      csv_line (csv, "criterion", criterion->description, criterion->measured,
                criterion->target);
    }
  csv_line (csv, "figure", "participants", n_participants, target);
  csv_count (csv, "placed-now", report->n_placed_now);
  csv_count (csv, "paused", report->n_paused);
  csv_count (csv, "ended", report->n_ended);
  for (int outcome = PLACEMENTS_OUTCOME_SHELTERED_WORK;
       outcome < (int) G_N_ELEMENTS (report->n_by_outcome); outcome++)
    {
      g_autofree char *item = g_strdup_printf ("outcome-%s",
                                               placements_enum_get_nick (PLACEMENTS_TYPE_OUTCOME,
                                                                         outcome));

      csv_count (csv, item, report->n_by_outcome[outcome]);
    }
  {
    g_autofree char *hours = g_strdup_printf ("%.1f", report->hours_per_week_now);

    csv_line (csv, "figure", "hours-per-week-now", hours, NULL);
  }
  csv_count (csv, "day-parts-attended", report->day_parts_attended);
  {
    g_autofree char *hours = g_strdup_printf ("%.1f", report->hours_attended);

    csv_line (csv, "figure", "hours-attended", hours, NULL);
  }
  for (int status = 0; status < PLACEMENTS_PLACEMENT_STATUS_ENDED; status++)
    {
      g_autofree char *item = g_strdup_printf ("average-days-%s",
                                               placements_enum_get_nick (
                                                 PLACEMENTS_TYPE_PLACEMENT_STATUS, status));
      g_autofree char *days = report->average_days[status] < 0 ? NULL :
                              g_strdup_printf ("%.1f", report->average_days[status]);

      csv_line (csv, "figure", item, days, NULL);
    }
  csv_count (csv, "ladder-up", report->n_ladder_up);
  csv_count (csv, "ladder-same", report->n_ladder_same);
  csv_count (csv, "ladder-down", report->n_ladder_down);
  csv_count (csv, "started-3-months-ago", report->n_started_3_months_ago);
  csv_count (csv, "placed-after-3-months", report->n_placed_after_3_months);
  csv_count (csv, "to-work", report->n_to_work);
  for (guint i = 0; i < report->months->len; i++)
    {
      PlacementsReportMonth *month = g_ptr_array_index (report->months, i);
      g_autofree char *started = g_strdup_printf ("%d", month->started);
      g_autofree char *placed = g_strdup_printf ("%d", month->placed);
      g_autofree char *ended = g_strdup_printf ("%d", month->ended);

      csv_line (csv, "month-started", month->month, started, NULL);
      csv_line (csv, "month-placed", month->month, placed, NULL);
      csv_line (csv, "month-ended", month->month, ended, NULL);
    }
  for (guint i = 0; i < report->participants->len; i++)
    {
      PlacementsReportParticipant *participant = g_ptr_array_index (report->participants, i);
      g_autofree char *days = g_strdup_printf ("%d", participant->days_placed);
      g_autofree char *hours = g_strdup_printf ("%.1f", participant->hours_per_week);
      g_autofree char *rung_at_start = g_strdup_printf ("%d", participant->rung_at_start);
      g_autofree char *rung_now = g_strdup_printf ("%d", participant->rung_now);

      csv_line (csv, "participant-start", participant->code, participant->start_month, NULL);
      csv_line (csv, "participant-status", participant->code,
                placements_enum_get_nick (PLACEMENTS_TYPE_PLACEMENT_STATUS,
                                          participant->status), NULL);
      if (participant->outcome != PLACEMENTS_OUTCOME_NONE)
        csv_line (csv, "participant-outcome", participant->code,
                  placements_enum_get_nick (PLACEMENTS_TYPE_OUTCOME, participant->outcome),
                  NULL);
      csv_line (csv, "participant-days", participant->code, days, NULL);
      csv_line (csv, "participant-hours", participant->code, hours, NULL);
      if (participant->rung_at_start > 0)
        csv_line (csv, "participant-rung-at-start", participant->code, rung_at_start, NULL);
      if (participant->rung_now > 0)
        csv_line (csv, "participant-rung-now", participant->code, rung_now, NULL);
    }
  return g_string_free (g_steal_pointer (&csv), FALSE);
}

gboolean
placements_pilot_report_log (PlacementsPilotReport  *report,
                             PlacementsStore        *store,
                             PlacementsAuditAction   action,
                             const char             *format,
                             GError                **error)
{
  g_autoptr(GString) uuids = g_string_new (NULL);
  g_autofree char *detail = NULL;

  g_return_val_if_fail (action == PLACEMENTS_AUDIT_ACTION_REPORT ||
                        action == PLACEMENTS_AUDIT_ACTION_PRINT, FALSE);

  for (guint i = 0; i < report->client_uuids->len; i++)
    {
      if (i > 0)
        g_string_append_c (uuids, ',');
      g_string_append (uuids, g_ptr_array_index (report->client_uuids, i));
    }
  /* Untranslated, as every detail: what a program reading the log back can match. */
  detail = g_strdup_printf ("pilot-report %s %s", format, report->pilot_uuid);
  return placements_store_write_audit_event (store, action, "client", uuids->str, detail,
                                             error);
}

gboolean
placements_pilot_report_save (PlacementsPilotReport  *report,
                              PlacementsStore        *store,
                              const char             *path,
                              const char             *data,
                              gsize                   length,
                              const char             *format,
                              GError                **error)
{
  g_autoptr(PlacementsPrivateFile) file = NULL;

  /* As an export: the file under a temporary name, then its log entry, then in place, so
   * that a kill leaves no report the log never heard of. */
  file = placements_private_file_new (path, error);
  return file != NULL &&
         placements_private_file_write_all (file, data, length, error) &&
         placements_private_file_link (file, error) &&
         placements_pilot_report_log (report, store, PLACEMENTS_AUDIT_ACTION_REPORT, format,
                                      error) &&
         placements_private_file_replace (file, error);
}

gboolean
placements_pilot_report_write_csv (PlacementsPilotReport  *report,
                                   PlacementsStore        *store,
                                   const char             *path,
                                   GError                **error)
{
  g_autofree char *csv = placements_pilot_report_to_csv (report);

  return placements_pilot_report_save (report, store, path, csv, strlen (csv), "csv", error);
}
