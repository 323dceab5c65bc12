#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "cli-commands.h"
#include "placements-exchange-receiver.h"
#include "placements-exchange-state.h"
#include "placements-exchange-export.h"
#include "placements-organisation.h"

/*
 * placements-cli export FILE --to ORG [--pilot UUID] [--pseudonymise]
 * placements-cli own-organisation [ORG]
 *
 * The exchange commands of the sending side. Import and validate live in their
 * own functions (cli-import.c), so that the branches adding commands do not edit
 * the same lines.
 */

/* Export */

/* One whole sentence per message kind, not a kind pasted after an article: the
 * article depends on the word ("a referral", "an update"), and in Dutch on its
 * gender too. */
static void
print_written (const char *kind,
               const char *path,
               guint       n_records)
{
  if (g_strcmp0 (kind, "referral") == 0)
    /* TRANSLATORS: the first line after an export: the file name, the number of
     * records in the message. */
    g_print (ngettext ("Wrote a referral message to %s with %u record.\n",
                       "Wrote a referral message to %s with %u records.\n", n_records),
             path, n_records);
  else if (g_strcmp0 (kind, "update") == 0)
    /* TRANSLATORS: the first line after an export: the file name, the number of
     * records in the message. */
    g_print (ngettext ("Wrote an update message to %s with %u record.\n",
                       "Wrote an update message to %s with %u records.\n", n_records),
             path, n_records);
  else
    /* TRANSLATORS: the first line after an export: the file name, the number of
     * records in the message. */
    g_print (ngettext ("Wrote a report message to %s with %u record.\n",
                       "Wrote a report message to %s with %u records.\n", n_records),
             path, n_records);
}

typedef struct
{
  gboolean on_terminal;
  int      last_percent;
} ExportProgress;

static void
export_progress_cb (double      fraction,
                    const char *stage,
                    gpointer    user_data)
{
  ExportProgress *progress = user_data;
  int percent = (int) (fraction * 100.0);

  /* A progress line is for a person watching; scripts and logs get none. */
  if (!progress->on_terminal || percent == progress->last_percent)
    return;
  progress->last_percent = percent;
  g_printerr ("\r%s %3d%%", stage, percent);
}

int
cli_command_export (const CliOptions   *options,
                    char             ***args)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(PlacementsExport) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *receiver = NULL;
  g_autofree char *pilot = NULL;
  gboolean pseudonymise = FALSE;
  ExportProgress progress = { isatty (STDERR_FILENO), -1 };
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &receiver,
      N_("The receiving organisation, by UUID or exchange id"), N_("ORG") },
    { "pilot", 0, 0, G_OPTION_ARG_STRING, &pilot,
      N_("Only clients with a placement in this pilot"), N_("UUID") },
    { "pseudonymise", 0, 0, G_OPTION_ARG_NONE, &pseudonymise,
      N_("Write a pseudonymised report: no names, stable codes"), NULL },
    { NULL }
  };
  const char *path;
  gboolean written;
  int status = CLI_EXIT_OK;
  guint n_clients, n_left_out, n_records;

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, N_("Writes an exchange message (format v1) for a "
                                            "partner organisation: the clients with a valid "
                                            "consent for it and every record they bring."));
  if (!cli_parse_options (context, "export", args, &status))
    return status;
  if (g_strv_length (*args) < 2)
    return cli_usage_error ("export", _("missing FILE"));
  if (g_strv_length (*args) > 2)
    return cli_usage_error ("export", _("unexpected argument “%s”"), (*args)[2]);
  if (receiver == NULL || *receiver == '\0')
    return cli_usage_error ("export", _("missing --to ORG"));
  path = (*args)[1];

  store = cli_open_store (options, FALSE, &error);
  if (store == NULL)
    return cli_fail_error (error);

  export = placements_export_new (store, receiver, pilot, pseudonymise);
  written = placements_export_write (export, path, export_progress_cb, &progress, NULL, &error);
  if (progress.last_percent >= 0)
    g_printerr ("\n");
  if (!written)
    return cli_fail_error (error);

  n_records = placements_export_get_n_records (export);
  n_clients = placements_export_get_n_clients (export);
  n_left_out = placements_export_get_n_left_out (export);
  print_written (placements_export_get_message_kind (export), path, n_records);
  g_print (ngettext ("%u client with a valid consent.\n",
                     "%u clients with a valid consent.\n", n_clients),
           n_clients);
  if (n_left_out > 0)
    g_print (ngettext ("%u client left out: no valid consent for this receiver.\n",
                       "%u clients left out: no valid consent for this receiver.\n",
                       n_left_out),
             n_left_out);
  g_print (_("Message id: %s\n"), placements_export_get_message_id (export));
  return CLI_EXIT_OK;
}

