#define G_LOG_DOMAIN "placements-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "placements-backup.h"
#include "placements-error.h"
#include "placements-store-private.h"
#include "placements-timestamp.h"

#define SUFFIX ".db"
#define BEFORE_RESTORE "-before-restore"

char *
placements_backup_get_folder (void)
{
  return g_build_filename (g_get_user_data_dir (), "placements", "backups", NULL);
}

/* @message: translated, naming the file. */
static gboolean
set_errno_error (GError     **error,
                 int          saved_errno,
                 char        *message)
{
  g_autofree char *owned = message;

  g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO, "%s: %s", owned,
               g_strerror (saved_errno));
  return FALSE;
}

static void
sync_folder (const char *folder)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/*
 * A backup is written under ".NAME.XXXXXX" beside its target, locked while it is
 * written. A killed backup leaves that name behind: the next backup into the folder
 * removes every such file no living writer holds.
 */
static void
remove_stale_temporary_files (const char *folder,
                              const char *name)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *prefix = g_strconcat (".", name, ".", NULL);
  const char *entry;

  if (dir == NULL)
    return;
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;
      int fd;

      if (!g_str_has_prefix (entry, prefix) || strlen (entry) != strlen (prefix) + 6)
        continue;
      path = g_build_filename (folder, entry, NULL);
      fd = g_open (path, O_RDWR | O_NOFOLLOW | O_CLOEXEC, 0);
      if (fd < 0)
        continue;
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        g_unlink (path);
      close (fd);
    }
}

gboolean
placements_backup_write (PlacementsStore  *store,
                         const char       *path,
                         GError          **error)
{
  sqlite3 *db = placements_store_get_connection (store);
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *temporary = NULL;
  g_autofree char *detail = NULL;
  sqlite3_stmt *statement = NULL;
  int fd;
  int result;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);
  g_return_val_if_fail (!placements_store_in_transaction (store), FALSE);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      return set_errno_error (error, saved_errno,
                              g_strdup_printf (_("The folder “%s” could not be created"), folder));
    }
  remove_stale_temporary_files (folder, name);

  /* Logged first, so that the backup holds the entry of its own making. */
  detail = g_strdup_printf ("file=%s", name);
  if (!placements_store_write_audit_event (store, PLACEMENTS_AUDIT_ACTION_BACKUP, "database",
                                           NULL, detail, error))
    {
      g_prefix_error (error, _("No backup was made of “%s”: "), placements_store_get_path (store));
      return FALSE;
    }

  temporary = g_strdup_printf ("%s%c.%s.XXXXXX", folder, G_DIR_SEPARATOR, name);
  fd = g_mkstemp_full (temporary, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      return set_errno_error (error, saved_errno,
                              g_strdup_printf (_("The backup “%s” could not be written"), path));
    }
  flock (fd, LOCK_EX);

  /* VACUUM INTO writes into an empty file that exists: this one, private already. */
  result = sqlite3_prepare_v2 (db, "VACUUM INTO ?", -1, &statement, NULL);
  if (result == SQLITE_OK)
    {
      sqlite3_bind_text (statement, 1, temporary, -1, SQLITE_STATIC);
      result = sqlite3_step (statement);
    }
  if (result != SQLITE_DONE)
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO,
                   _("The backup “%s” could not be written: %s"), path, sqlite3_errmsg (db));
      sqlite3_finalize (statement);
      g_unlink (temporary);
      close (fd);
      return FALSE;
    }
  sqlite3_finalize (statement);

  /* VACUUM INTO does not sync what it wrote. */
  if (fsync (fd) != 0 || g_rename (temporary, path) != 0)
    {
      int saved_errno = errno;

      g_unlink (temporary);
      close (fd);
      return set_errno_error (error, saved_errno,
                              g_strdup_printf (_("The backup “%s” could not be written"), path));
    }
  close (fd);
  sync_folder (folder);
  return TRUE;
}

