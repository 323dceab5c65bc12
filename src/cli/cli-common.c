#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli-commands.h"

/* Messages from SQLite or the system may hold line breaks; a script reads one line. */
static void
print_line (const char *message)
{
  g_autofree char *line = g_strdup (message);

  g_strdelimit (line, "\r\n", ' ');
  g_printerr ("placements-cli: %s\n", line);
}

int
cli_fail (const char *format,
          ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  print_line (message);
  return CLI_EXIT_FAILURE;
}

int
cli_fail_error (const GError *error)
{
  return cli_fail ("%s", error->message);
}

int
cli_usage_error (const char *command,
                 const char *format,
                 ...)
{
  g_autofree char *message = NULL;
  g_autofree char *help = NULL;
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  help = command != NULL ? g_strdup_printf ("placements-cli %s --help", command)
                         : g_strdup ("placements-cli --help");
  /* TRANSLATORS: a usage error, then where to read more: "unknown kind “x” (see
   * “placements-cli list --help”)" */
  line = g_strdup_printf (_("%s (see “%s”)"), message, help);
  print_line (line);
  return CLI_EXIT_USAGE;
}

gboolean
cli_parse_options (GOptionContext   *context,
                   const char       *command,
                   char           ***args,
                   int              *status)
{
  g_autoptr(GError) error = NULL;
  gboolean help = FALSE;
  /* GOption's own --help exits the process; this one returns like any other outcome. */
  const GOptionEntry help_entries[] = {
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show the help of this command"), NULL },
    G_OPTION_ENTRY_NULL
  };

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, help_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, args, &error))
    {
      *status = cli_usage_error (command, "%s", error->message);
      return FALSE;
    }

  if (help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

      g_print ("%s", text);
      *status = CLI_EXIT_OK;
      return FALSE;
    }

  return TRUE;
}

static PlacementsStore *
open_store (const CliOptions          *options,
            gboolean                   create,
            PlacementsStoreOpenFlags   flags,
            GError                   **error)
{
  g_autofree char *path = placements_store_resolve_path (options->db_path);

  /* Reading commands must not leave an empty database behind a mistyped path. */
  if (!create && !g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("the database “%s” does not exist; create it with “placements-cli "
                     "init”"), path);
      return NULL;
    }

  if (options->allow_network_filesystem)
    flags |= PLACEMENTS_STORE_OPEN_ALLOW_NETWORK_FILESYSTEM;
  /* The default busy timeout: a command waits that long for another writer (an
   * import in the window), then ends with the translated PLACEMENTS_ERROR_BUSY. */
  return placements_store_open_full (path, flags, error);
}

PlacementsStore *
cli_open_store (const CliOptions  *options,
                gboolean           create,
                GError           **error)
{
  return open_store (options, create, PLACEMENTS_STORE_OPEN_DEFAULT, error);
}

PlacementsStore *
cli_open_store_for_reading (const CliOptions  *options,
                            GError           **error)
{
  return open_store (options, FALSE, PLACEMENTS_STORE_OPEN_FOR_READING, error);
}

int
cli_get_setting_int (const char *key,
                     int         fallback)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  /* Without the app's schema installed, GSettings would abort: the default then. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return fallback;
  settings = g_settings_new_full (schema, NULL, NULL);
  return MAX (g_settings_get_int (settings, key), 1);
}
