#define G_LOG_DOMAIN "placements-test-record-kind"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>
#include <string.h>

#include "placements-demo.h"
#include "placements-record-kind.h"
#include "placements-record-list.h"
#include "placements-record-types.h"
#include "placements-test-utils.h"

#define ORGANISATION "0b0c3d55-0000-4000-8000-000000000001"
#define CLIENT "0b0c3d55-0000-4000-8000-000000000002"
#define HOST "0b0c3d55-0000-4000-8000-000000000003"
#define WORKPLACE "0b0c3d55-0000-4000-8000-000000000004"
#define PLACEMENT "0b0c3d55-0000-4000-8000-000000000005"
#define PERSON "0b0c3d55-0000-4000-8000-000000000006"
#define BUDDY "0b0c3d55-0000-4000-8000-000000000007"
#define CONSENT "0b0c3d55-0000-4000-8000-000000000008"

/* Every record type the store knows has one kind, in the store's order, and back. */
static void
test_every_type_has_a_kind (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "every.db", NULL);
  g_autoptr(PlacementsStore) store = placements_test_open_store (path);
  guint n_types = 0;
  const GType *types = placements_store_get_record_types (&n_types);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (n_types, ==, placements_record_kind_get_n_kinds ());
  for (guint i = 0; i < n_types; i++)
    {
      PlacementsRecordKind *kind = placements_record_kind_get_nth (i);
      g_autoptr(PlacementsRecordClass) klass = g_type_class_ref (types[i]);
      const char *record_kind = placements_record_class_get_kind (klass);
      g_autofree char *shouted = g_ascii_strup (placements_record_kind_get_name (kind), -1);
      g_autofree char *underscored = g_strdelimit (g_strdup (shouted), "-", '_');

      g_test_message ("%s", placements_record_kind_get_name (kind));
      g_assert_true (placements_record_kind_get_record_type (kind) == types[i]);
      g_assert_true (placements_record_kind_for_type (types[i]) == kind);

      /* Found by its name, its record kind, and as a user may type it. */
      g_assert_true (placements_record_kind_find (placements_record_kind_get_name (kind)) == kind);
      g_assert_true (placements_record_kind_find (record_kind) == kind);
      g_assert_true (placements_record_kind_find (underscored) == kind);
      g_assert_true (placements_store_find_record_type (record_kind) == types[i]);

      /* Names are unique. */
      g_assert_false (g_hash_table_contains (names, placements_record_kind_get_name (kind)));
      g_hash_table_add (names, (gpointer) placements_record_kind_get_name (kind));

      g_assert_cmpstr (placements_record_kind_get_label (kind), ==,
                       placements_record_class_get_label (klass));
      g_assert_cmpstr (placements_record_kind_get_plural_label (kind), !=, "");
      g_assert_nonnull (placements_record_kind_get_icon_name (kind));
      g_assert_cmpuint (placements_record_kind_get_n_columns (kind), >, 0);
      for (guint c = 0; c < placements_record_kind_get_n_columns (kind); c++)
        {
          const char *field = placements_record_kind_get_column_field (kind, c);

          g_assert_nonnull (placements_record_class_find_field (klass, field));
          g_assert_cmpstr (placements_record_kind_get_column_title (kind, c), !=, "");
          /* Every column offered for sorting sorts: its query runs. */
          if (placements_record_kind_get_column_sortable (kind, c))
            {
              g_autoptr(PlacementsRecordList) list = placements_record_list_new (store, types[i]);

              placements_record_list_set_sort (list, field, TRUE);
              g_assert_null (placements_record_list_get_error (list));
            }
        }
    }

  g_assert_null (placements_record_kind_find ("nonsense"));
  g_assert_true (placements_record_kind_find ("persons") ==
                 placements_record_kind_find ("people"));
  g_assert_true (placements_record_kind_find ("Attendances") ==
                 placements_record_kind_find ("attendance"));

  g_clear_object (&store);
  placements_test_remove_folder (folder);
}

