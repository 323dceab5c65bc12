#define G_LOG_DOMAIN "placements-test-records"

#include "config.h"

#include <math.h>
#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <libglib-testing/signal-logger.h>
#include <sqlite3.h>

#include "placements-enum-types.h"
#include "placements-error.h"
#include "placements-record-types.h"
#include "placements-store.h"
#include "placements-test-utils.h"

/*
 * The record types through the store, one database per test: every type is written,
 * read back field by field, updated, refused and deleted; the per-type rules refuse
 * what they should and name the field; a refused write leaves the database as it
 * was; the schema's CHECK constraints agree with the C enums.
 */

/* One more than the most fields a record type has (placement: 15). */
#define MAX_FIELDS 18

typedef struct
{
  const char *name;
  /* "$name" stands for the UUID of a record of the fixture's graph. */
  const char *text;
} FieldText;

typedef struct
{
  const char *kind;
  /* Every field of the type, each with a valid value that is not its default. */
  FieldText   fields[MAX_FIELDS];
  FieldText   update;
  /* Accepted by placements_record_set_field_text(), refused on save. */
  FieldText   invalid;
} RecordCase;

static const RecordCase record_cases[] = {
  { "organisation",
    { { "name", "Maatwerkbedrijf Kempen" },
      { "kind", "social-employment-company" },
      { "country", "be" },
      { "registry-number", "0403.170.701" },
      { "street", "Industrieweg 12" },
      { "postcode", "2440" },
      { "city", "Geel" },
      { "exchange-id", "be.kempen:01" },
      { "notes", "Werkt samen met negen OCMW’s in de regio." } },
    { "city", "Mol" },
    { "postcode", "12345" } },
  { "person",
    { { "given-name", "Fatma" },
      { "family-name", "Çelik" },
      { "organisation-uuid", "$host" },
      { "roles", "work-supervisor,buddy" },
      { "email", "f.celik@example.org" },
      { "phone", "+31 6 1234 5678" } },
    { "phone", "06-87654321" },
    { "email", "f.celik@" } },
  { "client",
    { { "given-name", "Jan" },
      { "family-name", "de Vries" },
      { "date-of-birth", "1990-05-17" },
      { "care-organisation-uuid", "$care" },
      { "target-group", "intellectual-disability" },
      { "funding-route", "wmo-day-activities" },
      { "national-id", "111222333" },
      { "income-situation", "disability-benefit" },
      { "right-to-return", "true" },
      { "right-to-return-until", "2027-12-31" },
      { "support-question", "Wil werken met de handen, in een rustige omgeving." },
      { "goals", "Over een jaar vier dagdelen in de inpakafdeling." },
      { "needs-low-stimulus", "true" } },
    { "goals", "Over een jaar betaald werk met loonkostensubsidie." },
    { "national-id", "123456789" } },
  { "ladder-step",
    { { "client-uuid", "$client" },
      { "date", "2026-03-01" },
      { "rung", "3" },
      { "assessed-by-uuid", "$supervisor" } },
    { "rung", "4" },
    /* The base class, not the type, says that 0 is no rung. */
    { "rung", "0" } },
  { "allocation",
    { { "client-uuid", "$client" },
      { "funder-uuid", "$funder" },
      { "product", "Dagbesteding" },
      { "product-code", "07A08" },
      { "volume", "4.5" },
      { "unit", "day-part" },
      { "period", "week" },
      { "start-date", "2026-01-01" },
      { "end-date", "2026-12-31" },
      { "reference", "WMO-2026-001" } },
    { "volume", "6" },
    { "end-date", "2025-12-31" } },
  { "workplace",
    { { "name", "Werkhoek inpakafdeling" },
      { "host-organisation-uuid", "$host" },
      { "street", "Fabrieksstraat 3" },
      { "postcode", "5611 AB" },
      { "city", "Eindhoven" },
      { "department", "Inpak" },
      { "kind", "group-work-corner" },
      { "capacity", "6" },
      { "tasks", "Inpakken, vogelhuisjes maken" },
      { "low-stimulus", "true" },
      { "work-supervisor-uuid", "$supervisor" },
      { "opening-hours", "ma-vr 9:00-15:00" } },
    { "capacity", "8" },
    { "postcode", "AB 1234" } },
  { "attendance",
    { { "client-uuid", "$client" },
      { "date", "2026-03-02" },
      { "day-part", "afternoon" },
      { "workplace-uuid", "$workplace" },
      { "location", "Werkhoek" },
      { "status", "absent-ill" },
      { "registered-by", "coordinator" },
      { "registered-at", "2026-03-02T09:15:00Z" } },
    { "status", "present" },
    { "date", "2026-02-30" } },
  { "buddy",
    { { "person-uuid", "$free-person" },
      { "department", "Inpak" },
      { "training-date", "2026-01-15" },
      { "max-clients", "3" },
      { "notes", "Groeit zelf ook: leidt nu het werkoverleg." } },
    { "max-clients", "2" },
    { "training-date", "15-01-2026" } },
  { "buddy-pairing",
    { { "buddy-uuid", "$buddy" },
      { "client-uuid", "$client" },
      { "start-date", "2026-02-01" },
      { "end-date", "2026-08-01" } },
    { "end-date", "2026-09-01" },
    { "end-date", "2026-01-31" } },
  { "pilot",
    { { "name", "Werkhoek SW-bedrijf" },
      { "start-date", "2026-03-02" },
      { "evaluation-date", "2026-09-01" },
      { "scale-up-date", "2027-01-01" },
      { "target-participants", "6" },
      { "status", "running" },
      { "evaluation-notes", "Zes cliënten, allen gewend na vier weken." } },
    { "status", "evaluated" },
    { "evaluation-date", "2026-03-01" } },
  { "pilot-partner",
    { { "pilot-uuid", "$pilot" },
      { "organisation-uuid", "$host" },
      { "role", "Penvoerder" } },
    { "organisation-uuid", "$care" },
    { "organisation-uuid", "not-a-uuid" } },
  { "pilot-contact",
    { { "pilot-uuid", "$pilot" },
      { "person-uuid", "$supervisor" } },
    { "person-uuid", "$free-person" },
    { "person-uuid", "" } },
  { "funding",
    { { "pilot-uuid", "$pilot" },
      { "funder-uuid", "$funder" },
      { "amount-cents", "3500000" },
      { "start-date", "2026-01-01" },
      { "end-date", "2026-12-31" },
      { "reference", "SUB-2026-12" },
      { "reporting-obligation", "Rapportage per kwartaal op de drie criteria" } },
    { "amount-cents", "4000000" },
    { "end-date", "2025-06-30" } },
  { "success-criterion",
    { { "pilot-uuid", "$pilot" },
      { "description", "Kostenbesparing" },
      { "target", "10%" },
      { "measured", "12%" },
      { "measure", "to-work" } },
    { "measured", "14%" },
    { "description", "" } },
  { "placement",
    { { "client-uuid", "$client" },
      { "workplace-uuid", "$workplace" },
      { "pilot-uuid", "$pilot" },
      { "buddy-uuid", "$buddy" },
      { "supervisor-uuid", "$supervisor" },
      { "start-date", "2026-03-02" },
      { "planned-end-date", "2026-09-01" },
      { "actual-end-date", "2026-08-15" },
      { "hours-per-week", "16.5" },
      { "day-pattern", "21" },
      { "status", "ended" },
      { "end-reason", "as-planned" },
      { "outcome", "regular-job" },
      { "follow-up-6-months", "regular-job" },
      { "follow-up-12-months", "job-with-wage-subsidy" },
      { "follow-up-6-months-date", "2027-02-15" },
      { "follow-up-12-months-date", "2027-08-15" } },
    { "outcome", "sheltered-work" },
    { "end-reason", "" } },
  { "progress-note",
    { { "client-uuid", "$client" },
      { "date", "2026-04-01" },
      { "author-uuid", "$supervisor" },
      { "kind", "three-way-talk" },
      { "text", "Gesprek met cliënt, werkleider en begeleider: gaat goed." },
      { "ladder-rung", "4" },
      { "shareable", "true" } },
    { "text", "Aangevuld: volgende stap is een proefplaatsing." },
    { "text", "" } },
  { "consent",
    { { "client-uuid", "$client" },
      { "receiver-uuid", "$host" },
      { "purpose", "placement" },
      { "data-categories", "identity,progress" },
      { "given-by", "legal-representative" },
      { "given-date", "2026-01-10" },
      { "expiry-date", "2027-01-10" },
      { "withdrawn-date", "2026-06-01" } },
    { "withdrawn-date", "" },
    { "expiry-date", "2025-12-31" } },
  { "audit-event",
    { { "at", "2026-03-02T10:00:00.000000Z" },
      { "os-user", "coordinator" },
      { "action", "export" },
      { "record-kind", "client" },
      { "record-uuids", "$client" },
      { "detail", "Export naar UWV" },
      { "program", "placements" },
      { "client-uuid", "$client" } },
    { "detail", "Export naar UWV, opnieuw verstuurd" },
    { "os-user", "" } },
};

typedef struct
{
  char            *folder;
  char            *path;
  PlacementsStore *store;
  /* "$name" → UUID of the records build_graph() saved. */
  GHashTable      *graph;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->folder = placements_test_make_folder ();
  fixture->path = g_build_filename (fixture->folder, "placements.db", NULL);
  fixture->store = placements_test_open_store (fixture->path);
  fixture->graph = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  placements_test_remove_folder (fixture->folder);
  g_clear_pointer (&fixture->graph, g_hash_table_unref);
  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->folder, g_free);
}

static const RecordCase *
find_case (const char *kind)
{
  for (gsize i = 0; i < G_N_ELEMENTS (record_cases); i++)
    {
      if (g_str_equal (record_cases[i].kind, kind))
        return &record_cases[i];
    }
  g_error ("No record case for “%s”", kind);
}

static GType
type_of_kind (const char *kind)
{
  GType type = placements_store_find_record_type (kind);

  g_assert_true (g_type_is_a (type, PLACEMENTS_TYPE_RECORD));
  return type;
}

