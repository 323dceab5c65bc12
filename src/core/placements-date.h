#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Dates as a coordinator reads and types them: 22-11-2026 in the Netherlands,
 * 22/11/2026 in Flanders. The format is the translation's, not the locale's %x,
 * because glibc gives Flanders the Dutch short date.
 */
char     *placements_date_format_short (const char  *iso_date);
char     *placements_date_parse_short  (const char  *text,
                                        GError     **error);
char     *placements_date_today        (void);

G_END_DECLS
