#define G_LOG_DOMAIN "placements-validate"

#include "config.h"

#include <string.h>

#include "placements-validate.h"

gboolean
placements_validate_uuid (const char *text)
{
  if (text == NULL || strlen (text) != 36)
    return FALSE;
  return g_uuid_string_is_valid (text);
}

gboolean
placements_validate_date (const char *text)
{
  int year, month, day;

  if (text == NULL || strlen (text) != 10)
    return FALSE;
  for (int i = 0; i < 10; i++)
    {
      if (i == 4 || i == 7)
        {
          if (text[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }
  year = atoi (text);
  month = atoi (text + 5);
  day = atoi (text + 8);
  return year >= 1900 && year <= 2200 &&
         g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year);
}
