#pragma once

#include <gio/gio.h>

#include "placements-enums.h"
#include "placements-store.h"

G_BEGIN_DECLS

/*
 * Placing a client: the rules the window, the CLI and the exchange share about who
 * takes a place, who may be a buddy or a supervisor, and what a placement's steps are.
 */

/* A placement holds its place at the workplace from the introduction until it is paused
 * or ends: a paused or ended placement frees it at once. */
gboolean placements_placement_status_holds_place (PlacementsPlacementStatus status);

/* One person the Place flow offers, with a buddy's load. */
typedef struct
{
  char *uuid;
  /* "Bakker, Anouk" */
  char *name;
  /* A buddy's current clients and the most they take at once; 0 for a supervisor. */
  int   load;
  int   max;
} PlacementsCandidate;

void placements_candidate_free (PlacementsCandidate *candidate);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlacementsCandidate, placements_candidate_free)

/* The buddies of @organisation_uuid (all buddies when NULL), by name, with their load
 * today: pairings that have started and not ended. */
GPtrArray *placements_placing_find_buddies     (PlacementsStore  *store,
                                                const char       *organisation_uuid,
                                                GError          **error);
/* The buddy's load today, and their maximum in *@max. */
int        placements_placing_get_buddy_load   (PlacementsStore  *store,
                                                const char       *buddy_uuid,
                                                int              *max,
                                                GError          **error);
/* The people with the work-supervisor role at @organisation_uuid, by name. */
GPtrArray *placements_placing_find_supervisors (PlacementsStore  *store,
                                                const char       *organisation_uuid,
                                                GError          **error);
/* How many placements hold a place at the workplace now (see above). */
int        placements_placing_count_occupied   (PlacementsStore  *store,
                                                const char       *workplace_uuid,
                                                GError          **error);
/* The date the client went back to day activities on the right to return (the end
 * of their latest placement with that outcome), or NULL. */
char      *placements_placing_dup_return_date  (PlacementsStore  *store,
                                                const char       *client_uuid);

/* The buddy's pairing with the client that has not ended on @date, or NULL. */
PlacementsRecord *placements_placing_find_pairing (PlacementsStore  *store,
                                                   const char       *buddy_uuid,
                                                   const char       *client_uuid,
                                                   const char       *date);
/* Pairs the buddy with the client from @start (to @end, which may be NULL); refused
 * (PLACEMENTS_ERROR_CONFLICT) while they are paired already. */
gboolean   placements_placing_pair_buddy       (PlacementsStore  *store,
                                                const char       *buddy_uuid,
                                                const char       *client_uuid,
                                                const char       *start,
                                                const char       *end,
                                                GError          **error);
/* Ends their open pairing on @date. */
gboolean   placements_placing_end_pairing      (PlacementsStore  *store,
                                                const char       *buddy_uuid,
                                                const char       *client_uuid,
                                                const char       *date,
                                                GError          **error);

G_END_DECLS
