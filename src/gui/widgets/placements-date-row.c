#define G_LOG_DOMAIN "placements-date-row"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "placements-date.h"
#include "placements-date-row.h"

struct _PlacementsDateRow
{
  AdwEntryRow  parent_instance;

  /* Borrowed: children of the row */
  GtkMenuButton *calendar_button;
  GtkCalendar   *calendar;

  /* Owned */
  char          *date;
  char          *parse_error;

  /* Set while the row writes its own text, which is not the user typing. */
  gboolean       updating;
};

G_DEFINE_FINAL_TYPE (PlacementsDateRow, placements_date_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_DATE,
  PROP_PARSE_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_parse_error (PlacementsDateRow *self,
                 const char        *message)
{
  if (g_strcmp0 (self->parse_error, message) == 0)
    return;
  g_free (self->parse_error);
  self->parse_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARSE_ERROR]);
}

static void
store_date (PlacementsDateRow *self,
            const char        *date)
{
  if (date != NULL && *date == '\0')
    date = NULL;
  if (g_strcmp0 (self->date, date) == 0)
    return;
  g_free (self->date);
  self->date = g_strdup (date);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

static void
show_date (PlacementsDateRow *self)
{
  g_autofree char *text = placements_date_format_short (self->date);

  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self), text);
  self->updating = FALSE;
}

static void
text_changed_cb (PlacementsDateRow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;

  if (self->updating)
    return;

  date = placements_date_parse_short (gtk_editable_get_text (GTK_EDITABLE (self)), &error);
  if (date == NULL)
    {
      set_parse_error (self, error->message);
      return;
    }
  set_parse_error (self, NULL);
  store_date (self, date);
}

static void
calendar_shown_cb (PlacementsDateRow *self)
{
  g_autoptr(GDateTime) shown = NULL;
  int year;
  int month;
  int day;

  if (self->date != NULL && sscanf (self->date, "%4d-%2d-%2d", &year, &month, &day) == 3)
    shown = g_date_time_new_local (year, month, day, 0, 0, 0);
  else
    shown = g_date_time_new_now_local ();
  gtk_calendar_select_day (self->calendar, shown);
}

static void
day_selected_cb (PlacementsDateRow *self)
{
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->calendar);
  g_autofree char *date = g_date_time_format (picked, "%Y-%m-%d");

  /* Selecting the shown day when the popover opens is not the user's choice. */
  if (!gtk_widget_get_visible (GTK_WIDGET (gtk_menu_button_get_popover (self->calendar_button))))
    return;

  set_parse_error (self, NULL);
  store_date (self, date);
  show_date (self);
  gtk_menu_button_popdown (self->calendar_button);
}

static void
placements_date_row_finalize (GObject *object)
{
  PlacementsDateRow *self = PLACEMENTS_DATE_ROW (object);

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->parse_error, g_free);

  G_OBJECT_CLASS (placements_date_row_parent_class)->finalize (object);
}

static void
placements_date_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PlacementsDateRow *self = PLACEMENTS_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_PARSE_ERROR:
      g_value_set_string (value, self->parse_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
placements_date_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  PlacementsDateRow *self = PLACEMENTS_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      placements_date_row_set_date (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
placements_date_row_class_init (PlacementsDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = placements_date_row_finalize;
  object_class->get_property = placements_date_row_get_property;
  object_class->set_property = placements_date_row_set_property;

  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PARSE_ERROR] =
    g_param_spec_string ("parse-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
placements_date_row_init (PlacementsDateRow *self)
{
  GtkWidget *popover = gtk_popover_new ();

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  g_signal_connect_object (popover, "show", G_CALLBACK (calendar_shown_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self,
                           G_CONNECT_SWAPPED);

  self->calendar_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->calendar_button, "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (self->calendar_button, popover);
  gtk_widget_set_valign (GTK_WIDGET (self->calendar_button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->calendar_button), "flat");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->calendar_button), _("Choose a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose a Date"),
                                  -1);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), GTK_WIDGET (self->calendar_button));

  g_signal_connect (self, "changed", G_CALLBACK (text_changed_cb), NULL);
}

GtkWidget *
placements_date_row_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_DATE_ROW, NULL);
}

const char *
placements_date_row_get_date (PlacementsDateRow *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_DATE_ROW (self), NULL);
  return self->date;
}

/* Shows @date, forgetting whatever was typed. */
void
placements_date_row_set_date (PlacementsDateRow *self,
                              const char        *date)
{
  g_return_if_fail (PLACEMENTS_IS_DATE_ROW (self));

  set_parse_error (self, NULL);
  store_date (self, date);
  show_date (self);
}

const char *
placements_date_row_get_parse_error (PlacementsDateRow *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_DATE_ROW (self), NULL);
  return self->parse_error;
}