/*
 * "placements-1a2b3c4d" for "/x/placements.db": the file's name, for people, and the
 * start of the SHA-256 of its full path, so that the backups of /a/placements.db and
 * /b/placements.db, in the one backups folder, are never taken for each other's (nor
 * removed as each other's old ones). The path is the real one where the file exists:
 * a database reached through a link has the backups of its own file.
 */
static char *
dup_prefix (const char *db_path)
{
  g_autofree char *name = g_path_get_basename (db_path);
  g_autofree char *real = realpath (db_path, NULL);
  g_autofree char *absolute = real != NULL ? g_strdup (real)
                                           : g_canonicalize_filename (db_path, NULL);
  g_autofree char *digest = g_compute_checksum_for_string (G_CHECKSUM_SHA256, absolute, -1);

  if (g_str_has_suffix (name, SUFFIX) && strlen (name) > strlen (SUFFIX))
    name[strlen (name) - strlen (SUFFIX)] = '\0';
  return g_strdup_printf ("%s-%.8s", name, digest);
}

void
placements_backup_info_free (PlacementsBackupInfo *info)
{
  if (info == NULL)
    return;
  g_free (info->path);
  g_free (info->date);
  g_free (info);
}

static gint
compare_backups (gconstpointer a,
                 gconstpointer b)
{
  const PlacementsBackupInfo *first = *(PlacementsBackupInfo * const *) a;
  const PlacementsBackupInfo *second = *(PlacementsBackupInfo * const *) b;

  return strcmp (first->path, second->path);
}

static gboolean
is_date (const char *text)
{
  g_autoptr(GDate) date = g_date_new ();
  g_autofree char *copy = g_strndup (text, 10);

  if (strlen (copy) != 10 || copy[4] != '-' || copy[7] != '-')
    return FALSE;
  g_date_set_parse (date, copy);
  return g_date_valid (date);
}

GPtrArray *
placements_backup_list (const char  *db_path,
                        const char  *folder,
                        GError     **error)
{
  g_autofree char *default_folder = NULL;
  g_autofree char *stem = dup_prefix (db_path);
  g_autofree char *prefix = g_strconcat (stem, "-", NULL);
  g_autoptr(GPtrArray) backups =
    g_ptr_array_new_with_free_func ((GDestroyNotify) placements_backup_info_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *entry;

  if (folder == NULL)
    folder = default_folder = placements_backup_get_folder ();
  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      /* No folder yet: no backups yet. */
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO,
                   _("The folder “%s” could not be read: %s"), folder, local_error->message);
      return NULL;
    }
  while ((entry = g_dir_read_name (dir)) != NULL)
    {
      const char *rest;
      PlacementsBackupInfo *info;
      GStatBuf status;

      if (!g_str_has_prefix (entry, prefix) || !g_str_has_suffix (entry, SUFFIX))
        continue;
      rest = entry + strlen (prefix);
      if (!is_date (rest))
        continue;
      info = g_new0 (PlacementsBackupInfo, 1);
      info->path = g_build_filename (folder, entry, NULL);
      info->date = g_strndup (rest, 10);
      info->before_restore = strstr (rest, BEFORE_RESTORE SUFFIX) != NULL;
      if (!info->before_restore && !g_str_equal (rest + 10, SUFFIX))
        {
          placements_backup_info_free (info);
          continue;
        }
      if (g_stat (info->path, &status) == 0)
        info->size = status.st_size;
      g_ptr_array_add (backups, info);
    }
  g_ptr_array_sort (backups, compare_backups);
  return g_steal_pointer (&backups);
}

