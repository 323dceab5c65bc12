#define G_LOG_DOMAIN "placements-load-group"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-date.h"
#include "placements-load-group.h"
#include "placements-placing.h"
#include "placements-record-types.h"

struct _PlacementsLoadGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Borrowed */
  AdwActionRow        *row;
  GtkLevelBar         *level_bar;

  /* Owned */
  PlacementsRecord    *draft;
  PlacementsStore     *store;
  char                *text;

  guint                n_current;
};

static void placements_load_group_section_init (PlacementsEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlacementsLoadGroup, placements_load_group,
                               ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (PLACEMENTS_TYPE_EDITOR_SECTION,
                                                      placements_load_group_section_init))

static gboolean
placement_holds_place (PlacementsPlacement *placement)
{
  return placements_placement_status_holds_place (placements_placement_get_status (placement));
}

static gboolean
pairing_is_current (PlacementsBuddyPairing *pairing,
                    const char             *today)
{
  const char *start = placements_buddy_pairing_get_start_date (pairing);
  const char *end = placements_buddy_pairing_get_end_date (pairing);

  return (start == NULL || g_strcmp0 (start, today) <= 0) &&
         (end == NULL || g_strcmp0 (end, today) >= 0);
}

static guint
count_current (PlacementsLoadGroup *self)
{
  g_autoptr(GPtrArray) records = NULL;
  g_autofree char *today = placements_date_today ();
  const char *uuid = placements_record_get_uuid (self->draft);
  guint n = 0;

  if (self->store == NULL || placements_record_get_row_id (self->draft) == 0)
    return 0;

  if (PLACEMENTS_IS_WORKPLACE (self->draft))
    records = placements_store_find (self->store, PLACEMENTS_TYPE_PLACEMENT, "workplace-uuid",
                                     uuid, NULL);
  else
    records = placements_store_find (self->store, PLACEMENTS_TYPE_BUDDY_PAIRING, "buddy-uuid",
                                     uuid, NULL);
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      gpointer record = g_ptr_array_index (records, i);

      if (PLACEMENTS_IS_PLACEMENT (record) ? placement_holds_place (record)
                                           : pairing_is_current (record, today))
        n++;
    }
  return n;
}

static void
update (PlacementsLoadGroup *self)
{
  gboolean workplace = PLACEMENTS_IS_WORKPLACE (self->draft);
  int maximum;

  g_object_get (self->draft, workplace ? "capacity" : "max-clients", &maximum, NULL);
  g_free (self->text);
  if (workplace)
    /* Translators: a workplace's occupancy: current placements of its places. */
    self->text = g_strdup_printf (ngettext ("%u of %d place taken", "%u of %d places taken",
                                            (gulong) MAX (maximum, 0)),
                                  self->n_current, maximum);
  else
    /* Translators: a buddy's load: current clients of the most they take at once. */
    self->text = g_strdup_printf (ngettext ("%u of %d client", "%u of %d clients",
                                            (gulong) MAX (maximum, 0)),
                                  self->n_current, maximum);

  adw_action_row_set_subtitle (self->row, self->text);
  gtk_level_bar_set_max_value (self->level_bar, MAX (maximum, (int) self->n_current));
  gtk_level_bar_set_value (self->level_bar, self->n_current);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->level_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, self->text, -1);
  if (maximum > 0 && (int) self->n_current > maximum)
    gtk_widget_add_css_class (GTK_WIDGET (self->row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->row), "error");
}

static void
draft_notify_cb (PlacementsLoadGroup *self)
{
  update (self);
}

static void
placements_load_group_set_record (PlacementsEditorSection *section,
                                  PlacementsStore         *store,
                                  PlacementsRecord        *draft)
{
  PlacementsLoadGroup *self = PLACEMENTS_LOAD_GROUP (section);
  gboolean workplace = PLACEMENTS_IS_WORKPLACE (draft);

  g_return_if_fail (workplace || PLACEMENTS_IS_BUDDY (draft));

  if (self->draft != NULL)
    g_signal_handlers_disconnect_by_func (self->draft, draft_notify_cb, self);
  g_set_object (&self->draft, draft);
  g_set_object (&self->store, store);
  g_signal_connect_object (draft, workplace ? "notify::capacity" : "notify::max-clients",
                           G_CALLBACK (draft_notify_cb), self, G_CONNECT_SWAPPED);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self),
                                   workplace ? _("Occupancy") : _("Load"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->row),
                                 workplace ? _("Current placements") : _("Current clients"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->level_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  workplace ? _("Occupancy") : _("Load"), -1);
  self->n_current = count_current (self);
  update (self);
}

static void
placements_load_group_section_init (PlacementsEditorSectionInterface *iface)
{
  iface->set_record = placements_load_group_set_record;
}

static void
placements_load_group_dispose (GObject *object)
{
  PlacementsLoadGroup *self = PLACEMENTS_LOAD_GROUP (object);

  g_clear_object (&self->draft);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (placements_load_group_parent_class)->dispose (object);
}

static void
placements_load_group_finalize (GObject *object)
{
  PlacementsLoadGroup *self = PLACEMENTS_LOAD_GROUP (object);

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (placements_load_group_parent_class)->finalize (object);
}

static void
placements_load_group_class_init (PlacementsLoadGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = placements_load_group_dispose;
  object_class->finalize = placements_load_group_finalize;
}

static void
placements_load_group_init (PlacementsLoadGroup *self)
{
  self->row = ADW_ACTION_ROW (adw_action_row_new ());
  self->level_bar = GTK_LEVEL_BAR (gtk_level_bar_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->level_bar), 160, -1);
  gtk_widget_set_valign (GTK_WIDGET (self->level_bar), GTK_ALIGN_CENTER);
  /* Full is what a coordinator plans for, not a warning; over full is. */
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (self->level_bar, GTK_LEVEL_BAR_OFFSET_HIGH);
  adw_action_row_add_suffix (self->row, GTK_WIDGET (self->level_bar));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->row));
}

GtkWidget *
placements_load_group_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_LOAD_GROUP, NULL);
}

const char *
placements_load_group_get_text (PlacementsLoadGroup *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_LOAD_GROUP (self), NULL);
  return self->text;
}
