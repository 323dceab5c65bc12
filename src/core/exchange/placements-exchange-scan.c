#define G_LOG_DOMAIN "placements-exchange"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "placements-exchange-scan.h"

/*
 * This is not a parser: it finds the tags the way a parser would, skipping comments
 * and CDATA sections, and leaves every question of well-formedness to libxml2. Where
 * the markup is broken, it stops looking and lets the parser say so.
 */

static guint
count_lines (const char *data,
             const char *position)
{
  guint line = 1;

  for (const char *p = data; p != NULL && p < position; p++)
    {
      p = memchr (p, '\n', (gsize) (position - p));
      if (p == NULL)
        break;
      line++;
    }
  return line;
}

static const char *
find (const char *from,
      const char *end,
      const char *needle)
{
  if (from >= end)
    return NULL;
  return g_strstr_len (from, end - from, needle);
}

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The value of @name="…" in the XML declaration [@start, @end), or NULL. */
static char *
declaration_value (const char *start,
                   const char *end,
                   const char *name)
{
  gsize name_length = strlen (name);

  for (const char *p = start; p + name_length < end; p++)
    {
      const char *q;
      char quote;
      const char *close;

      if (!is_space (p[0]) || strncmp (p + 1, name, name_length) != 0)
        continue;
      q = p + 1 + name_length;
      while (q < end && is_space (*q))
        q++;
      if (q >= end || *q != '=')
        continue;
      q++;
      while (q < end && is_space (*q))
        q++;
      if (q >= end || (*q != '"' && *q != '\''))
        return NULL;
      quote = *q++;
      close = memchr (q, quote, (gsize) (end - q));
      return close != NULL ? g_strndup (q, (gsize) (close - q)) : NULL;
    }
  return NULL;
}

gboolean
placements_exchange_scan_markup (const char   *data,
                                 gsize         length,
                                 guint        *line,
                                 const char  **rule,
                                 char        **message)
{
  const char *end = data + length;
  const char *p = data;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (line != NULL && rule != NULL && message != NULL, FALSE);

  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;

  /* The XML declaration, the one "<?" allowed, and only at the very start. */
  if (end - p >= 6 && memcmp (p, "<?xml", 5) == 0 && is_space (p[5]))
    {
      const char *close = find (p, end, "?>");
      g_autofree char *encoding = NULL;

      if (close == NULL)
        return TRUE;
      encoding = declaration_value (p + 5, close, "encoding");
      if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0)
        {
          g_autofree char *shown = g_utf8_make_valid (encoding, -1);

          *line = count_lines (data, p);
          *rule = "utf-8";
          *message = g_strdup_printf (_("the file declares the encoding “%s”; exchange files "
                                        "are UTF-8"),
                                      shown);
          return FALSE;
        }
      p = close + 2;
    }

  while (p < end && (p = memchr (p, '<', (gsize) (end - p))) != NULL)
    {
      const char *q;
      guint n_attributes = 0;
      char quote = 0;

      if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
        {
          const char *close = find (p + 4, end, "-->");

          if (close == NULL)
            return TRUE;
          p = close + 3;
          continue;
        }
      if (end - p >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
        {
          const char *close = find (p + 9, end, "]]>");

          if (close == NULL)
            return TRUE;
          p = close + 3;
          continue;
        }
      /* An XML declaration anywhere but at the start is the parser's to refuse
       * (well-formed), not a processing instruction. */
      if (end - p >= 6 && memcmp (p, "<?xml", 5) == 0 && is_space (p[5]))
        {
          p += 5;
          continue;
        }
      if (end - p >= 2 && p[1] == '?')
        {
          *line = count_lines (data, p);
          *rule = "no-processing-instructions";
          *message = g_strdup (_("the file has a processing instruction (<?…?>), which "
                                 "exchange files may not have"));
          return FALSE;
        }
      if (end - p >= 2 && (p[1] == '/' || p[1] == '!'))
        {
          p += 2;
          continue;
        }

      /* A start tag: its attributes are its "=" signs outside quoted values. */
      for (q = p + 1; q < end; q++)
        {
          char c = *q;

          if (quote != 0)
            {
              if (c == quote)
                quote = 0;
            }
          else if (c == '"' || c == '\'')
            quote = c;
          else if (c == '=')
            {
              if (++n_attributes > PLACEMENTS_EXCHANGE_MAX_ATTRIBUTES)
                {
                  *line = count_lines (data, p);
                  *rule = "max-attributes";
                  *message = g_strdup_printf (_("an element has more than %d attributes"),
                                              PLACEMENTS_EXCHANGE_MAX_ATTRIBUTES);
                  return FALSE;
                }
            }
          else if (c == '>' || c == '<')
            break;
        }
      p = q;
    }

  return TRUE;
}
