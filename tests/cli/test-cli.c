#define G_LOG_DOMAIN "placements-test-cli"

#include "config.h"

#include <errno.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "placements-record-kind.h"
#include "placements-record-types.h"
#include "placements-store.h"
#include "placements-test-utils.h"

/*
 * Runs the built placements-cli (PLACEMENTS_CLI, set by meson) as a user would,
 * on databases in a temporary folder, and checks what it prints and how it exits.
 */

typedef struct
{
  char *folder;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->folder = placements_test_make_folder ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  placements_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
}

static char *
fixture_path (Fixture    *fixture,
              const char *name)
{
  return g_build_filename (fixture->folder, name, NULL);
}

/* @environment: NULL, or NAME=VALUE strings to set for this run. */
static void
run_cli_env (Fixture            *fixture,
             Run                *run,
             const char * const *environment,
             const char         *first_arg,
             ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("PLACEMENTS_CLI");
  va_list args;

  g_assert_nonnull (cli);

  g_ptr_array_add (argv, (gpointer) cli);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  /* Never the tester's own database. */
  g_subprocess_launcher_unsetenv (launcher, "PLACEMENTS_DB");
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", fixture->folder, TRUE);
  for (guint i = 0; environment != NULL && environment[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (environment[i], "=", 2);

      g_subprocess_launcher_setenv (launcher, pair[0], pair[1], TRUE);
    }

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

#define run_cli(fixture, run, ...) run_cli_env (fixture, run, NULL, __VA_ARGS__)

static void
on_communicated (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, &run->err,
                                        &error);
  g_assert_no_error (error);
}

static gboolean
on_too_late (gpointer user_data)
{
  gboolean *too_late = user_data;

  *too_late = TRUE;
  return G_SOURCE_REMOVE;
}

/* For what used to hang: the run fails the test when it takes more than @seconds
 * (generous: the machine may be loaded), rather than waiting for meson's timeout. */
static void
run_cli_bounded (Fixture    *fixture,
                 Run        *run,
                 guint       seconds,
                 const char *first_arg,
                 ...)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("PLACEMENTS_CLI");
  gboolean too_late = FALSE;
  guint timeout;
  va_list args;

  g_ptr_array_add (argv, (gpointer) cli);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_unsetenv (launcher, "PLACEMENTS_DB");
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", fixture->folder, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_communicated, run);
  timeout = g_timeout_add_seconds (seconds, on_too_late, &too_late);
  while (run->err == NULL && !too_late)
    g_main_context_iteration (NULL, TRUE);
  if (too_late)
    {
      g_subprocess_force_exit (process);
      g_error ("placements-cli %s did not end within %u s", first_arg, seconds);
    }
  g_source_remove (timeout);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  run->status = g_subprocess_get_exit_status (process);
}

static void
assert_one_error_line (const Run *run)
{
  g_assert_true (g_str_has_prefix (run->err, "placements-cli: "));
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_cmpstr (strchr (run->err, '\n') + 1, ==, "");
}

static void
assert_success (const Run *run)
{
  if (run->status != 0)
    g_error ("placements-cli exited with %d: %s", run->status, run->err);
}

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    if (*p == '\n')
      n++;
  return n;
}

static void
demo (Fixture    *fixture,
      const char *db,
      const char *clients,
      const char *seed)
{
  g_auto(Run) run = { 0 };

  run_cli (fixture, &run, "--db", db, "demo", "--clients", clients, "--seed", seed, NULL);
  assert_success (&run);
}

static void
test_init_creates_private_file (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *db = fixture_path (fixture, "sub/folder/placements.db");
  g_autofree char *expected = NULL;
  g_auto(Run) run = { 0 };
  GStatBuf status;

  run_cli (fixture, &run, "init", "--db", db, NULL);
  assert_success (&run);

  expected = g_strconcat (db, "\n", NULL);
  g_assert_cmpstr (run.out, ==, expected);
  g_assert_cmpint (g_stat (db, &status), ==, 0);
  g_assert_cmpint (status.st_mode & 0777, ==, 0600);

  /* Again: the database is there and up to date, nothing to do but say where. */
  run_clear (&run);
  run_cli (fixture, &run, "--db", db, "init", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==, expected);
}

static void
test_init_uses_environment (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *db = fixture_path (fixture, "from-environment.db");
  g_autofree char *setting = g_strconcat ("PLACEMENTS_DB=", db, NULL);
  const char *environment[] = { setting, NULL };
  g_auto(Run) run = { 0 };

  run_cli_env (fixture, &run, environment, "init", NULL);
  assert_success (&run);
  g_assert_true (g_file_test (db, G_FILE_TEST_IS_REGULAR));
}

