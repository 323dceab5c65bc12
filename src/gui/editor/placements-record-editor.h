#pragma once

#include <adwaita.h>

#include "placements-store.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_RECORD_EDITOR (placements_record_editor_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsRecordEditor, placements_record_editor,
                      PLACEMENTS, RECORD_EDITOR, GtkWidget)

/*
 * The detail pane: one editor for every kind of record, built from the core's field
 * declarations. Edits go to a working copy; editor.save (Ctrl+S) validates it and writes it
 * in one transaction, editor.cancel (Escape) puts the record back as it was. Opening another
 * record while there are unsaved changes asks first.
 */
GtkWidget        *placements_record_editor_new        (PlacementsStore        *store);
PlacementsStore  *placements_record_editor_get_store  (PlacementsRecordEditor *self);
void              placements_record_editor_set_store  (PlacementsRecordEditor *self,
                                                       PlacementsStore        *store);
/* The record as it is in the database (or as it will be made, for a new one). */
PlacementsRecord *placements_record_editor_get_record (PlacementsRecordEditor *self);
/* Opens @record (NULL closes); asks first when the open one has unsaved changes. */
void              placements_record_editor_set_record (PlacementsRecordEditor *self,
                                                       PlacementsRecord       *record);
/* Opens a new record of @record_type, written on the first valid save, and focuses its
 * first field. */
void              placements_record_editor_new_record (PlacementsRecordEditor *self,
                                                       GType                   record_type);
gboolean          placements_record_editor_get_dirty  (PlacementsRecordEditor *self);
/* Opens the record anew as the database has it, after a write by another part (a
 * placement's step), keeping the way back; nothing happens while there are unsaved
 * changes. */
void              placements_record_editor_reload     (PlacementsRecordEditor *self);

/* For tests and the window: the row that edits @field_name, and the message under it. */
GtkWidget        *placements_record_editor_get_field_row     (PlacementsRecordEditor *self,
                                                              const char             *field_name);
const char       *placements_record_editor_get_field_message (PlacementsRecordEditor *self,
                                                              const char             *field_name);
/* The detail pane's header bar (the record's name, Back, Cancel, Save, Delete), for the
 * window to add what belongs to its layout (a button back to the list when folded) and to
 * say which pane shows the window's own buttons. */
AdwHeaderBar     *placements_record_editor_get_header_bar    (PlacementsRecordEditor *self);
/* The sections of the open record, in order (PlacementsEditorSection widgets). */
GPtrArray        *placements_record_editor_get_sections      (PlacementsRecordEditor *self);

G_END_DECLS
