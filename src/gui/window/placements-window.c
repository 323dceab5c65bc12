#define G_LOG_DOMAIN "placements-window"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-record-page.h"
#include "placements-record-types.h"
#include "placements-window.h"

struct _PlacementsWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *content_title;
  GtkStack             *stack;

  /* Owned */
  GSettings            *settings;
  PlacementsStore      *store;
};

G_DEFINE_FINAL_TYPE (PlacementsWindow, placements_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The stack pages, in the order of the sidebar rows; Ctrl+1 to Ctrl+7 follow it too. */
static const char * const section_names[] = {
  "clients",
  "workplaces",
  "buddies",
  "pilots",
  "placements",
  "organisations",
  "people",
};

typedef struct
{
  const char *property;
  const char *title;
  gboolean    sortable;
} ColumnInfo;

/*
 * The columns of each section's table, in sidebar order. Columns that hold a reference show
 * the name it refers to, but the core sorts a reference by its UUID, and a code by its
 * untranslated nick: neither order would look sorted, so those headers do not sort.
 */
static const ColumnInfo client_columns[] = {
  { "family-name", NC_ ("column", "Family Name"), TRUE },
  { "given-name", NC_ ("column", "Given Name"), TRUE },
  { "date-of-birth", NC_ ("column", "Date of Birth"), TRUE },
  { "care-organisation-uuid", NC_ ("column", "Care Organisation"), FALSE },
  { "target-group", NC_ ("column", "Target Group"), FALSE },
  { NULL },
};

static const ColumnInfo workplace_columns[] = {
  { "name", NC_ ("column", "Name"), TRUE },
  { "host-organisation-uuid", NC_ ("column", "Host Organisation"), FALSE },
  { "department", NC_ ("column", "Department"), TRUE },
  { "kind", NC_ ("column", "Kind"), FALSE },
  { "capacity", NC_ ("column", "Capacity"), TRUE },
  { "low-stimulus", NC_ ("column", "Low-Stimulus"), TRUE },
  { NULL },
};

static const ColumnInfo buddy_columns[] = {
  { "person-uuid", NC_ ("column", "Name"), FALSE },
  { "department", NC_ ("column", "Department"), TRUE },
  { "training-date", NC_ ("column", "Training Date"), TRUE },
  { "max-clients", NC_ ("column", "Max. Clients"), TRUE },
  { NULL },
};

static const ColumnInfo pilot_columns[] = {
  { "name", NC_ ("column", "Name"), TRUE },
  { "status", NC_ ("column", "Status"), FALSE },
  { "start-date", NC_ ("column", "Start Date"), TRUE },
  { "evaluation-date", NC_ ("column", "Evaluation Date"), TRUE },
  { "target-participants", NC_ ("column", "Target Participants"), TRUE },
  { NULL },
};

static const ColumnInfo placement_columns[] = {
  { "client-uuid", NC_ ("column", "Client"), FALSE },
  { "workplace-uuid", NC_ ("column", "Workplace"), FALSE },
  { "status", NC_ ("column", "Status"), FALSE },
  { "start-date", NC_ ("column", "Start Date"), TRUE },
  { "planned-end-date", NC_ ("column", "Planned End Date"), TRUE },
  { NULL },
};

static const ColumnInfo organisation_columns[] = {
  { "name", NC_ ("column", "Name"), TRUE },
  { "kind", NC_ ("column", "Kind"), FALSE },
  { "city", NC_ ("column", "City"), TRUE },
  { "country", NC_ ("column", "Country"), FALSE },
  { NULL },
};

static const ColumnInfo person_columns[] = {
  { "family-name", NC_ ("column", "Family Name"), TRUE },
  { "given-name", NC_ ("column", "Given Name"), TRUE },
  { "organisation-uuid", NC_ ("column", "Organisation"), FALSE },
  { "email", NC_ ("column", "Email"), FALSE },
  { "phone", NC_ ("column", "Phone"), FALSE },
  { NULL },
};

static const ColumnInfo * const section_columns[] = {
  client_columns,
  workplace_columns,
  buddy_columns,
  pilot_columns,
  placement_columns,
  organisation_columns,
  person_columns,
};

G_STATIC_ASSERT (G_N_ELEMENTS (section_columns) == G_N_ELEMENTS (section_names));

/* "60 clients": the header's subtitle under the section's name. */
static char *
describe_count (guint section,
                guint n_items)
{
  switch (section)
    {
    case 0:
      return g_strdup_printf (ngettext ("%u client", "%u clients", n_items), n_items);
    case 1:
      return g_strdup_printf (ngettext ("%u workplace", "%u workplaces", n_items), n_items);
    case 2:
      return g_strdup_printf (ngettext ("%u buddy", "%u buddies", n_items), n_items);
    case 3:
      return g_strdup_printf (ngettext ("%u pilot", "%u pilots", n_items), n_items);
    case 4:
      return g_strdup_printf (ngettext ("%u placement", "%u placements", n_items), n_items);
    case 5:
      return g_strdup_printf (ngettext ("%u organisation", "%u organisations", n_items), n_items);
    case 6:
      return g_strdup_printf (ngettext ("%u person", "%u people", n_items), n_items);
    default:
      g_assert_not_reached ();
    }
}

static int
section_index (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (section_names); i++)
    if (g_str_equal (section_names[i], name))
      return (int) i;
  return -1;
}