static void
test_demo_is_deterministic (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *first = fixture_path (fixture, "first.db");
  g_autofree char *second = fixture_path (fixture, "second.db");
  g_autofree char *other = fixture_path (fixture, "other.db");
  const char *kinds[] = { "clients", "placements", "people", "consents", "attendance" };

  demo (fixture, first, "50", "7");
  demo (fixture, second, "50", "7");
  demo (fixture, other, "50", "8");

  for (gsize i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_auto(Run) one = { 0 };
      g_auto(Run) two = { 0 };
      g_auto(Run) three = { 0 };

      run_cli (fixture, &one, "--db", first, "list", kinds[i], NULL);
      run_cli (fixture, &two, "--db", second, "list", kinds[i], NULL);
      run_cli (fixture, &three, "--db", other, "list", kinds[i], NULL);
      assert_success (&one);
      assert_success (&two);
      assert_success (&three);

      g_assert_cmpuint (count_lines (one.out), >, 1);
      g_assert_cmpstr (one.out, ==, two.out);
      /* ...and the seed matters. */
      g_assert_cmpstr (one.out, !=, three.out);
    }
}

static void
test_demo_refuses_filled_database (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *db = fixture_path (fixture, "filled.db");
  g_auto(Run) run = { 0 };
  g_auto(Run) before = { 0 };
  g_auto(Run) after = { 0 };

  demo (fixture, db, "10", "1");
  run_cli (fixture, &before, "--db", db, "list", "clients", NULL);

  run_cli (fixture, &run, "--db", db, "demo", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_error_line (&run);
  g_assert_nonnull (strstr (run.err, "already holds records"));

  run_cli (fixture, &after, "--db", db, "list", "clients", NULL);
  g_assert_cmpstr (before.out, ==, after.out);
}

static void
test_list_headers (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *db = fixture_path (fixture, "headers.db");
  g_autoptr(GPtrArray) kinds = g_ptr_array_new ();

  /* Every kind by the name the registry gives it, and the other forms a user may type. */
  for (guint i = 0; i < placements_record_kind_get_n_kinds (); i++)
    g_ptr_array_add (kinds, (gpointer) placements_record_kind_get_name (
                              placements_record_kind_get_nth (i)));
  g_ptr_array_add (kinds, (gpointer) "client");
  g_ptr_array_add (kinds, (gpointer) "person");
  g_ptr_array_add (kinds, (gpointer) "persons");
  g_ptr_array_add (kinds, (gpointer) "Success_Criteria");

  demo (fixture, db, "20", "3");

  for (guint i = 0; i < kinds->len; i++)
    {
      g_auto(Run) run = { 0 };
      const char *kind = g_ptr_array_index (kinds, i);

      g_test_message ("%s", kind);
      run_cli (fixture, &run, "--db", db, "list", kind, NULL);
      assert_success (&run);
      g_assert_true (g_str_has_prefix (run.out, "uuid\t"));
      /* The demo has records of every kind. */
      g_assert_cmpuint (count_lines (run.out), >, 1);
    }

  {
    g_auto(Run) run = { 0 };
    g_autofree char *header = NULL;

    run_cli (fixture, &run, "list", "clients", "--db", db, NULL);
    assert_success (&run);
    header = g_strndup (run.out, strcspn (run.out, "\n"));
    g_assert_cmpstr (header, ==, "uuid\tgiven-name\tfamily-name\tdate-of-birth\t"
                                 "care-organisation-uuid\ttarget-group\tfunding-route\t"
                                 "income-situation\tright-to-return\tright-to-return-until\t"
                                 "support-question\tgoals\tneeds-low-stimulus");
    /* A header and twenty clients. */
    g_assert_cmpuint (count_lines (run.out), ==, 21);
  }
}

static void
test_list_search (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *db = fixture_path (fixture, "search.db");
  g_auto(Run) run = { 0 };

  demo (fixture, db, "10", "1");
  run_cli (fixture, &run, "--db", db, "list", "organisations", "--search", "linde", NULL);
  assert_success (&run);
  /* Zorggroep De Linde and Woonzorgcentrum Ter Linden. */
  g_assert_cmpuint (count_lines (run.out), ==, 3);
  g_assert_nonnull (strstr (run.out, "\tZorggroep De Linde\t"));
  g_assert_nonnull (strstr (run.out, "\tWoonzorgcentrum Ter Linden\t"));
}

/* The demo's Turkish family name, found however a coordinator types it. */
static void
test_list_search_folds_letters (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *db = fixture_path (fixture, "turkish.db");
  g_autofree char *expected = NULL;
  const char *typed[] = { "yilmaz", "yıl", "Yılmaz", "YILMAZ", "Yilm" };

  demo (fixture, db, "200", "1");
  {
    g_autoptr(PlacementsStore) store = placements_test_open_store (db);

    expected = placements_test_query_text (store, "SELECT count(*) FROM client "
                                                  "WHERE family_name = 'Yılmaz'");
  }
  g_assert_cmpint (atoi (expected), >, 0);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_auto(Run) run = { 0 };
      g_auto(GStrv) lines = NULL;

      run_cli (fixture, &run, "--db", db, "list", "clients", "--search", typed[i], NULL);
      assert_success (&run);
      g_assert_cmpuint (count_lines (run.out), ==, 1 + atoi (expected));
      lines = g_strsplit (run.out, "\n", -1);
      for (guint j = 1; lines[j] != NULL && *lines[j] != '\0'; j++)
        g_assert_nonnull (strstr (lines[j], "\tYılmaz\t"));
    }
}