static const char *
resolve (Fixture    *fixture,
         const char *text)
{
  const char *uuid;

  if (text == NULL || text[0] != '$')
    return text;
  uuid = g_hash_table_lookup (fixture->graph, text);
  if (uuid == NULL)
    g_error ("The graph has no record “%s”", text);
  return uuid;
}

static void
set_field (Fixture          *fixture,
           PlacementsRecord *record,
           const char       *name,
           const char       *text)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (placements_record_set_field_text (record, name, resolve (fixture, text), &error));
  g_assert_no_error (error);
}

/* @fields ends at a NULL name or after @n_fields. */
static void
set_fields (Fixture          *fixture,
            PlacementsRecord *record,
            const FieldText  *fields,
            gsize             n_fields)
{
  for (gsize i = 0; i < n_fields && fields[i].name != NULL; i++)
    set_field (fixture, record, fields[i].name, fields[i].text);
}

static PlacementsRecord *
new_record (Fixture    *fixture,
            const char *kind)
{
  PlacementsRecord *record = g_object_new (type_of_kind (kind), NULL);

  set_fields (fixture, record, find_case (kind)->fields, MAX_FIELDS);
  return record;
}

static void
save_into_graph (Fixture         *fixture,
                 const char      *name,
                 const char      *kind,
                 const FieldText *fields)
{
  g_autoptr(PlacementsRecord) record = g_object_new (type_of_kind (kind), NULL);
  g_autoptr(GError) error = NULL;

  set_fields (fixture, record, fields, G_MAXSIZE);
  placements_store_save (fixture->store, record, &error);
  g_assert_no_error (error);
  g_hash_table_insert (fixture->graph, g_strdup (name),
                       g_strdup (placements_record_get_uuid (record)));
}

/* The records the cases refer to, so that every reference of every type exists. */
static void
build_graph (Fixture *fixture)
{
  save_into_graph (fixture, "$care", "organisation", (const FieldText[]) {
    { "name", "Zorggroep De Linde" }, { "kind", "care-provider" }, { "country", "nl" },
    { "registry-number", "12345678" }, { "postcode", "3511 AB" }, { "city", "Utrecht" },
    { "exchange-id", "nl.linde" }, { NULL, NULL } });
  save_into_graph (fixture, "$host", "organisation", (const FieldText[]) {
    { "name", "SW-bedrijf Werkkracht" }, { "kind", "social-employment-company" },
    { "country", "nl" }, { NULL, NULL } });
  save_into_graph (fixture, "$funder", "organisation", (const FieldText[]) {
    { "name", "Gemeente Utrecht" }, { "kind", "municipality" }, { "country", "nl" },
    { NULL, NULL } });
  save_into_graph (fixture, "$supervisor", "person", (const FieldText[]) {
    { "given-name", "Piet" }, { "family-name", "Jansen" }, { "organisation-uuid", "$host" },
    { "roles", "work-supervisor" }, { NULL, NULL } });
  save_into_graph (fixture, "$buddy-person", "person", (const FieldText[]) {
    { "family-name", "Bakker" }, { "organisation-uuid", "$host" }, { "roles", "buddy" },
    { NULL, NULL } });
  /* Not a buddy yet: a buddy's person is unique. */
  save_into_graph (fixture, "$free-person", "person", (const FieldText[]) {
    { "family-name", "Peeters" }, { NULL, NULL } });
  save_into_graph (fixture, "$client", "client", (const FieldText[]) {
    { "given-name", "Anna" }, { "family-name", "Smit" }, { "care-organisation-uuid", "$care" },
    { NULL, NULL } });
  save_into_graph (fixture, "$workplace", "workplace", (const FieldText[]) {
    { "name", "Werkhoek" }, { "host-organisation-uuid", "$host" },
    { "kind", "group-work-corner" }, { "capacity", "6" }, { NULL, NULL } });
  save_into_graph (fixture, "$buddy", "buddy", (const FieldText[]) {
    { "person-uuid", "$buddy-person" }, { "max-clients", "2" }, { NULL, NULL } });
  save_into_graph (fixture, "$pilot", "pilot", (const FieldText[]) {
    { "name", "Pilot werkhoek" }, { "start-date", "2026-03-02" }, { "status", "running" },
    { NULL, NULL } });
}

static char *
expected_label (PlacementsRecord *record,
                const char       *field_name)
{
  const PlacementsField *field =
    placements_record_class_find_field (PLACEMENTS_RECORD_GET_CLASS (record), field_name);

  g_assert_nonnull (field);
  /* The tests run with LANGUAGE=C: the label is the English one, in quotes. */
  return g_strdup_printf ("“%s”", field->label);
}

static void
assert_message_names_field (const GError     *error,
                            PlacementsRecord *record,
                            const char       *field_name)
{
  g_autofree char *label = expected_label (record, field_name);
  const char *record_label =
    placements_record_class_get_label (PLACEMENTS_RECORD_GET_CLASS (record));

  if (strstr (error->message, label) == NULL)
    g_error ("“%s” does not name the field %s", error->message, label);
  if (!g_str_has_prefix (error->message, record_label))
    g_error ("“%s” does not start with the record kind “%s”", error->message, record_label);
}

/*
 * Saves @record, which must be refused with @code naming @field_name, and checks
 * that the refusal wrote nothing and told nobody.
 */
static void
assert_save_refused (Fixture          *fixture,
                     PlacementsRecord *record,
                     PlacementsError   code,
                     const char       *field_name)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *before = placements_test_dump_database (fixture->store);
  g_autofree char *after = NULL;

  gt_signal_logger_connect (logger, fixture->store, "changed");

  g_assert_false (placements_store_save (fixture->store, record, &error));
  g_assert_error (error, PLACEMENTS_ERROR, (int) code);
  assert_message_names_field (error, record, field_name);
  g_assert_false (placements_store_in_transaction (fixture->store));

  after = placements_test_dump_database (fixture->store);
  g_assert_cmpstr (after, ==, before);
  gt_signal_logger_assert_no_emissions (logger);
}

static void
assert_fields (Fixture          *fixture,
               PlacementsRecord *record,
               const FieldText  *fields,
               gsize             n_fields)
{
  for (gsize i = 0; i < n_fields && fields[i].name != NULL; i++)
    {
      g_autofree char *text = placements_record_dup_field_text (record, fields[i].name);

      g_assert_cmpstr (text, ==, resolve (fixture, fields[i].text));
    }
}

