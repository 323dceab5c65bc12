#define G_LOG_DOMAIN "test-record-list"

#include "config.h"

#include <string.h>

#include <libglib-testing/signal-logger.h>

#include "placements-error.h"
#include "placements-record-list.h"
#include "placements-record-types.h"
#include "placements-store.h"
#include "placements-store-private.h"
#include "placements-test-utils.h"

typedef struct
{
  char            *folder;
  PlacementsStore *store;
  char            *organisation_uuid;
  char            *other_organisation_uuid;
} Fixture;

static char *
save_organisation (Fixture    *fixture,
                   const char *name)
{
  g_autoptr(PlacementsOrganisation) organisation = placements_organisation_new ();
  g_autoptr(GError) error = NULL;

  placements_organisation_set_name (organisation, name);
  placements_organisation_set_kind (organisation, PLACEMENTS_ORGANISATION_KIND_CARE_PROVIDER);
  placements_store_save (fixture->store, PLACEMENTS_RECORD (organisation), &error);
  g_assert_no_error (error);
  return g_strdup (placements_record_get_uuid (PLACEMENTS_RECORD (organisation)));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->folder = placements_test_make_folder ();
  path = g_build_filename (fixture->folder, "placements.db", NULL);
  fixture->store = placements_test_open_store (path);
  fixture->organisation_uuid = save_organisation (fixture, "Zorggroep De Linde");
  fixture->other_organisation_uuid = save_organisation (fixture, "Ons Huis vzw");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  placements_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->organisation_uuid);
  g_free (fixture->other_organisation_uuid);
}

static PlacementsClient *
make_client (Fixture    *fixture,
             const char *family_name,
             const char *given_name)
{
  PlacementsClient *client = placements_client_new ();

  placements_client_set_family_name (client, family_name);
  placements_client_set_given_name (client, given_name);
  placements_client_set_care_organisation_uuid (client, fixture->organisation_uuid);
  return client;
}

static void
save_client (Fixture    *fixture,
             const char *family_name,
             const char *given_name)
{
  g_autoptr(PlacementsClient) client = make_client (fixture, family_name, given_name);
  g_autoptr(GError) error = NULL;

  placements_store_save (fixture->store, PLACEMENTS_RECORD (client), &error);
  g_assert_no_error (error);
}

static char *
dup_family_name (GListModel *model,
                 guint       position)
{
  g_autoptr(PlacementsClient) client = g_list_model_get_item (model, position);

  g_assert_nonnull (client);
  return g_strdup (placements_client_get_family_name (client));
}

static void
assert_items_changed (GtSignalLogger *logger,
                      gpointer        model,
                      guint           expected_position,
                      guint           expected_removed,
                      guint           expected_added)
{
  guint position = 0, removed = 0, added = 0;

  gt_signal_logger_assert_emission_pop (logger, model, "items-changed",
                                        &position, &removed, &added);
  g_assert_cmpuint (position, ==, expected_position);
  g_assert_cmpuint (removed, ==, expected_removed);
  g_assert_cmpuint (added, ==, expected_added);
}

static void
test_insert_emits_once (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PlacementsRecordList) list =
    placements_record_list_new (fixture->store, PLACEMENTS_TYPE_CLIENT);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == PLACEMENTS_TYPE_CLIENT);
  gt_signal_logger_connect (logger, list, "items-changed");

  save_client (fixture, "Janssens", "Lotte");
  assert_items_changed (logger, list, 0, 0, 1);
  gt_signal_logger_assert_no_emissions (logger);

  /* The Dutch "de Vries" is looked up under V, the Flemish "De Smet" under D. */
  save_client (fixture, "de Vries", "Sem");
  assert_items_changed (logger, list, 1, 0, 1);
  gt_signal_logger_assert_no_emissions (logger);
  save_client (fixture, "De Smet", "Wout");
  assert_items_changed (logger, list, 0, 0, 1);
  gt_signal_logger_assert_no_emissions (logger);

  first = dup_family_name (G_LIST_MODEL (list), 0);
  second = dup_family_name (G_LIST_MODEL (list), 2);
  g_assert_cmpstr (first, ==, "De Smet");
  g_assert_cmpstr (second, ==, "de Vries");
}

