#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cli-commands.h"
#include "placements-audit-log.h"
#include "placements-csv.h"

/* TSV as `list` writes it: escaped, and no cell a spreadsheet would run. */
static void
print_field (GString    *line,
             const char *value)
{
  if (line->len > 0)
    g_string_append_c (line, '\t');
  placements_tsv_append_field (line, value);
}

static int
verify (PlacementsStore *store)
{
  g_autoptr(PlacementsAuditEntry) broken = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_checked = 0;

  if (!placements_audit_log_verify (store, &n_checked, &broken, &error))
    return cli_fail_error (error);

  /* Numbers as text: a 64-bit format would not survive xgettext. */
  g_autofree char *checked = g_strdup_printf ("%" G_GINT64_FORMAT, n_checked);
  g_autofree char *id = NULL;

  if (broken != NULL)
    {
      id = g_strdup_printf ("%" G_GINT64_FORMAT, broken->id);
      return cli_fail (_("the audit log of “%s” has been tampered with: entry %s (%s, %s, %s) "
                         "does not follow from the entries before it; the %s entries before "
                         "it are intact"),
                       placements_store_get_path (store), id, broken->uuid,
                       broken->at != NULL ? broken->at : "",
                       broken->action != NULL ? broken->action : "", checked);
    }
  g_print (_("OK: the audit log of “%s” is intact (%s entries checked)"),
           placements_store_get_path (store), checked);
  g_print ("\n");
  return CLI_EXIT_OK;
}

static int
prune (const CliOptions   *options,
       char             ***args)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  gboolean yes = FALSE;
  gint64 n_pruned = 0;
  int status = CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "before", 0, 0, G_OPTION_ARG_STRING, &before,
      N_("Remove the entries written before this date (default: five years ago)"),
      N_("DATE") },
    { "yes", 'y', 0, G_OPTION_ARG_NONE, &yes, N_("Do it; without this nothing is removed"),
      NULL },
    G_OPTION_ENTRY_NULL
  };

  g_option_context_set_summary (context, N_("Removes the entries of the audit log older than "
                                            "their retention of five years, and logs that it "
                                            "did. The log stays verifiable."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, "audit prune", args, &status))
    return status;
  if (g_strv_length (*args) > 1)
    return cli_usage_error ("audit prune", _("unexpected argument “%s”"), (*args)[1]);
  if (before != NULL)
    {
      g_autoptr(GDate) date = g_date_new ();
      g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
      g_autoptr(GDateTime) limit = g_date_time_add_years (now,
                                                          -PLACEMENTS_AUDIT_RETENTION_YEARS);
      g_autofree char *limit_text = g_date_time_format (limit, "%Y-%m-%d");

      g_date_set_parse (date, before);
      if (!g_date_valid (date) || strlen (before) != 10)
        return cli_usage_error ("audit prune", _("“%s” is not a date (YYYY-MM-DD)"), before);
      if (g_strcmp0 (before, limit_text) > 0)
        return cli_fail (_("entries are kept for %d years: the date must be %s or earlier"),
                         PLACEMENTS_AUDIT_RETENTION_YEARS, limit_text);
    }
  if (!yes)
    return cli_usage_error ("audit prune", _("removing entries of the audit log needs --yes"));

  store = cli_open_store (options, FALSE, &error);
  if (store == NULL || !placements_audit_log_prune (store, before, &n_pruned, &error))
    return cli_fail_error (error);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%lu entry removed from the audit log",
                        "%lu entries removed from the audit log", (gulong) n_pruned),
           (gulong) n_pruned);
  g_print ("\n");
  return CLI_EXIT_OK;
}

int
cli_command_audit (const CliOptions   *options,
                   char             ***args)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("[prune]"));
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *client = NULL;
  g_autofree char *since = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  gboolean check = FALSE;
  int status = CLI_EXIT_OK;
  const GOptionEntry option_entries[] = {
    { "client", 0, 0, G_OPTION_ARG_STRING, &client, N_("Only the entries about this client"),
      N_("UUID") },
    { "since", 0, 0, G_OPTION_ARG_STRING, &since, N_("Only the entries from this date on"),
      N_("DATE") },
    { "verify", 0, 0, G_OPTION_ARG_NONE, &check,
      N_("Check that no entry was changed, inserted or removed; exit with status 1 if one "
         "was"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (g_strv_length (*args) > 1 && g_str_equal ((*args)[1], "prune"))
    {
      char *audit = (*args)[0];

      /* "audit prune ..." is parsed as the command "prune". */
      memmove (*args, *args + 1, g_strv_length (*args) * sizeof (char *));
      g_free (audit);
      return prune (options, args);
    }

  g_option_context_set_summary (context, N_("Prints the audit log (who did what with which "
                                            "record, when and from which program) as TSV, "
                                            "oldest first. “audit prune” removes the entries "
                                            "past their retention."));
  g_option_context_add_main_entries (context, option_entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, "audit", args, &status))
    return status;
  if (g_strv_length (*args) > 1)
    return cli_usage_error ("audit", _("unexpected argument “%s”"), (*args)[1]);
  if (client != NULL && !g_uuid_string_is_valid (client))
    return cli_usage_error ("audit", _("“%s” is not a UUID"), client);

  store = cli_open_store (options, FALSE, &error);
  if (store == NULL)
    return cli_fail_error (error);
  if (check)
    return verify (store);

  entries = placements_audit_log_list (store, client, since, &error);
  if (entries == NULL)
    return cli_fail_error (error);

  /* Column names are fixed, like list's: scripts read them. */
  g_print ("id\tat\tuser\tprogram\taction\tkind\tclient\trecords\tdetail\n");
  for (guint i = 0; i < entries->len; i++)
    {
      PlacementsAuditEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, entry->id);

      g_string_truncate (line, 0);
      print_field (line, id);
      print_field (line, entry->at);
      print_field (line, entry->os_user);
      print_field (line, entry->program);
      print_field (line, entry->action);
      print_field (line, entry->record_kind);
      print_field (line, entry->client_uuid);
      print_field (line, entry->record_uuids);
      print_field (line, entry->detail);
      g_print ("%s\n", line->str);
    }
  return CLI_EXIT_OK;
}
