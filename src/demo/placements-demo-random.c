#define G_LOG_DOMAIN "placements-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-demo-private.h"

/* The generator's helpers: chance, UUIDs, dates, postcodes, streets, phone numbers
 * and national ids that pass their checks, and writing a record. */

/* -------------------------------------------------------------------------- */
/* Random helpers                                                              */
/* -------------------------------------------------------------------------- */

/* Inclusive at both ends. */
int
demo_random_int (Demo *demo,
                 int   low,
                 int   high)
{
  return g_rand_int_range (demo->rand, low, high + 1);
}

gboolean
demo_chance (Demo   *demo,
             double  probability)
{
  return g_rand_double (demo->rand) < probability;
}

/* A version-4 UUID, but from the seeded generator so that runs repeat. */
void
demo_make_uuid (Demo *demo,
                char  text[37])
{
  guint8 bytes[16];

  for (guint i = 0; i < 16; i += 4)
    {
      guint32 word = g_rand_int (demo->rand);

      bytes[i] = word >> 24;
      bytes[i + 1] = word >> 16;
      bytes[i + 2] = word >> 8;
      bytes[i + 3] = word;
    }
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;

  g_snprintf (text, 37,
              "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
              bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
              bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14],
              bytes[15]);
}

/* A UUID the generator keeps referring to. */
const char *
demo_keep_uuid (Demo *demo)
{
  char uuid[37];

  demo_make_uuid (demo, uuid);
  return g_string_chunk_insert_len (demo->strings, uuid, 36);
}

/* YYYY-MM-DD of a Julian day; the buffer lives until the end of the caller's statement. */
DayText
demo_day_text (guint32 julian)
{
  DayText day;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (day.text, sizeof day.text, "%04u-%02u-%02u",
              (guint) g_date_get_year (&date), (guint) g_date_get_month (&date),
              (guint) g_date_get_day (&date));
  return day;
}

guint32
demo_julian (int          year,
             GDateMonth   month,
             GDateDay     day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

GDateWeekday
demo_weekday (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_date_get_weekday (&date);
}

/* The name as an address part: "Çelik" → "celik", "van den Berg" → "vandenberg". */
char *
demo_mail_slug (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (slug, g_ascii_tolower (*p));
  return g_string_free (slug, FALSE);
}

char *
demo_random_postcode (Demo       *demo,
                      const City *city,
                      gboolean    dutch)
{
  guint number = (guint) demo_random_int (demo, (int) city->postcode_low,
                                          (int) city->postcode_high);
  /* The letters Dutch postcodes use; SA, SD and SS are never given out. */
  static const char letters[] = "ABCDEGHJKLMNPRSTVWXZ";
  char first;
  char second;

  if (!dutch)
    return g_strdup_printf ("%u", number);

  do
    {
      first = letters[demo_random_int (demo, 0, sizeof letters - 2)];
      second = letters[demo_random_int (demo, 0, sizeof letters - 2)];
    }
  while (first == 'S' && (second == 'A' || second == 'D' || second == 'S'));
  return g_strdup_printf ("%u %c%c", number, first, second);
}

char *
demo_random_street (Demo              *demo,
                    PlacementsCountry  country)
{
  return g_strdup_printf ("%s %d",
                          country == PLACEMENTS_COUNTRY_NL ? PICK_FROM (demo, demo_nl_streets)
                                                           : PICK_FROM (demo, demo_be_streets),
                          demo_random_int (demo, 1, 240));
}

char *
demo_random_mobile (Demo              *demo,
                    PlacementsCountry  country)
{
  if (country == PLACEMENTS_COUNTRY_NL)
    return g_strdup_printf ("06-%08d", demo_random_int (demo, 10000000, 99999999));
  return g_strdup_printf ("04%02d %02d %02d %02d", demo_random_int (demo, 60, 99),
                          demo_random_int (demo, 0, 99), demo_random_int (demo, 0, 99),
                          demo_random_int (demo, 0, 99));
}

/* Nine digits passing the eleven-test. */
char *
demo_random_bsn (Demo *demo)
{
  int digits[9];
  int sum;

  do
    {
      sum = 0;
      for (int i = 0; i < 8; i++)
        {
          digits[i] = demo_random_int (demo, i == 0 ? 1 : 0, 9);
          sum += (9 - i) * digits[i];
        }
      digits[8] = sum % 11;
    }
  while (digits[8] == 10);

  return g_strdup_printf ("%d%d%d%d%d%d%d%d%d", digits[0], digits[1], digits[2], digits[3],
                          digits[4], digits[5], digits[6], digits[7], digits[8]);
}

/* Birth date, a serial number (odd for men, even for women) and the mod-97 check,
 * counted with a leading 2 for people born from 2000 on. */
char *
demo_random_rrn (Demo     *demo,
                 guint32   birth,
                 gboolean  man)
{
  GDate date;
  guint64 first_nine;
  guint serial = (guint) demo_random_int (demo, 1, 498) * 2 - (man ? 1 : 0);
  guint year;
  guint check;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, birth);
  year = g_date_get_year (&date);
  first_nine = ((guint64) (year % 100) * 10000 + g_date_get_month (&date) * 100 +
                g_date_get_day (&date)) * 1000 + serial;
  check = 97 - (guint) (((year >= 2000 ? G_GUINT64_CONSTANT (2000000000) : 0) + first_nine) % 97);
  return g_strdup_printf ("%09" G_GUINT64_FORMAT "%02u", first_nine, check);
}

/* -------------------------------------------------------------------------- */
/* Writing                                                                      */
/* -------------------------------------------------------------------------- */

gboolean
demo_save (Demo     *demo,
           gpointer  record,
           GError  **error)
{
  if (!placements_store_save (demo->store, record, error))
    return FALSE;
  demo->n_records++;
  return TRUE;
}

gpointer
demo_new_record (Demo  *demo,
                 GType  type)
{
  char uuid[37];

  demo_make_uuid (demo, uuid);
  return g_object_new (type, "uuid", uuid, NULL);
}
