#pragma once

#include <adwaita.h>

#include "placements-record-kind.h"
#include "placements-record-page.h"
#include "placements-store.h"
#include "placements-view.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_SECTION_VIEW (placements_section_view_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsSectionView, placements_section_view,
                      PLACEMENTS, SECTION_VIEW, GtkWidget)

/*
 * One section of the window (clients, workplaces, …): the list of one record kind from the
 * core's registry, built when it is first shown. A PlacementsView.
 */
GtkWidget            *placements_section_view_new      (PlacementsRecordKind  *kind,
                                                        PlacementsStore       *store);
/* The list page, or NULL until the view is loaded. */
PlacementsRecordPage *placements_section_view_get_page (PlacementsSectionView *self);

G_END_DECLS