static void
show_content (PlacementsWindow *self)
{
  /* Where the leaflet is folded only one pane shows: choosing a section means looking at it.
   * Unfolded, both show, and changing the visible child would pull the keyboard focus out of
   * the sidebar into the page. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->toast_overlay));
}

static void
sidebar_row_selected_cb (PlacementsWindow *self,
                         GtkListBoxRow    *row,
                         GtkListBox       *sidebar)
{
  int index;

  /* The rows go away one by one while the window is disposed. */
  if (row == NULL || self->stack == NULL)
    return;

  index = gtk_list_box_row_get_index (row);
  g_assert (index >= 0 && index < (int) G_N_ELEMENTS (section_names));
  gtk_stack_set_visible_child_name (self->stack, section_names[index]);
}

static void
sidebar_row_activated_cb (PlacementsWindow *self,
                          GtkListBoxRow    *row,
                          GtkListBox       *sidebar)
{
  sidebar_row_selected_cb (self, row, sidebar);
  show_content (self);
}

static void
update_subtitle (PlacementsWindow *self)
{
  GtkWidget *child = gtk_stack_get_visible_child (self->stack);
  const char *name = gtk_stack_get_visible_child_name (self->stack);
  g_autofree char *subtitle = NULL;
  PlacementsRecordPage *page;
  int index;

  if (child == NULL || name == NULL || !PLACEMENTS_IS_RECORD_PAGE (child))
    return;
  page = PLACEMENTS_RECORD_PAGE (child);

  /* "0 clients" would only repeat the empty or no-results state below it. */
  index = section_index (name);
  if (index >= 0 && placements_record_page_get_n_items (page) > 0)
    subtitle = describe_count ((guint) index, placements_record_page_get_n_items (page));
  adw_window_title_set_subtitle (self->content_title, subtitle);
}

static void
page_n_items_cb (PlacementsWindow     *self,
                 GParamSpec           *pspec,
                 PlacementsRecordPage *page)
{
  if (self->stack != NULL && gtk_stack_get_visible_child (self->stack) == GTK_WIDGET (page))
    update_subtitle (self);
}

static void
stack_visible_child_cb (PlacementsWindow *self,
                        GParamSpec       *pspec,
                        GtkStack         *stack)
{
  GtkWidget *child = gtk_stack_get_visible_child (stack);
  const char *name = gtk_stack_get_visible_child_name (stack);

  /* The stack changes its visible child while it is being torn down, too. */
  if (child == NULL || name == NULL || self->sidebar == NULL || self->content_title == NULL)
    return;

  adw_window_title_set_title (self->content_title,
                              gtk_stack_page_get_title (gtk_stack_get_page (stack, child)));
  update_subtitle (self);

  for (guint i = 0; i < G_N_ELEMENTS (section_names); i++)
    {
      if (g_str_equal (section_names[i], name))
        {
          GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar, (int) i);
          GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

          gtk_list_box_select_row (self->sidebar, row);
          /* Otherwise the arrow keys would go on from the row chosen before a shortcut. */
          if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar)))
            gtk_widget_grab_focus (GTK_WIDGET (row));
          break;
        }
    }
}

static void
show_section_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (gtk_stack_get_child_by_name (self->stack, name) == NULL)
    {
      g_warning ("There is no section named “%s”", name);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, name);
  show_content (self);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  if (page == NULL || !PLACEMENTS_IS_RECORD_PAGE (page))
    return;

  /* Folded, the sidebar may be what shows; searching means looking at the list. */
  show_content (self);
  placements_record_page_focus_search (PLACEMENTS_RECORD_PAGE (page));
}

static void
focus_content_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (widget);
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);

  if (page != NULL)
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

