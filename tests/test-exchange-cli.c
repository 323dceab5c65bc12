#define G_LOG_DOMAIN "test-exchange-cli"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "placements-exchange-state.h"
#include "placements-record-types.h"
#include "placements-store.h"

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

static PlacementsRecord *
make_record (GType       type,
             const char *uuid,
             ...)
{
  g_autoptr(PlacementsRecord) record = g_object_new (type, "uuid", uuid, NULL);
  const char *name;
  va_list args;

  va_start (args, uuid);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *text = va_arg (args, const char *);
      g_autoptr(GError) error = NULL;

      placements_record_set_field_text (record, name, text, &error);
      g_assert_no_error (error);
    }
  va_end (args);
  return g_steal_pointer (&record);
}

static void
save (PlacementsStore  *store,
      PlacementsRecord *record)
{
  g_autoptr(GError) error = NULL;

  placements_store_save (store, record, &error);
  g_assert_no_error (error);
  g_object_unref (record);
}

static PlacementsRecord *
organisation_b (void)
{
  return make_record (PLACEMENTS_TYPE_ORGANISATION, ORG_B,
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

  fixture->folder = g_dir_make_tmp ("test-exchange-cli-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_a = g_build_filename (fixture->folder, "a.db", NULL);
  fixture->db_b = g_build_filename (fixture->folder, "b.db", NULL);

  /* A: the care provider, its client, and the client's consent for B. */
  a = placements_store_open (fixture->db_a, &error);
  g_assert_no_error (error);
  save (a, make_record (PLACEMENTS_TYPE_ORGANISATION, ORG_A,
                        "name", "Zorggroep De Linde", "kind", "care-provider",
                        "country", "nl", "exchange-id", "org-a", NULL));
  save (a, organisation_b ());
  placements_exchange_set_own_organisation (a, ORG_A, &error);
  g_assert_no_error (error);
  save (a, make_record (PLACEMENTS_TYPE_CLIENT, CLIENT,
                        "given-name", "Jan", "family-name", "de Vries",
                        "date-of-birth", "1990-05-17", "care-organisation-uuid", ORG_A,
                        "target-group", "intellectual-disability",
                        "support-question", "Buiten werken", "goals", "Drie dagdelen", NULL));
  save (a, make_record (PLACEMENTS_TYPE_CONSENT, CONSENT,
                        "client-uuid", CLIENT, "receiver-uuid", ORG_B, "purpose", "referral",
                        "data-categories", "identity,support,progress",
                        "given-by", "client", "given-date", "2026-01-05", NULL));

  /* B: knows itself, with the UUID and exchange id A knows it by; not A yet. */
  b = placements_store_open (fixture->db_b, &error);
  g_assert_no_error (error);
  save (b, organisation_b ());
  placements_exchange_set_own_organisation (b, ORG_B, &error);
  g_assert_no_error (error);
}

static void
remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_folder (fixture->folder);
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
  g_autoptr(PlacementsStore) store = placements_store_open (db, &error);
  g_autoptr(PlacementsRecord) client = NULL;

  g_assert_no_error (error);
  client = placements_store_load (store, PLACEMENTS_TYPE_CLIENT, CLIENT, &error);
  g_assert_no_error (error);
  return placements_record_dup_field_text (client, "goals");
}

static void
set_client_goals (const char *db,
                  const char *goals)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlacementsStore) store = placements_store_open (db, &error);
  PlacementsRecord *client;

  g_assert_no_error (error);
  client = placements_store_load (store, PLACEMENTS_TYPE_CLIENT, CLIENT, &error);
  g_assert_no_error (error);
  placements_record_set_field_text (client, "goals", goals, &error);
  g_assert_no_error (error);
  save (store, client);
}

