#pragma once

#include "placements-store.h"

G_BEGIN_DECLS

/* What `placements-cli demo` writes when not told otherwise. */
#define PLACEMENTS_DEMO_DEFAULT_CLIENTS 60
#define PLACEMENTS_DEMO_DEFAULT_SEED 1
/* Enough for any benchmark; more would only fill the disk. */
#define PLACEMENTS_DEMO_MAX_CLIENTS 1000000

/* The day the demo's situation is that of, a Monday: nothing is dated after it but
 * what is planned (a planned end or start, an evaluation, an expiry). */
#define PLACEMENTS_DEMO_TODAY_YEAR 2026
#define PLACEMENTS_DEMO_TODAY_MONTH 11
#define PLACEMENTS_DEMO_TODAY_DAY 2

/*
 * Fills an empty database with invented but realistic Dutch and Flemish data:
 * organisations, their people, workplaces, buddies, pilots with funding and
 * success criteria, and @n_clients clients with their ladder steps, allocations,
 * placements, progress notes, consents and some attendance.
 *
 * The same @seed and @n_clients give the same records with the same UUIDs (only
 * the created/updated times and the store's own audit events differ). Everything
 * is written in one transaction: on failure nothing is. A database that already
 * holds records is refused, so that demo data never mixes with real data.
 *
 * @n_records: (out) (optional): how many records were written.
 */
gboolean placements_demo_generate (PlacementsStore  *store,
                                   guint             n_clients,
                                   guint32           seed,
                                   guint64          *n_records,
                                   GError          **error);

/* Every given and family name the demo draws its people from, Dutch and Flemish,
 * each once; for tests that must hold for all of them. Free with g_strfreev(). */
char   **placements_demo_dup_names (void);

G_END_DECLS
