#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli-commands.h"

int
cli_command_check (const CliOptions   *options,
                   char             ***args)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GError) error = NULL;
  int status = CLI_EXIT_OK;

  g_option_context_set_summary (context, N_("Checks the database file for damage and every "
                                            "reference between records. Prints each problem "
                                            "and exits with status 1 if there are any."));
  if (!cli_parse_options (context, "check", args, &status))
    return status;
  if (g_strv_length (*args) > 1)
    return cli_usage_error ("check", _("unexpected argument “%s”"), (*args)[1]);

  store = cli_open_store_for_reading (options, &error);
  if (store == NULL)
    return cli_fail_error (error);

  if (!placements_store_check (store, &problems, &error))
    return cli_fail_error (error);

  if (problems->len > 0)
    {
      for (guint i = 0; i < problems->len; i++)
        g_print ("%s\n", (const char *) g_ptr_array_index (problems, i));
      return cli_fail (ngettext ("the database “%s” has %u problem",
                                 "the database “%s” has %u problems", problems->len),
                       placements_store_get_path (store), problems->len);
    }

  g_print (_("OK: the database “%s” has no problems"), placements_store_get_path (store));
  g_print ("\n");
  return CLI_EXIT_OK;
}
