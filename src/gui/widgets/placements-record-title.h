#pragma once

#include "placements-store.h"

G_BEGIN_DECLS

/* The words a record goes by on screen: a name, or what identifies a record that has
 * none (a placement by its client and workplace). @store looks references up; it may be
 * NULL, and then they are left out. */
char *placements_record_dup_title (PlacementsStore  *store,
                                   PlacementsRecord *record);

G_END_DECLS
