#define G_LOG_DOMAIN "placements-attendance-page"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>

#include "placements-attendance-page.h"
#include "placements-attendance-week.h"
#include "placements-date.h"
#include "placements-timestamp.h"

/* Built in code for now: the grid is made per week from the rows read. */

typedef struct
{
  char                     *client_uuid;
  char                     *date;
  guint                     part;
  PlacementsAttendanceMark  before;
} Undo;

static void
undo_free (Undo *undo)
{
  g_free (undo->client_uuid);
  g_free (undo->date);
  g_free (undo);
}

struct _PlacementsAttendancePage
{
  AdwBin           parent_instance;

  PlacementsStore *store;
  char            *workplace_uuid;
  char            *monday;
  GPtrArray       *rows;
  GPtrArray       *undo;

  GtkSearchEntry  *search;
  GtkListBox      *found;
  GtkLabel        *week_label;
  GtkWidget       *grid_holder;
  GtkGrid         *grid;
};

G_DEFINE_FINAL_TYPE (PlacementsAttendancePage, placements_attendance_page, ADW_TYPE_BIN)

static const char *
day_name (guint day)
{
  const char *names[] = { N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
                          N_("Friday") };

  return _(names[day]);
}

static const char *
mark_label (PlacementsAttendanceMark mark)
{
  switch (mark)
    {
    case PLACEMENTS_ATTENDANCE_MARK_PRESENT: return C_("attendance", "present");
    case PLACEMENTS_ATTENDANCE_MARK_ABSENT_ILL: return C_("attendance", "absent: ill");
    case PLACEMENTS_ATTENDANCE_MARK_ABSENT_LEAVE: return C_("attendance", "absent: leave");
    case PLACEMENTS_ATTENDANCE_MARK_ABSENT_HOLIDAY: return C_("attendance", "absent: holiday");
    case PLACEMENTS_ATTENDANCE_MARK_ABSENT_WITHOUT_NOTICE:
      return C_("attendance", "absent: without notice");
    case PLACEMENTS_ATTENDANCE_MARK_ABSENT_OTHER: return C_("attendance", "absent: other");
    case PLACEMENTS_ATTENDANCE_MARK_NONE:
    default: return C_("attendance", "not marked");
    }
}

static const char *
mark_symbol (PlacementsAttendanceMark mark)
{
  /* Short enough for a cell: the digit that picks the code. */
  const char *symbols[] = { "·", "✓", "1", "2", "3", "4", "5" };

  return symbols[mark];
}

static char *
cell_date (PlacementsAttendancePage *self,
           guint                     day)
{
  GDate date;
  unsigned y, m, d;

  sscanf (self->monday, "%4u-%2u-%2u", &y, &m, &d);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  g_date_add_days (&date, day);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static void
update_cell (GtkWidget                   *button,
             PlacementsAttendanceWeekRow *row,
             guint                        cell)
{
  g_autofree char *name = NULL;

  if (cell % 2 == 0)
    /* Translators: family name, weekday, then the mark: "Jansen, Monday morning: present" */
    name = g_strdup_printf (_("%s, %s morning: %s"), row->family_name, day_name (cell / 2),
                            mark_label (row->marks[cell]));
  else
    /* Translators: family name, weekday, then the mark */
    name = g_strdup_printf (_("%s, %s afternoon: %s"), row->family_name, day_name (cell / 2),
                            mark_label (row->marks[cell]));

  gtk_button_set_label (GTK_BUTTON (button), mark_symbol (row->marks[cell]));
  gtk_widget_set_tooltip_text (button, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  name, -1);
  if ((row->expected & (1u << cell)) != 0)
    gtk_widget_remove_css_class (button, "dim-label");
  else
    gtk_widget_add_css_class (button, "dim-label");
}

static gboolean
set_mark (PlacementsAttendancePage *self,
          GtkWidget                *button,
          PlacementsAttendanceMark  mark,
          gboolean                  remember)
{
  PlacementsAttendanceWeekRow *row = g_object_get_data (G_OBJECT (button), "row");
  guint cell = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cell"));
  g_autofree char *date = cell_date (self, cell / 2);
  g_autoptr(GError) error = NULL;
  PlacementsAttendanceMark before;

  if (!placements_attendance_week_save_mark (self->store, self->workplace_uuid,
                                             row->client_uuid, date, cell % 2, mark, &before,
                                             &error))
    {
      g_warning ("%s", error->message);
      gtk_widget_error_bell (button);
      return FALSE;
    }
  row->marks[cell] = mark;
  update_cell (button, row, cell);
  if (remember)
    {
      Undo *undo = g_new0 (Undo, 1);

      undo->client_uuid = g_strdup (row->client_uuid);
      undo->date = g_steal_pointer (&date);
      undo->part = cell % 2;
      undo->before = before;
      g_ptr_array_add (self->undo, undo);
    }
  return TRUE;
}

static void reload (PlacementsAttendancePage *self);

static void
cell_clicked_cb (GtkButton                *button,
                 PlacementsAttendancePage *self)
{
  PlacementsAttendanceWeekRow *row = g_object_get_data (G_OBJECT (button), "row");
  guint cell = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "cell"));

  set_mark (self, GTK_WIDGET (button),
            row->marks[cell] == PLACEMENTS_ATTENDANCE_MARK_PRESENT
              ? PLACEMENTS_ATTENDANCE_MARK_ABSENT_OTHER : PLACEMENTS_ATTENDANCE_MARK_PRESENT,
            TRUE);
}

