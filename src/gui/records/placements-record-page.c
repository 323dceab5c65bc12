#define G_LOG_DOMAIN "placements-record-page"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "placements-enums.h"
#include "placements-record-page.h"

/*
 * About a thousand lines, kept in one file: the column view, its columns and cells, the
 * search, the filters and the empty, no-results and error states all follow one record
 * list and change together when it does.
 */

typedef struct _Column Column;
typedef struct _Cell Cell;

struct _Column
{
  /* Borrowed: the page owns its columns. */
  PlacementsRecordPage  *page;
  const PlacementsField *field;

  /* Owned */
  char                  *property;
  GtkColumnViewColumn   *view_column;
};

/* What a cell remembers between bind and unbind, so that it can follow its record. */
struct _Cell
{
  /* Borrowed */
  Column                *column;
  GtkInscription        *inscription;

  /* Owned while bound */
  PlacementsRecord      *record;
  gulong                 notify_handler;
};

struct _PlacementsRecordPage
{
  GtkWidget              parent_instance;

  /* Template widgets */
  GtkWidget             *box;
  GtkWidget             *search_bar;
  GtkSearchEntry        *search_entry;
  GtkStack              *content_stack;
  GtkColumnView         *column_view;
  GtkSingleSelection    *selection;
  AdwStatusPage         *empty_page;
  AdwStatusPage         *no_results_page;
  AdwStatusPage         *error_page;

  /* Owned */
  PlacementsStore       *store;
  PlacementsRecordList  *list;
  PlacementsRecordClass *klass;
  GPtrArray             *columns;      /* Column* */
  char                  *title;
  char                  *search_placeholder;

  /* Borrowed: set by a column's marker sorter while the page asks which column leads. */
  Column                *probed_column;

  GType                  record_type;
  guint                  search_source;
  guint                  n_filters;    /* active, set by placements_record_page_set_n_filters */
  gulong                 items_changed_handler;
  gulong                 error_handler;
  gulong                 loading_handler;
  /* A new order or search was asked for while the list reads: go to the top when read. */
  gboolean               scroll_when_read;
};

