#define G_LOG_DOMAIN "placements-date"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "placements-date.h"
#include "placements-error.h"
#include "placements-validate.h"

/* Translators: how lists show a date, as a strftime() format: "%d-%m-%Y" gives 22-11-2026.
 * xgettext:no-c-format */
#define SHORT_FORMAT C_("date format", "%d-%m-%Y")

/* Typed dates are read in the order of day, month and year in that format, with any of
 * '-', '/' or '.' between them. */

static gboolean
parse_iso (const char *iso_date,
           GDate      *date)
{
  int year;
  int month;
  int day;

  if (iso_date == NULL || !placements_validate_date (iso_date) ||
      sscanf (iso_date, "%4d-%2d-%2d", &year, &month, &day) != 3)
    return FALSE;
  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return TRUE;
}

/**
 * placements_date_format_short:
 * @iso_date: (nullable): a date as YYYY-MM-DD
 *
 * Returns: (transfer full): @iso_date in the user's short format; "" for an empty
 *   date, and @iso_date itself when it is not a date
 */
char *
placements_date_format_short (const char *iso_date)
{
  char text[64];
  GDate date;

  if (iso_date == NULL || *iso_date == '\0')
    return g_strdup ("");
  if (!parse_iso (iso_date, &date) ||
      g_date_strftime (text, sizeof text, SHORT_FORMAT, &date) == 0)
    return g_strdup (iso_date);
  return g_strdup (text);
}

/*
 * The order of day, month and year in the translated format, as the characters
 * 'd', 'm' and 'Y'. A format this does not understand falls back to the Dutch
 * one, which is what the translations use.
 */
static void
get_short_order (char order[3])
{
  const char *format = SHORT_FORMAT;
  guint n = 0;

  for (const char *p = format; *p != '\0'; p++)
    {
      if (*p == '%' && p[1] != '\0')
        {
          p++;
          if ((*p == 'd' || *p == 'm' || *p == 'Y') && n < 3)
            order[n++] = *p;
        }
    }
  if (n != 3 || order[0] == order[1] || order[1] == order[2] || order[0] == order[2])
    memcpy (order, "dmY", 3);
}

/**
 * placements_date_parse_short:
 * @text: a date as the user typed it
 * @error: says, translated, what is wrong with @text
 *
 * Reads a date in the user's short format (22-11-2026, 22/11/2026), with any of
 * '-', '/' or '.' between the parts whatever the format's separator, or as
 * YYYY-MM-DD. A two-digit year is refused: 22-11-26 is not clear enough about a
 * date of birth.
 *
 * Returns: (transfer full) (nullable): the date as YYYY-MM-DD; "" for an empty or blank
 *   @text; %NULL with @error set when @text is not a date
 */
char *
placements_date_parse_short (const char  *text,
                             GError     **error)
{
  g_autofree char *trimmed = NULL;
  g_auto(GStrv) parts = NULL;
  char order[3];
  int day = 0;
  int month = 0;
  int year = 0;

  g_return_val_if_fail (text != NULL, NULL);

  trimmed = g_strstrip (g_strdup (text));
  if (*trimmed == '\0')
    return g_strdup ("");

  get_short_order (order);
  parts = g_strsplit_set (trimmed, "-/.", -1);
  if (g_strv_length (parts) == 3)
    {
      gboolean digits = TRUE;

      for (guint i = 0; i < 3 && digits; i++)
        {
          digits = parts[i][0] != '\0' && strlen (parts[i]) <= 4;
          for (const char *p = parts[i]; *p != '\0' && digits; p++)
            digits = g_ascii_isdigit (*p);
        }
      if (digits && strlen (parts[0]) == 4)
        {
          /* YYYY-MM-DD, as the exchange and the command line write dates. */
          year = atoi (parts[0]);
          month = atoi (parts[1]);
          day = atoi (parts[2]);
        }
      else if (digits)
        {
          for (guint i = 0; i < 3; i++)
            {
              int value = atoi (parts[i]);

              if (order[i] == 'd')
                day = value;
              else if (order[i] == 'm')
                month = value;
              else if (strlen (parts[i]) == 4)
                year = value;
            }
        }
    }

  if (year >= 1900 && g_date_valid_dmy ((GDateDay) CLAMP (day, 0, 255),
                                        (GDateMonth) CLAMP (month, 0, 12),
                                        (GDateYear) year))
    {
      char *iso = g_strdup_printf ("%04d-%02d-%02d", year, month, day);

      if (placements_validate_date (iso))
        return iso;
      g_free (iso);
    }

  {
    g_autofree char *example = placements_date_format_short ("2026-11-22");

    g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                 /* Translators: the second %s is an example date in the user's format. */
                 _("“%s” is not a date; write it as %s"), trimmed, example);
  }
  return NULL;
}

/* Returns: (transfer full): today's date as YYYY-MM-DD, in local time */
char *
placements_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}
