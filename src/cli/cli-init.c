#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli-commands.h"

int
cli_command_init (const CliOptions   *options,
                  char             ***args)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  int status = CLI_EXIT_OK;

  g_option_context_set_summary (context, N_("Creates the database, or upgrades it to this "
                                            "version's schema, and prints its path."));
  if (!cli_parse_options (context, "init", args, &status))
    return status;
  if (g_strv_length (*args) > 1)
    return cli_usage_error ("init", _("unexpected argument “%s”"), (*args)[1]);

  store = cli_open_store (options, TRUE, &error);
  if (store == NULL)
    return cli_fail_error (error);

  /* Just the path, so that a script can take it: DB=$(placements-cli init). */
  path = g_canonicalize_filename (placements_store_get_path (store), NULL);
  g_print ("%s\n", path);
  return CLI_EXIT_OK;
}
