#define G_LOG_DOMAIN "placements-window"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-backup-dialogs.h"
#include "placements-overview-page.h"
#include "placements-erase-dialogs.h"
#include "placements-demo.h"
#include "placements-exchange-jobs.h"
#include "placements-exchange-import.h"
#include "placements-import-dialog.h"
#include "placements-attendance-page.h"
#include "placements-messages-page.h"
#include "placements-send-dialog.h"
#include "placements-record-editor.h"
#include "placements-record-kind.h"
#include "placements-record-page.h"
#include "placements-section-view.h"
#include "placements-window.h"

/*
 * Over 1,000 lines, for now: the window's life cycle, its leaflets and pane focus (F6,
 * Tab) and its actions. The actions are the next cut, into placements-window-actions.c
 * with a private header, as the style guide's model (GNOME Text Editor) does.
 */

struct _PlacementsWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwLeaflet           *leaflet;
  GtkListBox           *sidebar;
  AdwToastOverlay      *toast_overlay;
  AdwWindowTitle       *content_title;
  GtkStack             *stack;
  AdwLeaflet           *content_leaflet;
  GtkWidget            *detail_pane;
  PlacementsRecordEditor *editor;

  /* Owned */
  GSettings            *settings;
  PlacementsStore      *store;
  char                 *logged_uuid;  /* the record whose opening was logged last */
};

G_DEFINE_FINAL_TYPE (PlacementsWindow, placements_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The sections are the record kinds the core's registry marks so, in its order: the sidebar
 * rows, the stack pages (named after the kinds) and Ctrl+1, Ctrl+2, … all follow it. */
static guint
get_n_sections (void)
{
  return g_list_model_get_n_items (placements_record_kind_get_sections ());
}

static PlacementsRecordKind *
get_section_kind (guint section)
{
  g_autoptr(PlacementsRecordKind) kind =
    g_list_model_get_item (placements_record_kind_get_sections (), section);

  /* The registry holds its kinds for the life of the program. */
  return kind;
}

static int
section_index (const char *name)
{
  for (guint i = 0; i < get_n_sections (); i++)
    if (g_str_equal (placements_record_kind_get_name (get_section_kind (i)), name))
      return (int) i;
  return -1;
}

static GtkWidget *
create_sidebar_row (PlacementsRecordKind *kind)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (placements_record_kind_get_plural_label (kind));

  gtk_box_append (GTK_BOX (box),
                  gtk_image_new_from_icon_name (placements_record_kind_get_icon_name (kind)));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  return row;
}

/* The overview comes first, above the sections: the sidebar's row 0, the stack's page
 * "overview". The messages come after them, in the last row. */
#define OVERVIEW "overview"
#define MESSAGES "messages"
#define ATTENDANCE "attendance"

static GtkWidget *
create_page_row (const char *icon_name,
                 const char *title)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (title);

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (icon_name));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                  -1);
  return row;
}

static void
add_sidebar_rows (PlacementsWindow *self)
{
  gtk_list_box_append (self->sidebar, create_page_row ("view-grid-symbolic", _("Overview")));
  for (guint i = 0; i < get_n_sections (); i++)
    gtk_list_box_append (self->sidebar, create_sidebar_row (get_section_kind (i)));
  gtk_list_box_append (self->sidebar,
                       create_page_row ("x-office-calendar-symbolic", _("Attendance")));
  gtk_list_box_append (self->sidebar,
                       create_page_row ("mail-send-receive-symbolic",
                                        C_("sidebar", "Messages")));
}

