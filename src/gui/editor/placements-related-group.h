#pragma once

#include <adwaita.h>

#include "placements-editor-section.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_RELATED_GROUP (placements_related_group_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsRelatedGroup, placements_related_group,
                      PLACEMENTS, RELATED_GROUP, AdwPreferencesGroup)

/*
 * A short boxed list of the records of @record_type whose @field refers to the record the
 * editor shows (a client's consents), with an add button. A row opens its record through
 * the editor's "editor.open-related" action; the add button makes one through
 * "editor.add-related". Hidden while the record is not saved yet: nothing can refer to it.
 */
GtkWidget *placements_related_group_new       (const char             *title,
                                               const char             *add_label,
                                               GType                   record_type,
                                               const char             *field);
guint      placements_related_group_get_n_rows (PlacementsRelatedGroup *self);

G_END_DECLS