static void
test_transaction_emits_once (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(PlacementsRecordList) list =
    placements_record_list_new (fixture->store, PLACEMENTS_TYPE_CLIENT);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GError) error = NULL;
  const char *names[] = { "Peeters", "Bakker", "El Amrani", "Çelik" };

  save_client (fixture, "Aalders", "Noor");
  save_client (fixture, "Wouters", "Jan");
  gt_signal_logger_connect (logger, list, "items-changed");

  placements_store_begin (fixture->store, &error);
  g_assert_no_error (error);
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    save_client (fixture, names[i], NULL);
  gt_signal_logger_assert_no_emissions (logger);
  placements_store_commit (fixture->store, &error);
  g_assert_no_error (error);

  /* Aalders stays first and Wouters last ("Çelik" sorts as Celik): one change covers
   * the four between. */
  assert_items_changed (logger, list, 1, 0, 4);
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 6);
}

static void
test_rollback_emits_nothing (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(PlacementsRecordList) list =
    placements_record_list_new (fixture->store, PLACEMENTS_TYPE_CLIENT);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(GError) error = NULL;

  gt_signal_logger_connect (logger, list, "items-changed");
  placements_store_begin (fixture->store, &error);
  g_assert_no_error (error);
  save_client (fixture, "Claes", "Fien");
  placements_store_rollback (fixture->store);

  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_cmpint (placements_store_count (fixture->store, PLACEMENTS_TYPE_CLIENT), ==, 0);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* Pops the next @n notify emissions of @object; returns their property names, sorted,
 * joined by spaces (GObject does not promise an order for frozen notifications). */
static char *
pop_notified (GtSignalLogger *logger,
              gpointer        object,
              guint           n)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtSignalLoggerEmission) emission = NULL;
      g_autofree char *type_name = NULL;
      g_autofree char *signal_name = NULL;
      gpointer emitter = NULL;
      GParamSpec *pspec = NULL;

      g_assert_true (gt_signal_logger_pop_emission (logger, &emitter, &type_name,
                                                    &signal_name, &emission));
      g_assert_true (emitter == object);
      g_assert_cmpstr (signal_name, ==, "notify");
      gt_signal_logger_emission_get_params (emission, &pspec);
      g_ptr_array_add (names, g_strdup (g_param_spec_get_name (pspec)));
      g_param_spec_unref (pspec);
    }
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static void
test_update_refreshes_row (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(PlacementsRecordList) list =
    placements_record_list_new (fixture->store, PLACEMENTS_TYPE_CLIENT);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(PlacementsClient) shown = NULL;
  g_autoptr(PlacementsClient) edited = NULL;
  g_autoptr(PlacementsClient) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notified = NULL;

  save_client (fixture, "Bakker", "Ayoub");
  save_client (fixture, "Mertens", "Jens");
  shown = g_list_model_get_item (G_LIST_MODEL (list), 0);
  gt_signal_logger_connect (logger, list, "items-changed");
  gt_signal_logger_connect (logger, shown, "notify");

  /* A change that keeps the order: no rows move, the shown object follows. */
  edited = placements_store_load (fixture->store, PLACEMENTS_TYPE_CLIENT,
                                  placements_record_get_uuid (PLACEMENTS_RECORD (shown)), &error);
  g_assert_no_error (error);
  placements_client_set_given_name (edited, "Ayoub Karim");
  placements_store_save (fixture->store, PLACEMENTS_RECORD (edited), &error);
  g_assert_no_error (error);

  notified = pop_notified (logger, shown, 2);
  g_assert_cmpstr (notified, ==, "given-name updated");
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpstr (placements_client_get_given_name (shown), ==, "Ayoub Karim");

  /* A change that moves the row: one emission spanning the move. */
  placements_client_set_family_name (edited, "Wuyts");
  placements_store_save (fixture->store, PLACEMENTS_RECORD (edited), &error);
  g_assert_no_error (error);
  g_clear_pointer (&notified, g_free);
  notified = pop_notified (logger, shown, 2);
  g_assert_cmpstr (notified, ==, "family-name updated");
  assert_items_changed (logger, list, 0, 2, 2);
  gt_signal_logger_assert_no_emissions (logger);

  moved = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_true (moved == shown);
}

