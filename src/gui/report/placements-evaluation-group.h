#pragma once

#include <adwaita.h>

#include "placements-editor-section.h"
#include "placements-pilot-report.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_EVALUATION_GROUP (placements_evaluation_group_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsEvaluationGroup, placements_evaluation_group,
                      PLACEMENTS, EVALUATION_GROUP, AdwPreferencesGroup)

/*
 * A pilot's evaluation on its page: the figures of its report for the funder (the same
 * numbers, from the same core function, as the PDF and the CSV), the average days in each
 * status, and charts of the participants over time, the outcomes and the ladder, each
 * with its figures as text for a screen reader.
 */
GtkWidget             *placements_evaluation_group_new        (void);
/* The report the figures on screen come from, read on a thread (for tests); NULL until it
 * has been read. */
PlacementsPilotReport *placements_evaluation_group_get_report (PlacementsEvaluationGroup *self);
/* The value shown on the row titled @title, or NULL (for tests). */
const char            *placements_evaluation_group_get_value  (PlacementsEvaluationGroup *self,
                                                               const char                *title);

G_END_DECLS
