#define G_LOG_DOMAIN "placements-test-record-page"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "placements-record-page.h"
#include "placements-record-types.h"
#include "placements-test-utils.h"
#include "placements-test-gui.h"
#include "placements-section-view.h"
#include "placements-window.h"

/* The list of the section the window shows, loaded as it is when shown. */
static PlacementsRecordPage *
visible_page (GtkStack *stack)
{
  PlacementsView *view;

  /* A window on a database with clients opens on the overview; the lists are the
   * sections'. */
  if (!PLACEMENTS_IS_VIEW (gtk_stack_get_visible_child (stack)))
    gtk_stack_set_visible_child_name (stack, "clients");
  view = PLACEMENTS_VIEW (gtk_stack_get_visible_child (stack));
  placements_view_load (view);
  /* Its list is read on a thread: the page as it shows once read. */
  placements_test_flush_events ();
  return placements_section_view_get_page (PLACEMENTS_SECTION_VIEW (view));
}

typedef struct
{
  char             *folder;
  PlacementsStore  *store;
  PlacementsWindow *window;
  char             *organisation_uuid;
} Fixture;

static void
collect_inscription_texts (GtkWidget  *widget,
                           GPtrArray  *texts)
{
  if (GTK_IS_INSCRIPTION (widget))
    {
      const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));

      if (text != NULL)
        g_ptr_array_add (texts, (gpointer) text);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_inscription_texts (child, texts);
}

/* Whether a cell on screen shows @text. */
static gboolean
shows_cell (GtkWidget  *page,
            const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  collect_inscription_texts (page, texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (g_ptr_array_index (texts, i), text))
      return TRUE;
  return FALSE;
}

typedef struct
{
  PlacementsRecordPage *page;
  guint                 n_items;
} NItemsWait;

static gboolean
has_n_items (gpointer user_data)
{
  NItemsWait *wait = user_data;

  return placements_record_page_get_n_items (wait->page) == wait->n_items;
}

/* Runs the main loop until the page shows @n_items rows; fails after two seconds. */
static void
wait_for_n_items (PlacementsRecordPage *page,
                  guint                 n_items)
{
  NItemsWait wait = { page, n_items };

  placements_test_wait_until (has_n_items, &wait, 2000);
}

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

static PlacementsClient *
save_client (Fixture    *fixture,
             const char *family_name,
             const char *given_name,
             const char *date_of_birth)
{
  g_autoptr(PlacementsClient) client = placements_client_new ();
  g_autoptr(GError) error = NULL;

  placements_client_set_family_name (client, family_name);
  placements_client_set_given_name (client, given_name);
  placements_client_set_date_of_birth (client, date_of_birth);
  placements_client_set_care_organisation_uuid (client, fixture->organisation_uuid);
  placements_store_save (fixture->store, PLACEMENTS_RECORD (client), &error);
  g_assert_no_error (error);
  /* The window's lists read the change on their thread; what follows looks at them. */
  placements_test_flush_events ();
  return g_steal_pointer (&client);
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
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      gtk_window_destroy (GTK_WINDOW (fixture->window));
      placements_test_assert_finalized (fixture->window);
    }
  placements_test_assert_finalized (fixture->store);
  placements_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
  g_free (fixture->organisation_uuid);
}

/* The window, shown, on its first section: the clients. */
static PlacementsRecordPage *
open_window (Fixture *fixture)
{
  GtkStack *stack;

  /* GTK owns a window until it is destroyed; the test keeps a reference of its own so that
   * g_assert_finalize_object() can prove nothing else is left holding one. */
  fixture->window = g_object_ref_sink (g_object_new (PLACEMENTS_TYPE_WINDOW,
                                                     "store", fixture->store,
                                                     NULL));
  gtk_window_present (GTK_WINDOW (fixture->window));
  placements_test_flush_events ();

  stack = placements_window_get_sections (PLACEMENTS_WINDOW (fixture->window));
  /* With clients in the database the day starts on the overview; these tests are about
   * the clients' list. */
  gtk_stack_set_visible_child_name (stack, "clients");
  placements_test_flush_events ();
  return visible_page (stack);
}

