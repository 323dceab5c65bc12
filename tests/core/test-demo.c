#define G_LOG_DOMAIN "test-demo"

#include "config.h"

#include <string.h>

#include "placements-demo.h"
#include "placements-record-list.h"
#include "placements-record-types.h"
#include "placements-store.h"
#include "placements-test-utils.h"

typedef struct
{
  char            *folder;
  PlacementsStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  fixture->folder = placements_test_make_folder ();
  path = g_build_filename (fixture->folder, "placements.db", NULL);
  fixture->store = placements_test_open_store (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  placements_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
}

/* Dates that are plans, and may lie after the demo's today. */
static const struct
{
  const char *kind;
  const char *field;
  const char *when; /* NULL: always; else an SQL condition on the row */
} plans[] = {
  { "client", "right-to-return-until", NULL },
  { "allocation", "end-date", NULL },
  { "placement", "planned-end-date", NULL },
  /* A client registered at a workplace, waiting to start there. */
  { "placement", "start-date", "status = 'registered'" },
  { "pilot", "evaluation-date", NULL },
  { "pilot", "scale-up-date", NULL },
  { "funding", "end-date", NULL },
  { "consent", "expiry-date", NULL },
};

static const char *
plan_condition (const char *kind,
                const char *field,
                gboolean   *is_plan)
{
  for (gsize i = 0; i < G_N_ELEMENTS (plans); i++)
    if (g_str_equal (plans[i].kind, kind) && g_str_equal (plans[i].field, field))
      {
        *is_plan = TRUE;
        return plans[i].when;
      }
  *is_plan = FALSE;
  return NULL;
}

static void
test_nothing_dated_after_today (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *today = g_strdup_printf ("%04d-%02d-%02d", PLACEMENTS_DEMO_TODAY_YEAR,
                                            PLACEMENTS_DEMO_TODAY_MONTH,
                                            PLACEMENTS_DEMO_TODAY_DAY);
  guint n_types = 0;
  const GType *types = placements_store_get_record_types (&n_types);
  guint n_checked = 0;

  /* Enough clients for every kind of placement, consent and allocation to occur. */
  g_assert_true (placements_demo_generate (fixture->store, 600, 1, NULL, &error));
  g_assert_no_error (error);

  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(PlacementsRecordClass) klass = g_type_class_ref (types[t]);
      const char *kind = placements_record_class_get_kind (klass);
      const char *table = placements_record_class_get_table (klass);

      for (guint i = 0; i < placements_record_class_get_n_fields (klass); i++)
        {
          const PlacementsField *field = placements_record_class_get_field (klass, i);
          const char *name = field->pspec->name;
          g_autofree char *sql = NULL;
          g_autofree char *found = NULL;
          const char *when;
          gboolean is_plan;

          /* Calendar dates, and moments such as when attendance was registered. */
          if ((field->flags & PLACEMENTS_FIELD_DATE) == 0 && !g_str_has_suffix (name, "-at"))
            continue;
          when = plan_condition (kind, name, &is_plan);
          if (is_plan && when == NULL)
            continue;

          sql = g_strdup_printf ("SELECT count(*) || ' ' || coalesce(max(%s), '') FROM %s "
                                 "WHERE substr(%s, 1, 10) > '%s'%s%s%s",
                                 field->column, table, field->column, today,
                                 when != NULL ? " AND NOT (" : "", when != NULL ? when : "",
                                 when != NULL ? ")" : "");
          found = placements_test_query_text (fixture->store, sql);
          if (!g_str_has_prefix (found, "0 "))
            g_error ("%s %s after %s: %s", kind, name, today, found);
          n_checked++;
        }
    }
  /* Every kind with dates was looked at, not none by a mistake in the loop. */
  g_assert_cmpuint (n_checked, >=, 15);

  /* The plans are there, and after today: they would have been caught. */
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM placement "
                                            "WHERE planned_end_date > '%s'", today);
    g_autofree char *n_plans = placements_test_query_text (fixture->store, sql);

    g_assert_cmpint (atoi (n_plans), >, 0);
  }
}

