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
/*
 * Text as a coordinator types it on a Dutch or Belgian keyboard: lower case, marks
 * taken off, and Latin letters of their own written with the plain letters typed
 * for them ("Yılmaz" as "yilmaz", "Łukasz" as "lukasz", "Straße" as "strasse").
 * Sort keys, what the full-text index holds and a search's words are folded alike.
 */
char *placements_fold_text          (const char *text);

char *placements_sort_key_for_text (const char *text);
char *placements_sort_key_for_name (const char *family_name,
                                    const char *given_name);

G_END_DECLS
