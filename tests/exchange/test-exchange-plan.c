#define G_LOG_DOMAIN "test-exchange-plan"

#include "config.h"

#include <string.h>

#include "placements-error.h"
#include "placements-exchange-export.h"
#include "placements-exchange-plan.h"
#include "placements-exchange-state.h"
#include "placements-record-types.h"
#include "placements-store.h"
#include "placements-test-utils.h"

/* What an export would send, told before writing: each client left out for the first
 * rule it fails, and the same count as the export itself then finds. */

#define OWN "aaaaaaaa-0000-4000-8000-000000000001"
#define ALL "identity,support,progress,placements"
#define PARTNER "bbbbbbbb-0000-4000-8000-000000000002"

static char *
make_client (PlacementsStore *store,
             const char      *family_name)
{
  g_autoptr(PlacementsRecord) record = g_object_new (PLACEMENTS_TYPE_CLIENT, NULL);
  g_autoptr(GError) error = NULL;

  placements_record_set_field_text (record, "given-name", "Sam", &error);
  placements_record_set_field_text (record, "family-name", family_name, &error);
  placements_record_set_field_text (record, "date-of-birth", "1990-01-01", &error);
  placements_record_set_field_text (record, "care-organisation-uuid", OWN, &error);
  g_assert_no_error (error);
  placements_store_save (store, record, &error);
  g_assert_no_error (error);
  return g_strdup (placements_record_get_uuid (record));
}

static void
make_consent (PlacementsStore *store,
              const char      *client,
              const char      *purpose,
              const char      *categories,
              const char      *given,
              const char      *expiry,
              const char      *withdrawn)
{
  g_autoptr(PlacementsRecord) record = g_object_new (PLACEMENTS_TYPE_CONSENT, NULL);
  g_autoptr(GError) error = NULL;

  placements_record_set_field_text (record, "client-uuid", client, &error);
  placements_record_set_field_text (record, "receiver-uuid", PARTNER, &error);
  placements_record_set_field_text (record, "purpose", purpose, &error);
  placements_record_set_field_text (record, "data-categories", categories, &error);
  placements_record_set_field_text (record, "given-by", "client", &error);
  placements_record_set_field_text (record, "given-date", given, &error);
  if (expiry != NULL)
    placements_record_set_field_text (record, "expiry-date", expiry, &error);
  if (withdrawn != NULL)
    placements_record_set_field_text (record, "withdrawn-date", withdrawn, &error);
  g_assert_no_error (error);
  placements_store_save (store, record, &error);
  g_assert_no_error (error);
}

