#pragma once

#include "placements-organisation.h"
#include "placements-store.h"

G_BEGIN_DECLS

/*
 * A new database does not know which organisation it belongs to. The first file a
 * partner sends it carries the receiver's own organisation record (an export always
 * brings the sender and the receiver): this takes that record as the database's own
 * organisation, so the file (and every later one) can be imported.
 */
PlacementsOrganisation *placements_exchange_adopt_receiver (PlacementsStore  *store,
                                                            const char       *path,
                                                            GError          **error);

/* The receiver's organisation as the file at @path carries it, for asking before
 * placements_exchange_adopt_receiver(): read and checked the same way, nothing stored. */
PlacementsOrganisation *placements_exchange_peek_receiver  (const char       *path,
                                                            GError          **error);

G_END_DECLS