static GtkColumnView *
get_column_view (PlacementsRecordPage *page)
{
  return GTK_COLUMN_VIEW (placements_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
}

static GListModel *
get_rows (PlacementsRecordPage *page)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (get_column_view (page));

  return gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection));
}

static GtkStack *
find_state_stack (GtkWidget *widget)
{
  if (GTK_IS_STACK (widget) && gtk_stack_get_child_by_name (GTK_STACK (widget), "list") != NULL)
    return GTK_STACK (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkStack *found = find_state_stack (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
visible_state (PlacementsRecordPage *page)
{
  /* The page's own stack: list, empty or no-results (drop-downs have stacks too). */
  GtkStack *stack = find_state_stack (GTK_WIDGET (page));

  return gtk_stack_get_visible_child_name (stack);
}

static const char *
family_name_at (GListModel *rows,
                guint       position)
{
  g_autoptr(PlacementsClient) client = g_list_model_get_item (rows, position);

  return placements_client_get_family_name (client);
}

static const char *
content_subtitle (Fixture *fixture)
{
  GtkStack *stack = placements_window_get_sections (PLACEMENTS_WINDOW (fixture->window));
  AdwWindowTitle *title =
    ADW_WINDOW_TITLE (placements_test_find_descendant (gtk_widget_get_parent (GTK_WIDGET (stack)),
                                       ADW_TYPE_WINDOW_TITLE));

  return adw_window_title_get_subtitle (title);
}

static GtkColumnViewColumn *
get_column (PlacementsRecordPage *page,
            guint                 index)
{
  GListModel *columns = gtk_column_view_get_columns (get_column_view (page));
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, index);

  /* The column view holds it. */
  return column;
}

static void
save_three_clients (Fixture *fixture)
{
  g_object_unref (save_client (fixture, "Visser", "Anouk", "1990-03-14"));
  g_object_unref (save_client (fixture, "Bakker", "Bram", "1985-11-02"));
  g_object_unref (save_client (fixture, "Maes", "Lotte", "2001-07-30"));
}

static void
test_rows_in_order (Fixture       *fixture,
                    gconstpointer  data)
{
  PlacementsRecordPage *page;
  GListModel *rows;

  save_three_clients (fixture);
  page = open_window (fixture);
  rows = get_rows (page);

  /* The column view shows the SQL list itself: no GTK sort or filter model over it. */
  g_assert_true (PLACEMENTS_IS_RECORD_LIST (rows));
  g_assert_true (rows == G_LIST_MODEL (placements_record_page_get_list (page)));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 3);
  g_assert_cmpstr (family_name_at (rows, 0), ==, "Bakker");
  g_assert_cmpstr (family_name_at (rows, 1), ==, "Maes");
  g_assert_cmpstr (family_name_at (rows, 2), ==, "Visser");

  g_assert_cmpstr (visible_state (page), ==, "list");
  g_assert_cmpstr (content_subtitle (fixture), ==, "3 clients");

  /* The cells show what a coordinator reads: dates day first, a reference by its name. */
  g_assert_true (shows_cell (GTK_WIDGET (page), "Bakker"));
  g_assert_true (shows_cell (GTK_WIDGET (page), "14-03-1990"));
  g_assert_false (shows_cell (GTK_WIDGET (page), "1990-03-14"));
  g_assert_true (shows_cell (GTK_WIDGET (page), "Zorggroep De Linde"));
  g_assert_false (shows_cell (GTK_WIDGET (page), fixture->organisation_uuid));
}

static void
save_organisation_of (Fixture                    *fixture,
                      const char                 *name,
                      PlacementsOrganisationKind  kind,
                      PlacementsCountry           country)
{
  g_autoptr(PlacementsOrganisation) organisation = placements_organisation_new ();
  g_autoptr(GError) error = NULL;

  placements_organisation_set_name (organisation, name);
  placements_organisation_set_kind (organisation, kind);
  placements_organisation_set_country (organisation, country);
  placements_store_save (fixture->store, PLACEMENTS_RECORD (organisation), &error);
  g_assert_no_error (error);
}

/* An organisation's kind is shown in the words of its own country. */
static void
test_kind_follows_country (Fixture       *fixture,
                           gconstpointer  data)
{
  GtkStack *stack;
  GtkWidget *page;

  save_organisation_of (fixture, "VDAB Kortrijk",
                        PLACEMENTS_ORGANISATION_KIND_EMPLOYMENT_SERVICE, PLACEMENTS_COUNTRY_BE);
  save_organisation_of (fixture, "UWV Werkbedrijf Zwolle",
                        PLACEMENTS_ORGANISATION_KIND_EMPLOYMENT_SERVICE, PLACEMENTS_COUNTRY_NL);
  save_organisation_of (fixture, "Maatwerkbedrijf Leiewerk",
                        PLACEMENTS_ORGANISATION_KIND_SOCIAL_EMPLOYMENT_COMPANY,
                        PLACEMENTS_COUNTRY_BE);
  open_window (fixture);
  stack = placements_window_get_sections (PLACEMENTS_WINDOW (fixture->window));
  gtk_stack_set_visible_child_name (stack, "organisations");
  page = GTK_WIDGET (visible_page (stack));
  wait_for_n_items (PLACEMENTS_RECORD_PAGE (page), 4);
  placements_test_flush_events ();

  g_assert_true (shows_cell (page, "VDAB"));
  g_assert_true (shows_cell (page, "UWV"));
  g_assert_true (shows_cell (page, "Custom-work company"));
  /* Not the neutral word, which is for where no record is at hand. */
  g_assert_false (shows_cell (page, "Employment service"));
}

static void
test_search_debounced (Fixture       *fixture,
                       gconstpointer  data)
{
  PlacementsRecordPage *page;
  PlacementsRecordList *list;
  GtkWidget *entry;

  save_three_clients (fixture);
  page = open_window (fixture);
  list = placements_record_page_get_list (page);
  entry = placements_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);

  gtk_editable_set_text (GTK_EDITABLE (entry), "maes");
  /* Typing does not query at once: the list waits for a pause. */
  g_assert_null (placements_record_list_get_search_text (list));
  g_assert_cmpuint (placements_record_page_get_n_items (page), ==, 3);

  wait_for_n_items (page, 1);
  g_assert_cmpstr (placements_record_list_get_search_text (list), ==, "maes");
  g_assert_cmpstr (family_name_at (get_rows (page), 0), ==, "Maes");
  g_assert_cmpstr (content_subtitle (fixture), ==, "1 client");
  g_assert_true (list == placements_record_page_get_list (page));

  gtk_editable_set_text (GTK_EDITABLE (entry), "nobody");
  wait_for_n_items (page, 0);
  g_assert_cmpstr (visible_state (page), ==, "no-results");
  g_assert_true (gtk_widget_get_visible (entry));
  /* The no-results state says it already; the header does not add "0 clients". */
  g_assert_true (content_subtitle (fixture) == NULL || *content_subtitle (fixture) == '\0');

  /* Escape clears the search, and the whole list is asked for without the typing pause
   * (its order read on the list's thread). */
  g_signal_emit_by_name (entry, "stop-search");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_null (placements_record_list_get_search_text (list));
  placements_test_flush_events ();
  g_assert_cmpuint (placements_record_page_get_n_items (page), ==, 3);
  g_assert_cmpstr (visible_state (page), ==, "list");

  /* The page's own function searches at once. */
  placements_record_page_set_search_text (page, "bakker");
  g_assert_cmpstr (placements_record_list_get_search_text (list), ==, "bakker");
  placements_test_flush_events ();
  g_assert_cmpuint (placements_record_page_get_n_items (page), ==, 1);
}