static void
test_delete_emits_once (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PlacementsRecordList) list =
    placements_record_list_new (fixture->store, PLACEMENTS_TYPE_CLIENT);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(PlacementsClient) middle = NULL;
  g_autoptr(GError) error = NULL;

  save_client (fixture, "Aerts", NULL);
  save_client (fixture, "Maes", NULL);
  save_client (fixture, "Smits", NULL);
  middle = g_list_model_get_item (G_LIST_MODEL (list), 1);
  gt_signal_logger_connect (logger, list, "items-changed");

  placements_store_delete (fixture->store, PLACEMENTS_RECORD (middle), &error);
  g_assert_no_error (error);

  assert_items_changed (logger, list, 1, 1, 0);
  gt_signal_logger_assert_no_emissions (logger);
  g_assert_cmpint (placements_record_list_find (list, placements_record_get_uuid (
                                                  PLACEMENTS_RECORD (middle))), ==, -1);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(PlacementsRecordList) list =
    placements_record_list_new (fixture->store, PLACEMENTS_TYPE_CLIENT);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autofree char *found = NULL;

  save_client (fixture, "Çelik", "Elif");
  save_client (fixture, "Celis", "Marie");
  save_client (fixture, "van den Berg", "Daan");
  gt_signal_logger_connect (logger, list, "items-changed");
  gt_signal_logger_connect (logger, list, "notify::search-text");

  /* Diacritics and case are folded; a word matches from its start. The list was
   * van den Berg, Çelik, Celis: only the first row goes. */
  placements_record_list_set_search_text (list, "celi");
  assert_items_changed (logger, list, 0, 1, 0);
  gt_signal_logger_assert_notify_emission_pop (logger, list, "search-text");
  gt_signal_logger_assert_no_emissions (logger);

  placements_record_list_set_search_text (list, "ÇELIK eli");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  found = dup_family_name (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (found, ==, "Çelik");

  /* Quotes and FTS syntax are searched for, not interpreted. */
  placements_record_list_set_search_text (list, "\"berg OR NEAR(");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  placements_record_list_set_search_text (list, "berg");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);

  placements_record_list_set_search_text (list, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
}

/* Kinds searched without a full-text index fold their text the same way. */
static void
test_search_notes_folds_letters (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(PlacementsClient) client = make_client (fixture, "Yılmaz", "Ayşe");
  g_autoptr(PlacementsProgressNote) note = placements_progress_note_new ();
  g_autoptr(PlacementsRecordList) list =
    placements_record_list_new (fixture->store, PLACEMENTS_TYPE_PROGRESS_NOTE);
  g_autoptr(GError) error = NULL;
  const char *found[] = { "yilmaz", "Yılmaz", "yıl", "AYSE", "ayşe", "gesprek yil" };
  const char *missed[] = { "yilmazz", "celik" };

  placements_store_save (fixture->store, PLACEMENTS_RECORD (client), &error);
  g_assert_no_error (error);
  placements_progress_note_set_client_uuid (
    note, placements_record_get_uuid (PLACEMENTS_RECORD (client)));
  placements_progress_note_set_date (note, "2026-11-02");
  placements_progress_note_set_kind (note, PLACEMENTS_NOTE_KIND_PROGRESS_TALK);
  placements_progress_note_set_text (note, "Gesprek met Ayşe Yılmaz over haar werkdagen.");
  placements_store_save (fixture->store, PLACEMENTS_RECORD (note), &error);
  g_assert_no_error (error);

  for (gsize i = 0; i < G_N_ELEMENTS (found); i++)
    {
      placements_record_list_set_search_text (list, found[i]);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
    }
  for (gsize i = 0; i < G_N_ELEMENTS (missed); i++)
    {
      placements_record_list_set_search_text (list, missed[i]);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
    }
}

static void
test_sort_and_filter (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PlacementsRecordList) list =
    placements_record_list_new (fixture->store, PLACEMENTS_TYPE_CLIENT);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autoptr(PlacementsClient) elsewhere = make_client (fixture, "Dubois", "Louis");
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;

  save_client (fixture, "Aalders", NULL);
  save_client (fixture, "Zijlstra", NULL);
  placements_client_set_care_organisation_uuid (elsewhere, fixture->other_organisation_uuid);
  placements_store_save (fixture->store, PLACEMENTS_RECORD (elsewhere), &error);
  g_assert_no_error (error);
  gt_signal_logger_connect (logger, list, "items-changed");

  placements_record_list_set_sort (list, "family-name", TRUE);
  assert_items_changed (logger, list, 0, 3, 3);
  gt_signal_logger_assert_no_emissions (logger);
  first = dup_family_name (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (first, ==, "Zijlstra");

  placements_record_list_set_filter (list, "care-organisation-uuid",
                                     fixture->organisation_uuid);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  last = dup_family_name (G_LIST_MODEL (list), 1);
  g_assert_cmpstr (last, ==, "Aalders");

  placements_record_list_set_filter (list, "care-organisation-uuid", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);
}

