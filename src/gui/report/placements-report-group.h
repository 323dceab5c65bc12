#pragma once

#include <adwaita.h>

#include "placements-editor-section.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_REPORT_GROUP (placements_report_group_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsReportGroup, placements_report_group,
                      PLACEMENTS, REPORT_GROUP, AdwPreferencesGroup)

/*
 * A pilot's report for its funder, on the pilot's page: saved as PDF or CSV through a
 * file chooser, or printed. Its actions:
 *   report.save (s: "pdf" or "csv")        asks where, then writes it
 *   report.save-to ((ss): format, path)    writes it to the path, without asking
 *   report.print                           the print dialog
 *   report.print-to (s: path)              prints to a PDF file, without a dialog
 * Every report and print is written to the access log with its participants.
 */
GtkWidget  *placements_report_group_new         (void);
/* The last error, or NULL: for tests. */
const char *placements_report_group_get_error   (PlacementsReportGroup *self);

G_END_DECLS
