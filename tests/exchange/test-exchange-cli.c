#define G_LOG_DOMAIN "test-exchange-cli"

#include "config.h"

#include "placements-exchange-state.h"
#include "placements-record-types.h"
#include "placements-store.h"
#include "placements-test-utils.h"

/*
 * Two databases play two organisations through placements-cli: a care provider (A)
 * refers a client to a social-employment company (B), B answers, both change the
 * client, A sends an update, and B resolves the conflict each way.
 */

#define ORG_A "aaaaaaaa-1111-4000-8000-000000000001"
#define ORG_B "bbbbbbbb-1111-4000-8000-000000000002"
#define CLIENT "aaaaaaaa-1111-4000-8000-000000000020"
#define CONSENT "aaaaaaaa-1111-4000-8000-000000000030"

typedef struct
{
  char *folder;
  char *db_a;
  char *db_b;
} Fixture;

static void
save_organisation_b (PlacementsStore *store)
{
  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, ORG_B,
                            "name", "Werkbedrijf Oost", "kind", "social-employment-company",
                            "country", "nl", "exchange-id", "org-b", NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlacementsStore) a = NULL;
  g_autoptr(PlacementsStore) b = NULL;

  fixture->folder = placements_test_make_folder ();
  fixture->db_a = g_build_filename (fixture->folder, "a.db", NULL);
  fixture->db_b = g_build_filename (fixture->folder, "b.db", NULL);

  /* A: the care provider, its client, and the client's consent for B. */
  a = placements_test_open_store (fixture->db_a);
  placements_test_save_new (a, PLACEMENTS_TYPE_ORGANISATION, ORG_A,
                            "name", "Zorggroep De Linde", "kind", "care-provider",
                            "country", "nl", "exchange-id", "org-a", NULL);
  save_organisation_b (a);
  placements_exchange_set_own_organisation (a, ORG_A, &error);
  g_assert_no_error (error);
  placements_test_save_new (a, PLACEMENTS_TYPE_CLIENT, CLIENT,
                            "given-name", "Jan", "family-name", "de Vries",
                            "date-of-birth", "1990-05-17", "care-organisation-uuid", ORG_A,
                            "target-group", "intellectual-disability",
                            "support-question", "Buiten werken", "goals", "Drie dagdelen", NULL);
  placements_test_save_new (a, PLACEMENTS_TYPE_CONSENT, CONSENT,
                            "client-uuid", CLIENT, "receiver-uuid", ORG_B, "purpose", "referral",
                            "data-categories", "identity,support,progress",
                            "given-by", "client", "given-date", "2026-01-05", NULL);

  /* B: knows itself, with the UUID and exchange id A knows it by; not A yet. */
  b = placements_test_open_store (fixture->db_b);
  save_organisation_b (b);
  placements_exchange_set_own_organisation (b, ORG_B, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  placements_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->db_a);
  g_free (fixture->db_b);
}

/* Runs placements-cli on @db with the arguments after it; returns the exit status. */
static int
cli (const char  *db,
     char       **out,
     char       **err,
     ...)
{
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "..", "src", "cli",
                                                    "placements-cli", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  g_autofree char *stdout_text = NULL;
  g_autofree char *stderr_text = NULL;
  const char *arg;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, program);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "PLACEMENTS_DB", db, TRUE);
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &stdout_text, &stderr_text, &status, &error);
  g_assert_no_error (error);
  g_test_message ("placements-cli %s: %s%s",
                  (const char *) g_ptr_array_index (argv, 1), stdout_text, stderr_text);
  if (out != NULL)
    *out = g_steal_pointer (&stdout_text);
  if (err != NULL)
    *err = g_steal_pointer (&stderr_text);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static char *
client_goals (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlacementsStore) store = placements_test_open_store (db);
  g_autoptr(PlacementsRecord) client = NULL;

  client = placements_store_load (store, PLACEMENTS_TYPE_CLIENT, CLIENT, &error);
  g_assert_no_error (error);
  return placements_record_dup_field_text (client, "goals");
}