/* Write, read back, update, refuse, delete: one record type through the store. */
static void
test_crud (Fixture       *fixture,
           gconstpointer  data)
{
  const RecordCase *record_case = data;
  GType type = type_of_kind (record_case->kind);
  g_autoptr(PlacementsRecordClass) klass = g_type_class_ref (type);
  g_autoptr(PlacementsRecord) record = NULL;
  g_autoptr(PlacementsRecord) loaded = NULL;
  g_autoptr(PlacementsRecord) updated = NULL;
  g_autoptr(PlacementsRecord) refused = NULL;
  g_autoptr(PlacementsRecord) gone = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *created = NULL;
  g_autofree char *first_update = NULL;
  g_autofree char *unchanged = NULL;
  g_autofree char *update_field = NULL;
  gint64 n_audit_events;
  gint64 n_records;
  guint n_fields = 0;

  build_graph (fixture);

  /* A field added to a type must be added here too, or it goes untested. */
  while (n_fields < MAX_FIELDS && record_case->fields[n_fields].name != NULL)
    n_fields++;
  g_assert_cmpuint (n_fields, ==, placements_record_class_get_n_fields (klass));

  /* Write. */
  n_records = placements_store_count (fixture->store, type);
  record = new_record (fixture, record_case->kind);
  if (type == PLACEMENTS_TYPE_AUDIT_EVENT)
    {
      /* The log is append-only: only the store's own writer adds to it. */
      g_assert_false (placements_store_save (fixture->store, record, &error));
      g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD);
      g_assert_cmpint (placements_store_count (fixture->store, type), ==, n_records);
      return;
    }
  g_assert_true (placements_store_save (fixture->store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (placements_record_get_row_id (record), >, 0);
  g_assert_nonnull (placements_record_get_created (record));
  g_assert_cmpstr (placements_record_get_created (record), ==,
                   placements_record_get_updated (record));
  created = g_strdup (placements_record_get_created (record));

  /* Read back, every field. */
  loaded = placements_store_load (fixture->store, type, placements_record_get_uuid (record),
                                  &error);
  g_assert_no_error (error);
  g_assert_true (G_TYPE_CHECK_INSTANCE_TYPE (loaded, type));
  g_assert_cmpstr (placements_record_get_uuid (loaded), ==, placements_record_get_uuid (record));
  g_assert_cmpstr (placements_record_get_created (loaded), ==, created);
  g_assert_cmpstr (placements_record_get_updated (loaded), ==, created);
  g_assert_cmpint (placements_record_get_row_id (loaded), ==,
                   placements_record_get_row_id (record));
  assert_fields (fixture, loaded, record_case->fields, MAX_FIELDS);

  /* Update one field. */
  set_field (fixture, loaded, record_case->update.name, record_case->update.text);
  g_assert_true (placements_store_save (fixture->store, loaded, &error));
  g_assert_no_error (error);
  updated = placements_store_load (fixture->store, type, placements_record_get_uuid (record),
                                   &error);
  g_assert_no_error (error);
  update_field = placements_record_dup_field_text (updated, record_case->update.name);
  g_assert_cmpstr (update_field, ==, resolve (fixture, record_case->update.text));
  g_assert_cmpstr (placements_record_get_created (updated), ==, created);
  /* Timestamps have microseconds and sort as text. */
  g_assert_cmpstr (placements_record_get_updated (updated), >, created);
  first_update = g_strdup (placements_record_get_updated (updated));
  g_assert_cmpint (placements_store_count (fixture->store, type), ==, n_records + 1);

  /* Refuse an invalid value, naming the field; nothing changes. */
  refused = placements_store_load (fixture->store, type, placements_record_get_uuid (record),
                                   &error);
  g_assert_no_error (error);
  unchanged = placements_record_dup_field_text (refused, record_case->invalid.name);
  set_field (fixture, refused, record_case->invalid.name, record_case->invalid.text);
  assert_save_refused (fixture, refused, PLACEMENTS_ERROR_INVALID_FIELD,
                       record_case->invalid.name);
  g_clear_object (&updated);
  updated = placements_store_load (fixture->store, type, placements_record_get_uuid (record),
                                   &error);
  g_assert_no_error (error);
  g_clear_pointer (&update_field, g_free);
  update_field = placements_record_dup_field_text (updated, record_case->invalid.name);
  g_assert_cmpstr (update_field, ==, unchanged);
  g_assert_cmpstr (placements_record_get_updated (updated), ==, first_update);

  /* Delete; the deletion itself is audited. */
  n_audit_events = placements_store_count (fixture->store, PLACEMENTS_TYPE_AUDIT_EVENT);
  g_assert_true (placements_store_delete (fixture->store, record, &error));
  g_assert_no_error (error);
  g_assert_cmpint (placements_store_count (fixture->store, PLACEMENTS_TYPE_AUDIT_EVENT), ==,
                   type == PLACEMENTS_TYPE_AUDIT_EVENT ? n_audit_events : n_audit_events + 1);
  g_assert_false (placements_store_exists (fixture->store, type,
                                           placements_record_get_uuid (record)));
  gone = placements_store_load (fixture->store, type, placements_record_get_uuid (record),
                                &error);
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NOT_FOUND);
  g_assert_null (gone);
  g_clear_error (&error);

  /* A second delete finds nothing to delete. */
  g_assert_false (placements_store_delete (fixture->store, record, &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NOT_FOUND);
}

typedef struct
{
  const char *path;
  const char *kind;
  /* Applied after the case's valid values, before the value under test. */
  FieldText   setup[3];
  FieldText   value;
  /* The field the message must name, when not the one set. */
  const char *named_field;
  /* Words the message must contain, beside the field. */
  const char *reason;
} Refusal;

static const Refusal refusals[] = {
  { "organisation/postcode-nl", "organisation",
    { { "country", "nl" }, { "registry-number", "12345678" }, { "postcode", "1234 AB" } },
    { "postcode", "1234" }, NULL, "Dutch postcode" },
  { "organisation/postcode-nl-never-issued", "organisation",
    { { "country", "nl" }, { "registry-number", "12345678" }, { "postcode", "1234 AB" } },
    { "postcode", "1234 SS" }, NULL, NULL },
  { "organisation/postcode-be", "organisation", { { NULL, NULL } },
    { "postcode", "1234 AB" }, NULL, "Belgian postcode" },
  { "organisation/registry-number-kvk", "organisation",
    { { "country", "nl" }, { "postcode", "" }, { "registry-number", "12345678" } },
    { "registry-number", "1234567" }, NULL, "KvK" },
  { "organisation/registry-number-kvk-grouped", "organisation",
    { { "country", "nl" }, { "postcode", "" }, { "registry-number", "12345678" } },
    { "registry-number", "1234 5678" }, NULL, NULL },
  { "organisation/registry-number-kbo-check-digits", "organisation", { { NULL, NULL } },
    { "registry-number", "0403.170.702" }, NULL, "enterprise number" },
  { "organisation/registry-number-kbo-length", "organisation", { { NULL, NULL } },
    { "registry-number", "403.170.701" }, NULL, NULL },
  { "organisation/exchange-id-space", "organisation", { { NULL, NULL } },
    { "exchange-id", "be kempen" }, NULL, "exchange id" },
  { "organisation/exchange-id-too-long", "organisation", { { NULL, NULL } },
    { "exchange-id", "x1234567890123456789012345678901234567890123456789012345678901234" },
    NULL, NULL },
  { "person/email", "person", { { NULL, NULL } },
    { "email", "jan@example" }, NULL, "email address" },
  { "person/phone", "person", { { NULL, NULL } },
    { "phone", "12345" }, NULL, "phone number" },
  { "person/phone-letters", "person", { { NULL, NULL } },
    { "phone", "06-CALLME-NOW" }, NULL, NULL },
  { "client/national-id-bsn", "client", { { NULL, NULL } },
    { "national-id", "123456789" }, NULL, "BSN" },
  { "client/national-id-rrn", "client", { { NULL, NULL } },
    { "national-id", "85.07.30-033.29" }, NULL, "national register number" },
  { "client/national-id-length", "client", { { NULL, NULL } },
    { "national-id", "1112223334" }, NULL, NULL },
  { "client/national-id-letters", "client", { { NULL, NULL } },
    { "national-id", "NL111222333" }, NULL, NULL },
  { "client/date-of-birth-future", "client", { { NULL, NULL } },
    { "date-of-birth", "2150-01-01" }, NULL, "future" },
  { "client/date-of-birth-before-1900", "client", { { NULL, NULL } },
    { "date-of-birth", "1899-12-31" }, NULL, "YYYY-MM-DD" },
  { "client/right-to-return-until-without-right", "client", { { NULL, NULL } },
    { "right-to-return", "false" }, "right-to-return-until", "no right to return" },
  { "allocation/end-before-start", "allocation", { { NULL, NULL } },
    /* The start date as the user reads it (the tests run in C: 22-11-2026). */
    { "end-date", "2025-12-31" }, NULL, "01-01-2026" },
  { "allocation/volume-zero", "allocation", { { NULL, NULL } },
    { "volume", "0" }, NULL, "is required" },
  { "workplace/capacity-zero", "workplace", { { NULL, NULL } },
    { "capacity", "0" }, NULL, "is required" },
  { "workplace/postcode", "workplace", { { NULL, NULL } },
    { "postcode", "12345" }, NULL, "postcode" },
  { "buddy-pairing/end-before-start", "buddy-pairing", { { NULL, NULL } },
    { "end-date", "2026-01-31" }, NULL, "Start date" },
  { "funding/end-before-start", "funding", { { NULL, NULL } },
    { "end-date", "2025-12-31" }, NULL, "Start date" },
  { "pilot/evaluation-before-start", "pilot", { { NULL, NULL } },
    { "evaluation-date", "2026-03-01" }, NULL, "Start date" },
  { "pilot/scale-up-before-start", "pilot", { { NULL, NULL } },
    { "scale-up-date", "2026-01-01" }, NULL, "Start date" },
  { "placement/planned-end-before-start", "placement", { { NULL, NULL } },
    { "planned-end-date", "2026-03-01" }, NULL, "Start date" },
  { "placement/actual-end-before-start", "placement", { { NULL, NULL } },
    { "actual-end-date", "2026-03-01" }, NULL, "Start date" },
  { "placement/ended-without-end-reason", "placement", { { NULL, NULL } },
    { "end-reason", "" }, NULL, "needs one" },
  { "placement/ended-without-end-date", "placement", { { NULL, NULL } },
    { "actual-end-date", "" }, NULL, "needs one" },
  { "placement/end-reason-without-ended", "placement", { { NULL, NULL } },
    { "status", "active" }, "end-reason", "only a placement" },
  { "consent/expiry-before-given", "consent", { { NULL, NULL } },
    { "expiry-date", "2025-12-31" }, NULL, "Date given" },
  { "consent/withdrawn-before-given", "consent", { { NULL, NULL } },
    { "withdrawn-date", "2026-01-09" }, NULL, "Date given" },
  { "ladder-step/rung-zero", "ladder-step", { { NULL, NULL } },
    { "rung", "0" }, NULL, "is required" },
  { "progress-note/date-not-a-date", "progress-note", { { NULL, NULL } },
    { "date", "01-04-2026" }, NULL, "YYYY-MM-DD" },
  { "success-criterion/description-empty", "success-criterion", { { NULL, NULL } },
    { "description", "" }, NULL, "is required" },
  /* What a name shows must be what it is: no text-direction tricks, no controls, no
   * name made of nothing visible. The store, the forms and the import share this. */
  { "client/given-name-right-to-left-override", "client", { { NULL, NULL } },
    { "given-name", "Jan\u202Ekeeh" }, NULL, "U+202E" },
  { "client/family-name-right-to-left-isolate", "client", { { NULL, NULL } },
    { "family-name", "\u2067Jansen\u2069" }, NULL, "U+2067" },
  { "person/family-name-c0-control", "person", { { NULL, NULL } },
    { "family-name", "Jan\x01sen" }, NULL, "U+0001" },
  { "person/given-name-escape", "person", { { NULL, NULL } },
    { "given-name", "Piet\x1b[2J" }, NULL, "U+001B" },
  { "organisation/name-c1-control", "organisation", { { NULL, NULL } },
    { "name", "Linde\xc2\x85" "Zorg" }, NULL, "U+0085" },
  { "organisation/name-only-spaces", "organisation", { { NULL, NULL } },
    { "name", "  \u00a0\u3000 " }, NULL, "is required" },
  { "client/family-name-only-zero-width", "client", { { NULL, NULL } },
    { "family-name", "\u200b\u200d\u2060" }, NULL, "invisible" },
  { "client/goals-only-zero-width", "client", { { NULL, NULL } },
    { "goals", "\u200c\u200d" }, NULL, "invisible" },
};

static void
test_refusal (Fixture       *fixture,
              gconstpointer  data)
{
  const Refusal *refusal = data;
  g_autoptr(PlacementsRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  const char *named_field = refusal->named_field != NULL ? refusal->named_field
                                                         : refusal->value.name;

  build_graph (fixture);
  record = new_record (fixture, refusal->kind);
  set_fields (fixture, record, refusal->setup, G_N_ELEMENTS (refusal->setup));

  /* The record is valid up to the value under test, so that value is what is refused. */
  placements_record_validate (record, &error);
  g_assert_no_error (error);

  set_field (fixture, record, refusal->value.name, refusal->value.text);
  g_assert_false (placements_record_validate (record, &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD);
  g_test_message ("%s", error->message);
  if (refusal->reason != NULL && strstr (error->message, refusal->reason) == NULL)
    g_error ("“%s” does not say “%s”", error->message, refusal->reason);

  /* A national id number must not show up in messages, logs or screenshots. */
  if (g_str_equal (refusal->value.name, "national-id"))
    g_assert_null (strstr (error->message, refusal->value.text));

  assert_save_refused (fixture, record, PLACEMENTS_ERROR_INVALID_FIELD, named_field);
  g_assert_false (placements_store_exists (fixture->store, G_OBJECT_TYPE (record),
                                           placements_record_get_uuid (record)));
}

typedef struct
{
  const char *path;
  const char *kind;
  FieldText   values[4];
} Acceptance;

static const Acceptance acceptances[] = {
  /* Validation does not rewrite: what was typed is what is stored. */
  { "organisation/postcode-nl-lower-case", "organisation",
    { { "country", "nl" }, { "registry-number", "12345678" }, { "postcode", "1234ab" } } },
  { "organisation/registry-number-kbo-bare", "organisation",
    { { "registry-number", "0403170701" } } },
  { "organisation/registry-number-kbo-spaces", "organisation",
    { { "registry-number", "0202 239 951" } } },
  { "organisation/exchange-id-64", "organisation",
    { { "exchange-id", "x123456789012345678901234567890123456789012345678901234567890123" } } },
  { "organisation/optional-fields-empty", "organisation",
    { { "registry-number", "" }, { "postcode", "" }, { "exchange-id", "" } } },
  { "person/contact-details-empty", "person",
    { { "email", "" }, { "phone", "" } } },
  { "client/national-id-bsn-grouped", "client",
    { { "national-id", "1112.22.333" } } },
  { "client/national-id-rrn", "client",
    { { "national-id", "85.07.30-033.28" } } },
  { "client/national-id-rrn-after-2000", "client",
    { { "national-id", "05031212360" } } },
  { "client/right-to-return-open-ended", "client",
    { { "right-to-return", "true" }, { "right-to-return-until", "" } } },
  { "workplace/postcode-be", "workplace",
    { { "postcode", "2440" } } },
  { "workplace/capacity-500", "workplace",
    { { "capacity", "500" } } },
  { "placement/active-without-end", "placement",
    { { "status", "active" }, { "end-reason", "" }, { "actual-end-date", "" },
      { "hours-per-week", "" } } },
  { "placement/ends-on-start-day", "placement",
    { { "actual-end-date", "2026-03-02" }, { "planned-end-date", "2026-03-02" },
      { "hours-per-week", "40" } } },
  { "pilot/dates-on-start-day", "pilot",
    { { "evaluation-date", "2026-03-02" }, { "scale-up-date", "2026-03-02" } } },
  { "funding/open-start", "funding",
    { { "start-date", "" } } },
  { "consent/open-ended", "consent",
    { { "expiry-date", "" }, { "withdrawn-date", "2026-01-10" } } },
};

static void
test_acceptance (Fixture       *fixture,
                 gconstpointer  data)
{
  const Acceptance *acceptance = data;
  g_autoptr(PlacementsRecord) record = NULL;
  g_autoptr(PlacementsRecord) loaded = NULL;
  g_autoptr(GError) error = NULL;

  build_graph (fixture);
  record = new_record (fixture, acceptance->kind);
  set_fields (fixture, record, acceptance->values, G_N_ELEMENTS (acceptance->values));
  g_assert_true (placements_store_save (fixture->store, record, &error));
  g_assert_no_error (error);

  loaded = placements_store_load (fixture->store, G_OBJECT_TYPE (record),
                                  placements_record_get_uuid (record), &error);
  g_assert_no_error (error);
  assert_fields (fixture, loaded, acceptance->values, G_N_ELEMENTS (acceptance->values));
}

static void
test_date_of_birth_today (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autofree char *today_text = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *tomorrow_text = g_date_time_format (tomorrow, "%Y-%m-%d");
  g_autoptr(PlacementsRecord) record = NULL;
  g_autoptr(GError) error = NULL;

  build_graph (fixture);
  record = new_record (fixture, "client");

  /* Registered on the day they are born is odd, but not in the future. */
  set_field (fixture, record, "date-of-birth", today_text);
  g_assert_true (placements_store_save (fixture->store, record, &error));
  g_assert_no_error (error);

  set_field (fixture, record, "date-of-birth", tomorrow_text);
  assert_save_refused (fixture, record, PLACEMENTS_ERROR_INVALID_FIELD, "date-of-birth");
}

/* Text is stored in one form: NFC, without white space at the ends, whether it came
 * through a setter (a form) or as text (the import, the command line). */
static void
test_normalise (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PlacementsRecord) record = NULL;
  g_autoptr(PlacementsRecord) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *given = NULL;
  g_autofree char *family = NULL;
  g_autofree char *goals = NULL;

  build_graph (fixture);
  record = new_record (fixture, "client");
  /* "Rene\u0301" is René with the accent typed as its own character. */
  g_object_set (record, "given-name", "  Rene\u0301\u00a0", "family-name", "\u200bJansen\n",
                NULL);
  set_field (fixture, record, "goals", "\tWerken in de groenvoorziening.\r\n");
  g_assert_true (placements_store_save (fixture->store, record, &error));
  g_assert_no_error (error);

  loaded = placements_store_load (fixture->store, G_OBJECT_TYPE (record),
                                  placements_record_get_uuid (record), &error);
  g_assert_no_error (error);
  given = placements_record_dup_field_text (loaded, "given-name");
  family = placements_record_dup_field_text (loaded, "family-name");
  goals = placements_record_dup_field_text (loaded, "goals");
  g_assert_cmpstr (given, ==, "Ren\u00e9");
  g_assert_cmpstr (family, ==, "Jansen");
  g_assert_cmpstr (goals, ==, "Werken in de groenvoorziening.");

  /* Inside a text, line breaks and tabs stay: notes have paragraphs. */
  set_field (fixture, record, "goals", "Eerst:\n\tsolliciteren");
  g_assert_true (placements_store_save (fixture->store, record, &error));
  g_assert_no_error (error);
  g_clear_pointer (&goals, g_free);
  goals = placements_record_dup_field_text (record, "goals");
  g_assert_cmpstr (goals, ==, "Eerst:\n\tsolliciteren");
}

static void
test_set_field_text_refusals (void)
{
  static const struct
  {
    const char *kind;
    const char *field;
    const char *text;
  } cases[] = {
    { "organisation", "kind", "bogus" },
    { "organisation", "country", "de" },
    { "person", "roles", "work-supervisor,astronaut" },
    { "client", "right-to-return", "maybe" },
    { "ladder-step", "rung", "7" },
    { "ladder-step", "rung", "-1" },
    { "allocation", "volume", "-1" },
    { "allocation", "volume", "nan" },
    { "placement", "hours-per-week", "41" },
    { "placement", "status", "ENDED" },
    { "funding", "amount-cents", "12.50" },
    { "workplace", "capacity", "501" },
    { "buddy", "max-clients", "21" },
    { "audit-event", "action", "" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PlacementsRecord) record = g_object_new (type_of_kind (cases[i].kind), NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *before = placements_record_dup_field_text (record, cases[i].field);
      g_autofree char *after = NULL;
      g_autofree char *label = expected_label (record, cases[i].field);

      g_test_message ("%s.%s = “%s”", cases[i].kind, cases[i].field, cases[i].text);
      g_assert_false (placements_record_set_field_text (record, cases[i].field, cases[i].text,
                                                        &error));
      g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD);
      g_assert_nonnull (strstr (error->message, label));
      g_assert_nonnull (strstr (error->message, cases[i].text));

      after = placements_record_dup_field_text (record, cases[i].field);
      g_assert_cmpstr (after, ==, before);
    }
}

/* A number is written in the fewest digits that read back as the same double:
 * what a coordinator typed (7.2 hours a week) comes back as typed, in the CLI's
 * output and in exchange files, and nothing is lost on the way back in. */
static void
test_field_text_doubles (void)
{
  static const struct
  {
    double      number;
    const char *text;
  } cases[] = {
    { 7.2, "7.2" },
    { 16.5, "16.5" },
    { 40.0, "40" },
    { 0.1, "0.1" },
    /* Sixteen and seventeen digits where fewer would read back as another double. */
    { 1.0 / 3.0, "0.3333333333333333" },
    { 0.1 + 0.2, "0.30000000000000004" },
  };
  const double more[] = { 7.2, 39.99999999999999, 1e-9, 12.345678901234567, 2.0 / 3.0 };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PlacementsRecord) record = g_object_new (PLACEMENTS_TYPE_PLACEMENT,
                                                         "hours-per-week", cases[i].number,
                                                         NULL);
      g_autofree char *text = placements_record_dup_field_text (record, "hours-per-week");

      g_assert_cmpstr (text, ==, cases[i].text);
    }

  /* Each written text, read back, is the same double, and reads back into a record. */
  for (gsize i = 0; i < G_N_ELEMENTS (more); i++)
    {
      double neighbours[] = { more[i], nextafter (more[i], 0.0), nextafter (more[i], 40.0) };

      for (gsize j = 0; j < G_N_ELEMENTS (neighbours); j++)
        {
          g_autoptr(PlacementsRecord) record = g_object_new (PLACEMENTS_TYPE_PLACEMENT,
                                                             "hours-per-week", neighbours[j],
                                                             NULL);
          g_autoptr(PlacementsRecord) again = g_object_new (PLACEMENTS_TYPE_PLACEMENT, NULL);
          g_autoptr(GError) error = NULL;
          g_autofree char *text = placements_record_dup_field_text (record, "hours-per-week");
          double read_back = 0.0;

          g_test_message ("%.17g: %s", neighbours[j], text);
          g_assert_true (g_ascii_strtod (text, NULL) == neighbours[j]);
          g_assert_true (placements_record_set_field_text (again, "hours-per-week", text,
                                                           &error));
          g_assert_no_error (error);
          g_object_get (again, "hours-per-week", &read_back, NULL);
          g_assert_true (read_back == neighbours[j]);
        }
    }
}