/* Own organisation */

static void
print_organisation (PlacementsOrganisation *organisation)
{
  const char *exchange_id = placements_organisation_get_exchange_id (organisation);

  /* One line a script can cut: UUID, exchange id, name. */
  g_print ("%s\t%s\t%s\n", placements_record_get_uuid (PLACEMENTS_RECORD (organisation)),
           exchange_id != NULL ? exchange_id : "",
           placements_organisation_get_name (organisation));
}

int
cli_command_own_organisation (const CliOptions   *options,
                              char             ***args)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("[ORG]"));
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(PlacementsOrganisation) organisation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *from_file = NULL;
  int status = CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "from-file", 0, 0, G_OPTION_ARG_FILENAME, &from_file,
      N_("Take the receiver of this exchange file (which carries its record) as the own "
         "organisation: how a new database starts"), N_("FILE") },
    { NULL }
  };

  g_option_context_set_summary (context, N_("Shows the organisation that runs this database, "
                                            "the sender of its exchange files, or sets it to "
                                            "ORG (a UUID or an exchange id)."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, "own-organisation", args, &status))
    return status;
  if (g_strv_length (*args) > 2)
    return cli_usage_error ("own-organisation", _("unexpected argument “%s”"), (*args)[2]);
  if (from_file != NULL && (*args)[1] != NULL)
    return cli_usage_error ("own-organisation", _("give either ORG or --from-file, not both"));

  /* Showing it only reads. */
  if (from_file == NULL && (*args)[1] == NULL)
    store = cli_open_store_for_reading (options, &error);
  else
    store = cli_open_store (options, from_file != NULL, &error);
  if (store == NULL)
    return cli_fail_error (error);

  if (from_file != NULL)
    {
      organisation = placements_exchange_adopt_receiver (store, from_file, &error);
      if (organisation == NULL)
        return cli_fail_error (error);
      print_organisation (organisation);
      return CLI_EXIT_OK;
    }

  if ((*args)[1] != NULL)
    {
      organisation = placements_exchange_find_organisation (store, (*args)[1], &error);
      if (organisation == NULL
          || !placements_exchange_set_own_organisation (
               store, placements_record_get_uuid (PLACEMENTS_RECORD (organisation)), &error))
        return cli_fail_error (error);
      if (placements_organisation_get_exchange_id (organisation) == NULL)
        g_printerr (_("Note: “%s” has no exchange id yet; files cannot be exchanged "
                      "without one.\n"),
                    placements_organisation_get_name (organisation));
      print_organisation (organisation);
      return CLI_EXIT_OK;
    }

  uuid = placements_exchange_dup_own_organisation (store);
  if (uuid == NULL)
    return cli_fail (_("This database’s own organisation is not set; set it with "
                       "“placements-cli own-organisation ORG”"));
  organisation = placements_store_load (store, PLACEMENTS_TYPE_ORGANISATION, uuid, &error);
  if (organisation == NULL)
    return cli_fail_error (error);
  print_organisation (organisation);
  return CLI_EXIT_OK;
}
