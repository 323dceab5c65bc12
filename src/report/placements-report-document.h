#pragma once

#include <cairo.h>

#include "placements-pilot-report.h"

G_BEGIN_DECLS

/* A4 in points, as PDF and printing measure it. */
#define PLACEMENTS_REPORT_A4_WIDTH  595.276
#define PLACEMENTS_REPORT_A4_HEIGHT 841.890

/*
 * Lays @report out on pages of @width × @height points and draws page @page on @cr
 * (counted from 0); with @page -1, draws every page, each ended by cairo_show_page();
 * with -2, draws nothing. Returns the number of pages. The same layout serves a PDF
 * file and a print, so that both show the same pages.
 */
int      placements_report_document_render    (PlacementsPilotReport  *report,
                                               cairo_t                *cr,
                                               double                  width,
                                               double                  height,
                                               int                     page);

/* Writes @report as an A4 PDF to @path (mode 0600, never half-written) and logs it. */
gboolean placements_report_document_write_pdf (PlacementsPilotReport  *report,
                                               PlacementsStore        *store,
                                               const char             *path,
                                               GError                **error);

G_END_DECLS