static void
test_unknown_field (void)
{
  g_autoptr(PlacementsRecord) record = g_object_new (PLACEMENTS_TYPE_CLIENT, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (placements_record_set_field_text (record, "shoe-size", "44", &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD);
  g_assert_nonnull (strstr (error->message, "“shoe-size”"));
}

static void
test_dangling_reference (Fixture       *fixture,
                         gconstpointer  data)
{
  static const struct
  {
    const char *kind;
    const char *field;
  } cases[] = {
    { "person", "organisation-uuid" },
    { "placement", "workplace-uuid" },
    { "placement", "buddy-uuid" },
    { "consent", "receiver-uuid" },
    { "buddy-pairing", "buddy-uuid" },
  };

  build_graph (fixture);

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PlacementsRecord) record = new_record (fixture, cases[i].kind);
      g_autofree char *nowhere = g_uuid_string_random ();

      g_test_message ("%s.%s", cases[i].kind, cases[i].field);
      set_field (fixture, record, cases[i].field, nowhere);
      assert_save_refused (fixture, record, PLACEMENTS_ERROR_NOT_FOUND, cases[i].field);
    }
}

/* A record that was deleted meanwhile is just as dangling as one never written. */
static void
test_dangling_reference_in_transaction (Fixture       *fixture,
                                        gconstpointer  data)
{
  g_autoptr(PlacementsRecord) organisation = NULL;
  g_autoptr(PlacementsRecord) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  build_graph (fixture);
  before = placements_test_dump_database (fixture->store);

  organisation = new_record (fixture, "organisation");
  person = new_record (fixture, "person");
  set_field (fixture, person, "organisation-uuid", placements_record_get_uuid (organisation));

  g_assert_true (placements_store_begin (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_false (placements_store_save (fixture->store, person, &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NOT_FOUND);
  assert_message_names_field (error, person, "organisation-uuid");
  g_clear_error (&error);

  /* Within a transaction, order does not matter once the referenced record is there. */
  g_assert_true (placements_store_save (fixture->store, organisation, &error));
  g_assert_no_error (error);
  g_assert_true (placements_store_save (fixture->store, person, &error));
  g_assert_no_error (error);
  placements_store_rollback (fixture->store);

  after = placements_test_dump_database (fixture->store);
  g_assert_cmpstr (after, ==, before);
}

static void
test_delete_in_use (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(PlacementsRecord) host = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  build_graph (fixture);
  host = placements_store_load (fixture->store, PLACEMENTS_TYPE_ORGANISATION,
                                resolve (fixture, "$host"), &error);
  g_assert_no_error (error);
  before = placements_test_dump_database (fixture->store);
  gt_signal_logger_connect (logger, fixture->store, "changed");

  g_assert_false (placements_store_delete (fixture->store, host, &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, "Organisation"));

  after = placements_test_dump_database (fixture->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (placements_store_in_transaction (fixture->store));
  gt_signal_logger_assert_no_emissions (logger);
}

static void
test_delete_cascades (Fixture       *fixture,
                      gconstpointer  data)
{
  static const char * const dependents[] = {
    "ladder-step", "allocation", "attendance", "buddy-pairing", "placement",
    "progress-note", "consent",
  };
  g_autoptr(PlacementsRecord) client = NULL;
  g_autoptr(PlacementsRecord) other = NULL;
  g_autoptr(PlacementsRecord) other_placement = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_audit_events;

  build_graph (fixture);
  client = placements_store_load (fixture->store, PLACEMENTS_TYPE_CLIENT,
                                  resolve (fixture, "$client"), &error);
  g_assert_no_error (error);
  for (gsize i = 0; i < G_N_ELEMENTS (dependents); i++)
    {
      g_autoptr(PlacementsRecord) record = new_record (fixture, dependents[i]);

      g_assert_true (placements_store_save (fixture->store, record, &error));
      g_assert_no_error (error);
    }

  /* Another client's placement stays. */
  other = new_record (fixture, "client");
  g_assert_true (placements_store_save (fixture->store, other, &error));
  g_assert_no_error (error);
  other_placement = new_record (fixture, "placement");
  set_field (fixture, other_placement, "client-uuid", placements_record_get_uuid (other));
  g_assert_true (placements_store_save (fixture->store, other_placement, &error));
  g_assert_no_error (error);

  n_audit_events = placements_store_count (fixture->store, PLACEMENTS_TYPE_AUDIT_EVENT);
  g_assert_true (placements_store_delete (fixture->store, client, &error));
  g_assert_no_error (error);

  for (gsize i = 0; i < G_N_ELEMENTS (dependents); i++)
    {
      g_autoptr(GPtrArray) left = placements_store_find (fixture->store,
                                                         type_of_kind (dependents[i]),
                                                         "client-uuid",
                                                         placements_record_get_uuid (client),
                                                         &error);

      g_assert_no_error (error);
      g_test_message ("%s", dependents[i]);
      g_assert_cmpuint (left->len, ==, 0);
    }
  g_assert_true (placements_store_exists (fixture->store, PLACEMENTS_TYPE_PLACEMENT,
                                          placements_record_get_uuid (other_placement)));

  /* One audit event, for what the user deleted. */
  g_assert_cmpint (placements_store_count (fixture->store, PLACEMENTS_TYPE_AUDIT_EVENT), ==,
                   n_audit_events + 1);
  events = placements_store_find (fixture->store, PLACEMENTS_TYPE_AUDIT_EVENT, "record-uuids",
                                  placements_record_get_uuid (client), &error);
  g_assert_no_error (error);
  /* Newest first: the deletion, then the client's creation. */
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpint (placements_audit_event_get_action (events->pdata[0]), ==,
                   PLACEMENTS_AUDIT_ACTION_DELETE);
  g_assert_cmpstr (placements_audit_event_get_record_kind (events->pdata[0]), ==, "client");
  g_assert_cmpstr (placements_audit_event_get_os_user (events->pdata[0]), ==,
                   g_get_user_name ());
}

/* Deleting a person empties references to it and removes what hangs off its buddy. */
static void
test_delete_set_null (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PlacementsRecord) person = NULL;
  g_autoptr(PlacementsRecord) placement = NULL;
  g_autoptr(PlacementsRecord) pairing = NULL;
  g_autoptr(PlacementsRecord) loaded = NULL;
  g_autoptr(GError) error = NULL;

  build_graph (fixture);
  placement = new_record (fixture, "placement");
  g_assert_true (placements_store_save (fixture->store, placement, &error));
  g_assert_no_error (error);
  pairing = new_record (fixture, "buddy-pairing");
  g_assert_true (placements_store_save (fixture->store, pairing, &error));
  g_assert_no_error (error);

  person = placements_store_load (fixture->store, PLACEMENTS_TYPE_PERSON,
                                  resolve (fixture, "$buddy-person"), &error);
  g_assert_no_error (error);
  g_assert_true (placements_store_delete (fixture->store, person, &error));
  g_assert_no_error (error);

  g_assert_false (placements_store_exists (fixture->store, PLACEMENTS_TYPE_BUDDY,
                                           resolve (fixture, "$buddy")));
  g_assert_false (placements_store_exists (fixture->store, PLACEMENTS_TYPE_BUDDY_PAIRING,
                                           placements_record_get_uuid (pairing)));
  loaded = placements_store_load (fixture->store, PLACEMENTS_TYPE_PLACEMENT,
                                  placements_record_get_uuid (placement), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (placements_placement_get_buddy_uuid (PLACEMENTS_PLACEMENT (loaded)), ==,
                   NULL);
  g_assert_cmpstr (placements_placement_get_supervisor_uuid (PLACEMENTS_PLACEMENT (loaded)), ==,
                   resolve (fixture, "$supervisor"));
}

static void
test_audit_events (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PlacementsRecord) consent = NULL;
  g_autoptr(PlacementsRecord) organisation = NULL;
  g_autoptr(PlacementsRecord) note = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  guint n_changes = 0;
  gint64 n;

  build_graph (fixture);
  n = placements_store_count (fixture->store, PLACEMENTS_TYPE_AUDIT_EVENT);
  /* NEN 7513: every record the graph created is logged. */
  g_assert_cmpint (n, >, 0);

  /* So is every other save. */
  organisation = new_record (fixture, "organisation");
  g_assert_true (placements_store_save (fixture->store, organisation, &error));
  g_assert_no_error (error);
  note = new_record (fixture, "progress-note");
  g_assert_true (placements_store_save (fixture->store, note, &error));
  g_assert_no_error (error);
  n += 2;
  g_assert_cmpint (placements_store_count (fixture->store, PLACEMENTS_TYPE_AUDIT_EVENT), ==, n);

  /* Every consent change is, as a consent change: giving, changing, withdrawing,
   * deleting. */
  consent = new_record (fixture, "consent");
  set_field (fixture, consent, "withdrawn-date", "");
  g_assert_true (placements_store_save (fixture->store, consent, &error));
  g_assert_no_error (error);
  g_assert_cmpint (placements_store_count (fixture->store, PLACEMENTS_TYPE_AUDIT_EVENT), ==,
                   n + 1);
  set_field (fixture, consent, "withdrawn-date", "2026-02-01");
  g_assert_true (placements_store_save (fixture->store, consent, &error));
  g_assert_no_error (error);
  g_assert_cmpint (placements_store_count (fixture->store, PLACEMENTS_TYPE_AUDIT_EVENT), ==,
                   n + 2);

  /* A refused consent change is not audited either. */
  set_field (fixture, consent, "withdrawn-date", "2025-02-01");
  assert_save_refused (fixture, consent, PLACEMENTS_ERROR_INVALID_FIELD, "withdrawn-date");
  set_field (fixture, consent, "withdrawn-date", "2026-02-01");

  g_assert_true (placements_store_delete (fixture->store, consent, &error));
  g_assert_no_error (error);
  g_assert_true (placements_store_delete (fixture->store, note, &error));
  g_assert_no_error (error);
  g_assert_true (placements_store_delete (fixture->store, organisation, &error));
  g_assert_no_error (error);
  g_assert_cmpint (placements_store_count (fixture->store, PLACEMENTS_TYPE_AUDIT_EVENT), ==,
                   n + 5);

  events = placements_store_find (fixture->store, PLACEMENTS_TYPE_AUDIT_EVENT, "record-uuids",
                                  placements_record_get_uuid (consent), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 3);
  for (guint i = 0; i < events->len; i++)
    {
      PlacementsAuditEvent *event = events->pdata[i];

      g_assert_cmpstr (placements_audit_event_get_record_kind (event), ==, "consent");
      g_assert_cmpstr (placements_audit_event_get_os_user (event), ==, g_get_user_name ());
      if (placements_audit_event_get_action (event) == PLACEMENTS_AUDIT_ACTION_CONSENT_CHANGE)
        n_changes++;
      else
        g_assert_cmpint (placements_audit_event_get_action (event), ==,
                         PLACEMENTS_AUDIT_ACTION_DELETE);
    }
  g_assert_cmpuint (n_changes, ==, 2);
}

static void
test_audit_writer (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PlacementsRecord) organisation = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GRegex) form = NULL;
  g_autoptr(GString) many = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  PlacementsAuditEvent *event;

  /* In the caller's transaction: the same time as the records written with it. */
  organisation = new_record (fixture, "organisation");
  g_assert_true (placements_store_begin (fixture->store, &error));
  g_assert_true (placements_store_save (fixture->store, organisation, &error));
  g_assert_true (placements_store_write_audit_event (fixture->store,
                                                     PLACEMENTS_AUDIT_ACTION_EXPORT,
                                                     "message", "m-1", "kind=update", &error));
  g_assert_true (placements_store_commit (fixture->store, &error));
  g_assert_no_error (error);

  events = placements_store_find (fixture->store, PLACEMENTS_TYPE_AUDIT_EVENT, "record-uuids",
                                  "m-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  event = events->pdata[0];
  g_assert_cmpstr (placements_audit_event_get_at (event), ==,
                   placements_record_get_updated (organisation));
  form = g_regex_new ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z$", 0, 0, NULL);
  g_assert_true (g_regex_match (form, placements_audit_event_get_at (event), 0, NULL));
  g_assert_cmpstr (placements_audit_event_get_os_user (event), ==, g_get_user_name ());
  g_assert_cmpstr (placements_audit_event_get_record_kind (event), ==, "message");
  g_assert_cmpstr (placements_audit_event_get_detail (event), ==, "kind=update");
  g_assert_cmpint (placements_audit_event_get_action (event), ==, PLACEMENTS_AUDIT_ACTION_EXPORT);

  /* On its own it makes its own transaction; a list too long for the field is counted. */
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (many, "%s%08u-0000-4000-8000-000000000000", i > 0 ? "," : "", i);
  g_assert_false (placements_store_in_transaction (fixture->store));
  g_assert_true (placements_store_write_audit_event (fixture->store,
                                                     PLACEMENTS_AUDIT_ACTION_IMPORT,
                                                     "message", many->str, "kind=referral",
                                                     &error));
  g_assert_no_error (error);
  g_clear_pointer (&events, g_ptr_array_unref);
  events = placements_store_find (fixture->store, PLACEMENTS_TYPE_AUDIT_EVENT, "detail",
                                  "kind=referral uuids-left-out=1000", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  g_assert_null (placements_audit_event_get_record_uuids (events->pdata[0]));
  g_assert_true (g_regex_match (form, placements_audit_event_get_at (events->pdata[0]), 0, NULL));
}

/* The word for an organisation's kind comes from its country, not the language. */
static void
test_kind_follows_country (void)
{
  static const struct
  {
    PlacementsOrganisationKind kind;
    PlacementsCountry          country;
    const char                *expected;
  } cases[] = {
    { PLACEMENTS_ORGANISATION_KIND_EMPLOYMENT_SERVICE, PLACEMENTS_COUNTRY_NL, "UWV" },
    { PLACEMENTS_ORGANISATION_KIND_EMPLOYMENT_SERVICE, PLACEMENTS_COUNTRY_BE, "VDAB" },
    { PLACEMENTS_ORGANISATION_KIND_SOCIAL_EMPLOYMENT_COMPANY, PLACEMENTS_COUNTRY_NL,
      "Social-employment company" },
    { PLACEMENTS_ORGANISATION_KIND_SOCIAL_EMPLOYMENT_COMPANY, PLACEMENTS_COUNTRY_BE,
      "Custom-work company" },
    { PLACEMENTS_ORGANISATION_KIND_OCMW, PLACEMENTS_COUNTRY_NL, "Social services" },
    { PLACEMENTS_ORGANISATION_KIND_OCMW, PLACEMENTS_COUNTRY_BE, "OCMW" },
    { PLACEMENTS_ORGANISATION_KIND_MUNICIPALITY, PLACEMENTS_COUNTRY_BE, "Municipality" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PlacementsOrganisation) organisation = placements_organisation_new ();
      g_autofree char *label = NULL;
      g_autofree char *code = NULL;

      placements_organisation_set_kind (organisation, cases[i].kind);
      placements_organisation_set_country (organisation, cases[i].country);
      label = placements_record_dup_field_label (PLACEMENTS_RECORD (organisation), "kind");
      g_assert_cmpstr (label, ==, cases[i].expected);
      g_assert_cmpstr (placements_enum_get_label_for_country (PLACEMENTS_TYPE_ORGANISATION_KIND,
                                                              cases[i].kind, cases[i].country),
                       ==, cases[i].expected);
      /* The stored code stays the code. */
      code = placements_record_dup_field_text (PLACEMENTS_RECORD (organisation), "kind");
      g_assert_cmpstr (code, ==, placements_enum_get_nick (PLACEMENTS_TYPE_ORGANISATION_KIND,
                                                           cases[i].kind));
    }

  /* Where no record is at hand, the neutral word. */
  g_assert_cmpstr (placements_enum_get_label (PLACEMENTS_TYPE_ORGANISATION_KIND,
                                              PLACEMENTS_ORGANISATION_KIND_EMPLOYMENT_SERVICE),
                   ==, "Employment service");

  /* A record without a country: labels as always, an empty code as "". */
  {
    g_autoptr(PlacementsClient) client = placements_client_new ();
    g_autofree char *group = NULL;
    g_autofree char *route = NULL;

    placements_client_set_target_group (client, PLACEMENTS_TARGET_GROUP_INTELLECTUAL_DISABILITY);
    group = placements_record_dup_field_label (PLACEMENTS_RECORD (client), "target-group");
    g_assert_cmpstr (group, ==, "Intellectual disability");
    route = placements_record_dup_field_label (PLACEMENTS_RECORD (client), "funding-route");
    g_assert_cmpstr (route, ==, "");
  }
}

static void
assert_changed (GtSignalLogger  *logger,
                PlacementsStore *store,
                GType            expected_type,
                const char      *expected_uuid)
{
  GType type = G_TYPE_INVALID;
  g_auto(GStrv) uuids = NULL;

  gt_signal_logger_assert_emission_pop (logger, store, "changed", &type, &uuids);
  g_assert_cmpstr (g_type_name (type), ==, g_type_name (expected_type));
  if (expected_uuid == NULL)
    g_assert_null (uuids);
  else
    g_assert_cmpstrv (uuids, ((const char * const[]) { expected_uuid, NULL }));
}

/* The log entries the writes came with: one emission, after the records'. */
static void
assert_audit_changed (GtSignalLogger  *logger,
                      PlacementsStore *store,
                      guint            n_entries)
{
  GType type = G_TYPE_INVALID;
  g_auto(GStrv) uuids = NULL;

  gt_signal_logger_assert_emission_pop (logger, store, "changed", &type, &uuids);
  g_assert_true (type == PLACEMENTS_TYPE_AUDIT_EVENT);
  g_assert_cmpuint (g_strv_length (uuids), ==, n_entries);
}

static void
test_changed_once_per_save (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(PlacementsRecord) organisation = NULL;
  g_autoptr(PlacementsRecord) consent = NULL;
  g_autoptr(GError) error = NULL;

  build_graph (fixture);
  gt_signal_logger_connect (logger, fixture->store, "changed");

  organisation = new_record (fixture, "organisation");
  g_assert_true (placements_store_save (fixture->store, organisation, &error));
  g_assert_no_error (error);
  assert_changed (logger, fixture->store, PLACEMENTS_TYPE_ORGANISATION,
                  placements_record_get_uuid (organisation));
  assert_audit_changed (logger, fixture->store, 1);
  gt_signal_logger_assert_no_emissions (logger);

  set_field (fixture, organisation, "city", "Mol");
  g_assert_true (placements_store_save (fixture->store, organisation, &error));
  g_assert_no_error (error);
  assert_changed (logger, fixture->store, PLACEMENTS_TYPE_ORGANISATION,
                  placements_record_get_uuid (organisation));
  assert_audit_changed (logger, fixture->store, 1);
  gt_signal_logger_assert_no_emissions (logger);

  /* A consent brings its audit event: one emission per type that changed. */
  consent = new_record (fixture, "consent");
  g_assert_true (placements_store_save (fixture->store, consent, &error));
  g_assert_no_error (error);
  assert_changed (logger, fixture->store, PLACEMENTS_TYPE_CONSENT,
                  placements_record_get_uuid (consent));
  {
    GType type = G_TYPE_INVALID;
    g_auto(GStrv) uuids = NULL;

    gt_signal_logger_assert_emission_pop (logger, fixture->store, "changed", &type, &uuids);
    g_assert_true (type == PLACEMENTS_TYPE_AUDIT_EVENT);
    g_assert_cmpuint (g_strv_length (uuids), ==, 1);
  }
  gt_signal_logger_assert_no_emissions (logger);
}

static void
test_changed_once_per_transaction (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(PlacementsRecord) first = NULL;
  g_autoptr(PlacementsRecord) second = NULL;
  g_autoptr(PlacementsRecord) person = NULL;
  g_autoptr(PlacementsRecord) invalid = NULL;
  g_autoptr(GError) error = NULL;
  GType type = G_TYPE_INVALID;
  g_auto(GStrv) uuids = NULL;

  build_graph (fixture);
  gt_signal_logger_connect (logger, fixture->store, "changed");

  g_assert_true (placements_store_begin (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_true (placements_store_in_transaction (fixture->store));

  first = new_record (fixture, "organisation");
  second = new_record (fixture, "organisation");
  set_field (fixture, second, "exchange-id", "be.kempen:02");
  person = new_record (fixture, "person");
  set_field (fixture, person, "organisation-uuid", placements_record_get_uuid (first));
  g_assert_true (placements_store_save (fixture->store, first, &error));
  g_assert_no_error (error);
  g_assert_true (placements_store_save (fixture->store, second, &error));
  g_assert_no_error (error);
  g_assert_true (placements_store_save (fixture->store, person, &error));
  g_assert_no_error (error);
  /* Saving the same record twice in one transaction still tells it once. */
  set_field (fixture, first, "city", "Mol");
  g_assert_true (placements_store_save (fixture->store, first, &error));
  g_assert_no_error (error);

  /* A refused save does not end the caller's transaction. */
  invalid = new_record (fixture, "person");
  set_field (fixture, invalid, "email", "nobody");
  g_assert_false (placements_store_save (fixture->store, invalid, &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD);
  g_clear_error (&error);
  g_assert_true (placements_store_in_transaction (fixture->store));

  gt_signal_logger_assert_no_emissions (logger);
  g_assert_true (placements_store_commit (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_false (placements_store_in_transaction (fixture->store));

  /* Parents before children. */
  gt_signal_logger_assert_emission_pop (logger, fixture->store, "changed", &type, &uuids);
  g_assert_true (type == PLACEMENTS_TYPE_ORGANISATION);
  g_assert_cmpstrv (uuids, ((const char * const[]) { placements_record_get_uuid (first),
                                                      placements_record_get_uuid (second),
                                                      NULL }));
  assert_changed (logger, fixture->store, PLACEMENTS_TYPE_PERSON,
                  placements_record_get_uuid (person));
  /* Each save logged: the first organisation's creation and change, the others'. */
  assert_audit_changed (logger, fixture->store, 4);
  gt_signal_logger_assert_no_emissions (logger);

  g_assert_true (placements_store_exists (fixture->store, PLACEMENTS_TYPE_PERSON,
                                          placements_record_get_uuid (person)));
  g_assert_false (placements_store_exists (fixture->store, PLACEMENTS_TYPE_PERSON,
                                           placements_record_get_uuid (invalid)));
}

static void
test_changed_rollback (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(PlacementsRecord) organisation = NULL;
  g_autoptr(PlacementsRecord) client = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  build_graph (fixture);
  before = placements_test_dump_database (fixture->store);
  gt_signal_logger_connect (logger, fixture->store, "changed");

  g_assert_true (placements_store_begin (fixture->store, &error));
  g_assert_no_error (error);
  organisation = new_record (fixture, "organisation");
  g_assert_true (placements_store_save (fixture->store, organisation, &error));
  g_assert_no_error (error);
  client = placements_store_load (fixture->store, PLACEMENTS_TYPE_CLIENT,
                                  resolve (fixture, "$client"), &error);
  g_assert_no_error (error);
  g_assert_true (placements_store_delete (fixture->store, client, &error));
  g_assert_no_error (error);
  placements_store_rollback (fixture->store);
  g_assert_false (placements_store_in_transaction (fixture->store));

  gt_signal_logger_assert_no_emissions (logger);
  after = placements_test_dump_database (fixture->store);
  g_assert_cmpstr (after, ==, before);

  /* Nothing from the rolled-back transaction is told by the next commit either. */
  g_assert_true (placements_store_begin (fixture->store, &error));
  g_assert_no_error (error);
  g_assert_true (placements_store_commit (fixture->store, &error));
  g_assert_no_error (error);
  gt_signal_logger_assert_no_emissions (logger);
}

/*
 * A delete tells every type whose records may have gone or changed with it,
 * including through a chain: person → buddy → buddy pairing.
 */
static void
test_changed_delete_dependents (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(PlacementsRecord) pairing = NULL;
  g_autoptr(PlacementsRecord) person = NULL;
  g_autoptr(GHashTable) told = g_hash_table_new (NULL, NULL);
  g_autoptr(GError) error = NULL;

  build_graph (fixture);
  pairing = new_record (fixture, "buddy-pairing");
  g_assert_true (placements_store_save (fixture->store, pairing, &error));
  g_assert_no_error (error);
  person = placements_store_load (fixture->store, PLACEMENTS_TYPE_PERSON,
                                  resolve (fixture, "$buddy-person"), &error);
  g_assert_no_error (error);

  gt_signal_logger_connect (logger, fixture->store, "changed");
  g_assert_true (placements_store_delete (fixture->store, person, &error));
  g_assert_no_error (error);
  g_assert_false (placements_store_exists (fixture->store, PLACEMENTS_TYPE_BUDDY_PAIRING,
                                           placements_record_get_uuid (pairing)));

  while (gt_signal_logger_get_n_emissions (logger) > 0)
    {
      GType type = G_TYPE_INVALID;
      g_auto(GStrv) uuids = NULL;

      gt_signal_logger_assert_emission_pop (logger, fixture->store, "changed", &type, &uuids);
      /* Once per type. */
      g_assert_false (g_hash_table_contains (told, GSIZE_TO_POINTER (type)));
      g_hash_table_add (told, GSIZE_TO_POINTER (type));
    }

  g_assert_true (g_hash_table_contains (told, GSIZE_TO_POINTER (PLACEMENTS_TYPE_PERSON)));
  g_assert_true (g_hash_table_contains (told, GSIZE_TO_POINTER (PLACEMENTS_TYPE_BUDDY)));
  g_assert_true (g_hash_table_contains (told,
                                        GSIZE_TO_POINTER (PLACEMENTS_TYPE_BUDDY_PAIRING)));
  g_assert_true (g_hash_table_contains (told, GSIZE_TO_POINTER (PLACEMENTS_TYPE_PLACEMENT)));
  g_assert_true (g_hash_table_contains (told, GSIZE_TO_POINTER (PLACEMENTS_TYPE_AUDIT_EVENT)));
  /* Nothing refers to a person from an organisation. */
  g_assert_false (g_hash_table_contains (told,
                                         GSIZE_TO_POINTER (PLACEMENTS_TYPE_ORGANISATION)));
}

static void
test_database_private (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(PlacementsRecord) organisation = NULL;
  GStatBuf buf;
  mode_t old_mask;

  /* Private in a sub-folder too, which the store creates. */
  path = g_build_filename (folder, "data", "placements.db", NULL);
  wal = g_strconcat (path, "-wal", NULL);

  /* With the most permissive umask, only the store's own care keeps the file private. */
  old_mask = umask (0);
  store = placements_store_open (path, &error);
  umask (old_mask);
  g_assert_no_error (error);

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  organisation = g_object_new (PLACEMENTS_TYPE_ORGANISATION, "name", "Linde", NULL);
  g_assert_true (placements_store_save (store, organisation, &error));
  g_assert_no_error (error);
  /* The write-ahead log holds the same data until a checkpoint. */
  if (g_stat (wal, &buf) == 0)
    g_assert_cmpint (buf.st_mode & 0777, ==, 0600);

  g_clear_object (&store);
  {
    g_autofree char *data_folder = g_path_get_dirname (path);

    g_assert_cmpint (g_stat (data_folder, &buf), ==, 0);
    g_assert_cmpint (buf.st_mode & 0777, ==, 0700);
    placements_test_remove_folder (data_folder);
  }
  placements_test_remove_folder (folder);
}

static void
test_database_newer (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "newer.db", NULL);
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_length = 0;
  gsize after_length = 0;
  g_autoptr(PlacementsStore) store = NULL;
  sqlite3 *db = NULL;

  /* What a later Placements might leave behind: more tables, a higher version. */
  sql = g_strdup_printf ("CREATE TABLE organisation (id INTEGER PRIMARY KEY, name TEXT);"
                         "CREATE TABLE from_the_future (id INTEGER PRIMARY KEY, what TEXT);"
                         "INSERT INTO from_the_future (what) VALUES ('hoverboards');"
                         "PRAGMA user_version = %d;",
                         placements_store_get_latest_schema_version () + 1);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  g_assert_true (g_file_get_contents (path, &before, &before_length, &error));
  g_assert_no_error (error);

  store = placements_store_open (path, &error);
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NEWER_DATABASE);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, path));

  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (after, after_length, before, before_length);
  /* Not switched to write-ahead logging either. */
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);

    g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  }

  placements_test_remove_folder (folder);
}

static void
test_database_not_a_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "notes.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *after = NULL;
  gsize after_length = 0;
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  for (int i = 0; i < 200; i++)
    g_string_append (text, "Dit is geen database, maar een boodschappenlijstje.\n");
  contents = g_string_free (g_steal_pointer (&text), FALSE);
  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);

  store = placements_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, path));

  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (after, after_length, contents, strlen (contents));

  placements_test_remove_folder (folder);
}