/* The letters of the pool's names as coordinators type them (see placements_fold_text()). */
static const struct
{
  const char *name;
  const char *typed;
} typed_names[] = {
  { "Yılmaz", "yilmaz" },
  { "Çelik", "celik" },
  { "Ayşe", "ayse" },
};

static char *
typed_form (const char *name)
{
  for (gsize i = 0; i < G_N_ELEMENTS (typed_names); i++)
    if (g_str_equal (typed_names[i].name, name))
      return g_strdup (typed_names[i].typed);
  /* A name with a letter outside ASCII must have its typed form above. */
  for (const char *p = name; *p != '\0'; p++)
    g_assert_true ((guchar) *p < 0x80);
  return g_ascii_strdown (name, -1);
}

static gboolean
search_finds (PlacementsStore *store,
              const char      *text,
              const char      *uuid)
{
  g_autoptr(PlacementsRecordList) list = placements_record_list_new (store,
                                                                     PLACEMENTS_TYPE_CLIENT);

  placements_record_list_set_search_text (list, text);
  return placements_record_list_find (list, uuid) >= 0;
}

/* Every name the demo gives people is found however a coordinator types it. */
static void
test_search_finds_every_name (Fixture       *fixture,
                              gconstpointer  data)
{
  g_auto(GStrv) names = placements_demo_dup_names ();
  g_autoptr(PlacementsOrganisation) care = placements_organisation_new ();
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_strv_length (names), >, 100);
  g_assert_true (g_strv_contains ((const char * const *) names, "Yılmaz"));

  placements_organisation_set_name (care, "Zorggroep De Linde");
  placements_organisation_set_kind (care, PLACEMENTS_ORGANISATION_KIND_CARE_PROVIDER);
  g_assert_true (placements_store_begin (fixture->store, &error));
  g_assert_true (placements_store_save (fixture->store, PLACEMENTS_RECORD (care), &error));
  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(PlacementsClient) client = placements_client_new ();

      /* Both as a family name and as a given name. */
      placements_client_set_family_name (client, names[i]);
      placements_client_set_given_name (client, names[(i + 1) % g_strv_length (names)]);
      placements_client_set_care_organisation_uuid (
        client, placements_record_get_uuid (PLACEMENTS_RECORD (care)));
      g_assert_true (placements_store_save (fixture->store, PLACEMENTS_RECORD (client), &error));
      g_ptr_array_add (uuids, g_strdup (placements_record_get_uuid (PLACEMENTS_RECORD (client))));
    }
  g_assert_true (placements_store_commit (fixture->store, &error));
  g_assert_no_error (error);

  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *uuid = g_ptr_array_index (uuids, i);
      const char *as_given_name = g_ptr_array_index (uuids, i == 0 ? uuids->len - 1 : i - 1);
      g_autofree char *typed = typed_form (names[i]);
      g_autofree char *upper = g_utf8_strup (names[i], -1);
      g_autofree char *start = g_utf8_substring (names[i], 0,
                                                 MIN (3, g_utf8_strlen (names[i], -1)));
      g_autofree char *typed_start = g_utf8_substring (typed, 0,
                                                       MIN (3, g_utf8_strlen (typed, -1)));
      const char *forms[] = { names[i], typed, upper, start, typed_start };

      for (gsize f = 0; f < G_N_ELEMENTS (forms); f++)
        {
          if (!search_finds (fixture->store, forms[f], uuid))
            g_error ("“%s” does not find the family name “%s”", forms[f], names[i]);
          if (!search_finds (fixture->store, forms[f], as_given_name))
            g_error ("“%s” does not find the given name “%s”", forms[f], names[i]);
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/demo/nothing-dated-after-today", Fixture, NULL, fixture_set_up,
              test_nothing_dated_after_today, fixture_tear_down);
  g_test_add ("/demo/search-finds-every-name", Fixture, NULL, fixture_set_up,
              test_search_finds_every_name, fixture_tear_down);

  return g_test_run ();
}
