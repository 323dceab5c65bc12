#define G_LOG_DOMAIN "placements-test-window"

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "placements-access-log-group.h"
#include "placements-demo.h"
#include "placements-date.h"
#include "placements-overview.h"
#include "placements-overview-page.h"
#include "placements-audit-log.h"
#include "placements-record-editor.h"
#include "placements-record-kind.h"
#include "placements-record-page.h"
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

/* The sidebar's list: the overview's groups are lists too. */
static GtkWidget *
find_sidebar (GtkWidget *widget)
{
  if (GTK_IS_LIST_BOX (widget) && gtk_widget_has_css_class (widget, "navigation-sidebar"))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_sidebar (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The sections in sidebar order come from the core's registry; the action names them. */
static guint
n_sections (void)
{
  return g_list_model_get_n_items (placements_record_kind_get_sections ());
}

static const char *
section_name (guint index)
{
  g_autoptr(PlacementsRecordKind) kind =
    g_list_model_get_item (placements_record_kind_get_sections (), index);

  return placements_record_kind_get_name (kind);
}

static const char *
section_label (guint index)
{
  g_autoptr(PlacementsRecordKind) kind =
    g_list_model_get_item (placements_record_kind_get_sections (), index);

  return placements_record_kind_get_plural_label (kind);
}

static GtkWidget *
find (gpointer widget,
      GType    type)
{
  return placements_test_find_descendant (GTK_WIDGET (widget), type);
}

static PlacementsWindow *
create_window (void)
{
  /* GTK owns a window until it is destroyed; the test keeps a reference of its own so that
   * g_assert_finalize_object() can prove nothing else is left holding one. */
  return g_object_ref_sink (g_object_new (PLACEMENTS_TYPE_WINDOW, "store", NULL, NULL));
}

static void
destroy_window (PlacementsWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  placements_test_assert_finalized (window);
}

static const char *
visible_page_title (GtkStack *stack)
{
  GtkWidget *child = gtk_stack_get_visible_child (stack);

  return gtk_stack_page_get_title (gtk_stack_get_page (stack, child));
}

static void
test_window_store_property (void)
{
  PlacementsWindow *window = create_window ();

  g_assert_null (placements_window_get_store (window));

  destroy_window (window);
}

static void
test_window_sidebar_accessible (void)
{
  PlacementsWindow *window = create_window ();
  GtkListBox *sidebar = GTK_LIST_BOX (find_sidebar (GTK_WIDGET (window)));
  GtkStack *stack = placements_window_get_sections (window);
  /* The main menu, in the sidebar's header bar (the lists have menu buttons of their own). */
  GtkWidget *menu_button = placements_test_find_descendant (
    gtk_widget_get_parent (gtk_widget_get_ancestor (GTK_WIDGET (sidebar),
                                                    GTK_TYPE_SCROLLED_WINDOW)),
    GTK_TYPE_MENU_BUTTON);

  g_assert_nonnull (sidebar);
  g_assert_nonnull (stack);
  g_assert_nonnull (menu_button);

  /* Icon-only and unlabelled controls carry a name for screen readers. */
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (sidebar),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (menu_button),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));

  /* The overview first, then the sections. */
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, 0);
    GtkWidget *label = placements_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_LABEL);

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Overview");
    gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (row),
                                         GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL);
    g_signal_emit_by_name (row, "activate");
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "overview");
  }
  g_assert_cmpuint (n_sections (), >, 0);
  for (guint i = 0; i < n_sections (); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, (int) i + 1);
      GtkWidget *label;
      const char *text;

      g_assert_nonnull (row);
      label = placements_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_LABEL);
      g_assert_nonnull (label);
      text = gtk_label_get_text (GTK_LABEL (label));
      g_assert_cmpstr (text, ==, section_label (i));

      /* A screen reader reads the row by its visible label. */
      gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (row),
                                           GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL);

      /* The row shows the section it is named after. */
      g_signal_emit_by_name (row, "activate");
      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, section_name (i));
      g_assert_cmpstr (visible_page_title (stack), ==, text);
    }

  /* The attendance after the sections, the messages last, by their label too; and no row
   * without a page. */
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, (int) n_sections () + 1);
    GtkWidget *label;

    g_assert_nonnull (row);
    label = placements_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_LABEL);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Attendance");
    g_signal_emit_by_name (row, "activate");
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "attendance");
  }
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, (int) n_sections () + 2);
    GtkWidget *label;

    g_assert_nonnull (row);
    label = placements_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_LABEL);
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Messages");
    gtk_test_accessible_assert_relation (GTK_ACCESSIBLE (row),
                                         GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL);
    g_signal_emit_by_name (row, "activate");
    g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "messages");
    g_assert_cmpstr (visible_page_title (stack), ==, "Messages");
  }
  g_assert_null (gtk_list_box_get_row_at_index (sidebar, (int) n_sections () + 3));

  destroy_window (window);
}

