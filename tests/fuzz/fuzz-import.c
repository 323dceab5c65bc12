#define G_LOG_DOMAIN "fuzz-import"

#include "config.h"

#include <glib/gstdio.h>

#include "placements-core.h"
#include "placements-exchange-reader.h"
#include "placements-exchange-state.h"
#include "placements-record-types.h"
#include "placements-store.h"

/*
 * libFuzzer target for the importer: each input goes through the reader (size
 * checks, UTF-8, DOCTYPE, schema, records), then the rules, once without a database
 * (as `placements-cli validate` does) and once against a database that is
 * organisation "org-b" and knows "org-a", as the fixtures expect. Nothing is
 * written, so every run sees the same database.
 */

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static PlacementsStore *store;

static void
save_organisation (const char *uuid,
                   const char *name,
                   const char *exchange_id)
{
  g_autoptr(PlacementsRecord) organisation =
    g_object_new (PLACEMENTS_TYPE_ORGANISATION, "uuid", uuid, NULL);

  placements_record_set_field_text (organisation, "name", name, NULL);
  placements_record_set_field_text (organisation, "kind", "care-provider", NULL);
  placements_record_set_field_text (organisation, "country", "nl", NULL);
  placements_record_set_field_text (organisation, "exchange-id", exchange_id, NULL);
  if (!placements_store_save (store, organisation, NULL))
    g_error ("The fuzzer's database could not be set up");
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("fuzz-import-XXXXXX", &error);
  g_autofree char *path = NULL;

  placements_core_init ();

  /* A critical in the core is a bug the fuzzer should report, not log. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  g_assert_no_error (error);
  path = g_build_filename (folder, "fuzz.db", NULL);
  store = placements_store_open (path, &error);
  g_assert_no_error (error);
  save_organisation ("aaaaaaaa-0000-4000-8000-000000000001", "A", "org-a");
  save_organisation ("bbbbbbbb-0000-4000-8000-000000000002", "B", "org-b");
  placements_exchange_set_own_organisation (store, "bbbbbbbb-0000-4000-8000-000000000002",
                                            &error);
  g_assert_no_error (error);
  /* The database file stays open; unlinking it now leaves no litter behind. */
  g_unlink (path);
  g_rmdir (folder);
  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(PlacementsExchangeMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *partner = NULL;

  message = placements_exchange_parse ((const char *) data, size, "fuzz.xml", &error);
  if (message == NULL)
    {
      g_assert (error != NULL && error->message != NULL);
      return 0;
    }

  placements_exchange_check_rules (message, NULL, NULL, NULL, NULL, &error);
  g_clear_error (&error);
  placements_exchange_check_rules (message, store, &partner, NULL, NULL, &error);
  return 0;
}
