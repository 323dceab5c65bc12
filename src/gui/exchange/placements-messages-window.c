#define G_LOG_DOMAIN "placements-messages-window"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-exchange-messages.h"
#include "placements-messages-window.h"

struct _PlacementsMessagesWindow
{
  AdwWindow            parent_instance;

  /* Template */
  GtkStack            *stack;
  AdwPreferencesGroup *group;

  /* Owned */
  GString             *text;
};

G_DEFINE_FINAL_TYPE (PlacementsMessagesWindow, placements_messages_window, ADW_TYPE_WINDOW)

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

static void
add_message (PlacementsMessagesWindow *self,
             PlacementsStore          *store,
             PlacementsMessageInfo    *info)
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
  title = info->sent ? g_strdup_printf (C_("message list", "%s to %s"), kind_label (info->kind), partner)
  /* Translators: a message in the list: its kind, then the partner it came from */
                     : g_strdup_printf (C_("message list", "%s from %s"), kind_label (info->kind), partner);
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
    results = placements_exchange_list_results (store, info->message_id, NULL);
  for (guint i = 0; results != NULL && i < results->len; i++)
    {
      PlacementsMessageResult *result = g_ptr_array_index (results, i);
      GtkWidget *result_row;
      g_autofree char *why = NULL;

      /* The accepted ones are the counts' business; what needs work is listed. */
      if (g_strcmp0 (result->code, "accepted") == 0)
        continue;
      result_row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (result_row),
                                     g_strcmp0 (result->code, "rejected") == 0
                                     ? _("Rejected") : _("Warning"));
      /* Translators: why a record was rejected: the partner's message, the rule */
      why = g_strdup_printf (_("%s %s: %s (rule: %s)"), result->kind, result->record_uuid,
                             result->message != NULL ? result->message : "", result->rule);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (result_row), why);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (result_row), FALSE);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), result_row);
      g_string_append_printf (self->text, "  %s\n", why);
    }
  adw_preferences_group_add (self->group, row);
}

static void
placements_messages_window_finalize (GObject *object)
{
  PlacementsMessagesWindow *self = PLACEMENTS_MESSAGES_WINDOW (object);

  g_string_free (self->text, TRUE);
  G_OBJECT_CLASS (placements_messages_window_parent_class)->finalize (object);
}

static void
placements_messages_window_class_init (PlacementsMessagesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = placements_messages_window_finalize;
  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/example/Placements/gui/exchange/placements-messages-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlacementsMessagesWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, PlacementsMessagesWindow, group);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
placements_messages_window_init (PlacementsMessagesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->text = g_string_new (NULL);
}

PlacementsMessagesWindow *
placements_messages_window_new (GtkWindow       *parent,
                                PlacementsStore *store)
{
  PlacementsMessagesWindow *self = g_object_new (PLACEMENTS_TYPE_MESSAGES_WINDOW,
                                                 "transient-for", parent, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) messages = placements_exchange_list_messages (store, &error);

  if (messages == NULL)
    {
      g_warning ("%s", error->message);
      return self;
    }
  for (guint i = 0; i < messages->len; i++)
    add_message (self, store, g_ptr_array_index (messages, i));
  gtk_stack_set_visible_child_name (self->stack, messages->len > 0 ? "list" : "empty");
  return self;
}

char *
placements_messages_window_dup_text (PlacementsMessagesWindow *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_MESSAGES_WINDOW (self), NULL);
  return g_strdup (self->text->str);
}
