#define G_LOG_DOMAIN "test-exchange-messages"

#include "config.h"

#include "placements-exchange-import.h"
#include "placements-exchange-messages.h"
#include "placements-exchange-state.h"
#include "placements-record-types.h"
#include "placements-store.h"
#include "placements-test-utils.h"

/* The message list: a sent referral, then the partner's acknowledgement of it. */

#define ORG_A "aaaaaaaa-0000-4000-8000-000000000001"
#define ORG_B "bbbbbbbb-0000-4000-8000-000000000002"
#define REFERRAL_ID "11111111-1111-4111-8111-111111111111"

static void
test_messages (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "a.db", NULL);
  g_autofree char *ack = g_test_build_filename (G_TEST_DIST, "fixtures", "exchange",
                                                "valid-ack.xml", NULL);
  g_autoptr(PlacementsStore) store = placements_test_open_store (path);
  g_autoptr(PlacementsImport) import = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  PlacementsMessageInfo *info;
  PlacementsMessageResult *result;

  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, ORG_A,
                            "name", "Zorggroep De Linde", "kind", "care-provider",
                            "country", "nl", "exchange-id", "org-a", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, ORG_B,
                            "name", "Werkbedrijf Oost", "kind", "social-employment-company",
                            "country", "nl", "exchange-id", "org-b", NULL);
  g_assert_true (placements_exchange_set_own_organisation (store, ORG_A, &error));
  g_assert_true (placements_exchange_log_message (store, REFERRAL_ID, PLACEMENTS_MESSAGE_SENT,
                                                  "referral", ORG_B, "2026-03-01T09:00:00Z",
                                                  NULL, 6, &error));
  g_assert_no_error (error);

  /* Waiting. */
  messages = placements_exchange_list_messages (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 1);
  info = g_ptr_array_index (messages, 0);
  g_assert_true (info->sent);
  g_assert_cmpstr (info->kind, ==, "referral");
  g_assert_cmpstr (info->partner_name, ==, "Werkbedrijf Oost");
  g_assert_cmpuint (info->n_records, ==, 6);
  g_assert_null (info->answered);
  g_clear_pointer (&messages, g_ptr_array_unref);

  /* Answered, with one rejection. */
  import = placements_import_new (store);
  g_assert_true (placements_import_prepare (import, ack, NULL, NULL, NULL, &error));
  g_assert_true (placements_import_apply (import, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  messages = placements_exchange_list_messages (store, &error);
  g_assert_cmpuint (messages->len, ==, 1);
  info = g_ptr_array_index (messages, 0);
  g_assert_nonnull (info->answered);
  g_assert_cmpuint (info->n_accepted, ==, 1);
  g_assert_cmpuint (info->n_rejected, ==, 1);
  g_assert_cmpuint (info->n_warnings, ==, 0);

  results = placements_exchange_list_results (store, REFERRAL_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (results->len, ==, 2);
  result = g_ptr_array_index (results, 0);
  g_assert_cmpstr (result->code, ==, "rejected");
  g_assert_cmpstr (result->kind, ==, "ladder-step");
  g_assert_cmpstr (result->rule, ==, "record-valid");
  g_assert_cmpstr (result->message, ==, "Rung is not plausible");
  result = g_ptr_array_index (results, 1);
  g_assert_cmpstr (result->code, ==, "accepted");

  g_clear_object (&import);
  g_clear_object (&store);
  placements_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/exchange/messages", test_messages);
  return g_test_run ();
}
