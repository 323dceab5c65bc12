#define G_LOG_DOMAIN "placements-test-cli-busy"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include <glib/gstdio.h>

#include "placements-record-types.h"
#include "placements-store.h"
#include "placements-test-utils.h"

/*
 * Two writers: placements-cli finds the database's write lock held by another
 * connection (as while the window imports a file). It waits its busy timeout, then
 * ends with one translated line and exit status 1, having written nothing; once
 * the lock is free the same command succeeds.
 */

typedef struct
{
  int    status;
  char  *out;
  char  *err;
  double seconds;
} Run;

static void
run_cli (Run        *run,
         const char *folder,
         const char *first_arg,
         ...)
{
  const char *localedir = g_getenv ("PLACEMENTS_BUILD_LOCALEDIR");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("PLACEMENTS_CLI");
  gint64 start;
  va_list args;

  g_assert_nonnull (cli);
  g_assert_nonnull (localedir);
  g_ptr_array_add (argv, (gpointer) cli);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "PLACEMENTS_DB");
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", folder, TRUE);
  /* glibc ignores LANGUAGE in the C locale, not in C.UTF-8. */
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "LANGUAGE", "nl", TRUE);
  g_subprocess_launcher_setenv (launcher, "PLACEMENTS_LOCALEDIR", localedir, TRUE);

  start = g_get_monotonic_time ();
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->seconds = (g_get_monotonic_time () - start) / 1e6;
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static void
test_waits_then_fails_translated (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "busy.db", NULL);
  g_autofree char *mo = NULL;
  g_autoptr(PlacementsStore) store = placements_test_open_store (path);
  Run busy = { 0 };
  Run free_again = { 0 };
  sqlite3 *other = NULL;

  mo = g_build_filename (g_getenv ("PLACEMENTS_BUILD_LOCALEDIR"), "nl", "LC_MESSAGES",
                         GETTEXT_PACKAGE ".mo", NULL);
  g_assert_true (g_file_test (mo, G_FILE_TEST_EXISTS));

  /* Another writer holds the lock, as an import's apply does. */
  g_assert_cmpint (sqlite3_open (path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  run_cli (&busy, folder, "--db", path, "demo", "--clients", "5", "--seed", "1", NULL);
  g_test_message ("placements-cli gave up after %.2f s: %s", busy.seconds, busy.err);
  g_assert_cmpint (busy.status, ==, 1);
  /* It waited its turn (the default busy timeout) before giving up. */
  g_assert_cmpfloat (busy.seconds, >=, PLACEMENTS_STORE_DEFAULT_BUSY_TIMEOUT / 1000.0 * 0.9);
  /* One line, Dutch, and not SQLite's English. */
  g_assert_true (g_str_has_prefix (busy.err, "placements-cli: Er loopt een import, of een "
                                             "ander programma schrijft in de database “"));
  g_assert_nonnull (strstr (busy.err, "er is niets gewijzigd"));
  g_assert_null (strstr (busy.err, "locked"));
  g_assert_cmpstr (strchr (busy.err, '\n') + 1, ==, "");
  /* Nothing was written. */
  g_assert_cmpint (placements_store_count (store, PLACEMENTS_TYPE_CLIENT), ==, 0);

  /* The other writer is done: the same command now goes through. */
  g_assert_cmpint (sqlite3_exec (other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (other);
  run_cli (&free_again, folder, "--db", path, "demo", "--clients", "5", "--seed", "1", NULL);
  g_assert_cmpint (free_again.status, ==, 0);
  g_assert_cmpint (placements_store_count (store, PLACEMENTS_TYPE_CLIENT), ==, 5);

  g_free (busy.out);
  g_free (busy.err);
  g_free (free_again.out);
  g_free (free_again.err);
  g_clear_object (&store);
  placements_test_remove_folder (folder);
}

/* Both spellings of the option are taken before or after the command; on a local
 * disk it changes nothing (refusing a real network share needs one mounted, which a
 * test cannot do: tests/core/test-filesystem.c covers the refusal itself). */
static void
test_allow_network_filesystem_option (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "local.db", NULL);
  Run before = { 0 };
  Run after = { 0 };

  run_cli (&before, folder, "--allow-network-filesystem", "--db", path, "init", NULL);
  g_assert_cmpint (before.status, ==, 0);
  run_cli (&after, folder, "--db", path, "check", "--allow-network-filesystem", NULL);
  g_assert_cmpint (after.status, ==, 0);

  g_free (before.out);
  g_free (before.err);
  g_free (after.out);
  g_free (after.err);
  placements_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/busy/waits-then-fails-translated", test_waits_then_fails_translated);
  g_test_add_func ("/cli/busy/allow-network-filesystem", test_allow_network_filesystem_option);

  return g_test_run ();
}
