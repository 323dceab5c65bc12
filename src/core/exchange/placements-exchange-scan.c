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

/* The longest token a decision looks at: "<![CDATA[". */
#define LOOKAHEAD 9
/* An XML declaration longer than this is not looked into for its encoding: the
 * scan goes on after "<?xml" as if it stood anywhere else, so that what follows is
 * still scanned. No real file has one longer than a line. */
#define MAX_DECLARATION (64 * 1024)

typedef enum
{
  SCAN_START,
  SCAN_TEXT,
  SCAN_COMMENT,
  SCAN_CDATA,
  SCAN_TAG,
  /* Broken markup (an unclosed comment at the end): the parser says so. */
  SCAN_DONE,
  SCAN_FAILED,
} ScanMode;

struct _PlacementsExchangeScanner
{
  ScanMode  mode;
  /* The bytes not decided yet, kept for the next piece. */
  GString  *carry;
  /* The line at the start of @carry. */
  guint     line;
  /* In a start tag: its line, the quote of the value it is in, its attributes. */
  guint     tag_line;
  char      quote;
  guint     n_attributes;
  /* After a failure. */
  guint       fail_line;
  const char *fail_rule;
  char       *fail_message;
};

PlacementsExchangeScanner *
placements_exchange_scanner_new (void)
{
  PlacementsExchangeScanner *scanner = g_new0 (PlacementsExchangeScanner, 1);

  scanner->mode = SCAN_START;
  scanner->carry = g_string_new (NULL);
  scanner->line = 1;
  return scanner;
}

void
placements_exchange_scanner_free (PlacementsExchangeScanner *scanner)
{
  if (scanner == NULL)
    return;
  g_string_free (scanner->carry, TRUE);
  g_free (scanner->fail_message);
  g_free (scanner);
}

static gboolean
fail (PlacementsExchangeScanner *scanner,
      guint                      line,
      const char                *rule,
      char                      *message)
{
  scanner->mode = SCAN_FAILED;
  scanner->fail_line = line;
  scanner->fail_rule = rule;
  scanner->fail_message = message;
  return FALSE;
}

/* Scans [@data, @end) from the scanner's mode; returns where it stopped for want of
 * more bytes (@end when all were decided), or NULL on a failure. */
/* The line of @p, counted on from the last position asked about, so that a piece
 * is counted through once however many tags it has. */
static guint
line_of (const char  *p,
         const char **counted,
         guint       *counted_line)
{
  *counted_line += count_lines (*counted, p) - 1;
  *counted = p;
  return *counted_line;
}