static void
test_window_show_section_action (void)
{
  PlacementsWindow *window = create_window ();
  GtkListBox *sidebar = GTK_LIST_BOX (find_sidebar (GTK_WIDGET (window)));
  GtkStack *stack = placements_window_get_sections (window);
  AdwWindowTitle *title;

  gtk_window_present (GTK_WINDOW (window));
  placements_test_flush_events ();

  /* The content's header bar has the only AdwWindowTitle after the sidebar's. */
  title = ADW_WINDOW_TITLE (find (gtk_widget_get_parent (GTK_WIDGET (stack)),
                                 ADW_TYPE_WINDOW_TITLE));

  /* Without a store, no clients: the first section, below the overview. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, section_name (0));
  g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (sidebar)), ==, 1);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, visible_page_title (stack));
  /* Keyboard users start in the sidebar, on the section shown. */
  g_assert_true (gtk_window_get_focus (GTK_WINDOW (window))
                 == GTK_WIDGET (gtk_list_box_get_selected_row (sidebar)));

  /* From the last to the first, so that every step changes the page. */
  for (int i = (int) n_sections () - 1; i >= 0; i--)
    {
      const char *before = gtk_stack_get_visible_child_name (stack);

      g_assert_cmpstr (before, !=, section_name (i));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window),
                                                 "win.show-section", "s", section_name (i)));
      placements_test_flush_events ();

      g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, section_name (i));
      /* The sidebar and the header follow the page, whichever way it was chosen. */
      g_assert_cmpint (gtk_list_box_row_get_index (gtk_list_box_get_selected_row (sidebar)),
                       ==, i + 1);
      g_assert_cmpstr (adw_window_title_get_title (title), ==, visible_page_title (stack));
      /* The focus goes along, so that the arrow keys go on from the section shown. */
      g_assert_true (gtk_window_get_focus (GTK_WINDOW (window))
                     == GTK_WIDGET (gtk_list_box_get_selected_row (sidebar)));
    }

  destroy_window (window);
}

static void
test_window_size_settings (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  PlacementsWindow *window;
  int width;
  int height;

  g_settings_set_int (settings, "window-width", 812);
  g_settings_set_int (settings, "window-height", 604);
  g_settings_set_boolean (settings, "window-maximized", FALSE);

  window = create_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 812);
  g_assert_cmpint (height, ==, 604);

  /* The size the window has when it closes is the size it comes back with. Only a shown
   * window can be closed. */
  gtk_window_present (GTK_WINDOW (window));
  placements_test_flush_events ();
  gtk_window_set_default_size (GTK_WINDOW (window), 700, 500);
  placements_test_flush_events ();
  gtk_window_close (GTK_WINDOW (window));
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 700);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 500);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* gtk_window_close() has destroyed the window already. */
  placements_test_assert_finalized (window);
}

