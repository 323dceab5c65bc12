#define G_LOG_DOMAIN "placements-test-validate"

#include "config.h"

#include <math.h>
#include <string.h>

#include "placements-validate.h"

/* The domain the checks log under, for criticals a test expects. */
#define VALIDATE_LOG_DOMAIN "placements-validate"

/* An enum value no country has, as a corrupt caller might pass. */
#define BOGUS_COUNTRY ((PlacementsCountry) 42)

typedef gboolean (*CheckFunc) (const char *text);

static void
assert_all (CheckFunc           check,
            const char         *name,
            const char * const *texts,
            gboolean            expected)
{
  for (gsize i = 0; texts[i] != NULL; i++)
    {
      if (check (texts[i]) != expected)
        g_error ("%s (\"%s\") should be %s", name, texts[i], expected ? "TRUE" : "FALSE");
    }
}

#define ASSERT_VALID(check, ...) \
  assert_all (check, #check, (const char * const[]) { __VA_ARGS__, NULL }, TRUE)
#define ASSERT_INVALID(check, ...) \
  assert_all (check, #check, (const char * const[]) { __VA_ARGS__, NULL }, FALSE)

static void
test_uuid (void)
{
  ASSERT_VALID (placements_validate_uuid,
                "123e4567-e89b-12d3-a456-426614174000",
                "123E4567-E89B-12D3-A456-426614174000");
  ASSERT_INVALID (placements_validate_uuid,
                  "",
                  "123e4567e89b12d3a456426614174000",
                  "123e4567-e89b-12d3-a456-42661417400",
                  "123e4567-e89b-12d3-a456-4266141740000",
                  "123e4567-e89b-12d3-a456-42661417400g",
                  " 123e4567-e89b-12d3-a456-426614174000");
  g_assert_false (placements_validate_uuid (NULL));
}

static void
test_date_valid (void)
{
  ASSERT_VALID (placements_validate_date,
                "2024-01-31",
                "2024-02-29",
                "2000-02-29",
                "1900-01-01",
                "2200-12-31");
}

static void
test_date_invalid (void)
{
  ASSERT_INVALID (placements_validate_date,
                  "",
                  "2023-02-29",
                  "1900-02-29",
                  "2024-04-31",
                  "2024-13-01",
                  "2024-00-10",
                  "2024-01-00",
                  "1899-12-31",
                  "2201-01-01",
                  "2024-1-01",
                  "2024/01/01",
                  "20240101",
                  "01-01-2024",
                  " 2024-01-01",
                  "2024-01-01 ",
                  "2024-01-01T00:00",
                  "2024-0a-01");
  g_assert_false (placements_validate_date (NULL));
}

static void
test_date_order (void)
{
  g_assert_true (placements_validate_date_order ("2024-01-01", "2024-01-02"));
  g_assert_true (placements_validate_date_order ("2024-01-01", "2024-01-01"));
  g_assert_true (placements_validate_date_order ("2023-12-31", "2024-01-01"));
  g_assert_false (placements_validate_date_order ("2024-01-02", "2024-01-01"));
  g_assert_false (placements_validate_date_order ("2024-01-01", "2023-12-31"));
}

static void
test_date_order_open (void)
{
  g_assert_true (placements_validate_date_order (NULL, NULL));
  g_assert_true (placements_validate_date_order ("", ""));
  g_assert_true (placements_validate_date_order ("2024-01-01", NULL));
  g_assert_true (placements_validate_date_order ("2024-01-01", ""));
  g_assert_true (placements_validate_date_order (NULL, "2024-01-01"));
  g_assert_true (placements_validate_date_order ("", "2024-01-01"));
}

static void
test_date_order_invalid_date (void)
{
  /* Without the date check, "2024-13-01" would compare as later than any real date. */
  g_assert_false (placements_validate_date_order ("2024-01-01", "2024-13-01"));
  g_assert_false (placements_validate_date_order ("2024-02-30", "2024-03-01"));
  g_assert_false (placements_validate_date_order ("01-01-2024", NULL));
  g_assert_false (placements_validate_date_order ("", "tomorrow"));
  g_assert_false (placements_validate_date_order (" ", "2024-01-01"));
}

static void
test_bsn_valid (void)
{
  ASSERT_VALID (placements_validate_bsn,
                "111222333",
                "123456782",
                "999999990",
                "1234.56.782",
                "123 456 782",
                " 123456782 ");
}

static void
test_bsn_invalid (void)
{
  ASSERT_INVALID (placements_validate_bsn,
                  "",
                  "123456789",
                  "111222334",
                  "123456728",
                  "000000000",
                  "000.000.000",
                  "12345678",
                  "1234567820",
                  "12345678a",
                  "123-456-782",
                  "123456782\n",
                  "+123456782");
  g_assert_false (placements_validate_bsn (NULL));
}

static void
test_rrn_before_2000 (void)
{
  /* Born 30 July 1985: 97 - (850730033 mod 97) = 28. */
  ASSERT_VALID (placements_validate_rrn,
                "85073003328",
                "85.07.30-033.28",
                "850730 033 28",
                " 85.07.30-033.28 ");
  /* The same with the check digits of the rule for people born from 2000 on, which
   * also fits: the two-digit year does not say the century. */
  ASSERT_VALID (placements_validate_rrn, "85073003357");
  ASSERT_INVALID (placements_validate_rrn,
                  "85073003329",
                  "85073003382",
                  "85.07.30-033.00");
}

static void
test_rrn_after_2000 (void)
{
  /* Born 3 February 2001: 97 - (2010203123 mod 97) = 45; the pre-2000 rule gives 16. */
  ASSERT_VALID (placements_validate_rrn,
                "01020312345",
                "01.02.03-123.45");
  ASSERT_INVALID (placements_validate_rrn,
                  "01020312346",
                  "01020312354",
                  "01.02.03-124.45");
}

static void
test_rrn_bis (void)
{
  /* Bis numbers add 20 (sex unknown) or 40 (sex known) to the month. */
  ASSERT_VALID (placements_validate_rrn,
                "85.47.30-033.17",
                "85.20.00-000.82",
                "85.23.30-033.43",
                "85.52.30-033.52");
  /* A correct checksum does not save a month that no rule allows. */
  ASSERT_INVALID (placements_validate_rrn,
                  "85.13.30-033.70",
                  "85.33.30-033.16",
                  "85.53.30-033.59",
                  "85.47.30-033.18");
}

static void
test_rrn_unknown_date (void)
{
  /* Month and day 00 stand for an unknown date of birth. */
  ASSERT_VALID (placements_validate_rrn, "85.00.00-033.06");
  /* Day 32 with a correct checksum: no month has it. */
  ASSERT_INVALID (placements_validate_rrn, "85.07.32-033.65");
}

static void
test_rrn_invalid (void)
{
  ASSERT_INVALID (placements_validate_rrn,
                  "",
                  "8507300332",
                  "850730033280",
                  "85.07.30-033.2",
                  "85.07.30-O33.28",
                  "85.07.30-033.2a",
                  "85/07/30-033.28",
                  "85.07.30_033.28",
                  "...........",
                  "00000000000");
  g_assert_false (placements_validate_rrn (NULL));
}

static void
test_national_id (void)
{
  g_assert_true (placements_validate_national_id (PLACEMENTS_COUNTRY_NL, "123456782"));
  g_assert_true (placements_validate_national_id (PLACEMENTS_COUNTRY_BE, "85.07.30-033.28"));

  /* Each country's number is checked by that country's rule only. */
  g_assert_false (placements_validate_national_id (PLACEMENTS_COUNTRY_NL, "85.07.30-033.28"));
  g_assert_false (placements_validate_national_id (PLACEMENTS_COUNTRY_BE, "123456782"));

  g_assert_false (placements_validate_national_id (PLACEMENTS_COUNTRY_NL, "123456789"));
  g_assert_false (placements_validate_national_id (PLACEMENTS_COUNTRY_BE, "85.07.30-033.29"));
  g_assert_false (placements_validate_national_id (PLACEMENTS_COUNTRY_NL, NULL));
  g_assert_false (placements_validate_national_id (PLACEMENTS_COUNTRY_BE, NULL));
}

static void
test_national_id_unknown_country (void)
{
  g_test_expect_message (VALIDATE_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*is_known_country*");
  g_assert_false (placements_validate_national_id (BOGUS_COUNTRY, "123456782"));
  g_test_assert_expected_messages ();
}

static gboolean
validate_postcode_nl (const char *text)
{
  return placements_validate_postcode (PLACEMENTS_COUNTRY_NL, text);
}

static gboolean
validate_postcode_be (const char *text)
{
  return placements_validate_postcode (PLACEMENTS_COUNTRY_BE, text);
}

static void
test_postcode_nl (void)
{
  ASSERT_VALID (validate_postcode_nl,
                "1234 AB",
                "1234AB",
                "1234 ab",
                "1234aB",
                "1000 AA",
                "9999 ZZ",
                "1234 SB",
                "1234 AS",
                "  1234 AB\t");
  ASSERT_INVALID (validate_postcode_nl,
                  "",
                  "0999 AB",
                  "0123 AB",
                  "1234 SA",
                  "1234 sd",
                  "1234SS",
                  "1234  AB",
                  "1234-AB",
                  "1234 A",
                  "1234 ABC",
                  "123 AB",
                  "12345 AB",
                  "1234 A1",
                  "12a4 AB",
                  "1234",
                  "AB 1234",
                  "1234 \xc3\x84" "B");
  g_assert_false (validate_postcode_nl (NULL));
}

static void
test_postcode_be (void)
{
  ASSERT_VALID (validate_postcode_be,
                "1000",
                "9999",
                "2000",
                " 3500 ");
  ASSERT_INVALID (validate_postcode_be,
                  "",
                  "0999",
                  "0100",
                  "999",
                  "10000",
                  "1234 AB",
                  "B-1000",
                  "10 00",
                  "1o00");
  g_assert_false (validate_postcode_be (NULL));
}

static void
assert_normalised (PlacementsCountry  country,
                   const char        *text,
                   const char        *expected)
{
  g_autofree char *normalised = placements_normalise_postcode (country, text);

  g_assert_cmpstr (normalised, ==, expected);
}

static void
test_postcode_normalise (void)
{
  assert_normalised (PLACEMENTS_COUNTRY_NL, "1234 AB", "1234 AB");
  assert_normalised (PLACEMENTS_COUNTRY_NL, "1234ab", "1234 AB");
  assert_normalised (PLACEMENTS_COUNTRY_NL, "1234 aB", "1234 AB");
  assert_normalised (PLACEMENTS_COUNTRY_NL, " 1234AB\n", "1234 AB");
  assert_normalised (PLACEMENTS_COUNTRY_NL, "1234 SA", NULL);
  assert_normalised (PLACEMENTS_COUNTRY_NL, "0999 AB", NULL);
  assert_normalised (PLACEMENTS_COUNTRY_NL, "1234", NULL);
  assert_normalised (PLACEMENTS_COUNTRY_NL, NULL, NULL);

  assert_normalised (PLACEMENTS_COUNTRY_BE, "1000", "1000");
  assert_normalised (PLACEMENTS_COUNTRY_BE, "\t9000 ", "9000");
  assert_normalised (PLACEMENTS_COUNTRY_BE, "1234 AB", NULL);
  assert_normalised (PLACEMENTS_COUNTRY_BE, "0999", NULL);
  assert_normalised (PLACEMENTS_COUNTRY_BE, NULL, NULL);
}

static void
test_postcode_unknown_country (void)
{
  g_autofree char *normalised = NULL;

  g_test_expect_message (VALIDATE_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*is_known_country*");
  g_assert_false (placements_validate_postcode (BOGUS_COUNTRY, "1234"));
  g_test_assert_expected_messages ();

  g_test_expect_message (VALIDATE_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*is_known_country*");
  normalised = placements_normalise_postcode (BOGUS_COUNTRY, "1234");
  g_test_assert_expected_messages ();
  g_assert_null (normalised);
}

static gboolean
registry_number_nl (const char *text)
{
  return placements_validate_registry_number (PLACEMENTS_COUNTRY_NL, text);
}

static gboolean
registry_number_be (const char *text)
{
  return placements_validate_registry_number (PLACEMENTS_COUNTRY_BE, text);
}

static void
test_registry_number_nl (void)
{
  ASSERT_VALID (registry_number_nl, "12345678", "01234567", "69599084");
  ASSERT_INVALID (registry_number_nl,
                  "",
                  "1234567",
                  "123456789",
                  "1234 5678",
                  "1234.5678",
                  "1234567a",
                  " 12345678");
  g_assert_false (registry_number_nl (NULL));
}

static void
test_registry_number_be (void)
{
  /* 4031707 mod 97 = 96, so the check digits are 01; 2022399 mod 97 = 46, so 51. */
  ASSERT_VALID (registry_number_be,
                "0403.170.701",
                "0403170701",
                "0403 170 701",
                "0202.239.951");
  ASSERT_INVALID (registry_number_be,
                  "",
                  "0403.170.702",
                  "0403.170.710",
                  "403.170.701",
                  "00403.170.701",
                  "BE 0403.170.701",
                  "0403-170-701",
                  "12345678");
  g_assert_false (registry_number_be (NULL));
}

static void
test_registry_number_unknown_country (void)
{
  g_test_expect_message (VALIDATE_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL, "*is_known_country*");
  g_assert_false (placements_validate_registry_number (BOGUS_COUNTRY, "12345678"));
  g_test_assert_expected_messages ();
}

static void
test_exchange_id (void)
{
  g_autofree char *longest = g_strnfill (64, 'x');
  g_autofree char *too_long = g_strnfill (65, 'x');

  ASSERT_VALID (placements_validate_exchange_id,
                "a",
                "nl.kvk:12345678",
                "be-kbo_0403.170.701",
                "ZorgGroep:Linde-01");
  ASSERT_INVALID (placements_validate_exchange_id,
                  "",
                  "zorg groep",
                  "zorg/groep",
                  "zorg@groep",
                  "caf\xc3\xa9",
                  "zorg\n");
  g_assert_true (placements_validate_exchange_id (longest));
  g_assert_false (placements_validate_exchange_id (too_long));
  g_assert_false (placements_validate_exchange_id (NULL));
}

static void
test_email_valid (void)
{
  g_autofree char *local = g_strnfill (64, 'a');
  g_autofree char *domain = g_strnfill (186, 'b');
  g_autofree char *longest = g_strconcat (local, "@", domain, ".nl", NULL);

  ASSERT_VALID (placements_validate_email,
                "a@b.nl",
                "jan.jansen@example.org",
                "j.de-vries+placements@mail.zorg.example.nl",
                "An.Peeters@Example.BE",
                "ren\xc3\xa9@caf\xc3\xa9.be");

  g_assert_cmpuint (strlen (longest), ==, 254);
  g_assert_true (placements_validate_email (longest));
}

static void
test_email_invalid (void)
{
  g_autofree char *local = g_strnfill (64, 'a');
  g_autofree char *domain = g_strnfill (187, 'b');
  g_autofree char *too_long = g_strconcat (local, "@", domain, ".nl", NULL);

  ASSERT_INVALID (placements_validate_email,
                  "",
                  "@",
                  "jan",
                  "jan.example.org",
                  "@example.org",
                  "jan@",
                  "jan@example",
                  "jan@.example.org",
                  "jan@example.org.",
                  "jan@example..org",
                  "jan@@example.org",
                  "jan@piet@example.org",
                  "jan jansen@example.org",
                  "jan@exa mple.org",
                  " jan@example.org",
                  "jan@example.org ",
                  "jan@example.org\n",
                  "jan\t@example.org",
                  "jan@example.\xff" "org");

  g_assert_cmpuint (strlen (too_long), ==, 255);
  g_assert_false (placements_validate_email (too_long));
  g_assert_false (placements_validate_email (NULL));
}

static void
test_phone_valid (void)
{
  ASSERT_VALID (placements_validate_phone,
                "0612345678",
                "06-12345678",
                "+31 6 12345678",
                "+31 (0)20 123 4567",
                "020-123 45 67",
                "+32 470 12 34 56",
                "0470.12.34.56",
                "12345678",
                "+123456789012345",
                " 0612345678 ");
}

static void
test_phone_invalid (void)
{
  ASSERT_INVALID (placements_validate_phone,
                  "",
                  "+",
                  "1234567",
                  "+1234567",
                  "123-45-67",
                  "1234567890123456",
                  "+1234 5678 9012 3456",
                  "06 1234 567a",
                  "06/12345678",
                  "0612345678 ext 12",
                  "++31612345678",
                  "31+612345678",
                  " +31612345678",
                  "06\t12345678",
                  "(--------)");
  g_assert_false (placements_validate_phone (NULL));
}

static void
test_capacity (void)
{
  g_assert_true (placements_validate_capacity (1));
  g_assert_true (placements_validate_capacity (6));
  g_assert_true (placements_validate_capacity (500));

  g_assert_false (placements_validate_capacity (0));
  g_assert_false (placements_validate_capacity (-1));
  g_assert_false (placements_validate_capacity (501));
  g_assert_false (placements_validate_capacity (G_MININT));
  g_assert_false (placements_validate_capacity (G_MAXINT));
}

static void
test_hours_per_week (void)
{
  g_assert_true (placements_validate_hours_per_week (0.5));
  g_assert_true (placements_validate_hours_per_week (4.0));
  g_assert_true (placements_validate_hours_per_week (32.5));
  g_assert_true (placements_validate_hours_per_week (40.0));
  g_assert_true (placements_validate_hours_per_week (G_MINDOUBLE));

  g_assert_false (placements_validate_hours_per_week (0.0));
  g_assert_false (placements_validate_hours_per_week (-0.0));
  g_assert_false (placements_validate_hours_per_week (-4.0));
  g_assert_false (placements_validate_hours_per_week (40.0001));
  g_assert_false (placements_validate_hours_per_week (168.0));
  g_assert_false (placements_validate_hours_per_week (NAN));
  g_assert_false (placements_validate_hours_per_week (INFINITY));
  g_assert_false (placements_validate_hours_per_week (-INFINITY));
}

static void
test_text (void)
{
  gunichar bad = 0;

  g_assert_true (placements_validate_text ("Jan Jansen", NULL));
  g_assert_true (placements_validate_text ("Ren\u00e9 \u05d3\u05d5\u05d3 \U0001F600", NULL));
  g_assert_true (placements_validate_text ("regel 1\nregel 2\r\n\tinspringen", NULL));
  /* Marks, not overrides: right-to-left names need them. */
  g_assert_true (placements_validate_text ("\u200f\u05d3\u05d5\u05d3", NULL));

  g_assert_false (placements_validate_text ("Jan\u202Esnesnaj", &bad));
  g_assert_cmpuint (bad, ==, 0x202e);
  g_assert_false (placements_validate_text ("\u2066x", &bad));
  g_assert_cmpuint (bad, ==, 0x2066);
  g_assert_false (placements_validate_text ("a\x7f", &bad));
  g_assert_cmpuint (bad, ==, 0x7f);
  g_assert_false (placements_validate_text ("a\x02", &bad));
  g_assert_cmpuint (bad, ==, 0x02);
  g_assert_false (placements_validate_text ("a\xc2\x9b" "b", &bad));
  g_assert_cmpuint (bad, ==, 0x9b);

  g_assert_true (placements_text_is_invisible (" "));
  g_assert_true (placements_text_is_invisible ("\u200b\u200c\u200d\u2060\ufeff"));
  g_assert_false (placements_text_is_invisible (""));
  g_assert_false (placements_text_is_invisible ("\u200bx"));
}

static void
test_normalise_text (void)
{
  g_autofree char *trimmed = placements_normalise_text ("  Jan\t");
  g_autofree char *nfc = placements_normalise_text ("Rene\u0301");
  g_autofree char *zero_width = placements_normalise_text ("\ufeff\u200bJan\u00a0\u3000");
  g_autofree char *empty = placements_normalise_text ("   ");

  /* Already so: nothing to copy. */
  g_assert_null (placements_normalise_text ("Jan Jansen"));
  g_assert_null (placements_normalise_text ("Ren\u00e9"));
  g_assert_null (placements_normalise_text (""));
  g_assert_cmpstr (trimmed, ==, "Jan");
  g_assert_cmpstr (nfc, ==, "Ren\u00e9");
  g_assert_cmpstr (zero_width, ==, "Jan");
  g_assert_cmpstr (empty, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/validate/uuid", test_uuid);
  g_test_add_func ("/validate/date/valid", test_date_valid);
  g_test_add_func ("/validate/date/invalid", test_date_invalid);
  g_test_add_func ("/validate/date-order/in-order", test_date_order);
  g_test_add_func ("/validate/date-order/open", test_date_order_open);
  g_test_add_func ("/validate/date-order/invalid-date", test_date_order_invalid_date);
  g_test_add_func ("/validate/bsn/valid", test_bsn_valid);
  g_test_add_func ("/validate/bsn/invalid", test_bsn_invalid);
  g_test_add_func ("/validate/rrn/before-2000", test_rrn_before_2000);
  g_test_add_func ("/validate/rrn/after-2000", test_rrn_after_2000);
  g_test_add_func ("/validate/rrn/bis", test_rrn_bis);
  g_test_add_func ("/validate/rrn/unknown-date", test_rrn_unknown_date);
  g_test_add_func ("/validate/rrn/invalid", test_rrn_invalid);
  g_test_add_func ("/validate/national-id/by-country", test_national_id);
  g_test_add_func ("/validate/national-id/unknown-country", test_national_id_unknown_country);
  g_test_add_func ("/validate/postcode/nl", test_postcode_nl);
  g_test_add_func ("/validate/postcode/be", test_postcode_be);
  g_test_add_func ("/validate/postcode/normalise", test_postcode_normalise);
  g_test_add_func ("/validate/postcode/unknown-country", test_postcode_unknown_country);
  g_test_add_func ("/validate/registry-number/nl", test_registry_number_nl);
  g_test_add_func ("/validate/registry-number/be", test_registry_number_be);
  g_test_add_func ("/validate/registry-number/unknown-country",
                   test_registry_number_unknown_country);
  g_test_add_func ("/validate/exchange-id", test_exchange_id);
  g_test_add_func ("/validate/email/valid", test_email_valid);
  g_test_add_func ("/validate/email/invalid", test_email_invalid);
  g_test_add_func ("/validate/phone/valid", test_phone_valid);
  g_test_add_func ("/validate/phone/invalid", test_phone_invalid);
  g_test_add_func ("/validate/capacity", test_capacity);
  g_test_add_func ("/validate/hours-per-week", test_hours_per_week);
  g_test_add_func ("/validate/text", test_text);
  g_test_add_func ("/validate/normalise-text", test_normalise_text);

  return g_test_run ();
}