static void
test_plan (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "plan.db", NULL);
  g_autofree char *file = g_build_filename (folder, "out.placements.xml", NULL);
  g_autoptr(PlacementsStore) store = placements_test_open_store (path);
  g_autoptr(PlacementsExportPlan) plan = NULL;
  g_autoptr(PlacementsExport) export = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "Akkerman", "Bos", "Claes", "Dekker", "Evers", "Fris", "Goossens" };
  const PlacementsLeftOutReason expected[] = {
    PLACEMENTS_LEFT_OUT_NO_CONSENT, PLACEMENTS_LEFT_OUT_NOT_YET_GIVEN,
    PLACEMENTS_LEFT_OUT_WITHDRAWN, PLACEMENTS_LEFT_OUT_EXPIRED, PLACEMENTS_LEFT_OUT_PURPOSE,
    PLACEMENTS_LEFT_OUT_NO_IDENTITY,
  };
  char *clients[G_N_ELEMENTS (names)];
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) month = g_date_time_add_days (now, 30);
  g_autofree char *later = g_date_time_format (month, "%Y-%m-%d");

  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, OWN,
                            "name", "Zorggroep De Linde", "kind", "care-provider",
                            "country", "nl", "exchange-id", "org-a", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, PARTNER,
                            "name", "IJsseldelta", "kind", "social-employment-company",
                            "country", "nl", "exchange-id", "org-b", NULL);
  g_assert_true (placements_exchange_set_own_organisation (store, OWN, &error));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    clients[i] = make_client (store, names[i]);
  /* Akkerman none; Bos from next month; Claes withdrawn; Dekker expired; Evers for research
   * only; Fris without identity; Goossens all well. */
  make_consent (store, clients[1], "placement", ALL, later,
                NULL, NULL);
  make_consent (store, clients[2], "placement", ALL, "2020-01-01", NULL, "2021-01-01");
  make_consent (store, clients[3], "placement", ALL, "2020-01-01", "2021-01-01", NULL);
  make_consent (store, clients[4], "reporting", ALL, "2020-01-01", NULL, NULL);
  make_consent (store, clients[5], "placement", "progress", "2020-01-01", NULL, NULL);
  make_consent (store, clients[6], "placement", ALL, "2020-01-01", NULL, NULL);

  plan = placements_export_plan (store, "org-b", NULL, NULL, FALSE, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->n_clients, ==, 1);
  g_assert_cmpuint (plan->n_left_out, ==, 6);
  g_assert_cmpuint (plan->left_out->len, ==, 6);
  for (guint i = 0; i < plan->left_out->len; i++)
    {
      PlacementsLeftOut *left_out = g_ptr_array_index (plan->left_out, i);
      g_autofree char *why = placements_left_out_reason_describe (left_out->reason,
                                                                   "IJsseldelta");

      g_assert_cmpstr (left_out->client_uuid, ==, clients[i]);
      g_assert_nonnull (strstr (left_out->name, names[i]));
      g_assert_cmpint (left_out->reason, ==, expected[i]);
      g_assert_nonnull (strstr (why, "IJsseldelta"));
    }

  /* The export agrees. */
  export = placements_export_new (store, "org-b", NULL, FALSE);
  g_assert_true (placements_export_write (export, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (placements_export_get_n_clients (export), ==, plan->n_clients);
  g_assert_cmpuint (placements_export_get_n_left_out (export), ==, plan->n_left_out);
  g_clear_pointer (&plan, placements_export_plan_free);

  /* A limit keeps the list short, not the count. */
  plan = placements_export_plan (store, "org-b", NULL, NULL, FALSE, 2, &error);
  g_assert_cmpuint (plan->n_left_out, ==, 6);
  g_assert_cmpuint (plan->left_out->len, ==, 2);
  g_clear_pointer (&plan, placements_export_plan_free);

  /* One client, as from their page: Goossens travels alone, Dekker is left out alone, and
   * the export agrees. */
  plan = placements_export_plan (store, "org-b", NULL, clients[6], FALSE, 100, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (plan->n_clients, ==, 1);
  g_assert_cmpuint (plan->n_left_out, ==, 0);
  g_clear_pointer (&plan, placements_export_plan_free);
  plan = placements_export_plan (store, "org-b", NULL, clients[3], FALSE, 100, &error);
  g_assert_cmpuint (plan->n_clients, ==, 0);
  g_assert_cmpuint (plan->n_left_out, ==, 1);
  g_assert_cmpstr (((PlacementsLeftOut *) g_ptr_array_index (plan->left_out, 0))->client_uuid,
                   ==, clients[3]);
  g_clear_pointer (&plan, placements_export_plan_free);
  g_clear_object (&export);
  export = placements_export_new (store, "org-b", NULL, FALSE);
  placements_export_set_client_uuid (export, clients[3]);
  g_assert_true (placements_export_write (export, file, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (placements_export_get_n_clients (export), ==, 0);
  g_assert_cmpuint (placements_export_get_n_left_out (export), ==, 1);

  /* An unknown receiver is an error, not an empty plan. */
  g_assert_null (placements_export_plan (store, "nobody", NULL, NULL, FALSE, 2, &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NOT_FOUND);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_free (clients[i]);
  g_clear_object (&store);
  placements_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/exchange/plan", test_plan);
  return g_test_run ();
}