/* One organisation whose texts need quoting and escaping, saved twice (insert, update). */
static void
create_awkward_organisation (const char *db)
{
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(PlacementsOrganisation) organisation = NULL;
  g_autoptr(GError) error = NULL;

  store = placements_test_open_store (db);

  organisation = g_object_new (PLACEMENTS_TYPE_ORGANISATION,
                               "uuid", "0f6a6a0e-2c63-4d6e-9a39-3f1c2d8e4b11", NULL);
  placements_organisation_set_name (organisation, "Stichting \"De Brug\", Zwolle");
  placements_organisation_set_kind (organisation, PLACEMENTS_ORGANISATION_KIND_CARE_PROVIDER);
  placements_organisation_set_country (organisation, PLACEMENTS_COUNTRY_NL);
  placements_organisation_set_notes (organisation, "first draft");
  placements_store_save (store, PLACEMENTS_RECORD (organisation), &error);
  g_assert_no_error (error);

  placements_organisation_set_notes (organisation, "line one\nline\ttwo \\ three");
  placements_store_save (store, PLACEMENTS_RECORD (organisation), &error);
  g_assert_no_error (error);
}

static void
test_list_csv_quoting (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *db = fixture_path (fixture, "quoting.db");
  g_auto(Run) run = { 0 };

  create_awkward_organisation (db);

  run_cli (fixture, &run, "--db", db, "list", "organisations", "--format", "csv", NULL);
  assert_success (&run);
  g_assert_cmpstr (run.out, ==,
                   "uuid,name,kind,country,registry-number,street,postcode,city,exchange-id,"
                   "notes\r\n"
                   "0f6a6a0e-2c63-4d6e-9a39-3f1c2d8e4b11,\"Stichting \"\"De Brug\"\", Zwolle\","
                   "care-provider,nl,,,,,,\"line one\nline\ttwo \\ three\"\r\n");
}

/* Names come from partners' files: a formula must not run when the CSV is opened. */
static void
test_list_csv_neutralises_formulas (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *db = fixture_path (fixture, "formula.db");
  g_auto(Run) run = { 0 };

  {
    g_autoptr(PlacementsStore) store = placements_test_open_store (db);
    g_autoptr(PlacementsOrganisation) organisation = NULL;
    g_autoptr(GError) error = NULL;

    organisation = g_object_new (PLACEMENTS_TYPE_ORGANISATION,
                                 "uuid", "5b0e3c1e-8f1a-4c55-9d7e-2a8f4b6c1d20", NULL);
    placements_organisation_set_name (organisation,
                                      "=HYPERLINK(\"http://example.com/\",\"Open\")");
    placements_organisation_set_kind (organisation, PLACEMENTS_ORGANISATION_KIND_EMPLOYER);
    placements_organisation_set_city (organisation, "@Zwolle");
    placements_organisation_set_notes (organisation, "+31 38 123 4567");
    placements_store_save (store, PLACEMENTS_RECORD (organisation), &error);
    g_assert_no_error (error);
  }

  run_cli (fixture, &run, "--db", db, "list", "organisations", "--format", "csv", NULL);
  assert_success (&run);
  g_assert_cmpstr (strchr (run.out, '\n') + 1, ==,
                   "5b0e3c1e-8f1a-4c55-9d7e-2a8f4b6c1d20,"
                   "\"'=HYPERLINK(\"\"http://example.com/\"\",\"\"Open\"\")\","
                   "employer,nl,,,,'@Zwolle,,'+31 38 123 4567\r\n");

  /* The same in the default TSV, which a spreadsheet opens as readily. */
  run_clear (&run);
  run_cli (fixture, &run, "--db", db, "list", "organisations", NULL);
  assert_success (&run);
  g_assert_cmpstr (strchr (run.out, '\n') + 1, ==,
                   "5b0e3c1e-8f1a-4c55-9d7e-2a8f4b6c1d20\t"
                   "'=HYPERLINK(\"http://example.com/\",\"Open\")\t"
                   "employer\tnl\t\t\t\t'@Zwolle\t\t'+31 38 123 4567\n");
}

