#define G_LOG_DOMAIN "placements-validate"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "placements-validate.h"

/* RFC 5321 caps a forward path at 256 octets, two of them the angle brackets. */
#define EMAIL_MAX_LENGTH 254

#define PHONE_MIN_DIGITS 8
/* E.164 allows no more than 15 digits, country code included. */
#define PHONE_MAX_DIGITS 15

#define CAPACITY_MIN 1
#define CAPACITY_MAX 500

#define HOURS_PER_WEEK_MAX 40.0

#define KVK_DIGITS 8
#define EXCHANGE_ID_MAX_LENGTH 64

/* People born from 2000 on get check digits computed as if a 2 stood before the
 * first nine digits, so that their numbers do not collide with those of 1900-1999. */
#define RRN_AFTER_2000_OFFSET G_GUINT64_CONSTANT (2000000000)

/*
 * Copies the digit values of @text into @digits, skipping any character in
 * @separators. People type these numbers as they see them on a card or a letter,
 * grouped in various ways, so the grouping is not part of the number. Fails on
 * any other character and unless there are exactly @n_digits digits.
 */
static gboolean
collect_digits (const char *text,
                const char *separators,
                guint8     *digits,
                gsize       n_digits)
{
  gsize n = 0;

  g_assert (text != NULL);

  for (const char *p = text; *p != '\0'; p++)
    {
      if (strchr (separators, *p) != NULL)
        continue;
      if (!g_ascii_isdigit (*p) || n == n_digits)
        return FALSE;
      digits[n++] = (guint8) g_ascii_digit_value (*p);
    }

  return n == n_digits;
}

static gboolean
is_known_country (PlacementsCountry country)
{
  return country == PLACEMENTS_COUNTRY_NL || country == PLACEMENTS_COUNTRY_BE;
}

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

gboolean
placements_validate_date_order (const char *start,
                                const char *end)
{
  gboolean has_start = start != NULL && *start != '\0';
  gboolean has_end = end != NULL && *end != '\0';

  /* An open start or end puts no bound on the other, but a date that is there
   * must be a date: an order cannot be said to hold against garbage. */
  if ((has_start && !placements_validate_date (start)) ||
      (has_end && !placements_validate_date (end)))
    return FALSE;
  if (!has_start || !has_end)
    return TRUE;

  /* Valid YYYY-MM-DD strings sort as the dates they name. */
  return strcmp (end, start) >= 0;
}

gboolean
placements_validate_bsn (const char *text)
{
  guint8 d[9];
  int sum = 0;
  gboolean all_zero = TRUE;

  if (text == NULL || !collect_digits (text, " .", d, G_N_ELEMENTS (d)))
    return FALSE;

  for (guint i = 0; i < 8; i++)
    {
      sum += (int) (9 - i) * d[i];
      all_zero = all_zero && d[i] == 0;
    }
  sum -= d[8];
  all_zero = all_zero && d[8] == 0;

  /* 000000000 passes the eleven-test but is a placeholder, never a number. */
  return !all_zero && sum % 11 == 0;
}

/* The month field also carries the bis-number markers: +20 when the sex was
 * unknown at registration, +40 when it was known. 0 means the month is unknown. */
static gboolean
rrn_month_is_plausible (guint month)
{
  return month <= 12 ||
         (month >= 20 && month <= 32) ||
         (month >= 40 && month <= 52);
}

gboolean
placements_validate_rrn (const char *text)
{
  guint8 d[11];
  guint64 first_nine = 0;
  guint month, day, check;

  if (text == NULL || !collect_digits (text, ".- ", d, G_N_ELEMENTS (d)))
    return FALSE;

  month = d[2] * 10u + d[3];
  day = d[4] * 10u + d[5];
  /* Day 0 stands for an unknown day, as month 0 does for an unknown month. */
  if (!rrn_month_is_plausible (month) || day > 31)
    return FALSE;

  for (guint i = 0; i < 9; i++)
    first_nine = first_nine * 10 + d[i];
  check = d[9] * 10u + d[10];

  /* The two digits of the year do not say the century, so either rule may apply. */
  return check == 97 - first_nine % 97 ||
         check == 97 - (RRN_AFTER_2000_OFFSET + first_nine) % 97;
}