static void
test_find_shortcut (Fixture       *fixture,
                    gconstpointer  data)
{
  PlacementsRecordPage *page;
  GtkWidget *entry;
  GtkWidget *focus;

  save_three_clients (fixture);
  page = open_window (fixture);
  entry = placements_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);

  /* The window starts with the focus in the sidebar; Ctrl+F goes to the page's search. */
  focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));
  g_assert_false (focus != NULL && gtk_widget_is_ancestor (focus, entry));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.find", NULL));
  placements_test_flush_events ();
  focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

static void
test_tab_order (Fixture       *fixture,
                gconstpointer  data)
{
  PlacementsRecordPage *page;
  GtkWidget *sidebar;
  GtkWidget *entry;
  GtkWidget *focus;

  save_three_clients (fixture);
  page = open_window (fixture);
  sidebar = gtk_widget_get_ancestor (gtk_window_get_focus (GTK_WINDOW (fixture->window)),
                                     GTK_TYPE_LIST_BOX);
  g_assert_true (gtk_widget_has_css_class (sidebar, "navigation-sidebar"));
  entry = placements_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);

  /* Sidebar, then the search, then the list, as a keyboard user goes with Tab; the arrow
   * keys, not Tab, go through the sections. */
  focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));
  g_assert_true (gtk_widget_is_ancestor (focus, sidebar));

  /* The sidebar's Tab shortcut names this action; a key event cannot be sent in a test. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window),
                                             "win.focus-content", NULL));
  focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  /* Moving on did not change the section. */
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));

  /* The filters beside the search, then the list. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));
  g_assert_nonnull (gtk_widget_get_ancestor (focus, GTK_TYPE_MENU_BUTTON));
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD));
  focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));
  g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (get_column_view (page))));
}

static void
test_window_without_store (void)
{
  PlacementsWindow *window = g_object_ref_sink (g_object_new (PLACEMENTS_TYPE_WINDOW,
                                                              "store", NULL,
                                                              NULL));
  GtkStack *stack = placements_window_get_sections (PLACEMENTS_WINDOW (window));
  guint n_pages = 0;

  /* Every section is a record page, and without a database each shows its empty state. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      PlacementsRecordPage *page;

      if (!PLACEMENTS_IS_VIEW (child))
        continue;
      /* A section builds its list when it is first shown, not before. */
      if (child != gtk_stack_get_visible_child (stack))
        g_assert_null (placements_section_view_get_page (PLACEMENTS_SECTION_VIEW (child)));
      placements_view_load (PLACEMENTS_VIEW (child));
      page = placements_section_view_get_page (PLACEMENTS_SECTION_VIEW (child));

      g_assert_null (placements_record_page_get_list (page));
      g_assert_cmpstr (visible_state (page), ==, "empty");
      n_pages++;
    }
  g_assert_cmpuint (n_pages, ==, 7);

  gtk_window_destroy (GTK_WINDOW (window));
  placements_test_assert_finalized (window);
}

