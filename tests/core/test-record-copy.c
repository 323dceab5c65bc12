#define G_LOG_DOMAIN "placements-test-record-copy"

#include "config.h"

#include <string.h>

#include "placements-error.h"
#include "placements-record-types.h"

/*
 * What an editor does with a record without the database: a copy to edit, compared
 * with the original and given back to it, and every field that is wrong named at once.
 */

static PlacementsClient *
make_client (void)
{
  PlacementsClient *client = placements_client_new ();

  placements_client_set_family_name (client, "Bakker");
  placements_client_set_given_name (client, "Anouk");
  placements_client_set_date_of_birth (client, "1990-04-10");
  placements_client_set_target_group (client, PLACEMENTS_TARGET_GROUP_OTHER);
  return client;
}

static void
test_dup (void)
{
  g_autoptr(PlacementsClient) client = make_client ();
  g_autoptr(PlacementsRecord) copy = placements_record_dup (PLACEMENTS_RECORD (client));

  placements_record_set_stored (PLACEMENTS_RECORD (client), 7, "2026-01-01T00:00:00Z",
                                "2026-01-02T00:00:00Z");
  g_clear_object (&copy);
  copy = placements_record_dup (PLACEMENTS_RECORD (client));

  g_assert_true (PLACEMENTS_IS_CLIENT (copy));
  g_assert_cmpstr (placements_record_get_uuid (copy), ==,
                   placements_record_get_uuid (PLACEMENTS_RECORD (client)));
  g_assert_cmpint (placements_record_get_row_id (copy), ==, 7);
  g_assert_cmpstr (placements_record_get_updated (copy), ==, "2026-01-02T00:00:00Z");
  g_assert_true (placements_record_equal_fields (copy, PLACEMENTS_RECORD (client)));

  /* The copy is its own: editing it leaves the original alone. */
  placements_client_set_family_name (PLACEMENTS_CLIENT (copy), "Jansen");
  g_assert_cmpstr (placements_client_get_family_name (client), ==, "Bakker");
  g_assert_false (placements_record_equal_fields (copy, PLACEMENTS_RECORD (client)));

  placements_record_copy_fields (PLACEMENTS_RECORD (client), copy);
  g_assert_cmpstr (placements_client_get_family_name (client), ==, "Jansen");
  g_assert_true (placements_record_equal_fields (copy, PLACEMENTS_RECORD (client)));
}

static void
test_invalid_field (void)
{
  g_autoptr(PlacementsClient) client = make_client ();
  g_autoptr(GError) error = NULL;
  const PlacementsField *field;

  g_assert_true (placements_record_validate (PLACEMENTS_RECORD (client), NULL));
  g_assert_null (placements_record_get_invalid_field (PLACEMENTS_RECORD (client)));

  placements_client_set_national_id (client, "123456789");
  g_assert_false (placements_record_validate (PLACEMENTS_RECORD (client), &error));
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD);
  field = placements_record_get_invalid_field (PLACEMENTS_RECORD (client));
  g_assert_nonnull (field);
  g_assert_cmpstr (field->pspec->name, ==, "national-id");

  /* A rule of the base class (a required field) names its field too. */
  g_clear_error (&error);
  placements_client_set_national_id (client, NULL);
  placements_client_set_family_name (client, NULL);
  g_assert_false (placements_record_validate (PLACEMENTS_RECORD (client), &error));
  field = placements_record_get_invalid_field (PLACEMENTS_RECORD (client));
  g_assert_cmpstr (field->pspec->name, ==, "family-name");

  placements_client_set_family_name (client, "Bakker");
  g_assert_true (placements_record_validate (PLACEMENTS_RECORD (client), NULL));
  g_assert_null (placements_record_get_invalid_field (PLACEMENTS_RECORD (client)));
}

static void
test_validate_fields (void)
{
  g_autoptr(PlacementsClient) client = make_client ();
  g_autoptr(PlacementsPlacement) placement = placements_placement_new ();
  g_autoptr(GPtrArray) problems = NULL;
  PlacementsFieldError *problem;

  problems = placements_record_validate_fields (PLACEMENTS_RECORD (client));
  g_assert_cmpuint (problems->len, ==, 0);
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* Three faults in three fields: all three are told, each naming its field, and the
   * record itself is left as it was. */
  placements_client_set_date_of_birth (client, "2150-01-01");
  placements_client_set_national_id (client, "123456789");
  placements_client_set_right_to_return_until (client, "2027-01-01");
  problems = placements_record_validate_fields (PLACEMENTS_RECORD (client));
  g_assert_cmpuint (problems->len, ==, 3);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->field->pspec->name, ==, "national-id");
  g_assert_nonnull (strstr (problem->error->message, "National id number"));
  problem = g_ptr_array_index (problems, 1);
  g_assert_cmpstr (problem->field->pspec->name, ==, "date-of-birth");
  problem = g_ptr_array_index (problems, 2);
  g_assert_cmpstr (problem->field->pspec->name, ==, "right-to-return-until");
  g_assert_cmpstr (placements_client_get_national_id (client), ==, "123456789");
  g_clear_pointer (&problems, g_ptr_array_unref);

  /* An end before its start is the end's fault; a required field left empty ends the
   * search, as nothing after it can be checked. */
  placements_placement_set_start_date (placement, "2026-02-01");
  placements_placement_set_planned_end_date (placement, "2026-01-01");
  problems = placements_record_validate_fields (PLACEMENTS_RECORD (placement));
  g_assert_cmpuint (problems->len, >=, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->field->pspec->name, ==, "client-uuid");
  g_clear_pointer (&problems, g_ptr_array_unref);

  placements_placement_set_client_uuid (placement, "22222222-2222-4222-8222-222222222222");
  placements_placement_set_workplace_uuid (placement, "33333333-3333-4333-8333-333333333333");
  problems = placements_record_validate_fields (PLACEMENTS_RECORD (placement));
  g_assert_cmpuint (problems->len, ==, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->field->pspec->name, ==, "planned-end-date");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record-copy/dup", test_dup);
  g_test_add_func ("/record-copy/invalid-field", test_invalid_field);
  g_test_add_func ("/record-copy/validate-fields", test_validate_fields);

  return g_test_run ();
}
