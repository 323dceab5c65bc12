#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cli-commands.h"
#include "placements-backup.h"

int
cli_command_backup (const CliOptions   *options,
                    char             ***args)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("[FILE]"));
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *made = NULL;
  gboolean daily = FALSE;
  int keep = 0;
  int status = CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "daily", 0, 0, G_OPTION_ARG_NONE, &daily,
      N_("Make today’s backup in the backups folder unless there is one, and remove those "
         "older than the days kept"), NULL },
    { "keep", 0, 0, G_OPTION_ARG_INT, &keep,
      N_("With --daily: keep this many days (default: the setting backup-days)"), N_("DAYS") },
    G_OPTION_ENTRY_NULL
  };

  g_option_context_set_summary (context, N_("Writes a backup of the database to FILE (mode "
                                            "0600), a consistent snapshot even while the app "
                                            "writes."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, "backup", args, &status))
    return status;
  if (g_strv_length (*args) > 2)
    return cli_usage_error ("backup", _("unexpected argument “%s”"), (*args)[2]);
  if (daily == (g_strv_length (*args) == 2))
    return cli_usage_error ("backup", _("give either a FILE or --daily"));
  if (keep < 0)
    return cli_usage_error ("backup", _("--keep needs a number of days of 1 or more"));

  store = cli_open_store (options, FALSE, &error);
  if (store == NULL)
    return cli_fail_error (error);

  if (daily)
    {
      guint days = keep > 0 ? (guint) keep
                            : (guint) cli_get_setting_int ("backup-days",
                                                           PLACEMENTS_BACKUP_DEFAULT_DAYS);

      if (!placements_backup_daily (store, NULL, days, &made, &error))
        return cli_fail_error (error);
      if (made != NULL)
        g_print (_("Backup written to “%s”"), made);
      else
        g_print (_("Today’s backup was made already"));
      g_print ("\n");
      return CLI_EXIT_OK;
    }

  if (!placements_backup_write (store, (*args)[1], &error))
    return cli_fail_error (error);
  g_print (_("Backup written to “%s”"), (*args)[1]);
  g_print ("\n");
  return CLI_EXIT_OK;
}

int
cli_command_backups (const CliOptions   *options,
                     char             ***args)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autofree char *path = placements_store_resolve_path (options->db_path);
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  int status = CLI_EXIT_OK;

  g_option_context_set_summary (context, N_("Lists the backups of the database in the backups "
                                            "folder, oldest first, as TSV: date, kind, size "
                                            "in bytes, file."));
  if (!cli_parse_options (context, "backups", args, &status))
    return status;
  if (g_strv_length (*args) > 1)
    return cli_usage_error ("backups", _("unexpected argument “%s”"), (*args)[1]);

  backups = placements_backup_list (path, NULL, &error);
  if (backups == NULL)
    return cli_fail_error (error);
  g_print ("date\tkind\tsize\tfile\n");
  for (guint i = 0; i < backups->len; i++)
    {
      PlacementsBackupInfo *info = g_ptr_array_index (backups, i);

      /* Fixed words, like the header: scripts read them. */
      g_print ("%s\t%s\t%" G_GINT64_FORMAT "\t%s\n", info->date,
               info->before_restore ? "before-restore" : "daily", info->size, info->path);
    }
  return CLI_EXIT_OK;
}

int
cli_command_restore (const CliOptions   *options,
                     char             ***args)
{
  g_autoptr(GOptionContext) context = g_option_context_new (_("[FILE]"));
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *from_date = NULL;
  const char *file = NULL;
  int status = CLI_EXIT_OK;
  const GOptionEntry entries[] = {
    { "date", 0, 0, G_OPTION_ARG_STRING, &date,
      N_("Restore the daily backup of this date (see “backups”)"), N_("DATE") },
    G_OPTION_ENTRY_NULL
  };

  g_option_context_set_summary (context, N_("Replaces the database by a backup, after checking "
                                            "it. The database as it was is kept as a backup "
                                            "itself."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, "restore", args, &status))
    return status;
  if (g_strv_length (*args) > 2)
    return cli_usage_error ("restore", _("unexpected argument “%s”"), (*args)[2]);
  if ((date != NULL) == (g_strv_length (*args) == 2))
    return cli_usage_error ("restore", _("give either a FILE or --date"));

  store = cli_open_store (options, FALSE, &error);
  if (store == NULL)
    return cli_fail_error (error);

  if (date != NULL)
    {
      g_autoptr(GPtrArray) backups = placements_backup_list (placements_store_get_path (store),
                                                             NULL, &error);

      if (backups == NULL)
        return cli_fail_error (error);
      for (guint i = 0; i < backups->len; i++)
        {
          PlacementsBackupInfo *info = g_ptr_array_index (backups, i);

          if (!info->before_restore && g_str_equal (info->date, date))
            from_date = g_strdup (info->path);
        }
      if (from_date == NULL)
        return cli_fail (_("there is no daily backup of “%s” dated %s (see “placements-cli "
                           "backups”)"), placements_store_get_path (store), date);
      file = from_date;
    }
  else
    file = (*args)[1];

  if (!placements_backup_restore (store, file, NULL, &kept, &error))
    return cli_fail_error (error);

  g_print (_("Restored “%s” from “%s”; the database as it was is kept in “%s”"),
           placements_store_get_path (store), file, kept);
  g_print ("\n");
  return CLI_EXIT_OK;
}