gboolean
placements_validate_national_id (PlacementsCountry country,
                                 const char       *text)
{
  g_return_val_if_fail (is_known_country (country), FALSE);

  if (country == PLACEMENTS_COUNTRY_NL)
    return placements_validate_bsn (text);
  return placements_validate_rrn (text);
}

/* Dutch and Belgian postcodes both start with four digits, the first not 0. */
static gboolean
has_postcode_digits (const char *text)
{
  if (text[0] < '1' || text[0] > '9')
    return FALSE;
  for (guint i = 1; i < 4; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
    }
  return TRUE;
}

static char *
normalise_postcode_nl (const char *text)
{
  gsize len = strlen (text);
  char letters[3];

  if ((len != 6 && len != 7) || !has_postcode_digits (text))
    return NULL;
  if (len == 7 && text[4] != ' ')
    return NULL;

  letters[0] = g_ascii_toupper (text[len - 2]);
  letters[1] = g_ascii_toupper (text[len - 1]);
  letters[2] = '\0';
  if (!g_ascii_isupper (letters[0]) || !g_ascii_isupper (letters[1]))
    return NULL;

  /* PostNL never issues these, for their connotations in the Second World War. */
  if (strcmp (letters, "SA") == 0 || strcmp (letters, "SD") == 0 ||
      strcmp (letters, "SS") == 0)
    return NULL;

  return g_strdup_printf ("%.4s %s", text, letters);
}

static char *
normalise_postcode_be (const char *text)
{
  if (strlen (text) != 4 || !has_postcode_digits (text))
    return NULL;
  return g_strdup (text);
}

char *
placements_normalise_postcode (PlacementsCountry country,
                               const char       *text)
{
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (is_known_country (country), NULL);

  if (text == NULL)
    return NULL;

  /* Space around a postcode comes from pasting, not from the postcode. */
  trimmed = g_strstrip (g_strdup (text));

  if (country == PLACEMENTS_COUNTRY_NL)
    return normalise_postcode_nl (trimmed);
  return normalise_postcode_be (trimmed);
}

gboolean
placements_validate_postcode (PlacementsCountry country,
                              const char       *text)
{
  g_autofree char *normalised = NULL;

  g_return_val_if_fail (is_known_country (country), FALSE);

  /* Whatever can be written the stored way is valid, so the form and the record
   * never disagree about what they accept. */
  normalised = placements_normalise_postcode (country, text);
  return normalised != NULL;
}

gboolean
placements_validate_registry_number (PlacementsCountry  country,
                                     const char        *text)
{
  guint8 d[10];
  guint64 first_eight = 0;

  g_return_val_if_fail (is_known_country (country), FALSE);

  if (text == NULL)
    return FALSE;

  /* The KvK prints its numbers ungrouped, so grouping there is a typo. */
  if (country == PLACEMENTS_COUNTRY_NL)
    return collect_digits (text, "", d, KVK_DIGITS);

  /* The KBO prints 0123.456.749; people also type it with spaces or bare. */
  if (!collect_digits (text, ". ", d, G_N_ELEMENTS (d)))
    return FALSE;
  for (guint i = 0; i < 8; i++)
    first_eight = first_eight * 10 + d[i];
  return d[8] * 10u + d[9] == 97 - first_eight % 97;
}

gboolean
placements_validate_exchange_id (const char *text)
{
  gsize len;

  if (text == NULL)
    return FALSE;

  /* Exchange ids end up in XML attributes and file names: a small safe alphabet. */
  len = strlen (text);
  if (len == 0 || len > EXCHANGE_ID_MAX_LENGTH)
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p) && strchr ("._:-", *p) == NULL)
        return FALSE;
    }
  return TRUE;
}

gboolean
placements_validate_email (const char *text)
{
  const char *at;
  const char *domain;
  gsize len;
  gsize domain_len;

  if (text == NULL)
    return FALSE;

  len = strlen (text);
  /* Non-ASCII is allowed for internationalised addresses, but only as UTF-8. */
  if (len == 0 || len > EMAIL_MAX_LENGTH || !g_utf8_validate (text, (gssize) len, NULL))
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p) || g_ascii_iscntrl (*p))
        return FALSE;
    }

  at = strchr (text, '@');
  if (at == NULL || at == text || strchr (at + 1, '@') != NULL)
    return FALSE;

  domain = at + 1;
  domain_len = strlen (domain);
  if (domain_len == 0 || domain[0] == '.' || domain[domain_len - 1] == '.')
    return FALSE;
  /* An empty label, as in "example..org", is a typo that no mail server accepts. */
  return strchr (domain, '.') != NULL && strstr (domain, "..") == NULL;
}