static const char *
scan (PlacementsExchangeScanner *scanner,
      const char                *data,
      const char                *end,
      gboolean                   at_end)
{
  const char *p = data;
  const char *counted = data;
  guint counted_line = scanner->line;

  if (scanner->mode == SCAN_START)
    {
      if (end - p < 6 && !at_end)
        return p;
      if (end - p >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
        p += 3;
      /* The XML declaration, the one "<?xml" allowed, and only at the very start. */
      if (end - p >= 6 && memcmp (p, "<?xml", 5) == 0 && is_space (p[5]))
        {
          const char *close = find (p, end, "?>");

          if (close == NULL && !at_end && end - p < MAX_DECLARATION)
            return data;
          if (close == NULL && at_end)
            {
              scanner->mode = SCAN_DONE;
              return end;
            }
          if (close != NULL)
            {
              g_autofree char *encoding = declaration_value (p + 5, close, "encoding");

              if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0)
                {
                  g_autofree char *shown = g_utf8_make_valid (encoding, -1);

                  fail (scanner, scanner->line + count_lines (data, p) - 1, "utf-8",
                        g_strdup_printf (_("the file declares the encoding “%s”; exchange "
                                           "files are UTF-8"),
                                         shown));
                  return NULL;
                }
              p = close + 2;
            }
          else
            p += 5;
        }
      scanner->mode = SCAN_TEXT;
    }

  while (p < end)
    {
      switch (scanner->mode)
        {
        case SCAN_TEXT:
          p = memchr (p, '<', (gsize) (end - p));
          if (p == NULL)
            return end;
          if (end - p < LOOKAHEAD && !at_end)
            return p;
          if (end - p >= 4 && memcmp (p, "<!--", 4) == 0)
            {
              scanner->mode = SCAN_COMMENT;
              p += 4;
            }
          else if (end - p >= 9 && memcmp (p, "<![CDATA[", 9) == 0)
            {
              scanner->mode = SCAN_CDATA;
              p += 9;
            }
          /* An XML declaration anywhere but at the start is the parser's to refuse
           * (well-formed), not a processing instruction. */
          else if (end - p >= 6 && memcmp (p, "<?xml", 5) == 0 && is_space (p[5]))
            p += 5;
          else if (end - p >= 2 && p[1] == '?')
            return fail (scanner, line_of (p, &counted, &counted_line),
                         "no-processing-instructions",
                         g_strdup (_("the file has a processing instruction (<?…?>), "
                                     "which exchange files may not have"))), NULL;
          else if (end - p >= 2 && (p[1] == '/' || p[1] == '!'))
            p += 2;
          else
            {
              /* A start tag: its attributes are its "=" signs outside quoted values. */
              scanner->mode = SCAN_TAG;
              scanner->tag_line = line_of (p, &counted, &counted_line);
              scanner->quote = 0;
              scanner->n_attributes = 0;
              p++;
            }
          break;

        case SCAN_COMMENT:
        case SCAN_CDATA:
          {
            const char *token = scanner->mode == SCAN_COMMENT ? "-->" : "]]>";
            const char *close = find (p, end, token);

            if (close != NULL)
              {
                scanner->mode = SCAN_TEXT;
                p = close + 3;
              }
            else if (at_end)
              {
                scanner->mode = SCAN_DONE;
                return end;
              }
            else
              /* The token may begin in the last two bytes. */
              return MAX (p, end - 2);
          }
          break;

        case SCAN_TAG:
          for (; p < end; p++)
            {
              char c = *p;

              if (scanner->quote != 0)
                {
                  if (c == scanner->quote)
                    scanner->quote = 0;
                }
              else if (c == '"' || c == '\'')
                scanner->quote = c;
              else if (c == '=')
                {
                  if (++scanner->n_attributes > PLACEMENTS_EXCHANGE_MAX_ATTRIBUTES)
                    return fail (scanner, scanner->tag_line, "max-attributes",
                                 g_strdup_printf (_("an element has more than %d "
                                                    "attributes"),
                                                  PLACEMENTS_EXCHANGE_MAX_ATTRIBUTES)), NULL;
                }
              else if (c == '>' || c == '<')
                {
                  scanner->mode = SCAN_TEXT;
                  break;
                }
            }
          break;

        default:
          return end;
        }
    }
  return end;
}

gboolean
placements_exchange_scanner_feed (PlacementsExchangeScanner *scanner,
                                  const char                *data,
                                  gsize                      length,
                                  gboolean                   at_end)
{
  GString *carry = scanner->carry;
  const char *stop;
  gsize used;

  if (scanner->mode == SCAN_FAILED)
    return FALSE;
  if (scanner->mode == SCAN_DONE)
    return TRUE;

  g_string_append_len (carry, data, (gssize) length);
  stop = scan (scanner, carry->str, carry->str + carry->len, at_end);
  if (stop == NULL)
    return FALSE;
  used = (gsize) (stop - carry->str);
  scanner->line += count_lines (carry->str, stop) - 1;
  g_string_erase (carry, 0, (gssize) used);
  return TRUE;
}

gboolean
placements_exchange_scanner_get_failure (PlacementsExchangeScanner  *scanner,
                                         guint                      *line,
                                         const char                **rule,
                                         const char                **message)
{
  if (scanner->mode != SCAN_FAILED)
    return FALSE;
  *line = scanner->fail_line;
  *rule = scanner->fail_rule;
  *message = scanner->fail_message;
  return TRUE;
}

gboolean
placements_exchange_scan_markup (const char   *data,
                                 gsize         length,
                                 guint        *line,
                                 const char  **rule,
                                 char        **message)
{
  g_autoptr(PlacementsExchangeScanner) scanner = NULL;
  const char *text = NULL;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (line != NULL && rule != NULL && message != NULL, FALSE);

  scanner = placements_exchange_scanner_new ();
  if (placements_exchange_scanner_feed (scanner, data != NULL ? data : "", length, TRUE))
    return TRUE;
  placements_exchange_scanner_get_failure (scanner, line, rule, &text);
  *message = g_strdup (text);
  return FALSE;
}