static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = NULL;
  GObject *overlay;

  /* GtkApplication adds win.show-help-overlay only if it finds this resource. */
  builder = gtk_builder_new_from_resource ("/org/example/Placements/gtk/help-overlay.ui");
  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  if (GTK_IS_INSCRIPTION (widget) && gtk_inscription_get_text (GTK_INSCRIPTION (widget)) != NULL)
    g_ptr_array_add (texts, (gpointer) gtk_inscription_get_text (GTK_INSCRIPTION (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static gboolean
looks_like_uuid (const char *text)
{
  return g_regex_match_simple ("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
                               text, 0, 0);
}

/*
 * Every section with the demo data in it: its list, its count in the header, its columns as
 * the registry names them, references shown by name, and each sortable column sorting.
 */
static void
test_window_sections_with_data (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "demo.db", NULL);
  PlacementsStore *store = placements_test_open_store (path);
  g_autoptr(GError) error = NULL;
  PlacementsWindow *window;
  GtkStack *stack;
  AdwWindowTitle *title;

  placements_demo_generate (store, 60, 1, NULL, &error);
  g_assert_no_error (error);

  window = g_object_ref_sink (g_object_new (PLACEMENTS_TYPE_WINDOW, "store", store, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  placements_test_flush_events ();
  stack = placements_window_get_sections (PLACEMENTS_WINDOW (window));
  title = ADW_WINDOW_TITLE (find (gtk_widget_get_parent (GTK_WIDGET (stack)),
                                 ADW_TYPE_WINDOW_TITLE));

  for (guint i = 0; i < n_sections (); i++)
    {
      g_autoptr(PlacementsRecordKind) kind =
        g_list_model_get_item (placements_record_kind_get_sections (), i);
      GType type = placements_record_kind_get_record_type (kind);
      gint64 n_records = placements_store_count (store, type);
      g_autofree char *count = NULL;
      g_autoptr(GPtrArray) texts = g_ptr_array_new ();
      g_autoptr(PlacementsRecord) first = NULL;
      PlacementsRecordPage *page;
      GtkColumnView *view;
      GListModel *columns;

      g_test_message ("%s", placements_record_kind_get_name (kind));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s",
                                                 placements_record_kind_get_name (kind)));
      placements_test_flush_events ();
      page = visible_page (stack);
      g_assert_true (placements_record_page_get_record_type (page) == type);

      /* The demo has some of every kind the window shows. */
      g_assert_cmpint (n_records, >, 0);
      g_assert_cmpuint (placements_record_page_get_n_items (page), ==, (guint) n_records);
      count = placements_record_kind_dup_count_label (kind, (guint) n_records);
      g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, count);
      g_assert_cmpstr (adw_window_title_get_title (title), ==,
                       placements_record_kind_get_plural_label (kind));

      view = GTK_COLUMN_VIEW (placements_test_find_descendant (GTK_WIDGET (page),
                                                               GTK_TYPE_COLUMN_VIEW));
      columns = gtk_column_view_get_columns (view);
      g_assert_cmpuint (g_list_model_get_n_items (columns), ==,
                        placements_record_kind_get_n_columns (kind));

      /* Cells on screen, and a name where a reference is: never a UUID. */
      collect_texts (GTK_WIDGET (page), texts);
      g_assert_cmpuint (texts->len, >, 0);
      for (guint t = 0; t < texts->len; t++)
        g_assert_false (looks_like_uuid (g_ptr_array_index (texts, t)));
      first = g_list_model_get_item (G_LIST_MODEL (placements_record_page_get_list (page)), 0);
      for (guint c = 0; c < placements_record_kind_get_n_columns (kind); c++)
        {
          const char *field = placements_record_kind_get_column_field (kind, c);
          const PlacementsField *info =
            placements_record_class_find_field (PLACEMENTS_RECORD_GET_CLASS (first), field);
          g_autofree char *name = NULL;

          if (info->references == G_TYPE_INVALID)
            continue;
          name = placements_record_dup_reference_name (first, field, NULL);
          g_assert_cmpstr (name, !=, "");
          g_assert_true (g_ptr_array_find_with_equal_func (texts, name, g_str_equal, NULL));
        }

      /* Each sortable column sorts the list, both ways. */
      for (guint c = 0; c < placements_record_kind_get_n_columns (kind); c++)
        {
          g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);
          PlacementsRecordList *list = placements_record_page_get_list (page);

          g_assert_cmpstr (gtk_column_view_column_get_title (column), ==,
                           placements_record_kind_get_column_title (kind, c));
          if (!placements_record_kind_get_column_sortable (kind, c))
            {
              g_assert_null (gtk_column_view_column_get_sorter (column));
              continue;
            }
          gtk_column_view_sort_by_column (view, column, GTK_SORT_DESCENDING);
          g_assert_cmpstr (placements_record_list_get_sort_field (list), ==,
                           placements_record_kind_get_column_field (kind, c));
          g_assert_true (placements_record_list_get_sort_descending (list));
          gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
          g_assert_false (placements_record_list_get_sort_descending (list));
          g_assert_cmpuint (placements_record_page_get_n_items (page), ==, (guint) n_records);
        }
      gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
    }

  destroy_window (window);
  placements_test_assert_finalized (store);
  placements_test_remove_folder (folder);
}

