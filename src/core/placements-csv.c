#include "config.h"

#include <string.h>

#include "placements-csv.h"

/* An optional sign, digits, and at most one decimal point between digits. */
static gboolean
is_plain_number (const char *value)
{
  const char *p = value;
  gboolean digits = FALSE;
  gboolean point = FALSE;

  if (*p == '-' || *p == '+')
    p++;
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digits = TRUE;
      else if (*p == '.' && !point && digits && g_ascii_isdigit (p[1]))
        point = TRUE;
      else
        return FALSE;
    }
  return digits;
}

static gboolean
would_run (const char *value)
{
  return value[0] != '\0' && strchr ("=+-@\t\r", value[0]) != NULL && !is_plain_number (value);
}

void
placements_csv_append_field (GString    *line,
                             const char *value)
{
  gboolean neutralise;

  g_return_if_fail (line != NULL);

  if (value == NULL)
    return;
  neutralise = would_run (value);

  /* RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes
   * doubled. */
  if (strpbrk (value, ",\"\r\n") == NULL)
    {
      if (neutralise)
        g_string_append_c (line, '\'');
      g_string_append (line, value);
      return;
    }

  g_string_append_c (line, '"');
  if (neutralise)
    g_string_append_c (line, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (line, '"');
      g_string_append_c (line, *p);
    }
  g_string_append_c (line, '"');
}

void
placements_csv_end_record (GString *line)
{
  g_return_if_fail (line != NULL);

  /* RFC 4180 ends records with CRLF. */
  g_string_append (line, "\r\n");
}

void
placements_tsv_append_field (GString    *line,
                             const char *value)
{
  g_return_if_fail (line != NULL);

  if (value == NULL)
    return;
  if (would_run (value))
    g_string_append_c (line, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\t':
          g_string_append (line, "\\t");
          break;
        case '\n':
          g_string_append (line, "\\n");
          break;
        case '\r':
          g_string_append (line, "\\r");
          break;
        case '\\':
          g_string_append (line, "\\\\");
          break;
        default:
          g_string_append_c (line, *p);
        }
    }
}
