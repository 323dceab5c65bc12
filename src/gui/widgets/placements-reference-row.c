#define G_LOG_DOMAIN "placements-reference-row"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-date.h"
#include "placements-record-list.h"
#include "placements-record-title.h"
#include "placements-reference-row.h"

struct _PlacementsReferenceRow
{
  AdwActionRow          parent_instance;

  /* Borrowed: children of the row */
  GtkMenuButton        *button;
  GtkLabel             *button_label;
  GtkSearchEntry       *search_entry;
  GtkListView          *list_view;

  /* Owned */
  PlacementsStore      *store;
  PlacementsRecordList *list;
  GtkSingleSelection   *selection;
  char                 *uuid;

  GType                 record_type;
};

G_DEFINE_FINAL_TYPE (PlacementsReferenceRow, placements_reference_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_UUID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_name (PlacementsReferenceRow *self)
{
  g_autofree char *name = NULL;

  if (self->uuid != NULL && self->store != NULL)
    {
      g_autoptr(PlacementsRecord) record =
        placements_store_load (self->store, self->record_type, self->uuid, NULL);

      if (record != NULL)
        name = placements_record_dup_title (self->store, record);
    }
  if (name == NULL || *name == '\0')
    {
      g_free (name);
      /* Translators: a reference to another record that is not filled in. */
      name = g_strdup (self->uuid == NULL ? C_("reference", "None") : self->uuid);
    }
  gtk_label_set_label (self->button_label, name);
  /* Read as "Care organisation: Zorggroep De Linde", not the name alone. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, self, NULL,
                                  -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, name, -1);
}

/* What tells two records of one name apart: two clients called Bakker, Anil are born on
 * different days. */
static char *
dup_detail (PlacementsReferenceRow *self,
            PlacementsRecord       *record)
{
  PlacementsRecordClass *klass = PLACEMENTS_RECORD_GET_CLASS (record);

  if (placements_record_class_find_field (klass, "date-of-birth") != NULL)
    {
      g_autofree char *date = placements_record_dup_field_text (record, "date-of-birth");

      return placements_date_format_short (date);
    }
  if (placements_record_class_find_field (klass, "organisation-uuid") != NULL)
    return placements_record_dup_reference_name (record, "organisation-uuid", self->store);
  if (placements_record_class_find_field (klass, "department") != NULL)
    return placements_record_dup_field_text (record, "department");
  if (placements_record_class_find_field (klass, "city") != NULL)
    return placements_record_dup_field_text (record, "city");
  return g_strdup ("");
}

static void
setup_item_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (detail), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (item, box);
}

static void
bind_item_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              PlacementsReferenceRow   *self)
{
  PlacementsRecord *record = gtk_list_item_get_item (item);
  g_autofree char *title = placements_record_dup_title (self->store, record);
  g_autofree char *detail = dup_detail (self, record);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *label = gtk_widget_get_first_child (box);
  GtkWidget *detail_label = gtk_widget_get_next_sibling (label);

  gtk_label_set_label (GTK_LABEL (label), title);
  gtk_label_set_label (GTK_LABEL (detail_label), detail);
  gtk_widget_set_visible (detail_label, *detail != '\0');
}

static void
search_changed_cb (PlacementsReferenceRow *self)
{
  if (self->list != NULL)
    placements_record_list_set_search_text (self->list,
                                            gtk_editable_get_text (GTK_EDITABLE (
                                              self->search_entry)));
}

static void
ensure_list (PlacementsReferenceRow *self)
{
  if (self->list != NULL || self->store == NULL)
    return;

  /* Made when first needed: a form has many of these rows, most never opened. */
  self->list = placements_record_list_new (self->store, self->record_type);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
}

static void
popover_shown_cb (PlacementsReferenceRow *self)
{
  ensure_list (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  search_changed_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
set_uuid_from_user (PlacementsReferenceRow *self,
                    const char             *uuid)
{
  placements_reference_row_set_uuid (self, uuid);
  gtk_menu_button_popdown (self->button);
}

static void
activate_cb (PlacementsReferenceRow *self,
             guint                   position)
{
  placements_reference_row_pick (self, position);
}

static void
search_activate_cb (PlacementsReferenceRow *self)
{
  /* Enter in the search takes the first match, as in a file chooser's location. */
  if (self->list != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->list)) > 0)
    placements_reference_row_pick (self, 0);
}

static void
clear_clicked_cb (PlacementsReferenceRow *self)
{
  set_uuid_from_user (self, NULL);
}