/* What the window needs of a section: a search, an empty state, sortable columns. */
static void
test_sections (void)
{
  GListModel *sections = placements_record_kind_get_sections ();
  guint n_sections = g_list_model_get_n_items (sections);
  guint n_marked = 0;

  g_assert_true (g_list_model_get_item_type (sections) == PLACEMENTS_TYPE_RECORD_KIND);
  g_assert_cmpuint (n_sections, >, 0);
  /* Ctrl+1 to Ctrl+9 reach every section. */
  g_assert_cmpuint (n_sections, <=, 9);

  for (guint i = 0; i < n_sections; i++)
    {
      g_autoptr(PlacementsRecordKind) kind = g_list_model_get_item (sections, i);
      gboolean any_sortable = FALSE;

      g_assert_true (placements_record_kind_is_section (kind));
      g_assert_nonnull (placements_record_kind_get_search_placeholder (kind));
      g_assert_nonnull (placements_record_kind_get_empty_title (kind));
      g_assert_nonnull (placements_record_kind_get_empty_description (kind));
      g_assert_nonnull (placements_record_kind_get_default_sort_field (kind, NULL));
      for (guint c = 0; c < placements_record_kind_get_n_columns (kind); c++)
        any_sortable |= placements_record_kind_get_column_sortable (kind, c);
      g_assert_true (any_sortable);
    }

  for (guint i = 0; i < placements_record_kind_get_n_kinds (); i++)
    if (placements_record_kind_is_section (placements_record_kind_get_nth (i)))
      n_marked++;
  g_assert_cmpuint (n_marked, ==, n_sections);
}

static void
test_count_label (void)
{
  PlacementsRecordKind *clients = placements_record_kind_find ("clients");
  PlacementsRecordKind *people = placements_record_kind_find ("people");
  g_autofree char *one = placements_record_kind_dup_count_label (clients, 1);
  g_autofree char *three = placements_record_kind_dup_count_label (clients, 3);
  g_autofree char *two_people = placements_record_kind_dup_count_label (people, 2);

  g_autofree char *many = placements_record_kind_dup_count_label (clients, 100000);
  g_autofree char *more = placements_record_kind_dup_count_label (clients, 1234567);

  /* The tests run in English. */
  g_assert_cmpstr (one, ==, "1 client");
  g_assert_cmpstr (three, ==, "3 clients");
  g_assert_cmpstr (two_people, ==, "2 people");
  g_assert_cmpstr (many, ==, "100,000 clients");
  g_assert_cmpstr (more, ==, "1,234,567 clients");
}

/* In Dutch and Flemish, in a subprocess so the other tests keep their English; the digits
 * are grouped the Dutch way whatever the locale's numbers are. */
