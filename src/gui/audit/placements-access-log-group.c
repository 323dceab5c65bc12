#define G_LOG_DOMAIN "placements-access-log-group"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-access-log-group.h"
#include "placements-audit-log.h"
#include "placements-date.h"
#include "placements-record-kind.h"
#include "placements-record-types.h"

struct _PlacementsAccessLogGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Borrowed: the rows shown, which the group owns. */
  GPtrArray           *rows;
};

static void placements_access_log_group_section_init (PlacementsEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlacementsAccessLogGroup, placements_access_log_group,
                               ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (PLACEMENTS_TYPE_EDITOR_SECTION,
                                                      placements_access_log_group_section_init))

/* What happened, in the coordinator's words; the log itself keeps the fixed English. */
static const char *
describe_action (const PlacementsAuditEntry *entry)
{
  const char *action = entry->action;

  if (g_str_equal (action, "create") && g_strcmp0 (entry->detail, "undo-delete") == 0)
    return C_("access log", "Deletion undone");
  if (g_str_equal (action, "open"))
    return C_("access log", "Opened");
  if (g_str_equal (action, "create"))
    return C_("access log", "Created");
  if (g_str_equal (action, "change"))
    return C_("access log", "Changed");
  if (g_str_equal (action, "delete"))
    return C_("access log", "Deleted");
  if (g_str_equal (action, "consent-change"))
    return C_("access log", "Consent changed");
  if (g_str_equal (action, "export"))
    return C_("access log", "Sent to a partner");
  if (g_str_equal (action, "import"))
    return C_("access log", "Received from a partner");
  if (g_str_equal (action, "print"))
    return C_("access log", "Printed");
  if (g_str_equal (action, "report"))
    return C_("access log", "In a report");
  if (g_str_equal (action, "erase"))
    return C_("access log", "Erased");
  return action;
}

/* "Changed · Placement" */
static char *
dup_title (const PlacementsAuditEntry *entry)
{
  PlacementsRecordKind *kind = entry->record_kind != NULL
                               ? placements_record_kind_find (entry->record_kind) : NULL;

  if (kind == NULL)
    return g_strdup (describe_action (entry));
  /* Translators: what was done, then the kind of record it was done to. */
  return g_strdup_printf (C_("access log", "%s · %s"), describe_action (entry),
                          placements_record_kind_get_label (kind));
}

/* "23-11-2026 14:05 · jansen · placements": when (local time), who, from which program. */
static char *
dup_subtitle (const PlacementsAuditEntry *entry)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (entry->at, NULL);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autofree char *day = local != NULL ? g_date_time_format (local, "%Y-%m-%d") : NULL;
  g_autofree char *date = day != NULL ? placements_date_format_short (day) : NULL;
  g_autofree char *time = local != NULL ? g_date_time_format (local, "%H:%M") : NULL;
  g_autofree char *when = local != NULL ? g_strdup_printf ("%s %s", date, time)
                                        : g_strdup (entry->at);

  if (entry->program == NULL)
    /* Translators: when, and who (a user name on the computer). */
    return g_strdup_printf (C_("access log", "%s · %s"), when, entry->os_user);
  /* Translators: when, who (a user name on the computer), and the program used. */
  return g_strdup_printf (C_("access log", "%s · %s · %s"), when, entry->os_user,
                          entry->program);
}

static void
clear_rows (PlacementsAccessLogGroup *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self),
                                  g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
}

static void
add_row (PlacementsAccessLogGroup *self,
         const char               *title,
         const char               *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
  g_ptr_array_add (self->rows, row);
}

static void
placements_access_log_group_set_record (PlacementsEditorSection *section,
                                        PlacementsStore         *store,
                                        PlacementsRecord        *draft)
{
  PlacementsAccessLogGroup *self = PLACEMENTS_ACCESS_LOG_GROUP (section);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint n_total = 0;
  guint shown = 0;

  clear_rows (self);
  if (store == NULL || !PLACEMENTS_IS_CLIENT (draft) ||
      placements_record_get_row_id (draft) == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);

  entries = placements_audit_log_list_recent (store, placements_record_get_uuid (draft),
                                              PLACEMENTS_ACCESS_LOG_GROUP_MAX_ROWS, &n_total,
                                              &error);
  if (entries == NULL)
    {
      add_row (self, _("The access log could not be read"), error->message);
      return;
    }
  for (guint i = 0; i < entries->len; i++)
    {
      const PlacementsAuditEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *title = dup_title (entry);
      g_autofree char *subtitle = dup_subtitle (entry);

      add_row (self, title, subtitle);
      shown++;
    }
  if (n_total > shown)
    {
      g_autofree char *title = NULL;
      g_autofree char *command = NULL;
      guint older = n_total - shown;

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u older entry",
                                            "%u older entries", older), older);
      command = g_strdup_printf ("placements-cli audit --client %s",
                                 placements_record_get_uuid (draft));
      add_row (self, title, command);
    }
  if (entries->len == 0)
    add_row (self, _("No entries yet"), NULL);
}

static void
placements_access_log_group_section_init (PlacementsEditorSectionInterface *iface)
{
  iface->set_record = placements_access_log_group_set_record;
}

static void
placements_access_log_group_finalize (GObject *object)
{
  PlacementsAccessLogGroup *self = PLACEMENTS_ACCESS_LOG_GROUP (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (placements_access_log_group_parent_class)->finalize (object);
}

static void
placements_access_log_group_class_init (PlacementsAccessLogGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = placements_access_log_group_finalize;
}

static void
placements_access_log_group_init (PlacementsAccessLogGroup *self)
{
  self->rows = g_ptr_array_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self),
                                   C_("editor group", "Access Log"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Who opened, changed or sent this client’s "
                                           "record, newest first"));
}

GtkWidget *
placements_access_log_group_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_ACCESS_LOG_GROUP, NULL);
}

GStrv
placements_access_log_group_dup_entries (PlacementsAccessLogGroup *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (PLACEMENTS_IS_ACCESS_LOG_GROUP (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (self->rows, i);
      g_autofree char *line =
        g_strdup_printf ("%s\t%s", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                         adw_action_row_get_subtitle (row) != NULL
                         ? adw_action_row_get_subtitle (row) : "");

      g_strv_builder_add (builder, line);
    }
  return g_strv_builder_end (builder);
}
