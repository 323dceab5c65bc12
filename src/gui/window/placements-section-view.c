#define G_LOG_DOMAIN "placements-section-view"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-enums.h"
#include "placements-record-types.h"
#include "placements-section-view.h"

typedef enum
{
  FILTER_CONDITION,  /* a named condition of the list, on or off */
  FILTER_FLAG,       /* a yes/no field, on or off */
  FILTER_CODE,       /* one of an enum field's codes */
  FILTER_RUNG,       /* the client's ladder rung, 1 to 6 */
  FILTER_CARE,       /* the client's care organisation */
} FilterKind;

/* The filters that matter for each section, as coordinators ask them; all run in SQL. */
static const struct
{
  const char *section;
  FilterKind  kind;
  const char *key;    /* condition name or field */
  const char *label;
} section_filters[] = {
  { "clients", FILTER_CARE, "care-organisation-uuid", N_("Care _organisation") },
  { "clients", FILTER_CODE, "target-group", N_("_Target group") },
  { "clients", FILTER_RUNG, "ladder-rung", N_("_Ladder rung") },
  { "clients", FILTER_CONDITION, "active-placement", N_("Has an _active placement") },
  { "clients", FILTER_FLAG, "right-to-return", N_("_Right to return") },
  { "workplaces", FILTER_CONDITION, "free-places", N_("_Free places") },
  { "workplaces", FILTER_FLAG, "low-stimulus", N_("_Low-stimulus") },
  { "buddies", FILTER_CONDITION, "spare-load", N_("_Spare load") },
  { "pilots", FILTER_CODE, "status", N_("_Status") },
  { "placements", FILTER_CODE, "status", N_("_Status") },
};

typedef struct
{
  PlacementsSectionView *view;
  guint                  index;  /* in section_filters */
  GStrv                  values; /* what each item of a drop-down filters by; [0] is "any" */
  gboolean               active;
} Filter;

struct _PlacementsSectionView
{
  GtkWidget             parent_instance;

  /* Owned */
  PlacementsStore      *store;

  /* Borrowed: the registry's kinds live as long as the program. */
  PlacementsRecordKind *kind;

  /* Child, NULL until loaded */
  PlacementsRecordPage *page;

