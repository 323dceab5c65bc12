#define G_LOG_DOMAIN "placements-test-private-file"

#include "config.h"

#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "placements-private-file.h"
#include "placements-test-utils.h"

/*
 * The files the app writes for others (exports, acknowledgements): private from the
 * first byte, never half at their path, and no temporary file with personal data left
 * behind by a process killed while writing.
 */

static guint
count_entries (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint n = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static char *
find_temporary (const char *folder,
                const char *basename)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s.", basename);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, prefix))
      return g_build_filename (folder, name, NULL);
  return NULL;
}

static void
test_private (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "answer.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf info;
  mode_t old_mask = umask (0);

  g_assert_true (placements_private_file_write (path, "eerste", 6, &error));
  g_assert_no_error (error);
  /* Over an existing file that anyone could read, too. */
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  g_assert_true (placements_private_file_write (path, "tweede", 6, &error));
  umask (old_mask);
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, "tweede");
  g_assert_cmpuint (count_entries (folder), ==, 1);
  placements_test_remove_folder (folder);
}

/* A writer that stops before the data is complete leaves nothing at all. */
static void
test_abandoned (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "export.xml", NULL);
  g_autoptr(GError) error = NULL;
  PlacementsPrivateFile *file = placements_private_file_new (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (write (placements_private_file_get_fd (file), "half", 4), ==, 4);
  placements_private_file_free (file);
  g_assert_cmpuint (count_entries (folder), ==, 0);
  placements_test_remove_folder (folder);
}

/* Runs a writer in a child process and kills it: while writing (@named FALSE), or
 * once the file has its temporary name (@named TRUE), the moment a caller commits
 * its own record of the file. */
static void
kill_writer (const char *path,
             gboolean    named)
{
  int ready[2];
  char byte = 0;
  pid_t child;
  int status = 0;

  g_assert_cmpint (pipe (ready), ==, 0);
  child = fork ();
  g_assert_cmpint (child, >=, 0);
  if (child == 0)
    {
      PlacementsPrivateFile *file = placements_private_file_new (path, NULL);
      char block[4096];

      memset (block, 'x', sizeof block);
      for (int i = 0; file != NULL && i < 256; i++)
        if (write (placements_private_file_get_fd (file), block, sizeof block) < 0)
          _exit (2);
      if (file == NULL || (named && !placements_private_file_link (file, NULL)))
        _exit (3);
      if (write (ready[1], "r", 1) != 1)
        _exit (4);
      for (;;)
        pause ();
    }
  close (ready[1]);
  g_assert_cmpint (read (ready[0], &byte, 1), ==, 1);
  close (ready[0]);
  kill (child, SIGKILL);
  g_assert_cmpint (waitpid (child, &status, 0), ==, child);
  g_assert_true (WIFSIGNALED (status));
}

static void
test_killed (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "export.xml", NULL);
  g_autofree char *left = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  /* Killed while writing: the unnamed file went with the process. */
  kill_writer (path, FALSE);
  g_assert_cmpuint (count_entries (folder), ==, 0);

  /* Killed between naming and renaming: the next write there removes it. */
  kill_writer (path, TRUE);
  left = find_temporary (folder, "export.xml");
  g_assert_nonnull (left);
  g_assert_true (placements_private_file_write (path, "heel", 4, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (left, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_entries (folder), ==, 1);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_cmpstr (contents, ==, "heel");
  placements_test_remove_folder (folder);
}

/* A temporary file another writer holds is that writer's: left alone. */
static void
test_live_writer_kept (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "export.xml", NULL);
  g_autofree char *other = NULL;
  g_autoptr(GError) error = NULL;
  PlacementsPrivateFile *writing = placements_private_file_new (path, &error);

  g_assert_no_error (error);
  g_assert_true (placements_private_file_link (writing, &error));
  g_assert_no_error (error);
  other = find_temporary (folder, "export.xml");
  g_assert_nonnull (other);

  g_assert_true (placements_private_file_write (path, "ander", 5, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
  placements_private_file_free (writing);
  g_assert_false (g_file_test (other, G_FILE_TEST_EXISTS));
  placements_test_remove_folder (folder);
}

static void
test_no_folder (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "missing", "export.xml", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (placements_private_file_write (path, "x", 1, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "export.xml"));
  placements_test_remove_folder (folder);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/private-file/mode-0600", test_private);
  g_test_add_func ("/private-file/abandoned", test_abandoned);
  g_test_add_func ("/private-file/killed", test_killed);
  g_test_add_func ("/private-file/live-writer-kept", test_live_writer_kept);
  g_test_add_func ("/private-file/no-folder", test_no_folder);

  return g_test_run ();
}