static void
test_sort_in_sql (Fixture       *fixture,
                  gconstpointer  data)
{
  PlacementsRecordPage *page;
  PlacementsRecordList *list;
  GtkColumnView *view;
  g_autofree char *sort_field = NULL;
  gboolean descending;

  save_three_clients (fixture);
  page = open_window (fixture);
  list = placements_record_page_get_list (page);
  view = get_column_view (page);

  g_assert_nonnull (gtk_column_view_column_get_sorter (get_column (page, 0)));
  gtk_column_view_sort_by_column (view, get_column (page, 0), GTK_SORT_DESCENDING);
  placements_test_flush_events ();

  g_object_get (list, "sort-field", &sort_field, "sort-descending", &descending, NULL);
  g_assert_cmpstr (sort_field, ==, "family-name");
  g_assert_true (descending);
  g_assert_cmpstr (family_name_at (get_rows (page), 0), ==, "Visser");
  g_assert_cmpstr (family_name_at (get_rows (page), 2), ==, "Bakker");

  /* The third column is the date of birth: youngest last when ascending. */
  gtk_column_view_sort_by_column (view, get_column (page, 2), GTK_SORT_ASCENDING);
  placements_test_flush_events ();
  g_clear_pointer (&sort_field, g_free);
  g_object_get (list, "sort-field", &sort_field, "sort-descending", &descending, NULL);
  g_assert_cmpstr (sort_field, ==, "date-of-birth");
  g_assert_false (descending);
  g_assert_cmpstr (family_name_at (get_rows (page), 0), ==, "Bakker");
  g_assert_cmpstr (family_name_at (get_rows (page), 2), ==, "Maes");

  /* A reference column sorts by the name it shows, not by the UUID it holds. */
  {
    g_autofree char *other = save_organisation (fixture, "Amstelzorg");
    g_autoptr(PlacementsClient) zwart = save_client (fixture, "Zwart", "Ilse", "1970-01-01");

    placements_client_set_care_organisation_uuid (zwart, other);
    placements_store_save (fixture->store, PLACEMENTS_RECORD (zwart), NULL);
    placements_test_flush_events ();
    g_assert_nonnull (gtk_column_view_column_get_sorter (get_column (page, 3)));
    gtk_column_view_sort_by_column (view, get_column (page, 3), GTK_SORT_ASCENDING);
    placements_test_flush_events ();
    g_assert_cmpstr (family_name_at (get_rows (page), 0), ==, "Zwart");
    gtk_column_view_sort_by_column (view, get_column (page, 3), GTK_SORT_DESCENDING);
    placements_test_flush_events ();
    g_assert_cmpstr (family_name_at (get_rows (page), 3), ==, "Zwart");
    placements_test_flush_events ();
    g_assert_true (shows_cell (GTK_WIDGET (page), "Amstelzorg"));
    placements_store_delete (fixture->store, PLACEMENTS_RECORD (zwart), NULL);
  }
  /* So does a code column, by its label (the list's own tests check the order). */
  g_assert_nonnull (gtk_column_view_column_get_sorter (get_column (page, 4)));

  /* Unsorted is the list's default order again. */
  gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  placements_test_flush_events ();
  g_assert_null (placements_record_list_get_sort_field (list));
  g_assert_cmpstr (family_name_at (get_rows (page), 0), ==, "Bakker");

  /* The same list object throughout: sorting is a new query, not a new model. */
  g_assert_true (list == placements_record_page_get_list (page));
}

