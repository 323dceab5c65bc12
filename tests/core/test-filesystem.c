#define G_LOG_DOMAIN "placements-test-filesystem"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "placements-error.h"
#include "placements-filesystem.h"
#include "placements-store.h"
#include "placements-test-utils.h"

/*
 * A database on a network file system is refused unless the user insists. What is
 * tested: the classification of statfs() magic numbers and FUSE mount types, the
 * real statfs() of the test's own (local) folder, and the store's refusal and its
 * message with statfs() replaced by a probe that answers as an NFS, SMB or sshfs
 * mount would. No network share is mounted: a test cannot mount one.
 */

typedef struct
{
  gint64      magic;
  const char *mount_type;
  const char *expected;
} Case;

static const Case cases[] = {
  { 0x6969, NULL, "NFS" },
  { 0xff534d42, NULL, "SMB/CIFS" },
  { 0xfe534d42, NULL, "SMB/CIFS" },
  { 0x517b, NULL, "SMB/CIFS" },
  { 0x65735546, "fuse.sshfs", "sshfs" },
  { 0x65735546, "fuse.gvfsd-fuse", "GVfs" },
  { 0x65735546, "fuse.rclone", "rclone" },
  /* A FUSE driver of a local disk, and a FUSE mount whose type could not be read. */
  { 0x65735546, "fuseblk", NULL },
  { 0x65735546, "fuse.ntfs-3g", NULL },
  { 0x65735546, NULL, NULL },
  /* ext4, tmpfs, btrfs, xfs, overlayfs */
  { 0xef53, NULL, NULL },
  { 0x01021994, NULL, NULL },
  { 0x9123683e, NULL, NULL },
  { 0x58465342, NULL, NULL },
  { 0x794c7630, NULL, NULL },
};

static void
test_classify (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (placements_filesystem_classify (cases[i].magic, cases[i].mount_type),
                     ==, cases[i].expected);
}

/* The tests' folder is on a local disk (a database test on a network share would
 * test nothing else): the real statfs() says so. */
static void
test_local_folder (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "not", "made", "yet.db", NULL);

  g_assert_null (placements_filesystem_find_network (path));
  placements_test_remove_folder (folder);
}

typedef struct
{
  gint64      magic;
  const char *mount_type;
  char       *asked;
} Probe;

static gboolean
fake_mount (const char  *folder,
            gint64      *magic,
            char       **mount_type,
            gpointer     user_data)
{
  Probe *probe = user_data;

  g_free (probe->asked);
  probe->asked = g_strdup (folder);
  *magic = probe->magic;
  *mount_type = g_strdup (probe->mount_type);
  return TRUE;
}

static void
test_store_refuses (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *subfolder = g_build_filename (folder, "share", NULL);
  g_autofree char *path = g_build_filename (subfolder, "placements.db", NULL);
  Probe probe = { 0x6969, NULL, NULL };
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(GError) error = NULL;

  placements_filesystem_set_probe (fake_mount, &probe);

  /* NFS: refused, naming the file and why, and nothing made, not even the folder. */
  store = placements_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NETWORK_FILESYSTEM);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, "(NFS)"));
  g_assert_nonnull (strstr (error->message, "--allow-network-filesystem"));
  g_assert_false (g_file_test (subfolder, G_FILE_TEST_EXISTS));
  /* The nearest folder that exists was asked about. */
  g_assert_cmpstr (probe.asked, ==, folder);
  g_clear_error (&error);

  /* sshfs, through FUSE. */
  probe.magic = 0x65735546;
  probe.mount_type = "fuse.sshfs";
  store = placements_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NETWORK_FILESYSTEM);
  g_assert_nonnull (strstr (error->message, "(sshfs)"));
  g_clear_error (&error);

  /* The user insists. */
  store = placements_store_open_full (path, PLACEMENTS_STORE_OPEN_ALLOW_NETWORK_FILESYSTEM,
                                      &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (placements_store_get_open_flags (store), ==,
                   PLACEMENTS_STORE_OPEN_ALLOW_NETWORK_FILESYSTEM);
  g_clear_object (&store);

  /* A local FUSE disk is not refused. */
  probe.mount_type = "fuseblk";
  store = placements_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_clear_object (&store);

  placements_filesystem_set_probe (NULL, NULL);
  g_free (probe.asked);
  placements_test_remove_folder (folder);
}

/* In Dutch, in a subprocess so the other tests keep their English. */
static void
test_translated (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
      g_autofree char *folder = placements_test_make_folder ();
      g_autofree char *path = g_build_filename (folder, "placements.db", NULL);
      Probe probe = { 0xff534d42, NULL, NULL };
      g_autoptr(PlacementsStore) store = NULL;
      g_autoptr(GError) error = NULL;

      g_setenv ("LANGUAGE", "nl", TRUE);
      setlocale (LC_ALL, "C.UTF-8");
      bindtextdomain (GETTEXT_PACKAGE, locale_dir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

      placements_filesystem_set_probe (fake_mount, &probe);
      store = placements_store_open (path, &error);
      g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NETWORK_FILESYSTEM);
      g_print ("%s\n", error->message);
      placements_filesystem_set_probe (NULL, NULL);
      g_free (probe.asked);
      placements_test_remove_folder (folder);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*staat op een netwerkschijf (SMB/CIFS)*"
                             "--allow-network-filesystem*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/filesystem/classify", test_classify);
  g_test_add_func ("/filesystem/local-folder", test_local_folder);
  g_test_add_func ("/filesystem/store-refuses", test_store_refuses);
  g_test_add_func ("/filesystem/translated", test_translated);

  return g_test_run ();
}
