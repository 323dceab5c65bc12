#define G_LOG_DOMAIN "test-exchange-import"

#include "config.h"

#include <locale.h>
#include <sys/stat.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "placements-error.h"
#include "placements-exchange-reader.h"
#include "placements-exchange-scan.h"
#include "placements-exchange-state.h"
#include "placements-exchange-import.h"
#include "placements-record-types.h"
#include "placements-store.h"
#include "placements-test-utils.h"

/* The organisations and records of the fixtures in tests/fixtures/exchange. */
#define ORG_A "aaaaaaaa-0000-4000-8000-000000000001"
#define ORG_B "bbbbbbbb-0000-4000-8000-000000000002"
#define CLIENT "aaaaaaaa-0000-4000-8000-000000000020"
#define STEP "aaaaaaaa-0000-4000-8000-000000000040"
#define REFERRAL_ID "11111111-1111-4111-8111-111111111111"

typedef struct
{
  char            *folder;
  PlacementsStore *store;
} Fixture;

static char *
fixture_path (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "fixtures", "exchange", name, NULL);
}

/* A database that is organisation @own, knowing @other. The field values are the
 * fixtures' own, so the organisation records arrive unchanged. */
static PlacementsStore *
open_organisation_store (const char *folder,
                         const char *file,
                         gboolean    is_b)
{
  g_autofree char *path = g_build_filename (folder, file, NULL);
  g_autoptr(GError) error = NULL;
  PlacementsStore *store = placements_test_open_store (path);

  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, ORG_B,
                            "name", "Werkbedrijf Oost", "kind", "social-employment-company",
                            "country", "nl", "exchange-id", "org-b", NULL);
  if (!is_b)
    placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, ORG_A,
                              "name", "Zorggroep De Linde", "kind", "care-provider",
                              "country", "nl", "exchange-id", "org-a", NULL);
  placements_exchange_set_own_organisation (store, is_b ? ORG_B : ORG_A, &error);
  g_assert_no_error (error);
  return store;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->folder = placements_test_make_folder ();
  fixture->store = open_organisation_store (fixture->folder, "b.db", TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  placements_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
}

static PlacementsImport *
import_file (PlacementsStore  *store,
             const char       *name,
             PlacementsResolution resolution)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(PlacementsImport) import = placements_import_new (store);
  g_autoptr(GError) error = NULL;

  placements_import_prepare (import, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  if (resolution != PLACEMENTS_RESOLUTION_NONE)
    placements_import_resolve_all (import, resolution);
  placements_import_apply (import, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&import);
}

static char *
load_field (PlacementsStore *store,
            GType            type,
            const char      *uuid,
            const char      *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlacementsRecord) record = placements_store_load (store, type, uuid, &error);

  g_assert_no_error (error);
  return placements_record_dup_field_text (record, field);
}

static void
set_field (PlacementsStore *store,
           GType            type,
           const char      *uuid,
           const char      *field,
           const char      *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlacementsRecord) record = placements_store_load (store, type, uuid, &error);

  g_assert_no_error (error);
  placements_record_set_field_text (record, field, text, &error);
  g_assert_no_error (error);
  placements_store_save (store, record, &error);
  g_assert_no_error (error);
}

/* The hostile files: each refused, naming the line and the rule, the database as
 * it was. */

typedef struct
{
  const char *test;
  const char *file;
  const char *rule;
  /* A cap on the file size, for the too-large case. */
  gsize       max_size;
} Hostile;

static const Hostile hostile_cases[] = {
  { "malformed", "malformed.xml", "well-formed", 0 },
  { "truncated", "truncated.xml", "well-formed", 0 },
  { "not-utf8", "not-utf8.xml", "utf-8", 0 },
  { "too-deep", "too-deep.xml", "max-depth", 0 },
  { "too-large", "valid-referral.xml", "max-size", 1024 },
  { "schema-unknown-element", "schema-unknown-element.xml", "schema", 0 },
  { "schema-bad-enum", "schema-bad-enum.xml", "schema", 0 },
  { "schema-bad-date", "schema-bad-date.xml", "schema", 0 },
  { "invalid-date-value", "invalid-date-value.xml", "record-valid", 0 },
  { "doctype", "doctype.xml", "no-doctype", 0 },
  { "external-entity", "external-entity.xml", "no-entities", 0 },
  { "billion-laughs", "billion-laughs.xml", "no-entities", 0 },
  { "undeclared-entity", "undeclared-entity.xml", "well-formed", 0 },
  { "xinclude", "xinclude.xml", "schema", 0 },
  { "duplicate-uuid", "duplicate-uuid.xml", "unique-uuid", 0 },
  { "dangling-reference", "dangling-reference.xml", "reference-resolves", 0 },
  { "newer-major-version", "newer-major-version.xml", "format-version", 0 },
  { "wrong-receiver", "wrong-receiver.xml", "addressed-to-us", 0 },
  { "no-consent", "no-consent.xml", "consent-for-receiver", 0 },
  { "gzip-compressed", "gzip-compressed.xml", "not-compressed", 0 },
  { "empty", "empty.xml", "well-formed", 0 },
  { "wrong-namespace", "wrong-namespace.xml", "schema", 0 },
  { "kind-mismatch", "kind-mismatch.xml", "message-kind", 0 },
  { "report", "report.xml", "message-kind", 0 },
  { "exchange-id-twice", "exchange-id-twice.xml", "unique-exchange-id", 0 },
  /* What the consents allow, field by field. */
  { "consent-reporting", "consent-reporting.xml", "consent-for-receiver", 0 },
  { "consent-identity-only", "consent-identity-only.xml", "consent-categories", 0 },
  { "consent-no-progress", "consent-no-progress.xml", "consent-categories", 0 },
  { "many-attributes", "many-attributes.xml", "max-attributes", 0 },
  { "many-namespaces", "many-namespaces.xml", "max-attributes", 0 },
  { "processing-instruction", "processing-instruction.xml", "no-processing-instructions", 0 },
  { "encoding-utf7", "encoding-utf7.xml", "utf-8", 0 },
  /* A name must read as what it is, and be something. */
  { "name-bidi-override", "name-bidi-override.xml", "record-valid", 0 },
  { "name-bidi-isolate", "name-bidi-isolate.xml", "record-valid", 0 },
  { "name-c1-control", "name-c1-control.xml", "record-valid", 0 },
  { "name-only-spaces", "name-only-spaces.xml", "record-valid", 0 },
  { "name-only-zero-width", "name-only-zero-width.xml", "record-valid", 0 },
};


/* The counts per kind, made while preparing, agree with the entries one by one, and the
 * notable entries are the changed and conflicting ones, in file order. */
