#define G_LOG_DOMAIN "placements-test-save-queue"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "placements-error.h"
#include "placements-record-types.h"
#include "placements-store.h"
#include "placements-test-utils.h"

/*
 * The busy policy at the store: a write that meets another connection's write lock
 * waits at most the busy timeout, on the clock, and is refused with
 * PLACEMENTS_ERROR_BUSY; placements_store_save_async() never waits, keeps the saves
 * in order while the lock is taken and commits them when it is free. The other
 * writer here is a plain SQLite connection holding BEGIN IMMEDIATE, as an import's
 * apply does.
 */

typedef struct
{
  char            *folder;
  char            *path;
  PlacementsStore *store;
  sqlite3         *other;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->folder = placements_test_make_folder ();
  fixture->path = g_build_filename (fixture->folder, "queue.db", NULL);
  fixture->store = placements_test_open_store (fixture->path);
  placements_store_set_busy_timeout (fixture->store, PLACEMENTS_STORE_INTERACTIVE_BUSY_TIMEOUT);
  g_assert_cmpint (sqlite3_open (fixture->path, &fixture->other), ==, SQLITE_OK);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sqlite3_close (fixture->other);
  g_clear_object (&fixture->store);
  placements_test_remove_folder (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

static void
take_lock (Fixture *fixture)
{
  g_assert_cmpint (sqlite3_exec (fixture->other, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==,
                   SQLITE_OK);
}

static void
release_lock (Fixture *fixture)
{
  g_assert_cmpint (sqlite3_exec (fixture->other, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
}

static PlacementsRecord *
new_organisation (const char *uuid,
                  const char *name)
{
  g_autofree char *random = g_uuid_string_random ();
  PlacementsRecord *organisation =
    g_object_new (PLACEMENTS_TYPE_ORGANISATION, "uuid", uuid != NULL ? uuid : random, NULL);
  g_autoptr(GError) error = NULL;

  if (name != NULL)
    placements_record_set_field_text (organisation, "name", name, &error);
  placements_record_set_field_text (organisation, "kind", "municipality", &error);
  placements_record_set_field_text (organisation, "country", "nl", &error);
  g_assert_no_error (error);
  return organisation;
}

static gboolean
timeout_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @milliseconds. */
static void
run_for (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

typedef struct
{
  GPtrArray *order;     /* names, in the order the callbacks came */
  GError    *error;
  guint      n_done;
} Outcome;

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Outcome *outcome = user_data;
  g_autoptr(GError) error = NULL;

  if (placements_store_save_finish (PLACEMENTS_STORE (source), result, &error))
    g_ptr_array_add (outcome->order, g_strdup ("saved"));
  else
    {
      g_ptr_array_add (outcome->order, g_strdup (error->message));
      if (outcome->error == NULL)
        outcome->error = g_steal_pointer (&error);
    }
  outcome->n_done++;
}

static void
outcome_clear (Outcome *outcome)
{
  g_ptr_array_unref (outcome->order);
  g_clear_error (&outcome->error);
}

static void
wait_for_n (Outcome *outcome,
            guint    n)
{
  while (outcome->n_done < n)
    g_main_context_iteration (NULL, TRUE);
}

static void
count_changed_cb (PlacementsStore *store,
                  GType            type,
                  GStrv            uuids,
                  gpointer         user_data)
{
  if (type == PLACEMENTS_TYPE_ORGANISATION)
    (*(guint *) user_data)++;
}

static void
test_busy_refused_on_the_clock (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(PlacementsRecord) record = new_organisation (NULL, "Gemeente Deventer");
  g_autoptr(GError) error = NULL;
  gint64 start, took;

  take_lock (fixture);

  /* The window's store: refused after its 20 ms, not SQLite's English. */
  start = g_get_monotonic_time ();
  g_assert_false (placements_store_save (fixture->store, record, &error));
  took = g_get_monotonic_time () - start;
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_BUSY);
  g_assert_true (g_str_has_prefix (error->message, "An import is running, or another program "
                                                   "is writing to the database"));
  g_assert_null (strstr (error->message, "locked"));
  g_test_message ("refused after %.1f ms", took / 1000.0);
  g_assert_cmpint (took, >=, PLACEMENTS_STORE_INTERACTIVE_BUSY_TIMEOUT * 1000);
  g_clear_error (&error);

  /* A longer timeout is waited out in full, on the clock. */
  placements_store_set_busy_timeout (fixture->store, 300);
  start = g_get_monotonic_time ();
  g_assert_false (placements_store_save (fixture->store, record, &error));
  took = g_get_monotonic_time () - start;
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_BUSY);
  g_assert_cmpint (took, >=, 300 * 1000);
  g_clear_error (&error);

  /* Nothing was written; once the lock is free, the same record saves. */
  release_lock (fixture);
  g_assert_false (placements_store_exists (fixture->store, PLACEMENTS_TYPE_ORGANISATION,
                                           placements_record_get_uuid (record)));
  g_assert_true (placements_store_save (fixture->store, record, &error));
  g_assert_no_error (error);
}

static void
test_save_async_at_once (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(PlacementsRecord) record = new_organisation (NULL, "  Gemeente Zwolle ");
  Outcome outcome = { g_ptr_array_new_with_free_func (g_free), NULL, 0 };
  guint n_changed = 0;

  g_signal_connect (fixture->store, "changed", G_CALLBACK (count_changed_cb), &n_changed);
  placements_store_save_async (fixture->store, record, NULL, saved_cb, &outcome);
  wait_for_n (&outcome, 1);
  g_assert_no_error (outcome.error);

  /* The record learnt what the store gave it, normalised text too, and the store
   * told its listeners once. */
  g_assert_cmpint (placements_record_get_row_id (record), >, 0);
  g_assert_nonnull (placements_record_get_created (record));
  g_assert_cmpstr (placements_organisation_get_name (PLACEMENTS_ORGANISATION (record)), ==,
                   "Gemeente Zwolle");
  g_assert_true (placements_store_exists (fixture->store, PLACEMENTS_TYPE_ORGANISATION,
                                          placements_record_get_uuid (record)));
  g_assert_cmpuint (n_changed, ==, 1);
  g_signal_handlers_disconnect_by_data (fixture->store, &n_changed);
  outcome_clear (&outcome);
}

static void
test_save_async_waits_in_order (Fixture       *fixture,
                                gconstpointer  data)
{
  const char *uuid = "0a0a0a0a-0000-4000-8000-00000000000a";
  g_autoptr(PlacementsRecord) first = new_organisation (uuid, "Gemeente Eerst");
  g_autoptr(PlacementsRecord) second = new_organisation (uuid, "Gemeente Daarna");
  g_autoptr(PlacementsRecord) other = new_organisation (NULL, "Gemeente Anders");
  g_autoptr(PlacementsRecord) stored = NULL;
  Outcome outcome = { g_ptr_array_new_with_free_func (g_free), NULL, 0 };
  g_autoptr(GError) error = NULL;
  gint64 start, longest = 0;

  take_lock (fixture);
  start = g_get_monotonic_time ();
  placements_store_save_async (fixture->store, first, NULL, saved_cb, &outcome);
  longest = MAX (longest, g_get_monotonic_time () - start);
  start = g_get_monotonic_time ();
  placements_store_save_async (fixture->store, second, NULL, saved_cb, &outcome);
  placements_store_save_async (fixture->store, other, NULL, saved_cb, &outcome);
  longest = MAX (longest, g_get_monotonic_time () - start);
  /* Queued without waiting. */
  g_test_message ("save_async returned within %.2f ms", longest / 1000.0);
  g_assert_cmpint (longest, <, 50 * 1000);

  /* They wait while the lock is held, however long. */
  run_for (500);
  g_assert_cmpuint (outcome.n_done, ==, 0);
  g_assert_cmpuint (placements_store_get_n_queued_saves (fixture->store), ==, 3);

  release_lock (fixture);
  wait_for_n (&outcome, 3);
  g_assert_no_error (outcome.error);
  g_assert_cmpuint (placements_store_get_n_queued_saves (fixture->store), ==, 0);

  /* In the order made: the later save of the same record wins. */
  stored = placements_store_load (fixture->store, PLACEMENTS_TYPE_ORGANISATION, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (placements_organisation_get_name (PLACEMENTS_ORGANISATION (stored)), ==,
                   "Gemeente Daarna");
  g_assert_true (placements_store_exists (fixture->store, PLACEMENTS_TYPE_ORGANISATION,
                                          placements_record_get_uuid (other)));
  outcome_clear (&outcome);
}

static void
test_save_async_refused_field (Fixture       *fixture,
                               gconstpointer  data)
{
  /* No name: a required field. */
  g_autoptr(PlacementsRecord) record = new_organisation (NULL, NULL);
  Outcome outcome = { g_ptr_array_new_with_free_func (g_free), NULL, 0 };

  placements_store_save_async (fixture->store, record, NULL, saved_cb, &outcome);
  wait_for_n (&outcome, 1);
  g_assert_error (outcome.error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD);
  g_assert_false (placements_store_exists (fixture->store, PLACEMENTS_TYPE_ORGANISATION,
                                           placements_record_get_uuid (record)));
  outcome_clear (&outcome);
}

static void
test_save_async_cancelled (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(PlacementsRecord) record = new_organisation (NULL, "Gemeente Ommen");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  Outcome outcome = { g_ptr_array_new_with_free_func (g_free), NULL, 0 };

  take_lock (fixture);
  placements_store_save_async (fixture->store, record, cancellable, saved_cb, &outcome);
  run_for (100);
  g_cancellable_cancel (cancellable);
  wait_for_n (&outcome, 1);
  g_assert_error (outcome.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  release_lock (fixture);
  g_assert_false (placements_store_exists (fixture->store, PLACEMENTS_TYPE_ORGANISATION,
                                           placements_record_get_uuid (record)));
  outcome_clear (&outcome);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, function) \
  g_test_add (path, Fixture, NULL, fixture_set_up, function, fixture_tear_down)
  ADD ("/store/busy/refused-on-the-clock", test_busy_refused_on_the_clock);
  ADD ("/store/save-async/at-once", test_save_async_at_once);
  ADD ("/store/save-async/waits-in-order", test_save_async_waits_in_order);
  ADD ("/store/save-async/refused-field", test_save_async_refused_field);
  ADD ("/store/save-async/cancelled", test_save_async_cancelled);
#undef ADD

  return g_test_run ();
}