static void
test_database_reopen (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PlacementsStore) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  build_graph (fixture);
  before = placements_test_dump_database (fixture->store);
  g_assert_cmpint (placements_store_get_schema_version (fixture->store), ==,
                   placements_store_get_latest_schema_version ());
  g_clear_object (&fixture->store);

  again = placements_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (placements_store_get_schema_version (again), ==,
                   placements_store_get_latest_schema_version ());
  after = placements_test_dump_database (again);
  g_assert_cmpstr (after, ==, before);
  fixture->store = g_steal_pointer (&again);
}

/* Keeps the fields that depend on a code in step while it runs through its values:
 * an organisation's postcode on its country, a placement's end reason on its status. */
static void
make_consistent (Fixture          *fixture,
                 PlacementsRecord *record,
                 const char       *field,
                 const char       *nick)
{
  if (PLACEMENTS_IS_ORGANISATION (record) && g_str_equal (field, "country"))
    {
      gboolean nl = g_str_equal (nick, "nl");

      set_field (fixture, record, "postcode", nl ? "1234 AB" : "2440");
      set_field (fixture, record, "registry-number", nl ? "12345678" : "0403.170.701");
    }
  if (!PLACEMENTS_IS_PLACEMENT (record))
    return;
  if (g_str_equal (field, "status"))
    set_field (fixture, record, "end-reason", g_str_equal (nick, "ended") ? "as-planned" : "");
  else if (g_str_equal (field, "end-reason"))
    set_field (fixture, record, "status", g_str_equal (nick, "none") ? "active" : "ended");
}