G_DEFINE_FINAL_TYPE (PlacementsRecordPage, placements_record_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RECORD_TYPE,
  PROP_N_ITEMS,
  PROP_TITLE,
  PROP_SEARCH_PLACEHOLDER,
  PROP_EMPTY_ICON_NAME,
  PROP_EMPTY_TITLE,
  PROP_EMPTY_DESCRIPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ACTIVATE_RECORD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
column_free (gpointer data)
{
  Column *column = data;

  g_clear_object (&column->view_column);
  g_free (column->property);
  g_free (column);
}

/* The format comes from the translation, not from the locale's %x: glibc gives Flanders the
 * Dutch short date, and Flemish coordinators write 22/11/2026. */
static char *
format_date (const char *iso_date)
{
  char text[64];
  int year;
  int month;
  int day;
  GDate date;

  if (iso_date == NULL || *iso_date == '\0')
    return g_strdup ("");
  if (sscanf (iso_date, "%4d-%2d-%2d", &year, &month, &day) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return g_strdup (iso_date);

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  /* Translators: how lists show a date, as a strftime() format: "%d-%m-%Y" gives 22-11-2026.
   * xgettext:no-c-format */
  if (g_date_strftime (text, sizeof text, C_("date format", "%d-%m-%Y"), &date) == 0)
    return g_strdup (iso_date);
  return g_strdup (text);
}

static char *
format_cell (PlacementsRecordPage *self,
             const Column         *column,
             PlacementsRecord     *record)
{
  const PlacementsField *field = column->field;
  const GValue *value = placements_record_get_value (record, field->pspec->param_id);

  /* The list handed its records the names of the records they refer to. */
  if (field->references != G_TYPE_INVALID)
    return placements_record_dup_reference_name (record, column->property, self->store);

  if ((field->flags & PLACEMENTS_FIELD_DATE) != 0)
    return format_date (g_value_get_string (value));

  /* Codes in the words of the record's country (a Belgian employment service is the
   * VDAB); an empty code shows as an empty cell, not a column full of "Not set". */
  if (G_VALUE_HOLDS_ENUM (value) || G_VALUE_HOLDS_FLAGS (value))
    return placements_record_dup_field_label (record, column->property);

  if (G_VALUE_HOLDS_BOOLEAN (value))
    /* Translators: a yes/no field in a list; "no" is shown as an empty cell. */
    return g_strdup (g_value_get_boolean (value) ? C_("boolean", "Yes") : "");

  if (G_VALUE_HOLDS_INT (value))
    {
      int number = g_value_get_int (value);

      if (number == 0 && (field->flags & PLACEMENTS_FIELD_ZERO_IS_EMPTY) != 0)
        return g_strdup ("");
      return g_strdup_printf ("%d", number);
    }

  if (G_VALUE_HOLDS_DOUBLE (value))
    return g_strdup_printf ("%g", g_value_get_double (value));

  if (G_VALUE_HOLDS_STRING (value))
    return g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : "");

  return placements_record_dup_field_text (record, column->property);
}

static void
cell_update (Cell *cell)
{
  g_autofree char *text = NULL;

  if (cell->record == NULL)
    return;
  text = format_cell (cell->column->page, cell->column, cell->record);
  gtk_inscription_set_text (cell->inscription, text);
}

/* A GtkInscription has no tooltip of its own, and long names are cut off. The tooltip is
 * made when it is asked for: gtk_widget_set_tooltip_text() on every bind asked the X server
 * where the pointer was, a round trip for each cell of each row a sort or a search brought. */
static gboolean
cell_query_tooltip_cb (GtkWidget  *widget,
                       int         x,
                       int         y,
                       gboolean    keyboard_mode,
                       GtkTooltip *tooltip,
                       gpointer    user_data)
{
  const char *text = gtk_inscription_get_text (GTK_INSCRIPTION (widget));

  if (text == NULL || *text == '\0')
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
record_notify_cb (Cell       *cell,
                  GParamSpec *pspec,
                  GObject    *record)
{
  cell_update (cell);
}

static void
cell_unbind (Cell *cell)
{
  if (cell->record == NULL)
    return;
  g_clear_signal_handler (&cell->notify_handler, cell->record);
  g_clear_object (&cell->record);
  gtk_inscription_set_text (cell->inscription, NULL);
}

static void
cell_free (gpointer data)
{
  Cell *cell = data;

  cell_unbind (cell);
  g_free (cell);
}

static void
factory_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  Column                   *column)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);
  GType value_type = column->field->pspec->value_type;
  Cell *cell = g_new0 (Cell, 1);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  /* An inscription does not measure its text (that is what makes it cheap), so each cell
   * says how wide its kind of value tends to be: a date always fits, names and labels get
   * room to show, and narrow windows scroll sideways before they cut a date in half. */
  if ((column->field->flags & PLACEMENTS_FIELD_DATE) != 0)
    {
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), 10);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), 10);
    }
  else if (value_type == G_TYPE_INT || value_type == G_TYPE_INT64 ||
           value_type == G_TYPE_DOUBLE || value_type == G_TYPE_BOOLEAN)
    {
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), 3);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), 5);
    }
  else if (G_TYPE_IS_ENUM (value_type) || G_TYPE_IS_FLAGS (value_type))
    {
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), 8);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), 16);
    }
  else
    {
      gtk_inscription_set_min_chars (GTK_INSCRIPTION (inscription), 8);
      gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), 24);
    }
  /* Numbers line up on their last digit. */
  if (value_type == G_TYPE_INT || value_type == G_TYPE_INT64 || value_type == G_TYPE_DOUBLE)
    gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 1.0);
  gtk_widget_set_has_tooltip (inscription, TRUE);
  g_signal_connect (inscription, "query-tooltip", G_CALLBACK (cell_query_tooltip_cb), NULL);
  gtk_list_item_set_child (list_item, inscription);

  cell->column = column;
  cell->inscription = GTK_INSCRIPTION (inscription);
  g_object_set_data_full (G_OBJECT (list_item), "placements-cell", cell, cell_free);
}

