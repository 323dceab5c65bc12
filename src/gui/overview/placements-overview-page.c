#define G_LOG_DOMAIN "placements-overview-page"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-date.h"
#include "placements-enum-types.h"
#include "placements-enums.h"
#include "placements-overview-page.h"
#include "placements-overview.h"

/* Enough to act on today; the rest are counted, not shown. */
#define ITEMS_PER_LIST 20
/* Writes come in bursts (a save, an import): one read after the last of them. */
#define RELOAD_DELAY_MS 400

struct _PlacementsOverviewPage
{
  AdwBin                  parent_instance;

  /* Template children */
  AdwPreferencesPage     *page;
  AdwPreferencesGroup    *figures_group;

  /* Owned */
  PlacementsStore        *store;
  GCancellable           *cancellable;
  GPtrArray              *groups;        /* AdwPreferencesGroup*, the attention lists */
  GPtrArray              *figure_rows;   /* GtkWidget*, in figures_group */
  char                   *today;
  guint                   reload_source;
  gboolean                loading;
};

G_DEFINE_FINAL_TYPE (PlacementsOverviewPage, placements_overview_page, ADW_TYPE_BIN)

/* What a read on the thread found. */
typedef struct
{
  GPtrArray                 *lists[PLACEMENTS_N_ATTENTION_LISTS];
  guint                      totals[PLACEMENTS_N_ATTENTION_LISTS];
  PlacementsOverviewFigures  figures;
} Found;

static void
found_free (Found *found)
{
  for (guint i = 0; i < PLACEMENTS_N_ATTENTION_LISTS; i++)
    g_clear_pointer (&found->lists[i], g_ptr_array_unref);
  g_free (found);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Found, found_free)

typedef struct
{
  char                     *path;
  PlacementsStoreOpenFlags  flags;
  char                     *today;
  guint                     retention_years;
} Question;

static void
question_free (Question *question)
{
  g_free (question->path);
  g_free (question->today);
  g_free (question);
}

static guint
get_retention_years (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;

  /* Run from a test or the build tree, the schema may not be installed: the default. */
  if (source == NULL)
    return 2;
  schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, "retention-years"))
    return 2;
  settings = g_settings_new (APPLICATION_ID);
  return (guint) MAX (g_settings_get_int (settings, "retention-years"), 1);
}

static void
read_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Question *question = task_data;
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(Found) found = g_new0 (Found, 1);
  GError *error = NULL;

  /* A connection of its own: the window's is the main thread's. */
  store = placements_store_open_full (question->path,
                                      question->flags | PLACEMENTS_STORE_OPEN_FOR_READING,
                                      &error);
  if (store == NULL || !placements_store_begin_read (store, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  for (guint i = 0; i < PLACEMENTS_N_ATTENTION_LISTS; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      found->lists[i] = placements_overview_list (store, i, question->today,
                                                  question->retention_years, ITEMS_PER_LIST,
                                                  &found->totals[i], &error);
      if (found->lists[i] == NULL)
        break;
    }
  if (error == NULL && !g_cancellable_is_cancelled (cancellable))
    placements_overview_get_figures (store, &found->figures, &error);
  placements_store_end_read (store);
  if (error != NULL)
    g_task_return_error (task, error);
  else if (!g_task_return_error_if_cancelled (task))
    g_task_return_pointer (task, g_steal_pointer (&found), (GDestroyNotify) found_free);
}

static void
clear (PlacementsOverviewPage *self)
{
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  for (guint i = 0; i < self->figure_rows->len; i++)
    adw_preferences_group_remove (self->figures_group, g_ptr_array_index (self->figure_rows, i));
  g_ptr_array_set_size (self->figure_rows, 0);
}

static GtkWidget *
add_figure (PlacementsOverviewPage *self,
            const char             *title,
            const char             *value,
            double                  fraction)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (label, "numeric");
  if (fraction >= 0)
    {
      /* A bar for the eye; the number beside it says the same for a screen reader. */
      GtkWidget *bar = gtk_level_bar_new_for_interval (0, 1);

      gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), CLAMP (fraction, 0, 1));
      gtk_widget_set_size_request (bar, 160, -1);
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  adw_preferences_group_add (self->figures_group, row);
  g_ptr_array_add (self->figure_rows, row);
  return row;
}

static void
show_figures (PlacementsOverviewPage          *self,
              const PlacementsOverviewFigures *figures)
{
  g_autofree char *active = g_strdup_printf ("%'u", figures->active_placements);
  /* Translators: places taken, then the capacity of all workplaces together. */
  g_autofree char *occupancy = g_strdup_printf (_("%'u of %'u"), figures->occupied,
                                                figures->capacity);
  guint most = 1;

  add_figure (self, _("Active placements"), active, -1);
  add_figure (self, _("Places taken in all workplaces"), occupancy,
              figures->capacity > 0 ? figures->occupied / (double) figures->capacity : 0);
  for (guint i = 0; i < G_N_ELEMENTS (figures->clients_by_status); i++)
    most = MAX (most, figures->clients_by_status[i]);
  for (guint i = 0; i < G_N_ELEMENTS (figures->clients_by_status); i++)
    {
      g_autofree char *count = g_strdup_printf ("%'u", figures->clients_by_status[i]);
      /* Translators: clients whose latest placement has this status ("Active"). */
      g_autofree char *title = g_strdup_printf (_("Clients: %s"),
                                                placements_enum_get_label (
                                                  PLACEMENTS_TYPE_PLACEMENT_STATUS, i));

      add_figure (self, title, count, figures->clients_by_status[i] / (double) most);
    }
}