static void
save_and_compare (Fixture          *fixture,
                  PlacementsRecord *record,
                  const char       *field,
                  const char       *expected)
{
  g_autoptr(PlacementsRecord) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_test_message ("%s.%s = “%s”",
                  placements_record_class_get_kind (PLACEMENTS_RECORD_GET_CLASS (record)),
                  field, expected);
  placements_store_save (fixture->store, record, &error);
  g_assert_no_error (error);
  loaded = placements_store_load (fixture->store, G_OBJECT_TYPE (record),
                                  placements_record_get_uuid (record), &error);
  g_assert_no_error (error);
  text = placements_record_dup_field_text (loaded, field);
  g_assert_cmpstr (text, ==, expected);
}

/*
 * Every code of every enum field, and every flag, goes into the database and comes
 * back: a value added to a C enum but not to the schema's CHECK fails here.
 */
static void
test_schema_accepts_every_code (Fixture       *fixture,
                                gconstpointer  data)
{
  guint n_checked = 0;

  build_graph (fixture);

  for (gsize i = 0; i < G_N_ELEMENTS (record_cases); i++)
    {
      g_autoptr(PlacementsRecord) record = new_record (fixture, record_cases[i].kind);
      PlacementsRecordClass *klass = PLACEMENTS_RECORD_GET_CLASS (record);

      /* Only the store's writer adds to the log: each action goes through it. */
      if (PLACEMENTS_IS_AUDIT_EVENT (record))
        {
          g_autoptr(GEnumClass) actions = g_type_class_ref (PLACEMENTS_TYPE_AUDIT_ACTION);

          for (guint k = 0; k < actions->n_values; k++)
            {
              g_autoptr(GError) error = NULL;

              g_test_message ("audit action %s", actions->values[k].value_nick);
              placements_store_write_audit_event (fixture->store, actions->values[k].value,
                                                  "client", NULL, NULL, &error);
              g_assert_no_error (error);
              n_checked++;
            }
          continue;
        }

      for (guint j = 0; j < placements_record_class_get_n_fields (klass); j++)
        {
          const PlacementsField *field = placements_record_class_get_field (klass, j);
          GType value_type = field->pspec->value_type;

          if (G_TYPE_IS_ENUM (value_type))
            {
              g_autoptr(GEnumClass) enum_class = g_type_class_ref (value_type);

              for (guint k = 0; k < enum_class->n_values; k++)
                {
                  const char *nick = enum_class->values[k].value_nick;

                  set_field (fixture, record, field->pspec->name, nick);
                  make_consistent (fixture, record, field->pspec->name, nick);
                  save_and_compare (fixture, record, field->pspec->name,
                                    g_str_equal (nick, "none") ? "" : nick);
                  n_checked++;
                }
            }
          else if (G_TYPE_IS_FLAGS (value_type))
            {
              g_autoptr(GFlagsClass) flags_class = g_type_class_ref (value_type);
              g_autoptr(GString) all = g_string_new (NULL);

              for (guint k = 0; k < flags_class->n_values; k++)
                {
                  const char *nick = flags_class->values[k].value_nick;

                  if (flags_class->values[k].value == 0)
                    continue;
                  set_field (fixture, record, field->pspec->name, nick);
                  save_and_compare (fixture, record, field->pspec->name, nick);
                  g_string_append_printf (all, "%s%s", all->len > 0 ? "," : "", nick);
                  n_checked++;
                }
              set_field (fixture, record, field->pspec->name, all->str);
              save_and_compare (fixture, record, field->pspec->name, all->str);
              set_field (fixture, record, field->pspec->name, "");
              save_and_compare (fixture, record, field->pspec->name, "");
            }
        }
    }

  /* Enough to know the loops ran over the real enums. */
  g_assert_cmpuint (n_checked, >, 100);
}