/* NEN 7513: opening a client's record in the window is logged, with the client. */
static void
test_window_opening_logged (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "demo.db", NULL);
  PlacementsStore *store = placements_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(PlacementsRecord) client = NULL;
  PlacementsAuditEntry *last;
  PlacementsWindow *window;
  PlacementsRecordPage *page;
  GtkColumnView *view;
  GtkStack *stack;

  placements_demo_generate (store, 10, 1, NULL, &error);
  g_assert_no_error (error);
  window = g_object_ref_sink (g_object_new (PLACEMENTS_TYPE_WINDOW, "store", store, NULL));
  gtk_window_present (GTK_WINDOW (window));
  placements_test_flush_events ();
  stack = placements_window_get_sections (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s",
                                             "clients"));
  placements_test_flush_events ();
  page = visible_page (stack);
  view = GTK_COLUMN_VIEW (placements_test_find_descendant (GTK_WIDGET (page),
                                                           GTK_TYPE_COLUMN_VIEW));
  gtk_selection_model_select_item (gtk_column_view_get_model (view), 2, TRUE);
  placements_test_flush_events ();
  client = g_list_model_get_item (G_LIST_MODEL (placements_record_page_get_list (page)), 2);

  entries = placements_audit_log_list (store, placements_record_get_uuid (client), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, >, 0);
  last = g_ptr_array_index (entries, entries->len - 1);
  g_assert_cmpstr (last->action, ==, "open");
  g_assert_cmpstr (last->record_kind, ==, "client");
  g_assert_cmpstr (last->record_uuids, ==, placements_record_get_uuid (client));
  g_assert_cmpstr (last->os_user, ==, g_get_user_name ());

  destroy_window (window);
  g_clear_object (&client);
  placements_test_assert_finalized (store);
  placements_test_remove_folder (folder);
}

/* The check button of a filter, found by its label in the page's filter popover. */
static GtkCheckButton *
find_filter_check (GtkWidget  *widget,
                   const char *label)
{
  if (GTK_IS_CHECK_BUTTON (widget) &&
      g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0)
    return GTK_CHECK_BUTTON (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *found = find_filter_check (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
query_count (PlacementsStore *store,
             const char      *sql)
{
  g_autofree char *text = placements_test_query_text (store, sql);

  return (guint) g_ascii_strtoull (text, NULL, 10);
}

static guint
count_openings (PlacementsStore *store,
                const char      *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM audit_event WHERE action = "
                                          "'open' AND record_uuids = '%s'", uuid);

  return query_count (store, sql);
}

/* A client's page shows its access log, newest first; every way of opening the record is
 * logged once, and saving it is not an opening. */
static void
test_window_access_log (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "demo.db", NULL);
  PlacementsStore *store = placements_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *placement = NULL;
  g_autofree char *client = NULL;
  g_autofree char *target = NULL;
  g_auto(GStrv) shown = NULL;
  PlacementsRecordEditor *editor;
  PlacementsAccessLogGroup *group;
  PlacementsWindow *window;

  placements_demo_generate (store, 10, 1, NULL, &error);
  g_assert_no_error (error);
  placement = placements_test_query_text (store, "SELECT uuid FROM placement ORDER BY id "
                                                 "LIMIT 1");
  client = placements_test_query_text (store, "SELECT client_uuid FROM placement ORDER BY id "
                                              "LIMIT 1");
  window = g_object_ref_sink (g_object_new (PLACEMENTS_TYPE_WINDOW, "store", store, NULL));
  gtk_window_present (GTK_WINDOW (window));
  placements_test_flush_events ();
  editor = PLACEMENTS_RECORD_EDITOR (find (window, PLACEMENTS_TYPE_RECORD_EDITOR));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "(ss)",
                                             "client", client));
  placements_test_flush_events ();
  g_assert_cmpuint (count_openings (store, client), ==, 1);

  /* The log on the page: the opening just now first, then the older entries. */
  group = PLACEMENTS_ACCESS_LOG_GROUP (find (editor, PLACEMENTS_TYPE_ACCESS_LOG_GROUP));
  g_assert_nonnull (group);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group)));
  shown = placements_access_log_group_dup_entries (group);
  entries = placements_audit_log_list (store, client, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (shown[0], "Opened · Client\t"));
  g_assert_nonnull (strstr (shown[0], g_get_user_name ()));
  g_assert_nonnull (strstr (shown[0], g_get_prgname ()));
  /* The last shown is the first entry written: the demo's consent, logged on its own (the
   * demo's records are logged as one summary). */
  g_assert_cmpuint (entries->len, <=, PLACEMENTS_ACCESS_LOG_GROUP_MAX_ROWS);
  g_assert_cmpuint (g_strv_length (shown), ==, entries->len);
  g_assert_cmpstr (((PlacementsAuditEntry *) g_ptr_array_index (entries, 0))->action, ==,
                   "consent-change");
  g_assert_true (g_str_has_prefix (shown[entries->len - 1], "Consent changed · Consent\t"));

  /* Saved: the same record open again, not another opening. */
  gtk_editable_set_text (GTK_EDITABLE (placements_record_editor_get_field_row (editor,
                                                                               "family-name")),
                         "Bakker-de Wit");
  placements_test_flush_events ();
  g_assert_true (placements_record_editor_get_dirty (editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  placements_test_flush_events ();
  g_assert_false (placements_record_editor_get_dirty (editor));
  g_assert_cmpuint (count_openings (store, client), ==, 1);
  g_clear_pointer (&shown, g_strfreev);
  shown = placements_access_log_group_dup_entries (group);
  g_assert_true (g_str_has_prefix (shown[0], "Changed · Client\t"));

  /* From the client to a placement, and from there back to the client: each logged. */
  target = g_strdup_printf ("placement/%s", placement);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.open-related", "s",
                                             target));
  placements_test_flush_events ();
  g_assert_cmpuint (count_openings (store, placement), ==, 1);
  g_clear_pointer (&target, g_free);
  target = g_strdup_printf ("client/%s", client);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.open-related", "s",
                                             target));
  placements_test_flush_events ();
  g_assert_cmpuint (count_openings (store, client), ==, 2);
  g_clear_pointer (&shown, g_strfreev);
  shown = placements_access_log_group_dup_entries (group);
  g_assert_true (g_str_has_prefix (shown[0], "Opened · Client\t"));
  g_assert_true (g_str_has_prefix (shown[1], "Opened · Placement\t"));

  /* A long log: the newest 50, then a row saying how many older ones the command line
   * prints. */
  for (guint i = 0; i < PLACEMENTS_ACCESS_LOG_GROUP_MAX_ROWS; i++)
    {
      g_assert_true (placements_store_write_client_audit_event (store,
                                                                PLACEMENTS_AUDIT_ACTION_PRINT,
                                                                "client", client, client, NULL,
                                                                &error));
      g_assert_no_error (error);
    }
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = placements_audit_log_list (store, client, NULL, &error);
  g_assert_no_error (error);
  placements_record_editor_set_record (editor, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "(ss)",
                                             "client", client));
  placements_test_flush_events ();
  g_clear_pointer (&shown, g_strfreev);
  shown = placements_access_log_group_dup_entries (group);
  g_assert_cmpuint (g_strv_length (shown), ==, PLACEMENTS_ACCESS_LOG_GROUP_MAX_ROWS + 1);
  g_assert_true (g_str_has_prefix (shown[0], "Opened · Client\t"));
  g_assert_true (g_str_has_prefix (shown[1], "Printed · Client\t"));
  {
    g_autofree char *older = g_strdup_printf ("%u older entries\tplacements-cli audit "
                                              "--client %s",
                                              entries->len + 1 -
                                              PLACEMENTS_ACCESS_LOG_GROUP_MAX_ROWS, client);

    g_assert_cmpstr (shown[PLACEMENTS_ACCESS_LOG_GROUP_MAX_ROWS], ==, older);
  }

  destroy_window (window);
  placements_test_assert_finalized (store);
  placements_test_remove_folder (folder);
}

