#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli-commands.h"
#include "placements-demo.h"

/* A number option's text as an unsigned number, or a usage error naming the option. */
static gboolean
parse_number (const char  *option,
              const char  *text,
              guint64      maximum,
              guint64     *number,
              int         *status)
{
  if (text == NULL)
    return TRUE;
  if (!g_ascii_string_to_unsigned (text, 10, 0, maximum, number, NULL))
    {
      g_autofree char *limit = g_strdup_printf ("%" G_GUINT64_FORMAT, maximum);

      *status = cli_usage_error ("demo", _("%s needs a whole number from 0 to %s, not “%s”"),
                                 option, limit, text);
      return FALSE;
    }
  return TRUE;
}

int
cli_command_demo (const CliOptions   *options,
                  char             ***args)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *clients_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *records_text = NULL;
  guint64 n_clients = PLACEMENTS_DEMO_DEFAULT_CLIENTS;
  guint64 seed = PLACEMENTS_DEMO_DEFAULT_SEED;
  guint64 n_records = 0;
  gint64 started;
  int status = CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "clients", 0, 0, G_OPTION_ARG_STRING, &clients_text,
      N_("How many clients to invent (default: 60)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Start of the random sequence: the same seed gives the same data (default: 1)"),
      N_("S") },
    G_OPTION_ENTRY_NULL
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, N_("Fills an empty database with invented Dutch and "
                                            "Flemish organisations, workplaces, pilots and "
                                            "clients, for trying the program out."));
  if (!cli_parse_options (context, "demo", args, &status))
    return status;
  if (g_strv_length (*args) > 1)
    return cli_usage_error ("demo", _("unexpected argument “%s”"), (*args)[1]);
  if (!parse_number ("--clients", clients_text, PLACEMENTS_DEMO_MAX_CLIENTS, &n_clients,
                     &status) ||
      !parse_number ("--seed", seed_text, G_MAXUINT32, &seed, &status))
    return status;

  store = cli_open_store (options, TRUE, &error);
  if (store == NULL)
    return cli_fail_error (error);

  started = g_get_monotonic_time ();
  if (!placements_demo_generate (store, (guint) n_clients, (guint32) seed, &n_records, &error))
    return cli_fail_error (error);

  records_text = g_strdup_printf ("%" G_GUINT64_FORMAT, n_records);
  g_print (ngettext ("Wrote %u client to “%s”, %s records in all, in %.1f s",
                     "Wrote %u clients to “%s”, %s records in all, in %.1f s",
                     (gulong) n_clients),
           (guint) n_clients, placements_store_get_path (store), records_text,
           (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);
  g_print ("\n");
  return CLI_EXIT_OK;
}
