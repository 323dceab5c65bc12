#define G_LOG_DOMAIN "test-exchange-export"

#include "config.h"

#include <signal.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>
#include <string.h>

#include "placements-enums.h"
#include "placements-error.h"
#include "placements-exchange-state.h"
#include "placements-exchange-export.h"
#include "placements-record-types.h"
#include "placements-store-private.h"
#include "placements-store.h"
#include "placements-test-utils.h"

/*
 * A database of a care provider (De Linde) that refers clients to a
 * social-employment company (Noord). Clients with and without a valid consent
 * for Noord; one with a national id, one with an internal note; a pilot with
 * its partners, contact, funding and success criterion.
 */

typedef struct
{
  char            *folder;
  PlacementsStore *store;
  char            *own;
  char            *receiver;
  char            *other;
  char            *funder;
  char            *pilot;
  /* Clients */
  char            *full;        /* valid consent, all categories, in the pilot */
  char            *identity;    /* valid referral consent, identity only */
  char            *expired;
  char            *withdrawn;
  char            *elsewhere;   /* consent for another receiver */
  char            *reporting;   /* consent for reporting only */
  char            *future;      /* consent given from tomorrow */
} Fixture;

static char *today;
static char *yesterday;
static char *tomorrow;

/* Saves a record of @type with the fields given as name, text pairs. */
static char *
make (PlacementsStore *store,
      GType            type,
      ...)
{
  g_autoptr(PlacementsRecord) record = g_object_new (type, NULL);
  g_autoptr(GError) error = NULL;
  const char *name;
  va_list args;

  va_start (args, type);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *text = va_arg (args, const char *);

      placements_record_set_field_text (record, name, text, &error);
      g_assert_no_error (error);
    }
  va_end (args);

  placements_store_save (store, record, &error);
  g_assert_no_error (error);
  return g_strdup (placements_record_get_uuid (record));
}

static char *
make_client (Fixture    *fixture,
             const char *family_name,
             const char *date_of_birth)
{
  return make (fixture->store, PLACEMENTS_TYPE_CLIENT,
               "given-name", "Sam", "family-name", family_name,
               "date-of-birth", date_of_birth, "care-organisation-uuid", fixture->own,
               "target-group", "intellectual-disability",
               "funding-route", "wmo-day-activities",
               "support-question", "Wil graag buiten werken", NULL);
}