static void
test_count_label_translated (gconstpointer data)
{
  const char *language = data;

  if (g_test_subprocess ())
    {
      g_autofree char *locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
      gboolean flemish = g_str_equal (language, "nl_BE");
      g_autofree char *clients = NULL;
      g_autofree char *placements = NULL;

      g_setenv ("LANGUAGE", language, TRUE);
      setlocale (LC_ALL, "C.UTF-8");
      bindtextdomain (GETTEXT_PACKAGE, locale_dir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

      clients = placements_record_kind_dup_count_label (placements_record_kind_find ("clients"),
                                                        100000);
      placements = placements_record_kind_dup_count_label (
        placements_record_kind_find ("placements"), 1);
      g_assert_cmpstr (clients, ==, "100.000 cliënten");
      g_assert_cmpstr (placements, ==, flemish ? "1 tewerkstelling" : "1 plaatsing");
      g_assert_cmpstr (placements_record_kind_get_plural_label (
                         placements_record_kind_find ("pilots")),
                       ==, flemish ? "Pilootprojecten" : "Pilots");
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
save_graph (PlacementsStore *store)
{
  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, ORGANISATION,
                            "name", "Zorggroep De Linde", "kind", "care-provider",
                            "country", "nl", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, HOST,
                            "name", "Werkbedrijf Oost", "kind", "social-employment-company",
                            "country", "nl", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_CLIENT, CLIENT,
                            "given-name", "Anouk", "family-name", "Bakker",
                            "care-organisation-uuid", ORGANISATION, NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_WORKPLACE, WORKPLACE,
                            "name", "Inpakafdeling", "host-organisation-uuid", HOST,
                            "kind", "group-work-corner", "capacity", "6", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_PLACEMENT, PLACEMENT,
                            "client-uuid", CLIENT, "workplace-uuid", WORKPLACE,
                            "start-date", "2026-03-02", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_PERSON, PERSON,
                            "family-name", "Peeters", "organisation-uuid", HOST, NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_BUDDY, BUDDY,
                            "person-uuid", PERSON, "max-clients", "2", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_CONSENT, CONSENT,
                            "client-uuid", CLIENT, "receiver-uuid", HOST,
                            "purpose", "placement", "given-by", "client",
                            "given-date", "2026-01-10", NULL);
}

static char *
display_name (PlacementsStore *store,
              GType            type,
              const char      *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlacementsRecord) record = placements_store_load (store, type, uuid, &error);

  g_assert_no_error (error);
  return placements_record_dup_display_name (record, store);
}

/* The names a coordinator knows records by, from the core, for every kind of name. */
static void
test_display_names (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "kinds.db", NULL);
  g_autoptr(PlacementsStore) store = placements_test_open_store (path);
  g_autoptr(PlacementsRecord) loose = NULL;
  g_autofree char *client = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *placement = NULL;
  g_autofree char *person = NULL;
  g_autofree char *buddy = NULL;
  g_autofree char *consent = NULL;
  g_autofree char *unnamed = NULL;
  g_autofree char *without_store = NULL;
  g_autofree char *given_name = NULL;

  save_graph (store);

  client = display_name (store, PLACEMENTS_TYPE_CLIENT, CLIENT);
  organisation = display_name (store, PLACEMENTS_TYPE_ORGANISATION, ORGANISATION);
  placement = display_name (store, PLACEMENTS_TYPE_PLACEMENT, PLACEMENT);
  person = display_name (store, PLACEMENTS_TYPE_PERSON, PERSON);
  buddy = display_name (store, PLACEMENTS_TYPE_BUDDY, BUDDY);
  consent = display_name (store, PLACEMENTS_TYPE_CONSENT, CONSENT);
  g_assert_cmpstr (client, ==, "Bakker, Anouk");
  g_assert_cmpstr (organisation, ==, "Zorggroep De Linde");
  g_assert_cmpstr (placement, ==, "Bakker, Anouk at Inpakafdeling");
  /* Without a given name, the family name alone. */
  g_assert_cmpstr (person, ==, "Peeters");
  /* A buddy is the person who is one. */
  g_assert_cmpstr (buddy, ==, "Peeters");
  /* A record without a name of its own: its kind and whose it is. */
  g_assert_cmpstr (consent, ==, "Consent of Bakker, Anouk");

  /* Without a store, names a list handed the record do; others are left out. */
  loose = g_object_new (PLACEMENTS_TYPE_PLACEMENT, "client-uuid", CLIENT,
                        "workplace-uuid", WORKPLACE, NULL);
  without_store = placements_record_dup_display_name (loose, NULL);
  g_assert_cmpstr (without_store, ==, "Placement");
  placements_record_set_reference_name (loose, "client-uuid", "Bakker, Anouk");
  placements_record_set_reference_name (loose, "workplace-uuid", "Inpakafdeling");
  g_clear_pointer (&without_store, g_free);
  without_store = placements_record_dup_display_name (loose, NULL);
  g_assert_cmpstr (without_store, ==, "Bakker, Anouk at Inpakafdeling");
  /* A name given belongs to the reference it was given for. */
  g_object_set (loose, "client-uuid", PERSON, NULL);
  given_name = placements_record_dup_reference_name (loose, "client-uuid", NULL);
  g_assert_cmpstr (given_name, ==, "");

  /* A record not filled in yet still has a name to show. */
  g_clear_object (&loose);
  loose = g_object_new (PLACEMENTS_TYPE_CLIENT, NULL);
  unnamed = placements_record_dup_display_name (loose, store);
  g_assert_cmpstr (unnamed, ==, "");

  g_clear_object (&store);
  placements_test_remove_folder (folder);
}

