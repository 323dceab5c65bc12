#pragma once

#include <gio/gio.h>

#include "placements-enums.h"
#include "placements-pilot.h"
#include "placements-store.h"

G_BEGIN_DECLS

/*
 * A pilot's status as steps: concept → running → evaluated → scaled up / made
 * structural / stopped, each on a date and kept in pilot_step. A scale-up keeps its new
 * target number of participants. Each function writes all or nothing.
 */

typedef struct
{
  PlacementsPilotStatus status;
  /* YYYY-MM-DD */
  char                 *date;
  /* The new target of a scale-up; -1 otherwise. */
  int                   target_participants;
} PlacementsPilotStep;

void      placements_pilot_step_free     (PlacementsPilotStep   *step);

gboolean  placements_pilot_can_move      (PlacementsPilotStatus  from,
                                          PlacementsPilotStatus  to);
/* Takes the step to @status (not scaled up: placements_pilot_scale_up()) on @date. Starting
 * to run sets the start date, and being evaluated the evaluation date, where empty. */
gboolean  placements_pilot_move          (PlacementsStore       *store,
                                          PlacementsPilot       *pilot,
                                          PlacementsPilotStatus  status,
                                          const char            *date,
                                          GError               **error);
/* Scales the pilot up on @date to @target_participants: the status, the scale-up date and
 * the target change, and the step keeps the new target. */
gboolean  placements_pilot_scale_up      (PlacementsStore       *store,
                                          PlacementsPilot       *pilot,
                                          const char            *date,
                                          int                    target_participants,
                                          GError               **error);
/* Records a step the pilot took by another way (its status changed in the record's fields,
 * already saved in the caller's transaction): refused when @from cannot go to the pilot's
 * status. A scale-up keeps the pilot's target. */
gboolean  placements_pilot_record_step   (PlacementsStore       *store,
                                          PlacementsPilot       *pilot,
                                          PlacementsPilotStatus  from,
                                          const char            *date,
                                          GError               **error);
GPtrArray *placements_pilot_list_steps   (PlacementsStore       *store,
                                          const char            *pilot_uuid,
                                          GError               **error);
/* The placements of the pilot that hold a place now (introduction, trial, active). */
int       placements_pilot_count_placed  (PlacementsStore       *store,
                                          const char            *pilot_uuid);
/* The pilot's funding in all, in cents. */
gint64    placements_pilot_sum_funding   (PlacementsStore       *store,
                                          const char            *pilot_uuid);

/* An amount in euro cents as the translation writes money: "€ 35.000,00". */
char     *placements_format_euro_cents   (gint64                 cents);

G_END_DECLS
