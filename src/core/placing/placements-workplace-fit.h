#pragma once

#include <gio/gio.h>

#include "placements-store.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_WORKPLACE_FIT (placements_workplace_fit_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsWorkplaceFit, placements_workplace_fit, PLACEMENTS,
                      WORKPLACE_FIT, GObject)

/*
 * How well a workplace fits one client, and why: what a coordinator weighs by memory
 * when looking for "the best fitting workplace". placements_workplace_fit_rank() puts
 * them in order, best first:
 *
 *  1. a workplace with a free place before a full one (full ones last, marked);
 *  2. for a client who needs it, a low-stimulus workplace first;
 *  3. nearest by postcode area between the workplace (or its host) and the client's
 *     care organisation: the same 4-digit area, then the same region (the first two
 *     digits), then the same country by how far the area numbers lie apart (Dutch and
 *     Belgian postcodes both run roughly from one end of the country to the other),
 *     then the other country, then where a postcode is missing;
 *  4. a buddy of the host with spare load before none;
 *  5. tasks that the client's goals or support question name before others;
 *  6. more free places first, then by name.
 *
 * Each step is a rule rather than a weight, so that the reasons shown say exactly why
 * one workplace stands above the next.
 */

/* The fits for @client_uuid, best first, ranks 1, 2, ...; a new store of
 * PlacementsWorkplaceFit. */
GListStore *placements_workplace_fit_rank (PlacementsStore  *store,
                                           const char       *client_uuid,
                                           GError          **error);

const char *placements_workplace_fit_get_workplace_uuid (PlacementsWorkplaceFit *self);
/* "Inpakafdeling", and the host's name. */
const char *placements_workplace_fit_get_name           (PlacementsWorkplaceFit *self);
const char *placements_workplace_fit_get_host_name      (PlacementsWorkplaceFit *self);
const char *placements_workplace_fit_get_host_uuid      (PlacementsWorkplaceFit *self);
guint       placements_workplace_fit_get_rank           (PlacementsWorkplaceFit *self);
int         placements_workplace_fit_get_capacity       (PlacementsWorkplaceFit *self);
int         placements_workplace_fit_get_occupied       (PlacementsWorkplaceFit *self);
/* Capacity minus occupied; negative when over capacity. */
int         placements_workplace_fit_get_free_places    (PlacementsWorkplaceFit *self);
gboolean    placements_workplace_fit_get_full           (PlacementsWorkplaceFit *self);
gboolean    placements_workplace_fit_get_low_stimulus   (PlacementsWorkplaceFit *self);
/* The host's buddy with the most spare load, or NULL. */
const char *placements_workplace_fit_get_buddy_uuid     (PlacementsWorkplaceFit *self);
/* Translated, most important first: "2 of 6 places taken", "Low-stimulus", ... */
const char * const *placements_workplace_fit_get_reasons (PlacementsWorkplaceFit *self);
/* The reasons in one line, separated by " · ". */
const char *placements_workplace_fit_get_reasons_text   (PlacementsWorkplaceFit *self);

G_END_DECLS
