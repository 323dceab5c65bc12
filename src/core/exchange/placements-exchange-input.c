#define G_LOG_DOMAIN "placements-exchange"

/* memmem() */
#define _GNU_SOURCE

#include "config.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "placements-error.h"
#include "placements-exchange-input.h"
#include "placements-exchange-reader.h"
#include "placements-exchange-scan.h"

/* The bytes read from the file at a time, checked before any is handed on. */
#define PIECE_SIZE (1024 * 1024)
/* The longer of "<!DOCTYPE" and "<!ENTITY", less one: what a piece keeps of the last
 * one, so that a declaration split between two is still found. */
#define TAIL_SIZE 8

struct _PlacementsExchangeInput
{
  /* The source: a file, or bytes in memory. */
  int           fd;
  char         *buffer;
  const char   *data;
  gsize         data_length;
  gsize         max_size;
  char         *display_name;
  GCancellable *cancellable;

  /* Bytes read from the source so far. */
  guint64       total;
  guchar        first[2];
  /* Newlines in the bytes checked so far. */
  guint         n_newlines;
  /* An incomplete UTF-8 sequence at the end of the last piece. */
  GString      *carry;
  /* The bytes of the piece being checked, @carry first. */
  GString      *work;
  char          tail[TAIL_SIZE];
  gsize         n_tail;
  /* Checked bytes the parser has not taken yet. */
  GString      *pending;
  gsize         pending_offset;
  PlacementsExchangeScanner *scanner;

  /* What was found: the first of each, with its line. */
  gboolean      bad_utf8;
  guint         bad_utf8_line;
  gboolean      doctype;
  guint         doctype_line;
  gboolean      entity;
  guint         entity_line;
  gboolean      too_large;
  int           read_errno;

  gboolean      at_end;
  /* Nothing more is handed to the parser: a check failed, or reading did. */
  gboolean      stopped;
};

static PlacementsExchangeInput *
input_new (const char *display_name,
           gsize       max_size)
{
  PlacementsExchangeInput *input = g_new0 (PlacementsExchangeInput, 1);

  input->fd = -1;
  input->display_name = g_strdup (display_name);
  input->max_size = max_size;
  input->carry = g_string_new (NULL);
  input->work = g_string_sized_new (PIECE_SIZE + 8);
  input->pending = g_string_sized_new (PIECE_SIZE + 8);
  input->scanner = placements_exchange_scanner_new ();
  return input;
}

PlacementsExchangeInput *
placements_exchange_input_new_for_fd (int            fd,
                                      gsize          max_size,
                                      const char    *display_name,
                                      GCancellable  *cancellable)
{
  PlacementsExchangeInput *input = input_new (display_name, max_size);

  input->fd = fd;
  input->buffer = g_malloc (PIECE_SIZE);
  if (cancellable != NULL)
    input->cancellable = g_object_ref (cancellable);
  return input;
}

PlacementsExchangeInput *
placements_exchange_input_new_for_memory (const char *data,
                                          gsize       length,
                                          const char *display_name)
{
  PlacementsExchangeInput *input = input_new (display_name, G_MAXSIZE - 1);

  input->data = data != NULL ? data : "";
  input->data_length = length;
  return input;
}

void
placements_exchange_input_free (PlacementsExchangeInput *input)
{
  if (input == NULL)
    return;
  if (input->fd >= 0)
    close (input->fd);
  g_free (input->buffer);
  g_free (input->display_name);
  g_clear_object (&input->cancellable);
  g_string_free (input->carry, TRUE);
  g_string_free (input->work, TRUE);
  g_string_free (input->pending, TRUE);
  placements_exchange_scanner_free (input->scanner);
  g_free (input);
}

static guint
count_newlines (const char *data,
                gsize       length)
{
  const char *end = data + length;
  guint n = 0;

  for (const char *p = data; p < end && (p = memchr (p, '\n', (gsize) (end - p))) != NULL; p++)
    n++;
  return n;
}

/* Whether @data (@length bytes, the tail of a piece) can begin a UTF-8 sequence that
 * the next piece completes. */
static gboolean
is_utf8_prefix (const guchar *data,
                gsize         length)
{
  gsize needed;

  if (data[0] >= 0xc2 && data[0] <= 0xdf)
    needed = 2;
  else if (data[0] >= 0xe0 && data[0] <= 0xef)
    needed = 3;
  else if (data[0] >= 0xf0 && data[0] <= 0xf4)
    needed = 4;
  else
    return FALSE;
  if (length >= needed)
    return FALSE;
  for (gsize i = 1; i < length; i++)
    if (data[i] < 0x80 || data[i] > 0xbf)
      return FALSE;
  return TRUE;
}

