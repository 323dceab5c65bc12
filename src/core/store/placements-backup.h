#pragma once

#include <gio/gio.h>

#include "placements-store.h"

G_BEGIN_DECLS

/*
 * Backups of a live database: written with VACUUM INTO (a consistent snapshot, never
 * a file copy, which could catch a write half-way), mode 0600, under a temporary
 * name renamed into place once complete and synced.
 */

/* How many days of daily backups are kept when nothing says otherwise. */
#define PLACEMENTS_BACKUP_DEFAULT_DAYS 14

/* $XDG_DATA_HOME/placements/backups */
char      *placements_backup_get_folder   (void);

/* Writes a backup of @store to @path, replacing a file there; logged. */
gboolean   placements_backup_write        (PlacementsStore  *store,
                                           const char       *path,
                                           GError          **error);

/*
 * The daily backup: unless @folder (NULL: the default) holds one of today for this
 * database, writes "NAME-HASH-YYYY-MM-DD.db" there (HASH: the start of the SHA-256 of
 * the database's full path, so that two databases of one name in different folders
 * keep backups of their own); then removes this database's daily
 * backups older than @keep_days. @made_path: the backup written, or NULL if there
 * was one already.
 */
gboolean   placements_backup_daily        (PlacementsStore  *store,
                                           const char       *folder,
                                           guint             keep_days,
                                           char            **made_path,
                                           GError          **error);

/* One backup in the folder. */
typedef struct
{
  char   *path;
  char   *date;      /* YYYY-MM-DD, from its name */
  gint64  size;
  gboolean before_restore; /* kept by a restore, not a daily one */
} PlacementsBackupInfo;

void       placements_backup_info_free    (PlacementsBackupInfo *info);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlacementsBackupInfo, placements_backup_info_free)

/* The backups of the database at @db_path in @folder (NULL: the default), oldest
 * first. */
GPtrArray *placements_backup_list         (const char       *db_path,
                                           const char       *folder,
                                           GError          **error);

/*
 * Checks that @path can be restored: a readable SQLite file that passes
 * integrity_check, holds a Placements database, and was not written by a newer
 * version. Never writes to it. Errors are translated and name the file.
 */
gboolean   placements_backup_check_file   (const char       *path,
                                           GError          **error);

/*
 * Replaces the contents of @store's database with the backup at @path, after
 * checking it (nothing is touched when the check fails). The database as it was is
 * first kept as a backup itself in @folder (NULL: the default); @kept_path names it.
 * Afterwards @store holds the backup's records, brought up to this version's schema,
 * and the restore is logged.
 */
gboolean   placements_backup_restore      (PlacementsStore  *store,
                                           const char       *path,
                                           const char       *folder,
                                           char            **kept_path,
                                           GError          **error);

G_END_DECLS