static void
factory_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 Column                   *column)
{
  Cell *cell = g_object_get_data (G_OBJECT (list_item), "placements-cell");
  PlacementsRecord *record = gtk_list_item_get_item (list_item);
  g_autofree char *detailed_signal = NULL;

  g_assert (cell != NULL);
  cell_unbind (cell);
  if (record == NULL)
    return;

  /* The list refreshes the record objects it handed out in place when the database
   * changes, so following the record keeps an edited row up to date without a rebind. */
  cell->record = g_object_ref (record);
  detailed_signal = g_strconcat ("notify::", column->property, NULL);
  cell->notify_handler = g_signal_connect_swapped (record, detailed_signal,
                                                   G_CALLBACK (record_notify_cb), cell);
  cell_update (cell);
}

static void
factory_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   Column                   *column)
{
  Cell *cell = g_object_get_data (G_OBJECT (list_item), "placements-cell");

  if (cell != NULL)
    cell_unbind (cell);
}

static void
factory_teardown_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     Column                   *column)
{
  g_object_set_data (G_OBJECT (list_item), "placements-cell", NULL);
}

/*
 * GTK 4.8 does not say which column the user sorted by (GtkColumnViewSorter's API came in
 * 4.10), so each sortable column gets this marker sorter: asked to compare, it notes its
 * column. The column view's sorter asks the primary column first and inverts its answer when
 * the order is descending, which tells the page both. The rows themselves are sorted in SQL.
 */
static int
marker_compare_cb (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  Column *column = user_data;

  column->page->probed_column = column;
  return GTK_ORDERING_SMALLER;
}

/* A new order or a new search is a new list, read from its first row. The column view would
 * stay anchored to the row that had the focus wherever it moved to, since the list hands out
 * the same record objects; setting the scrollbar does not move that anchor. GTK 4.8 has no
 * gtk_column_view_scroll_to(), but the list view inside the column view has an action. */
static void
scroll_to_top (PlacementsRecordPage *self)
{
  if (placements_record_page_get_n_items (self) == 0)
    return;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      gtk_widget_activate_action (child, "list.scroll-to-item", "u", 0);
}

static void update_state (PlacementsRecordPage *self);

/* The list reads a new order on its thread: the top is where it will be once read. */
static void
scroll_to_top_when_read (PlacementsRecordPage *self)
{
  if (self->list != NULL && placements_record_list_is_loading (self->list))
    self->scroll_when_read = TRUE;
  else
    scroll_to_top (self);
}

static void
list_loading_cb (PlacementsRecordPage *self)
{
  if (self->scroll_when_read && !placements_record_list_is_loading (self->list))
    {
      self->scroll_when_read = FALSE;
      scroll_to_top (self);
    }
  update_state (self);
}

static void
apply_sort (PlacementsRecordPage *self)
{
  GtkSorter *sorter;
  GtkOrdering order;

  /* The column view forgets its sort columns as it is torn down, and says so. */
  if (self->list == NULL || self->column_view == NULL)
    return;

  sorter = gtk_column_view_get_sorter (self->column_view);
  self->probed_column = NULL;
  /* Any two distinct objects do: the marker sorters ignore them, but gtk_sorter_compare()
   * calls an item equal to itself without asking. */
  order = gtk_sorter_compare (sorter, self, self->column_view);
  if (order == GTK_ORDERING_EQUAL || self->probed_column == NULL)
    placements_record_list_set_sort (self->list, NULL, FALSE);
  else
    placements_record_list_set_sort (self->list, self->probed_column->property,
                                     order == GTK_ORDERING_LARGER);
  self->probed_column = NULL;
  scroll_to_top_when_read (self);
}

static void
sorter_changed_cb (PlacementsRecordPage *self,
                   GtkSorterChange       change,
                   GtkSorter            *sorter)
{
  apply_sort (self);
}