/* Each section is a view that builds its list when it is first shown. */
static void
add_views (PlacementsWindow *self)
{
  gtk_stack_add_titled (self->stack, placements_overview_page_new (self->store), OVERVIEW,
                        _("Overview"));
  for (guint i = 0; i < get_n_sections (); i++)
    {
      PlacementsRecordKind *kind = get_section_kind (i);

      gtk_stack_add_titled (self->stack, placements_section_view_new (kind, self->store),
                            placements_record_kind_get_name (kind),
                            placements_record_kind_get_plural_label (kind));
    }
  gtk_stack_add_titled (self->stack, placements_attendance_page_new (self->store), ATTENDANCE,
                        _("Attendance"));
  gtk_stack_add_titled (self->stack, placements_messages_page_new (self->store), MESSAGES,
                        C_("sidebar", "Messages"));
}

/* The stack's page of the sidebar's row @index. */
static const char *
page_name_at (int index)
{
  if (index == 0)
    return OVERVIEW;
  if (index == (int) get_n_sections () + 1)
    return ATTENDANCE;
  if (index > (int) get_n_sections ())
    return MESSAGES;
  return placements_record_kind_get_name (get_section_kind (index - 1));
}

static PlacementsView *
get_visible_view (PlacementsWindow *self)
{
  GtkWidget *child = self->stack != NULL ? gtk_stack_get_visible_child (self->stack) : NULL;

  return child != NULL && PLACEMENTS_IS_VIEW (child) ? PLACEMENTS_VIEW (child) : NULL;
}

