#pragma once

#include <adwaita.h>

#include "placements-record-list.h"
#include "placements-store.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_RECORD_PAGE (placements_record_page_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsRecordPage, placements_record_page,
                      PLACEMENTS, RECORD_PAGE, GtkWidget)

/* How long typing has to pause before the list is searched, in milliseconds. */
#define PLACEMENTS_RECORD_PAGE_SEARCH_DELAY 150

/*
 * A read-only table of the records of one type: a search entry over a column view whose
 * searching and sorting happen in SQL (PlacementsRecordList), with an empty state and a
 * "no results" state. @store may be NULL: the page then shows its empty state.
 */
GtkWidget            *placements_record_page_new             (PlacementsStore      *store,
                                                              GType                 record_type);
PlacementsStore      *placements_record_page_get_store       (PlacementsRecordPage *self);
void                  placements_record_page_set_store       (PlacementsRecordPage *self,
                                                              PlacementsStore      *store);
GType                 placements_record_page_get_record_type (PlacementsRecordPage *self);

/* @property is the record type's property shown; @title is already translated. Only fields
 * the core can sort by may be @sortable. */
void                  placements_record_page_add_column      (PlacementsRecordPage *self,
                                                              const char           *property,
                                                              const char           *title,
                                                              gboolean              sortable);

/* The list shown, or NULL without a store; it changes when the store does. */
PlacementsRecordList *placements_record_page_get_list        (PlacementsRecordPage *self);
/* The list's selection: the record it selects is the one the window opens. */
GtkSelectionModel    *placements_record_page_get_selection   (PlacementsRecordPage *self);
/* How many records the list shows (those that match the search). */
guint                 placements_record_page_get_n_items     (PlacementsRecordPage *self);

const char           *placements_record_page_get_search_text (PlacementsRecordPage *self);
/* Puts @text in the search entry and searches at once, without waiting for the delay. */
void                  placements_record_page_set_search_text (PlacementsRecordPage *self,
                                                              const char           *text);
void                  placements_record_page_focus_search    (PlacementsRecordPage *self);
void                  placements_record_page_focus_list      (PlacementsRecordPage *self);
void                  placements_record_page_add_filter_widget (PlacementsRecordPage *self,
                                                                GtkWidget            *widget);
void                  placements_record_page_set_n_filters   (PlacementsRecordPage *self,
                                                              guint                 n_filters);

G_END_DECLS