static gboolean
cell_key_cb (GtkEventControllerKey    *controller,
             guint                     keyval,
             guint                     keycode,
             GdkModifierType           state,
             PlacementsAttendancePage *self)
{
  GtkWidget *button = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_5)
    return set_mark (self, button,
                     PLACEMENTS_ATTENDANCE_MARK_ABSENT_ILL + (keyval - GDK_KEY_1), TRUE);
  if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_5)
    return set_mark (self, button,
                     PLACEMENTS_ATTENDANCE_MARK_ABSENT_ILL + (keyval - GDK_KEY_KP_1), TRUE);
  if (keyval == GDK_KEY_Delete || keyval == GDK_KEY_BackSpace)
    return set_mark (self, button, PLACEMENTS_ATTENDANCE_MARK_NONE, TRUE);
  return FALSE;
}

static void
build_grid (PlacementsAttendancePage *self)
{
  GtkWidget *grid = gtk_grid_new ();

  gtk_grid_set_column_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  for (guint day = 0; day < 5; day++)
    {
      GtkWidget *label = gtk_label_new (day_name (day));

      gtk_grid_attach (GTK_GRID (grid), label, 1 + day * 2, 0, 2, 1);
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      PlacementsAttendanceWeekRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *name = row->given_name != NULL
        ? g_strdup_printf ("%s, %s", row->family_name, row->given_name)
        : g_strdup (row->family_name);
      GtkWidget *label = gtk_label_new (name);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_grid_attach (GTK_GRID (grid), label, 0, 1 + i, 1, 1);
      for (guint cell = 0; cell < PLACEMENTS_ATTENDANCE_WEEK_CELLS; cell++)
        {
          GtkWidget *button = gtk_button_new ();
          GtkEventController *keys = gtk_event_controller_key_new ();

          g_object_set_data (G_OBJECT (button), "row", row);
          g_object_set_data (G_OBJECT (button), "cell", GUINT_TO_POINTER (cell));
          g_signal_connect (button, "clicked", G_CALLBACK (cell_clicked_cb), self);
          g_signal_connect (keys, "key-pressed", G_CALLBACK (cell_key_cb), self);
          gtk_widget_add_controller (button, keys);
          gtk_widget_set_name (button, "attendance-cell");
          update_cell (button, row, cell);
          gtk_grid_attach (GTK_GRID (grid), button, 1 + cell, 1 + i, 1, 1);
        }
    }
  self->grid = GTK_GRID (grid);
}

