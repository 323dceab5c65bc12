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
  g_free (participant);
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
  g_ptr_array_add (report->criteria, criterion);
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

static void
read_participant (PlacementsPilotReport *report,
                  sqlite3_stmt          *statement)
{
  PlacementsReportParticipant *participant = g_new0 (PlacementsReportParticipant, 1);
  const char *client_uuid = (const char *) sqlite3_column_text (statement, 0);
  const char *first_start = (const char *) sqlite3_column_text (statement, 1);
  const char *end = (const char *) sqlite3_column_text (statement, 4);
  g_autofree char *three_months_on = placements_date_add_months (first_start, 3);
  int status = 0;
  int outcome = PLACEMENTS_OUTCOME_NONE;

  participant->code = participant_code (report->pilot_uuid, client_uuid);
  participant->start_month = g_strndup (first_start, 7);
  placements_enum_from_nick (PLACEMENTS_TYPE_PLACEMENT_STATUS,
                             (const char *) sqlite3_column_text (statement, 2), &status);
  if (sqlite3_column_type (statement, 3) != SQLITE_NULL)
    placements_enum_from_nick (PLACEMENTS_TYPE_OUTCOME,
                               (const char *) sqlite3_column_text (statement, 3), &outcome);
  participant->status = status;
  participant->outcome = outcome;
  participant->days_placed = days_between (first_start, end != NULL ? end : report->made_on);

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
  report->partners = g_ptr_array_new_with_free_func ((GDestroyNotify) partner_free);
  report->funding = g_ptr_array_new_with_free_func ((GDestroyNotify) funding_free);
  report->criteria = g_ptr_array_new_with_free_func ((GDestroyNotify) criterion_free);
  report->participants = g_ptr_array_new_with_free_func ((GDestroyNotify) participant_free);
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
      !run (store, "SELECT description, target, measured FROM success_criterion"
                   " WHERE pilot_uuid = ?1 ORDER BY created, uuid",
            pilot_uuid, read_criterion, report, error) ||
      /* Per client: the first start in the pilot, and where the latest placement is. */
      !run (store, "SELECT client_uuid, first_start, status, outcome, actual_end_date FROM"
                   " (SELECT client_uuid, status, outcome, actual_end_date,"
                   "   min (start_date) OVER (PARTITION BY client_uuid) AS first_start,"
                   "   row_number () OVER (PARTITION BY client_uuid"
                   "     ORDER BY start_date DESC, uuid DESC) AS n"
                   "  FROM placement WHERE pilot_uuid = ?1)"
                   " WHERE n = 1",
            pilot_uuid, read_participant, report, error))
    {
      placements_store_end_read (store);
      return NULL;
    }
  placements_store_end_read (store);

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
  csv_count (csv, "started-3-months-ago", report->n_started_3_months_ago);
  csv_count (csv, "placed-after-3-months", report->n_placed_after_3_months);
  csv_count (csv, "to-work", report->n_to_work);
  for (guint i = 0; i < report->participants->len; i++)
    {
      PlacementsReportParticipant *participant = g_ptr_array_index (report->participants, i);
      g_autofree char *days = g_strdup_printf ("%d", participant->days_placed);

      csv_line (csv, "participant-start", participant->code, participant->start_month, NULL);
      csv_line (csv, "participant-status", participant->code,
                placements_enum_get_nick (PLACEMENTS_TYPE_PLACEMENT_STATUS,
                                          participant->status), NULL);
      if (participant->outcome != PLACEMENTS_OUTCOME_NONE)
        csv_line (csv, "participant-outcome", participant->code,
                  placements_enum_get_nick (PLACEMENTS_TYPE_OUTCOME, participant->outcome),
                  NULL);
      csv_line (csv, "participant-days", participant->code, days, NULL);
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