static void
leaflet_folded_cb (PlacementsWindow *self,
                   GParamSpec       *pspec,
                   AdwLeaflet       *leaflet)
{
  /* Folded, the page is not on screen: Tab then goes the usual way, to the header bar. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.focus-content",
                                 !adw_leaflet_get_folded (leaflet));
}

static void
navigate_back_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
load_window_state (PlacementsWindow *self)
{
  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (PlacementsWindow *self)
{
  int width;
  int height;

  /* The default size is the size the window has when it is not maximized, which is the one
   * to come back to. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
}

static gboolean
placements_window_close_request (GtkWindow *window)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (window);

  /* Saved when the window closes rather than on every resize, which would write the settings
   * many times a second while the user drags the border. */
  save_window_state (self);

  return GTK_WINDOW_CLASS (placements_window_parent_class)->close_request (window);
}

static PlacementsRecordPage *
get_section_page (PlacementsWindow *self,
                  guint             section)
{
  return PLACEMENTS_RECORD_PAGE (gtk_stack_get_child_by_name (self->stack,
                                                              section_names[section]));
}

static void
placements_window_constructed (GObject *object)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (object);

  G_OBJECT_CLASS (placements_window_parent_class)->constructed (object);

  /* The store is a construct property, set after the template was built. */
  for (guint i = 0; i < G_N_ELEMENTS (section_names); i++)
    {
      PlacementsRecordPage *page = get_section_page (self, i);

      for (const ColumnInfo *column = section_columns[i]; column->property != NULL; column++)
        placements_record_page_add_column (page, column->property,
                                           g_dpgettext2 (GETTEXT_PACKAGE, "column", column->title),
                                           column->sortable);
      placements_record_page_set_store (page, self->store);
      g_signal_connect_object (page, "notify::n-items", G_CALLBACK (page_n_items_cb), self,
                               G_CONNECT_SWAPPED);
    }

  update_subtitle (self);
}

static void
placements_window_dispose (GObject *object)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLACEMENTS_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (placements_window_parent_class)->dispose (object);
}

static void
placements_window_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
placements_window_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
placements_window_class_init (PlacementsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = placements_window_constructed;
  object_class->dispose = placements_window_dispose;
  object_class->get_property = placements_window_get_property;
  object_class->set_property = placements_window_set_property;

  window_class->close_request = placements_window_close_request;

  /**
   * PlacementsWindow:store:
   *
   * The database the window shows, or %NULL when there is none.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         PLACEMENTS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The template names these types, so they must be known before it is parsed. */
  g_type_ensure (PLACEMENTS_TYPE_RECORD_PAGE);
  g_type_ensure (PLACEMENTS_TYPE_CLIENT);
  g_type_ensure (PLACEMENTS_TYPE_WORKPLACE);
  g_type_ensure (PLACEMENTS_TYPE_BUDDY);
  g_type_ensure (PLACEMENTS_TYPE_PILOT);
  g_type_ensure (PLACEMENTS_TYPE_PLACEMENT);
  g_type_ensure (PLACEMENTS_TYPE_ORGANISATION);
  g_type_ensure (PLACEMENTS_TYPE_PERSON);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Placements/gui/window/placements-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlacementsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PlacementsWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PlacementsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlacementsWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, PlacementsWindow, stack);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);

  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.navigate-back", NULL, navigate_back_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  /* The sidebar's Tab shortcut: GtkListBox would otherwise take Tab from row to row, and,
   * browsing, through every section on the way. */
  gtk_widget_class_install_action (widget_class, "win.focus-content", NULL,
                                   focus_content_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.find", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (section_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-section", "s", section_names[i]);
}

static void
placements_window_init (PlacementsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APPLICATION_ID);
  load_window_state (self);

  /* The stack chose its first page before the template connected our handler. */
  stack_visible_child_cb (self, NULL, self->stack);
  leaflet_folded_cb (self, NULL, self->leaflet);

  /* Keyboard users start in the sidebar, where the arrow keys go through the sections;
   * otherwise GTK would give the focus to the first focusable widget of the page. */
  gtk_window_set_focus (GTK_WINDOW (self),
                        GTK_WIDGET (gtk_list_box_get_selected_row (self->sidebar)));
}

/**
 * placements_window_new:
 * @application: the application the window belongs to
 * @store: (nullable): the open database, or %NULL
 *
 * Returns: (transfer none): a new window, owned by GTK until it is destroyed
 */
PlacementsWindow *
placements_window_new (AdwApplication  *application,
                       PlacementsStore *store)
{
  g_return_val_if_fail (ADW_IS_APPLICATION (application), NULL);

  return g_object_new (PLACEMENTS_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

/**
 * placements_window_get_store:
 * @self: a #PlacementsWindow
 *
 * Returns: (transfer none) (nullable): the database the window shows
 */
PlacementsStore *
placements_window_get_store (PlacementsWindow *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WINDOW (self), NULL);

  return self->store;
}