static void
reload (PlacementsAttendancePage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GtkWidget *child;

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (self->grid_holder)) != NULL)
    gtk_box_remove (GTK_BOX (self->grid_holder), child);
  self->grid = NULL;
  {
    g_autofree char *monday = placements_date_format_short (self->monday);

    /* Translators: the week's Monday, as the user's locale writes a date */
    title = g_strdup_printf (_("Week of %s"), monday);
  }
  gtk_label_set_label (self->week_label, title);

  if (self->workplace_uuid == NULL)
    {
      gtk_box_append (GTK_BOX (self->grid_holder),
                      g_object_new (ADW_TYPE_STATUS_PAGE,
                                    "icon-name", "x-office-calendar-symbolic",
                                    "title", _("Choose a workplace"),
                                    "description", _("Search for it above by its name."),
                                    "vexpand", TRUE, NULL));
      return;
    }
  self->rows = placements_attendance_week_load (self->store, self->workplace_uuid,
                                                self->monday, &error);
  if (self->rows == NULL)
    {
      gtk_box_append (GTK_BOX (self->grid_holder), gtk_label_new (error->message));
      return;
    }
  if (self->rows->len == 0)
    {
      gtk_box_append (GTK_BOX (self->grid_holder),
                      g_object_new (ADW_TYPE_STATUS_PAGE,
                                    "icon-name", "x-office-calendar-symbolic",
                                    "title", _("Nobody is placed here this week"),
                                    "vexpand", TRUE, NULL));
      return;
    }
  build_grid (self);
  gtk_box_append (GTK_BOX (self->grid_holder), GTK_WIDGET (self->grid));
}

static void
move_week (PlacementsAttendancePage *self,
           int                       days)
{
  GDate date;
  unsigned y, m, d;

  sscanf (self->monday, "%4u-%2u-%2u", &y, &m, &d);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  if (days > 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);
  g_free (self->monday);
  self->monday = g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date),
                                  g_date_get_month (&date), g_date_get_day (&date));
  g_ptr_array_set_size (self->undo, 0);
  reload (self);
}

static void
previous_week_action (GtkWidget  *widget,
                      const char *name,
                      GVariant   *parameter)
{
  move_week (PLACEMENTS_ATTENDANCE_PAGE (widget), -7);
}

static void
next_week_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  move_week (PLACEMENTS_ATTENDANCE_PAGE (widget), 7);
}

static void
this_week_action (GtkWidget  *widget,
                  const char *name,
                  GVariant   *parameter)
{
  PlacementsAttendancePage *self = PLACEMENTS_ATTENDANCE_PAGE (widget);
  g_autofree char *today = placements_timestamp_today ();

  g_free (self->monday);
  self->monday = placements_attendance_week_monday (today);
  g_ptr_array_set_size (self->undo, 0);
  reload (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *name,
             GVariant   *parameter)
{
  PlacementsAttendancePage *self = PLACEMENTS_ATTENDANCE_PAGE (widget);
  g_autoptr(GError) error = NULL;
  Undo *undo;

  if (self->undo->len == 0)
    return;
  undo = g_ptr_array_index (self->undo, self->undo->len - 1);
  if (!placements_attendance_week_save_mark (self->store, self->workplace_uuid,
                                             undo->client_uuid, undo->date, undo->part,
                                             undo->before, NULL, &error))
    g_warning ("%s", error->message);
  g_ptr_array_set_size (self->undo, self->undo->len - 1);
  reload (self);
}

static void
search_changed_cb (GtkSearchEntry           *entry,
                   PlacementsAttendancePage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autoptr(GPtrArray) found = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->found))) != NULL)
    gtk_list_box_remove (self->found, child);
  gtk_widget_set_visible (GTK_WIDGET (self->found), text[0] != '\0');
  if (text[0] == '\0' || self->store == NULL)
    return;
  found = placements_attendance_week_find_workplaces (self->store, text, 8, NULL);
  for (guint i = 0; found != NULL && i + 1 < found->len; i += 2)
    {
      GtkWidget *label = gtk_label_new (g_ptr_array_index (found, i + 1));
      GtkWidget *row = gtk_list_box_row_new ();

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      g_object_set_data_full (G_OBJECT (row), "uuid",
                              g_strdup (g_ptr_array_index (found, i)), g_free);
      gtk_list_box_append (self->found, row);
    }
}