static GtkWidget *
find_buildable (GtkWidget  *widget,
                const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_buildable (child, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The shortcuts window comes from a .ui file, loaded when the window joins the application;
 * its group of sections is filled in here, from the same registry as the sidebar. */
static void
add_section_shortcuts (PlacementsWindow *self)
{
  GtkShortcutsWindow *overlay = gtk_application_window_get_help_overlay (
    GTK_APPLICATION_WINDOW (self));
  g_autoptr(GtkBuilder) builder = NULL;
  GtkWidget *group;

  if (overlay == NULL)
    return;

  group = find_buildable (GTK_WIDGET (overlay), "sections_group");
  if (group == NULL || g_object_get_data (G_OBJECT (group), "placements-filled") != NULL)
    return;

  /* GtkShortcutsGroup takes its shortcuts the way a .ui file gives them (GTK 4.14 made that a
   * function): through its GtkBuildable interface, which also lines up their accelerators. */
  builder = gtk_builder_new ();
  for (guint i = 0; i < get_n_sections (); i++)
    {
      g_autofree char *accelerator = g_strdup_printf ("<ctrl>%u", i + 1);
      GtkWidget *shortcut =
        g_object_new (GTK_TYPE_SHORTCUTS_SHORTCUT,
                      "title", placements_record_kind_get_plural_label (get_section_kind (i)),
                      "accelerator", accelerator,
                      NULL);

      GTK_BUILDABLE_GET_IFACE (group)->add_child (GTK_BUILDABLE (group), builder,
                                                  G_OBJECT (shortcut), NULL);
    }
  g_object_set_data (G_OBJECT (group), "placements-filled", GINT_TO_POINTER (TRUE));
}

static void
application_cb (PlacementsWindow *self,
                GParamSpec       *pspec,
                gpointer          user_data)
{
  add_section_shortcuts (self);
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
  g_assert (index >= 0 && index <= (int) get_n_sections () + 2);
  gtk_stack_set_visible_child_name (self->stack, page_name_at (index));
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
  PlacementsView *view = get_visible_view (self);
  g_autofree char *subtitle = NULL;

  if (view == NULL)
    {
      adw_window_title_set_subtitle (self->content_title, NULL);
      return;
    }

  /* "0 clients" would only repeat the empty or no-results state below it. */
  if (placements_view_get_n_items (view) > 0)
    subtitle = placements_record_kind_dup_count_label (placements_view_get_kind (view),
                                                       placements_view_get_n_items (view));
  adw_window_title_set_subtitle (self->content_title, subtitle);
}

static void
view_n_items_cb (PlacementsWindow *self,
                 GParamSpec       *pspec,
                 PlacementsView   *view)
{
  if (get_visible_view (self) == view)
    update_subtitle (self);
}


/* Where the list and the detail pane do not fit side by side, opening a record shows it. */
static void
show_detail (PlacementsWindow *self)
{
  show_content (self);
  if (adw_leaflet_get_folded (self->content_leaflet))
    adw_leaflet_set_visible_child (self->content_leaflet, self->detail_pane);
}

/*
 * The detail pane's header bar is the editor's: one bar, with the record's name, its Save
 * and Delete. Where the list and the detail do not fit side by side, it also carries the
 * way back to the list (first, before the editor's own Back to the record a related one
 * was opened from) and the window's buttons.
 */
static void
add_detail_back_button (PlacementsWindow *self)
{
  AdwHeaderBar *bar = placements_record_editor_get_header_bar (self->editor);
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *start;

  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "win.navigate-back");
  gtk_widget_set_tooltip_text (back, _("Back to the List"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Back to the List"), -1);
  g_object_bind_property (self->content_leaflet, "folded", back, "visible",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->content_leaflet, "folded", bar, "show-start-title-buttons",
                          G_BINDING_SYNC_CREATE);
  adw_header_bar_pack_start (bar, back);
  start = gtk_widget_get_parent (back);
  if (GTK_IS_BOX (start))
    gtk_box_reorder_child_after (GTK_BOX (start), back, NULL);
}

static void
open_record (PlacementsWindow *self,
             PlacementsRecord *record)
{
  if (self->editor == NULL)
    return;
  /* The opening is logged when the editor has the record open (editor_record_cb). */
  placements_record_editor_set_record (self->editor, record);
  show_detail (self);
}

static void
view_open_record_cb (PlacementsWindow *self,
                     PlacementsRecord *record,
                     PlacementsView   *view)
{
  open_record (self, record);
}

static void
stack_visible_child_cb (PlacementsWindow *self,
                        GParamSpec       *pspec,
                        GtkStack         *stack)
{
  GtkWidget *child = gtk_stack_get_visible_child (stack);
  const char *name = gtk_stack_get_visible_child_name (stack);
  int index;

  /* The stack changes its visible child while it is being torn down, too. */
  if (child == NULL || name == NULL || self->sidebar == NULL || self->content_title == NULL)
    return;

  adw_window_title_set_title (self->content_title,
                              gtk_stack_page_get_title (gtk_stack_get_page (stack, child)));
  /* New makes a record of the section shown: nothing on the overview. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-record",
                                 self->store != NULL && PLACEMENTS_IS_VIEW (child));
  if (PLACEMENTS_IS_VIEW (child))
    placements_view_load (PLACEMENTS_VIEW (child));
  update_subtitle (self);

  index = section_index (name);
  if (g_str_equal (name, OVERVIEW))
    index = 0;
  else if (g_str_equal (name, ATTENDANCE))
    index = get_n_sections () + 1;
  else if (g_str_equal (name, MESSAGES))
    index = get_n_sections () + 2;
  else if (index >= 0)
    index++;
  if (index >= 0)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->sidebar, index);
      GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

      gtk_list_box_select_row (self->sidebar, row);
      /* Otherwise the arrow keys would go on from the row chosen before a shortcut. */
      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar)))
        gtk_widget_grab_focus (GTK_WIDGET (row));
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
  PlacementsView *view = get_visible_view (self);

  if (view == NULL)
    return;

  /* Folded, the sidebar may be what shows; searching means looking at the list. */
  show_content (self);
  if (adw_leaflet_get_folded (self->content_leaflet))
    adw_leaflet_set_visible_child (self->content_leaflet,
                                   adw_leaflet_get_child_by_name (self->content_leaflet, "list"));
  placements_view_focus_search (view);
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

/* F6 and Shift+F6: sidebar, search, list, detail, as GNOME apps cycle their panes. Folded
 * leaflets show the pane they move to. */
static void
focus_pane (PlacementsWindow *self,
            guint             pane)
{
  PlacementsView *view = get_visible_view (self);

  switch (pane)
    {
    case 0:
      if (adw_leaflet_get_folded (self->leaflet))
        adw_leaflet_set_visible_child (self->leaflet, gtk_widget_get_ancestor (
                                         GTK_WIDGET (self->sidebar), GTK_TYPE_BOX));
      gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_selected_row (self->sidebar)));
      break;

    case 1:
    case 2:
      show_content (self);
      if (adw_leaflet_get_folded (self->content_leaflet))
        adw_leaflet_set_visible_child (self->content_leaflet,
                                       adw_leaflet_get_child_by_name (self->content_leaflet,
                                                                      "list"));
      if (view != NULL && pane == 1)
        placements_view_focus_search (view);
      else if (view != NULL)
        placements_view_focus_list (view);
      break;

    default:
      show_detail (self);
      gtk_widget_child_focus (GTK_WIDGET (self->editor), GTK_DIR_TAB_FORWARD);
      break;
    }
}