static void
assert_counts_agree (PlacementsImport *import)
{
  GPtrArray *kinds = placements_import_get_kind_counts (import);
  GArray *notable = placements_import_get_notable (import);
  guint next_notable = 0;

  for (guint i = 0; i < placements_import_get_n_entries (import); i++)
    {
      const PlacementsImportEntry *entry = placements_import_get_entry (import, i);
      guint n_of_kind = 0;
      guint counted = 0;

      for (guint k = 0; k < kinds->len; k++)
        {
          PlacementsImportKindCounts *counts = g_ptr_array_index (kinds, k);

          if (g_str_equal (counts->kind, entry->kind))
            counted = counts->counts[entry->status];
        }
      for (guint j = 0; j < placements_import_get_n_entries (import); j++)
        {
          const PlacementsImportEntry *other = placements_import_get_entry (import, j);

          if (g_str_equal (other->kind, entry->kind) && other->status == entry->status)
            n_of_kind++;
        }
      g_assert_cmpuint (counted, ==, n_of_kind);
      if (entry->status == PLACEMENTS_IMPORT_CHANGED ||
          entry->status == PLACEMENTS_IMPORT_CONFLICTING)
        {
          g_assert_cmpuint (next_notable, <, notable->len);
          g_assert_cmpuint (g_array_index (notable, guint, next_notable), ==, i);
          next_notable++;
        }
    }
  g_assert_cmpuint (next_notable, ==, notable->len);
}

static void
test_refuses (Fixture       *fixture,
              gconstpointer  data)
{
  const Hostile *hostile = data;
  g_autofree char *path = fixture_path (hostile->file);
  g_autoptr(PlacementsImport) import = placements_import_new (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *rule = g_strdup_printf ("(rule: %s)", hostile->rule);

  /* Something to lose: a referral imported earlier. */
  g_object_unref (import_file (fixture->store, "valid-referral.xml",
                               PLACEMENTS_RESOLUTION_NONE));
  before = placements_test_dump_database (fixture->store);

  placements_import_set_max_size (import, hostile->max_size);
  g_assert_false (placements_import_prepare (import, path, NULL, NULL, NULL, &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_REFUSED_FILE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, hostile->file));
  g_assert_nonnull (strstr (error->message, ": line "));
  g_assert_nonnull (strstr (error->message, rule));

  after = placements_test_dump_database (fixture->store);
  g_assert_cmpstr (before, ==, after);
}

/*
 * The red team's file: one element with 200,000 attributes (2.3 MB, far under the
 * size cap) kept libxml2 2.9.14 busy for five minutes, its duplicate check being
 * quadratic. Refused before the parser sees it; were it not, this test would run
 * into meson's timeout. The same with namespace declarations, which the schema
 * does not see at all.
 */
static void
test_many_attributes_in_memory (void)
{
  g_autofree char *path = fixture_path ("valid-referral.xml");
  g_autofree char *valid = NULL;
  g_autoptr(GError) error = NULL;
  const char *forms[] = { "attributes", "namespace declarations" };

  g_assert_true (g_file_get_contents (path, &valid, NULL, &error));
  for (gsize f = 0; f < G_N_ELEMENTS (forms); f++)
    {
      g_autoptr(GString) data = g_string_new (NULL);
      g_autoptr(PlacementsExchangeMessage) message = NULL;
      const char *header = strstr (valid, "<header>");

      g_string_append_len (data, valid, header - valid);
      g_string_append (data, "<header");
      for (guint i = 0; i < 200000; i++)
        {
          if (f == 0)
            g_string_append_printf (data, " a%u=\"x\"", i);
          else
            g_string_append_printf (data, " xmlns:p%u=\"urn:x\"", i);
        }
      g_string_append (data, header + strlen ("<header"));

      g_test_message ("200,000 %s", forms[f]);
      message = placements_exchange_parse (data->str, data->len, "attributes.xml", &error);
      g_assert_null (message);
      g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_REFUSED_FILE);
      g_assert_nonnull (strstr (error->message, "attributes.xml: line 3: "));
      g_assert_nonnull (strstr (error->message, "(rule: max-attributes)"));
      g_clear_error (&error);
    }
}

/*
 * An organisation the file introduces with the exchange id of another organisation
 * in this database: refused by name, with its line, in the preview already, and
 * answered; not left to SQLite's UNIQUE constraint.
 */
static void
test_exchange_id_taken (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *path = fixture_path ("exchange-id-taken.xml");
  g_autofree char *ack_path = g_build_filename (fixture->folder, "ack.xml", NULL);
  g_autoptr(PlacementsImport) import = placements_import_new (fixture->store);
  g_autoptr(PlacementsExchangeMessage) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  guint n_rejected = 0;

  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_ORGANISATION,
                            "dddddddd-0000-4000-8000-000000000004", "name", "Gemeente Oost",
                            "kind", "municipality", "country", "nl", "exchange-id", "org-c",
                            NULL);
  before = placements_test_dump_database (fixture->store);

  g_assert_false (placements_import_prepare (import, path, NULL, NULL, NULL, &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_REFUSED_FILE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "exchange-id-taken.xml: line 24: "));
  g_assert_nonnull (strstr (error->message, "Gemeente Oost"));
  g_assert_nonnull (strstr (error->message, "(rule: unique-exchange-id)"));
  g_assert_null (strstr (error->message, "UNIQUE constraint"));
  g_clear_error (&error);

  g_assert_true (placements_import_write_acknowledgement (import, ack_path, &error));
  g_assert_no_error (error);
  answer = placements_exchange_read (ack_path, 0, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < answer->results->len; i++)
    {
      PlacementsExchangeResult *result = g_ptr_array_index (answer->results, i);

      if (g_str_equal (result->rule, "unique-exchange-id"))
        {
          g_assert_cmpstr (result->record_uuid, ==, "cccccccc-0000-4000-8000-000000000003");
          n_rejected++;
        }
    }
  g_assert_cmpuint (n_rejected, ==, 1);

  /* Only the answer's log entry is new. */
  after = placements_test_dump_database (fixture->store);
  g_assert_cmpuint (strlen (after), >, strlen (before));
}

/* The categories add up over the file's consents and the database's: a ladder step
 * is accepted when a stored consent grants progress. */
static void
test_consent_from_database (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(PlacementsImport) import = NULL;

  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_ORGANISATION, ORG_A,
                            "name", "Zorggroep De Linde", "kind", "care-provider",
                            "country", "nl", "exchange-id", "org-a", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_CLIENT, CLIENT,
                            "given-name", "Jan", "family-name", "de Vries", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_CONSENT,
                            "aaaaaaaa-0000-4000-8000-000000000031",
                            "client-uuid", CLIENT, "receiver-uuid", ORG_B,
                            "purpose", "placement", "data-categories", "identity,progress",
                            "given-by", "client", "given-date", "2026-01-01", NULL);
  import = import_file (fixture->store, "consent-no-progress.xml",
                        PLACEMENTS_RESOLUTION_TAKE_THEIRS);
  g_assert_true (placements_store_exists (fixture->store, PLACEMENTS_TYPE_LADDER_STEP, STEP));
}

/* A message id seen again with other content is refused, named; the same file again
 * is still "already imported". */
