#define G_LOG_DOMAIN "test-csv"

#include "config.h"

#include "placements-csv.h"

static void
assert_field (const char *value,
              const char *expected)
{
  g_autoptr(GString) line = g_string_new (NULL);

  placements_csv_append_field (line, value);
  g_assert_cmpstr (line->str, ==, expected);
}

static void
test_quoting (void)
{
  assert_field ("De Linde", "De Linde");
  assert_field ("", "");
  assert_field (NULL, "");
  assert_field ("Stichting \"De Brug\", Zwolle", "\"Stichting \"\"De Brug\"\", Zwolle\"");
  assert_field ("line one\nline two", "\"line one\nline two\"");
}

/* What a spreadsheet would run is written as text; numbers stay numbers. */
static void
test_formulas_are_neutralised (void)
{
  assert_field ("=HYPERLINK(\"http://example.com/\",\"Open\")",
                "\"'=HYPERLINK(\"\"http://example.com/\"\",\"\"Open\"\")\"");
  assert_field ("=1+2", "'=1+2");
  assert_field ("+31 6 12345678", "'+31 6 12345678");
  assert_field ("-2+3", "'-2+3");
  assert_field ("@SUM(A1:A9)", "'@SUM(A1:A9)");
  assert_field ("\t=1", "'\t=1");
  assert_field ("\r=1", "\"'\r=1\"");
  assert_field ("-", "'-");
  assert_field ("-12.5", "-12.5");
  assert_field ("+7", "+7");
  assert_field ("2026-11-23", "2026-11-23");
  /* Only the start counts. */
  assert_field ("Jansen = Jan", "Jansen = Jan");

  {
    g_autoptr(GString) line = g_string_new (NULL);

    placements_csv_append_field (line, "a");
    placements_csv_end_record (line);
    g_assert_cmpstr (line->str, ==, "a\r\n");
  }
}

static void
assert_tsv_field (const char *value,
                  const char *expected)
{
  g_autoptr(GString) line = g_string_new (NULL);

  placements_tsv_append_field (line, value);
  g_assert_cmpstr (line->str, ==, expected);
}

/* A TSV opens in a spreadsheet as readily as a CSV: the same cells are made text. */
static void
test_tsv_neutralises_formulas (void)
{
  assert_tsv_field ("=HYPERLINK(\"http://example.com/\",\"Open\")",
                    "'=HYPERLINK(\"http://example.com/\",\"Open\")");
  assert_tsv_field ("+31 6 12345678", "'+31 6 12345678");
  assert_tsv_field ("@SUM(A1:A9)", "'@SUM(A1:A9)");
  assert_tsv_field ("\t=1", "'\\t=1");
  assert_tsv_field ("-12.5", "-12.5");
  assert_tsv_field ("2026-11-23", "2026-11-23");
  assert_tsv_field ("Jansen = Jan", "Jansen = Jan");
  assert_tsv_field ("a\tb\nc\\d", "a\\tb\\nc\\\\d");
  assert_tsv_field (NULL, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/csv/quoting", test_quoting);
  g_test_add_func ("/csv/formulas-are-neutralised", test_formulas_are_neutralised);
  g_test_add_func ("/csv/tsv-neutralises-formulas", test_tsv_neutralises_formulas);

  return g_test_run ();
}