static guint
focused_pane (PlacementsWindow *self)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));
  PlacementsView *view = get_visible_view (self);

  if (focus == NULL || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->sidebar)))
    return 0;
  if (gtk_widget_is_ancestor (focus, self->detail_pane))
    return 3;
  if (view != NULL && (GTK_IS_SEARCH_ENTRY (focus) ||
                       gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY) != NULL))
    return 1;
  return 2;
}

static void
focus_next_pane_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (widget);
  int step = g_variant_get_int32 (parameter);

  focus_pane (self, (focused_pane (self) + 4 + step) % 4);
}

/* GtkColumnView moves the focus row by row on Tab, so with 100,000 rows the keyboard could
 * never leave the list: Tab goes on to the record and Shift+Tab back to the search, as F6
 * does. Captured before the list sees the key. */
static gboolean
list_tab_cb (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             PlacementsWindow      *self)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));
  GdkModifierType mods = state & gtk_accelerator_get_default_mod_mask ();

  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab)
    return GDK_EVENT_PROPAGATE;
  if ((mods & ~GDK_SHIFT_MASK) != 0 || focus == NULL ||
      gtk_widget_get_ancestor (focus, GTK_TYPE_COLUMN_VIEW) == NULL ||
      focused_pane (self) != 2)
    return GDK_EVENT_PROPAGATE;

  focus_pane (self, (keyval == GDK_KEY_ISO_Left_Tab || (mods & GDK_SHIFT_MASK)) ? 1 : 3);
  return GDK_EVENT_STOP;
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

  /* From the record to its list, from the list to the sections. */
  if (adw_leaflet_get_folded (self->content_leaflet) &&
      adw_leaflet_get_visible_child (self->content_leaflet) == self->detail_pane)
    adw_leaflet_navigate (self->content_leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  else
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

/*
 * NEN 7513: every opening of a client's record is logged, who and when, however it was
 * opened (from a list, from a related record, back from one, by win.open-record): the
 * editor says when it has another record open. Saving reopens the same record, which is
 * not another opening.
 */
static void
editor_record_cb (PlacementsWindow       *self,
                  GParamSpec             *pspec,
                  PlacementsRecordEditor *editor)
{
  PlacementsRecord *record = placements_record_editor_get_record (editor);
  const char *client_uuid;
  const char *uuid;
  g_autoptr(GError) error = NULL;

  if (record == NULL || placements_record_get_row_id (record) == 0)
    {
      g_clear_pointer (&self->logged_uuid, g_free);
      return;
    }
  uuid = placements_record_get_uuid (record);
  client_uuid = placements_store_get_client_of (record);
  if (g_strcmp0 (uuid, self->logged_uuid) == 0)
    return;
  g_free (self->logged_uuid);
  self->logged_uuid = g_strdup (uuid);
  if (client_uuid == NULL || self->store == NULL || placements_store_is_read_only (self->store))
    return;
  if (!placements_store_write_client_audit_event (self->store, PLACEMENTS_AUDIT_ACTION_OPEN,
                                                  placements_record_class_get_kind (
                                                    PLACEMENTS_RECORD_GET_CLASS (record)),
                                                  uuid, client_uuid, NULL, &error))
    g_debug ("The opening of %s was not logged: %s", uuid, error->message);
}

/* win.open-record ("(ss)": a kind's name and a record's UUID): opens the record in the
 * detail pane, from wherever it was named (a related record, a test, a notification). */
static void
open_record_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (widget);
  g_autoptr(PlacementsRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  PlacementsRecordKind *kind;
  const char *kind_name;
  const char *uuid;

  g_variant_get (parameter, "(&s&s)", &kind_name, &uuid);
  kind = placements_record_kind_find (kind_name);
  if (kind == NULL || self->store == NULL)
    {
      g_warning ("There is no kind of record named “%s”", kind_name);
      return;
    }
  record = placements_store_load (self->store, placements_record_kind_get_record_type (kind),
                                  uuid, &error);
  if (record == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  open_record (self, record);
}

static void
new_record_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (widget);
  PlacementsView *view = get_visible_view (self);

  if (view == NULL || self->store == NULL)
    return;
  placements_record_editor_new_record (
    self->editor, placements_record_kind_get_record_type (placements_view_get_kind (view)));
  show_detail (self);
}

static void
delete_record_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->editor), "editor.delete", NULL);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->editor), "editor.undo-delete", NULL);
}

