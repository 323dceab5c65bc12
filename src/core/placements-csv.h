#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Comma-separated values as every CSV the app writes them (RFC 4180). Names and
 * notes come from partners' files: a cell a spreadsheet would run as a formula
 * ("=HYPERLINK(...)", "+1", "@SUM", a leading tab or carriage return) is written
 * with a ' in front, which spreadsheets show as text and do not run. A cell that
 * is only a number ("-12.5") is left as it is: it cannot run anything.
 */
void placements_csv_append_field (GString    *line,
                                  const char *value);
void placements_csv_end_record   (GString    *line);

/*
 * Tab-separated values as the command line writes them: a tab, a line break or a
 * backslash in a value is written as \t, \n, \r or \\, so that every record is one
 * line, and a cell a spreadsheet would run as a formula gets the same ' in front as
 * in a CSV: a TSV file opens in a spreadsheet just as readily.
 */
void placements_tsv_append_field (GString    *line,
                                  const char *value);

G_END_DECLS