static void
test_list_tsv_escaping (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *db = fixture_path (fixture, "escaping.db");
  g_auto(Run) run = { 0 };

  create_awkward_organisation (db);

  run_cli (fixture, &run, "--db", db, "list", "organisation", NULL);
  assert_success (&run);
  g_assert_cmpuint (count_lines (run.out), ==, 2);
  g_assert_true (g_str_has_suffix (run.out,
                                   "\tStichting \"De Brug\", Zwolle\tcare-provider\tnl\t\t\t\t\t\t"
                                   "line one\\nline\\ttwo \\\\ three\n"));
}

static void
test_usage_errors (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *db = fixture_path (fixture, "usage.db");
  struct
  {
    const char *args[6];
  } cases[] = {
    { { "list", "frobs", NULL } },
    { { "list", NULL } },
    { { "list", "clients", "--format", "xml", NULL } },
    { { "list", "clients", "--bogus", NULL } },
    { { "frob", NULL } },
    { { NULL } },
    { { "--bogus", "list", "clients", NULL } },
    { { "demo", "--clients", "many", NULL } },
    { { "demo", "--clients", "-5", NULL } },
    { { "demo", "--seed", "99999999999", NULL } },
    { { "check", "extra", NULL } },
  };

  {
    g_auto(Run) run = { 0 };

    run_cli (fixture, &run, "--db", db, "init", NULL);
    assert_success (&run);
  }

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Run) run = { 0 };
      const char **args = cases[i].args;

      /* The arguments end at the first NULL. */
      run_cli (fixture, &run, "--db", db, args[0], args[1], args[2], args[3], NULL);
      g_test_message ("case %" G_GSIZE_FORMAT ": %s", i, run.err);
      g_assert_cmpint (run.status, ==, 2);
      assert_one_error_line (&run);
      g_assert_nonnull (strstr (run.err, "--help"));
      g_assert_cmpstr (run.out, ==, "");
    }
}

static void
test_help_and_version (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(Run) help = { 0 };
  g_auto(Run) version = { 0 };
  g_auto(Run) command_help = { 0 };

  run_cli (fixture, &help, "--help", NULL);
  assert_success (&help);
  g_assert_nonnull (strstr (help.out, "init"));
  g_assert_nonnull (strstr (help.out, "demo"));
  g_assert_nonnull (strstr (help.out, "list"));
  g_assert_nonnull (strstr (help.out, "check"));

  run_cli (fixture, &version, "list", "--version", NULL);
  assert_success (&version);
  g_assert_cmpstr (version.out, ==, "placements-cli " PACKAGE_VERSION "\n");

  run_cli (fixture, &command_help, "list", "-h", NULL);
  assert_success (&command_help);
  g_assert_nonnull (strstr (command_help.out, "--format"));
}

static void
test_missing_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *db = fixture_path (fixture, "missing.db");
  g_auto(Run) run = { 0 };

  run_cli (fixture, &run, "--db", db, "list", "clients", NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_error_line (&run);
  /* A typo in a path must not leave an empty database behind. */
  g_assert_false (g_file_test (db, G_FILE_TEST_EXISTS));
}

