#pragma once

#include <gio/gio.h>

#include "placements-store.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_RECORD_LIST (placements_record_list_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsRecordList, placements_record_list, PLACEMENTS, RECORD_LIST,
                      GObject)

/*
 * A GListModel of the records of one type, as one SQL query: the list keeps only
 * the ordered row ids, and makes record objects for the rows that are asked for,
 * a page at a time, in a bounded cache. Search, filters and sorting are SQL.
 */
PlacementsRecordList *placements_record_list_new             (PlacementsStore      *store,
                                                              GType                 record_type);
/* The same list, reading its order (the query over all rows) on a worker thread with a
 * connection of its own, for a window that must not wait: a change shows when the answer
 * comes, and is-loading says one is under way. A database without a file is read as
 * placements_record_list_new() reads it. */
PlacementsRecordList *placements_record_list_new_threaded    (PlacementsStore      *store,
                                                              GType                 record_type);
gboolean              placements_record_list_is_loading      (PlacementsRecordList *self);
PlacementsStore      *placements_record_list_get_store       (PlacementsRecordList *self);
GType                 placements_record_list_get_record_type (PlacementsRecordList *self);

const char           *placements_record_list_get_search_text (PlacementsRecordList *self);
/* Words of @text must all occur (as word starts) in the record's searchable fields. */
void                  placements_record_list_set_search_text (PlacementsRecordList *self,
                                                              const char           *text);
const char           *placements_record_list_get_sort_field  (PlacementsRecordList *self);
gboolean              placements_record_list_get_sort_descending (PlacementsRecordList *self);
/* Sorts by a field (property name), or by the type's default order when NULL. */
void                  placements_record_list_set_sort        (PlacementsRecordList *self,
                                                              const char           *field,
                                                              gboolean              descending);
/* Keeps only records whose @field equals @value; a NULL @value removes the filter. */
void                  placements_record_list_set_filter      (PlacementsRecordList *self,
                                                              const char           *field,
                                                              const char           *value);
/* Keeps only records for which the named condition holds with @value ("true"/"false" or a
 * number): "active-placement", "ladder-rung" (the client's latest step) for clients,
 * "free-places" for workplaces, "spare-load" for buddies. A NULL @value removes it. */
gboolean              placements_record_list_has_condition   (PlacementsRecordList *self,
                                                              const char           *name);
void                  placements_record_list_set_condition   (PlacementsRecordList *self,
                                                              const char           *name,
                                                              const char           *value);
/* Runs the query again now (the list also does so by itself on every change). */
void                  placements_record_list_refresh         (PlacementsRecordList *self);
/* The position of the record with @uuid, or -1. */
int                   placements_record_list_find            (PlacementsRecordList *self,
                                                              const char           *uuid);
/* Why the list could not be read the last time, or NULL; it is then empty. */
const GError         *placements_record_list_get_error       (PlacementsRecordList *self);
/* How many record objects the list holds right now (for tests and benchmarks). */
guint                 placements_record_list_get_n_cached    (PlacementsRecordList *self);

G_END_DECLS