static void
test_rows_are_made_lazily (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(PlacementsRecordList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlacementsClient) once = NULL;
  g_autoptr(PlacementsClient) again = NULL;
  const guint n_clients = 3000;

  placements_store_begin (fixture->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_clients; i++)
    {
      g_autofree char *name = g_strdup_printf ("Client %05u", i);

      save_client (fixture, name, NULL);
    }
  placements_store_commit (fixture->store, &error);
  g_assert_no_error (error);

  list = placements_record_list_new (fixture->store, PLACEMENTS_TYPE_CLIENT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n_clients);
  g_assert_cmpuint (placements_record_list_get_n_cached (list), ==, 0);

  /* One row asked for brings its page of neighbours, no more. */
  once = g_list_model_get_item (G_LIST_MODEL (list), 1500);
  g_assert_cmpuint (placements_record_list_get_n_cached (list), ==, 64);
  again = g_list_model_get_item (G_LIST_MODEL (list), 1500);
  g_assert_true (once == again);

  /* Walking every row keeps the cache bounded. */
  for (guint i = 0; i < n_clients; i++)
    {
      g_autoptr(PlacementsClient) client = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_autofree char *expected = g_strdup_printf ("Client %05u", i);

      g_assert_cmpstr (placements_client_get_family_name (client), ==, expected);
    }
  g_assert_cmpuint (placements_record_list_get_n_cached (list), <=, 1024);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n_clients));
}

/* Saves new given names for the clients at @positions, in one transaction. */
static void
rename_clients (Fixture    *fixture,
                GListModel *model,
                guint       first,
                guint       n,
                const char *given_name)
{
  g_autoptr(GError) error = NULL;

  placements_store_begin (fixture->store, &error);
  g_assert_no_error (error);
  for (guint i = first; i < first + n; i++)
    {
      g_autoptr(PlacementsClient) shown = g_list_model_get_item (model, i);
      g_autoptr(PlacementsClient) edited = NULL;

      edited = placements_store_load (fixture->store, PLACEMENTS_TYPE_CLIENT,
                                      placements_record_get_uuid (PLACEMENTS_RECORD (shown)),
                                      &error);
      g_assert_no_error (error);
      placements_client_set_given_name (edited, given_name);
      placements_store_save (fixture->store, PLACEMENTS_RECORD (edited), &error);
      g_assert_no_error (error);
    }
  placements_store_commit (fixture->store, &error);
  g_assert_no_error (error);
}

typedef struct
{
  GListModel *model;
  guint       position;
  guint       n_calls;
} NestedFetch;

/* A handler that, like a bound widget, asks the list for a row not yet loaded. */
static void
fetch_other_page_cb (GObject    *record,
                     GParamSpec *pspec,
                     gpointer    user_data)
{
  NestedFetch *nested = user_data;
  g_autoptr(GObject) other = NULL;

  if (nested->n_calls++ > 0)
    return;
  other = g_list_model_get_item (nested->model, nested->position);
  g_assert_nonnull (other);
}

static void
test_nested_load_keeps_outer_rows (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(PlacementsRecordList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlacementsClient) first = NULL;
  NestedFetch nested = { NULL, 150, 0 };
  const guint n_clients = 200;

  placements_store_begin (fixture->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < n_clients; i++)
    {
      g_autofree char *name = g_strdup_printf ("Client %03u", i);

      save_client (fixture, name, "Old");
    }
  placements_store_commit (fixture->store, &error);
  g_assert_no_error (error);

  list = placements_record_list_new (fixture->store, PLACEMENTS_TYPE_CLIENT);
  nested.model = G_LIST_MODEL (list);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpuint (placements_record_list_get_n_cached (list), ==, 64);
  g_signal_connect (first, "notify::given-name", G_CALLBACK (fetch_other_page_cb), &nested);

  /*
   * More changed records than a "changed" lists: every cached row is read again in
   * one statement, and the first row's handler reads another page with the same SQL
   * while that statement is being stepped. The outer reading must go on unharmed.
   */
  rename_clients (fixture, G_LIST_MODEL (list), 0, 100, "New");
  g_assert_cmpuint (nested.n_calls, >=, 1);

  for (guint i = 0; i < 64; i++)
    {
      g_autoptr(PlacementsClient) client = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpstr (placements_client_get_given_name (client), ==, "New");
    }
  g_signal_handlers_disconnect_by_data (first, &nested);
}

