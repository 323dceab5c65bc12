#define G_LOG_DOMAIN "placements-filesystem"

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/sysmacros.h>

#include <glib/gstdio.h>

#include "placements-filesystem.h"

/* From linux/magic.h and the file systems' own headers; not all are in the former. */
static const struct
{
  gint64      magic;
  const char *name;
} network_magics[] = {
  { 0x6969, "NFS" },
  { 0x517b, "SMB/CIFS" },         /* smbfs */
  { 0xff534d42, "SMB/CIFS" },     /* cifs */
  { 0xfe534d42, "SMB/CIFS" },     /* smb3 */
  { 0x564c, "NCP" },
  { 0x5346414f, "AFS" },
  { 0x6b414653, "AFS" },          /* kAFS */
  { 0x73757245, "Coda" },
  { 0x00c36400, "Ceph" },
  { 0x01021997, "9P" },
};

#define FUSE_SUPER_MAGIC 0x65735546

/* FUSE file systems that reach a disk on another computer, by the mount table's
 * type after "fuse." (or the plain type of a FUSE mount without one). */
static const struct
{
  const char *type;
  const char *name;
} network_fuse_types[] = {
  { "sshfs", "sshfs" },
  { "rclone", "rclone" },
  { "s3fs", "s3fs" },
  { "gvfsd-fuse", "GVfs" },
  { "davfs", "WebDAV" },
  { "curlftpfs", "FTP" },
  { "glusterfs", "GlusterFS" },
  { "smbnetfs", "SMB/CIFS" },
};

static PlacementsFilesystemProbe probe_override;
static gpointer probe_override_data;

const char *
placements_filesystem_classify (gint64      magic,
                                const char *mount_type)
{
  for (gsize i = 0; i < G_N_ELEMENTS (network_magics); i++)
    if (network_magics[i].magic == magic)
      return network_magics[i].name;

  if (magic == FUSE_SUPER_MAGIC && mount_type != NULL)
    {
      const char *type = g_str_has_prefix (mount_type, "fuse.")
                         ? mount_type + strlen ("fuse.") : mount_type;

      for (gsize i = 0; i < G_N_ELEMENTS (network_fuse_types); i++)
        if (g_str_equal (type, network_fuse_types[i].type))
          return network_fuse_types[i].name;
    }
  return NULL;
}

/* The type /proc/self/mountinfo gives the mount of device @device:
 * "ID PARENT MAJOR:MINOR ROOT MOUNT-POINT OPTIONS [OPTIONAL…] - TYPE SOURCE …" */
static char *
find_mount_type (dev_t device)
{
  g_autofree char *contents = NULL;
  g_autofree char *wanted = g_strdup_printf ("%u:%u", major (device), minor (device));
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents ("/proc/self/mountinfo", &contents, NULL, NULL))
    return NULL;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", -1);
      guint n = g_strv_length (fields);

      if (n < 3 || !g_str_equal (fields[2], wanted))
        continue;
      for (guint j = 3; j + 1 < n; j++)
        if (g_str_equal (fields[j], "-"))
          return g_strdup (fields[j + 1]);
    }
  return NULL;
}

static gboolean
probe_statfs (const char  *folder,
              gint64      *magic,
              char       **mount_type)
{
  struct statfs info;
  GStatBuf status;

  if (statfs (folder, &info) != 0)
    return FALSE;
  *magic = (gint64) (guint32) info.f_type;
  *mount_type = NULL;
  /* Only a FUSE mount needs its name: the magic is the same for all of them. */
  if (*magic == FUSE_SUPER_MAGIC && g_stat (folder, &status) == 0)
    *mount_type = find_mount_type (status.st_dev);
  return TRUE;
}

const char *
placements_filesystem_find_network (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *mount_type = NULL;
  gint64 magic = 0;
  gboolean known;

  /* A new database may go into folders that are not made yet. */
  while (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      char *parent = g_path_get_dirname (folder);

      if (g_str_equal (parent, folder))
        {
          g_free (parent);
          return NULL;
        }
      g_free (folder);
      folder = parent;
    }

  if (probe_override != NULL)
    known = probe_override (folder, &magic, &mount_type, probe_override_data);
  else
    known = probe_statfs (folder, &magic, &mount_type);
  /* Where statfs cannot tell, opening goes on: SQLite reports what it cannot do. */
  if (!known)
    return NULL;
  return placements_filesystem_classify (magic, mount_type);
}

void
placements_filesystem_set_probe (PlacementsFilesystemProbe probe,
                                 gpointer                  user_data)
{
  probe_override = probe;
  probe_override_data = user_data;
}
