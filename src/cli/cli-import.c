#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "cli-import.h"
#include "placements-error.h"
#include "placements-exchange-reader.h"
#include "placements-import.h"
#include "placements-store.h"

/*
 * placements-cli import FILE [--dry-run] [--conflicts=keep|take] [--ack FILE]
 * placements-cli validate FILE
 *
 * Kept in a file of their own (not cli-exchange.c, where export lives) so the
 * branches that add commands never edit the same lines.
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

int
cli_import_run (PlacementsStore  *store,
                const char       *path,
                gboolean          dry_run,
                const char       *conflicts,
                const char       *ack_path,
                GError          **error)
{
  g_autoptr(PlacementsImport) import = NULL;
  g_autoptr(GError) local_error = NULL;
  PlacementsResolution resolution = PLACEMENTS_RESOLUTION_NONE;
  gboolean is_ack;

  if (conflicts != NULL)
    {
      if (g_str_equal (conflicts, "keep"))
        resolution = PLACEMENTS_RESOLUTION_KEEP_OURS;
      else if (g_str_equal (conflicts, "take"))
        resolution = PLACEMENTS_RESOLUTION_TAKE_THEIRS;
      else
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--conflicts must be “keep” or “take”, not “%s”"), conflicts);
          return CLI_IMPORT_USAGE;
        }
    }

  import = placements_import_new (store);
  if (!placements_import_prepare (import, path, NULL, NULL, NULL, &local_error))
    {
      /* A valid file that broke a rule still gets its answer: every record
       * rejected, naming the rule. */
      if (ack_path != NULL && !dry_run)
        placements_import_write_acknowledgement (import, ack_path, NULL);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return CLI_IMPORT_REFUSED;
    }

  is_ack = g_strcmp0 (placements_import_get_message_kind (import), "acknowledgement") == 0;
  if (is_ack)
    print_results (import);
  else
    print_preview (import, dry_run);

  if (dry_run)
    return CLI_IMPORT_OK;

  if (placements_import_get_n_conflicts (import) > 0)
    {
      if (resolution == PLACEMENTS_RESOLUTION_NONE)
        {
          guint n = placements_import_get_n_conflicts (import);

          g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_CONFLICT,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "%u field was changed here and in the file; see them "
                                    "with --dry-run and choose with --conflicts=keep or "
                                    "--conflicts=take. Nothing was imported",
                                    "%u fields were changed here and in the file; see them "
                                    "with --dry-run and choose with --conflicts=keep or "
                                    "--conflicts=take. Nothing was imported",
                                    n),
                       n);
          return CLI_IMPORT_REFUSED;
        }
      placements_import_resolve_all (import, resolution);
    }

  if (!placements_import_apply (import, NULL, NULL, NULL, error))
    return CLI_IMPORT_REFUSED;

  if (is_ack)
    g_print (_("Message %s is marked as answered.\n"),
             placements_import_get_in_reply_to (import));
  else if (!placements_import_get_already_imported (import))
    g_print (_("Imported message %s from %s.\n"), placements_import_get_message_id (import),
             placements_import_get_sender (import));

  if (ack_path != NULL && !is_ack)
    {
      if (!placements_import_write_acknowledgement (import, ack_path, error))
        return CLI_IMPORT_REFUSED;
      g_print (_("Acknowledgement written to %s.\n"), ack_path);
    }
  return CLI_IMPORT_OK;
}

int
cli_validate_run (const char  *path,
                  GError     **error)
{
  g_autoptr(PlacementsExchangeMessage) message = NULL;

  /* No database: the schema and the rules that need only the file. */
  message = placements_exchange_read (path, 0, NULL, error);
  if (message == NULL ||
      !placements_exchange_check_rules (message, NULL, NULL, NULL, NULL, error))
    return CLI_IMPORT_REFUSED;

  /* TRANSLATORS: file name, message kind, number of records or results. */
  g_print (_("%s: valid (%s, %u records)\n"), message->display_name, message->kind,
           message->items->len + message->results->len);
  return CLI_IMPORT_OK;
}