gboolean
placements_validate_phone (const char *text)
{
  const char *p = text;
  guint n_digits = 0;

  if (text == NULL)
    return FALSE;

  if (*p == '+')
    p++;
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (++n_digits > PHONE_MAX_DIGITS)
            return FALSE;
        }
      else if (strchr (" -.()", *p) == NULL)
        return FALSE;
    }

  return n_digits >= PHONE_MIN_DIGITS;
}

gboolean
placements_validate_capacity (int capacity)
{
  return capacity >= CAPACITY_MIN && capacity <= CAPACITY_MAX;
}

gboolean
placements_validate_hours_per_week (double hours)
{
  /* A NaN fails every comparison anyway; isfinite() says so out loud. */
  return isfinite (hours) && hours > 0.0 && hours <= HOURS_PER_WEEK_MAX;
}

static gboolean
is_refused_character (gunichar c)
{
  /* Tab, line feed and carriage return belong in notes; the other C0 controls,
   * DEL and the C1 controls have no place in text a person typed. */
  if (c < 0x20)
    return c != '\t' && c != '\n' && c != '\r';
  if (c >= 0x7f && c <= 0x9f)
    return TRUE;
  /* Embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and isolates (LRI, RLI, FSI,
   * PDI): "Jan\u202Enesnaj" shows as something else than it is. */
  return (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

gboolean
placements_validate_text (const char *text,
                          gunichar   *bad)
{
  const char *p;

  g_return_val_if_fail (text != NULL, FALSE);

  for (p = text; *p != '\0'; p++)
    {
      guchar byte = (guchar) *p;

      /* Plain ASCII, most text, needs no decoding. */
      if (byte >= 0x20 && byte < 0x7f)
        continue;
      if (byte < 0x80)
        {
          if (is_refused_character (byte))
            {
              if (bad != NULL)
                *bad = byte;
              return FALSE;
            }
          continue;
        }
      break;
    }

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_refused_character (c))
        {
          if (bad != NULL)
            *bad = c;
          return FALSE;
        }
    }
  return TRUE;
}

/* Zero-width space and BOM are trimmed at the ends like white space. */
static gboolean
is_trimmed (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x200b || c == 0xfeff;
}

static gboolean
is_invisible (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return is_trimmed (c) || type == G_UNICODE_FORMAT || type == G_UNICODE_SPACE_SEPARATOR ||
         type == G_UNICODE_LINE_SEPARATOR || type == G_UNICODE_PARAGRAPH_SEPARATOR ||
         type == G_UNICODE_CONTROL;
}

gboolean
placements_text_is_invisible (const char *text)
{
  if (text == NULL || *text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_invisible (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

char *
placements_normalise_text (const char *text)
{
  g_autofree char *normal = NULL;
  const char *start;
  const char *end;
  gboolean ascii = TRUE;
  gsize length;

  g_return_val_if_fail (text != NULL, NULL);

  length = strlen (text);
  for (gsize i = 0; i < length && ascii; i++)
    ascii = (guchar) text[i] < 0x80;

  if (ascii)
    {
      if (length == 0 ||
          (!g_ascii_isspace (text[0]) && !g_ascii_isspace (text[length - 1])))
        return NULL;
      return g_strstrip (g_strdup (text));
    }

  if (!g_utf8_validate_len (text, length, NULL))
    return NULL;
  normal = g_utf8_normalize (text, (gssize) length, G_NORMALIZE_NFC);
  if (normal == NULL)
    return NULL;

  start = normal;
  while (*start != '\0' && is_trimmed (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  end = normal + strlen (normal);
  while (end > start)
    {
      const char *previous = g_utf8_find_prev_char (start, end);

      if (previous == NULL || !is_trimmed (g_utf8_get_char (previous)))
        break;
      end = previous;
    }

  if (start == normal && *end == '\0' && strcmp (normal, text) == 0)
    return NULL;
  return g_strndup (start, (gsize) (end - start));
}