static void
test_page_statements_are_bounded (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(PlacementsRecordList) list = NULL;
  g_autoptr(GError) error = NULL;
  guint n_statements;

  placements_store_begin (fixture->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *name = g_strdup_printf ("Client %03u", i);

      save_client (fixture, name, "Old");
    }
  placements_store_commit (fixture->store, &error);
  g_assert_no_error (error);

  list = placements_record_list_new (fixture->store, PLACEMENTS_TYPE_CLIENT);
  /* Each rename reads back as many cached rows as it changed: pages of every width. */
  rename_clients (fixture, G_LIST_MODEL (list), 0, 1, "Warm");
  n_statements = placements_store_get_n_cached_statements (fixture->store);
  for (guint width = 2; width <= 20; width++)
    rename_clients (fixture, G_LIST_MODEL (list), 0, width, "Again");
  /* The last page of 100 rows holds 36 of them. */
  for (guint i = 0; i < 100; i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
  g_assert_cmpuint (placements_store_get_n_cached_statements (fixture->store), ==, n_statements);
}

static void
test_every_type_has_a_list (Fixture       *fixture,
                            gconstpointer  data)
{
  guint n_types = 0;
  const GType *types = placements_store_get_record_types (&n_types);

  g_assert_cmpuint (n_types, ==, 18);
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(PlacementsRecordList) list = placements_record_list_new (fixture->store,
                                                                         types[i]);
      guint expected = types[i] == PLACEMENTS_TYPE_ORGANISATION ? 2 : 0;

      /* The two organisations' creation is logged. */
      if (types[i] == PLACEMENTS_TYPE_AUDIT_EVENT)
        expected = (guint) placements_store_count (fixture->store, types[i]);

      /* Each type's own list SQL (joins, search) must at least run. */
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, expected);
      placements_record_list_set_search_text (list, "linde");
      placements_record_list_set_sort (list, NULL, TRUE);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), <=, expected);
    }
}

static void
save_kind_of_organisation (Fixture                   *fixture,
                           const char                *name,
                           PlacementsOrganisationKind kind,
                           PlacementsCountry          country)
{
  g_autoptr(PlacementsOrganisation) organisation = placements_organisation_new ();
  g_autoptr(GError) error = NULL;

  placements_organisation_set_name (organisation, name);
  placements_organisation_set_kind (organisation, kind);
  placements_organisation_set_country (organisation, country);
  placements_store_save (fixture->store, PLACEMENTS_RECORD (organisation), &error);
  g_assert_no_error (error);
}

/* A code sorts by the label the list shows, in the record's country's words: "Employment
 * service" is the UWV in the Netherlands and the VDAB in Flanders, after "Municipality". */
static void
test_sort_codes_by_label (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(PlacementsRecordList) list =
    placements_record_list_new (fixture->store, PLACEMENTS_TYPE_ORGANISATION);
  const char *expected[] = {
    "Ons Huis vzw", "Zorggroep De Linde", /* Care provider */
    "Bakkerij Peeters",                   /* Employer */
    "Stad Gent",                          /* Municipality */
    "Werkplein Zwolle",                   /* UWV */
    "VDAB Kortrijk",                      /* VDAB */
  };

  save_kind_of_organisation (fixture, "VDAB Kortrijk",
                             PLACEMENTS_ORGANISATION_KIND_EMPLOYMENT_SERVICE,
                             PLACEMENTS_COUNTRY_BE);
  save_kind_of_organisation (fixture, "Stad Gent", PLACEMENTS_ORGANISATION_KIND_MUNICIPALITY,
                             PLACEMENTS_COUNTRY_BE);
  save_kind_of_organisation (fixture, "Werkplein Zwolle",
                             PLACEMENTS_ORGANISATION_KIND_EMPLOYMENT_SERVICE,
                             PLACEMENTS_COUNTRY_NL);
  save_kind_of_organisation (fixture, "Bakkerij Peeters", PLACEMENTS_ORGANISATION_KIND_EMPLOYER,
                             PLACEMENTS_COUNTRY_NL);

  placements_record_list_set_sort (list, "kind", FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(PlacementsOrganisation) organisation =
        g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpstr (placements_organisation_get_name (organisation), ==, expected[i]);
    }

  placements_record_list_set_sort (list, "kind", TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(PlacementsOrganisation) organisation =
        g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_cmpstr (placements_organisation_get_name (organisation), ==,
                       expected[G_N_ELEMENTS (expected) - 1 - i]);
    }
}

