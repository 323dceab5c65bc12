#pragma once

#include <gtk/gtk.h>

#include "placements-store.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_EDITOR_SECTION (placements_editor_section_get_type ())

G_DECLARE_INTERFACE (PlacementsEditorSection, placements_editor_section,
                     PLACEMENTS, EDITOR_SECTION, GtkWidget)

/*
 * A part of the record editor (as GNOME Calendar's GcalEventEditorSection): it shows and
 * edits some of the record the editor has open. The editor hands every section its working
 * copy of the record; sections that edit fields write them to it, so that the editor can
 * validate the whole, and write what the copy cannot hold in apply(), in the save's
 * transaction.
 */
struct _PlacementsEditorSectionInterface
{
  GTypeInterface parent_iface;

  void     (*set_record)    (PlacementsEditorSection  *self,
                             PlacementsStore          *store,
                             PlacementsRecord         *draft);
  /* Whether what is on screen can be written: FALSE, with a message naming the field,
   * while a field holds text that is not a value (a date that is not a date). */
  gboolean (*check)         (PlacementsEditorSection  *self,
                             GError                  **error);
  gboolean (*apply)         (PlacementsEditorSection  *self,
                             PlacementsStore          *store,
                             GError                  **error);
  /* Marks the fields @problems (PlacementsFieldError*) name; only those the user has
   * touched unless @all. */
  void     (*show_problems) (PlacementsEditorSection  *self,
                             GPtrArray                *problems,
                             gboolean                  all);
};

void     placements_editor_section_set_record    (PlacementsEditorSection  *self,
                                                  PlacementsStore          *store,
                                                  PlacementsRecord         *draft);
gboolean placements_editor_section_check         (PlacementsEditorSection  *self,
                                                  GError                  **error);
gboolean placements_editor_section_apply         (PlacementsEditorSection  *self,
                                                  PlacementsStore          *store,
                                                  GError                  **error);
void     placements_editor_section_show_problems (PlacementsEditorSection  *self,
                                                  GPtrArray                *problems,
                                                  gboolean                  all);

G_END_DECLS