gboolean
placements_backup_daily (PlacementsStore  *store,
                         const char       *folder,
                         guint             keep_days,
                         char            **made_path,
                         GError          **error)
{
  g_autofree char *default_folder = NULL;
  g_autofree char *stem = dup_prefix (placements_store_get_path (store));
  g_autofree char *today = placements_timestamp_today ();
  g_autofree char *name = g_strdup_printf ("%s-%s%s", stem, today, SUFFIX);
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) oldest = g_date_time_add_days (now, -(int) MAX (keep_days, 1) + 1);
  g_autofree char *oldest_kept = g_date_time_format (oldest, "%Y-%m-%d");

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);

  if (folder == NULL)
    folder = default_folder = placements_backup_get_folder ();
  path = g_build_filename (folder, name, NULL);
  if (made_path != NULL)
    *made_path = NULL;
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      if (!placements_backup_write (store, path, error))
        return FALSE;
      if (made_path != NULL)
        *made_path = g_strdup (path);
    }

  /* Only the daily ones go; those a restore kept stay until removed by hand. */
  backups = placements_backup_list (placements_store_get_path (store), folder, error);
  if (backups == NULL)
    return FALSE;
  for (guint i = 0; i < backups->len; i++)
    {
      PlacementsBackupInfo *info = g_ptr_array_index (backups, i);

      if (!info->before_restore && strcmp (info->date, oldest_kept) < 0)
        g_unlink (info->path);
    }
  return TRUE;
}

/* Read-only and immutable: checking or restoring a file never writes to it, nor
 * makes a -wal or -shm beside it. */
static sqlite3 *
open_backup (const char  *path,
             GError     **error)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, "/", FALSE);
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro&immutable=1", escaped);
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL) != SQLITE_OK)
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_REFUSED_FILE,
                   _("“%s” could not be opened: %s"), path,
                   db != NULL ? sqlite3_errmsg (db) : g_strerror (ENOMEM));
      sqlite3_close (db);
      return NULL;
    }
  return db;
}

static gboolean
query_int (sqlite3    *db,
           const char *sql,
           int        *value)
{
  sqlite3_stmt *statement = NULL;
  gboolean ok = FALSE;

  if (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL) == SQLITE_OK &&
      sqlite3_step (statement) == SQLITE_ROW)
    {
      *value = sqlite3_column_int (statement, 0);
      ok = TRUE;
    }
  sqlite3_finalize (statement);
  return ok;
}

static gboolean
check_open_backup (sqlite3     *db,
                   const char  *path,
                   GError     **error)
{
  sqlite3_stmt *statement = NULL;
  int version = 0;
  int n_tables = 0;
  int result;
  g_autofree char *problem = NULL;

  if (!query_int (db, "PRAGMA user_version", &version))
    {
      /* A file cut off (in an e-mail, on a full disk) starts well and then breaks. */
      if ((sqlite3_errcode (db) & 0xff) == SQLITE_CORRUPT)
        g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_REFUSED_FILE,
                     _("“%s” is damaged and cannot be restored: %s"), path, sqlite3_errmsg (db));
      else
        g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_REFUSED_FILE,
                     _("“%s” is not a Placements backup: %s"), path, sqlite3_errmsg (db));
      return FALSE;
    }

  result = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &statement, NULL);
  while (statement != NULL && (result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (statement, 0);

      if (problem == NULL && g_strcmp0 (line, "ok") != 0)
        problem = g_strdup (line);
    }
  sqlite3_finalize (statement);
  if (result != SQLITE_DONE && problem == NULL)
    problem = g_strdup (sqlite3_errmsg (db));
  if (problem != NULL)
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_REFUSED_FILE,
                   _("“%s” is damaged and cannot be restored: %s"), path, problem);
      return FALSE;
    }

  /* The tables every version of the schema has. */
  if (version < 1 ||
      !query_int (db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN "
                  "('organisation', 'client', 'placement', 'consent', 'audit_event')",
                  &n_tables) || n_tables != 5)
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_REFUSED_FILE,
                   _("“%s” is not a Placements database"), path);
      return FALSE;
    }
  if (version > placements_store_get_latest_schema_version ())
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NEWER_DATABASE,
                   _("“%s” was written by a newer version of Placements (schema %d; this "
                     "version knows up to %d) and cannot be restored by this one"),
                   path, version, placements_store_get_latest_schema_version ());
      return FALSE;
    }
  return TRUE;
}

