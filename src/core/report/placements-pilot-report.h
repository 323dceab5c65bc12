#pragma once

#include <glib.h>

#include "placements-enums.h"
#include "placements-store.h"

G_BEGIN_DECLS

/*
 * What a pilot's report for its funder says: the pilot, its partners, funding and success
 * criteria, and its participants pseudonymised: each under a stable code made from the
 * pilot and the client (the same in every report of that pilot, and saying nothing of
 * the client without the database), with the month they started, where they are now and
 * how their placement ended. No name, no date of birth, no identifier and no free text
 * written about a client (evaluation notes may name people) ever goes into it.
 */

typedef struct
{
  char *organisation;
  char *role;
} PlacementsReportPartner;

typedef struct
{
  char   *funder;
  gint64  amount_cents;
  char   *start_date;
  char   *end_date;
  char   *reference;
  char   *reporting_obligation;
} PlacementsReportFunding;

typedef struct
{
  char                       *description;
  char                       *target;
  /* As entered with the evaluation, or counted from the placements when @measure says so. */
  char                       *measured;
  PlacementsCriterionMeasure  measure;
} PlacementsReportCriterion;

typedef struct
{
  char                      *code;
  /* YYYY-MM: the month of the first placement in the pilot. */
  char                      *start_month;
  PlacementsPlacementStatus  status;
  PlacementsOutcome          outcome;
  int                        days_placed;
  /* Hours a week of the latest placement: its hours, or 4 for each day part it has. */
  double                     hours_per_week;
  /* The participation ladder's rung (1–6) when the first placement started (the latest
   * assessment on or before it, else the first after) and now; 0 where not assessed. */
  int                        rung_at_start;
  int                        rung_now;
  /* YYYY-MM-DD, for the monthly figures only: never written into a report. */
  char                      *first_start;
  char                      *end_date;
} PlacementsReportParticipant;

typedef struct
{
  /* YYYY-MM */
  char *month;
  /* Participants whose first placement started that month, whose time in the pilot
   * (first start to last end, pauses included) took in its last day, and whose last
   * placement ended that month. */
  int   started;
  int   placed;
  int   ended;
} PlacementsReportMonth;

typedef struct
{
  char                  *pilot_uuid;
  char                  *name;
  PlacementsPilotStatus  status;
  char                  *start_date;
  char                  *evaluation_date;
  char                  *scale_up_date;
  int                    target_participants;
  /* YYYY-MM-DD, the day the report was made. */
  char                  *made_on;

  GPtrArray             *partners;      /* PlacementsReportPartner* */
  GPtrArray             *funding;       /* PlacementsReportFunding* */
  GPtrArray             *criteria;      /* PlacementsReportCriterion* */
  GPtrArray             *participants;  /* PlacementsReportParticipant*, by code */
  GPtrArray             *months;        /* PlacementsReportMonth*, the last 24 at most */

  /* Figures over the participants. */
  int                    n_placed_now;
  int                    n_paused;
  int                    n_ended;
  int                    n_by_outcome[PLACEMENTS_OUTCOME_DROPPED_OUT + 1];
  /* Of those who started three months ago or longer, those still placed three months on. */
  int                    n_started_3_months_ago;
  int                    n_placed_after_3_months;
  /* Ended towards work: sheltered work, a regular job or a job with a wage subsidy. */
  int                    n_to_work;
  /* Hours a week of those placed now, together. */
  double                 hours_per_week_now;
  /* Day parts marked present at the pilot's placements while they ran, and their hours
   * (four a day part): what attendance says, where it is kept. */
  int                    day_parts_attended;
  double                 hours_attended;
  /* Average days a placement of the pilot spent in each status (PlacementsPlacementStatus;
   * ended is not a stay), from its steps; -1 where no placement was in it. */
  double                 average_days[6];
  /* The ladder from start to now, of those assessed both times. */
  int                    n_ladder_up;
  int                    n_ladder_same;
  int                    n_ladder_down;

  /* The store it is read from, while it is being made; NULL after. */
  PlacementsStore       *store;

  /* Only for the access log, which must say whose data a report was made of; never
   * written into the report. */
  GPtrArray             *client_uuids;  /* char*, sorted */
} PlacementsPilotReport;

PlacementsPilotReport *placements_pilot_report_new       (PlacementsStore        *store,
                                                          const char             *pilot_uuid,
                                                          const char             *today,
                                                          GError                **error);
void                   placements_pilot_report_free      (PlacementsPilotReport  *report);

/* The report as comma-separated values, one line per item: section, item, value, target. */
char                  *placements_pilot_report_to_csv    (PlacementsPilotReport  *report);
/* Writes it to @path (mode 0600, never half-written) and logs it. */
gboolean               placements_pilot_report_write_csv (PlacementsPilotReport  *report,
                                                          PlacementsStore        *store,
                                                          const char             *path,
                                                          GError                **error);
/* Writes @data, @report drawn as @format ("csv", "pdf"), to @path as the CSV above. */
gboolean               placements_pilot_report_save      (PlacementsPilotReport  *report,
                                                          PlacementsStore        *store,
                                                          const char             *path,
                                                          const char             *data,
                                                          gsize                   length,
                                                          const char             *format,
                                                          GError                **error);
/*
 * Logs a report or a print made of @report (@action PLACEMENTS_AUDIT_ACTION_REPORT or
 * PLACEMENTS_AUDIT_ACTION_PRINT): its participants' UUIDs as the records, so that the
 * log of each client shows it, and the pilot and @format in the detail.
 */
gboolean               placements_pilot_report_log       (PlacementsPilotReport  *report,
                                                          PlacementsStore        *store,
                                                          PlacementsAuditAction   action,
                                                          const char             *format,
                                                          GError                **error);

/* "3 of 6 (50%)", translated; "–" when @whole is 0. */
char                  *placements_pilot_report_dup_share (int                     part,
                                                          int                     whole);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlacementsPilotReport, placements_pilot_report_free)

G_END_DECLS