  /* Owned */
  GPtrArray            *filters; /* Filter* */
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

static void
filter_free (gpointer data)
{
  Filter *filter = data;

  g_strfreev (filter->values);
  g_free (filter);
}

static void
apply_filter (Filter     *filter,
              const char *value)
{
  PlacementsSectionView *self = filter->view;
  PlacementsRecordList *list = placements_record_page_get_list (self->page);
  guint n_active = 0;

  filter->active = value != NULL;
  for (guint i = 0; i < self->filters->len; i++)
    n_active += ((Filter *) g_ptr_array_index (self->filters, i))->active ? 1 : 0;
  /* Said first, so that the list's change finds the page in the right state. */
  placements_record_page_set_n_filters (self->page, n_active);
  if (list == NULL)
    return;

  switch (section_filters[filter->index].kind)
    {
    case FILTER_CONDITION:
    case FILTER_RUNG:
      placements_record_list_set_condition (list, section_filters[filter->index].key, value);
      break;

    case FILTER_FLAG:
    case FILTER_CODE:
    case FILTER_CARE:
      placements_record_list_set_filter (list, section_filters[filter->index].key, value);
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
check_toggled_cb (GtkCheckButton *check,
                  Filter         *filter)
{
  apply_filter (filter, gtk_check_button_get_active (check) ? "true" : NULL);
}

static void
drop_down_selected_cb (GtkDropDown *drop_down,
                       GParamSpec  *pspec,
                       Filter      *filter)
{
  guint selected = gtk_drop_down_get_selected (drop_down);

  apply_filter (filter, selected == 0 || selected == GTK_INVALID_LIST_POSITION
                        ? NULL : filter->values[selected]);
}

/* The choices of a drop-down filter: "Any", then each value with its label. */
static GtkStringList *
filter_choices (PlacementsSectionView *self,
                Filter                *filter)
{
  GtkStringList *labels = gtk_string_list_new (NULL);
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  FilterKind kind = section_filters[filter->index].kind;

  /* Translators: the choice of a filter that lets every record through. */
  gtk_string_list_append (labels, C_("filter", "Any"));
  g_strv_builder_add (values, "");

  if (kind == FILTER_RUNG)
    for (int rung = 1; rung <= 6; rung++)
      {
        g_autofree char *text = g_strdup_printf ("%d", rung);

        gtk_string_list_append (labels, text);
        g_strv_builder_add (values, text);
      }
  else if (kind == FILTER_CODE)
    {
      g_autoptr(PlacementsRecordClass) klass =
        g_type_class_ref (placements_record_kind_get_record_type (self->kind));
      const PlacementsField *field =
        placements_record_class_find_field (klass, section_filters[filter->index].key);
      GEnumClass *enum_class = G_PARAM_SPEC_ENUM (field->pspec)->enum_class;

      for (guint i = 0; i < enum_class->n_values; i++)
        {
          if (g_str_equal (enum_class->values[i].value_nick, "none"))
            continue;
          gtk_string_list_append (labels,
                                  placements_enum_get_label (field->pspec->value_type,
                                                             enum_class->values[i].value));
          g_strv_builder_add (values, enum_class->values[i].value_nick);
        }
    }
  else if (kind == FILTER_CARE && self->store != NULL)
    {
      /* A hundred or so providers: read once, when the section is first shown. */
      g_autoptr(GPtrArray) organisations =
        placements_store_find (self->store, PLACEMENTS_TYPE_ORGANISATION, NULL, NULL, NULL);

      for (guint i = 0; organisations != NULL && i < organisations->len; i++)
        {
          PlacementsRecord *organisation = g_ptr_array_index (organisations, i);
          PlacementsOrganisationKind org_kind =
            placements_organisation_get_kind (PLACEMENTS_ORGANISATION (organisation));
          g_autofree char *name = NULL;

          if (org_kind != PLACEMENTS_ORGANISATION_KIND_CARE_PROVIDER &&
              org_kind != PLACEMENTS_ORGANISATION_KIND_MENTAL_HEALTH_PROVIDER)
            continue;
          name = placements_record_dup_display_name (organisation, self->store);
          gtk_string_list_append (labels, name);
          g_strv_builder_add (values, placements_record_get_uuid (organisation));
        }
    }
  filter->values = g_strv_builder_end (values);
  return labels;
}

/* A "Filters" button beside the search entry, with the section's filters in its popover. */
static void
add_filters (PlacementsSectionView *self)
{
  const char *section = placements_record_kind_get_name (self->kind);
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *button;
  GtkWidget *popover;
  int row = 0;

  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint i = 0; i < G_N_ELEMENTS (section_filters); i++)
    {
      Filter *filter;

      if (!g_str_equal (section_filters[i].section, section))
        continue;
      filter = g_new0 (Filter, 1);
      filter->view = self;
      filter->index = i;
      g_ptr_array_add (self->filters, filter);

      if (section_filters[i].kind == FILTER_CONDITION || section_filters[i].kind == FILTER_FLAG)
        {
          GtkWidget *check = gtk_check_button_new_with_mnemonic (_(section_filters[i].label));

          g_signal_connect (check, "toggled", G_CALLBACK (check_toggled_cb), filter);
          gtk_grid_attach (GTK_GRID (grid), check, 0, row++, 2, 1);
        }
      else
        {
          g_autoptr(GtkStringList) choices = filter_choices (self, filter);
          GtkWidget *label = gtk_label_new_with_mnemonic (_(section_filters[i].label));
          GtkWidget *drop_down = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (choices)), NULL);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_label_set_mnemonic_widget (GTK_LABEL (label), drop_down);
          gtk_accessible_update_relation (GTK_ACCESSIBLE (drop_down),
                                          GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL,
                                          -1);
          /* Many providers: let the coordinator type a name. */
          gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down),
                                           section_filters[i].kind == FILTER_CARE);
          if (section_filters[i].kind == FILTER_CARE)
            {
              /* The drop-down takes its own reference to the expression. */
              g_autoptr(GtkExpression) name =
                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

              gtk_drop_down_set_expression (GTK_DROP_DOWN (drop_down), name);
            }
          g_signal_connect (drop_down, "notify::selected", G_CALLBACK (drop_down_selected_cb),
                            filter);
          gtk_grid_attach (GTK_GRID (grid), label, 0, row, 1, 1);
          gtk_grid_attach (GTK_GRID (grid), drop_down, 1, row++, 1, 1);
        }
    }
  if (row == 0)
    {
      g_object_ref_sink (grid);
      g_object_unref (grid);
      return;
    }

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), grid);
  button = gtk_menu_button_new ();
  gtk_menu_button_set_label (GTK_MENU_BUTTON (button), _("_Filters"));
  gtk_menu_button_set_use_underline (GTK_MENU_BUTTON (button), TRUE);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  placements_record_page_add_filter_widget (self->page, button);
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
  add_filters (self);

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
placements_section_view_finalize (GObject *object)
{
  PlacementsSectionView *self = PLACEMENTS_SECTION_VIEW (object);

  /* Only now: the filters' widgets point at them until they are gone. */
  g_clear_pointer (&self->filters, g_ptr_array_unref);

  G_OBJECT_CLASS (placements_section_view_parent_class)->finalize (object);
}

static void
placements_section_view_class_init (PlacementsSectionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = placements_section_view_dispose;
  object_class->finalize = placements_section_view_finalize;
  object_class->get_property = placements_section_view_get_property;

  g_object_class_override_property (object_class, PROP_N_ITEMS, "n-items");

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
placements_section_view_init (PlacementsSectionView *self)
{
  self->filters = g_ptr_array_new_with_free_func (filter_free);
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