static void
test_message_id_reused (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *altered = fixture_path ("valid-referral-altered.xml");
  g_autofree char *ack_path = g_build_filename (fixture->folder, "ack.xml", NULL);
  g_autoptr(PlacementsImport) import = placements_import_new (fixture->store);
  g_autoptr(PlacementsImport) again = NULL;
  g_autoptr(PlacementsExchangeMessage) answer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *goals = NULL;

  g_object_unref (import_file (fixture->store, "valid-referral.xml",
                               PLACEMENTS_RESOLUTION_NONE));
  before = placements_test_dump_database (fixture->store);

  g_assert_false (placements_import_prepare (import, altered, NULL, NULL, NULL, &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_REFUSED_FILE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "valid-referral-altered.xml: line 6: "));
  g_assert_nonnull (strstr (error->message, REFERRAL_ID));
  g_assert_nonnull (strstr (error->message, "(rule: message-id-reused)"));
  g_clear_error (&error);
  after = placements_test_dump_database (fixture->store);
  g_assert_cmpstr (before, ==, after);
  goals = load_field (fixture->store, PLACEMENTS_TYPE_CLIENT, CLIENT, "goals");
  g_assert_cmpstr (goals, ==, "Drie dagdelen per week inpakken");

  /* Answered, every record rejected by that rule. */
  g_assert_true (placements_import_write_acknowledgement (import, ack_path, &error));
  g_assert_no_error (error);
  answer = placements_exchange_read (ack_path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answer->results->len, >, 0);
  for (guint i = 0; i < answer->results->len; i++)
    g_assert_cmpstr (((PlacementsExchangeResult *) g_ptr_array_index (answer->results, i))->rule,
                     ==, "message-id-reused");

  again = import_file (fixture->store, "valid-referral.xml", PLACEMENTS_RESOLUTION_NONE);
  g_assert_true (placements_import_get_already_imported (again));
}

/* Two imports prepared side by side (the window and the command line): the second to
 * apply says what happened, not "changed here". */
