#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "cli-commands.h"
#include "placements-csv.h"
#include "placements-date.h"
#include "placements-overview.h"

/* What needs attention today, as the window's overview shows it: one TSV line per item,
 * list, date, kind, UUID, name and why, so that a script can act on it. */
int
cli_command_overview (const CliOptions   *options,
                      char             ***args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) out = g_string_new ("list\tdate\tkind\tuuid\tname\tdetail\n");
  g_autofree char *today = NULL;
  g_autofree char *date_text = NULL;
  int limit = 50;
  int status = CLI_EXIT_OK;
  static const char * const names[] = {
    "pilot-dates", "consents", "follow-ups", "ladder", "allocations", "messages",
    "workplaces", "buddies", "retention",
  };
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The day to look from (YYYY-MM-DD; today by default)"), N_("DATE") },
    { "limit", 0, 0, G_OPTION_ARG_INT, &limit,
      N_("At most this many items of each list (50 by default)"), N_("N") },
    G_OPTION_ENTRY_NULL
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == PLACEMENTS_N_ATTENTION_LISTS);

  context = g_option_context_new (NULL);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, N_("Prints what needs attention: pilots to evaluate, "
                                            "consents that expire, follow-ups due, ladders "
                                            "not assessed, allocations that end, unanswered "
                                            "messages, workplaces and buddies over their "
                                            "limit, clients to erase."));
  if (!cli_parse_options (context, "overview", args, &status))
    return status;
  if (g_strv_length (*args) > 1)
    return cli_usage_error ("overview", _("unexpected argument “%s”"), (*args)[1]);
  if (limit < 0)
    return cli_usage_error ("overview", _("the limit cannot be negative"));

  store = cli_open_store_for_reading (options, &error);
  if (store == NULL)
    return cli_fail_error (error);
  today = date_text != NULL ? g_strdup (date_text) : placements_date_today ();

  for (int list = 0; list < PLACEMENTS_N_ATTENTION_LISTS; list++)
    {
      g_autoptr(GPtrArray) items =
        placements_overview_list (store, list, today,
                                  (guint) cli_get_setting_int ("retention-years", 2),
                                  (guint) limit, NULL, &error);

      if (items == NULL)
        return cli_fail_error (error);
      for (guint i = 0; i < items->len; i++)
        {
          PlacementsAttentionItem *item = g_ptr_array_index (items, i);

          placements_tsv_append_field (out, names[list]);
          g_string_append_c (out, '\t');
          placements_tsv_append_field (out, item->date);
          g_string_append_c (out, '\t');
          placements_tsv_append_field (out, item->kind);
          g_string_append_c (out, '\t');
          placements_tsv_append_field (out, item->uuid);
          g_string_append_c (out, '\t');
          placements_tsv_append_field (out, item->title);
          g_string_append_c (out, '\t');
          placements_tsv_append_field (out, item->detail);
          g_string_append_c (out, '\n');
        }
    }

  if (fwrite (out->str, 1, out->len, stdout) != out->len || fflush (stdout) != 0)
    {
      int saved_errno = errno;

      return cli_fail (_("the list could not be written: %s"), g_strerror (saved_errno));
    }
  return CLI_EXIT_OK;
}
