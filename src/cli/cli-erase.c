#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "cli-commands.h"
#include "placements-erase.h"
#include "placements-record-types.h"

/* Asks on the terminal; FALSE unless the answer is the word for yes. */
static gboolean
confirm (PlacementsStore   *store,
         PlacementsRecord  *client)
{
  g_autofree char *name = placements_record_dup_display_name (client, store);
  char answer[64] = "";

  g_printerr (_("Erase the client “%s” (%s) with their placements, notes, consents, ladder "
                "steps, attendance and allocations? This cannot be undone."),
              name, placements_record_get_uuid (client));
  g_printerr ("\n");
  /* TRANSLATORS: the word the user types must be the one in the message */
  g_printerr (_("Type “yes” to erase: "));
  if (fgets (answer, sizeof answer, stdin) == NULL)
    return FALSE;
  g_strstrip (answer);
  return g_str_equal (answer, C_("answer", "yes"));
}

int
cli_command_erase (const CliOptions   *options,
                   char             ***args)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("CLIENT-UUID"));
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(PlacementsRecord) client = NULL;
  g_autoptr(GError) error = NULL;
  gboolean yes = FALSE;
  gboolean file_clean = FALSE;
  guint n_records = 0;
  int status = CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes, N_("Do not ask (for scripts)"), NULL },
    G_OPTION_ENTRY_NULL
  };

  g_option_context_set_summary (context, N_("Erases a client and everything about them from "
                                            "the database file, beyond recovery. The audit "
                                            "log keeps only the UUID. Asks first on a "
                                            "terminal; scripts give --yes."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, "erase", args, &status))
    return status;
  if (g_strv_length (*args) != 2 || !g_uuid_string_is_valid ((*args)[1]))
    return cli_usage_error ("erase", _("give the UUID of one client"));
  if (!yes && !isatty (STDIN_FILENO))
    return cli_usage_error ("erase", _("erasing asks for confirmation on a terminal; give "
                                       "--yes to erase from a script"));

  store = cli_open_store (options, FALSE, &error);
  if (store == NULL)
    return cli_fail_error (error);
  client = placements_store_load (store, PLACEMENTS_TYPE_CLIENT, (*args)[1], &error);
  if (client == NULL)
    return cli_fail_error (error);
  if (!yes && !confirm (store, client))
    return cli_fail (_("nothing was erased"));

  if (!placements_erase_client (store, (*args)[1], &n_records, &file_clean, &error))
    return cli_fail_error (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "Erased the client %s: %u record",
                        "Erased the client %s: %u records", n_records),
           (*args)[1], n_records);
  g_print ("\n");
  if (!file_clean)
    {
      g_printerr (_("placements-cli: the old contents stay in “%s-wal” until every other "
                    "program using the database has closed it"),
                  placements_store_get_path (store));
      g_printerr ("\n");
    }
  return CLI_EXIT_OK;
}

int
cli_command_retention (const CliOptions   *options,
                       char             ***args)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GError) error = NULL;
  int years = 0;
  int status = CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "years", 0, 0, G_OPTION_ARG_INT, &years,
      N_("Years after the end of care (default: the setting retention-years)"), N_("YEARS") },
    G_OPTION_ENTRY_NULL
  };

  g_option_context_set_summary (context, N_("Lists the clients whose care ended longer ago "
                                            "than the retention period, to be erased, as "
                                            "TSV: client, end of care."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, "retention", args, &status))
    return status;
  if (g_strv_length (*args) > 1)
    return cli_usage_error ("retention", _("unexpected argument “%s”"), (*args)[1]);
  if (years < 0)
    return cli_usage_error ("retention", _("--years needs a number of 1 or more"));
  if (years == 0)
    years = (int) cli_get_setting_int ("retention-years", PLACEMENTS_RETENTION_DEFAULT_YEARS);

  store = cli_open_store (options, FALSE, &error);
  if (store == NULL)
    return cli_fail_error (error);
  due = placements_retention_list_due (store, (guint) years, NULL, &error);
  if (due == NULL)
    return cli_fail_error (error);
  g_print ("client\tended\n");
  for (guint i = 0; i < due->len; i++)
    {
      PlacementsRetentionDue *entry = g_ptr_array_index (due, i);

      g_print ("%s\t%s\n", entry->client_uuid, entry->ended);
    }
  return CLI_EXIT_OK;
}
