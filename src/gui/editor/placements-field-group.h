#pragma once

#include <adwaita.h>

#include "placements-editor-section.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_FIELD_GROUP (placements_field_group_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsFieldGroup, placements_field_group,
                      PLACEMENTS, FIELD_GROUP, AdwPreferencesGroup)

/*
 * A boxed list of some of a record's fields, one row each, chosen by the kind of value the
 * core declares: text in entry rows, dates in date rows, codes in combo rows with their
 * translated labels, numbers in spin buttons, yes/no in switches, references in pickers.
 * Changes go into the editor's working copy at once. A field the core finds wrong gets the
 * error style and its message in a line under it.
 */
GtkWidget *placements_field_group_new              (const char           *title,
                                                    const char * const   *field_names);
/* The row that edits @field_name, or NULL. */
GtkWidget *placements_field_group_get_row          (PlacementsFieldGroup *self,
                                                    const char           *field_name);
/* The message shown under the field's row, or NULL when it shows none. */
const char *placements_field_group_get_message     (PlacementsFieldGroup *self,
                                                    const char           *field_name);
/* Gives the rows' titles mnemonics with letters not in @used, and adds them to it. */
void       placements_field_group_assign_mnemonics (PlacementsFieldGroup *self,
                                                    GHashTable           *used);
gboolean   placements_field_group_focus_first      (PlacementsFieldGroup *self);

G_END_DECLS