static void
update_state (PlacementsRecordPage *self)
{
  guint n_items = self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
  const char *search_text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  const GError *error = self->list != NULL ? placements_record_list_get_error (self->list) : NULL;

  if (error != NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "error");
    }
  else if (n_items > 0)
    {
      gtk_stack_set_visible_child_name (self->content_stack, "list");
    }
  else if (self->list != NULL && placements_record_list_is_loading (self->list))
    {
      /* Nothing is known yet: no "no records" before the answer comes. */
      gtk_stack_set_visible_child_name (self->content_stack, "list");
    }
  else if (*search_text != '\0')
    {
      g_autofree char *escaped = g_markup_escape_text (search_text, -1);
      /* Translators: below "No Results Found"; %s is what the user typed. */
      g_autofree char *description = g_strdup_printf (_("Nothing matches “%s”. "
                                                        "Try a different search."),
                                                      escaped);

      adw_status_page_set_description (self->no_results_page, description);
      gtk_stack_set_visible_child_name (self->content_stack, "no-results");
    }
  else if (self->n_filters > 0)
    {
      adw_status_page_set_description (self->no_results_page,
                                       _("Nothing matches the filters. Try fewer filters."));
      gtk_stack_set_visible_child_name (self->content_stack, "no-results");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->content_stack, "empty");
    }

  /* Nothing to search in until there are records; hiding the entry keeps the empty state's
   * advice the first thing a coordinator reads. A search that finds nothing keeps it. */
  gtk_widget_set_visible (self->search_bar,
                          n_items > 0 || *search_text != '\0' || self->n_filters > 0);
}

static void
list_items_changed_cb (PlacementsRecordPage *self,
                       guint                 position,
                       guint                 removed,
                       guint                 added,
                       GListModel           *list)
{
  update_state (self);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
apply_search (PlacementsRecordPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_handle_id (&self->search_source, g_source_remove);
  if (self->list != NULL)
    placements_record_list_set_search_text (self->list, text);
  update_state (self);
  scroll_to_top_when_read (self);
}

static gboolean
search_timeout_cb (gpointer user_data)
{
  PlacementsRecordPage *self = user_data;

  self->search_source = 0;
  apply_search (self);
  return G_SOURCE_REMOVE;
}

static void
search_entry_changed_cb (PlacementsRecordPage *self,
                         GtkSearchEntry       *entry)
{
  /* Each keystroke would run the query again; waiting for a pause keeps typing fluid on a
   * large table. Clearing the entry brings the whole list back at once. */
  g_clear_handle_id (&self->search_source, g_source_remove);
  if (*gtk_editable_get_text (GTK_EDITABLE (entry)) == '\0')
    {
      apply_search (self);
      return;
    }
  self->search_source = g_timeout_add (PLACEMENTS_RECORD_PAGE_SEARCH_DELAY,
                                       search_timeout_cb, self);
  g_source_set_name_by_id (self->search_source, "[placements] record page search");
}

static void
search_entry_activate_cb (PlacementsRecordPage *self,
                          GtkSearchEntry       *entry)
{
  /* Enter means "search now", and then moves on into the results. */
  if (self->search_source != 0)
    apply_search (self);
  if (self->list != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    gtk_widget_child_focus (GTK_WIDGET (self->column_view), GTK_DIR_TAB_FORWARD);
}

/* Enter or a double-click on a row. */
static void
column_view_activate_cb (PlacementsRecordPage *self,
                         guint                 position,
                         GtkColumnView        *view)
{
  g_autoptr(PlacementsRecord) record = NULL;

  if (self->list == NULL)
    return;
  record = g_list_model_get_item (G_LIST_MODEL (self->list), position);
  if (record != NULL)
    g_signal_emit (self, signals[ACTIVATE_RECORD], 0, record);
}

static void
search_entry_stop_search_cb (PlacementsRecordPage *self,
                             GtkSearchEntry       *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static void
update_list (PlacementsRecordPage *self)
{
  g_autoptr(PlacementsRecordList) list = NULL;

  if (self->list != NULL)
    {
      g_clear_signal_handler (&self->items_changed_handler, self->list);
      g_clear_signal_handler (&self->error_handler, self->list);
      g_clear_signal_handler (&self->loading_handler, self->list);
    }
  /* Its order is read on a thread: a sort or a search over 100,000 rows never holds up the
   * window. */
  if (self->store != NULL && self->klass != NULL)
    list = placements_record_list_new_threaded (self->store, self->record_type);

  g_set_object (&self->list, list);
  if (self->list != NULL)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

      placements_record_list_set_search_text (self->list, text);
      apply_sort (self);
      self->items_changed_handler = g_signal_connect_object (self->list, "items-changed",
                                                             G_CALLBACK (list_items_changed_cb),
                                                             self, G_CONNECT_SWAPPED);
      self->error_handler = g_signal_connect_object (self->list, "notify::error",
                                                     G_CALLBACK (update_state), self,
                                                     G_CONNECT_SWAPPED);
      self->loading_handler = g_signal_connect_object (self->list, "notify::loading",
                                                       G_CALLBACK (list_loading_cb), self,
                                                       G_CONNECT_SWAPPED);
    }
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->list));

  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static void
placements_record_page_constructed (GObject *object)
{
  PlacementsRecordPage *self = PLACEMENTS_RECORD_PAGE (object);

  G_OBJECT_CLASS (placements_record_page_parent_class)->constructed (object);

  if (!g_type_is_a (self->record_type, PLACEMENTS_TYPE_RECORD) ||
      self->record_type == PLACEMENTS_TYPE_RECORD)
    g_critical ("A record page needs a record type, not %s", g_type_name (self->record_type));
  else
    self->klass = g_type_class_ref (self->record_type);

  update_list (self);
}

static void
placements_record_page_dispose (GObject *object)
{
  PlacementsRecordPage *self = PLACEMENTS_RECORD_PAGE (object);

  g_clear_handle_id (&self->search_source, g_source_remove);
  if (self->list != NULL)
    {
      g_clear_signal_handler (&self->items_changed_handler, self->list);
      g_clear_signal_handler (&self->error_handler, self->list);
      g_clear_signal_handler (&self->loading_handler, self->list);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), PLACEMENTS_TYPE_RECORD_PAGE);
  g_clear_object (&self->list);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (placements_record_page_parent_class)->dispose (object);
}

