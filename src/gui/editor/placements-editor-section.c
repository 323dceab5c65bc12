#define G_LOG_DOMAIN "placements-editor-section"

#include "config.h"

#include "placements-editor-section.h"

G_DEFINE_INTERFACE (PlacementsEditorSection, placements_editor_section, GTK_TYPE_WIDGET)

static void
placements_editor_section_default_init (PlacementsEditorSectionInterface *iface)
{
}

void
placements_editor_section_set_record (PlacementsEditorSection *self,
                                      PlacementsStore         *store,
                                      PlacementsRecord        *draft)
{
  g_return_if_fail (PLACEMENTS_IS_EDITOR_SECTION (self));

  PLACEMENTS_EDITOR_SECTION_GET_IFACE (self)->set_record (self, store, draft);
}

gboolean
placements_editor_section_check (PlacementsEditorSection  *self,
                                 GError                  **error)
{
  PlacementsEditorSectionInterface *iface;

  g_return_val_if_fail (PLACEMENTS_IS_EDITOR_SECTION (self), FALSE);

  iface = PLACEMENTS_EDITOR_SECTION_GET_IFACE (self);
  return iface->check == NULL || iface->check (self, error);
}

gboolean
placements_editor_section_apply (PlacementsEditorSection  *self,
                                 PlacementsStore          *store,
                                 GError                  **error)
{
  PlacementsEditorSectionInterface *iface;

  g_return_val_if_fail (PLACEMENTS_IS_EDITOR_SECTION (self), FALSE);

  iface = PLACEMENTS_EDITOR_SECTION_GET_IFACE (self);
  return iface->apply == NULL || iface->apply (self, store, error);
}

void
placements_editor_section_show_problems (PlacementsEditorSection *self,
                                         GPtrArray               *problems,
                                         gboolean                 all)
{
  PlacementsEditorSectionInterface *iface;

  g_return_if_fail (PLACEMENTS_IS_EDITOR_SECTION (self));

  iface = PLACEMENTS_EDITOR_SECTION_GET_IFACE (self);
  if (iface->show_problems != NULL)
    iface->show_problems (self, problems, all);
}