/* Looks for @needle in the last piece's tail and @data; sets @line to its line. */
static gboolean
find_declaration (PlacementsExchangeInput *input,
                  const char              *data,
                  gsize                    length,
                  const char              *needle,
                  guint                   *line)
{
  gsize needle_length = strlen (needle);
  char joint[2 * TAIL_SIZE];
  gsize n_joint = MIN (length, TAIL_SIZE);
  const char *found;
  guint before = input->n_newlines - count_newlines (input->tail, input->n_tail);

  /* Across the joint of the two pieces first, then in the piece itself. */
  memcpy (joint, input->tail, input->n_tail);
  memcpy (joint + input->n_tail, data, n_joint);
  found = memmem (joint, input->n_tail + n_joint, needle, needle_length);
  if (found != NULL)
    {
      *line = 1 + before + count_newlines (joint, (gsize) (found - joint));
      return TRUE;
    }
  found = memmem (data, length, needle, needle_length);
  if (found != NULL)
    {
      *line = 1 + input->n_newlines + count_newlines (data, (gsize) (found - data));
      return TRUE;
    }
  return FALSE;
}

/* Checks the bytes of one piece (@at_end: the last, possibly empty); the ones that
 * pass go to @pending when @keep. */
static void
check_piece (PlacementsExchangeInput *input,
             const char              *data,
             gsize                    length,
             gboolean                 at_end,
             gboolean                 keep)
{
  GString *work = input->work;
  const char *end = NULL;
  gsize valid;

  for (gsize i = 0; i < length && input->total + i < 2; i++)
    input->first[input->total + i] = (guchar) data[i];
  input->total += length;
  if (input->total > input->max_size)
    {
      input->too_large = TRUE;
      input->stopped = TRUE;
      return;
    }
  /* After bad UTF-8, nothing else is looked for: that is what will be said. */
  if (input->bad_utf8)
    return;

  g_string_truncate (work, 0);
  g_string_append_len (work, input->carry->str, (gssize) input->carry->len);
  g_string_append_len (work, data, (gssize) length);
  g_string_truncate (input->carry, 0);
  if (g_utf8_validate_len (work->str, work->len, &end))
    valid = work->len;
  else
    {
      valid = (gsize) (end - work->str);
      if (at_end || !is_utf8_prefix ((const guchar *) end, work->len - valid))
        {
          input->bad_utf8 = TRUE;
          input->bad_utf8_line = 1 + input->n_newlines + count_newlines (work->str, valid);
          input->stopped = TRUE;
          return;
        }
      g_string_append_len (input->carry, end, (gssize) (work->len - valid));
    }

  if (!input->doctype)
    input->doctype = find_declaration (input, work->str, valid, "<!DOCTYPE",
                                       &input->doctype_line);
  if (!input->entity)
    input->entity = find_declaration (input, work->str, valid, "<!ENTITY",
                                      &input->entity_line);
  /* An entity declaration outside a DOCTYPE is the parser's to refuse. */
  if (!placements_exchange_scanner_feed (input->scanner, work->str, valid, at_end) ||
      input->doctype)
    input->stopped = TRUE;

  input->n_newlines += count_newlines (work->str, valid);
  if (valid >= TAIL_SIZE)
    {
      memcpy (input->tail, work->str + valid - TAIL_SIZE, TAIL_SIZE);
      input->n_tail = TAIL_SIZE;
    }
  else
    {
      gsize keep_old = MIN (input->n_tail, TAIL_SIZE - valid);

      memmove (input->tail, input->tail + input->n_tail - keep_old, keep_old);
      memcpy (input->tail + keep_old, work->str, valid);
      input->n_tail = keep_old + valid;
    }

  if (keep && !input->stopped)
    g_string_append_len (input->pending, work->str, (gssize) valid);
}

