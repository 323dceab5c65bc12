#pragma once

#include <adwaita.h>

#include "placements-store.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_REFERENCE_ROW (placements_reference_row_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsReferenceRow, placements_reference_row,
                      PLACEMENTS, REFERENCE_ROW, AdwActionRow)

/*
 * A row for a field that holds another record's UUID: shows that record's name, and picks
 * another from a searchable list over the core's PlacementsRecordList, which makes row
 * objects only for what is on screen, however many records there are.
 */
GtkWidget  *placements_reference_row_new      (PlacementsStore        *store,
                                               GType                   record_type);
const char *placements_reference_row_get_uuid (PlacementsReferenceRow *self);
void        placements_reference_row_set_uuid (PlacementsReferenceRow *self,
                                               const char             *uuid);
/* The list the picker shows, or NULL before it was first opened (for tests). */
GListModel *placements_reference_row_get_list (PlacementsReferenceRow *self);
/* Picks the record at @position of that list, as a click on it would. */
void        placements_reference_row_pick     (PlacementsReferenceRow *self,
                                               guint                   position);
void        placements_reference_row_popup    (PlacementsReferenceRow *self);

G_END_DECLS
