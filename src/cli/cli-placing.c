#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "cli-commands.h"
#include "placements-csv.h"
#include "placements-validate.h"
#include "placements-workplace-fit.h"

/* Tabs and line breaks would break the columns; the reasons never hold them, names of
 * workplaces may (they come from partners' files): written as spaces. */
static void
append_cell (GString    *line,
             gboolean    csv,
             guint       column,
             const char *value)
{
  if (column > 0)
    g_string_append_c (line, csv ? ',' : '\t');
  if (csv)
    {
      placements_csv_append_field (line, value);
      return;
    }
  for (const char *p = value; *p != '\0'; p++)
    g_string_append_c (line, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

static void
end_line (GString  *line,
          gboolean  csv)
{
  if (csv)
    placements_csv_end_record (line);
  else
    g_string_append_c (line, '\n');
}

int
cli_command_suggest_workplaces (const CliOptions   *options,
                                char             ***args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(GListStore) fits = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  g_autofree char *format_text = NULL;
  static const char * const columns[] = {
    "workplace-uuid", "rank", "capacity", "occupied", "free-places", "reasons",
  };
  gboolean csv = FALSE;
  int status = CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("Write tab-separated (tsv, the default) or comma-separated values (csv)"),
      N_("tsv|csv") },
    G_OPTION_ENTRY_NULL
  };

  /* TRANSLATORS: the argument of "placements-cli suggest-workplaces" */
  context = g_option_context_new (_("CLIENT-UUID"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, N_("Prints the workplaces in the order they fit the "
                                            "client, best first, each with the reasons: free "
                                            "places (full ones last), low stimulus where the "
                                            "client needs it, the postcode area against the "
                                            "client’s care organisation, a buddy with spare "
                                            "load, and tasks."));
  if (!cli_parse_options (context, "suggest-workplaces", args, &status))
    return status;

  if (g_strv_length (*args) < 2)
    return cli_usage_error ("suggest-workplaces", _("say which client, by UUID"));
  if (g_strv_length (*args) > 2)
    return cli_usage_error ("suggest-workplaces", _("unexpected argument “%s”"), (*args)[2]);
  if (!placements_validate_uuid ((*args)[1]))
    return cli_usage_error ("suggest-workplaces", _("“%s” is not a UUID"), (*args)[1]);

  if (format_text != NULL && g_ascii_strcasecmp (format_text, "csv") == 0)
    csv = TRUE;
  else if (format_text != NULL && g_ascii_strcasecmp (format_text, "tsv") != 0)
    return cli_usage_error ("suggest-workplaces", _("unknown format “%s”; use tsv or csv"),
                            format_text);

  store = cli_open_store_for_reading (options, &error);
  if (store == NULL)
    return cli_fail_error (error);
  fits = placements_workplace_fit_rank (store, (*args)[1], &error);
  if (fits == NULL)
    return cli_fail_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    append_cell (line, csv, i, columns[i]);
  end_line (line, csv);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (fits)); i++)
    {
      g_autoptr(PlacementsWorkplaceFit) fit = g_list_model_get_item (G_LIST_MODEL (fits), i);
      char number[32];

      append_cell (line, csv, 0, placements_workplace_fit_get_workplace_uuid (fit));
      g_snprintf (number, sizeof number, "%u", placements_workplace_fit_get_rank (fit));
      append_cell (line, csv, 1, number);
      g_snprintf (number, sizeof number, "%d", placements_workplace_fit_get_capacity (fit));
      append_cell (line, csv, 2, number);
      g_snprintf (number, sizeof number, "%d", placements_workplace_fit_get_occupied (fit));
      append_cell (line, csv, 3, number);
      g_snprintf (number, sizeof number, "%d",
                  MAX (placements_workplace_fit_get_free_places (fit), 0));
      append_cell (line, csv, 4, number);
      /* "; " rather than the window's " · ": plain for a script that splits them. */
      {
        g_autofree char *reasons =
          g_strjoinv ("; ", (char **) placements_workplace_fit_get_reasons (fit));

        append_cell (line, csv, 5, reasons);
      }
      end_line (line, csv);
    }

  if (fwrite (line->str, 1, line->len, stdout) != line->len || fflush (stdout) != 0)
    {
      int saved_errno = errno;

      return cli_fail (_("the list could not be written: %s"), g_strerror (saved_errno));
    }
  return CLI_EXIT_OK;
}
