#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli-commands.h"
#include "placements-error.h"
#include "placements-exchange-import.h"

/*
 * placements-cli import FILE [--dry-run] [--conflicts=keep|take] [--ack FILE]
 *
 * The preview comes first, always; without --dry-run the import follows, all or
 * nothing. Conflicts refuse the import until --conflicts says how to settle them:
 * nothing is silently overwritten.
 */

static const char *
status_name (PlacementsImportStatus status)
{
  switch (status)
    {
    case PLACEMENTS_IMPORT_NEW:
      return _("new");
    case PLACEMENTS_IMPORT_CHANGED:
      return _("changed");
    case PLACEMENTS_IMPORT_UNCHANGED:
      return _("unchanged");
    case PLACEMENTS_IMPORT_CONFLICTING:
    default:
      return _("conflicting");
    }
}

static const char *
shown (const char *value)
{
  /* TRANSLATORS: how an empty field is shown in a conflict. */
  return value != NULL && *value != '\0' ? value : _("(empty)");
}

static void
print_preview (PlacementsImport *import,
               gboolean          verbose)
{
  guint n_conflicts = placements_import_get_n_conflicts (import);

  if (placements_import_get_already_imported (import))
    g_print (_("Message %s was imported before; nothing will change.\n"),
             placements_import_get_message_id (import));

  /* TRANSLATORS: counts of records in a file about to be imported. */
  g_print (_("%u new, %u changed, %u unchanged, %u conflicting\n"),
           placements_import_count (import, PLACEMENTS_IMPORT_NEW),
           placements_import_count (import, PLACEMENTS_IMPORT_CHANGED),
           placements_import_count (import, PLACEMENTS_IMPORT_UNCHANGED),
           placements_import_count (import, PLACEMENTS_IMPORT_CONFLICTING));

  if (verbose)
    for (guint i = 0; i < placements_import_get_n_entries (import); i++)
      {
        const PlacementsImportEntry *entry = placements_import_get_entry (import, i);

        if (entry->status != PLACEMENTS_IMPORT_UNCHANGED)
          /* TRANSLATORS: status (new, changed…), record kind, UUID. */
          g_print (_("%s: %s %s\n"), status_name (entry->status), entry->kind, entry->uuid);
      }

  for (guint i = 0; i < n_conflicts; i++)
    {
      const PlacementsImportConflict *conflict = placements_import_get_conflict (import, i);

      /* TRANSLATORS: a conflict: kind, UUID, field, our value → their value. */
      g_print (_("conflict: %s %s %s: %s → %s\n"), conflict->kind, conflict->uuid,
               conflict->field, shown (conflict->ours), shown (conflict->theirs));
    }
}

static void
print_results (PlacementsImport *import)
{
  guint counts[3] = { 0, 0, 0 };

  for (guint i = 0; i < placements_import_get_n_results (import); i++)
    {
      const PlacementsImportResult *result = placements_import_get_result (import, i);

      if (g_str_equal (result->code, "accepted"))
        counts[0]++;
      else if (g_str_equal (result->code, "warning"))
        counts[1]++;
      else
        counts[2]++;
    }

  g_print (_("Acknowledgement of message %s: %u accepted, %u with a warning, %u rejected\n"),
           placements_import_get_in_reply_to (import), counts[0], counts[1], counts[2]);
  for (guint i = 0; i < placements_import_get_n_results (import); i++)
    {
      const PlacementsImportResult *result = placements_import_get_result (import, i);

      if (g_str_equal (result->code, "accepted"))
        continue;
      /* TRANSLATORS: code (rejected/warning), kind, UUID, rule, the partner's message. */
      g_print (_("%s: %s %s (rule: %s): %s\n"),
               g_str_equal (result->code, "warning") ? _("warning") : _("rejected"),
               result->kind, result->record_uuid, result->rule,
               result->message != NULL ? result->message : "");
    }
}