static void
test_newer_database (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *db = fixture_path (fixture, "newer.db");
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *before = NULL;
  const char *commands[][3] = {
    { "list", "clients", NULL },
    { "init", NULL, NULL },
    { "check", NULL, NULL },
    { "demo", NULL, NULL },
  };
  sqlite3 *connection = NULL;
  GStatBuf status_before;
  gsize length = 0;

  /* As a later Placements might leave it: a schema version this one does not know. */
  g_assert_cmpint (sqlite3_open (db, &connection), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (connection, "CREATE TABLE future (x TEXT);"
                                 "INSERT INTO future VALUES ('kept');"
                                 "PRAGMA user_version = 999;", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (connection);
  g_assert_true (g_file_get_contents (db, &before, &length, NULL));
  g_assert_cmpint (g_stat (db, &status_before), ==, 0);

  for (gsize i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(Run) run = { 0 };
      g_autofree char *after = NULL;
      gsize after_length = 0;
      GStatBuf status_after;

      run_cli (fixture, &run, "--db", db, commands[i][0], commands[i][1], NULL);
      g_assert_cmpint (run.status, ==, 1);
      assert_one_error_line (&run);
      g_assert_nonnull (strstr (run.err, "newer version"));

      g_assert_true (g_file_get_contents (db, &after, &after_length, NULL));
      g_assert_cmpmem (before, length, after, after_length);
      g_assert_cmpint (g_stat (db, &status_after), ==, 0);
      g_assert_cmpint (status_after.st_mtime, ==, status_before.st_mtime);
      g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
    }
}

/* A FIFO (or a device) named as the file to read is refused at once: opening it
 * must not wait for a writer that never comes. */
static void
test_fifo_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *db = fixture_path (fixture, "fifo.db");
  g_autofree char *fifo = fixture_path (fixture, "referral.xml");
  g_auto(Run) init = { 0 };
  g_auto(Run) validate = { 0 };
  g_auto(Run) import = { 0 };

  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  run_cli (fixture, &init, "--db", db, "init", NULL);
  assert_success (&init);

  run_cli_bounded (fixture, &validate, 30, "validate", fifo, NULL);
  g_assert_cmpint (validate.status, ==, 1);
  assert_one_error_line (&validate);
  g_assert_nonnull (strstr (validate.err, "referral.xml: line 1: "));
  g_assert_nonnull (strstr (validate.err, "(rule: regular-file)"));

  run_cli_bounded (fixture, &import, 30, "import", "--db", db, fifo, NULL);
  g_assert_cmpint (import.status, ==, 1);
  assert_one_error_line (&import);
  g_assert_nonnull (strstr (import.err, "(rule: regular-file)"));
}

/*
 * list reads the database page by page; all of it must come from one state of the
 * database. The list is read through a pipe that fills up, so the command stops
 * part-way; meanwhile another program changes every client and removes half of
 * them. What comes after must still be the list as it was when the command began.
 */
static void
test_list_one_snapshot (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *db = fixture_path (fixture, "snapshot.db");
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  sqlite3 *connection = NULL;
  guint n_lines = 1;
  guint n_changed = 0;
  char *line;

  demo (fixture, db, "2000", "4");
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  process = g_subprocess_launcher_spawn (launcher, &error, g_getenv ("PLACEMENTS_CLI"),
                                         "--db", db, "list", "clients", NULL);
  g_assert_no_error (error);
  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  /* A small buffer: the command must block on the pipe, not this side read ahead. */
  g_buffered_input_stream_set_buffer_size (G_BUFFERED_INPUT_STREAM (lines), 256);
  first = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (first, "uuid\t"));

  /* The command has written a pipe's worth and waits; the other program commits. */
  g_usleep (G_USEC_PER_SEC / 5);
  g_assert_cmpint (sqlite3_open (db, &connection), ==, SQLITE_OK);
  sqlite3_busy_timeout (connection, 10000);
  g_assert_cmpint (sqlite3_exec (connection, "PRAGMA foreign_keys = OFF;"
                                 "UPDATE client SET given_name = 'Veranderd';"
                                 "DELETE FROM client WHERE id % 2 = 0;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (connection);

  while ((line = g_data_input_stream_read_line_utf8 (lines, NULL, NULL, &error)) != NULL)
    {
      n_lines++;
      if (strstr (line, "\tVeranderd\t") != NULL)
        n_changed++;
      g_free (line);
    }
  g_assert_no_error (error);
  g_subprocess_wait_check (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_changed, ==, 0);
  g_assert_cmpuint (n_lines, ==, 2001);
}

/* Two organisations with one exchange id: validate already says so, by rule. */
static void
test_validate_exchange_id_twice (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "fixtures", "exchange",
                                                 "exchange-id-twice.xml", NULL);
  g_auto(Run) run = { 0 };

  run_cli (fixture, &run, "validate", file, NULL);
  g_assert_cmpint (run.status, ==, 1);
  assert_one_error_line (&run);
  g_assert_nonnull (strstr (run.err, "exchange-id-twice.xml: line 24: "));
  g_assert_nonnull (strstr (run.err, "(rule: unique-exchange-id)"));
}

static void
test_check (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *db = fixture_path (fixture, "check.db");
  g_auto(Run) run = { 0 };
  g_auto(Run) broken = { 0 };
  sqlite3 *connection = NULL;

  demo (fixture, db, "15", "2");
  run_cli (fixture, &run, "--db", db, "check", NULL);
  assert_success (&run);
  g_assert_true (g_str_has_prefix (run.out, "OK"));
  g_assert_cmpstr (run.err, ==, "");

  /* A reference the store would never write, as another program might. */
  g_assert_cmpint (sqlite3_open (db, &connection), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (connection, "PRAGMA foreign_keys = OFF;"
                                 "UPDATE ladder_step SET client_uuid = "
                                 "'00000000-0000-4000-8000-000000000000' "
                                 "WHERE id = (SELECT min(id) FROM ladder_step);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (connection);

  run_cli (fixture, &broken, "--db", db, "check", NULL);
  g_assert_cmpint (broken.status, ==, 1);
  g_assert_nonnull (strstr (broken.out, "ladder_step"));
  assert_one_error_line (&broken);
}

static void
test_dutch_messages (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *localedir = g_getenv ("PLACEMENTS_BUILD_LOCALEDIR");
  g_autofree char *mo = NULL;
  g_autofree char *setting = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) flemish = { 0 };

  if (localedir == NULL)
    {
      g_test_skip ("PLACEMENTS_BUILD_LOCALEDIR is not set");
      return;
    }
  mo = g_build_filename (localedir, "nl", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("The Dutch translation is not built");
      return;
    }
  setting = g_strconcat ("PLACEMENTS_LOCALEDIR=", localedir, NULL);

  {
    /* glibc ignores LANGUAGE in the C locale, not in C.UTF-8. */
    const char *environment[] = { "LC_ALL=C.UTF-8", "LANGUAGE=nl", setting, NULL };

    run_cli_env (fixture, &run, environment, "frob", NULL);
    g_assert_cmpint (run.status, ==, 2);
    assert_one_error_line (&run);
    g_assert_cmpstr (run.err, ==,
                     "placements-cli: onbekende opdracht “frob” "
                     "(zie “placements-cli --help”)\n");
  }

  {
    /* Flemish says "pilootproject"; what it does not override comes from nl. */
    const char *environment[] = { "LC_ALL=C.UTF-8", "LANGUAGE=nl_BE", setting, NULL };

    run_cli_env (fixture, &flemish, environment, "demo", "--help", NULL);
    assert_success (&flemish);
    g_assert_nonnull (strstr (flemish.out, "pilootprojecten"));
    g_assert_nonnull (strstr (flemish.out, "Hoeveel cliënten"));
  }
}

/* In Dutch and in Flemish alike, the kind's word is that of the record's country. */
static void
test_kind_follows_country (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *localedir = g_getenv ("PLACEMENTS_BUILD_LOCALEDIR");
  const char *languages[] = { "LANGUAGE=nl", "LANGUAGE=nl_BE" };
  g_autofree char *db = fixture_path (fixture, "kinds.db");
  g_autofree char *mo = NULL;
  g_autofree char *setting = NULL;

  if (localedir == NULL)
    {
      g_test_skip ("PLACEMENTS_BUILD_LOCALEDIR is not set");
      return;
    }
  mo = g_build_filename (localedir, "nl", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_EXISTS))
    {
      g_test_skip ("The Dutch translation is not built");
      return;
    }
  setting = g_strconcat ("PLACEMENTS_LOCALEDIR=", localedir, NULL);
  demo (fixture, db, "10", "1");

  for (gsize i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      const char *environment[] = { "LC_ALL=C.UTF-8", languages[i], setting, NULL };
      g_auto(Run) run = { 0 };
      g_auto(Run) codes = { 0 };

      run_cli_env (fixture, &run, environment, "--db", db, "list", "organisations", "--labels",
                   NULL);
      assert_success (&run);
      g_assert_nonnull (strstr (run.out, "\tVDAB Kortrijk\tVDAB\tBelgië\t"));
      g_assert_nonnull (strstr (run.out, "\tUWV Werkbedrijf Zwolle\tUWV\tNederland\t"));
      g_assert_nonnull (strstr (run.out, "\tMaatwerkbedrijf Leiewerk\tMaatwerkbedrijf\tBelgië\t"));
      g_assert_nonnull (strstr (run.out, "\tSociaal Ontwikkelbedrijf IJsseldelta\t"
                                         "SW-bedrijf\tNederland\t"));
      g_assert_nonnull (strstr (run.out, "\tOCMW Kortrijk\tOCMW\tBelgië\t"));

      /* Without --labels, codes as always: what a program reads. */
      run_cli_env (fixture, &codes, environment, "--db", db, "list", "organisations", NULL);
      assert_success (&codes);
      g_assert_nonnull (strstr (codes.out, "\tVDAB Kortrijk\temployment-service\tbe\t"));
    }
}

/* Adds a record with placements-cli add and returns its UUID. */
static char *
add (Fixture    *fixture,
     const char *db,
     const char *kind,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(Run) run = { 0 };
  const char *arg;
  va_list args;

  va_start (args, kind);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
  g_ptr_array_add (argv, (gpointer) "add");
  g_ptr_array_add (argv, (gpointer) kind);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_assert_cmpuint (argv->len, <=, 12);
  while (argv->len < 12)
    g_ptr_array_add (argv, NULL);
  run_cli (fixture, &run, g_ptr_array_index (argv, 0), g_ptr_array_index (argv, 1),
           g_ptr_array_index (argv, 2), g_ptr_array_index (argv, 3), g_ptr_array_index (argv, 4),
           g_ptr_array_index (argv, 5), g_ptr_array_index (argv, 6), g_ptr_array_index (argv, 7),
           g_ptr_array_index (argv, 8), g_ptr_array_index (argv, 9),
           g_ptr_array_index (argv, 10), g_ptr_array_index (argv, 11), NULL);
  assert_success (&run);
  return g_strstrip (g_strdup (run.out));
}

/* The ranking, best first, with the columns and the reasons; full workplaces last. */
static void
test_suggest_workplaces (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *db = fixture_path (fixture, "suggest.db");
  g_autofree char *care = NULL;
  g_autofree char *host = NULL;
  g_autofree char *client = NULL;
  g_autofree char *calm = NULL;
  g_autofree char *near = NULL;
  g_autofree char *full = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *placement = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) csv = { 0 };
  g_auto(Run) bad = { 0 };
  g_auto(Run) missing = { 0 };

  run_cli (fixture, &run, "init", "--db", db, NULL);
  assert_success (&run);
  run_clear (&run);
  care = add (fixture, db, "organisations", "name=Zorggroep", "kind=care-provider",
              "country=nl", "postcode=3512 AB", NULL);
  host = add (fixture, db, "organisations", "name=Werkt", "kind=social-employment-company",
              "country=nl", "postcode=3512 CD", NULL);
  {
    g_autofree char *care_field = g_strconcat ("care-organisation-uuid=", care, NULL);
    g_autofree char *host_field = g_strconcat ("host-organisation-uuid=", host, NULL);

    client = add (fixture, db, "clients", "family-name=Bakker", care_field,
                  "needs-low-stimulus=true", NULL);
    calm = add (fixture, db, "clients", "family-name=Visser", care_field, NULL);
    full = add (fixture, db, "workplaces", "name=Montage", host_field, "kind=individual",
                "capacity=1", "low-stimulus=true", NULL);
    near = add (fixture, db, "workplaces", "name=Inpakafdeling", host_field,
                "kind=group-work-corner", "capacity=3", "low-stimulus=true", NULL);
  }
  {
    g_autofree char *client_field = g_strconcat ("client-uuid=", calm, NULL);
    g_autofree char *workplace_field = g_strconcat ("workplace-uuid=", full, NULL);

    placement = add (fixture, db, "placements", client_field, workplace_field,
                     "start-date=2026-01-05", "status=active", NULL);
  }

  run_cli (fixture, &run, "--db", db, "suggest-workplaces", client, NULL);
  assert_success (&run);
  expected = g_strdup_printf ("workplace-uuid\trank\tcapacity\toccupied\tfree-places\treasons\n"
                              "%s\t1\t3\t0\t3\t0 of 3 places taken; Low-stimulus; "
                              "Same postcode area (3512); No buddy with spare load\n"
                              "%s\t2\t1\t1\t0\tFull: 1 of 1 place taken; Low-stimulus; "
                              "Same postcode area (3512); No buddy with spare load\n",
                              near, full);
  g_assert_cmpstr (run.out, ==, expected);

  run_cli (fixture, &csv, "--db", db, "suggest-workplaces", "--format", "csv", client, NULL);
  assert_success (&csv);
  g_assert_true (g_str_has_prefix (csv.out, "workplace-uuid,rank,capacity,occupied,"
                                            "free-places,reasons\r\n"));
  g_assert_cmpuint (count_lines (csv.out), ==, 3);

  run_cli (fixture, &bad, "--db", db, "suggest-workplaces", "not-a-uuid", NULL);
  g_assert_cmpint (bad.status, ==, 2);
  run_cli (fixture, &missing, "--db", db, "suggest-workplaces",
           "90000000-0000-4000-8000-000000000009", NULL);
  g_assert_cmpint (missing.status, ==, 1);
  assert_one_error_line (&missing);

  /* Placing's rules meet the CLI: a full workplace needs saying so, an overlap is refused. */
  {
    g_autofree char *client_field = g_strconcat ("client-uuid=", client, NULL);
    g_autofree char *calm_field = g_strconcat ("client-uuid=", calm, NULL);
    g_autofree char *workplace_field = g_strconcat ("workplace-uuid=", full, NULL);
    g_auto(Run) over = { 0 };
    g_auto(Run) overlap = { 0 };
    g_auto(Run) confirmed = { 0 };
    g_auto(Run) steps = { 0 };

    run_cli (fixture, &over, "--db", db, "add", "placements", client_field, workplace_field,
             "start-date=2026-02-02", "status=introduction", NULL);
    g_assert_cmpint (over.status, ==, 1);
    assert_one_error_line (&over);
    g_assert_nonnull (strstr (over.err, "--confirm-over-limit"));

    run_cli (fixture, &overlap, "--db", db, "add", "placements", calm_field, workplace_field,
             "start-date=2026-03-02", NULL);
    g_assert_cmpint (overlap.status, ==, 1);
    g_assert_nonnull (strstr (overlap.err, "may not overlap"));

    run_cli (fixture, &confirmed, "--db", db, "add", "--confirm-over-limit", "placements",
             client_field, workplace_field, "start-date=2026-02-02", "status=introduction",
             NULL);
    assert_success (&confirmed);
    run_cli (fixture, &steps, "--db", db, "suggest-workplaces", client, NULL);
    assert_success (&steps);
    g_assert_nonnull (strstr (steps.out, "Full: 2 of 1 place taken"));
  }
}