/* And the other way round: the CHECK constraints refuse what no enum has. */
static void
test_schema_refuses_bogus_codes (Fixture       *fixture,
                                 gconstpointer  data)
{
  sqlite3 *db = placements_store_get_connection (fixture->store);
  guint n_checked = 0;

  build_graph (fixture);

  for (gsize i = 0; i < G_N_ELEMENTS (record_cases); i++)
    {
      g_autoptr(PlacementsRecord) record = new_record (fixture, record_cases[i].kind);
      PlacementsRecordClass *klass = PLACEMENTS_RECORD_GET_CLASS (record);
      g_autoptr(GError) error = NULL;

      /* The log refuses every UPDATE (its CHECK on action: test-audit-log). */
      if (PLACEMENTS_IS_AUDIT_EVENT (record))
        continue;
      g_assert_true (placements_store_save (fixture->store, record, &error));
      g_assert_no_error (error);

      for (guint j = 0; j < placements_record_class_get_n_fields (klass); j++)
        {
          const PlacementsField *field = placements_record_class_get_field (klass, j);
          GType value_type = field->pspec->value_type;
          g_autofree char *bogus = NULL;
          g_autofree char *sql = NULL;
          g_autofree char *before = NULL;
          g_autofree char *after = NULL;
          char *message = NULL;
          int result;

          if (G_TYPE_IS_ENUM (value_type))
            bogus = g_strdup ("'bogus'");
          else if (G_TYPE_IS_FLAGS (value_type))
            {
              g_autoptr(GFlagsClass) flags_class = g_type_class_ref (value_type);

              /* The next bit after the last flag. */
              bogus = g_strdup_printf ("%u", flags_class->mask + 1);
            }
          else
            continue;

          sql = g_strdup_printf ("UPDATE %s SET %s = %s WHERE uuid = '%s'",
                                 placements_record_class_get_table (klass), field->column,
                                 bogus, placements_record_get_uuid (record));
          g_test_message ("%s", sql);
          before = placements_test_dump_database (fixture->store);
          result = sqlite3_exec (db, sql, NULL, NULL, &message);
          g_assert_cmpint (result & 0xff, ==, SQLITE_CONSTRAINT);
          g_assert_nonnull (message);
          g_assert_nonnull (strstr (message, "CHECK constraint failed"));
          sqlite3_free (message);
          after = placements_test_dump_database (fixture->store);
          g_assert_cmpstr (after, ==, before);
          n_checked++;
        }
    }

  g_assert_cmpuint (n_checked, >, 20);
}

