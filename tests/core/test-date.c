#define G_LOG_DOMAIN "placements-test-date"

#include "config.h"

#include <string.h>

#include "placements-date.h"
#include "placements-error.h"

/* The tests run with LANGUAGE=C: the source's format, 22-11-2026. */
static void
test_format (void)
{
  g_autofree char *date = placements_date_format_short ("2026-11-22");
  g_autofree char *empty = placements_date_format_short (NULL);
  g_autofree char *blank = placements_date_format_short ("");
  g_autofree char *garbage = placements_date_format_short ("soon");

  g_assert_cmpstr (date, ==, "22-11-2026");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (blank, ==, "");
  g_assert_cmpstr (garbage, ==, "soon");
}

static void
test_parse (void)
{
  const struct
  {
    const char *text;
    const char *date;
  } cases[] = {
    { "22-11-2026", "2026-11-22" },
    /* Flemish, with slashes; and dots, as some type it. */
    { "22/11/2026", "2026-11-22" },
    { "22.11.2026", "2026-11-22" },
    { "3-2-1985", "1985-02-03" },
    { " 03-02-1985 ", "1985-02-03" },
    /* As the exchange and the command line write dates. */
    { "1985-02-03", "1985-02-03" },
    { "29-02-2024", "2024-02-29" },
    { "", "" },
    { "   ", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *date = placements_date_parse_short (cases[i].text, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (date, ==, cases[i].date);
    }
}

static void
test_parse_refuses (void)
{
  const char *texts[] = {
    "32-13-2026", "29-02-2023", "31-04-2026", "22-11-26", "22-11", "tomorrow", "22-11-2026x",
    "2026-02-30", "01-01-1899", "1-1-12026", "22--11-2026", "-1-11-2026",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *date = placements_date_parse_short (texts[i], &error);

      if (date != NULL)
        g_error ("“%s” was read as %s", texts[i], date);
      g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD);
      /* The message repeats what was typed, and shows how to write it. */
      g_assert_nonnull (strstr (error->message, texts[i]));
      g_assert_nonnull (strstr (error->message, "22-11-2026"));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/date/format", test_format);
  g_test_add_func ("/date/parse", test_parse);
  g_test_add_func ("/date/parse/refuses", test_parse_refuses);

  return g_test_run ();
}
