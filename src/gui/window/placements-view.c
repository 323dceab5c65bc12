#define G_LOG_DOMAIN "placements-view"

#include "config.h"

#include "placements-view.h"

G_DEFINE_INTERFACE (PlacementsView, placements_view, GTK_TYPE_WIDGET)

enum {
  OPEN_RECORD,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
placements_view_default_init (PlacementsViewInterface *iface)
{
  /**
   * PlacementsView:n-items:
   *
   * How many records the view lists.
   */
  g_object_interface_install_property (iface,
                                       g_param_spec_uint ("n-items", NULL, NULL,
                                                          0, G_MAXUINT, 0,
                                                          G_PARAM_READABLE |
                                                          G_PARAM_STATIC_STRINGS));

  /**
   * PlacementsView::open-record:
   * @record: the record the user opened
   */
  signals[OPEN_RECORD] =
    g_signal_new ("open-record", G_TYPE_FROM_INTERFACE (iface), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, PLACEMENTS_TYPE_RECORD);
}

PlacementsRecordKind *
placements_view_get_kind (PlacementsView *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_VIEW (self), NULL);

  return PLACEMENTS_VIEW_GET_IFACE (self)->get_kind (self);
}

void
placements_view_load (PlacementsView *self)
{
  g_return_if_fail (PLACEMENTS_IS_VIEW (self));

  PLACEMENTS_VIEW_GET_IFACE (self)->load (self);
}

guint
placements_view_get_n_items (PlacementsView *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_VIEW (self), 0);

  return PLACEMENTS_VIEW_GET_IFACE (self)->get_n_items (self);
}

void
placements_view_focus_search (PlacementsView *self)
{
  g_return_if_fail (PLACEMENTS_IS_VIEW (self));

  PLACEMENTS_VIEW_GET_IFACE (self)->focus_search (self);
}

void
placements_view_focus_list (PlacementsView *self)
{
  g_return_if_fail (PLACEMENTS_IS_VIEW (self));

  PLACEMENTS_VIEW_GET_IFACE (self)->focus_list (self);
}

/* For views: tells the window that the user opened @record. */
void
placements_view_open_record (PlacementsView   *self,
                             PlacementsRecord *record)
{
  g_return_if_fail (PLACEMENTS_IS_VIEW (self));
  g_return_if_fail (PLACEMENTS_IS_RECORD (record));

  g_signal_emit (self, signals[OPEN_RECORD], 0, record);
}