static void
placements_record_page_finalize (GObject *object)
{
  PlacementsRecordPage *self = PLACEMENTS_RECORD_PAGE (object);

  /* Only now: the cells of the column view point at the columns and the set of bound
   * cells until the last of them is gone. */
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->klass, g_type_class_unref);
  g_free (self->title);
  g_free (self->search_placeholder);

  G_OBJECT_CLASS (placements_record_page_parent_class)->finalize (object);
}

static void
placements_record_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PlacementsRecordPage *self = PLACEMENTS_RECORD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_RECORD_TYPE:
      g_value_set_gtype (value, self->record_type);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, placements_record_page_get_n_items (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SEARCH_PLACEHOLDER:
      g_value_set_string (value, self->search_placeholder);
      break;

    case PROP_EMPTY_ICON_NAME:
      g_value_set_string (value, adw_status_page_get_icon_name (self->empty_page));
      break;

    case PROP_EMPTY_TITLE:
      g_value_set_string (value, adw_status_page_get_title (self->empty_page));
      break;

    case PROP_EMPTY_DESCRIPTION:
      g_value_set_string (value, adw_status_page_get_description (self->empty_page));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
placements_record_page_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PlacementsRecordPage *self = PLACEMENTS_RECORD_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      placements_record_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_RECORD_TYPE:
      self->record_type = g_value_get_gtype (value);
      break;

    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      /* A screen reader names the table after what it lists, as the sidebar row does. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, self->title, -1);
      break;

    case PROP_SEARCH_PLACEHOLDER:
      g_free (self->search_placeholder);
      self->search_placeholder = g_value_dup_string (value);
      /* GtkSearchEntry has no accessible name of its own; its placeholder says what it
       * searches, which is what a screen reader user needs to hear too. */
      /* gtk_search_entry_set_placeholder_text() is GTK 4.10; the property is older. */
      g_object_set (self->search_entry, "placeholder-text", self->search_placeholder, NULL);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, self->search_placeholder,
                                      -1);
      break;

    case PROP_EMPTY_ICON_NAME:
      adw_status_page_set_icon_name (self->empty_page, g_value_get_string (value));
      break;

    case PROP_EMPTY_TITLE:
      adw_status_page_set_title (self->empty_page, g_value_get_string (value));
      break;

    case PROP_EMPTY_DESCRIPTION:
      adw_status_page_set_description (self->empty_page, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
placements_record_page_class_init (PlacementsRecordPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = placements_record_page_constructed;
  object_class->dispose = placements_record_page_dispose;
  object_class->finalize = placements_record_page_finalize;
  object_class->get_property = placements_record_page_get_property;
  object_class->set_property = placements_record_page_set_property;

  /**
   * PlacementsRecordPage:store:
   *
   * The database whose records the page lists, or %NULL.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         PLACEMENTS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlacementsRecordPage:record-type:
   *
   * The type of the records listed, a subtype of #PlacementsRecord.
   */
  properties[PROP_RECORD_TYPE] =
    g_param_spec_gtype ("record-type", NULL, NULL,
                        PLACEMENTS_TYPE_RECORD,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * PlacementsRecordPage:n-items:
   *
   * How many records the page shows: all of them, or those that match the search.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlacementsRecordPage:title:
   *
   * What the page lists ("Clients"), for screen readers.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_PLACEHOLDER] =
    g_param_spec_string ("search-placeholder", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_ICON_NAME] =
    g_param_spec_string ("empty-icon-name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_TITLE] =
    g_param_spec_string ("empty-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_DESCRIPTION] =
    g_param_spec_string ("empty-description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PlacementsRecordPage::activate-record:
   * @record: the record of the row
   *
   * The user pressed Enter on a row or double-clicked it.
   */
  signals[ACTIVATE_RECORD] =
    g_signal_new ("activate-record", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, PLACEMENTS_TYPE_RECORD);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/example/Placements/gui/records/placements-record-page.ui");
  /* Bound so that gtk_widget_dispose_template() unparents the page's only child. */
  gtk_widget_class_bind_template_child (widget_class, PlacementsRecordPage, box);
  gtk_widget_class_bind_template_child (widget_class, PlacementsRecordPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, PlacementsRecordPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PlacementsRecordPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PlacementsRecordPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PlacementsRecordPage, selection);
  gtk_widget_class_bind_template_child (widget_class, PlacementsRecordPage, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PlacementsRecordPage, no_results_page);
  gtk_widget_class_bind_template_child (widget_class, PlacementsRecordPage, error_page);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
}

static void
placements_record_page_init (PlacementsRecordPage *self)
{
  self->record_type = PLACEMENTS_TYPE_RECORD;
  self->columns = g_ptr_array_new_with_free_func (column_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
  /* Typing while the list has the focus goes on in the search entry. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));
}

/**
 * placements_record_page_new:
 * @store: (nullable): the open database, or %NULL
 * @record_type: a subtype of #PlacementsRecord
 *
 * Returns: (transfer floating): a new page, without columns
 */
GtkWidget *
placements_record_page_new (PlacementsStore *store,
                            GType            record_type)
{
  g_return_val_if_fail (store == NULL || PLACEMENTS_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, PLACEMENTS_TYPE_RECORD), NULL);

  return g_object_new (PLACEMENTS_TYPE_RECORD_PAGE,
                       "record-type", record_type,
                       "store", store,
                       NULL);
}

PlacementsStore *
placements_record_page_get_store (PlacementsRecordPage *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_PAGE (self), NULL);

  return self->store;
}

void
placements_record_page_set_store (PlacementsRecordPage *self,
                                  PlacementsStore      *store)
{
  g_return_if_fail (PLACEMENTS_IS_RECORD_PAGE (self));
  g_return_if_fail (store == NULL || PLACEMENTS_IS_STORE (store));

  if (self->store == store)
    return;

  g_set_object (&self->store, store);

  /* Before construction the record type is not known yet; constructed() makes the list. */
  if (self->klass != NULL)
    update_list (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

GType
placements_record_page_get_record_type (PlacementsRecordPage *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_PAGE (self), G_TYPE_INVALID);

  return self->record_type;
}

void
placements_record_page_add_column (PlacementsRecordPage *self,
                                   const char           *property,
                                   const char           *title,
                                   gboolean              sortable)
{
  g_autoptr(GtkListItemFactory) factory = NULL;
  const PlacementsField *field;
  Column *column;

  g_return_if_fail (PLACEMENTS_IS_RECORD_PAGE (self));
  g_return_if_fail (self->klass != NULL);
  g_return_if_fail (property != NULL);
  g_return_if_fail (title != NULL);

  field = placements_record_class_find_field (self->klass, property);
  g_return_if_fail (field != NULL);
  g_return_if_fail (!sortable || (field->flags & PLACEMENTS_FIELD_SORTABLE) != 0);

  column = g_new0 (Column, 1);
  column->page = self;
  column->field = field;
  column->property = g_strdup (property);
  g_ptr_array_add (self->columns, column);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (factory_setup_cb), column);
  g_signal_connect (factory, "bind", G_CALLBACK (factory_bind_cb), column);
  g_signal_connect (factory, "unbind", G_CALLBACK (factory_unbind_cb), column);
  g_signal_connect (factory, "teardown", G_CALLBACK (factory_teardown_cb), column);

  column->view_column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_resizable (column->view_column, TRUE);
  /* Names and labels share the room there is; dates, numbers and yes/no keep their width. */
  gtk_column_view_column_set_expand (column->view_column,
                                     (field->flags & PLACEMENTS_FIELD_DATE) == 0 &&
                                     (field->pspec->value_type == G_TYPE_STRING ||
                                      G_TYPE_IS_ENUM (field->pspec->value_type) ||
                                      G_TYPE_IS_FLAGS (field->pspec->value_type)));
  if (sortable)
    {
      g_autoptr(GtkSorter) sorter =
        GTK_SORTER (gtk_custom_sorter_new (marker_compare_cb, column, NULL));

      gtk_column_view_column_set_sorter (column->view_column, sorter);
    }
  gtk_column_view_append_column (self->column_view, column->view_column);
}

/**
 * placements_record_page_get_list:
 * @self: a #PlacementsRecordPage
 *
 * Returns: (transfer none) (nullable): the model of the column view, or %NULL without a store
 */
PlacementsRecordList *
placements_record_page_get_list (PlacementsRecordPage *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_PAGE (self), NULL);

  return self->list;
}

guint
placements_record_page_get_n_items (PlacementsRecordPage *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_PAGE (self), 0);

  return self->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->list)) : 0;
}