/* Filters run in SQL, and the list shows exactly the records that pass them; a section
 * builds its list only when it is shown; win.open-record opens a record by kind and UUID. */
static void
test_window_filters (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "demo.db", NULL);
  PlacementsStore *store = placements_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  PlacementsWindow *window;
  PlacementsRecordPage *page;
  GtkCheckButton *check;
  GtkStack *stack;
  guint n_active;
  guint n_free;

  placements_demo_generate (store, 60, 1, NULL, &error);
  g_assert_no_error (error);
  n_active = query_count (store, "SELECT count(*) FROM client WHERE EXISTS (SELECT 1 FROM "
                                 "placement p WHERE p.client_uuid = client.uuid AND "
                                 "p.status = 'active')");
  n_free = query_count (store, "SELECT count(*) FROM workplace w WHERE (SELECT count(*) FROM "
                               "placement p WHERE p.workplace_uuid = w.uuid AND p.status "
                               "IN ('introduction', 'trial', 'active', 'paused')) < w.capacity");
  g_assert_cmpuint (n_active, >, 0);
  g_assert_cmpuint (n_active, <, 60);

  window = g_object_ref_sink (g_object_new (PLACEMENTS_TYPE_WINDOW, "store", store, NULL));
  gtk_window_present (GTK_WINDOW (window));
  placements_test_flush_events ();
  stack = placements_window_get_sections (window);

  /* Only the section on screen has read its list. */
  g_assert_null (placements_section_view_get_page (
    PLACEMENTS_SECTION_VIEW (gtk_stack_get_child_by_name (stack, "workplaces"))));

  page = visible_page (stack);
  g_assert_cmpuint (placements_record_page_get_n_items (page), ==, 60);
  check = find_filter_check (GTK_WIDGET (page), "Has an _active placement");
  g_assert_nonnull (check);
  gtk_check_button_set_active (check, TRUE);
  placements_test_flush_events ();
  g_assert_cmpuint (placements_record_page_get_n_items (page), ==, n_active);
  gtk_check_button_set_active (check, FALSE);
  placements_test_flush_events ();
  g_assert_cmpuint (placements_record_page_get_n_items (page), ==, 60);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-section", "s",
                                             "workplaces"));
  placements_test_flush_events ();
  page = visible_page (stack);
  check = find_filter_check (GTK_WIDGET (page), "_Free places");
  g_assert_nonnull (check);
  gtk_check_button_set_active (check, TRUE);
  placements_test_flush_events ();
  g_assert_cmpuint (placements_record_page_get_n_items (page), ==, n_free);

  /* win.open-record puts the record in the detail pane. */
  uuid = placements_test_query_text (store, "SELECT uuid FROM client ORDER BY id LIMIT 1");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-record", "(ss)",
                                             "clients", uuid));
  placements_test_flush_events ();
  {
    PlacementsRecordEditor *editor = PLACEMENTS_RECORD_EDITOR (
      placements_test_find_descendant (GTK_WIDGET (window), PLACEMENTS_TYPE_RECORD_EDITOR));

    g_assert_nonnull (placements_record_editor_get_record (editor));
    g_assert_cmpstr (placements_record_get_uuid (placements_record_editor_get_record (editor)),
                     ==, uuid);
  }

  destroy_window (window);
  placements_test_assert_finalized (store);
  placements_test_remove_folder (folder);
}