/* Reads and checks the next piece. FALSE when nothing more can be read. */
static gboolean
next_piece (PlacementsExchangeInput *input,
            gboolean                 keep)
{
  char *buffer;
  gssize n;

  if (input->at_end || input->read_errno != 0 || input->too_large)
    return FALSE;
  if (g_cancellable_is_cancelled (input->cancellable))
    {
      input->stopped = TRUE;
      return FALSE;
    }

  if (input->fd < 0)
    {
      gsize left = input->data_length - (gsize) input->total;

      n = (gssize) MIN (left, (gsize) PIECE_SIZE);
      buffer = (char *) input->data + input->total;
    }
  else
    {
      /* Up to one byte past the cap: a file that grew since fstat() is still caught. */
      gsize wanted = (gsize) MIN ((guint64) PIECE_SIZE,
                                  (guint64) input->max_size + 1 - input->total);

      buffer = input->buffer;
      do
        n = read (input->fd, buffer, wanted);
      while (n < 0 && errno == EINTR);
      if (n < 0)
        {
          input->read_errno = errno;
          input->stopped = TRUE;
          return FALSE;
        }
    }

  if (n == 0)
    {
      input->at_end = TRUE;
      check_piece (input, "", 0, TRUE, keep);
      return FALSE;
    }
  check_piece (input, buffer, (gsize) n, FALSE, keep);
  return TRUE;
}

int
placements_exchange_input_read (void *data,
                                char *buffer,
                                int   length)
{
  PlacementsExchangeInput *input = data;
  gsize n;

  while (input->pending_offset == input->pending->len)
    {
      g_string_truncate (input->pending, 0);
      input->pending_offset = 0;
      if (input->stopped)
        return -1;
      if (input->at_end)
        return 0;
      next_piece (input, TRUE);
    }
  n = MIN ((gsize) length, input->pending->len - input->pending_offset);
  memcpy (buffer, input->pending->str + input->pending_offset, n);
  input->pending_offset += n;
  return (int) n;
}

int
placements_exchange_input_close (void *data)
{
  return 0;
}

static void G_GNUC_PRINTF (5, 6)
refuse (GError     **error,
        const char  *display_name,
        guint        line,
        const char  *rule,
        const char  *format,
        ...)
{
  va_list args;

  va_start (args, format);
  placements_exchange_refuse_valist (error, display_name, line, rule, format, args);
  va_end (args);
}

gboolean
placements_exchange_input_finish (PlacementsExchangeInput  *input,
                                  GError                  **error)
{
  const char *name = input->display_name;
  guint line = 0;
  const char *rule = NULL;
  const char *message = NULL;

  g_string_truncate (input->pending, 0);
  input->pending_offset = 0;
  while (next_piece (input, FALSE))
    ;

  if (input->read_errno != 0)
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO,
                   _("%s could not be read: %s"), name, g_strerror (input->read_errno));
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (input->cancellable, error))
    return FALSE;
  if (input->too_large)
    {
      g_autofree char *limit = g_format_size_full (input->max_size,
                                                   G_FORMAT_SIZE_LONG_FORMAT);

      refuse (error, name, 1, "max-size", _("the file is larger than the %s allowed"), limit);
      return FALSE;
    }
  if (input->total >= 2 && input->first[0] == 0x1f && input->first[1] == 0x8b)
    {
      refuse (error, name, 1, "not-compressed",
              _("the file is compressed (gzip); exchange files are plain XML"));
      return FALSE;
    }
  if (input->bad_utf8)
    {
      refuse (error, name, input->bad_utf8_line, "utf-8",
              _("the file is not valid UTF-8 text"));
      return FALSE;
    }
  if (input->total == 0)
    {
      refuse (error, name, 1, "well-formed", _("the file is empty"));
      return FALSE;
    }
  /* A DOCTYPE is where entity expansion (billion laughs) and external entities
   * (XXE) live; the format has none. Looking at the bytes also catches one hidden
   * where a parser would not look yet. */
  if (input->doctype && input->entity)
    {
      refuse (error, name, input->entity_line, "no-entities",
              _("the file declares entities, which exchange files may not have"));
      return FALSE;
    }
  if (input->doctype)
    {
      refuse (error, name, input->doctype_line, "no-doctype",
              _("the file has a DOCTYPE, which exchange files may not have"));
      return FALSE;
    }
  /* Processing instructions, another declared encoding, and elements with enough
   * attributes to make libxml2 take minutes: refused before it parses them. */
  if (placements_exchange_scanner_get_failure (input->scanner, &line, &rule, &message))
    {
      refuse (error, name, line, rule, "%s", message);
      return FALSE;
    }
  return TRUE;
}

guint
placements_exchange_input_get_n_lines (PlacementsExchangeInput *input)
{
  return 1 + input->n_newlines;
}
