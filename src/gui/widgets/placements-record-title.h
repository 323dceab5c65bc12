#pragma once

#include "placements-store.h"

G_BEGIN_DECLS

/* The words a record goes by in the editor: the core's display name, but for the records
 * that belong to a client, shown in the client's own lists, what tells them apart there
 * (an assessment by its rung and date) rather than whose they are. @store looks references
 * up; it may be NULL, and then they are left out. */
char *placements_record_dup_title (PlacementsStore  *store,
                                   PlacementsRecord *record);

G_END_DECLS
