#pragma once

#include <adwaita.h>

#include "placements-record.h"
#include "placements-record-kind.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_VIEW (placements_view_get_type ())

G_DECLARE_INTERFACE (PlacementsView, placements_view, PLACEMENTS, VIEW, GtkWidget)

/*
 * What the window asks of a section, as GNOME Calendar asks a GcalView: the window only
 * switches views and owns the shared actions. A view builds what it shows the first time it
 * is shown (placements_view_load ()), not when the window starts. It emits "open-record"
 * when the user opens one of its records (Enter, a double-click, a click).
 */
struct _PlacementsViewInterface
{
  GTypeInterface parent_iface;

  PlacementsRecordKind *(*get_kind)     (PlacementsView *self);
  void                  (*load)         (PlacementsView *self);
  guint                 (*get_n_items)  (PlacementsView *self);
  void                  (*focus_search) (PlacementsView *self);
  void                  (*focus_list)   (PlacementsView *self);
};

PlacementsRecordKind *placements_view_get_kind     (PlacementsView *self);
/* Builds the view's list the first time; later calls do nothing. */
void                  placements_view_load         (PlacementsView *self);
/* How many records the view lists now (0 until it is loaded). */
guint                 placements_view_get_n_items  (PlacementsView *self);
void                  placements_view_focus_search (PlacementsView *self);
void                  placements_view_focus_list   (PlacementsView *self);
void                  placements_view_open_record  (PlacementsView   *self,
                                                    PlacementsRecord *record);

G_END_DECLS