static void
placements_reference_row_dispose (GObject *object)
{
  PlacementsReferenceRow *self = PLACEMENTS_REFERENCE_ROW (object);

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (placements_reference_row_parent_class)->dispose (object);
}

static void
placements_reference_row_finalize (GObject *object)
{
  PlacementsReferenceRow *self = PLACEMENTS_REFERENCE_ROW (object);

  g_clear_pointer (&self->uuid, g_free);

  G_OBJECT_CLASS (placements_reference_row_parent_class)->finalize (object);
}

static void
placements_reference_row_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  PlacementsReferenceRow *self = PLACEMENTS_REFERENCE_ROW (object);

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, self->uuid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
placements_reference_row_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  PlacementsReferenceRow *self = PLACEMENTS_REFERENCE_ROW (object);

  switch (prop_id)
    {
    case PROP_UUID:
      placements_reference_row_set_uuid (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
placements_reference_row_class_init (PlacementsReferenceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = placements_reference_row_dispose;
  object_class->finalize = placements_reference_row_finalize;
  object_class->get_property = placements_reference_row_get_property;
  object_class->set_property = placements_reference_row_set_property;

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
placements_reference_row_init (PlacementsReferenceRow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clear = gtk_button_new_with_mnemonic (_("_No Reference"));
  GtkWidget *button_box;

  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search"), -1);
  g_signal_connect_object (self->search_entry, "search-changed",
                           G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate",
                           G_CALLBACK (search_activate_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->search_entry));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item_cb), NULL);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_item_cb), self, 0);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, g_object_ref (factory)));
  gtk_list_view_set_single_click_activate (self->list_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (activate_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list_view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, 320, 300);
  gtk_box_append (GTK_BOX (box), scrolled);

  g_signal_connect_object (clear, "clicked", G_CALLBACK (clear_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), clear);

  gtk_popover_set_child (GTK_POPOVER (popover), box);
  g_signal_connect_object (popover, "show", G_CALLBACK (popover_shown_cb), self,
                           G_CONNECT_SWAPPED);

  self->button_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_ellipsize (self->button_label, PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (self->button_label, 28);
  button_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (button_box), GTK_WIDGET (self->button_label));
  gtk_box_append (GTK_BOX (button_box), gtk_image_new_from_icon_name ("pan-down-symbolic"));
  self->button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_child (self->button, button_box);
  gtk_menu_button_set_popover (self->button, popover);
  gtk_widget_set_valign (GTK_WIDGET (self->button), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->button), "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self), GTK_WIDGET (self->button));
}

GtkWidget *
placements_reference_row_new (PlacementsStore *store,
                              GType            record_type)
{
  PlacementsReferenceRow *self;

  g_return_val_if_fail (store == NULL || PLACEMENTS_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, PLACEMENTS_TYPE_RECORD), NULL);

  self = g_object_new (PLACEMENTS_TYPE_REFERENCE_ROW, NULL);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->record_type = record_type;
  show_name (self);
  return GTK_WIDGET (self);
}

const char *
placements_reference_row_get_uuid (PlacementsReferenceRow *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_REFERENCE_ROW (self), NULL);
  return self->uuid;
}

void
placements_reference_row_set_uuid (PlacementsReferenceRow *self,
                                   const char             *uuid)
{
  g_return_if_fail (PLACEMENTS_IS_REFERENCE_ROW (self));

  if (uuid != NULL && *uuid == '\0')
    uuid = NULL;
  if (g_strcmp0 (self->uuid, uuid) == 0)
    return;
  g_free (self->uuid);
  self->uuid = g_strdup (uuid);
  show_name (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UUID]);
}

GListModel *
placements_reference_row_get_list (PlacementsReferenceRow *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_REFERENCE_ROW (self), NULL);
  return self->list != NULL ? G_LIST_MODEL (self->list) : NULL;
}

void
placements_reference_row_pick (PlacementsReferenceRow *self,
                               guint                   position)
{
  g_autoptr(PlacementsRecord) record = NULL;

  g_return_if_fail (PLACEMENTS_IS_REFERENCE_ROW (self));

  if (self->list == NULL)
    return;
  record = g_list_model_get_item (G_LIST_MODEL (self->list), position);
  if (record != NULL)
    set_uuid_from_user (self, placements_record_get_uuid (record));
}

void
placements_reference_row_popup (PlacementsReferenceRow *self)
{
  g_return_if_fail (PLACEMENTS_IS_REFERENCE_ROW (self));

  ensure_list (self);
  gtk_menu_button_popup (self->button);
}
