#define G_LOG_DOMAIN "placements-messages-page"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-exchange-messages.h"
#include "placements-messages-page.h"
#include "placements-record.h"

struct _PlacementsMessagesPage
{
  AdwBin               parent_instance;

  /* Template */
  GtkStack            *stack;
  AdwPreferencesPage  *page;
  AdwPreferencesGroup *group;

  /* Owned */
  PlacementsStore     *store;
  GPtrArray           *rows;
  GString             *text;
};

G_DEFINE_FINAL_TYPE (PlacementsMessagesPage, placements_messages_page, ADW_TYPE_BIN)

static const char *
kind_label (const char *kind)
{
  if (g_strcmp0 (kind, "referral") == 0)
    /* Translators: a kind of exchange message */
    return C_("message", "Referral");
  if (g_strcmp0 (kind, "update") == 0)
    return C_("message", "Update");
  if (g_strcmp0 (kind, "report") == 0)
    return C_("message", "Report");
  return kind;
}

/* The log's UTC time as the local date and time. */
static char *
format_created (const char *created)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (created, NULL);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup (created);
  local = g_date_time_to_local (utc);
  /* Translators: a date and time in the message list (strftime); Flanders writes
   * 22/11/2026, the Netherlands 22-11-2026 */
  return g_date_time_format (local, _("%d-%m-%Y %H:%M"));
}

static char *
answer_state (PlacementsMessageInfo *info)
{
  if (!info->sent)
    return g_strdup (_("Received"));
  if (info->answered == NULL)
    return g_strdup (_("Waiting for the answer"));
  if (info->n_rejected > 0)
    /* Translators: a sent message's answer: records accepted, records rejected */
    return g_strdup_printf (_("Answered: %u accepted, %u rejected"), info->n_accepted,
                            info->n_rejected);
  return g_strdup_printf (_("Answered: all %u accepted"), info->n_accepted);
}

/* The record the partner answered about, as this database knows it: NULL when it is not
 * here (any more). */
static PlacementsRecord *
load_answered_record (PlacementsMessagesPage  *self,
                      PlacementsMessageResult *result)
{
  GType type = placements_store_find_record_type (result->kind);

  if (type == G_TYPE_INVALID || result->record_uuid == NULL)
    return NULL;
  return placements_store_load (self->store, type, result->record_uuid, NULL);
}

static GtkWidget *
create_result_row (PlacementsMessagesPage  *self,
                   PlacementsMessageResult *result)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(PlacementsRecord) record = load_answered_record (self, result);
  /* A record no longer here is named by its kind and UUID, as the answer names it. */
  g_autofree char *name = record != NULL
                          ? placements_record_dup_display_name (record, self->store)
                          : g_strdup_printf ("%s %s", result->kind, result->record_uuid);
  g_autofree char *title = NULL;
  g_autofree char *why = NULL;

  /* Translators: a record the partner rejected or warned about: rejected or warning, then
   * the record's name, as "Rejected: Ladder step of Jansen, Piet" */
  title = g_strdup_printf (C_("message result", "%s: %s"),
                           g_strcmp0 (result->code, "rejected") == 0
                           ? _("Rejected") : _("Warning"),
                           name);
  /* Translators: why a record was rejected: the partner's message, then the rule */
  why = g_strdup_printf (_("%s (rule: %s)"), result->message != NULL ? result->message : "",
                         result->rule);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), why);
  if (record != NULL)
    {
      GtkWidget *open = gtk_button_new_from_icon_name ("go-next-symbolic");
      /* Translators: opens the record the partner rejected, by its name */
      g_autofree char *open_label = g_strdup_printf (_("Open %s"), name);

      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (open, "flat");
      gtk_widget_set_tooltip_text (open, open_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (open),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, open_label, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (open), "win.open-record");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (open), "(ss)", result->kind,
                                        result->record_uuid);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), open);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), open);
    }
  g_string_append_printf (self->text, "  %s — %s\n", title, why);
  return row;
}

