#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The one form of a moment the app stores: UTC, ISO 8601 with microseconds and a
 * Z, e.g. "2026-11-23T19:40:01.123456Z". Text in this form sorts as time does.
 * Records' created and updated stamps and the audit log use it.
 */
char *placements_timestamp_now      (void);
char *placements_timestamp_format   (GDateTime *moment);

/* Today's calendar date where the coordinator lives, "2026-11-23". */
char *placements_timestamp_today    (void);

G_END_DECLS