/* A section's default sort field, chosen as a column, gives the order the list has
 * without one: what the registry says is what the list does. */
static void
test_default_sort (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "sort.db", NULL);
  g_autoptr(PlacementsStore) store = placements_test_open_store (path);
  GListModel *sections = placements_record_kind_get_sections ();

  save_graph (store);
  placements_test_save_new (store, PLACEMENTS_TYPE_CLIENT, "0b0c3d55-0000-4000-8000-0000000000a1",
                            "given-name", "Bram", "family-name", "Aalders", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_PLACEMENT,
                            "0b0c3d55-0000-4000-8000-0000000000a2",
                            "client-uuid", "0b0c3d55-0000-4000-8000-0000000000a1",
                            "workplace-uuid", WORKPLACE,
                            "start-date", "2026-05-02", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION,
                            "0b0c3d55-0000-4000-8000-0000000000a3",
                            "name", "Aannemer", "kind", "employer", "country", "be", NULL);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(PlacementsRecordKind) kind = g_list_model_get_item (sections, i);
      GType type = placements_record_kind_get_record_type (kind);
      g_autoptr(PlacementsRecordList) plain = placements_record_list_new (store, type);
      g_autoptr(PlacementsRecordList) sorted = placements_record_list_new (store, type);
      gboolean descending = FALSE;
      const char *field = placements_record_kind_get_default_sort_field (kind, &descending);

      g_test_message ("%s by %s", placements_record_kind_get_name (kind), field);
      placements_record_list_set_sort (sorted, field, descending);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (plain)), ==,
                        g_list_model_get_n_items (G_LIST_MODEL (sorted)));
      for (guint p = 0; p < g_list_model_get_n_items (G_LIST_MODEL (plain)); p++)
        {
          g_autoptr(PlacementsRecord) a = g_list_model_get_item (G_LIST_MODEL (plain), p);
          g_autoptr(PlacementsRecord) b = g_list_model_get_item (G_LIST_MODEL (sorted), p);

          g_assert_cmpstr (placements_record_get_uuid (a), ==, placements_record_get_uuid (b));
        }
    }

  g_clear_object (&store);
  placements_test_remove_folder (folder);
}

/* The sort key of the record @record's reference field points to; "" when it is empty. */
static char *
referenced_sort_key (PlacementsStore       *store,
                     PlacementsRecord      *record,
                     const PlacementsField *field)
{
  const char *uuid = placements_record_get_string (record, field->pspec->param_id);
  g_autoptr(PlacementsRecord) target = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *joined = NULL;

  if (uuid == NULL)
    return g_strdup ("");
  target = placements_store_load (store, field->references, uuid, &error);
  g_assert_no_error (error);

  /* The list handed the record the name it shows, read in its own query. */
  name = placements_record_dup_display_name (target, store);
  joined = placements_record_dup_reference_name (record, field->pspec->name, NULL);
  g_assert_cmpstr (joined, ==, name);

  g_assert_nonnull (PLACEMENTS_RECORD_GET_CLASS (target)->dup_sort_key);
  return PLACEMENTS_RECORD_GET_CLASS (target)->dup_sort_key (target);
}