gboolean
placements_backup_check_file (const char  *path,
                              GError     **error)
{
  GStatBuf status;
  sqlite3 *db;
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  /* A FIFO or a device would hang the open or read forever. */
  if (g_stat (path, &status) != 0)
    {
      int saved_errno = errno;

      return set_errno_error (error, saved_errno,
                              g_strdup_printf (_("The backup “%s” could not be read"), path));
    }
  if (!S_ISREG (status.st_mode))
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_REFUSED_FILE,
                   _("“%s” is not a regular file"), path);
      return FALSE;
    }

  db = open_backup (path, error);
  if (db == NULL)
    return FALSE;
  ok = check_open_backup (db, path, error);
  sqlite3_close (db);
  return ok;
}

gboolean
placements_backup_restore (PlacementsStore  *store,
                           const char       *path,
                           const char       *folder,
                           char            **kept_path,
                           GError          **error)
{
  g_autofree char *default_folder = NULL;
  g_autofree char *stem = dup_prefix (placements_store_get_path (store));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *moment = g_date_time_format (now, "%Y-%m-%d-%H%M%S");
  g_autofree char *kept_name = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *name = NULL;
  g_autofree char *detail = NULL;
  sqlite3_backup *backup;
  sqlite3 *source;
  sqlite3 *db = placements_store_get_connection (store);
  int result;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);
  g_return_val_if_fail (!placements_store_in_transaction (store), FALSE);

  if (!placements_backup_check_file (path, error))
    return FALSE;

  if (folder == NULL)
    folder = default_folder = placements_backup_get_folder ();
  kept_name = g_strdup_printf ("%s-%s%s%s", stem, moment, BEFORE_RESTORE, SUFFIX);
  kept = g_build_filename (folder, kept_name, NULL);
  /* Two restores in one second keep two files. */
  for (guint n = 2; g_file_test (kept, G_FILE_TEST_EXISTS); n++)
    {
      g_free (kept_name);
      g_free (kept);
      kept_name = g_strdup_printf ("%s-%s-%u%s%s", stem, moment, n, BEFORE_RESTORE, SUFFIX);
      kept = g_build_filename (folder, kept_name, NULL);
    }
  if (!placements_backup_write (store, kept, error))
    {
      g_prefix_error (error, _("Nothing was restored: "));
      return FALSE;
    }

  source = open_backup (path, error);
  if (source == NULL)
    return FALSE;
  /* What was checked is what is copied: the same read-only, immutable view. */
  if (!check_open_backup (source, path, error))
    {
      sqlite3_close (source);
      return FALSE;
    }
  /* The backup API copies every page in one write transaction: all or nothing. */
  backup = sqlite3_backup_init (db, "main", source, "main");
  if (backup == NULL)
    result = sqlite3_errcode (db);
  else
    {
      result = sqlite3_backup_step (backup, -1);
      if (sqlite3_backup_finish (backup) != SQLITE_OK && result == SQLITE_DONE)
        result = sqlite3_errcode (db);
    }
  sqlite3_close (source);
  if (result != SQLITE_DONE)
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO,
                   _("The database “%s” could not be replaced by “%s”: %s; it is as it was"),
                   placements_store_get_path (store), path, sqlite3_errstr (result));
      return FALSE;
    }
  /* An older backup is brought up to this version; the log goes on from its own. */
  name = g_path_get_basename (path);
  detail = g_strdup_printf ("file=%s", name);
  if (!placements_store_reload (store, error) ||
      !placements_store_write_audit_event (store, PLACEMENTS_AUDIT_ACTION_RESTORE, "database",
                                           NULL, detail, error))
    return FALSE;
  if (kept_path != NULL)
    *kept_path = g_steal_pointer (&kept);
  return TRUE;
}
