#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli-commands.h"
#include "placements-exchange-reader.h"

/*
 * placements-cli validate FILE: the schema and every rule that needs only the file.
 * It opens no database, so it neither needs nor creates one.
 */
int
cli_command_validate (const CliOptions   *options,
                      char             ***args)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(PlacementsExchangeMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  int status = CLI_EXIT_OK;

  g_option_context_set_summary (context, N_("Checks an exchange file against the format and "
                                            "the rules that need no database: well-formed, "
                                            "valid, unique UUIDs, resolvable references."));
  if (!cli_parse_options (context, "validate", args, &status))
    return status;
  if (g_strv_length (*args) < 2)
    return cli_usage_error ("validate", _("which file? “placements-cli validate FILE”"));
  if (g_strv_length (*args) > 2)
    return cli_usage_error ("validate", _("unexpected argument “%s”"), (*args)[2]);

  message = placements_exchange_read ((*args)[1], 0, NULL, &error);
  if (message == NULL ||
      !placements_exchange_check_rules (message, NULL, NULL, NULL, NULL, &error))
    return cli_fail_error (error);

  /* TRANSLATORS: file name, message kind, number of records or results. */
  g_print (_("%s: valid (%s, %u records)\n"), message->display_name, message->kind,
           message->items->len + message->results->len);
  return CLI_EXIT_OK;
}
