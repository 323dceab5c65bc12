#pragma once

#include <gio/gio.h>

#include "placements-enums.h"
#include "placements-placement.h"
#include "placements-store.h"

G_BEGIN_DECLS

/*
 * A placement's steps: registered → introduction (settling in) → trial → active ⇄
 * paused → ended, each taken on a date and kept in the placement's history (the
 * placement_step table), which the window shows as a timeline. Every function writes
 * all or nothing, in one transaction.
 */

/**
 * PlacementsPlaceWarnings:
 * @PLACEMENTS_PLACE_WARNING_NONE: nothing to confirm
 * @PLACEMENTS_PLACE_WARNING_OVER_CAPACITY: the workplace has no free place for it
 * @PLACEMENTS_PLACE_WARNING_BUDDY_OVER_MAXIMUM: the buddy already has their maximum
 *
 * Limits a coordinator may pass when they confirm it; the confirmed ones are recorded
 * with the step.
 */
typedef enum /*< flags >*/
{
  PLACEMENTS_PLACE_WARNING_NONE = 0,
  PLACEMENTS_PLACE_WARNING_OVER_CAPACITY = 1 << 0,
  PLACEMENTS_PLACE_WARNING_BUDDY_OVER_MAXIMUM = 1 << 1,
} PlacementsPlaceWarnings;

/* One step of the history. */
typedef struct
{
  PlacementsPlacementStatus status;
  /* YYYY-MM-DD */
  char                     *date;
  PlacementsPlaceWarnings   warnings;
} PlacementsPlacementStep;

void placements_placement_step_free (PlacementsPlacementStep *step);

/* Whether a placement with status @from may take the step to @to. Ending is possible
 * from every status but ended. */
gboolean placements_placement_can_move (PlacementsPlacementStatus from,
                                        PlacementsPlacementStatus to);

/*
 * Refuses (PLACEMENTS_ERROR_CONFLICT, naming the other placement's dates) a placement
 * whose dates overlap another placement of the same client at the same workplace that
 * has not ended. The store runs it for every placement saved, so the window, the CLI
 * and the exchange all meet it.
 */
gboolean placements_placement_check_overlap (PlacementsStore      *store,
                                             PlacementsPlacement  *placement,
                                             GError              **error);

/* The limits @placement would pass if it took a place now (it need not hold one yet). */
PlacementsPlaceWarnings placements_placement_find_warnings (PlacementsStore      *store,
                                                            PlacementsPlacement  *placement,
                                                            GError              **error);

/*
 * The limits the stored placement @placement_uuid is over now, for a write that could not
 * ask first (an import): its workplace holds more placements than places while it holds
 * one, or its buddy has more clients than their maximum. An import accepts such a
 * placement and answers with a warning naming the limit.
 */
PlacementsPlaceWarnings placements_placement_find_excess (PlacementsStore *store,
                                                          const char      *placement_uuid);
/* Refuses (PLACEMENTS_ERROR_NEEDS_CONFIRMATION, naming the limit) @warnings that
 * @confirmed does not cover. */
gboolean placements_place_warnings_check (PlacementsPlaceWarnings   warnings,
                                          PlacementsPlaceWarnings   confirmed,
                                          GError                  **error);
/* The warning's words, translated, for @warnings (one of them). */
const char *placements_place_warning_get_message (PlacementsPlaceWarnings warnings);

/*
 * Saves a new placement (status registered, or the status it was given) with its first
 * step on its start date, and pairs its buddy with the client from that date unless
 * they are paired already. A limit passed that @confirmed does not name is refused with
 * PLACEMENTS_ERROR_NEEDS_CONFIRMATION and a message naming it; nothing is written.
 */
gboolean placements_placement_place (PlacementsStore          *store,
                                     PlacementsPlacement      *placement,
                                     PlacementsPlaceWarnings   confirmed,
                                     GError                  **error);

/*
 * Takes the step to @status (not ended: placements_placement_end()) on @date, which
 * may not lie before the placement's last step. Taking up a place again (resuming
 * from paused) asks for @confirmed as placing does.
 */
gboolean placements_placement_move  (PlacementsStore           *store,
                                     PlacementsPlacement       *placement,
                                     PlacementsPlacementStatus  status,
                                     const char                *date,
                                     PlacementsPlaceWarnings    confirmed,
                                     GError                   **error);

/*
 * Ends the placement on @date with @reason and @outcome, sets its follow-up dates 6
 * and 12 months on, and ends its buddy's pairing with the client on that date.
 */
gboolean placements_placement_end   (PlacementsStore      *store,
                                     PlacementsPlacement  *placement,
                                     const char           *date,
                                     PlacementsEndReason   reason,
                                     PlacementsOutcome     outcome,
                                     GError              **error);

/* Records a step the placement took by another way (its status changed in the record's
 * editor), in the caller's transaction or one of its own. */
gboolean   placements_placement_record_step (PlacementsStore            *store,
                                             const char                 *placement_uuid,
                                             PlacementsPlacementStatus   status,
                                             const char                 *date,
                                             GError                    **error);

/* The steps, oldest first (PlacementsPlacementStep). */
GPtrArray *placements_placement_list_steps (PlacementsStore  *store,
                                            const char       *placement_uuid,
                                            GError          **error);

/* @iso_date plus @months, the day clamped to the month's end: 2026-08-31 + 6 months
 * is 2027-02-28. */
char      *placements_date_add_months      (const char       *iso_date,
                                            int               months);

G_END_DECLS