static char *
query_text (const char *db,
            const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlacementsStore) store = placements_store_open (db, &error);
  sqlite3_stmt *statement = NULL;
  char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_prepare_v2 (placements_store_get_connection (store), sql, -1,
                                       &statement, NULL), ==, SQLITE_OK);
  if (sqlite3_step (statement) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (statement, 0));
  sqlite3_finalize (statement);
  return text;
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

/* TRUE when this placements-cli has the export command (branch export). */
static gboolean
cli_has_export (const char *db)
{
  return cli (db, NULL, NULL, "export", "--help", NULL) == 0;
}

/*
 * Until the export branch is merged, A's messages are written here the way the
 * exporter writes them (docs/exchange-format.md): the records by kind in schema
 * order, each field in declaration order, the base with B set to what was sent and
 * the message logged as sent.
 */
static void
export_without_cli (const char *db,
                    const char *path)
{
  static const struct { GType (*get_type) (void); const char *uuid; } sent[] = {
    { placements_organisation_get_type, ORG_A },
    { placements_organisation_get_type, ORG_B },
    { placements_client_get_type, CLIENT },
    { placements_consent_get_type, CONSENT },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PlacementsStore) store = placements_store_open (db, &error);
  g_autoptr(GString) xml = g_string_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *message_id = g_uuid_string_random ();
  const char *kind;
  g_autoptr(PlacementsExchangeBase) base = NULL;

  g_assert_no_error (error);
  base = placements_exchange_dup_base (store, CLIENT, ORG_B, "client");
  kind = base != NULL ? "update" : "referral";

  g_string_append_printf (xml,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<message xmlns=\"urn:example:placements:exchange:1\">\n"
                          "  <header>\n    <kind>%s</kind>\n"
                          "    <format-version>1.0</format-version>\n"
                          "    <message-id>%s</message-id>\n"
                          "    <sender>org-a</sender>\n    <receiver>org-b</receiver>\n"
                          "    <created>%s</created>\n  </header>\n  <records>\n",
                          kind, message_id, created);
  for (gsize i = 0; i < G_N_ELEMENTS (sent); i++)
    {
      g_autoptr(PlacementsRecord) record = placements_store_load (store, sent[i].get_type (),
                                                                  sent[i].uuid, &error);
      g_autoptr(GVariant) fields = NULL;
      const char *record_kind;
      const char *name;
      const char *value;
      GVariantIter iter;

      g_assert_no_error (error);
      fields = g_variant_ref_sink (placements_exchange_record_fields (record));
      record_kind = placements_record_class_get_kind (PLACEMENTS_RECORD_GET_CLASS (record));
      g_string_append_printf (xml, "    <%s uuid=\"%s\">\n", record_kind, sent[i].uuid);
      g_variant_iter_init (&iter, fields);
      while (g_variant_iter_next (&iter, "{&s&s}", &name, &value))
        {
          g_autofree char *escaped = g_markup_escape_text (value, -1);

          g_string_append_printf (xml, "      <%s>%s</%s>\n", name, escaped, name);
        }
      g_string_append_printf (xml, "    </%s>\n", record_kind);
      placements_exchange_set_base (store, sent[i].uuid, ORG_B, record_kind,
                                    g_variant_ref (fields), &error);
      g_variant_unref (fields);
      g_assert_no_error (error);
    }
  g_string_append (xml, "  </records>\n</message>\n");
  g_file_set_contents (path, xml->str, xml->len, &error);
  g_assert_no_error (error);
  placements_exchange_log_message (store, message_id, PLACEMENTS_MESSAGE_SENT, kind, ORG_B,
                                   created, NULL, G_N_ELEMENTS (sent), &error);
  g_assert_no_error (error);
}

static void
export_a (Fixture    *fixture,
          const char *path)
{
  if (cli_has_export (fixture->db_a))
    g_assert_cmpint (cli (fixture->db_a, NULL, NULL, "export", path, "--to", "org-b", NULL),
                     ==, 0);
  else
    export_without_cli (fixture->db_a, path);
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
  export_a (fixture, referral);

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
  export_a (fixture, update);

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
