#pragma once

#include <gio/gio.h>

#include "placements-store.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_DELETION (placements_deletion_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsDeletion, placements_deletion, PLACEMENTS, DELETION, GObject)

/*
 * A delete that can be undone for a while, as the window's undo notice offers. The record,
 * and every record that goes with it (a client's placements, consents, notes), leave the
 * database at once, in one transaction with its audit entry, and records that only referred
 * to it (a ladder step assessed by a deleted person) lose that reference; all of it is
 * remembered as it was. placements_deletion_undo() writes it all back, in one transaction
 * with an entry saying so; finishing makes the deletion final. A deletion dropped without
 * either is finished then.
 *
 * A record that others still need (an organisation with clients) is refused before
 * anything is written, with PLACEMENTS_ERROR_IN_USE and a message that says what holds it.
 */
PlacementsDeletion *placements_deletion_new          (PlacementsStore     *store,
                                                      PlacementsRecord    *record,
                                                      GError             **error);
PlacementsRecord   *placements_deletion_get_record   (PlacementsDeletion  *self);
/* How many records the deletion removed: the record and those that went with it. */
guint               placements_deletion_get_n_deleted (PlacementsDeletion *self);
gboolean            placements_deletion_is_pending   (PlacementsDeletion  *self);
gboolean            placements_deletion_undo         (PlacementsDeletion  *self,
                                                      GError             **error);
gboolean            placements_deletion_finish       (PlacementsDeletion  *self,
                                                      GError             **error);

/* Whether other records still need @record, and if so, FALSE and a message saying which
 * ("… it is still needed by 12 clients and 2 workplaces"). */
gboolean            placements_store_check_deletable (PlacementsStore     *store,
                                                      PlacementsRecord    *record,
                                                      GError             **error);

G_END_DECLS