static void
back_up_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (widget);

  if (self->store != NULL)
    placements_backup_dialogs_back_up (GTK_WINDOW (self), self->store, self->toast_overlay);
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (widget);

  if (self->store != NULL)
    placements_backup_dialogs_restore (GTK_WINDOW (self), self->store, self->toast_overlay);
}

/* Just before a client is erased: their record, or one of theirs, leaves the detail pane,
 * its unsaved changes with it, without the question about them. */
static void
close_erased_cb (const char *client_uuid,
                 gpointer    user_data)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (user_data);
  PlacementsRecord *record = placements_record_editor_get_record (self->editor);

  if (record == NULL || g_strcmp0 (placements_store_get_client_of (record), client_uuid) != 0)
    return;
  if (placements_record_editor_get_dirty (self->editor))
    gtk_widget_activate_action (GTK_WIDGET (self->editor), "editor.cancel", NULL);
  placements_record_editor_set_record (self->editor, NULL);
}

/* win.erase-client ("s": the client's UUID): asks twice, then erases (GDPR art. 17). */
static void
erase_client_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (widget);

  if (self->store != NULL)
    placements_erase_dialogs_run (GTK_WINDOW (self), self->store,
                                  g_variant_get_string (parameter, NULL), self->toast_overlay,
                                  close_erased_cb, self);
}

/* Demo data for a coordinator trying the app: written in a thread on its own connection
 * (the demo is one long transaction), then what it committed is told again on the window's
 * store, so that the lists fill as after an import. */
#define DEMO_CLIENTS 200

typedef struct
{
  char                     *path;
  PlacementsStoreOpenFlags  flags;
  GPtrArray                *changes; /* GType, GStrv pairs as DemoChange* */
} DemoJob;

typedef struct
{
  GType  type;
  GStrv  uuids;
} DemoChange;

static void
demo_change_free (gpointer data)
{
  DemoChange *change = data;

  g_strfreev (change->uuids);
  g_free (change);
}

static void
demo_job_free (gpointer data)
{
  DemoJob *job = data;

  g_free (job->path);
  g_ptr_array_unref (job->changes);
  g_free (job);
}

static void
demo_changed_cb (PlacementsStore *store,
                 GType            type,
                 GStrv            uuids,
                 DemoJob         *job)
{
  DemoChange *change = g_new0 (DemoChange, 1);

  change->type = type;
  change->uuids = g_strdupv (uuids);
  g_ptr_array_add (job->changes, change);
}