static gboolean
scrolls (gpointer adjustment)
{
  return gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment);
}

static gboolean
list_loaded (gpointer list)
{
  return !placements_record_list_is_loading (list);
}

static void
test_sort_scrolls_to_top (Fixture       *fixture,
                          gconstpointer  data)
{
  PlacementsRecordPage *page;
  GtkScrolledWindow *scrolled_window;
  GtkAdjustment *adjustment;

  /* More clients than fit in the window, born in different years. */
  for (guint i = 0; i < 60; i++)
    {
      g_autofree char *family_name = g_strdup_printf ("Client %02u", i);
      g_autofree char *date_of_birth = g_strdup_printf ("%u-06-01", 1950 + i);
      g_object_unref (save_client (fixture, family_name, "Anna", date_of_birth));
    }
  page = open_window (fixture);
  scrolled_window = GTK_SCROLLED_WINDOW (gtk_widget_get_parent (
    GTK_WIDGET (get_column_view (page))));
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled_window);
  /* The rows come after the first frame: laid out at the next. */
  placements_test_wait_until (scrolls, adjustment, 5000);

  /* The column view follows the row objects it showed; a new order starts at the top. */
  gtk_column_view_sort_by_column (get_column_view (page), get_column (page, 2),
                                  GTK_SORT_DESCENDING);
  placements_test_flush_events ();
  g_assert_cmpstr (family_name_at (get_rows (page), 0), ==, "Client 59");
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==,
                     gtk_adjustment_get_lower (adjustment));
  g_assert_true (shows_cell (GTK_WIDGET (page), "Client 59"));
}

