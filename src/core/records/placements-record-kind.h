#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_RECORD_KIND (placements_record_kind_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsRecordKind, placements_record_kind, PLACEMENTS, RECORD_KIND,
                      GObject)

/*
 * The registry of record kinds: for each kind of record, what the window, the CLI and the
 * tests need to know to list it (its name, type, labels, icon, columns, default order and
 * search). Adding a kind means one entry in placements-record-kind.c. The kinds exist
 * once, for the life of the program; every function here returns them (transfer none).
 */

/* Every kind, each after the kinds it refers to: the order records are written in. */
guint                 placements_record_kind_get_n_kinds  (void);
PlacementsRecordKind *placements_record_kind_get_nth      (guint                 index);
/* The kinds the window shows as sections, in sidebar order (a GListModel of kinds). */
GListModel           *placements_record_kind_get_sections (void);
/* A kind by its name ("clients"), its record kind ("client"), or an older or common form
 * ("persons"); case and '_' for '-' do not matter. NULL if there is none. */
PlacementsRecordKind *placements_record_kind_find         (const char           *name);
PlacementsRecordKind *placements_record_kind_for_type     (GType                 record_type);

/* "clients": what the CLI and the window's actions call the kind. */
const char *placements_record_kind_get_name               (PlacementsRecordKind *self);
GType       placements_record_kind_get_record_type        (PlacementsRecordKind *self);
/* Translated: "Client", "Clients". */
const char *placements_record_kind_get_label              (PlacementsRecordKind *self);
const char *placements_record_kind_get_plural_label       (PlacementsRecordKind *self);
/* Translated, the digits grouped as the translation says: "100.000 cliënten". */
char       *placements_record_kind_dup_count_label        (PlacementsRecordKind *self,
                                                           guint                 n_records);
const char *placements_record_kind_get_icon_name          (PlacementsRecordKind *self);
gboolean    placements_record_kind_is_section             (PlacementsRecordKind *self);
/* Translated: "Search clients…"; NULL where a list of the kind cannot be searched. */
const char *placements_record_kind_get_search_placeholder (PlacementsRecordKind *self);
/* Translated: "No Clients Yet" and the advice under it. */
const char *placements_record_kind_get_empty_title        (PlacementsRecordKind *self);
const char *placements_record_kind_get_empty_description  (PlacementsRecordKind *self);

/* The list's columns: a field (property name) each, with a translated title. */
guint       placements_record_kind_get_n_columns          (PlacementsRecordKind *self);
const char *placements_record_kind_get_column_field       (PlacementsRecordKind *self,
                                                           guint                 column);
const char *placements_record_kind_get_column_title       (PlacementsRecordKind *self,
                                                           guint                 column);
gboolean    placements_record_kind_get_column_sortable    (PlacementsRecordKind *self,
                                                           guint                 column);
/* The field a list is in order of when no column was chosen, and in which direction. */
const char *placements_record_kind_get_default_sort_field (PlacementsRecordKind *self,
                                                           gboolean             *descending);

G_END_DECLS