static void
load_demo_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  DemoJob *job = task_data;
  g_autoptr(PlacementsStore) own = NULL;
  g_autoptr(GError) error = NULL;
  guint64 n_records = 0;
  gboolean done;

  own = placements_store_open_full (job->path, job->flags, &error);
  if (own == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_signal_connect (own, "changed", G_CALLBACK (demo_changed_cb), job);
  done = placements_demo_generate (own, DEMO_CLIENTS, g_random_int (), &n_records, &error);
  g_signal_handlers_disconnect_by_data (own, job);
  if (!done)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, (gssize) n_records);
}

static void
load_demo_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (source);
  DemoJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  gssize n_records = g_task_propagate_int (G_TASK (result), &error);
  g_autofree char *message = NULL;
  g_autofree char *count = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-file",
                                 self->store != NULL &&
                                 !placements_store_is_read_only (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-demo", TRUE);
  for (guint i = 0; i < job->changes->len && self->store != NULL; i++)
    {
      DemoChange *change = g_ptr_array_index (job->changes, i);

      g_signal_emit_by_name (self->store, "changed", change->type, change->uuids);
    }

  if (error != NULL)
    message = g_strdup_printf (_("No demo data loaded: %s"), error->message);
  else
    {
      count = g_strdup_printf ("%'" G_GSSIZE_FORMAT, n_records);
      /* Translators: %s is a count with the locale's thousands separator. */
      message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Loaded %s demo record",
                                              "Loaded %s demo records", (gulong) n_records),
                                 count);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static void
load_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (widget);
  g_autoptr(GTask) task = NULL;
  DemoJob *job;

  if (self->store == NULL)
    return;
  job = g_new0 (DemoJob, 1);
  job->path = g_strdup (placements_store_get_path (self->store));
  job->flags = placements_store_get_open_flags (self->store);
  job->changes = g_ptr_array_new_with_free_func (demo_change_free);
  task = g_task_new (self, NULL, load_demo_done_cb, NULL);
  g_task_set_task_data (task, job, demo_job_free);
  g_task_set_source_tag (task, load_demo_action);
  gtk_widget_action_set_enabled (widget, "win.load-demo", FALSE);
  g_task_run_in_thread (task, load_demo_thread);
}

/* A message from a dialog over the window, shown where it stays after the dialog has gone. */
static void
show_toast_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (widget);

  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (g_variant_get_string (parameter, NULL)));
}

static void
import_chooser_response_cb (GtkNativeDialog  *chooser,
                            int               response,
                            PlacementsWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.import-path", "^ay", path);
  g_object_unref (chooser);
}

/* The file is named by the caller (the chooser, a file manager, a drop, a test). */
static void
import_path_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (widget);
  const char *path = g_variant_get_bytestring (parameter);

  if (self->store == NULL || placements_store_is_read_only (self->store))
    {
      adw_toast_overlay_add_toast (
        self->toast_overlay,
        adw_toast_new (_("Open or create a database before importing an exchange file")));
      return;
    }
  gtk_window_present (GTK_WINDOW (placements_import_dialog_new (GTK_WINDOW (self), self->store,
                                                                path)));
}

/* A pilot's UUID, or "" for no pilot chosen beforehand. */
static void
send_to_partner_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (widget);
  const char *pilot = parameter != NULL ? g_variant_get_string (parameter, NULL) : "";

  if (self->store == NULL)
    return;
  gtk_window_present (GTK_WINDOW (placements_send_dialog_new (GTK_WINDOW (self), self->store,
                                                              *pilot != '\0' ? pilot : NULL)));
}

/* win.send-client ("s", a client's UUID): the send dialog for that client alone, as from
 * their page. */
static void
send_client_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (widget);
  PlacementsSendDialog *dialog;

  if (self->store == NULL)
    return;
  dialog = placements_send_dialog_new (GTK_WINDOW (self), self->store, NULL);
  placements_send_dialog_set_client (dialog, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_messages_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (widget);

  gtk_stack_set_visible_child_name (self->stack, MESSAGES);
  show_content (self);
}