const char *
placements_record_page_get_search_text (PlacementsRecordPage *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_PAGE (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

void
placements_record_page_set_search_text (PlacementsRecordPage *self,
                                        const char           *text)
{
  g_return_if_fail (PLACEMENTS_IS_RECORD_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  apply_search (self);
}

void
placements_record_page_focus_search (PlacementsRecordPage *self)
{
  g_return_if_fail (PLACEMENTS_IS_RECORD_PAGE (self));

  if (!gtk_widget_get_visible (GTK_WIDGET (self->search_entry)))
    return;
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  /* Typing replaces an earlier search rather than adding to it. */
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

GtkSelectionModel *
placements_record_page_get_selection (PlacementsRecordPage *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_PAGE (self), NULL);
  return GTK_SELECTION_MODEL (self->selection);
}

/* Into the list, at its selected row or its first. */
void
placements_record_page_focus_list (PlacementsRecordPage *self)
{
  g_return_if_fail (PLACEMENTS_IS_RECORD_PAGE (self));

  if (placements_record_page_get_n_items (self) == 0)
    {
      gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
      return;
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

/* Puts @widget (a filter's button) beside the search entry. */
void
placements_record_page_add_filter_widget (PlacementsRecordPage *self,
                                          GtkWidget            *widget)
{
  g_return_if_fail (PLACEMENTS_IS_RECORD_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (GTK_BOX (self->search_bar), widget);
}

/* How many filters hold: with any, an empty list is "no results", and the filters stay. */
void
placements_record_page_set_n_filters (PlacementsRecordPage *self,
                                      guint                 n_filters)
{
  g_return_if_fail (PLACEMENTS_IS_RECORD_PAGE (self));

  self->n_filters = n_filters;
  update_state (self);
}