/* F6 goes sidebar, search, list, detail and round again; Shift+F6 back. */
static void
test_window_focus_next_pane (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "demo.db", NULL);
  PlacementsStore *store = placements_test_open_store (path);
  g_autoptr(GError) error = NULL;
  PlacementsWindow *window;
  PlacementsRecordPage *page;
  GtkWidget *sidebar;
  GtkWidget *entry;
  GtkWidget *view;
  GtkWidget *editor;
  GtkWidget *focus;

  placements_demo_generate (store, 10, 1, NULL, &error);
  g_assert_no_error (error);
  window = g_object_ref_sink (g_object_new (PLACEMENTS_TYPE_WINDOW, "store", store, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  placements_test_flush_events ();
  page = visible_page (placements_window_get_sections (window));
  sidebar = find_sidebar (GTK_WIDGET (window));
  entry = placements_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  view = placements_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  editor = placements_test_find_descendant (GTK_WIDGET (window), PLACEMENTS_TYPE_RECORD_EDITOR);

  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (gtk_widget_is_ancestor (focus, sidebar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-next-pane", "i", 1));
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-next-pane", "i", 1));
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (focus == view || gtk_widget_is_ancestor (focus, view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-next-pane", "i", 1));
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (gtk_widget_is_ancestor (focus, editor));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-next-pane", "i", 1));
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (gtk_widget_is_ancestor (focus, sidebar));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-next-pane", "i",
                                             -1));
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (gtk_widget_is_ancestor (focus, editor));

  destroy_window (window);
  placements_test_assert_finalized (store);
  placements_test_remove_folder (folder);
}

/* Emits a key press on the window's capturing key controllers, as GTK does before the
 * focused widget sees the key; returns whether one of them took it. */
static gboolean
press_key_captured (GtkWidget      *window,
                    guint           keyval,
                    GdkModifierType state)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);
      gboolean handled = FALSE;

      if (!GTK_IS_EVENT_CONTROLLER_KEY (controller) ||
          gtk_event_controller_get_propagation_phase (controller) != GTK_PHASE_CAPTURE)
        continue;
      g_signal_emit_by_name (controller, "key-pressed", keyval, 0, state, &handled);
      if (handled)
        return TRUE;
    }
  return FALSE;
}

/* Tab leaves the list for the record, Shift+Tab for the search, instead of walking the
 * rows; elsewhere Tab is left alone. */
