#define G_LOG_DOMAIN "placements-send-group"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-record-types.h"
#include "placements-send-group.h"

struct _PlacementsSendGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Borrowed */
  GtkWidget           *button;
};

static void placements_send_group_section_init (PlacementsEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlacementsSendGroup, placements_send_group,
                               ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (PLACEMENTS_TYPE_EDITOR_SECTION,
                                                      placements_send_group_section_init))

static void
placements_send_group_set_record (PlacementsEditorSection *section,
                                  PlacementsStore         *store,
                                  PlacementsRecord        *draft)
{
  PlacementsSendGroup *self = PLACEMENTS_SEND_GROUP (section);
  gboolean saved = store != NULL && PLACEMENTS_IS_CLIENT (draft) &&
                   placements_record_get_row_id (draft) != 0;

  gtk_widget_set_visible (GTK_WIDGET (self), saved);
  /* The target first: the action takes a string, and a button naming it without one
   * warns. */
  if (saved)
    {
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->button), "s",
                                        placements_record_get_uuid (draft));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->button), "win.send-client");
    }
}

static void
placements_send_group_section_init (PlacementsEditorSectionInterface *iface)
{
  iface->set_record = placements_send_group_set_record;
}

static void
placements_send_group_class_init (PlacementsSendGroupClass *klass)
{
}

static void
placements_send_group_init (PlacementsSendGroup *self)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self),
                                   C_("editor group", "Exchange"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Send to a Partner"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("A file with this client for an organisation they gave "
                                 "consent for; the dialog says what travels"));
  self->button = gtk_button_new_with_mnemonic (_("_Send…"));
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->button);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
}

GtkWidget *
placements_send_group_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_SEND_GROUP, NULL);
}

GtkWidget *
placements_send_group_get_button (PlacementsSendGroup *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_SEND_GROUP (self), NULL);
  return self->button;
}
