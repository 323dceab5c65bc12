#define G_LOG_DOMAIN "placements-erase-group"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-erase-group.h"
#include "placements-record-types.h"

struct _PlacementsEraseGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Borrowed */
  GtkWidget           *button;
};

static void placements_erase_group_section_init (PlacementsEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlacementsEraseGroup, placements_erase_group,
                               ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (PLACEMENTS_TYPE_EDITOR_SECTION,
                                                      placements_erase_group_section_init))

static void
placements_erase_group_set_record (PlacementsEditorSection *section,
                                   PlacementsStore         *store,
                                   PlacementsRecord        *draft)
{
  PlacementsEraseGroup *self = PLACEMENTS_ERASE_GROUP (section);
  gboolean saved = store != NULL && PLACEMENTS_IS_CLIENT (draft) &&
                   placements_record_get_row_id (draft) != 0;

  gtk_widget_set_visible (GTK_WIDGET (self), saved);
  /* The target first: the action takes a string, and a button naming it without one
   * warns. */
  if (saved)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->button), "s",
                                        placements_record_get_uuid (draft));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button), "win.erase-client");
    }
}

static void
placements_erase_group_section_init (PlacementsEditorSectionInterface *iface)
{
  iface->set_record = placements_erase_group_set_record;
}

static void
placements_erase_group_class_init (PlacementsEraseGroupClass *klass)
{
}

static void
placements_erase_group_init (PlacementsEraseGroup *self)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Erase This Client"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Removes the client and everything about them from the "
                                 "database for good, as the right to erasure asks"));
  self->button = gtk_button_new_with_mnemonic (_("_Erase…"));
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (self->button, "destructive-action");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
}

GtkWidget *
placements_erase_group_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_ERASE_GROUP, NULL);
}

GtkWidget *
placements_erase_group_get_button (PlacementsEraseGroup *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_ERASE_GROUP (self), NULL);
  return self->button;
}