static int
compare_labels (const char *a,
                const char *b)
{
  g_autofree char *folded_a = g_utf8_casefold (a, -1);
  g_autofree char *folded_b = g_utf8_casefold (b, -1);

  return g_utf8_collate (folded_a, folded_b);
}

/*
 * Every sortable column of every section, over the demo data: a reference column in the
 * order of the names it shows (as the kind referred to sorts its names: "van den Berg"
 * with the B), a code column in the order of its labels, both ways.
 */
static void
test_sort_by_what_shows (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "demo.db", NULL);
  g_autoptr(PlacementsStore) store = placements_test_open_store (path);
  g_autoptr(GError) error = NULL;
  GListModel *sections = placements_record_kind_get_sections ();
  guint n_checked = 0;

  placements_demo_generate (store, 60, 1, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(PlacementsRecordKind) kind = g_list_model_get_item (sections, i);
      GType type = placements_record_kind_get_record_type (kind);
      g_autoptr(PlacementsRecordClass) klass = g_type_class_ref (type);

      for (guint c = 0; c < placements_record_kind_get_n_columns (kind); c++)
        {
          const char *name = placements_record_kind_get_column_field (kind, c);
          const PlacementsField *field = placements_record_class_find_field (klass, name);
          gboolean is_code = G_TYPE_IS_ENUM (field->pspec->value_type);

          if (!placements_record_kind_get_column_sortable (kind, c) ||
              (field->references == G_TYPE_INVALID && !is_code))
            continue;

          for (int descending = 0; descending <= 1; descending++)
            {
              g_autoptr(PlacementsRecordList) list = placements_record_list_new (store, type);
              g_autofree char *previous = NULL;
              guint n_items;
              guint n_distinct = 0;

              placements_record_list_set_sort (list, name, descending);
              n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
              g_assert_cmpuint (n_items, >, 1);
              g_test_message ("%s by %s%s", placements_record_kind_get_name (kind), name,
                              descending ? ", descending" : "");
              for (guint p = 0; p < n_items; p++)
                {
                  g_autoptr(PlacementsRecord) record =
                    g_list_model_get_item (G_LIST_MODEL (list), p);
                  g_autofree char *shown = is_code
                                           ? placements_record_dup_field_label (record, name)
                                           : referenced_sort_key (store, record, field);
                  int order;

                  if (previous != NULL)
                    {
                      order = is_code ? compare_labels (previous, shown)
                                      : strcmp (previous, shown);
                      if (descending ? order < 0 : order > 0)
                        g_error ("%s sorted by %s: “%s” before “%s”",
                                 placements_record_kind_get_name (kind), name, previous, shown);
                      n_distinct += order != 0;
                    }
                  g_free (previous);
                  previous = g_steal_pointer (&shown);
                }
              /* The demo has more than one of each, so the order says something. */
              g_assert_cmpuint (n_distinct, >, 0);
              n_checked++;
            }
        }
    }
  /* Clients' organisations and target groups, workplaces' hosts and kinds, buddies'
   * people, pilots' status, placements' clients, workplaces and status, organisations'
   * kinds and countries, people's organisations: both ways. */
  g_assert_cmpuint (n_checked, ==, 2 * 12);

  g_clear_object (&store);
  placements_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/record-kind/every-type", test_every_type_has_a_kind);
  g_test_add_func ("/record-kind/sections", test_sections);
  g_test_add_func ("/record-kind/count-label", test_count_label);
  g_test_add_data_func ("/record-kind/count-label/nl", "nl", test_count_label_translated);
  g_test_add_data_func ("/record-kind/count-label/nl_BE", "nl_BE", test_count_label_translated);
  g_test_add_func ("/record-kind/display-names", test_display_names);
  g_test_add_func ("/record-kind/default-sort", test_default_sort);
  g_test_add_func ("/record-kind/sort-by-what-shows", test_sort_by_what_shows);

  return g_test_run ();
}