static void
test_follows_the_store (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(PlacementsClient) visser = NULL;
  g_autoptr(PlacementsClient) jansen = NULL;
  g_autoptr(PlacementsOrganisation) organisation = NULL;
  g_autoptr(GError) error = NULL;
  PlacementsRecordPage *page;
  GListModel *rows;

  visser = save_client (fixture, "Visser", "Anouk", "1990-03-14");
  page = open_window (fixture);
  rows = get_rows (page);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 1);
  g_assert_cmpstr (content_subtitle (fixture), ==, "1 client");

  /* A record saved elsewhere appears in the same model, without a rebuild. */
  jansen = save_client (fixture, "Jansen", "Daan", "1979-01-05");
  placements_test_flush_events ();
  g_assert_true (get_rows (page) == rows);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 2);
  g_assert_cmpstr (family_name_at (rows, 0), ==, "Jansen");
  g_assert_cmpstr (content_subtitle (fixture), ==, "2 clients");

  /* An edit shows in the row on screen. */
  placements_client_set_date_of_birth (visser, "1990-04-15");
  placements_store_save (fixture->store, PLACEMENTS_RECORD (visser), &error);
  g_assert_no_error (error);
  placements_test_flush_events ();
  g_assert_true (shows_cell (GTK_WIDGET (page), "15-04-1990"));
  g_assert_false (shows_cell (GTK_WIDGET (page), "14-03-1990"));

  /* So does a new name of the organisation the rows refer to. */
  organisation = placements_store_load (fixture->store, PLACEMENTS_TYPE_ORGANISATION,
                                        fixture->organisation_uuid, &error);
  g_assert_no_error (error);
  placements_organisation_set_name (organisation, "Zorggroep Het Anker");
  placements_store_save (fixture->store, PLACEMENTS_RECORD (organisation), &error);
  g_assert_no_error (error);
  placements_test_flush_events ();
  g_assert_true (shows_cell (GTK_WIDGET (page), "Zorggroep Het Anker"));
  g_assert_false (shows_cell (GTK_WIDGET (page), "Zorggroep De Linde"));
}

static void
test_empty_state (Fixture       *fixture,
                  gconstpointer  data)
{
  PlacementsRecordPage *page = open_window (fixture);
  GtkWidget *entry = placements_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  g_autoptr(PlacementsClient) client = NULL;

  g_assert_cmpuint (placements_record_page_get_n_items (page), ==, 0);
  g_assert_cmpstr (visible_state (page), ==, "empty");
  /* Nothing to search in yet, and nothing to count. */
  g_assert_false (gtk_widget_is_visible (entry));
  g_assert_true (content_subtitle (fixture) == NULL || *content_subtitle (fixture) == '\0');

  /* The first record replaces the empty state by the list. */
  client = save_client (fixture, "Visser", "Anouk", "1990-03-14");
  g_assert_cmpstr (visible_state (page), ==, "list");
  g_assert_true (gtk_widget_is_visible (entry));
  g_assert_cmpstr (content_subtitle (fixture), ==, "1 client");
}

