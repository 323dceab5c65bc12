#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cli-commands.h"
#include "placements-core.h"

/* The commands --help lists, in this order. */
const CliCommand cli_commands[] = {
  { "init", cli_command_init, N_("Create the database, or upgrade it, and print its path") },
  { "demo", cli_command_demo, N_("Fill an empty database with invented demo data") },
  { "list", cli_command_list, N_("Print the records of one kind as TSV or CSV") },
  { "add", cli_command_add, N_("Add one record and print its UUID") },
  { "set", cli_command_set, N_("Change fields of one record") },
  { "delete", cli_command_delete, N_("Delete one record") },
  { "check", cli_command_check, N_("Check the database for damage and broken references") },
  { "own-organisation", cli_command_own_organisation,
    N_("Show or set the organisation that runs this database") },
  { "export", cli_command_export,
    N_("Write an exchange file for a partner organisation") },
  { "import", cli_command_import, N_("Import an exchange file or an acknowledgement") },
  { "validate", cli_command_validate, N_("Check an exchange file without a database") },
  { "erase", cli_command_erase,
    N_("Erase a client and everything about them, beyond recovery") },
  { "retention", cli_command_retention,
    N_("List the clients whose care ended longer ago than they are kept") },
  { "backup", cli_command_backup, N_("Write a backup of the database, or today’s daily one") },
  { "backups", cli_command_backups, N_("List the backups of the database by date") },
  { "restore", cli_command_restore, N_("Replace the database by a checked backup") },
  { "suggest-workplaces", cli_command_suggest_workplaces,
    N_("Print the workplaces that fit a client best, with the reasons") },
  { "overview", cli_command_overview,
    N_("Print what needs attention today: dates due, limits passed, clients to erase") },
  { "report", cli_command_report,
    N_("Write a pilot’s pseudonymised report for its funder as PDF or CSV") },
  { "audit", cli_command_audit,
    N_("Print or verify the audit log of who saw and changed what") },
};
const gsize cli_n_commands = G_N_ELEMENTS (cli_commands);

static void
print_help (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int width = 0;

  for (gsize i = 0; i < cli_n_commands; i++)
    width = MAX (width, (int) strlen (cli_commands[i].name));

  g_string_append_printf (text, "%s\n  placements-cli [--db %s] %s\n\n",
                          _("Usage:"),
                          /* TRANSLATORS: placeholders in the usage line */
                          _("PATH"), _("COMMAND [OPTION…]"));
  g_string_append_printf (text, "%s\n", _("Commands:"));
  for (gsize i = 0; i < cli_n_commands; i++)
    g_string_append_printf (text, "  %-*s  %s\n", width, cli_commands[i].name,
                            _(cli_commands[i].summary));
  g_string_append_printf (text, "\n%s\n", _("Options, before or after the command:"));
  g_string_append_printf (text, "  --db %-10s %s\n", _("PATH"),
                          _("The database file; otherwise $PLACEMENTS_DB, otherwise the "
                            "default"));
  g_string_append_printf (text, "  %s\n      %s\n", "--allow-network-filesystem",
                          _("Open a database on a network share all the same (only when no "
                            "other program ever uses it)"));
  g_string_append_printf (text, "  %-15s %s\n", "--version", _("Print the version"));
  g_string_append_printf (text, "  %-15s %s\n", "-h, --help", _("Show this help"));
  g_string_append_printf (text, "\n");
  g_string_append_printf (text, _("Run “placements-cli COMMAND --help” for the options of a "
                                  "command."));
  g_string_append_printf (text, "\n");
  g_print ("%s", text->str);
}

static const CliCommand *
find_command (const char *name)
{
  for (gsize i = 0; i < cli_n_commands; i++)
    if (g_str_equal (cli_commands[i].name, name))
      return &cli_commands[i];
  return NULL;
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("PLACEMENTS_LOCALEDIR");
  g_autoptr(GPtrArray) rest = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) args = NULL;
  CliOptions options = { NULL };
  const CliCommand *command = NULL;
  const char *command_name = NULL;
  gboolean version = FALSE;
  gboolean help = FALSE;

  placements_core_init ();
  setlocale (LC_ALL, "");
  /* The tests point this at the build tree's translations; installed, it is unset. */
  bindtextdomain (GETTEXT_PACKAGE,
                  localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("placements-cli");

  /*
   * The global options may come before or after the command, so they are taken out
   * here and the rest goes to the command. Before the command, -h/--help is the
   * program's help; after it, the command's.
   */
  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "--"))
        {
          for (; i < argc; i++)
            g_ptr_array_add (rest, g_strdup (argv[i]));
          break;
        }
      else if (g_str_equal (arg, "--db"))
        {
          if (i + 1 >= argc || *argv[i + 1] == '\0')
            return cli_usage_error (NULL, _("--db needs the path of a database file"));
          options.db_path = argv[++i];
        }
      else if (g_str_has_prefix (arg, "--db="))
        {
          if (arg[strlen ("--db=")] == '\0')
            return cli_usage_error (NULL, _("--db needs the path of a database file"));
          options.db_path = arg + strlen ("--db=");
        }
      else if (g_str_equal (arg, "--allow-network-filesystem"))
        options.allow_network_filesystem = TRUE;
      else if (g_str_equal (arg, "--version"))
        version = TRUE;
      else if (command_name == NULL && (g_str_equal (arg, "--help") || g_str_equal (arg, "-h")))
        help = TRUE;
      else if (command_name == NULL && arg[0] == '-')
        return cli_usage_error (NULL, _("unknown option “%s”"), arg);
      else
        {
          if (command_name == NULL)
            command_name = arg;
          g_ptr_array_add (rest, g_strdup (arg));
        }
    }
  g_ptr_array_add (rest, NULL);
  args = (GStrv) g_ptr_array_steal (rest, NULL);

  if (version)
    {
      g_print ("placements-cli %s\n", PACKAGE_VERSION);
      return CLI_EXIT_OK;
    }
  if (help)
    {
      print_help ();
      return CLI_EXIT_OK;
    }
  if (command_name == NULL)
    return cli_usage_error (NULL, _("no command given"));

  command = find_command (command_name);
  if (command == NULL)
    return cli_usage_error (NULL, _("unknown command “%s”"), command_name);

  /* GOption's help then shows "placements-cli list [OPTION…] KIND". */
  {
    g_autofree char *prgname = g_strdup_printf ("placements-cli %s", command->name);

    g_set_prgname (prgname);
  }

  return command->run (&options, &args);
}
