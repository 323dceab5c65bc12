#define G_LOG_DOMAIN "placements-section-view"

#include "config.h"

#include "placements-section-view.h"

struct _PlacementsSectionView
{
  GtkWidget             parent_instance;

  /* Owned */
  PlacementsStore      *store;

  /* Borrowed: the registry's kinds live as long as the program. */
  PlacementsRecordKind *kind;

  /* Child, NULL until loaded */
  PlacementsRecordPage *page;
};

static void view_iface_init (PlacementsViewInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlacementsSectionView, placements_section_view, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (PLACEMENTS_TYPE_VIEW, view_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  N_PROPS
};

static void
page_n_items_cb (PlacementsSectionView *self,
                 GParamSpec            *pspec,
                 PlacementsRecordPage  *page)
{
  g_object_notify (G_OBJECT (self), "n-items");
}

static void
page_activate_record_cb (PlacementsSectionView *self,
                         PlacementsRecord      *record,
                         PlacementsRecordPage  *page)
{
  placements_view_open_record (PLACEMENTS_VIEW (self), record);
}

static void
selected_item_cb (PlacementsSectionView *self,
                  GParamSpec            *pspec,
                  GtkSingleSelection    *selection)
{
  gpointer record = gtk_single_selection_get_selected_item (selection);

  /* The selection does not follow the list by itself (no autoselect): it changes when the
   * user clicks a row or moves to one, which opens it. */
  if (record != NULL)
    placements_view_open_record (PLACEMENTS_VIEW (self), record);
}

static PlacementsRecordKind *
section_view_get_kind (PlacementsView *view)
{
  return PLACEMENTS_SECTION_VIEW (view)->kind;
}

/* The list of a section is built when it is first shown: a window with seven sections over
 * a large database would otherwise read seven queries' worth of ids and rows before its
 * first frame, for lists nobody has looked at yet. */
static void
section_view_load (PlacementsView *view)
{
  PlacementsSectionView *self = PLACEMENTS_SECTION_VIEW (view);
  PlacementsRecordKind *kind = self->kind;
  GtkWidget *page;

  if (self->page != NULL)
    return;

  page = g_object_new (PLACEMENTS_TYPE_RECORD_PAGE,
                       "record-type", placements_record_kind_get_record_type (kind),
                       "title", placements_record_kind_get_plural_label (kind),
                       "search-placeholder",
                       placements_record_kind_get_search_placeholder (kind),
                       "empty-icon-name", placements_record_kind_get_icon_name (kind),
                       "empty-title", placements_record_kind_get_empty_title (kind),
                       "empty-description", placements_record_kind_get_empty_description (kind),
                       NULL);
  self->page = PLACEMENTS_RECORD_PAGE (page);
  for (guint c = 0; c < placements_record_kind_get_n_columns (kind); c++)
    placements_record_page_add_column (self->page,
                                       placements_record_kind_get_column_field (kind, c),
                                       placements_record_kind_get_column_title (kind, c),
                                       placements_record_kind_get_column_sortable (kind, c));
  placements_record_page_set_store (self->page, self->store);
  gtk_widget_set_parent (page, GTK_WIDGET (self));

  g_signal_connect_object (placements_record_page_get_selection (self->page),
                           "notify::selected-item", G_CALLBACK (selected_item_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->page, "activate-record",
                           G_CALLBACK (page_activate_record_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->page, "notify::n-items", G_CALLBACK (page_n_items_cb), self,
                           G_CONNECT_SWAPPED);
  g_object_notify (G_OBJECT (self), "n-items");
}

static guint
section_view_get_n_items (PlacementsView *view)
{
  PlacementsSectionView *self = PLACEMENTS_SECTION_VIEW (view);

  return self->page != NULL ? placements_record_page_get_n_items (self->page) : 0;
}

static void
section_view_focus_search (PlacementsView *view)
{
  PlacementsSectionView *self = PLACEMENTS_SECTION_VIEW (view);

  placements_view_load (view);
  placements_record_page_focus_search (self->page);
}

static void
section_view_focus_list (PlacementsView *view)
{
  PlacementsSectionView *self = PLACEMENTS_SECTION_VIEW (view);

  placements_view_load (view);
  placements_record_page_focus_list (self->page);
}

static void
view_iface_init (PlacementsViewInterface *iface)
{
  iface->get_kind = section_view_get_kind;
  iface->load = section_view_load;
  iface->get_n_items = section_view_get_n_items;
  iface->focus_search = section_view_focus_search;
  iface->focus_list = section_view_focus_list;
}

static void
placements_section_view_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, placements_view_get_n_items (PLACEMENTS_VIEW (object)));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
placements_section_view_dispose (GObject *object)
{
  PlacementsSectionView *self = PLACEMENTS_SECTION_VIEW (object);

  if (self->page != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->page));
      self->page = NULL;
    }
  g_clear_object (&self->store);

  G_OBJECT_CLASS (placements_section_view_parent_class)->dispose (object);
}

static void
placements_section_view_class_init (PlacementsSectionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = placements_section_view_dispose;
  object_class->get_property = placements_section_view_get_property;

  g_object_class_override_property (object_class, PROP_N_ITEMS, "n-items");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
placements_section_view_init (PlacementsSectionView *self)
{
}

/**
 * placements_section_view_new:
 * @kind: a record kind of the registry
 * @store: (nullable): the open database
 *
 * Returns: (transfer floating): a new, not yet loaded, section
 */
GtkWidget *
placements_section_view_new (PlacementsRecordKind *kind,
                             PlacementsStore      *store)
{
  PlacementsSectionView *self;

  g_return_val_if_fail (PLACEMENTS_IS_RECORD_KIND (kind), NULL);
  g_return_val_if_fail (store == NULL || PLACEMENTS_IS_STORE (store), NULL);

  self = g_object_new (PLACEMENTS_TYPE_SECTION_VIEW, NULL);
  self->kind = kind;
  g_set_object (&self->store, store);
  return GTK_WIDGET (self);
}

PlacementsRecordPage *
placements_section_view_get_page (PlacementsSectionView *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_SECTION_VIEW (self), NULL);

  return self->page;
}