/* A file written: the toast offers its folder. */
static void
show_saved_toast_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (widget);
  const char *message;
  const char *path;
  AdwToast *toast;

  g_variant_get (parameter, "(&s^&ay)", &message, &path);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("Show in _Folder"));
  adw_toast_set_action_name (toast, "win.show-in-folder");
  adw_toast_set_action_target_value (toast, g_variant_new_bytestring (path));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_in_folder_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  g_autoptr(GFile) file = g_file_new_for_path (g_variant_get_bytestring (parameter));
  g_autoptr(GFile) folder = g_file_get_parent (file);
  g_autofree char *uri = g_file_get_uri (folder);

  gtk_show_uri (GTK_WINDOW (widget), uri, GDK_CURRENT_TIME);
}

/* Files dropped on the window go to the import, as the chooser's do. */
static gboolean
drop_cb (GtkDropTarget    *target,
         const GValue     *value,
         double            x,
         double            y,
         PlacementsWindow *self)
{
  GSList *files = NULL;
  g_autoptr(GSList) single = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    files = g_value_get_boxed (value);
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    files = single = g_slist_prepend (NULL, g_value_get_object (value));
  for (GSList *l = files; l != NULL; l = l->next)
    {
      g_autofree char *path = g_file_get_path (l->data);

      if (path != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "win.import-path", "^ay", path);
    }
  return files != NULL;
}