static int
run_import (PlacementsStore      *store,
            const char           *path,
            gboolean              dry_run,
            PlacementsResolution  resolution,
            const char           *ack_path)
{
  g_autoptr(PlacementsImport) import = NULL;
  g_autoptr(GError) error = NULL;
  gboolean is_ack;

  import = placements_import_new (store);
  if (!placements_import_prepare (import, path, NULL, NULL, NULL, &error))
    {
      /* A valid file that broke a rule still gets its answer: every record
       * rejected, naming the rule. The refusal is what the user needs to read. */
      if (ack_path != NULL && !dry_run)
        placements_import_write_acknowledgement (import, ack_path, NULL);
      return cli_fail_error (error);
    }

  is_ack = g_strcmp0 (placements_import_get_message_kind (import), "acknowledgement") == 0;
  if (is_ack)
    print_results (import);
  else
    print_preview (import, dry_run);

  if (dry_run)
    return CLI_EXIT_OK;

  if (placements_import_get_n_conflicts (import) > 0)
    {
      guint n = placements_import_get_n_conflicts (import);

      if (resolution == PLACEMENTS_RESOLUTION_NONE)
        return cli_fail (g_dngettext (GETTEXT_PACKAGE,
                                      "%u field was changed here and in the file; see them "
                                      "with --dry-run and choose with --conflicts=keep or "
                                      "--conflicts=take. Nothing was imported",
                                      "%u fields were changed here and in the file; see them "
                                      "with --dry-run and choose with --conflicts=keep or "
                                      "--conflicts=take. Nothing was imported",
                                      n),
                         n);
      placements_import_resolve_all (import, resolution);
    }

  if (!placements_import_apply (import, NULL, NULL, NULL, &error))
    return cli_fail_error (error);

  if (is_ack)
    g_print (_("Message %s is marked as answered.\n"),
             placements_import_get_in_reply_to (import));
  else if (!placements_import_get_already_imported (import))
    g_print (_("Imported message %s from %s.\n"), placements_import_get_message_id (import),
             placements_import_get_sender (import));

  if (ack_path != NULL && !is_ack)
    {
      if (!placements_import_write_acknowledgement (import, ack_path, &error))
        return cli_fail_error (error);
      g_print (_("Acknowledgement written to %s.\n"), ack_path);
    }
  return CLI_EXIT_OK;
}

int
cli_command_import (const CliOptions   *options,
                    char             ***args)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("FILE"));
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *conflicts = NULL;
  g_autofree char *ack_path = NULL;
  gboolean dry_run = FALSE;
  PlacementsResolution resolution = PLACEMENTS_RESOLUTION_NONE;
  int status = CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Show what the import would do (new, changed, unchanged, conflicting records, and "
         "each conflict) and write nothing"), NULL },
    { "conflicts", 0, 0, G_OPTION_ARG_STRING, &conflicts,
      N_("Settle fields changed here and in the file: keep ours, or take theirs"),
      N_("keep|take") },
    { "ack", 0, 0, G_OPTION_ARG_FILENAME, &ack_path,
      N_("Write the acknowledgement for the sender to FILE"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, N_("Imports an exchange file from a partner "
                                            "organisation, all of it or nothing, or an "
                                            "acknowledgement of a file sent to one."));
  if (!cli_parse_options (context, "import", args, &status))
    return status;
  if (g_strv_length (*args) < 2)
    return cli_usage_error ("import", _("which file? “placements-cli import FILE”"));
  if (g_strv_length (*args) > 2)
    return cli_usage_error ("import", _("unexpected argument “%s”"), (*args)[2]);

  if (conflicts != NULL)
    {
      if (g_str_equal (conflicts, "keep"))
        resolution = PLACEMENTS_RESOLUTION_KEEP_OURS;
      else if (g_str_equal (conflicts, "take"))
        resolution = PLACEMENTS_RESOLUTION_TAKE_THEIRS;
      else
        return cli_usage_error ("import",
                                _("--conflicts must be “keep” or “take”, not “%s”"),
                                conflicts);
    }

  /* A preview only reads. */
  if (dry_run && ack_path == NULL)
    store = cli_open_store_for_reading (options, &error);
  else
    store = cli_open_store (options, FALSE, &error);
  if (store == NULL)
    return cli_fail_error (error);

  return run_import (store, (*args)[1], dry_run, resolution, ack_path);
}