static void
add_message (PlacementsMessagesPage *self,
             PlacementsMessageInfo  *info)
{
  gboolean has_results = info->sent && info->answered != NULL &&
                         info->n_rejected + info->n_warnings > 0;
  /* Only an answer with rejections or warnings has more to show. */
  GtkWidget *row = has_results ? adw_expander_row_new () : adw_action_row_new ();
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *date = format_created (info->created);
  g_autofree char *state = answer_state (info);
  g_autoptr(GPtrArray) results = NULL;
  const char *partner = info->partner_name != NULL ? info->partner_name : _("(deleted)");

  /* Translators: a message in the list: its kind, then the partner it went to */
  title = info->sent ? g_strdup_printf (C_("message list", "%s to %s"), kind_label (info->kind),
                                        partner)
  /* Translators: a message in the list: its kind, then the partner it came from */
                     : g_strdup_printf (C_("message list", "%s from %s"),
                                        kind_label (info->kind), partner);
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u record · %s",
                                           "%s · %u records · %s", info->n_records),
                              date, info->n_records, state);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (has_results)
    adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  else
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_string_append_printf (self->text, "%s — %s\n", title, subtitle);

  if (has_results)
    results = placements_exchange_list_results (self->store, info->message_id, NULL);
  for (guint i = 0; results != NULL && i < results->len; i++)
    {
      PlacementsMessageResult *result = g_ptr_array_index (results, i);

      /* The accepted ones are the counts' business; what needs work is listed. */
      if (g_strcmp0 (result->code, "accepted") == 0)
        continue;
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), create_result_row (self, result));
    }
  adw_preferences_group_add (self->group, row);
  g_ptr_array_add (self->rows, row);
}

void
placements_messages_page_reload (PlacementsMessagesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = NULL;

  g_return_if_fail (PLACEMENTS_IS_MESSAGES_PAGE (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_string_truncate (self->text, 0);
  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  /* The log holds one row a message: few enough to read here. */
  messages = placements_exchange_list_messages (self->store, &error);
  if (messages == NULL)
    {
      g_warning ("%s", error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  for (guint i = 0; i < messages->len; i++)
    add_message (self, g_ptr_array_index (messages, i));
  gtk_stack_set_visible_child_name (self->stack, messages->len > 0 ? "list" : "empty");
}

static void
store_changed_cb (PlacementsMessagesPage *self)
{
  /* Hidden, it is read again when shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    placements_messages_page_reload (self);
}

static void
placements_messages_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (placements_messages_page_parent_class)->map (widget);
  placements_messages_page_reload (PLACEMENTS_MESSAGES_PAGE (widget));
}

static void
placements_messages_page_dispose (GObject *object)
{
  PlacementsMessagesPage *self = PLACEMENTS_MESSAGES_PAGE (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (placements_messages_page_parent_class)->dispose (object);
}

static void
placements_messages_page_finalize (GObject *object)
{
  PlacementsMessagesPage *self = PLACEMENTS_MESSAGES_PAGE (object);

  g_string_free (self->text, TRUE);
  G_OBJECT_CLASS (placements_messages_page_parent_class)->finalize (object);
}

static void
placements_messages_page_class_init (PlacementsMessagesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = placements_messages_page_dispose;
  object_class->finalize = placements_messages_page_finalize;
  widget_class->map = placements_messages_page_map;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/example/Placements/gui/exchange/placements-messages-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PlacementsMessagesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PlacementsMessagesPage, page);
  gtk_widget_class_bind_template_child (widget_class, PlacementsMessagesPage, group);
}

static void
placements_messages_page_init (PlacementsMessagesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
  self->text = g_string_new (NULL);
}

GtkWidget *
placements_messages_page_new (PlacementsStore *store)
{
  PlacementsMessagesPage *self = g_object_new (PLACEMENTS_TYPE_MESSAGES_PAGE, NULL);

  if (store != NULL)
    {
      self->store = g_object_ref (store);
      g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  return GTK_WIDGET (self);
}

char *
placements_messages_page_dup_text (PlacementsMessagesPage *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_MESSAGES_PAGE (self), NULL);
  return g_strdup (self->text->str);
}