static void
set_client_goals (const char *db,
                  const char *goals)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlacementsStore) store = placements_test_open_store (db);
  g_autoptr(PlacementsRecord) client = NULL;

  client = placements_store_load (store, PLACEMENTS_TYPE_CLIENT, CLIENT, &error);
  g_assert_no_error (error);
  placements_record_set_field_text (client, "goals", goals, &error);
  g_assert_no_error (error);
  placements_store_save (store, client, &error);
  g_assert_no_error (error);
}

static char *
query_text (const char *db,
            const char *sql)
{
  g_autoptr(PlacementsStore) store = placements_test_open_store (db);

  return placements_test_query_text (store, sql);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  /* No connection is open here, so the database is all in its main file. */
  g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

/* A sends its next message to B, the way a coordinator does: placements-cli export,
 * which says first what kind of message it wrote. */
static void
export_a (Fixture    *fixture,
          const char *path,
          const char *expected_first_words)
{
  g_autofree char *out = NULL;

  g_assert_cmpint (cli (fixture->db_a, &out, NULL, "export", path, "--to", "org-b", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, expected_first_words));
}

static char *
path_in (Fixture    *fixture,
         const char *name)
{
  return g_build_filename (fixture->folder, name, NULL);
}

static void
test_two_organisations (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *referral = path_in (fixture, "referral.xml");
  g_autofree char *update = path_in (fixture, "update.xml");
  g_autofree char *ack1 = path_in (fixture, "ack1.xml");
  g_autofree char *ack_keep = path_in (fixture, "ack-keep.xml");
  g_autofree char *ack_take = path_in (fixture, "ack-take.xml");
  g_autofree char *db_b2 = path_in (fixture, "b2.db");
  g_autofree char *db_a2 = path_in (fixture, "a2.db");
  g_autofree char *nowhere = path_in (fixture, "validate-must-not-create.db");
  g_autofree char *expected = NULL;
  g_autofree char *goals = NULL;
  g_autofree char *answered = NULL;
  g_autofree char *code = NULL;
  char *out = NULL;
  char *err = NULL;

  /* A refers the client to B. */
  export_a (fixture, referral, "Wrote a referral message to ");

  /* Anyone can check the file; validating touches no database. */
  g_assert_cmpint (cli (nowhere, &out, NULL, "validate", referral, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "referral"));
  g_clear_pointer (&out, g_free);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));

  /* B looks first, then imports and answers; the same file again changes nothing. */
  g_assert_cmpint (cli (fixture->db_b, &out, NULL, "import", referral, "--dry-run", NULL), ==, 0);
  g_assert_nonnull (strstr (out, "0 conflicting"));
  g_clear_pointer (&out, g_free);
  g_assert_false (g_file_test (ack1, G_FILE_TEST_EXISTS));
  g_assert_cmpint (cli (fixture->db_b, NULL, NULL, "import", referral, "--ack", ack1, NULL),
                   ==, 0);
  goals = client_goals (fixture->db_b);
  g_assert_cmpstr (goals, ==, "Drie dagdelen");
  g_clear_pointer (&goals, g_free);
  g_assert_cmpint (cli (fixture->db_b, &out, NULL, "import", referral, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "imported before"));
  g_clear_pointer (&out, g_free);

  /* A reads the answer: its referral is answered, every record accepted. */
  g_assert_cmpint (cli (fixture->db_a, &out, NULL, "import", ack1, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "0 rejected"));
  g_clear_pointer (&out, g_free);
  answered = query_text (fixture->db_a, "SELECT answered FROM exchange_message "
                                        "WHERE direction = 'sent' AND kind = 'referral'");
  g_assert_nonnull (answered);

  /* Both change the goals; A sends an update. */
  set_client_goals (fixture->db_a, "Vier dagdelen");
  set_client_goals (fixture->db_b, "Twee dagdelen");
  export_a (fixture, update, "Wrote an update message to ");

  /* B sees the conflict, field by field, and may not import without choosing. */
  g_assert_cmpint (cli (fixture->db_b, &out, NULL, "import", update, "--dry-run", NULL), ==, 0);
  expected = g_strdup_printf ("conflict: client %s goals: Twee dagdelen → Vier dagdelen",
                              CLIENT);
  g_assert_nonnull (strstr (out, expected));
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (cli (fixture->db_b, NULL, &err, "import", update, NULL), ==, 1);
  g_assert_true (g_str_has_prefix (err, "placements-cli: "));
  g_assert_nonnull (strstr (err, "--conflicts"));
  /* One line. */
  g_assert_true (g_str_has_suffix (err, "\n"));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  g_clear_pointer (&err, g_free);
  goals = client_goals (fixture->db_b);
  g_assert_cmpstr (goals, ==, "Twee dagdelen");
  g_clear_pointer (&goals, g_free);

  /* Keep ours in B; take theirs in a copy of B. */
  copy_file (fixture->db_b, db_b2);
  g_assert_cmpint (cli (fixture->db_b, NULL, NULL, "import", update, "--conflicts=keep",
                        "--ack", ack_keep, NULL), ==, 0);
  goals = client_goals (fixture->db_b);
  g_assert_cmpstr (goals, ==, "Twee dagdelen");
  g_clear_pointer (&goals, g_free);
  g_assert_cmpint (cli (db_b2, NULL, NULL, "import", update, "--conflicts=take",
                        "--ack", ack_take, NULL), ==, 0);
  goals = client_goals (db_b2);
  g_assert_cmpstr (goals, ==, "Vier dagdelen");
  g_clear_pointer (&goals, g_free);

  /* A reads each answer: kept ours is a warning naming the rule, taken is accepted. */
  copy_file (fixture->db_a, db_a2);
  g_assert_cmpint (cli (fixture->db_a, &out, NULL, "import", ack_keep, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "1 with a warning"));
  g_assert_nonnull (strstr (out, "conflict-kept-ours"));
  g_clear_pointer (&out, g_free);
  code = query_text (fixture->db_a, "SELECT code FROM exchange_result "
                                    "WHERE record_uuid = '" CLIENT "' AND message_id = "
                                    "(SELECT message_id FROM exchange_message "
                                    "WHERE direction = 'sent' AND kind = 'update')");
  g_assert_cmpstr (code, ==, "warning");
  g_assert_cmpint (cli (db_a2, &out, NULL, "import", ack_take, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "0 with a warning, 0 rejected"));
  g_clear_pointer (&out, g_free);
}

/* A refusal through the CLI is one translated line, exit status 1. */
static void
test_refusal_translated (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "fixtures", "exchange",
                                                 "duplicate-uuid.xml", NULL);
  g_autofree char *locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autofree char *err = NULL;

  g_setenv ("LANGUAGE", "nl", TRUE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  g_setenv ("PLACEMENTS_LOCALEDIR", locale_dir, TRUE);
  g_assert_cmpint (cli (fixture->db_b, NULL, &err, "validate", file, NULL), ==, 1);
  g_unsetenv ("LANGUAGE");
  g_assert_true (g_str_has_prefix (err, "placements-cli: duplicate-uuid.xml: regel "));
  g_assert_nonnull (strstr (err, "wordt een tweede keer gebruikt"));
  g_assert_nonnull (strstr (err, "(controle: unique-uuid)"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/exchange/cli/two-organisations", Fixture, NULL, fixture_set_up,
              test_two_organisations, fixture_tear_down);
  g_test_add ("/exchange/cli/refusal-translated", Fixture, NULL, fixture_set_up,
              test_refusal_translated, fixture_tear_down);

  return g_test_run ();
}
