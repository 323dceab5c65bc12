#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Keys that sort names the way a Dutch or Flemish coordinator looks them up:
 * case and diacritics folded ("Çelik" with the C's), and a Dutch family name's
 * lower-case prefix set aside ("de Vries" under V), while a Flemish "De Smet",
 * written with a capital, stays under D. Stored in a sort_key column so that an
 * index serves the order on any SQL database.
 */
char *placements_sort_key_for_text (const char *text);
char *placements_sort_key_for_name (const char *family_name,
                                    const char *given_name);

G_END_DECLS
