#define G_LOG_DOMAIN "test-exchange-receiver"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "placements-error.h"
#include "placements-exchange-receiver.h"
#include "placements-exchange-state.h"
#include "placements-record-types.h"

#define RECEIVER_UUID "bbbbbbbb-0000-4000-8000-000000000002"

typedef struct
{
  char            *folder;
  char            *path;
  PlacementsStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->folder = g_dir_make_tmp ("test-exchange-receiver-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->folder, "placements.db", NULL);
  fixture->store = placements_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);

  g_assert_finalize_object (fixture->store);
  g_unlink (fixture->path);
  g_unlink (wal);
  g_unlink (shm);
  g_rmdir (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

static void
test_adopts_receiver (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "fixtures", "exchange",
                                                 "valid-referral.xml", NULL);
  g_autoptr(PlacementsOrganisation) own = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *own_uuid = NULL;

  /* Named before it is taken, and nothing stored by asking. */
  own = placements_exchange_peek_receiver (file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (placements_organisation_get_name (own), ==, "Werkbedrijf Oost");
  g_assert_cmpint (placements_store_count (fixture->store, PLACEMENTS_TYPE_ORGANISATION), ==, 0);
  g_clear_object (&own);

  own = placements_exchange_adopt_receiver (fixture->store, file, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (placements_organisation_get_exchange_id (own), ==, "org-b");
  own_uuid = placements_exchange_dup_own_organisation (fixture->store);
  g_assert_cmpstr (own_uuid, ==, RECEIVER_UUID);
  /* Only the receiver's record is taken; the rest waits for the import's preview. */
  g_assert_cmpint (placements_store_count (fixture->store, PLACEMENTS_TYPE_ORGANISATION), ==, 1);
  g_assert_cmpint (placements_store_count (fixture->store, PLACEMENTS_TYPE_CLIENT), ==, 0);

  /* The same file again changes nothing. */
  g_clear_object (&own);
  own = placements_exchange_adopt_receiver (fixture->store, file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (placements_store_count (fixture->store, PLACEMENTS_TYPE_ORGANISATION), ==, 1);
}

static void
test_refuses_other_owner (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "fixtures", "exchange",
                                                 "valid-referral.xml", NULL);
  g_autoptr(PlacementsOrganisation) other = placements_organisation_new ();
  g_autoptr(PlacementsOrganisation) own = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *own_uuid = NULL;

  placements_organisation_set_name (other, "Ons Huis vzw");
  placements_organisation_set_kind (other, PLACEMENTS_ORGANISATION_KIND_CARE_PROVIDER);
  placements_organisation_set_country (other, PLACEMENTS_COUNTRY_BE);
  placements_store_save (fixture->store, PLACEMENTS_RECORD (other), &error);
  g_assert_no_error (error);
  placements_exchange_set_own_organisation (fixture->store,
                                            placements_record_get_uuid (PLACEMENTS_RECORD (other)),
                                            &error);
  g_assert_no_error (error);

  own = placements_exchange_adopt_receiver (fixture->store, file, &error);
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_CONFLICT);
  g_assert_null (own);
  g_assert_nonnull (strstr (error->message, "org-b"));
  own_uuid = placements_exchange_dup_own_organisation (fixture->store);
  g_assert_cmpstr (own_uuid, ==, placements_record_get_uuid (PLACEMENTS_RECORD (other)));
  g_assert_cmpint (placements_store_count (fixture->store, PLACEMENTS_TYPE_ORGANISATION), ==, 1);
}

static void
test_refuses_file_without_receiver (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autofree char *file = g_test_build_filename (G_TEST_DIST, "fixtures", "exchange",
                                                 "valid-ack.xml", NULL);
  g_autoptr(PlacementsOrganisation) own = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *own_uuid = NULL;

  own = placements_exchange_peek_receiver (file, &error);
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_REFUSED_FILE);
  g_assert_null (own);
  g_clear_error (&error);
  own = placements_exchange_adopt_receiver (fixture->store, file, &error);
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_REFUSED_FILE);
  g_assert_null (own);
  own_uuid = placements_exchange_dup_own_organisation (fixture->store);
  g_assert_null (own_uuid);
  g_assert_cmpint (placements_store_count (fixture->store, PLACEMENTS_TYPE_ORGANISATION), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/exchange/receiver/adopts-receiver", Fixture, NULL,
              fixture_set_up, test_adopts_receiver, fixture_tear_down);
  g_test_add ("/exchange/receiver/refuses-other-owner", Fixture, NULL,
              fixture_set_up, test_refuses_other_owner, fixture_tear_down);
  g_test_add ("/exchange/receiver/refuses-file-without-receiver", Fixture, NULL,
              fixture_set_up, test_refuses_file_without_receiver, fixture_tear_down);

  return g_test_run ();
}
