#pragma once

#include <glib.h>

#include "placements-enums.h"

G_BEGIN_DECLS

/*
 * Checks of single values, shared by the record types, the importer and the forms.
 * The boolean checks say only yes or no; the record types turn a "no" into an
 * error that names the record and the field.
 */

gboolean placements_validate_uuid            (const char *text);
/* A real calendar date written as YYYY-MM-DD (no time, no other separators). */
gboolean placements_validate_date            (const char *text);
/* TRUE when either date is empty or @end is not before @start. */
gboolean placements_validate_date_order      (const char *start,
                                              const char *end);
/* Dutch citizen service number: 9 digits passing the eleven-test. */
gboolean placements_validate_bsn             (const char *text);
/* Belgian national register number: 11 digits (dots, dashes and spaces allowed),
 * check digits mod 97, with the rule for people born from 2000 on. */
gboolean placements_validate_rrn             (const char *text);
/* A national id number of either country, as placements_validate_bsn() or _rrn(). */
gboolean placements_validate_national_id     (PlacementsCountry country,
                                              const char       *text);
/* NL "1234 AB" (a space optional, letters not SA, SD or SS; 1000-9999);
 * BE "1234" (1000-9999). */
gboolean placements_validate_postcode        (PlacementsCountry country,
                                              const char       *text);
/* A company registry number: NL KvK, exactly 8 digits; BE enterprise number
 * (KBO), 10 digits (dots and spaces allowed) whose last two are 97 minus the
 * first eight mod 97. */
gboolean placements_validate_registry_number (PlacementsCountry country,
                                              const char       *text);
/* An organisation's id in exchange files: 1 to 64 of A-Z a-z 0-9 . _ : - */
gboolean placements_validate_exchange_id     (const char *text);
/* A plausible address: one @, a dot in the domain, no spaces; not RFC 5322 in full. */
gboolean placements_validate_email           (const char *text);
/* Digits with an optional leading +, spaces, dashes, dots and parentheses; 8-15 digits. */
gboolean placements_validate_phone           (const char *text);
/* Places at a workplace: 1 to 500. */
gboolean placements_validate_capacity        (int         capacity);
/* Hours per week of a placement: more than 0, at most 40. */
gboolean placements_validate_hours_per_week  (double      hours);
/*
 * Free text (names, notes): NULL when @text may be stored, otherwise the first
 * character that may not, in *@bad. Refused: bidirectional embeddings, overrides
 * and isolates (U+202A-U+202E, U+2066-U+2069), which make a name read differently
 * from what it is; C0 controls but tab and line breaks; DEL; C1 controls.
 */
gboolean placements_validate_text            (const char *text,
                                              gunichar   *bad);
/* TRUE when @text has characters, but none that shows: only white space and
 * invisible formatting (zero-width space, joiners, word joiner, BOM). */
gboolean placements_text_is_invisible        (const char *text);
/* @text in the one form it is stored in: NFC, without white space or zero-width
 * spaces at either end. Returns NULL when @text is already so (the common case,
 * which costs no allocation). */
char    *placements_normalise_text           (const char *text);
/* The postcode written the one way it is stored: NL "1234 AB", BE "1234". Returns
 * NULL when the text is not a valid postcode of that country. */
char    *placements_normalise_postcode       (PlacementsCountry country,
                                              const char       *text);

G_END_DECLS