static void
found_activated_cb (GtkListBox               *box,
                    GtkListBoxRow            *row,
                    PlacementsAttendancePage *self)
{
  GtkWidget *label = gtk_list_box_row_get_child (row);

  g_free (self->workplace_uuid);
  self->workplace_uuid = g_strdup (g_object_get_data (G_OBJECT (row), "uuid"));
  g_ptr_array_set_size (self->undo, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search), gtk_label_get_label (GTK_LABEL (label)));
  gtk_widget_set_visible (GTK_WIDGET (self->found), FALSE);
  reload (self);
}

static void
placements_attendance_page_dispose (GObject *object)
{
  PlacementsAttendancePage *self = PLACEMENTS_ATTENDANCE_PAGE (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  G_OBJECT_CLASS (placements_attendance_page_parent_class)->dispose (object);
}

static void
placements_attendance_page_finalize (GObject *object)
{
  PlacementsAttendancePage *self = PLACEMENTS_ATTENDANCE_PAGE (object);

  g_clear_object (&self->store);
  g_free (self->workplace_uuid);
  g_free (self->monday);
  g_ptr_array_unref (self->undo);
  G_OBJECT_CLASS (placements_attendance_page_parent_class)->finalize (object);
}

static void
placements_attendance_page_class_init (PlacementsAttendancePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = placements_attendance_page_dispose;
  object_class->finalize = placements_attendance_page_finalize;

  gtk_widget_class_install_action (widget_class, "attendance.previous-week", NULL,
                                   previous_week_action);
  gtk_widget_class_install_action (widget_class, "attendance.next-week", NULL,
                                   next_week_action);
  gtk_widget_class_install_action (widget_class, "attendance.this-week", NULL,
                                   this_week_action);
  gtk_widget_class_install_action (widget_class, "attendance.undo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "attendance.previous-week", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "attendance.next-week", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_ALT_MASK,
                                       "attendance.this-week", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK,
                                       "attendance.undo", NULL);
}

static GtkWidget *
week_button (const char *icon,
             const char *action,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  return button;
}

static void
placements_attendance_page_init (PlacementsAttendancePage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  g_autofree char *today = placements_timestamp_today ();

  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) undo_free);
  self->monday = placements_attendance_week_monday (today);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);

  self->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (self->search, "placeholder-text", _("Search a workplace"), NULL);
  gtk_widget_set_hexpand (GTK_WIDGET (self->search), TRUE);
  g_signal_connect (self->search, "search-changed", G_CALLBACK (search_changed_cb), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->search));
  gtk_box_append (GTK_BOX (bar), week_button ("go-previous-symbolic",
                                              "attendance.previous-week",
                                              _("Previous week (Alt+Left)")));
  gtk_box_append (GTK_BOX (bar), week_button ("x-office-calendar-symbolic",
                                              "attendance.this-week",
                                              _("This week (Alt+Home)")));
  gtk_box_append (GTK_BOX (bar), week_button ("go-next-symbolic", "attendance.next-week",
                                              _("Next week (Alt+Right)")));
  gtk_box_append (GTK_BOX (box), bar);

  self->found = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_add_css_class (GTK_WIDGET (self->found), "boxed-list");
  gtk_widget_set_visible (GTK_WIDGET (self->found), FALSE);
  g_signal_connect (self->found, "row-activated", G_CALLBACK (found_activated_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->found));

  self->week_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->week_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->week_label), "heading");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->week_label));

  self->grid_holder = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_vexpand (self->grid_holder, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->grid_holder);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (box), scroller);
  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
placements_attendance_page_new (PlacementsStore *store)
{
  PlacementsAttendancePage *self = g_object_new (PLACEMENTS_TYPE_ATTENDANCE_PAGE, NULL);

  self->store = store != NULL ? g_object_ref (store) : NULL;
  reload (self);
  return GTK_WIDGET (self);
}