static void
test_window_tab_leaves_list (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "demo.db", NULL);
  PlacementsStore *store = placements_test_open_store (path);
  g_autoptr(GError) error = NULL;
  PlacementsWindow *window;
  PlacementsRecordPage *page;
  GtkWidget *entry;
  GtkWidget *view;
  GtkWidget *editor;
  GtkWidget *focus;

  placements_demo_generate (store, 10, 1, NULL, &error);
  g_assert_no_error (error);
  window = g_object_ref_sink (g_object_new (PLACEMENTS_TYPE_WINDOW, "store", store, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  placements_test_flush_events ();
  page = visible_page (placements_window_get_sections (window));
  entry = placements_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY);
  view = placements_test_find_descendant (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  editor = placements_test_find_descendant (GTK_WIDGET (window), PLACEMENTS_TYPE_RECORD_EDITOR);

  /* In the sidebar Tab goes the usual way. */
  g_assert_false (press_key_captured (GTK_WIDGET (window), GDK_KEY_Tab, 0));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-next-pane", "i", 2));
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (focus == view || gtk_widget_is_ancestor (focus, view));
  g_assert_true (press_key_captured (GTK_WIDGET (window), GDK_KEY_Tab, 0));
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (gtk_widget_is_ancestor (focus, editor));

  /* From the record, Shift+F6 goes back to the list. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.focus-next-pane", "i",
                                             -1));
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (focus == view || gtk_widget_is_ancestor (focus, view));
  g_assert_true (press_key_captured (GTK_WIDGET (window), GDK_KEY_ISO_Left_Tab,
                                     GDK_SHIFT_MASK));
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));

  destroy_window (window);
  placements_test_assert_finalized (store);
  placements_test_remove_folder (folder);
}

static gboolean
page_has_items (gpointer user_data)
{
  return placements_record_page_get_n_items (user_data) > 0;
}

/* An empty section offers demo data; the button's action fills the open database in a
 * thread, and the list shows the records when it is done. */
static void
test_window_empty_loads_demo (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "empty.db", NULL);
  PlacementsStore *store = placements_test_open_store (path);
  PlacementsWindow *window;
  PlacementsRecordPage *page;
  GtkWidget *status;
  GtkWidget *button;

  window = g_object_ref_sink (g_object_new (PLACEMENTS_TYPE_WINDOW, "store", store, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  placements_test_flush_events ();
  page = visible_page (placements_window_get_sections (window));
  g_assert_cmpuint (placements_record_page_get_n_items (page), ==, 0);

  /* The offer is a button in the empty state, not a command to type. */
  status = placements_test_find_descendant (GTK_WIDGET (page), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  button = placements_test_find_descendant (status, GTK_TYPE_BUTTON);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                   "win.new-record");
  button = gtk_widget_get_next_sibling (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                   "win.import-file");
  g_assert_true (gtk_widget_is_sensitive (button));
  button = gtk_widget_get_next_sibling (button);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==,
                   "win.load-demo");
  g_assert_true (gtk_widget_is_sensitive (button));

  g_signal_emit_by_name (button, "clicked");
  placements_test_wait_until (page_has_items, page, 60000);
  g_assert_cmpuint (placements_record_page_get_n_items (page), ==,
                    (guint) placements_store_count (store,
                                                    placements_record_page_get_record_type (page)));

  destroy_window (window);
  placements_test_assert_finalized (store);
  placements_test_remove_folder (folder);
}

static void
collect_shortcuts (GtkWidget  *widget,
                   GHashTable *shortcuts)
{
  if (GTK_IS_SHORTCUTS_SHORTCUT (widget))
    {
      g_autofree char *title = NULL;
      g_autofree char *accelerator = NULL;

      g_object_get (widget, "title", &title, "accelerator", &accelerator, NULL);
      g_hash_table_insert (shortcuts, g_steal_pointer (&accelerator), g_steal_pointer (&title));
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, shortcuts);
}

/* The shortcuts window lists a key for every section, named as the sidebar names it. */
static void
test_help_overlay_sections (void)
{
  g_autoptr(AdwApplication) application =
    adw_application_new (APPLICATION_ID, G_APPLICATION_NON_UNIQUE);
  g_autoptr(GHashTable) shortcuts = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                           g_free, g_free);
  g_autoptr(GError) error = NULL;
  PlacementsWindow *window;
  GtkShortcutsWindow *overlay;

  g_assert_true (g_application_register (G_APPLICATION (application), NULL, &error));
  g_assert_no_error (error);
  window = g_object_ref_sink (g_object_new (PLACEMENTS_TYPE_WINDOW,
                                            "application", application,
                                            NULL));
  overlay = gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window));
  g_assert_nonnull (overlay);

  collect_shortcuts (GTK_WIDGET (overlay), shortcuts);
  for (guint i = 0; i < n_sections (); i++)
    {
      g_autofree char *accelerator = g_strdup_printf ("<ctrl>%u", i + 1);

      g_assert_cmpstr (g_hash_table_lookup (shortcuts, accelerator), ==, section_label (i));
    }
  {
    g_autofree char *beyond = g_strdup_printf ("<ctrl>%u", n_sections () + 1);

    g_assert_false (g_hash_table_contains (shortcuts, beyond));
  }

  destroy_window (window);
}

