#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Whether a database's folder is on a network file system. SQLite's locking relies
 * on POSIX advisory locks and, in WAL mode, on shared memory beside the database;
 * neither is reliable over NFS, SMB/CIFS or FUSE network file systems such as sshfs,
 * so two programs could both write and damage the file.
 */

/* What statfs() says of a folder: its f_type and, for a FUSE mount, the file system
 * type the mount table gives it ("fuse.sshfs"), else NULL. */
typedef gboolean (*PlacementsFilesystemProbe) (const char  *folder,
                                               gint64      *magic,
                                               char       **mount_type,
                                               gpointer     user_data);

/* The name of a network file system for statfs()'s @magic and the mount table's
 * @mount_type (may be NULL), as a user knows it ("NFS", "SMB/CIFS", "sshfs"), or
 * NULL for a local one. A FUSE mount of a type not known to reach over a network
 * (ntfs-3g, an exFAT driver) counts as local. */
const char *placements_filesystem_classify   (gint64                     magic,
                                              const char                *mount_type);

/* The network file system the folder of @path is on (of its nearest existing
 * ancestor, for a file not made yet), or NULL when it is local or cannot be told. */
const char *placements_filesystem_find_network (const char              *path);

/* For tests: answer with @probe instead of statfs() and the mount table; NULL
 * restores them. */
void        placements_filesystem_set_probe  (PlacementsFilesystemProbe  probe,
                                              gpointer                   user_data);

G_END_DECLS