static GtkWidget *
new_item_row (PlacementsAttentionList  list,
              PlacementsAttentionItem *item)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), item->detail);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "(ss)", item->kind, item->uuid);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-record");
  if (list == PLACEMENTS_ATTENTION_RETENTION)
    {
      GtkWidget *erase = gtk_button_new_with_mnemonic (_("_Erase…"));
      g_autofree char *name = NULL;

      gtk_widget_set_valign (erase, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (erase, "destructive-action");
      /* Translators: the accessible name of a client's Erase button on the overview. */
      name = g_strdup_printf (_("Erase %s"), item->title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (erase), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      name, -1);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (erase), "s", item->uuid);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (erase), "win.erase-client");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), erase);
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  return row;
}

static void
show_lists (PlacementsOverviewPage *self,
            Found                  *found)
{
  gboolean any = FALSE;

  for (guint list = 0; list < PLACEMENTS_N_ATTENTION_LISTS; list++)
    {
      GPtrArray *items = found->lists[list];
      GtkWidget *group;

      if (items == NULL || items->len == 0)
        continue;
      any = TRUE;
      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                       placements_attention_list_get_title (list));
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                             placements_attention_list_get_description (list));
      for (guint i = 0; i < items->len; i++)
        adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                   new_item_row (list, g_ptr_array_index (items, i)));
      if (found->totals[list] > items->len)
        {
          GtkWidget *more = adw_action_row_new ();
          g_autofree char *text =
            /* Translators: below a list on the overview that shows only the first ones. */
            g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %'u more",
                                          "And %'u more", found->totals[list] - items->len),
                             found->totals[list] - items->len);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (more), text);
          if (list == PLACEMENTS_ATTENTION_RETENTION)
            adw_action_row_set_subtitle (ADW_ACTION_ROW (more),
                                         _("placements-cli retention lists them all"));
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), more);
        }
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->groups, group);
    }

  if (!any)
    {
      GtkWidget *group = adw_preferences_group_new ();
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _("Nothing needs attention today"));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (group));
      g_ptr_array_add (self->groups, group);
    }
}

static void
read_done_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(PlacementsOverviewPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(Found) found = g_task_propagate_pointer (G_TASK (result), &error);

  /* A read that a newer one replaced, or the page going away. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;
  clear (self);
  self->loading = FALSE;
  if (found == NULL)
    {
      add_figure (self, _("The Overview Could Not Be Read"), error->message, -1);
      return;
    }
  show_figures (self, &found->figures);
  show_lists (self, found);
}

void
placements_overview_page_reload (PlacementsOverviewPage *self)
{
  g_autoptr(GTask) task = NULL;
  Question *question;

  g_return_if_fail (PLACEMENTS_IS_OVERVIEW_PAGE (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store == NULL)
    return;
  /* A newer read makes an older one pointless. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->loading = TRUE;

  question = g_new0 (Question, 1);
  question->path = g_strdup (placements_store_get_path (self->store));
  question->flags = placements_store_get_open_flags (self->store);
  question->today = self->today != NULL ? g_strdup (self->today) : placements_date_today ();
  question->retention_years = get_retention_years ();

  task = g_task_new (NULL, self->cancellable, read_done_cb, g_object_ref (self));
  g_task_set_source_tag (task, placements_overview_page_reload);
  g_task_set_task_data (task, question, (GDestroyNotify) question_free);
  g_task_run_in_thread (task, read_in_thread);
}

static gboolean
reload_later_cb (gpointer user_data)
{
  PlacementsOverviewPage *self = user_data;

  self->reload_source = 0;
  placements_overview_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (PlacementsOverviewPage *self)
{
  /* Hidden, it is read again when shown. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;
  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->reload_source = g_timeout_add (RELOAD_DELAY_MS, reload_later_cb, self);
}

static void
placements_overview_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (placements_overview_page_parent_class)->map (widget);
  placements_overview_page_reload (PLACEMENTS_OVERVIEW_PAGE (widget));
}

static void
placements_overview_page_dispose (GObject *object)
{
  PlacementsOverviewPage *self = PLACEMENTS_OVERVIEW_PAGE (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->figure_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (placements_overview_page_parent_class)->dispose (object);
}

static void
placements_overview_page_finalize (GObject *object)
{
  PlacementsOverviewPage *self = PLACEMENTS_OVERVIEW_PAGE (object);

  g_free (self->today);

  G_OBJECT_CLASS (placements_overview_page_parent_class)->finalize (object);
}

static void
placements_overview_page_class_init (PlacementsOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = placements_overview_page_dispose;
  object_class->finalize = placements_overview_page_finalize;
  widget_class->map = placements_overview_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
    "/org/example/Placements/gui/overview/placements-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlacementsOverviewPage, page);
  gtk_widget_class_bind_template_child (widget_class, PlacementsOverviewPage, figures_group);
}

static void
placements_overview_page_init (PlacementsOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->groups = g_ptr_array_new ();
  self->figure_rows = g_ptr_array_new ();
}

GtkWidget *
placements_overview_page_new (PlacementsStore *store)
{
  PlacementsOverviewPage *self = g_object_new (PLACEMENTS_TYPE_OVERVIEW_PAGE, NULL);

  if (store != NULL)
    {
      self->store = g_object_ref (store);
      g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  return GTK_WIDGET (self);
}

gboolean
placements_overview_page_is_loading (PlacementsOverviewPage *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_OVERVIEW_PAGE (self), FALSE);
  return self->loading;
}

void
placements_overview_page_set_today (PlacementsOverviewPage *self,
                                    const char             *today)
{
  g_return_if_fail (PLACEMENTS_IS_OVERVIEW_PAGE (self));
  g_free (self->today);
  self->today = g_strdup (today);
}