static void
make_consent (Fixture    *fixture,
              const char *client,
              const char *receiver,
              const char *purpose,
              const char *categories,
              const char *given,
              const char *expiry,
              const char *withdrawn)
{
  g_autoptr(PlacementsConsent) consent = placements_consent_new ();
  g_autoptr(GError) error = NULL;
  PlacementsRecord *record = PLACEMENTS_RECORD (consent);

  placements_record_set_field_text (record, "client-uuid", client, &error);
  placements_record_set_field_text (record, "receiver-uuid", receiver, &error);
  placements_record_set_field_text (record, "purpose", purpose, &error);
  placements_record_set_field_text (record, "data-categories", categories, &error);
  placements_record_set_field_text (record, "given-by", "client", &error);
  placements_record_set_field_text (record, "given-date", given, &error);
  if (expiry != NULL)
    placements_record_set_field_text (record, "expiry-date", expiry, &error);
  if (withdrawn != NULL)
    placements_record_set_field_text (record, "withdrawn-date", withdrawn, &error);
  g_assert_no_error (error);
  placements_store_save (fixture->store, record, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  PlacementsStore *store;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *supervisor = NULL;
  g_autofree char *coach = NULL;
  g_autofree char *buddy_person = NULL;
  g_autofree char *workplace = NULL;
  g_autofree char *buddy = NULL;
  g_autofree char *unrelated = NULL;

  fixture->folder = placements_test_make_folder ();
  path = g_build_filename (fixture->folder, "placements.db", NULL);
  fixture->store = store = placements_test_open_store (path);

  fixture->own = make (store, PLACEMENTS_TYPE_ORGANISATION, "name", "Zorggroep De Linde",
                       "kind", "care-provider", "country", "nl", "exchange-id", "linde",
                       "city", "Zwolle", NULL);
  fixture->receiver = make (store, PLACEMENTS_TYPE_ORGANISATION, "name", "SW-bedrijf Noord",
                            "kind", "social-employment-company", "country", "nl",
                            "exchange-id", "noord", NULL);
  fixture->other = make (store, PLACEMENTS_TYPE_ORGANISATION, "name", "Gemeente Zuid",
                         "kind", "municipality", "country", "nl", "exchange-id", "zuid",
                         NULL);
  fixture->funder = make (store, PLACEMENTS_TYPE_ORGANISATION, "name", "Fonds Werk",
                          "kind", "funder", "country", "nl", NULL);
  placements_exchange_set_own_organisation (store, fixture->own, &error);
  g_assert_no_error (error);

  supervisor = make (store, PLACEMENTS_TYPE_PERSON, "given-name", "Piet",
                     "family-name", "Werkleider", "organisation-uuid", fixture->receiver,
                     "roles", "work-supervisor", NULL);
  coach = make (store, PLACEMENTS_TYPE_PERSON, "given-name", "Anna", "family-name", "Coach",
                "organisation-uuid", fixture->own, "roles", "job-coach,contact-person", NULL);
  buddy_person = make (store, PLACEMENTS_TYPE_PERSON, "given-name", "Bert",
                       "family-name", "Buddyman", "organisation-uuid", fixture->receiver,
                       "roles", "buddy", NULL);
  unrelated = make (store, PLACEMENTS_TYPE_PERSON, "family-name", "Onbetrokken", NULL);
  workplace = make (store, PLACEMENTS_TYPE_WORKPLACE, "name", "Inpakafdeling",
                    "host-organisation-uuid", fixture->receiver, "kind", "group-work-corner",
                    "capacity", "6", "low-stimulus", "true",
                    "work-supervisor-uuid", supervisor, NULL);
  buddy = make (store, PLACEMENTS_TYPE_BUDDY, "person-uuid", buddy_person,
                "max-clients", "2", NULL);
  fixture->pilot = make (store, PLACEMENTS_TYPE_PILOT, "name", "Werkhoek Noord",
                         "status", "running", "start-date", "2026-01-05",
                         "target-participants", "6", NULL);
  g_free (make (store, PLACEMENTS_TYPE_PILOT_PARTNER, "pilot-uuid", fixture->pilot,
                "organisation-uuid", fixture->other, NULL));
  g_free (make (store, PLACEMENTS_TYPE_PILOT_CONTACT, "pilot-uuid", fixture->pilot,
                "person-uuid", coach, NULL));
  g_free (make (store, PLACEMENTS_TYPE_FUNDING, "pilot-uuid", fixture->pilot,
                "funder-uuid", fixture->funder, "amount-cents", "3500000", NULL));
  g_free (make (store, PLACEMENTS_TYPE_SUCCESS_CRITERION, "pilot-uuid", fixture->pilot,
                "description", "Kostenbesparing", "target",
                "≥ 10% & <5 \"uitvallers\"\r\nper jaar", NULL));

  fixture->full = make (store, PLACEMENTS_TYPE_CLIENT, "given-name", "Jan",
                        "family-name", "Jansen", "date-of-birth", "1990-04-01",
                        "care-organisation-uuid", fixture->own,
                        "national-id", "111222333", "right-to-return", "true",
                        "support-question", "Wil graag buiten werken",
                        "goals", "Betaald werk", NULL);
  make_consent (fixture, fixture->full, fixture->receiver, "placement",
                "identity,support,progress,placements", "2026-01-01", NULL, NULL);
  g_free (make (store, PLACEMENTS_TYPE_PLACEMENT, "client-uuid", fixture->full,
                "workplace-uuid", workplace, "pilot-uuid", fixture->pilot,
                "buddy-uuid", buddy, "supervisor-uuid", coach, "start-date", "2026-01-05",
                "hours-per-week", "12.5", "status", "active", NULL));
  g_free (make (store, PLACEMENTS_TYPE_BUDDY_PAIRING, "buddy-uuid", buddy,
                "client-uuid", fixture->full, "start-date", "2026-01-05", NULL));
  g_free (make (store, PLACEMENTS_TYPE_LADDER_STEP, "client-uuid", fixture->full,
                "date", "2026-01-05", "rung", "3", "assessed-by-uuid", coach, NULL));
  g_free (make (store, PLACEMENTS_TYPE_LADDER_STEP, "client-uuid", fixture->full,
                "date", "2026-06-05", "rung", "4", NULL));
  g_free (make (store, PLACEMENTS_TYPE_PROGRESS_NOTE, "client-uuid", fixture->full,
                "date", "2026-02-01", "kind", "progress-talk", "author-uuid", coach,
                "text", "Gaat goed, meer uren", "shareable", "true", NULL));
  g_free (make (store, PLACEMENTS_TYPE_PROGRESS_NOTE, "client-uuid", fixture->full,
                "date", "2026-02-02", "kind", "evaluation", "author-uuid", unrelated,
                "text", "Geheime interne notitie", "shareable", "false", NULL));

  fixture->identity = make_client (fixture, "Deboer", "1985-07-12");
  make_consent (fixture, fixture->identity, fixture->receiver, "referral", "identity",
                "2026-01-01", NULL, NULL);
  g_free (make (store, PLACEMENTS_TYPE_LADDER_STEP, "client-uuid", fixture->identity,
                "date", "2026-01-05", "rung", "2", NULL));

  fixture->expired = make_client (fixture, "Bakker", "1970-01-01");
  make_consent (fixture, fixture->expired, fixture->receiver, "placement",
                "identity,placements", "2025-01-01", yesterday, NULL);
  fixture->withdrawn = make_client (fixture, "Visser", "1971-01-01");
  make_consent (fixture, fixture->withdrawn, fixture->receiver, "placement",
                "identity,placements", "2025-01-01", NULL, today);
  fixture->elsewhere = make_client (fixture, "Smit", "1972-01-01");
  make_consent (fixture, fixture->elsewhere, fixture->other, "placement",
                "identity,placements", "2025-01-01", NULL, NULL);
  fixture->reporting = make_client (fixture, "Mulder", "1973-03-03");
  make_consent (fixture, fixture->reporting, fixture->receiver, "reporting",
                "progress", "2025-01-01", NULL, NULL);
  g_free (make (store, PLACEMENTS_TYPE_LADDER_STEP, "client-uuid", fixture->reporting,
                "date", "2026-03-05", "rung", "5", NULL));
  fixture->future = make_client (fixture, "Meijer", "1974-01-01");
  make_consent (fixture, fixture->future, fixture->receiver, "placement",
                "identity,placements", tomorrow, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  placements_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->own);
  g_free (fixture->receiver);
  g_free (fixture->other);
  g_free (fixture->funder);
  g_free (fixture->pilot);
  g_free (fixture->full);
  g_free (fixture->identity);
  g_free (fixture->expired);
  g_free (fixture->withdrawn);
  g_free (fixture->elsewhere);
  g_free (fixture->reporting);
  g_free (fixture->future);
}

/* Helpers */

static char *
export_to (Fixture     *fixture,
           const char  *name,
           const char  *pilot,
           gboolean     pseudonymise,
           char       **contents)
{
  g_autoptr(PlacementsExport) export = NULL;
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (fixture->folder, name, NULL);

  export = placements_export_new (fixture->store, "noord", pilot, pseudonymise);
  g_assert_true (placements_export_write (export, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  if (contents != NULL)
    {
      g_file_get_contents (path, contents, NULL, &error);
      g_assert_no_error (error);
    }
  return path;
}

static xmlDocPtr
read_document (const char *contents)
{
  xmlDocPtr document = xmlReadMemory (contents, (int) strlen (contents), "export.xml", NULL,
                                      XML_PARSE_NONET);

  g_assert_nonnull (document);
  return document;
}

static const char *
child_text (xmlNodePtr  node,
            const char *name,
            char      **owned)
{
  for (xmlNodePtr child = node->children; child != NULL; child = child->next)
    if (child->type == XML_ELEMENT_NODE && g_str_equal ((const char *) child->name, name))
      return *owned = (char *) xmlNodeGetContent (child);
  return NULL;
}

/* The records of a message, as UUID → element. */
static GHashTable *
records_by_uuid (xmlDocPtr document)
{
  GHashTable *records = g_hash_table_new_full (g_str_hash, g_str_equal, xmlFree, NULL);
  xmlNodePtr root = xmlDocGetRootElement (document);

  for (xmlNodePtr part = root->children; part != NULL; part = part->next)
    {
      if (part->type != XML_ELEMENT_NODE || !g_str_equal ((const char *) part->name, "records"))
        continue;
      for (xmlNodePtr record = part->children; record != NULL; record = record->next)
        if (record->type == XML_ELEMENT_NODE)
          g_hash_table_insert (records, xmlGetProp (record, BAD_CAST "uuid"), record);
    }
  return records;
}

static guint
count_kind (GHashTable *records,
            const char *kind)
{
  GHashTableIter iter;
  gpointer value;
  guint count = 0;

  g_hash_table_iter_init (&iter, records);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (g_str_equal ((const char *) ((xmlNodePtr) value)->name, kind))
      count++;
  return count;
}

static void
assert_valid (const char *contents)
{
  g_autoptr(GBytes) schema_bytes = NULL;
  g_autoptr(GError) error = NULL;
  xmlSchemaParserCtxtPtr parser;
  xmlSchemaPtr schema;
  xmlSchemaValidCtxtPtr validator;
  xmlDocPtr document = read_document (contents);

  schema_bytes = g_resources_lookup_data ("/org/example/Placements/core/placements-exchange-1.xsd",
                                          G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  parser = xmlSchemaNewMemParserCtxt (g_bytes_get_data (schema_bytes, NULL),
                                      (int) g_bytes_get_size (schema_bytes));
  schema = xmlSchemaParse (parser);
  g_assert_nonnull (schema);
  validator = xmlSchemaNewValidCtxt (schema);
  g_assert_cmpint (xmlSchemaValidateDoc (validator, document), ==, 0);
  xmlSchemaFreeValidCtxt (validator);
  xmlSchemaFree (schema);
  xmlSchemaFreeParserCtxt (parser);
  xmlFreeDoc (document);
}

static const char *
after_header (const char *contents)
{
  const char *end = strstr (contents, "</header>");

  g_assert_nonnull (end);
  return end + strlen ("</header>");
}

/* An a{ss} of field texts as a hash table. */
static GHashTable *
fields_table (GVariant *fields)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GVariantIter iter;
  char *name, *text;

  g_variant_iter_init (&iter, fields);
  while (g_variant_iter_next (&iter, "{ss}", &name, &text))
    g_hash_table_insert (table, name, text);
  return table;
}

/* Tests */

static void
test_consent (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(PlacementsExport) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->folder, "noord.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GHashTable) records = NULL;
  xmlDocPtr document;
  xmlNodePtr record;
  char *text = NULL;

  export = placements_export_new (fixture->store, fixture->receiver, NULL, FALSE);
  g_assert_true (placements_export_write (export, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (placements_export_get_n_clients (export), ==, 2);
  g_assert_cmpuint (placements_export_get_n_left_out (export), ==, 5);
  g_assert_cmpstr (placements_export_get_message_kind (export), ==, "referral");

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  document = read_document (contents);
  records = records_by_uuid (document);
  g_assert_cmpuint (g_hash_table_size (records), ==, placements_export_get_n_records (export));

  /* Only the clients with a valid consent for the receiver travel. */
  g_assert_cmpuint (count_kind (records, "client"), ==, 2);
  g_assert_true (g_hash_table_contains (records, fixture->full));
  g_assert_true (g_hash_table_contains (records, fixture->identity));
  g_assert_null (strstr (contents, "Bakker"));
  g_assert_null (strstr (contents, "Visser"));
  g_assert_null (strstr (contents, "Smit"));
  g_assert_null (strstr (contents, "Mulder"));
  g_assert_null (strstr (contents, "Meijer"));

  /* A consent without "support" keeps the support question home; one without
   * "progress" the ladder. */
  record = g_hash_table_lookup (records, fixture->identity);
  g_assert_null (child_text (record, "support-question", &text));
  record = g_hash_table_lookup (records, fixture->full);
  g_assert_cmpstr (child_text (record, "support-question", &text), ==,
                   "Wil graag buiten werken");
  xmlFree (text);
  g_assert_cmpuint (count_kind (records, "ladder-step"), ==, 2);
  g_assert_cmpuint (count_kind (records, "consent"), ==, 2);

  xmlFreeDoc (document);
}

/* Records of @kind whose client-uuid is @client. */
static guint
count_for_client (GHashTable *records,
                  const char *kind,
                  const char *client)
{
  GHashTableIter iter;
  gpointer value;
  guint count = 0;

  g_hash_table_iter_init (&iter, records);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      xmlNodePtr node = value;
      char *text = NULL;

      if (g_str_equal ((const char *) node->name, kind) &&
          g_strcmp0 (child_text (node, "client-uuid", &text), client) == 0)
        count++;
      xmlFree (text);
    }
  return count;
}

/*
 * Field by field, only what the consents of the counted purposes grant: a referral
 * consent for identity alone sends the client's identity and nothing of its support
 * question, goals or progress, however much a consent for reporting allows.
 */
static void
test_consent_field_by_field (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *client = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  xmlDocPtr document;
  g_autoptr(GHashTable) records = NULL;
  xmlNodePtr record;
  char *text = NULL;

  client = make (fixture->store, PLACEMENTS_TYPE_CLIENT, "given-name", "Noor",
                 "family-name", "Dekker", "date-of-birth", "1992-02-02",
                 "care-organisation-uuid", fixture->own,
                 "support-question", "Zoekt rust en structuur",
                 "goals", "Twee dagdelen per week", NULL);
  g_free (make (fixture->store, PLACEMENTS_TYPE_LADDER_STEP, "client-uuid", client,
                "date", "2026-01-05", "rung", "2", NULL));
  g_free (make (fixture->store, PLACEMENTS_TYPE_PROGRESS_NOTE, "client-uuid", client,
                "date", "2026-02-01", "kind", "progress-talk",
                "text", "Deelbare notitie", "shareable", "true", NULL));
  make_consent (fixture, client, fixture->receiver, "referral", "identity",
                "2026-01-01", NULL, NULL);
  make_consent (fixture, client, fixture->receiver, "reporting",
                "identity,support,progress,placements", "2026-01-01", NULL, NULL);

  path = export_to (fixture, "noord.xml", NULL, FALSE, &contents);
  document = read_document (contents);
  records = records_by_uuid (document);
  record = g_hash_table_lookup (records, client);
  g_assert_nonnull (record);
  g_assert_cmpstr (child_text (record, "family-name", &text), ==, "Dekker");
  xmlFree (text);
  g_assert_null (child_text (record, "support-question", &text));
  g_assert_null (child_text (record, "goals", &text));
  g_assert_cmpuint (count_for_client (records, "ladder-step", client), ==, 0);
  g_assert_cmpuint (count_for_client (records, "progress-note", client), ==, 0);
  g_assert_null (strstr (contents, "Zoekt rust"));
  g_assert_null (strstr (contents, "Deelbare notitie"));
  xmlFreeDoc (document);
  g_clear_pointer (&records, g_hash_table_unref);
  g_clear_pointer (&contents, g_free);
  g_clear_pointer (&path, g_free);

  /* A placement consent adding "support": the support question and the goals go,
   * the ladder still does not. */
  make_consent (fixture, client, fixture->receiver, "placement", "identity,support",
                "2026-01-01", NULL, NULL);
  path = export_to (fixture, "noord.xml", NULL, FALSE, &contents);
  document = read_document (contents);
  records = records_by_uuid (document);
  record = g_hash_table_lookup (records, client);
  g_assert_cmpstr (child_text (record, "support-question", &text), ==,
                   "Zoekt rust en structuur");
  xmlFree (text);
  g_assert_cmpstr (child_text (record, "goals", &text), ==, "Twee dagdelen per week");
  xmlFree (text);
  g_assert_cmpuint (count_for_client (records, "ladder-step", client), ==, 0);
  g_assert_cmpuint (count_for_client (records, "progress-note", client), ==, 0);
  xmlFreeDoc (document);
}

static void
test_never_exported (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_free (export_to (fixture, "noord.xml", NULL, FALSE, &contents));

  g_assert_nonnull (strstr (contents, "Jansen"));
  g_assert_null (strstr (contents, "111222333"));
  g_assert_null (strstr (contents, "national-id"));
  g_assert_null (strstr (contents, "Geheime interne notitie"));
  g_assert_nonnull (strstr (contents, "Gaat goed, meer uren"));
  /* The author of the internal note is not brought along by it. */
  g_assert_null (strstr (contents, "Onbetrokken"));
}

static void
test_references (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_free (export_to (fixture, "noord.xml", NULL, FALSE, &contents));
  xmlDocPtr document = read_document (contents);
  g_autoptr(GHashTable) records = records_by_uuid (document);
  GHashTableIter iter;
  gpointer value;
  guint n_references = 0;

  g_hash_table_iter_init (&iter, records);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      xmlNodePtr record = value;

      for (xmlNodePtr child = record->children; child != NULL; child = child->next)
        {
          g_autofree char *text = NULL;

          if (child->type != XML_ELEMENT_NODE
              || !g_str_has_suffix ((const char *) child->name, "-uuid"))
            continue;
          text = (char *) xmlNodeGetContent (child);
          if (!g_hash_table_contains (records, text))
            g_error ("%s %s: %s %s is not in the message", record->name,
                     xmlGetProp (record, BAD_CAST "uuid"), child->name, text);
          n_references++;
        }
    }
  g_assert_cmpuint (n_references, >, 20);

  /* Sender, receiver, the pilot's partner and funder; the pilot travels whole. */
  g_assert_true (g_hash_table_contains (records, fixture->own));
  g_assert_true (g_hash_table_contains (records, fixture->receiver));
  g_assert_true (g_hash_table_contains (records, fixture->other));
  g_assert_true (g_hash_table_contains (records, fixture->funder));
  g_assert_true (g_hash_table_contains (records, fixture->pilot));
  g_assert_cmpuint (count_kind (records, "pilot-partner"), ==, 1);
  g_assert_cmpuint (count_kind (records, "pilot-contact"), ==, 1);
  g_assert_cmpuint (count_kind (records, "funding"), ==, 1);
  g_assert_cmpuint (count_kind (records, "success-criterion"), ==, 1);
  g_assert_cmpuint (count_kind (records, "workplace"), ==, 1);
  g_assert_cmpuint (count_kind (records, "buddy"), ==, 1);
  g_assert_cmpuint (count_kind (records, "buddy-pairing"), ==, 1);
  g_assert_cmpuint (count_kind (records, "placement"), ==, 1);
  g_assert_cmpuint (count_kind (records, "progress-note"), ==, 1);
  xmlFreeDoc (document);
}

static void
test_schema (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_autofree char *report = NULL;
  g_free (export_to (fixture, "noord.xml", NULL, FALSE, &contents));
  g_free (export_to (fixture, "report.xml", NULL, TRUE, &report));

  assert_valid (contents);
  assert_valid (report);
  g_assert_true (g_str_has_prefix (contents, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                   "<message xmlns=\"urn:example:placements:exchange:1\">\n"
                                   "  <header>\n    <kind>referral</kind>\n"));
}

/* Kinds in dependency order, then UUIDs: the order a reader can rely on. */
static void
test_order (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_free (export_to (fixture, "noord.xml", NULL, FALSE, &contents));
  xmlDocPtr document = read_document (contents);
  xmlNodePtr records = xmlDocGetRootElement (document)->children;
  guint n_types;
  const GType *types = placements_store_get_record_types (&n_types);
  g_autofree char *last_uuid = NULL;
  int last_kind = -1;

  while (records != NULL && (records->type != XML_ELEMENT_NODE
                             || !g_str_equal ((const char *) records->name, "records")))
    records = records->next;
  g_assert_nonnull (records);
  for (xmlNodePtr record = records->children; record != NULL; record = record->next)
    {
      g_autofree char *uuid = NULL;
      int kind = -1;

      if (record->type != XML_ELEMENT_NODE)
        continue;
      for (guint t = 0; t < n_types; t++)
        {
          g_autoptr(PlacementsRecordClass) klass = g_type_class_ref (types[t]);

          if (g_str_equal (placements_record_class_get_kind (klass), (const char *) record->name))
            kind = (int) t;
        }
      g_assert_cmpint (kind, >=, last_kind);
      uuid = (char *) xmlGetProp (record, BAD_CAST "uuid");
      if (kind == last_kind)
        g_assert_cmpstr (last_uuid, <, uuid);
      last_kind = kind;
      g_free (last_uuid);
      last_uuid = g_steal_pointer (&uuid);
    }
  xmlFreeDoc (document);
}

static void
test_deterministic (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_free (export_to (fixture, "first.xml", NULL, FALSE, &first));
  g_free (export_to (fixture, "second.xml", NULL, FALSE, &second));

  /* The header differs (message id, time, and now "update"); nothing else does. */
  g_assert_cmpstr (first, !=, second);
  g_assert_nonnull (strstr (second, "<kind>update</kind>"));
  g_assert_cmpstr (after_header (first), ==, after_header (second));
}

static void
cancel_cb (double      fraction,
           const char *stage,
           gpointer    user_data)
{
  GCancellable *cancellable = user_data;

  g_assert_nonnull (stage);
  if (fraction > 0.0)
    g_cancellable_cancel (cancellable);
}

static guint
count_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  guint count = 0;

  while (g_dir_read_name (dir) != NULL)
    count++;
  return count;
}

typedef struct
{
  guint n_calls;
  guint kill_at;
} KillPoint;

static void
kill_at_progress (double      fraction,
                  const char *stage,
                  gpointer    user_data)
{
  KillPoint *point = user_data;

  if (++point->n_calls == point->kill_at)
    raise (SIGKILL);
}

/*
 * An export killed at any moment it reports progress (selecting, every stretch of
 * writing, saving): no file at the target, no temporary file with its data beside
 * it, and no message logged as sent. Each kill runs in a child process of its own.
 */
static void
test_killed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *db = g_strdup (placements_store_get_path (fixture->store));
  g_autofree char *folder = g_build_filename (fixture->folder, "out", NULL);
  g_autofree char *path = g_build_filename (folder, "noord.xml", NULL);
  g_autoptr(PlacementsExport) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sent = NULL;
  guint n_points = 0;

  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);

  /* How many times an export reports progress. */
  {
    KillPoint count = { 0, 0 };

    export = placements_export_new (fixture->store, "noord", NULL, FALSE);
    g_assert_true (placements_export_write (export, path, kill_at_progress, &count, NULL,
                                            &error));
    g_assert_no_error (error);
    n_points = count.n_calls;
    g_assert_cmpint (g_unlink (path), ==, 0);
    g_assert_cmpint (sqlite3_exec (placements_store_get_connection (fixture->store),
                                   "DELETE FROM exchange_message; DELETE FROM exchange_base",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    g_clear_object (&export);
  }
  g_assert_cmpuint (n_points, >=, 3);

  for (guint k = 1; k <= n_points; k++)
    {
      pid_t child = fork ();
      int status = 0;

      g_assert_cmpint (child, >=, 0);
      if (child == 0)
        {
          PlacementsStore *store = placements_store_open (db, NULL);
          PlacementsExport *in_child = placements_export_new (store, "noord", NULL, FALSE);
          KillPoint point = { 0, k };

          placements_export_write (in_child, path, kill_at_progress, &point, NULL, NULL);
          _exit (3);
        }
      g_assert_cmpint (waitpid (child, &status, 0), ==, child);
      g_assert_true (WIFSIGNALED (status));

      g_assert_cmpuint (count_files (folder), ==, 0);
      sent = placements_test_query_text (fixture->store,
                                         "SELECT count(*) FROM exchange_message");
      g_assert_cmpstr (sent, ==, "0");
      g_clear_pointer (&sent, g_free);
    }

  /* And then it works, leaving the file and nothing else, private whatever the umask. */
  {
    mode_t old_mask = umask (0);
    GStatBuf info;

    export = placements_export_new (fixture->store, "noord", NULL, FALSE);
    g_assert_true (placements_export_write (export, path, NULL, NULL, NULL, &error));
    umask (old_mask);
    g_assert_no_error (error);
    g_assert_cmpint (g_stat (path, &info), ==, 0);
    g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  }
  g_assert_cmpuint (count_files (folder), ==, 1);
  sent = placements_test_query_text (fixture->store, "SELECT count(*) FROM exchange_message");
  g_assert_cmpstr (sent, ==, "1");
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PlacementsExport) export = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->folder, "noord.xml", NULL);
  g_autoptr(PlacementsExchangeBase) base = NULL;
  guint files = count_files (fixture->folder);

  export = placements_export_new (fixture->store, "noord", NULL, FALSE);
  g_assert_false (placements_export_write (export, path, cancel_cb, cancellable, cancellable,
                                           &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* No file, no temporary file, and nothing remembered as sent. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (fixture->folder), ==, files);
  g_assert_null (placements_export_get_message_id (export));
  base = placements_exchange_dup_base (fixture->store, fixture->full, fixture->receiver,
                                       "client");
  g_assert_null (base);
  g_assert_false (placements_store_in_transaction (fixture->store));

  /* The same export, not cancelled, is a referral still. */
  g_clear_error (&error);
  g_clear_object (&export);
  export = placements_export_new (fixture->store, "noord", NULL, FALSE);
  g_assert_true (placements_export_write (export, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (placements_export_get_message_kind (export), ==, "referral");
}

static void
test_write_error (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(PlacementsExport) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->folder, "missing", "noord.xml", NULL);
  g_autoptr(PlacementsClient) client = NULL;
  guint files = count_files (fixture->folder);

  export = placements_export_new (fixture->store, "noord", NULL, FALSE);
  g_assert_false (placements_export_write (export, path, NULL, NULL, NULL, &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO);
  g_clear_error (&error);

  /* A character XML cannot carry stops the export half-way; nothing is left. */
  client = placements_store_load (fixture->store, PLACEMENTS_TYPE_CLIENT, fixture->full, &error);
  g_assert_no_error (error);
  placements_client_set_goals (client, "Betaald\001werk");
  if (!placements_store_save (fixture->store, PLACEMENTS_RECORD (client), &error))
    {
      /* The store refuses control characters; another program writing the database
       * need not. */
      g_autofree char *sql =
        g_strdup_printf ("UPDATE client SET goals = 'Betaald' || char(1) || 'werk' "
                         "WHERE uuid = '%s'", fixture->full);

      g_test_message ("The store refuses control characters: %s", error->message);
      g_clear_error (&error);
      g_assert_cmpint (sqlite3_exec (placements_store_get_connection (fixture->store), sql,
                                     NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_free (path);
  path = g_build_filename (fixture->folder, "noord.xml", NULL);
  g_assert_false (placements_export_write (export, path, NULL, NULL, NULL, &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD);
  g_assert_nonnull (strstr (error->message, fixture->full));
  g_assert_cmpuint (count_files (fixture->folder), ==, files);
}

static void
test_errors (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->folder, "x.xml", NULL);
  PlacementsExport *export;
  sqlite3_stmt *statement;

  export = placements_export_new (fixture->store, "nowhere", NULL, FALSE);
  g_assert_false (placements_export_write (export, path, NULL, NULL, NULL, &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&export);

  /* The funder has no exchange id: it cannot be named in a header. */
  export = placements_export_new (fixture->store, fixture->funder, NULL, FALSE);
  g_assert_false (placements_export_write (export, path, NULL, NULL, NULL, &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD);
  g_assert_nonnull (strstr (error->message, "Fonds Werk"));
  g_clear_error (&error);
  g_clear_object (&export);

  export = placements_export_new (fixture->store, "linde", NULL, FALSE);
  g_assert_false (placements_export_write (export, path, NULL, NULL, NULL, &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD);
  g_clear_error (&error);
  g_clear_object (&export);

  export = placements_export_new (fixture->store, "noord", fixture->full, FALSE);
  g_assert_false (placements_export_write (export, path, NULL, NULL, NULL, &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&export);

  statement = placements_store_prepare (fixture->store, "DELETE FROM setting", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_DONE);
  sqlite3_reset (statement);
  export = placements_export_new (fixture->store, "noord", NULL, FALSE);
  g_assert_false (placements_export_write (export, path, NULL, NULL, NULL, &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NOT_FOUND);
  g_clear_object (&export);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_pilot (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *contents = NULL;
  g_free (export_to (fixture, "pilot.xml", fixture->pilot, FALSE, &contents));
  xmlDocPtr document = read_document (contents);
  g_autoptr(GHashTable) records = records_by_uuid (document);

  g_assert_cmpuint (count_kind (records, "client"), ==, 1);
  g_assert_true (g_hash_table_contains (records, fixture->full));
  g_assert_true (g_hash_table_contains (records, fixture->pilot));
  xmlFreeDoc (document);
}

static void
test_report (Fixture       *fixture,
             gconstpointer  data)
{
  static const char * const names[] = {
    "Jansen", "Deboer", "Bakker", "Visser", "Smit", "Mulder", "Meijer", "Werkleider",
    "Buddyman", "Coach", "1990-04-01", "111222333", "Sam", NULL
  };
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_free (export_to (fixture, "first.xml", NULL, TRUE, &first));
  g_free (export_to (fixture, "second.xml", NULL, TRUE, &second));
  g_autofree char *full_code = placements_export_participant_code (fixture->full, "noord");
  g_autofree char *reporting_code = placements_export_participant_code (fixture->reporting,
                                                                        "noord");
  g_autofree char *other_code = placements_export_participant_code (fixture->full, "zuid");
  g_autofree char *expected = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    if (strstr (first, names[i]) != NULL)
      g_error ("The report holds “%s”", names[i]);

  /* Codes are stable per receiver, and differ between receivers. */
  g_assert_true (g_str_has_prefix (full_code, "P-"));
  g_assert_cmpuint (strlen (full_code), ==, 14);
  g_assert_cmpstr (full_code, !=, other_code);
  expected = g_strdup_printf ("<participant code=\"%s\">", full_code);
  g_assert_nonnull (strstr (first, expected));
  g_assert_nonnull (strstr (first, reporting_code));
  g_assert_nonnull (strstr (first, "<birth-year>1990</birth-year>"));
  g_assert_nonnull (strstr (first, "<kind>report</kind>"));
  g_assert_nonnull (strstr (first, "Werkhoek Noord"));
  g_assert_cmpstr (after_header (first), ==, after_header (second));
}

/* The fast path writes each field as placements_record_dup_field_text() would,
 * and the base remembers exactly what was sent: as a digest, which matches the
 * text sent of every travelling field (empty when not sent) and nothing else. */
static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
test_state (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(PlacementsExport) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->folder, "noord.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GHashTable) records = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) clients = NULL;
  g_autoptr(GString) carried = g_string_new (NULL);
  PlacementsAuditEvent *event;
  sqlite3_stmt *statement;
  GHashTableIter iter;
  gpointer key, value;
  xmlDocPtr document;

  export = placements_export_new (fixture->store, "noord", NULL, FALSE);
  g_assert_true (placements_export_write (export, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  document = read_document (contents);
  records = records_by_uuid (document);

  g_hash_table_iter_init (&iter, records);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      xmlNodePtr node = value;
      GType type = placements_store_find_record_type ((const char *) node->name);
      g_autoptr(PlacementsRecord) record = placements_store_load (fixture->store, type, key,
                                                                  &error);
      g_autoptr(GVariant) fields = NULL;
      g_autoptr(PlacementsExchangeBase) base = NULL;
      g_autoptr(GHashTable) expected = NULL;
      PlacementsRecordClass *klass;
      GHashTableIter field_iter;
      gpointer name, text;

      g_assert_no_error (error);
      fields = g_variant_ref_sink (placements_exchange_record_fields (record));
      base = placements_exchange_dup_base (fixture->store, key, fixture->receiver,
                                           (const char *) node->name);
      g_assert_nonnull (base);
      expected = fields_table (fields);
      /* Sent without the support question its consent does not cover. */
      if (g_str_equal (key, fixture->identity))
        g_assert_true (g_hash_table_remove (expected, "support-question"));

      g_assert_null (placements_exchange_base_get_text (base, "uuid"));
      klass = PLACEMENTS_RECORD_GET_CLASS (record);
      for (guint i = 0; i < placements_record_class_get_n_fields (klass); i++)
        {
          const PlacementsField *field = placements_record_class_get_field (klass, i);
          const char *sent;

          if ((field->flags & PLACEMENTS_FIELD_NEVER_EXPORTED) != 0)
            continue;
          sent = g_hash_table_lookup (expected, field->pspec->name);
          sent = sent != NULL ? sent : "";
          g_assert_true (placements_exchange_base_has (base, field->pspec->name, sent));
          g_assert_false (placements_exchange_base_has (base, field->pspec->name,
                                                        "not what was sent"));
          if (*sent != '\0')
            g_assert_false (placements_exchange_base_has (base, field->pspec->name, ""));
        }
      g_hash_table_iter_init (&field_iter, expected);
      while (g_hash_table_iter_next (&field_iter, &name, &text))
        {
          g_autofree char *element_text = NULL;

          g_assert_cmpstr (child_text (node, name, &element_text), ==, text);
        }
    }
  clients = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, records);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_str_equal ((const char *) ((xmlNodePtr) value)->name, "client"))
      g_ptr_array_add (clients, key);
  g_assert_cmpuint (clients->len, >, 0);
  g_ptr_array_sort (clients, compare_strings);
  for (guint i = 0; i < clients->len; i++)
    g_string_append_printf (carried, "%s%s", i > 0 ? "," : "",
                            (const char *) g_ptr_array_index (clients, i));
  xmlFreeDoc (document);

  g_assert_true (placements_exchange_has_message (fixture->store,
                                                  placements_export_get_message_id (export)));
  statement = placements_store_prepare (fixture->store,
                                        "SELECT kind, direction, partner_uuid, n_records "
                                        "FROM exchange_message WHERE message_id = ?", &error);
  g_assert_no_error (error);
  sqlite3_bind_text (statement, 1, placements_export_get_message_id (export), -1,
                     SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (statement, 0), ==, "referral");
  g_assert_cmpstr ((const char *) sqlite3_column_text (statement, 1), ==, "sent");
  g_assert_cmpstr ((const char *) sqlite3_column_text (statement, 2), ==, fixture->receiver);
  g_assert_cmpint (sqlite3_column_int (statement, 3), ==,
                   (int) placements_export_get_n_records (export));
  sqlite3_reset (statement);

  events = placements_store_find (fixture->store, PLACEMENTS_TYPE_AUDIT_EVENT, "action",
                                  "export", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  event = g_ptr_array_index (events, 0);
  g_assert_cmpstr (placements_audit_event_get_record_kind (event), ==, "message");
  /* The entry names the clients carried, in UUID order, and the message in its detail. */
  g_assert_cmpstr (placements_audit_event_get_record_uuids (event), ==, carried->str);
  g_assert_nonnull (strstr (placements_audit_event_get_detail (event),
                            placements_export_get_message_id (export)));
  /* Audit events never travel. */
  g_assert_null (strstr (contents, "audit"));
}

/* The command line: counts on success, one translated line and status 1 on a
 * refusal, status 2 on a usage error. */
static int
run_cli (Fixture     *fixture,
         const char  *language,
         char       **out,
         char       **err,
         ...)
{
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "..", "src", "cli",
                                                    "placements-cli", NULL);
  g_autofree char *db = g_build_filename (fixture->folder, "placements.db", NULL);
  g_autofree char *localedir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *arg;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, program);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, db);
  va_start (args, err);
  while ((arg = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  envp = g_environ_setenv (envp, "LANGUAGE", language, TRUE);
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  envp = g_environ_setenv (envp, "PLACEMENTS_LOCALEDIR", localedir, TRUE);
  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                out, err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("placements-cli: %s%s", *out, *err);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->folder, "noord.xml", NULL);
  g_autofree char *program = g_test_build_filename (G_TEST_BUILT, "..", "src", "cli",
                                                    "placements-cli", NULL);
  char *out = NULL;
  char *err = NULL;

  if (!g_file_test (program, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("placements-cli is not built");
      return;
    }

  g_assert_cmpint (run_cli (fixture, "C", &out, &err, "own-organisation", NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, fixture->own));
  g_assert_nonnull (strstr (out, "\tlinde\tZorggroep De Linde\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (fixture, "C", &out, &err, "export", path, "--to", "noord", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "Wrote a referral message to "));
  g_assert_nonnull (strstr (out, "2 clients with a valid consent.\n"));
  g_assert_nonnull (strstr (out, "5 clients left out"));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (fixture, "C", &out, &err, "export", path, NULL), ==, 2);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* Refused in Dutch, on one line. */
  g_assert_cmpint (run_cli (fixture, "nl", &out, &err, "export", path, "--to", "nergens", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "Er is geen organisatie"));
  g_assert_cmpstr (strchr (err, '\n'), ==, err + strlen (err) - 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (run_cli (fixture, "nl", &out, &err, "export", path, "--to", "noord", NULL),
                   ==, 0);
  g_assert_nonnull (strstr (out, "Een updatebericht geschreven naar "));
  g_assert_nonnull (strstr (out, "2 cliënten met een geldige toestemming"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
}

/* The schema's record types follow the record declarations, field by field, and
 * the partners' documentation follows the schema. */
static xmlNodePtr
find_schema_child (xmlNodePtr  parent,
                   const char *element,
                   const char *name)
{
  for (xmlNodePtr child = parent->children; child != NULL; child = child->next)
    {
      g_autofree char *child_name = NULL;

      if (child->type != XML_ELEMENT_NODE || !g_str_equal ((const char *) child->name, element))
        continue;
      child_name = (char *) xmlGetProp (child, BAD_CAST "name");
      if (name == NULL || g_strcmp0 (child_name, name) == 0)
        return child;
    }
  return NULL;
}

static GPtrArray *
schema_elements (xmlNodePtr type)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (xmlFree);
  xmlNodePtr sequence = find_schema_child (type, "sequence", NULL);

  g_assert_nonnull (sequence);
  for (xmlNodePtr element = sequence->children; element != NULL; element = element->next)
    if (element->type == XML_ELEMENT_NODE)
      g_ptr_array_add (names, xmlGetProp (element, BAD_CAST "name"));
  return names;
}

static GPtrArray *
documented_elements (const char *doc,
                     const char *kind)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *heading = g_strdup_printf ("\n### `%s`\n", kind);
  const char *section = strstr (doc, heading);
  g_auto(GStrv) lines = NULL;

  g_assert_nonnull (section);
  lines = g_strsplit (section + strlen (heading), "\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i][0] != '#'; i++)
    if (g_str_has_prefix (lines[i], "| `"))
      {
        const char *start = lines[i] + 3;

        g_ptr_array_add (names, g_strndup (start, strcspn (start, "`")));
      }
  return names;
}

static void
test_schema_matches_fields (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *doc = NULL;
  g_autofree char *doc_path = g_test_build_filename (G_TEST_DIST, "..", "docs",
                                                     "exchange-format.md", NULL);
  xmlDocPtr schema;
  xmlNodePtr root, records;
  guint n_types, n_kinds = 0;

  bytes = g_resources_lookup_data ("/org/example/Placements/core/placements-exchange-1.xsd",
                                   G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_file_get_contents (doc_path, &doc, NULL, &error);
  g_assert_no_error (error);
  schema = xmlReadMemory (g_bytes_get_data (bytes, NULL), (int) g_bytes_get_size (bytes),
                          "schema.xsd", NULL, XML_PARSE_NONET | XML_PARSE_NOBLANKS);
  root = xmlDocGetRootElement (schema);
  records = find_schema_child (find_schema_child (root, "complexType", "records"),
                               "choice", NULL);
  g_assert_nonnull (records);
  placements_store_get_record_types (&n_types);

  for (xmlNodePtr choice = records->children; choice != NULL; choice = choice->next)
    {
      g_autofree char *kind = NULL;
      g_autoptr(PlacementsRecordClass) klass = NULL;
      g_autoptr(GPtrArray) in_schema = NULL;
      g_autoptr(GPtrArray) in_doc = NULL;
      GType type;
      guint e = 0;

      if (choice->type != XML_ELEMENT_NODE)
        continue;
      kind = (char *) xmlGetProp (choice, BAD_CAST "name");
      type = placements_store_find_record_type (kind);
      g_assert_true (type != G_TYPE_INVALID);
      klass = g_type_class_ref (type);
      in_schema = schema_elements (find_schema_child (root, "complexType", kind));
      for (guint i = 0; i < placements_record_class_get_n_fields (klass); i++)
        {
          const PlacementsField *field = placements_record_class_get_field (klass, i);

          if ((field->flags & PLACEMENTS_FIELD_NEVER_EXPORTED) != 0)
            continue;
          g_assert_cmpuint (e, <, in_schema->len);
          g_assert_cmpstr (g_ptr_array_index (in_schema, e), ==, field->pspec->name);
          e++;
        }
      g_assert_cmpuint (e, ==, in_schema->len);

      in_doc = documented_elements (doc, kind);
      g_assert_cmpuint (in_doc->len, ==, in_schema->len);
      for (guint i = 0; i < in_doc->len; i++)
        g_assert_cmpstr (g_ptr_array_index (in_doc, i), ==, g_ptr_array_index (in_schema, i));
      n_kinds++;
    }
  /* Every kind but allocations, attendance and audit events travels. */
  g_assert_cmpuint (n_kinds, ==, n_types - 3);
  xmlFreeDoc (schema);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) before = g_date_time_add_days (now, -1);
  g_autoptr(GDateTime) after = g_date_time_add_days (now, 1);
  int result;

  g_test_init (&argc, &argv, NULL);
  today = g_date_time_format (now, "%Y-%m-%d");
  yesterday = g_date_time_format (before, "%Y-%m-%d");
  tomorrow = g_date_time_format (after, "%Y-%m-%d");

#define ADD(path, function) \
  g_test_add (path, Fixture, NULL, fixture_set_up, function, fixture_tear_down)

  ADD ("/exchange/export/consent", test_consent);
  ADD ("/exchange/export/consent-field-by-field", test_consent_field_by_field);
  ADD ("/exchange/export/never-exported", test_never_exported);
  ADD ("/exchange/export/references", test_references);
  ADD ("/exchange/export/schema", test_schema);
  ADD ("/exchange/export/order", test_order);
  ADD ("/exchange/export/deterministic", test_deterministic);
  ADD ("/exchange/export/cancel", test_cancel);
  ADD ("/exchange/export/killed", test_killed);
  ADD ("/exchange/export/write-error", test_write_error);
  ADD ("/exchange/export/errors", test_errors);
  ADD ("/exchange/export/pilot", test_pilot);
  ADD ("/exchange/export/report", test_report);
  ADD ("/exchange/export/state", test_state);
  ADD ("/exchange/export/cli", test_cli);

#undef ADD

  g_test_add_func ("/exchange/export/schema-matches-fields", test_schema_matches_fields);

  result = g_test_run ();
  g_free (today);
  g_free (yesterday);
  g_free (tomorrow);
  xmlCleanupParser ();
  return result;
}