/* A pilot's report from the command line: PDF by default, CSV on request, the output
 * required, a pilot that is not there refused on one line. */
static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *db = fixture_path (fixture, "report.db");
  g_autofree char *pdf = fixture_path (fixture, "report.pdf");
  g_autofree char *csv = fixture_path (fixture, "report.csv");
  g_autofree char *pilot = NULL;
  g_autofree char *contents = NULL;
  g_auto(Run) run = { 0 };
  g_auto(Run) as_csv = { 0 };
  g_auto(Run) no_output = { 0 };
  g_auto(Run) bad_format = { 0 };
  g_auto(Run) missing = { 0 };
  g_auto(Run) logged = { 0 };

  run_cli (fixture, &run, "init", "--db", db, NULL);
  assert_success (&run);
  run_clear (&run);
  pilot = add (fixture, db, "pilots", "name=Werkhoek Binnenstad", "status=running",
               "target-participants=6", NULL);

  run_cli (fixture, &run, "--db", db, "report", "pilot", pilot, "--output", pdf, NULL);
  assert_success (&run);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);

  run_cli (fixture, &as_csv, "--db", db, "report", "pilot", pilot, "--format", "csv",
           "-o", csv, NULL);
  assert_success (&as_csv);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "pilot,name,Werkhoek Binnenstad,"));

  run_cli (fixture, &no_output, "--db", db, "report", "pilot", pilot, NULL);
  g_assert_cmpint (no_output.status, ==, 2);
  run_cli (fixture, &bad_format, "--db", db, "report", "pilot", pilot, "--format", "odt",
           "-o", csv, NULL);
  g_assert_cmpint (bad_format.status, ==, 2);
  run_cli (fixture, &missing, "--db", db, "report", "pilot",
           "40000000-0000-4000-8000-0000000000ff", "-o", csv, NULL);
  g_assert_cmpint (missing.status, ==, 1);
  assert_one_error_line (&missing);

  run_cli (fixture, &logged, "--db", db, "audit", NULL);
  assert_success (&logged);
  g_assert_nonnull (strstr (logged.out, "pilot-report pdf"));
  g_assert_nonnull (strstr (logged.out, "pilot-report csv"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, function) \
  g_test_add (path, Fixture, NULL, fixture_set_up, function, fixture_tear_down)

  ADD ("/cli/init/creates-private-file", test_init_creates_private_file);
  ADD ("/cli/init/uses-environment", test_init_uses_environment);
  ADD ("/cli/demo/is-deterministic", test_demo_is_deterministic);
  ADD ("/cli/demo/refuses-filled-database", test_demo_refuses_filled_database);
  ADD ("/cli/list/headers", test_list_headers);
  ADD ("/cli/list/search", test_list_search);
  ADD ("/cli/list/search-folds-letters", test_list_search_folds_letters);
  ADD ("/cli/list/csv-quoting", test_list_csv_quoting);
  ADD ("/cli/list/tsv-escaping", test_list_tsv_escaping);
  ADD ("/cli/list/csv-neutralises-formulas", test_list_csv_neutralises_formulas);
  ADD ("/cli/usage-errors", test_usage_errors);
  ADD ("/cli/help-and-version", test_help_and_version);
  ADD ("/cli/open/missing-database", test_missing_database);
  ADD ("/cli/open/newer-database", test_newer_database);
  ADD ("/cli/check", test_check);
  ADD ("/cli/list/one-snapshot", test_list_one_snapshot);
  ADD ("/cli/exchange/fifo-refused", test_fifo_refused);
  ADD ("/cli/exchange/validate-exchange-id-twice", test_validate_exchange_id_twice);
  ADD ("/cli/i18n/dutch-messages", test_dutch_messages);
  ADD ("/cli/i18n/kind-follows-country", test_kind_follows_country);
  ADD ("/cli/suggest-workplaces", test_suggest_workplaces);
  ADD ("/cli/report", test_report);

#undef ADD

  return g_test_run ();
}