static void
test_two_imports_at_once (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *referral = fixture_path ("valid-referral.xml");
  g_autofree char *update = fixture_path ("valid-update.xml");
  g_autofree char *path = g_build_filename (fixture->folder, "b.db", NULL);
  g_autoptr(PlacementsStore) other_store = placements_store_open (path, NULL);
  g_autoptr(PlacementsImport) first = placements_import_new (fixture->store);
  g_autoptr(PlacementsImport) same = placements_import_new (other_store);
  g_autoptr(PlacementsImport) other = placements_import_new (other_store);
  g_autoptr(GError) error = NULL;

  g_assert_true (placements_import_prepare (first, referral, NULL, NULL, NULL, &error));
  g_assert_true (placements_import_prepare (same, referral, NULL, NULL, NULL, &error));
  g_assert_true (placements_import_prepare (other, update, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (placements_import_apply (first, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  /* The same file: not twice. */
  g_assert_false (placements_import_apply (same, NULL, NULL, NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "another import"));
  g_assert_nonnull (strstr (error->message, REFERRAL_ID));
  g_clear_error (&error);

  /* Another file with the same records: the other import is named. */
  g_assert_false (placements_import_apply (other, NULL, NULL, NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "another import"));
  g_assert_nonnull (strstr (error->message, REFERRAL_ID));
  g_assert_null (strstr (error->message, "changed here"));
}

/* The scan before parsing refuses only what it should: markup in comments and CDATA,
 * "=" and ">" in quoted values, and an encoding named in lower case pass. */
static void
test_scan_markup (void)
{
  static const struct
  {
    const char *data;
    const char *rule;
    guint       line;
  } cases[] = {
    { "<?xml version='1.0' encoding='utf-8'?><a b=\"x=y>z\" c='=='/>", NULL, 0 },
    { "<a><!-- <?pi?> <b c=1 d=2 e=3 f=4 g=5 h=6 i=7 j=8 k=9 l=10 m=11 n=12 o=13 p=14 q=15 "
      "r=16 s=17 t=18 u=19 v=20 w=21 x=22 y=23 z=24 A=25 B=26 C=27 D=28 E=29 F=30 G=31 "
      "H=32 I=33> --></a>", NULL, 0 },
    { "<a><![CDATA[ <?pi?> ]]></a>", NULL, 0 },
    { "<?xml version=\"1.0\" encoding=\"UTF-16\"?><a/>", "utf-8", 1 },
    { "<?xml version=\"1.0\"?>\n<a>\n<?php echo 1; ?></a>", "no-processing-instructions", 3 },
    { "<?xml-stylesheet href=\"x\"?><a/>", "no-processing-instructions", 1 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *message = NULL;
      const char *rule = NULL;
      guint line = 0;
      gboolean ok = placements_exchange_scan_markup (cases[i].data, strlen (cases[i].data),
                                                     &line, &rule, &message);

      g_test_message ("%s: %s", cases[i].data, message != NULL ? message : "passes");
      g_assert_cmpint (ok, ==, cases[i].rule == NULL);
      g_assert_cmpstr (rule, ==, cases[i].rule);
      g_assert_cmpuint (line, ==, cases[i].line);
    }
}

static void
test_referral (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = fixture_path ("valid-referral.xml");
  g_autoptr(PlacementsImport) import = placements_import_new (fixture->store);
  g_autoptr(PlacementsImport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *goals = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  g_assert_true (placements_import_prepare (import, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (placements_import_get_message_id (import), ==, REFERRAL_ID);
  /* Organisation B is ourselves, identical; everything else is new. */
  g_assert_cmpuint (placements_import_count (import, PLACEMENTS_IMPORT_NEW), ==, 5);
  g_assert_cmpuint (placements_import_count (import, PLACEMENTS_IMPORT_UNCHANGED), ==, 1);
  g_assert_cmpuint (placements_import_get_n_conflicts (import), ==, 0);
  g_assert_false (placements_store_exists (fixture->store, PLACEMENTS_TYPE_CLIENT, CLIENT));

  g_assert_true (placements_import_apply (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  goals = load_field (fixture->store, PLACEMENTS_TYPE_CLIENT, CLIENT, "support-question");
  g_assert_cmpstr (goals, ==, "Wil graag buiten werken & in een vaste ploeg.");

  /* The import is audited by the store's one writer: kind "message", its records. */
  {
    g_autoptr(GPtrArray) events = placements_store_find (fixture->store,
                                                         PLACEMENTS_TYPE_AUDIT_EVENT,
                                                         "action", "import", &error);
    PlacementsAuditEvent *event;

    g_assert_no_error (error);
    g_assert_cmpuint (events->len, ==, 1);
    event = events->pdata[0];
    g_assert_cmpint (placements_audit_event_get_action (event), ==,
                     PLACEMENTS_AUDIT_ACTION_IMPORT);
    g_assert_cmpstr (placements_audit_event_get_record_kind (event), ==, "message");
    g_assert_nonnull (strstr (placements_audit_event_get_record_uuids (event), CLIENT));
    g_assert_nonnull (strstr (placements_audit_event_get_detail (event), REFERRAL_ID));
  }
  g_assert_true (placements_exchange_has_message (fixture->store, REFERRAL_ID));

  /* The same file again changes nothing. */
  before = placements_test_dump_database (fixture->store);
  again = placements_import_new (fixture->store);
  g_assert_true (placements_import_prepare (again, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (placements_import_get_already_imported (again));
  g_assert_cmpuint (placements_import_count (again, PLACEMENTS_IMPORT_UNCHANGED), ==, 6);
  g_assert_true (placements_import_apply (again, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  after = placements_test_dump_database (fixture->store);
  g_assert_cmpstr (before, ==, after);
}

static PlacementsImport *
prepare_update_with_conflict (Fixture *fixture)
{
  g_autofree char *path = fixture_path ("valid-update.xml");
  g_autoptr(PlacementsImport) import = placements_import_new (fixture->store);
  g_autoptr(GError) error = NULL;
  const PlacementsImportConflict *conflict;

  g_object_unref (import_file (fixture->store, "valid-referral.xml",
                               PLACEMENTS_RESOLUTION_NONE));
  /* Here, both the goals (also changed there) and the support question (not). */
  set_field (fixture->store, PLACEMENTS_TYPE_CLIENT, CLIENT, "goals", "Vijf dagdelen");
  set_field (fixture->store, PLACEMENTS_TYPE_CLIENT, CLIENT, "support-question", "Binnen");

  g_assert_true (placements_import_prepare (import, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (placements_import_count (import, PLACEMENTS_IMPORT_NEW), ==, 1);
  g_assert_cmpuint (placements_import_count (import, PLACEMENTS_IMPORT_CHANGED), ==, 1);
  g_assert_cmpuint (placements_import_count (import, PLACEMENTS_IMPORT_UNCHANGED), ==, 4);
  g_assert_cmpuint (placements_import_count (import, PLACEMENTS_IMPORT_CONFLICTING), ==, 1);
  assert_counts_agree (import);
  g_assert_cmpuint (placements_import_get_notable (import)->len, ==, 2);
  g_assert_cmpuint (placements_import_get_n_conflicts (import), ==, 1);
  conflict = placements_import_get_conflict (import, 0);
  g_assert_cmpstr (conflict->kind, ==, "client");
  g_assert_cmpstr (conflict->uuid, ==, CLIENT);
  g_assert_cmpstr (conflict->field, ==, "goals");
  g_assert_cmpstr (conflict->base, ==, "Drie dagdelen per week inpakken");
  g_assert_cmpstr (conflict->ours, ==, "Vijf dagdelen");
  g_assert_cmpstr (conflict->theirs, ==, "Vier dagdelen per week inpakken");
  return g_steal_pointer (&import);
}

/* A changed record tells which fields it takes, ours and theirs: the step's rung. */
static void
test_changed_fields (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(PlacementsImport) import = prepare_update_with_conflict (fixture);
  guint n_changed = 0;

  for (guint i = 0; i < placements_import_get_n_entries (import); i++)
    {
      const PlacementsImportEntry *entry = placements_import_get_entry (import, i);
      g_autoptr(GArray) changes = placements_import_dup_changes (import, i);
      const PlacementsImportChange *change;

      if (entry->status != PLACEMENTS_IMPORT_CHANGED)
        {
          g_assert_cmpuint (changes->len, ==, 0);
          continue;
        }
      n_changed++;
      g_assert_cmpstr (entry->uuid, ==, STEP);
      g_assert_cmpuint (changes->len, ==, 1);
      change = &g_array_index (changes, PlacementsImportChange, 0);
      g_assert_cmpstr (change->field, ==, "rung");
      g_assert_cmpstr (change->ours, ==, "3");
      g_assert_cmpstr (change->theirs, ==, "4");
      g_assert_nonnull (change->label);
    }
  g_assert_cmpuint (n_changed, ==, 1);
}

/* The base as an export writes it: a digest of the same fields. The comparison
 * must come out the same; only the base value of a conflict is unknown. */
static void
test_conflict_digest_base (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *path = fixture_path ("valid-update.xml");
  g_autoptr(PlacementsImport) import = placements_import_new (fixture->store);
  g_autoptr(PlacementsExchangeBase) text_base = NULL;
  g_autoptr(PlacementsExchangeBase) digest_base = NULL;
  g_autoptr(PlacementsBaseDigest) digest = placements_base_digest_new (PLACEMENTS_TYPE_CLIENT);
  g_autoptr(PlacementsRecordClass) klass = g_type_class_ref (PLACEMENTS_TYPE_CLIENT);
  g_autoptr(GError) error = NULL;
  const PlacementsImportConflict *conflict;
  guint index = 0;

  g_object_unref (import_file (fixture->store, "valid-referral.xml",
                               PLACEMENTS_RESOLUTION_NONE));
  text_base = placements_exchange_dup_base (fixture->store, CLIENT, ORG_A, "client");
  g_assert_nonnull (text_base);
  for (guint i = 0; i < placements_record_class_get_n_fields (klass); i++)
    {
      const PlacementsField *field = placements_record_class_get_field (klass, i);
      const char *text;

      if ((field->flags & PLACEMENTS_FIELD_NEVER_EXPORTED) != 0)
        continue;
      text = placements_exchange_base_get_text (text_base, field->pspec->name);
      if (*text != '\0')
        placements_base_digest_add (digest, index, field->pspec->name, text);
      index++;
    }
  g_assert_true (placements_exchange_set_base_digest (fixture->store, CLIENT, ORG_A, "client",
                                                      digest, "2026-11-01T12:00:00Z",
                                                      &error));
  g_assert_no_error (error);
  digest_base = placements_exchange_dup_base (fixture->store, CLIENT, ORG_A, "client");
  g_assert_null (placements_exchange_base_get_text (digest_base, "goals"));
  g_assert_true (placements_exchange_base_has (digest_base, "goals",
                                               "Drie dagdelen per week inpakken"));

  set_field (fixture->store, PLACEMENTS_TYPE_CLIENT, CLIENT, "goals", "Vijf dagdelen");
  set_field (fixture->store, PLACEMENTS_TYPE_CLIENT, CLIENT, "support-question", "Binnen");
  g_assert_true (placements_import_prepare (import, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (placements_import_count (import, PLACEMENTS_IMPORT_NEW), ==, 1);
  g_assert_cmpuint (placements_import_count (import, PLACEMENTS_IMPORT_CHANGED), ==, 1);
  g_assert_cmpuint (placements_import_count (import, PLACEMENTS_IMPORT_UNCHANGED), ==, 4);
  g_assert_cmpuint (placements_import_count (import, PLACEMENTS_IMPORT_CONFLICTING), ==, 1);
  g_assert_cmpuint (placements_import_get_n_conflicts (import), ==, 1);
  conflict = placements_import_get_conflict (import, 0);
  g_assert_cmpstr (conflict->field, ==, "goals");
  g_assert_null (conflict->base);
  g_assert_cmpstr (conflict->ours, ==, "Vijf dagdelen");
  g_assert_cmpstr (conflict->theirs, ==, "Vier dagdelen per week inpakken");
}

static void
test_conflict_unresolved (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(PlacementsImport) import = prepare_update_with_conflict (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = placements_test_dump_database (fixture->store);
  g_autofree char *after = NULL;

  g_assert_false (placements_import_apply (import, NULL, NULL, NULL, &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_CONFLICT);
  after = placements_test_dump_database (fixture->store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_conflict_resolved (Fixture       *fixture,
                        gconstpointer  data)
{
  PlacementsResolution resolution = GPOINTER_TO_INT (data);
  g_autoptr(PlacementsImport) import = prepare_update_with_conflict (fixture);
  g_autoptr(PlacementsImport) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *goals = NULL;
  g_autofree char *question = NULL;
  g_autofree char *rung = NULL;
  g_autofree char *path = fixture_path ("valid-update.xml");

  placements_import_resolve (import, 0, resolution);
  g_assert_true (placements_import_apply (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  goals = load_field (fixture->store, PLACEMENTS_TYPE_CLIENT, CLIENT, "goals");
  g_assert_cmpstr (goals, ==, resolution == PLACEMENTS_RESOLUTION_KEEP_OURS
                                ? "Vijf dagdelen" : "Vier dagdelen per week inpakken");
  /* Changed here only: kept. Changed there only: taken. */
  question = load_field (fixture->store, PLACEMENTS_TYPE_CLIENT, CLIENT, "support-question");
  g_assert_cmpstr (question, ==, "Binnen");
  rung = load_field (fixture->store, PLACEMENTS_TYPE_LADDER_STEP, STEP, "rung");
  g_assert_cmpstr (rung, ==, "4");
  g_assert_true (placements_store_exists (fixture->store, PLACEMENTS_TYPE_LADDER_STEP,
                                          "aaaaaaaa-0000-4000-8000-000000000041"));

  /* The base is now what they sent: the same update again is a no-op even when
   * our value was kept. */
  again = placements_import_new (fixture->store);
  g_assert_true (placements_import_prepare (again, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (placements_import_get_n_conflicts (again), ==, 0);
}

static void
test_changed_after_preview (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(PlacementsImport) import = prepare_update_with_conflict (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* While the user looks at the preview, a colleague edits the client. */
  set_field (fixture->store, PLACEMENTS_TYPE_CLIENT, CLIENT, "given-name", "Johannes");
  before = placements_test_dump_database (fixture->store);
  placements_import_resolve_all (import, PLACEMENTS_RESOLUTION_TAKE_THEIRS);
  g_assert_false (placements_import_apply (import, NULL, NULL, NULL, &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, CLIENT));
  after = placements_test_dump_database (fixture->store);
  g_assert_cmpstr (before, ==, after);
}

static void
test_conflict_without_base (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = fixture_path ("valid-referral.xml");
  g_autoptr(PlacementsImport) import = placements_import_new (fixture->store);
  g_autoptr(GError) error = NULL;

  /* The client was already known here, never exchanged: every difference is a
   * conflict, since nobody can tell whose change it was. */
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_ORGANISATION, ORG_A,
                            "name", "Zorggroep De Linde", "kind", "care-provider",
                            "country", "nl", "exchange-id", "org-a", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_CLIENT, CLIENT,
                            "given-name", "Jan", "family-name", "de Vries",
                            "date-of-birth", "1990-05-17",
                            "care-organisation-uuid", ORG_A,
                            "target-group", "intellectual-disability",
                            "funding-route", "wmo-day-activities",
                            "right-to-return", "true",
                            "support-question",
                            "Wil graag buiten werken & in een vaste ploeg.",
                            "goals", "Iets anders", NULL);
  g_assert_true (placements_import_prepare (import, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (placements_import_count (import, PLACEMENTS_IMPORT_CONFLICTING), ==, 1);
  g_assert_cmpuint (placements_import_get_n_conflicts (import), ==, 1);
  g_assert_null (placements_import_get_conflict (import, 0)->base);
  g_assert_cmpstr (placements_import_get_conflict (import, 0)->ours, ==, "Iets anders");
}

static void
test_own_organisation_kept (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(PlacementsImport) import = NULL;
  g_autofree char *name = NULL;

  /* The referral's view of us is older than ours: it neither conflicts nor wins. */
  set_field (fixture->store, PLACEMENTS_TYPE_ORGANISATION, ORG_B, "name", "Werkbedrijf Oost BV");
  import = import_file (fixture->store, "valid-referral.xml", PLACEMENTS_RESOLUTION_NONE);
  g_assert_cmpuint (placements_import_get_n_conflicts (import), ==, 0);
  g_assert_cmpuint (placements_import_count (import, PLACEMENTS_IMPORT_UNCHANGED), ==, 1);
  name = load_field (fixture->store, PLACEMENTS_TYPE_ORGANISATION, ORG_B, "name");
  g_assert_cmpstr (name, ==, "Werkbedrijf Oost BV");
}

static void
cancel_while_writing_cb (double      fraction,
                         const char *stage,
                         gpointer    user_data)
{
  /* Halfway through the writes, the user presses Cancel. */
  if (fraction > 0.4 && fraction < 1.0)
    g_cancellable_cancel (user_data);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *path = fixture_path ("valid-referral.xml");
  g_autoptr(PlacementsImport) import = placements_import_new (fixture->store);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = placements_test_dump_database (fixture->store);
  g_autofree char *after = NULL;

  g_assert_true (placements_import_prepare (import, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (placements_import_apply (import, cancel_while_writing_cb, cancellable,
                                           cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_cancellable_is_cancelled (cancellable));
  after = placements_test_dump_database (fixture->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (placements_store_in_transaction (fixture->store));
}

static void
progress_cb (double      fraction,
             const char *stage,
             gpointer    user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, 0.0);
  g_assert_cmpfloat (fraction, <=, 1.0);
  g_assert_nonnull (stage);
  *last = fraction;
}

static void
test_progress (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *path = fixture_path ("valid-referral.xml");
  g_autoptr(PlacementsImport) import = placements_import_new (fixture->store);
  g_autoptr(GError) error = NULL;
  double last = -1;

  g_assert_true (placements_import_prepare (import, path, progress_cb, &last, NULL, &error));
  g_assert_cmpfloat (last, ==, 1.0);
  last = -1;
  g_assert_true (placements_import_apply (import, progress_cb, &last, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (last, ==, 1.0);
}

typedef struct
{
  char     *db_path;
  char     *file;
  guint     n_progress;
  GMainLoop *loop;
} ThreadData;

static void
count_progress_cb (double      fraction,
                   const char *stage,
                   gpointer    user_data)
{
  ThreadData *thread_data = user_data;

  g_atomic_int_inc (&thread_data->n_progress);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ThreadData *thread_data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlacementsStore) store = placements_store_open (thread_data->db_path, &error);
  g_autoptr(PlacementsImport) import = NULL;

  /* The thread's own connection, as the GUI does it. */
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  import = placements_import_new (store);
  if (!placements_import_prepare (import, thread_data->file, count_progress_cb, thread_data,
                                  cancellable, &error) ||
      !placements_import_apply (import, count_progress_cb, thread_data, cancellable, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_array_ref (placements_import_get_changed_types (import)),
                         (GDestroyNotify) g_array_unref);
}

static void
import_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  PlacementsStore *store = PLACEMENTS_STORE (source);
  ThreadData *thread_data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) types = g_task_propagate_pointer (G_TASK (result), &error);

  g_assert_no_error (error);
  for (guint i = 0; i < types->len; i++)
    placements_store_notify_changed (store, g_array_index (types, GType, i));
  g_main_loop_quit (thread_data->loop);
}

static void
changed_cb (PlacementsStore *store,
            GType            type,
            GStrv            uuids,
            gpointer         user_data)
{
  guint *n_client_changes = user_data;

  if (type == PLACEMENTS_TYPE_CLIENT)
    (*n_client_changes)++;
}

static void
test_in_thread (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GTask) task = g_task_new (fixture->store, NULL, import_done_cb, NULL);
  ThreadData thread_data = { 0 };
  guint n_client_changes = 0;

  thread_data.db_path = (char *) placements_store_get_path (fixture->store);
  thread_data.file = fixture_path ("valid-referral.xml");
  thread_data.loop = g_main_loop_new (NULL, FALSE);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), &n_client_changes);

  g_task_set_task_data (task, &thread_data, NULL);
  g_task_run_in_thread (task, import_thread);
  g_main_loop_run (thread_data.loop);

  /* The main connection sees what the thread's wrote, and was told so once. */
  g_assert_true (placements_store_exists (fixture->store, PLACEMENTS_TYPE_CLIENT, CLIENT));
  g_assert_cmpuint (n_client_changes, ==, 1);
  g_assert_cmpuint (thread_data.n_progress, >, 2);
  g_signal_handlers_disconnect_by_data (fixture->store, &n_client_changes);
  g_main_loop_unref (thread_data.loop);
  g_free (thread_data.file);
}

/* The file and its "sent" entry come as a pair: where the entry cannot be written, no file
 * stands at the path (nor under a temporary name), and the partner gets nothing the
 * database does not know it sent. */
static void
test_acknowledgement_with_its_log (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(PlacementsImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ack_path = g_build_filename (fixture->folder, "ack.xml", NULL);
  g_autofree char *n_sent = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *logged_id = NULL;
  g_autoptr(GDir) folder = NULL;
  const char *name;

  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_ORGANISATION, ORG_A,
                            "name", "Zorggroep De Linde (oud)", "kind",
                            "care-provider", "country", "nl",
                            "exchange-id", "org-a", NULL);
  import = import_file (fixture->store, "valid-referral.xml",
                        PLACEMENTS_RESOLUTION_KEEP_OURS);
  placements_test_execute_elsewhere (fixture->store,
                                     "CREATE TRIGGER refuse_acknowledgement BEFORE INSERT ON "
                                     "exchange_message WHEN NEW.kind = 'acknowledgement' "
                                     "BEGIN SELECT RAISE (ABORT, 'disk full'); END");

  g_assert_false (placements_import_write_acknowledgement (import, ack_path, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (g_file_test (ack_path, G_FILE_TEST_EXISTS));
  folder = g_dir_open (fixture->folder, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (folder)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".ack.xml."));
  n_sent = placements_test_query_text (fixture->store,
                                       "SELECT count(*) FROM exchange_message "
                                       "WHERE kind = 'acknowledgement'");
  g_assert_cmpstr (n_sent, ==, "0");

  /* Once the entry can be written, both are there, and the file is the one logged. */
  placements_test_execute_elsewhere (fixture->store, "DROP TRIGGER refuse_acknowledgement");
  g_assert_true (placements_import_write_acknowledgement (import, ack_path, &error));
  g_assert_no_error (error);
  g_file_get_contents (ack_path, &contents, NULL, &error);
  g_assert_no_error (error);
  logged_id = placements_test_query_text (fixture->store,
                                          "SELECT message_id FROM exchange_message "
                                          "WHERE kind = 'acknowledgement'");
  sql = g_strdup_printf ("<message-id>%s</message-id>", logged_id);
  g_assert_nonnull (strstr (contents, sql));
}

/* Placing's rule meets the exchange: a placement that takes a place over the receiver's
 * capacity is stored, and answered with a warning that names the limit. */
static void
test_acknowledgement_over_capacity (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(PlacementsImport) import = placements_import_new (fixture->store);
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;
  g_autofree char *referral = fixture_path ("valid-referral.xml");
  g_autofree char *path = g_build_filename (fixture->folder, "placement.xml", NULL);
  g_autofree char *ack_path = g_build_filename (fixture->folder, "ack.xml", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GString) text = NULL;

  /* Here: our workplace with one place, taken. */
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_ORGANISATION, ORG_A,
                            "name", "Zorggroep De Linde", "kind", "care-provider",
                            "country", "nl", "exchange-id", "org-a", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_ORGANISATION, ORG_B,
                            "name", "Werkbedrijf Oost", "kind", "social-employment-company",
                            "country", "nl", "exchange-id", "org-b", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_WORKPLACE,
                            "bbbbbbbb-0000-4000-8000-000000000050", "name", "Werkhoek",
                            "host-organisation-uuid", ORG_B, "kind", "individual",
                            "capacity", "1", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_CLIENT,
                            "bbbbbbbb-0000-4000-8000-000000000060", "family-name", "Jansen",
                            NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PLACEMENT,
                            "bbbbbbbb-0000-4000-8000-000000000070",
                            "client-uuid", "bbbbbbbb-0000-4000-8000-000000000060",
                            "workplace-uuid", "bbbbbbbb-0000-4000-8000-000000000050",
                            "start-date", "2026-01-05", "status", "active", NULL);

  /* The referral, with a placement of its client at that workplace. */
  g_assert_true (g_file_get_contents (referral, &source, NULL, &error));
  g_assert_no_error (error);
  text = g_string_new (source);
  g_assert_cmpuint (g_string_replace (text, "identity,support,progress",
                                      "identity,support,progress,placements", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "  </records>",
                                      "    <placement uuid=\"aaaaaaaa-0000-4000-8000-000000000080\">\n"
                                      "      <client-uuid>aaaaaaaa-0000-4000-8000-000000000020"
                                      "</client-uuid>\n"
                                      "      <workplace-uuid>bbbbbbbb-0000-4000-8000-000000000050"
                                      "</workplace-uuid>\n"
                                      "      <start-date>2026-03-02</start-date>\n"
                                      "      <status>active</status>\n"
                                      "    </placement>\n"
                                      "  </records>", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, text->str, -1, &error));
  g_assert_no_error (error);

  placements_import_prepare (import, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  placements_import_resolve_all (import, PLACEMENTS_RESOLUTION_KEEP_OURS);
  g_assert_true (placements_import_apply (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  count = placements_test_query_text (fixture->store,
                                      "SELECT count(*) FROM placement WHERE status = 'active'");
  g_assert_cmpstr (count, ==, "2");

  g_assert_true (placements_import_write_acknowledgement (import, ack_path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (ack_path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "over-capacity"));
  g_assert_nonnull (strstr (contents, "more placements than it has places"));
  g_assert_null (strstr (contents, "rejected"));
}

static void
test_acknowledgement (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PlacementsImport) import = NULL;
  g_autoptr(PlacementsImport) ack = NULL;
  g_autoptr(PlacementsStore) store_a = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ack_path = g_build_filename (fixture->folder, "ack.xml", NULL);
  g_autofree char *answered = NULL;
  g_autofree char *code = NULL;

  /* B imports A's referral with a conflict kept ours, and answers. */
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_ORGANISATION, ORG_A,
                            "name", "Zorggroep De Linde (oud)", "kind",
                            "care-provider", "country", "nl",
                            "exchange-id", "org-a", NULL);
  import = import_file (fixture->store, "valid-referral.xml",
                        PLACEMENTS_RESOLUTION_KEEP_OURS);
  {
    /* With the usual umask, as with none: the answer names the sender's records. */
    mode_t old_mask = umask (022);
    GStatBuf info;
    g_autoptr(GDir) folder = NULL;
    const char *name;

    g_assert_true (placements_import_write_acknowledgement (import, ack_path, &error));
    umask (old_mask);
    g_assert_no_error (error);
    g_assert_cmpint (g_stat (ack_path, &info), ==, 0);
    g_assert_cmpint (info.st_mode & 0777, ==, 0600);
    /* No temporary file beside it. */
    folder = g_dir_open (fixture->folder, 0, &error);
    g_assert_no_error (error);
    while ((name = g_dir_read_name (folder)) != NULL)
      g_assert_false (g_str_has_prefix (name, ".ack.xml."));
  }

  /* A sent the referral, and reads the answer. */
  store_a = open_organisation_store (fixture->folder, "a.db", FALSE);
  placements_exchange_log_message (store_a, REFERRAL_ID, PLACEMENTS_MESSAGE_SENT, "referral",
                                   ORG_B, "2026-03-01T09:00:00Z", NULL, 6, &error);
  g_assert_no_error (error);

  ack = placements_import_new (store_a);
  g_assert_true (placements_import_prepare (ack, ack_path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (placements_import_get_message_kind (ack), ==, "acknowledgement");
  g_assert_cmpstr (placements_import_get_in_reply_to (ack), ==, REFERRAL_ID);
  g_assert_cmpuint (placements_import_get_n_results (ack), ==, 6);
  for (guint i = 0; i < placements_import_get_n_results (ack); i++)
    {
      const PlacementsImportResult *result = placements_import_get_result (ack, i);

      if (g_str_equal (result->record_uuid, ORG_A))
        {
          g_assert_cmpstr (result->code, ==, "warning");
          g_assert_cmpstr (result->rule, ==, "conflict-kept-ours");
        }
      else
        g_assert_cmpstr (result->code, ==, "accepted");
    }
  g_assert_true (placements_import_apply (ack, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  answered = placements_test_query_text (store_a, "SELECT answered FROM exchange_message "
                                                  "WHERE message_id = '" REFERRAL_ID "'");
  g_assert_nonnull (answered);
  code = placements_test_query_text (store_a, "SELECT code FROM exchange_result "
                                              "WHERE record_uuid = '" ORG_A "'");
  g_assert_cmpstr (code, ==, "warning");
}

static void
test_acknowledgement_of_refusal (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = fixture_path ("dangling-reference.xml");
  g_autofree char *ack_path = g_build_filename (fixture->folder, "ack.xml", NULL);
  g_autoptr(PlacementsImport) import = placements_import_new (fixture->store);
  g_autoptr(PlacementsExchangeMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  guint n_rejected = 0;

  g_assert_false (placements_import_prepare (import, path, NULL, NULL, NULL, &error));
  g_clear_error (&error);
  g_assert_true (placements_import_write_acknowledgement (import, ack_path, &error));
  g_assert_no_error (error);

  message = placements_exchange_read (ack_path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (message->results->len, ==, 6);
  for (guint i = 0; i < message->results->len; i++)
    {
      PlacementsExchangeResult *result = g_ptr_array_index (message->results, i);

      g_assert_cmpstr (result->code, ==, "rejected");
      if (g_str_equal (result->rule, "reference-resolves"))
        {
          g_assert_cmpstr (result->record_uuid, ==, STEP);
          n_rejected++;
        }
      else
        g_assert_cmpstr (result->rule, ==, "all-or-nothing");
    }
  g_assert_cmpuint (n_rejected, ==, 1);
}

/* A valid file with a record its own rules refuse (a date that does not exist) is
 * answered too: that record rejected with record-valid, every other one with
 * all-or-nothing, the records after it included. */
static void
test_acknowledgement_of_invalid_record (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autofree char *path = fixture_path ("invalid-date-value.xml");
  g_autofree char *ack_path = g_build_filename (fixture->folder, "ack.xml", NULL);
  g_autoptr(PlacementsImport) import = placements_import_new (fixture->store);
  g_autoptr(PlacementsExchangeMessage) sent = NULL;
  g_autoptr(PlacementsExchangeMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  guint n_rejected = 0;

  g_assert_false (placements_import_prepare (import, path, NULL, NULL, NULL, &error));
  g_assert_nonnull (strstr (error->message, "(rule: record-valid)"));
  g_clear_error (&error);
  g_assert_true (placements_import_write_acknowledgement (import, ack_path, &error));
  g_assert_no_error (error);

  /* Every record of the file has its answer. */
  sent = placements_exchange_read (path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (sent->refusal);
  message = placements_exchange_read (ack_path, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (message->results->len, ==, sent->items->len);
  g_assert_cmpuint (message->results->len, ==, 6);
  for (guint i = 0; i < message->results->len; i++)
    {
      PlacementsExchangeResult *result = g_ptr_array_index (message->results, i);
      PlacementsExchangeItem *item = g_ptr_array_index (sent->items, i);

      g_assert_cmpstr (result->record_uuid, ==, placements_record_get_uuid (item->record));
      g_assert_cmpstr (result->code, ==, "rejected");
      if (g_str_equal (result->rule, "record-valid"))
        {
          g_assert_cmpint ((int) i, ==, sent->refusal_item);
          g_assert_nonnull (strstr (result->message, "invalid-date-value.xml: line "));
          n_rejected++;
        }
      else
        g_assert_cmpstr (result->rule, ==, "all-or-nothing");
    }
  g_assert_cmpuint (n_rejected, ==, 1);
}

static void
test_ack_unknown_message (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = fixture_path ("valid-ack.xml");
  g_autoptr(PlacementsStore) store_a = open_organisation_store (fixture->folder, "a.db", FALSE);
  g_autoptr(PlacementsImport) import = placements_import_new (store_a);
  g_autoptr(GError) error = NULL;

  /* A never sent message 1111…: the answer is refused. */
  g_assert_false (placements_import_prepare (import, path, NULL, NULL, NULL, &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_REFUSED_FILE);
  g_assert_nonnull (strstr (error->message, "(rule: reply-to-sent)"));
}

static void
test_ack_from_elsewhere (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = fixture_path ("valid-ack.xml");
  g_autoptr(PlacementsStore) store_a = open_organisation_store (fixture->folder, "a.db", FALSE);
  g_autoptr(PlacementsImport) import = placements_import_new (store_a);
  g_autoptr(GError) error = NULL;
  const char *org_c = "cccccccc-0000-4000-8000-000000000003";

  /* A sent message 1111… to C; B may not answer it. */
  placements_test_save_new (store_a, PLACEMENTS_TYPE_ORGANISATION, org_c, "name", "Gemeente Zuid",
                            "kind", "municipality", "country", "nl", "exchange-id", "org-c",
                            NULL);
  placements_exchange_log_message (store_a, REFERRAL_ID, PLACEMENTS_MESSAGE_SENT, "referral",
                                   org_c, "2026-03-01T09:00:00Z", NULL, 6, &error);
  g_assert_no_error (error);
  g_assert_false (placements_import_prepare (import, path, NULL, NULL, NULL, &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_REFUSED_FILE);
  g_assert_nonnull (strstr (error->message, "line 10:"));
  g_assert_nonnull (strstr (error->message, "(rule: reply-to-sent)"));
}

static void
test_validate_without_database (void)
{
  static const char *valid[] = { "valid-referral.xml", "valid-update.xml", "valid-ack.xml" };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_autofree char *path = fixture_path (valid[i]);
      g_autoptr(GError) error = NULL;
      g_autoptr(PlacementsExchangeMessage) message = placements_exchange_read (path, 0, NULL,
                                                                               &error);

      g_assert_no_error (error);
      placements_exchange_check_rules (message, NULL, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }
}

static void
test_number_white_space (void)
{
  g_autofree char *path = fixture_path ("valid-referral.xml");
  g_autofree char *contents = NULL;
  g_autofree char *value = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlacementsExchangeMessage) message = NULL;

  /* xs:boolean collapses white space, so the schema accepts " true\n"; so must the
   * reader, though the text form has none. */
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  text = g_string_new (contents);
  g_assert_cmpuint (g_string_replace (text, "<right-to-return>true<",
                                      "<right-to-return> true\n<", 1), ==, 1);
  message = placements_exchange_parse (text->str, text->len, "white-space.xml", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < message->items->len; i++)
    {
      PlacementsExchangeItem *item = g_ptr_array_index (message->items, i);

      if (PLACEMENTS_IS_CLIENT (item->record))
        value = placements_record_dup_field_text (item->record, "right-to-return");
    }
  g_assert_cmpstr (value, ==, "true");
}

/* In Dutch, the refusal is Dutch, with the line and the rule. Run in a subprocess
 * so the other tests keep their English messages. */
static void
test_translated (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
      g_autofree char *path = fixture_path ("dangling-reference.xml");
      g_autoptr(PlacementsExchangeMessage) message = NULL;
      g_autoptr(GError) error = NULL;

      g_setenv ("LANGUAGE", "nl", TRUE);
      setlocale (LC_ALL, "C.UTF-8");
      bindtextdomain (GETTEXT_PACKAGE, locale_dir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

      message = placements_exchange_read (path, 0, NULL, &error);
      g_assert_no_error (error);
      g_assert_false (placements_exchange_check_rules (message, NULL, NULL, NULL, NULL, &error));
      g_print ("%s\n", error->message);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*dangling-reference.xml: regel *: *verwijst naar* "
                             "(controle: reference-resolves)*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (hostile_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/exchange/import/refuses/%s",
                                               hostile_cases[i].test);

      g_test_add (path, Fixture, &hostile_cases[i], fixture_set_up, test_refuses,
                  fixture_tear_down);
    }
  g_test_add ("/exchange/import/referral", Fixture, NULL, fixture_set_up, test_referral,
              fixture_tear_down);
  g_test_add ("/exchange/import/changed-fields", Fixture, NULL, fixture_set_up,
              test_changed_fields, fixture_tear_down);
  g_test_add ("/exchange/import/conflict/digest-base", Fixture, NULL, fixture_set_up,
              test_conflict_digest_base, fixture_tear_down);
  g_test_add ("/exchange/import/conflict/unresolved", Fixture, NULL, fixture_set_up,
              test_conflict_unresolved, fixture_tear_down);
  g_test_add ("/exchange/import/conflict/keep", Fixture,
              GINT_TO_POINTER (PLACEMENTS_RESOLUTION_KEEP_OURS), fixture_set_up,
              test_conflict_resolved, fixture_tear_down);
  g_test_add ("/exchange/import/conflict/take", Fixture,
              GINT_TO_POINTER (PLACEMENTS_RESOLUTION_TAKE_THEIRS), fixture_set_up,
              test_conflict_resolved, fixture_tear_down);
  g_test_add ("/exchange/import/conflict/changed-after-preview", Fixture, NULL, fixture_set_up,
              test_changed_after_preview, fixture_tear_down);
  g_test_add ("/exchange/import/conflict/without-base", Fixture, NULL, fixture_set_up,
              test_conflict_without_base, fixture_tear_down);
  g_test_add ("/exchange/import/own-organisation-kept", Fixture, NULL, fixture_set_up,
              test_own_organisation_kept, fixture_tear_down);
  g_test_add ("/exchange/import/in-thread", Fixture, NULL, fixture_set_up, test_in_thread,
              fixture_tear_down);
  g_test_add ("/exchange/import/cancel", Fixture, NULL, fixture_set_up, test_cancel,
              fixture_tear_down);
  g_test_add ("/exchange/import/progress", Fixture, NULL, fixture_set_up, test_progress,
              fixture_tear_down);
  g_test_add ("/exchange/import/refuses/exchange-id-taken", Fixture, NULL, fixture_set_up,
              test_exchange_id_taken, fixture_tear_down);
  g_test_add ("/exchange/import/consent-from-database", Fixture, NULL, fixture_set_up,
              test_consent_from_database, fixture_tear_down);
  g_test_add ("/exchange/import/refuses/message-id-reused", Fixture, NULL, fixture_set_up,
              test_message_id_reused, fixture_tear_down);
  g_test_add ("/exchange/import/two-at-once", Fixture, NULL, fixture_set_up,
              test_two_imports_at_once, fixture_tear_down);
  g_test_add_func ("/exchange/import/scan-markup", test_scan_markup);
  g_test_add_func ("/exchange/import/refuses/many-attributes-in-memory",
                   test_many_attributes_in_memory);
  g_test_add ("/exchange/acknowledgement/round-trip", Fixture, NULL, fixture_set_up,
              test_acknowledgement, fixture_tear_down);
  g_test_add ("/exchange/import/acknowledgement/over-capacity", Fixture, NULL, fixture_set_up,
              test_acknowledgement_over_capacity, fixture_tear_down);
  g_test_add ("/exchange/acknowledgement/with-its-log", Fixture, NULL, fixture_set_up,
              test_acknowledgement_with_its_log, fixture_tear_down);
  g_test_add ("/exchange/acknowledgement/of-refusal", Fixture, NULL, fixture_set_up,
              test_acknowledgement_of_refusal, fixture_tear_down);
  g_test_add ("/exchange/acknowledgement/of-invalid-record", Fixture, NULL, fixture_set_up,
              test_acknowledgement_of_invalid_record, fixture_tear_down);
  g_test_add ("/exchange/acknowledgement/unknown-message", Fixture, NULL, fixture_set_up,
              test_ack_unknown_message, fixture_tear_down);
  g_test_add ("/exchange/acknowledgement/from-elsewhere", Fixture, NULL, fixture_set_up,
              test_ack_from_elsewhere, fixture_tear_down);
  g_test_add_func ("/exchange/validate/without-database", test_validate_without_database);
  g_test_add_func ("/exchange/import/translated", test_translated);
  g_test_add_func ("/exchange/import/boolean-white-space", test_number_white_space);

  return g_test_run ();
}
