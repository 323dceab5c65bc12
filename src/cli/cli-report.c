#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli-commands.h"
#include "placements-date.h"
#include "placements-pilot-report.h"
#include "placements-report-document.h"
#include "placements-validate.h"

int
cli_command_report (const CliOptions   *options,
                    char             ***args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(PlacementsPilotReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *today = NULL;
  gboolean pdf = TRUE;
  gboolean ok;
  int status = CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("Write a PDF (pdf, the default) or comma-separated values (csv)"), N_("pdf|csv") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The file to write (required)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  /* TRANSLATORS: the arguments of "placements-cli report" */
  context = g_option_context_new (_("pilot PILOT-UUID"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, N_("Writes a pilot’s report for its funder: partners, "
                                            "period, funding, success criteria with target and "
                                            "measured value, the figures and the participants, "
                                            "pseudonymised (codes, no names). The report is "
                                            "written to the access log."));
  if (!cli_parse_options (context, "report", args, &status))
    return status;

  if (g_strv_length (*args) < 3 || g_strcmp0 ((*args)[1], "pilot") != 0)
    return cli_usage_error ("report", _("say which pilot: report pilot PILOT-UUID"));
  if (g_strv_length (*args) > 3)
    return cli_usage_error ("report", _("unexpected argument “%s”"), (*args)[3]);
  if (!placements_validate_uuid ((*args)[2]))
    return cli_usage_error ("report", _("“%s” is not a UUID"), (*args)[2]);
  if (output == NULL)
    return cli_usage_error ("report", _("say where to write the report with --output FILE"));
  if (format_text != NULL && g_ascii_strcasecmp (format_text, "csv") == 0)
    pdf = FALSE;
  else if (format_text != NULL && g_ascii_strcasecmp (format_text, "pdf") != 0)
    return cli_usage_error ("report", _("unknown format “%s”; use pdf or csv"), format_text);

  /* Written, not only read: the report is logged. */
  store = cli_open_store (options, FALSE, &error);
  if (store == NULL)
    return cli_fail_error (error);
  today = placements_date_today ();
  report = placements_pilot_report_new (store, (*args)[2], today, &error);
  if (report == NULL)
    return cli_fail_error (error);
  if (pdf)
    ok = placements_report_document_write_pdf (report, store, output, &error);
  else
    ok = placements_pilot_report_write_csv (report, store, output, &error);
  if (!ok)
    return cli_fail_error (error);
  return CLI_EXIT_OK;
}