static void
import_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->store == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Import an Exchange File"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"),
                                         _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Exchange files"));
  gtk_file_filter_add_suffix (filter, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
placements_window_constructed (GObject *object)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (object);

  G_OBJECT_CLASS (placements_window_parent_class)->constructed (object);

  /* The store is a construct property, set after the template was built; the views take
   * it when they are made. Only the one shown loads its list. */
  add_views (self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!PLACEMENTS_IS_VIEW (child))
        continue;
      g_signal_connect_object (child, "open-record", G_CALLBACK (view_open_record_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (child, "notify::n-items", G_CALLBACK (view_n_items_cb), self,
                               G_CONNECT_SWAPPED);
    }
  /* A day starts with what is due; a database with no clients yet starts where the first
   * one is made. */
  if (self->store == NULL ||
      placements_store_count (self->store, placements_record_kind_get_record_type (
                                get_section_kind (0))) <= 0)
    gtk_stack_set_visible_child_name (self->stack,
                                      placements_record_kind_get_name (get_section_kind (0)));
  /* The stack chose its first page before the template connected our handler. */
  stack_visible_child_cb (self, NULL, self->stack);
  /* Keyboard users start in the sidebar, where the arrow keys go through the sections;
   * otherwise GTK would give the focus to the first focusable widget of the page. */
  gtk_window_set_focus (GTK_WINDOW (self),
                        GTK_WIDGET (gtk_list_box_get_selected_row (self->sidebar)));

  add_detail_back_button (self);
  placements_record_editor_set_store (self->editor, self->store);
  g_signal_connect_object (self->editor, "notify::record", G_CALLBACK (editor_record_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back-up", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.send-to-partner", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.send-pilot", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.send-client", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-messages", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-file",
                                 self->store != NULL &&
                                 !placements_store_is_read_only (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.load-demo",
                                 self->store != NULL &&
                                 !placements_store_is_read_only (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore",
                                 self->store != NULL &&
                                 !placements_store_is_read_only (self->store));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.erase-client",
                                 self->store != NULL &&
                                 !placements_store_is_read_only (self->store));
  update_subtitle (self);
}

static void
placements_window_dispose (GObject *object)
{
  PlacementsWindow *self = PLACEMENTS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PLACEMENTS_TYPE_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_pointer (&self->logged_uuid, g_free);

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
  g_type_ensure (PLACEMENTS_TYPE_SECTION_VIEW);
  g_type_ensure (PLACEMENTS_TYPE_RECORD_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/Placements/gui/window/placements-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlacementsWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PlacementsWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, PlacementsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PlacementsWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, PlacementsWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PlacementsWindow, content_leaflet);
  gtk_widget_class_bind_template_child (widget_class, PlacementsWindow, detail_pane);
  gtk_widget_class_bind_template_child (widget_class, PlacementsWindow, editor);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, leaflet_folded_cb);

  gtk_widget_class_install_action (widget_class, "win.show-section", "s", show_section_action);
  gtk_widget_class_install_action (widget_class, "win.navigate-back", NULL, navigate_back_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.new-record", NULL, new_record_action);
  gtk_widget_class_install_action (widget_class, "win.back-up", NULL, back_up_action);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, restore_action);
  gtk_widget_class_install_action (widget_class, "win.erase-client", "s", erase_client_action);
  gtk_widget_class_install_action (widget_class, "win.load-demo", NULL, load_demo_action);
  gtk_widget_class_install_action (widget_class, "win.import-file", NULL, import_file_action);
  gtk_widget_class_install_action (widget_class, "win.import-path", "ay", import_path_action);
  gtk_widget_class_install_action (widget_class, "win.show-toast", "s", show_toast_action);
  gtk_widget_class_install_action (widget_class, "win.show-saved-toast", "(say)",
                                   show_saved_toast_action);
  gtk_widget_class_install_action (widget_class, "win.show-in-folder", "ay",
                                   show_in_folder_action);
  gtk_widget_class_install_action (widget_class, "win.send-to-partner", NULL,
                                   send_to_partner_action);
  gtk_widget_class_install_action (widget_class, "win.send-pilot", "s", send_to_partner_action);
  gtk_widget_class_install_action (widget_class, "win.send-client", "s", send_client_action);
  gtk_widget_class_install_action (widget_class, "win.show-messages", NULL,
                                   show_messages_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "win.send-to-partner", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "win.import-file", NULL);
  gtk_widget_class_install_action (widget_class, "win.open-record", "(ss)", open_record_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-record", NULL);
  gtk_widget_class_install_action (widget_class, "win.delete-record", NULL,
                                   delete_record_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  /* Text entries take these keys first: Delete and Ctrl+Z there edit the text. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0,
                                       "win.delete-record", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "win.undo", NULL);
  /* The sidebar's Tab shortcut: GtkListBox would otherwise take Tab from row to row, and,
   * browsing, through every section on the way. */
  gtk_widget_class_install_action (widget_class, "win.focus-content", NULL,
                                   focus_content_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.find", NULL);
  gtk_widget_class_install_action (widget_class, "win.focus-next-pane", "i",
                                   focus_next_pane_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0,
                                       "win.focus-next-pane", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, GDK_SHIFT_MASK,
                                       "win.focus-next-pane", "i", -1);

  /* Ctrl+1 … Ctrl+9: a tenth section would have no key. */
  for (guint i = 0; i < get_n_sections () && i < 9; i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-section", "s",
                                         placements_record_kind_get_name (get_section_kind (i)));
}

static void
placements_window_init (PlacementsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_sidebar_rows (self);
  g_signal_connect (self, "notify::application", G_CALLBACK (application_cb), NULL);

  self->settings = g_settings_new (APPLICATION_ID);
  load_window_state (self);

  leaflet_folded_cb (self, NULL, self->leaflet);

  GtkEventController *keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (list_tab_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  GType drop_types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };
  gtk_drop_target_set_gtypes (drop, drop_types, G_N_ELEMENTS (drop_types));
  g_signal_connect (drop, "drop", G_CALLBACK (drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
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

/**
 * placements_window_get_sections:
 * @self: a #PlacementsWindow
 *
 * Returns: (transfer none): the stack of the sections' views
 */
GtkStack *
placements_window_get_sections (PlacementsWindow *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WINDOW (self), NULL);

  return self->stack;
}