/* A reference sorts by the name it shows, and the list hands its records that name: one
 * query a page, and a new name reaches the rows at once. */
static void
test_reference_names (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PlacementsRecordList) list =
    placements_record_list_new (fixture->store, PLACEMENTS_TYPE_CLIENT);
  g_autoptr(PlacementsClient) other = make_client (fixture, "Aalders", "Bram");
  g_autoptr(PlacementsOrganisation) organisation = NULL;
  g_autoptr(PlacementsClient) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *renamed = NULL;
  g_autofree char *family_name = NULL;

  save_client (fixture, "Visser", "Anouk");
  placements_client_set_care_organisation_uuid (other, fixture->other_organisation_uuid);
  placements_store_save (fixture->store, PLACEMENTS_RECORD (other), &error);
  g_assert_no_error (error);

  /* "Ons Huis vzw" before "Zorggroep De Linde", whatever their UUIDs. */
  placements_record_list_set_sort (list, "care-organisation-uuid", FALSE);
  family_name = dup_family_name (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (family_name, ==, "Aalders");
  g_clear_pointer (&family_name, g_free);
  placements_record_list_set_sort (list, "care-organisation-uuid", TRUE);
  family_name = dup_family_name (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (family_name, ==, "Visser");

  /* No store needed: the name came with the row. */
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  name = placements_record_dup_reference_name (PLACEMENTS_RECORD (first),
                                               "care-organisation-uuid", NULL);
  g_assert_cmpstr (name, ==, "Zorggroep De Linde");

  organisation = placements_store_load (fixture->store, PLACEMENTS_TYPE_ORGANISATION,
                                        fixture->organisation_uuid, &error);
  g_assert_no_error (error);
  placements_organisation_set_name (organisation, "Amstelzorg");
  placements_store_save (fixture->store, PLACEMENTS_RECORD (organisation), &error);
  g_assert_no_error (error);
  renamed = placements_record_dup_reference_name (PLACEMENTS_RECORD (first),
                                                  "care-organisation-uuid", NULL);
  g_assert_cmpstr (renamed, ==, "Amstelzorg");
  /* And the order follows the new name: "Amstelzorg" now comes last, descending. */
  g_clear_pointer (&family_name, g_free);
  family_name = dup_family_name (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (family_name, ==, "Aalders");
}

/* A row deleted by another program between the query and the reading of its page: the
 * list still answers every position below its length, then reads itself again. */
static void
test_vanished_row (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PlacementsRecordList) list =
    placements_record_list_new (fixture->store, PLACEMENTS_TYPE_CLIENT);
  g_autoptr(PlacementsRecord) placeholder = NULL;
  g_autoptr(PlacementsRecord) again = NULL;
  g_autofree char *family_name = NULL;

  save_client (fixture, "Aalders", "Bram");
  save_client (fixture, "Maes", "Lotte");
  save_client (fixture, "Visser", "Anouk");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  placements_test_execute_elsewhere (fixture->store,
                                     "DELETE FROM client WHERE family_name = 'Maes'");
  placeholder = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_nonnull (placeholder);
  g_assert_true (PLACEMENTS_IS_CLIENT (placeholder));
  /* Not a stored record: nothing in it. */
  g_assert_cmpint (placements_record_get_row_id (placeholder), <=, 0);
  g_assert_null (placements_client_get_family_name (PLACEMENTS_CLIENT (placeholder)));
  again = g_list_model_get_item (G_LIST_MODEL (list), 1);
  g_assert_true (again == placeholder);
  family_name = dup_family_name (G_LIST_MODEL (list), 2);
  g_assert_cmpstr (family_name, ==, "Visser");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  /* The list reads itself again as soon as the main loop runs. */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
  g_assert_null (placements_record_list_get_error (list));
}

/* A list that cannot be read says why, rather than look empty; and recovers. */
static void
test_query_error (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(PlacementsRecordList) list =
    placements_record_list_new (fixture->store, PLACEMENTS_TYPE_CLIENT);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  const GError *error;

  save_client (fixture, "Visser", "Anouk");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  g_assert_null (placements_record_list_get_error (list));
  gt_signal_logger_connect (logger, list, "notify::error");

  placements_test_execute_elsewhere (fixture->store, "ALTER TABLE client RENAME TO away");
  g_test_expect_message ("placements-record-list", G_LOG_LEVEL_WARNING,
                         "*could not be read*no such table*");
  placements_record_list_refresh (list);
  g_test_assert_expected_messages ();

  error = placements_record_list_get_error (list);
  g_assert_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO);
  g_assert_nonnull (strstr (error->message, "no such table"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  gt_signal_logger_assert_notify_emission_pop (logger, list, "error");

  placements_test_execute_elsewhere (fixture->store, "ALTER TABLE away RENAME TO client");
  placements_record_list_refresh (list);
  g_assert_null (placements_record_list_get_error (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
  gt_signal_logger_assert_notify_emission_pop (logger, list, "error");
  gt_signal_logger_assert_no_emissions (logger);
}

static void
wait_loaded (PlacementsRecordList *list)
{
  while (placements_record_list_is_loading (list))
    g_main_context_iteration (NULL, TRUE);
}

/*
 * A threaded list reads its order on a worker thread: the caller gets the old rows at once
 * and the new ones in one change when the answer comes; a question asked while another
 * is under way is answered as the last one asked; a store change is followed too.
 */
static void
test_threaded (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(PlacementsRecordList) list =
    placements_record_list_new_threaded (fixture->store, PLACEMENTS_TYPE_CLIENT);
  g_autoptr(GtSignalLogger) logger = gt_signal_logger_new ();
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  gboolean threaded = FALSE;

  g_object_get (list, "threaded", &threaded, NULL);
  g_assert_true (threaded);
  g_assert_true (placements_record_list_is_loading (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  save_client (fixture, "Aalders", NULL);
  save_client (fixture, "Maes", NULL);
  save_client (fixture, "Zijlstra", NULL);
  wait_loaded (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3);

  /* Two orders asked for at once: the rows stay until the last one's answer. */
  gt_signal_logger_connect (logger, list, "items-changed");
  gt_signal_logger_connect (logger, list, "notify::loading");
  placements_record_list_set_sort (list, "family-name", TRUE);
  placements_record_list_set_sort (list, "family-name", FALSE);
  placements_record_list_set_sort (list, "family-name", TRUE);
  g_assert_true (placements_record_list_is_loading (list));
  first = dup_family_name (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (first, ==, "Aalders");
  wait_loaded (list);
  g_clear_pointer (&first, g_free);
  first = dup_family_name (G_LIST_MODEL (list), 0);
  last = dup_family_name (G_LIST_MODEL (list), 2);
  g_assert_cmpstr (first, ==, "Zijlstra");
  g_assert_cmpstr (last, ==, "Aalders");
  /* Loading on, the one new order, loading off. */
  gt_signal_logger_assert_notify_emission_pop (logger, list, "loading");
  assert_items_changed (logger, list, 0, 3, 3);
  gt_signal_logger_assert_notify_emission_pop (logger, list, "loading");
  gt_signal_logger_assert_no_emissions (logger);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/record-list/insert-emits-once", test_insert_emits_once);
  ADD ("/record-list/transaction-emits-once", test_transaction_emits_once);
  ADD ("/record-list/rollback-emits-nothing", test_rollback_emits_nothing);
  ADD ("/record-list/update-refreshes-row", test_update_refreshes_row);
  ADD ("/record-list/delete-emits-once", test_delete_emits_once);
  ADD ("/record-list/search", test_search);
  ADD ("/record-list/search-notes-folds-letters", test_search_notes_folds_letters);
  ADD ("/record-list/sort-and-filter", test_sort_and_filter);
  ADD ("/record-list/threaded", test_threaded);
  ADD ("/record-list/rows-are-made-lazily", test_rows_are_made_lazily);
  ADD ("/record-list/every-type-has-a-list", test_every_type_has_a_list);
  ADD ("/record-list/nested-load-keeps-outer-rows", test_nested_load_keeps_outer_rows);
  ADD ("/record-list/page-statements-are-bounded", test_page_statements_are_bounded);
  ADD ("/record-list/sort/codes-by-label", test_sort_codes_by_label);
  ADD ("/record-list/sort/references-by-name", test_reference_names);
  ADD ("/record-list/get-item/vanished-row", test_vanished_row);
  ADD ("/record-list/error", test_query_error);

#undef ADD

  return g_test_run ();
}