/* A list that cannot be read shows why, not "No Clients Yet"; and comes back. */
static void
test_error_state (Fixture       *fixture,
                  gconstpointer  data)
{
  PlacementsRecordPage *page;
  PlacementsRecordList *list;
  GtkWidget *status;
  const char *description;

  save_three_clients (fixture);
  page = open_window (fixture);
  list = placements_record_page_get_list (page);
  g_assert_cmpstr (visible_state (page), ==, "list");

  placements_test_execute_elsewhere (fixture->store, "ALTER TABLE client RENAME TO away");
  g_test_expect_message ("placements-record-list", G_LOG_LEVEL_WARNING, "*could not be read*");
  placements_record_list_refresh (list);
  g_test_assert_expected_messages ();
  placements_test_flush_events ();

  g_assert_cmpstr (visible_state (page), ==, "error");
  status = gtk_stack_get_visible_child (
    find_state_stack (GTK_WIDGET (page)));
  description = adw_status_page_get_description (ADW_STATUS_PAGE (status));
  g_assert_nonnull (strstr (description, "no such table"));
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "The List Could Not Be Read");

  placements_test_execute_elsewhere (fixture->store, "ALTER TABLE away RENAME TO client");
  placements_record_list_refresh (list);
  placements_test_flush_events ();
  g_assert_cmpstr (visible_state (page), ==, "list");
  g_assert_cmpuint (placements_record_page_get_n_items (page), ==, 3);
}

static void
test_accessible (Fixture       *fixture,
                 gconstpointer  data)
{
  PlacementsRecordPage *page;

  save_three_clients (fixture);
  page = open_window (fixture);

  /* Screen readers name the search entry and the table. */
  g_assert_true (gtk_test_accessible_has_property (
    GTK_ACCESSIBLE (placements_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY)),
    GTK_ACCESSIBLE_PROPERTY_LABEL));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (get_column_view (page)),
                                       GTK_ACCESSIBLE_PROPERTY_LABEL, "Clients");
}

static void
test_page_without_store (void)
{
  PlacementsRecordPage *page = PLACEMENTS_RECORD_PAGE (g_object_ref_sink (
    placements_record_page_new (NULL, PLACEMENTS_TYPE_PILOT)));

  placements_record_page_add_column (page, "name", "Name", TRUE);
  g_assert_null (placements_record_page_get_list (page));
  g_assert_cmpuint (placements_record_page_get_n_items (page), ==, 0);
  g_assert_cmpstr (visible_state (page), ==, "empty");

  placements_test_assert_finalized (page);
}

static void
test_page_own_store (Fixture       *fixture,
                     gconstpointer  data)
{
  PlacementsRecordPage *page;

  save_three_clients (fixture);
  page = PLACEMENTS_RECORD_PAGE (g_object_ref_sink (
    placements_record_page_new (fixture->store, PLACEMENTS_TYPE_CLIENT)));
  placements_record_page_add_column (page, "family-name", "Family Name", TRUE);
  /* Outside a window too, the list is read on its thread. */
  placements_test_wait_until (list_loaded, placements_record_page_get_list (page), 5000);
  g_assert_cmpuint (placements_record_page_get_n_items (page), ==, 3);

  /* Without its store the page forgets the list and shows its empty state. */
  placements_record_page_set_store (page, NULL);
  g_assert_null (placements_record_page_get_list (page));
  g_assert_cmpstr (visible_state (page), ==, "empty");

  placements_test_assert_finalized (page);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/record-page/rows/in-order", test_rows_in_order);
  ADD ("/record-page/rows/kind-follows-country", test_kind_follows_country);
  ADD ("/record-page/search/debounced", test_search_debounced);
  ADD ("/record-page/search/find-shortcut", test_find_shortcut);
  ADD ("/record-page/keyboard/tab-order", test_tab_order);
  ADD ("/record-page/sort/in-sql", test_sort_in_sql);
  ADD ("/record-page/sort/scrolls-to-top", test_sort_scrolls_to_top);
  ADD ("/record-page/store/follows-changes", test_follows_the_store);
  ADD ("/record-page/empty-state", test_empty_state);
  ADD ("/record-page/accessible", test_accessible);
  ADD ("/record-page/error-state", test_error_state);
  ADD ("/record-page/store/own", test_page_own_store);
  g_test_add_func ("/record-page/store/none", test_page_without_store);
  g_test_add_func ("/record-page/window/no-store", test_window_without_store);

#undef ADD

  return g_test_run ();
}