/* A row of @widget's tree whose title is @title. */
static AdwActionRow *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_ACTION_ROW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/*
 * On a database with clients the window opens on the overview, read on a thread; each
 * item opens its record beside it, and a client due for erasure has its Erase button.
 */
static void
test_window_overview (void)
{
  g_autofree char *folder = placements_test_make_folder ();
  g_autofree char *path = g_build_filename (folder, "demo.db", NULL);
  PlacementsStore *store = placements_test_open_store (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) consents = NULL;
  g_autoptr(GPtrArray) retention = NULL;
  g_autofree char *today = placements_date_today ();
  PlacementsAttentionItem *first;
  PlacementsAttentionItem *to_erase;
  PlacementsWindow *window;
  PlacementsOverviewPage *page;
  PlacementsRecordEditor *editor;
  AdwActionRow *row;
  GtkWidget *erase;
  GtkStack *stack;

  placements_demo_generate (store, 200, 1, NULL, &error);
  g_assert_no_error (error);
  /* What the core says is due: the window must show the same. */
  consents = placements_overview_list (store, PLACEMENTS_ATTENTION_CONSENTS, today, 2, 20,
                                       NULL, &error);
  retention = placements_overview_list (store, PLACEMENTS_ATTENTION_RETENTION, today, 2, 20,
                                        NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (consents->len, >, 0);
  g_assert_cmpuint (retention->len, >, 0);
  first = g_ptr_array_index (consents, 0);
  to_erase = g_ptr_array_index (retention, 0);

  window = g_object_ref_sink (g_object_new (PLACEMENTS_TYPE_WINDOW, "store", store, NULL));
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_window_present (GTK_WINDOW (window));
  placements_test_flush_events ();
  stack = placements_window_get_sections (window);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "overview");
  page = PLACEMENTS_OVERVIEW_PAGE (gtk_stack_get_visible_child (stack));
  while (placements_overview_page_is_loading (page))
    g_main_context_iteration (NULL, TRUE);

  row = find_row (GTK_WIDGET (page), first->title);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, first->detail);
  gtk_widget_activate (GTK_WIDGET (row));
  placements_test_flush_events ();
  editor = PLACEMENTS_RECORD_EDITOR (placements_test_find_descendant (
    GTK_WIDGET (window), PLACEMENTS_TYPE_RECORD_EDITOR));
  g_assert_nonnull (placements_record_editor_get_record (editor));
  g_assert_cmpstr (placements_record_get_uuid (placements_record_editor_get_record (editor)),
                   ==, first->uuid);

  row = find_row (GTK_WIDGET (page), to_erase->title);
  g_assert_nonnull (row);
  erase = placements_test_find_descendant (GTK_WIDGET (row), GTK_TYPE_BUTTON);
  g_assert_nonnull (erase);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (erase)), ==,
                   "win.erase-client");
  g_assert_cmpstr (g_variant_get_string (gtk_actionable_get_action_target_value (
                     GTK_ACTIONABLE (erase)), NULL), ==, to_erase->uuid);
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (erase),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));

  destroy_window (window);
  placements_test_assert_finalized (store);
  placements_test_remove_folder (folder);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/window/store/null", test_window_store_property);
  g_test_add_func ("/window/sidebar/accessible", test_window_sidebar_accessible);
  g_test_add_func ("/window/sections/show-section-action", test_window_show_section_action);
  g_test_add_func ("/window/settings/size", test_window_size_settings);
  g_test_add_func ("/window/help-overlay", test_help_overlay);
  g_test_add_func ("/window/help-overlay/sections", test_help_overlay_sections);
  g_test_add_func ("/window/sections/with-data", test_window_sections_with_data);
  g_test_add_func ("/window/audit/opening-logged", test_window_opening_logged);
  g_test_add_func ("/window/audit/access-log", test_window_access_log);
  g_test_add_func ("/window/sections/filters", test_window_filters);
  g_test_add_func ("/window/focus-next-pane", test_window_focus_next_pane);
  g_test_add_func ("/window/overview", test_window_overview);
  g_test_add_func ("/window/tab-leaves-list", test_window_tab_leaves_list);
  g_test_add_func ("/window/empty/loads-demo", test_window_empty_loads_demo);

  return g_test_run ();
}
