#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/*
 * The sections of the editor for a kind of record, in order: its fields grouped as a
 * coordinator thinks of them (a client's person, care and funding, right to return, support
 * question and goals), then what cannot be said with fields alone (a workplace's occupancy),
 * then the records that refer to it. A field no group names lands in a last "Other" group,
 * so every field the core declares is on screen.
 *
 * Returns: (transfer full) (element-type PlacementsEditorSection): new, floating sections
 */
GPtrArray *placements_editor_layout_build (GType record_type);

G_END_DECLS