static void
add_fixture_test (const char *path,
                  gconstpointer data,
                  void (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, data, fixture_set_up, test, fixture_tear_down);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (record_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/records/crud/%s", record_cases[i].kind);

      add_fixture_test (path, &record_cases[i], test_crud);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      g_autofree char *path = g_strdup_printf ("/records/refuse/%s", refusals[i].path);

      add_fixture_test (path, &refusals[i], test_refusal);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (acceptances); i++)
    {
      g_autofree char *path = g_strdup_printf ("/records/accept/%s", acceptances[i].path);

      add_fixture_test (path, &acceptances[i], test_acceptance);
    }

  add_fixture_test ("/records/refuse/client/date-of-birth-tomorrow", NULL,
                    test_date_of_birth_today);
  add_fixture_test ("/records/normalise/trim-and-nfc", NULL, test_normalise);
  g_test_add_func ("/records/set-field-text/refuses-bad-text", test_set_field_text_refusals);
  g_test_add_func ("/records/set-field-text/unknown-field", test_unknown_field);
  g_test_add_func ("/records/field-text/doubles", test_field_text_doubles);
  add_fixture_test ("/records/reference/dangling", NULL, test_dangling_reference);
  add_fixture_test ("/records/reference/dangling-in-transaction", NULL,
                    test_dangling_reference_in_transaction);
  add_fixture_test ("/records/delete/in-use", NULL, test_delete_in_use);
  add_fixture_test ("/records/delete/cascades", NULL, test_delete_cascades);
  add_fixture_test ("/records/delete/set-null", NULL, test_delete_set_null);
  add_fixture_test ("/records/audit/deletes-and-consents", NULL, test_audit_events);
  add_fixture_test ("/records/audit/one-writer", NULL, test_audit_writer);
  add_fixture_test ("/records/changed/once-per-save", NULL, test_changed_once_per_save);
  add_fixture_test ("/records/changed/once-per-transaction", NULL,
                    test_changed_once_per_transaction);
  add_fixture_test ("/records/changed/rollback", NULL, test_changed_rollback);
  add_fixture_test ("/records/changed/delete-dependents", NULL,
                    test_changed_delete_dependents);
  g_test_add_func ("/records/database/private", test_database_private);
  g_test_add_func ("/records/database/newer-version", test_database_newer);
  g_test_add_func ("/records/labels/kind-follows-country", test_kind_follows_country);
  g_test_add_func ("/records/database/not-a-database", test_database_not_a_database);
  add_fixture_test ("/records/database/reopen", NULL, test_database_reopen);
  add_fixture_test ("/records/schema/accepts-every-code", NULL, test_schema_accepts_every_code);
  add_fixture_test ("/records/schema/refuses-bogus-codes", NULL,
                    test_schema_refuses_bogus_codes);

  return g_test_run ();
}
