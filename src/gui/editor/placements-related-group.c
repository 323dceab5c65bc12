#define G_LOG_DOMAIN "placements-related-group"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-date.h"
#include "placements-enum-types.h"
#include "placements-enums.h"
#include "placements-record-title.h"
#include "placements-record-types.h"
#include "placements-pilot-steps.h"
#include "placements-related-group.h"

/* More would not be a short list; the rest are in the section's own list. */
#define MAX_ROWS 50

struct _PlacementsRelatedGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Borrowed */
  GtkWidget           *add_button;

  /* Owned */
  GPtrArray           *rows;           /* GtkWidget* */
  char                *field;

  GType                record_type;
};

static void placements_related_group_section_init (PlacementsEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlacementsRelatedGroup, placements_related_group,
                               ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (PLACEMENTS_TYPE_EDITOR_SECTION,
                                                      placements_related_group_section_init))

static char *
dup_date_range (const char *start,
                const char *end)
{
  g_autofree char *start_text = placements_date_format_short (start);
  g_autofree char *end_text = placements_date_format_short (end);

  if (*start_text == '\0' && *end_text == '\0')
    return g_strdup ("");
  /* Translators: a period from a start date to an end date, either may be empty. */
  return g_strdup_printf (C_("period", "%s – %s"), start_text, end_text);
}

static char *
join (const char *first,
      const char *second)
{
  if (first == NULL || *first == '\0')
    return g_strdup (second != NULL ? second : "");
  if (second == NULL || *second == '\0')
    return g_strdup (first);
  /* Translators: between two facts about a record in one line, as "Active · 01-02-2026". */
  return g_strdup_printf (C_("record facts", "%s · %s"), first, second);
}

/* What a coordinator wants to see of a related record without opening it. Returns
 * whether the record is one to mark (an expired consent, an internal note). */
static char *
dup_subtitle (PlacementsStore  *store,
              PlacementsRecord *record,
              gboolean         *warn)
{
  g_autofree char *today = placements_date_today ();

  *warn = FALSE;
  if (PLACEMENTS_IS_PLACEMENT (record))
    {
      PlacementsPlacement *placement = PLACEMENTS_PLACEMENT (record);
      g_autofree char *period = dup_date_range (placements_placement_get_start_date (placement),
                                                placements_placement_get_planned_end_date (
                                                  placement));

      return join (placements_enum_get_label (PLACEMENTS_TYPE_PLACEMENT_STATUS,
                                              placements_placement_get_status (placement)),
                   period);
    }
  if (PLACEMENTS_IS_CONSENT (record))
    {
      PlacementsConsent *consent = PLACEMENTS_CONSENT (record);
      const char *withdrawn = placements_consent_get_withdrawn_date (consent);
      const char *expiry = placements_consent_get_expiry_date (consent);
      const char *purpose = placements_enum_get_label (PLACEMENTS_TYPE_CONSENT_PURPOSE,
                                                       placements_consent_get_purpose (consent));
      g_autofree char *state = NULL;

      if (withdrawn != NULL && *withdrawn != '\0')
        {
          g_autofree char *date = placements_date_format_short (withdrawn);

          *warn = TRUE;
          state = g_strdup_printf (_("Withdrawn on %s"), date);
        }
      else if (expiry != NULL && *expiry != '\0' && g_strcmp0 (expiry, today) < 0)
        {
          g_autofree char *date = placements_date_format_short (expiry);

          *warn = TRUE;
          state = g_strdup_printf (_("Expired on %s"), date);
        }
      else
        {
          g_autofree char *date = placements_date_format_short (
                                    placements_consent_get_given_date (consent));

          state = g_strdup_printf (_("Given on %s"), date);
        }
      return join (purpose, state);
    }
  if (PLACEMENTS_IS_PROGRESS_NOTE (record))
    {
      PlacementsProgressNote *note = PLACEMENTS_PROGRESS_NOTE (record);

      if (!placements_progress_note_get_shareable (note))
        {
          *warn = TRUE;
          return g_strdup (_("Internal: never shared"));
        }
      return g_strdup (_("Shareable"));
    }
  if (PLACEMENTS_IS_LADDER_STEP (record))
    {
      const char *uuid = placements_ladder_step_get_assessed_by_uuid (PLACEMENTS_LADDER_STEP (
                                                                        record));
      g_autoptr(PlacementsRecord) person = NULL;
      g_autofree char *name = NULL;

      if (uuid == NULL)
        return g_strdup ("");
      person = placements_store_load (store, PLACEMENTS_TYPE_PERSON, uuid, NULL);
      if (person == NULL)
        return g_strdup ("");
      name = placements_record_dup_title (store, person);
      return g_strdup_printf (_("Assessed by %s"), name);
    }
  if (PLACEMENTS_IS_ALLOCATION (record))
    {
      PlacementsAllocation *allocation = PLACEMENTS_ALLOCATION (record);

      return dup_date_range (placements_allocation_get_start_date (allocation),
                             placements_allocation_get_end_date (allocation));
    }
  if (PLACEMENTS_IS_BUDDY_PAIRING (record))
    {
      PlacementsBuddyPairing *pairing = PLACEMENTS_BUDDY_PAIRING (record);
      const char *start = placements_buddy_pairing_get_start_date (pairing);
      const char *end = placements_buddy_pairing_get_end_date (pairing);
      g_autofree char *range = dup_date_range (start, end);
      const char *state;

      /* A buddy's page lists current and past pairings: which is which, in words. */
      if (g_strcmp0 (start, today) > 0)
        state = C_("pairing", "Planned");
      else if (end != NULL && g_strcmp0 (end, today) < 0)
        state = C_("pairing", "Ended");
      else
        state = C_("pairing", "Current");
      return join (state, range);
    }
  if (PLACEMENTS_IS_PERSON (record))
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint bits = placements_person_get_roles (PLACEMENTS_PERSON (record));

      for (guint bit = 1; bit != 0 && bit <= bits; bit <<= 1)
        {
          if ((bits & bit) == 0)
            continue;
          if (text->len > 0)
            g_string_append (text, _(", "));
          g_string_append (text, placements_enum_get_label (PLACEMENTS_TYPE_PERSON_ROLE,
                                                            (int) bit));
        }
      return g_string_free (g_steal_pointer (&text), FALSE);
    }
  if (PLACEMENTS_IS_WORKPLACE (record))
    return placements_record_dup_field_text (record, "department");
  if (PLACEMENTS_IS_PILOT_PARTNER (record))
    return placements_record_dup_field_text (record, "role");
  if (PLACEMENTS_IS_SUCCESS_CRITERION (record))
    {
      PlacementsSuccessCriterion *criterion = PLACEMENTS_SUCCESS_CRITERION (record);
      const char *target = placements_success_criterion_get_target (criterion);
      const char *measured = placements_success_criterion_get_measured (criterion);
      g_autofree char *target_text = NULL;
      g_autofree char *measured_text = NULL;

      if (target != NULL)
        target_text = g_strdup_printf (_("Target: %s"), target);
      if (measured != NULL)
        measured_text = g_strdup_printf (_("Measured: %s"), measured);
      return join (target_text, measured_text);
    }
  if (PLACEMENTS_IS_FUNDING (record))
    {
      PlacementsFunding *funding = PLACEMENTS_FUNDING (record);
      g_autofree char *amount = NULL;
      g_autofree char *period = dup_date_range (placements_funding_get_start_date (funding),
                                                placements_funding_get_end_date (funding));

      amount = placements_format_euro_cents (placements_funding_get_amount_cents (funding));
      return join (amount, period);
    }
  if (PLACEMENTS_IS_BUDDY (record))
    {
      PlacementsBuddy *buddy = PLACEMENTS_BUDDY (record);
      int max_clients = placements_buddy_get_max_clients (buddy);
      g_autofree char *load = NULL;

      /* Translators: how many clients a buddy takes at once. */
      load = g_strdup_printf (ngettext ("at most %d client", "at most %d clients",
                                        (gulong) MAX (max_clients, 0)),
                              max_clients);
      return join (placements_buddy_get_department (buddy), load);
    }
  return g_strdup ("");
}

static GtkWidget *
make_row (PlacementsRelatedGroup *self,
          PlacementsStore        *store,
          PlacementsRecord       *record)
{
  PlacementsRecordClass *klass = PLACEMENTS_RECORD_GET_CLASS (record);
  g_autofree char *title = placements_record_dup_title (store, record);
  g_autofree char *subtitle = NULL;
  g_autofree char *target = NULL;
  GtkWidget *row = adw_action_row_new ();
  gboolean warn = FALSE;

  subtitle = dup_subtitle (store, record, &warn);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 *title != '\0' ? title
                                                : placements_record_class_get_label (klass));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  if (warn)
    gtk_widget_add_css_class (row, "warning");

  /* A consent can be withdrawn from here: the thing done most with one. */
  if (PLACEMENTS_IS_CONSENT (record) &&
      placements_consent_get_withdrawn_date (PLACEMENTS_CONSENT (record)) == NULL)
    {
      GtkWidget *withdraw = gtk_button_new_with_label (_("Withdraw"));

      gtk_widget_set_valign (withdraw, GTK_ALIGN_CENTER);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (withdraw), "editor.withdraw-consent");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (withdraw), "s",
                                        placements_record_get_uuid (record));
      gtk_accessible_update_property (GTK_ACCESSIBLE (withdraw),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Withdraw Consent"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), withdraw);
    }

  target = g_strdup_printf ("%s/%s", placements_record_class_get_kind (klass),
                            placements_record_get_uuid (record));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "editor.open-related");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", target);
  return row;
}

static void
placements_related_group_set_record (PlacementsEditorSection *section,
                                     PlacementsStore         *store,
                                     PlacementsRecord        *draft)
{
  PlacementsRelatedGroup *self = PLACEMENTS_RELATED_GROUP (section);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self),
                                  g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  /* A record that is not in the database yet has nothing that refers to it. */
  gtk_widget_set_visible (GTK_WIDGET (self),
                          store != NULL && placements_record_get_row_id (draft) != 0);
  if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    return;

  records = placements_store_find (store, self->record_type, self->field,
                                   placements_record_get_uuid (draft), &error);
  if (records == NULL)
    {
      g_warning ("Related records could not be read: %s", error->message);
      return;
    }

  for (guint i = 0; i < records->len && i < MAX_ROWS; i++)
    {
      GtkWidget *row = make_row (self, store, g_ptr_array_index (records, i));

      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }
  if (records->len > MAX_ROWS)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *more = NULL;

      more = g_strdup_printf (ngettext ("And %u more", "And %u more", records->len - MAX_ROWS),
                              records->len - MAX_ROWS);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), more);
      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }
  if (records->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), C_("related records", "None"));
      gtk_widget_add_css_class (row, "dim-label");
      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);
    }
}

static void
placements_related_group_section_init (PlacementsEditorSectionInterface *iface)
{
  iface->set_record = placements_related_group_set_record;
}

static void
placements_related_group_finalize (GObject *object)
{
  PlacementsRelatedGroup *self = PLACEMENTS_RELATED_GROUP (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->field, g_free);

  G_OBJECT_CLASS (placements_related_group_parent_class)->finalize (object);
}

static void
placements_related_group_class_init (PlacementsRelatedGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = placements_related_group_finalize;
}

static void
placements_related_group_init (PlacementsRelatedGroup *self)
{
  self->rows = g_ptr_array_new ();
}

GtkWidget *
placements_related_group_new (const char *title,
                              const char *add_label,
                              GType       record_type,
                              const char *field)
{
  PlacementsRelatedGroup *self = g_object_new (PLACEMENTS_TYPE_RELATED_GROUP,
                                               "title", title,
                                               NULL);

  self->record_type = record_type;
  self->field = g_strdup (field);

  self->add_button = gtk_button_new_from_icon_name ("list-add-symbolic");
  gtk_widget_add_css_class (self->add_button, "flat");
  gtk_widget_set_tooltip_text (self->add_button, add_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->add_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, add_label, -1);
  {
    g_autoptr(PlacementsRecordClass) klass = g_type_class_ref (record_type);
    g_autofree char *target = g_strdup_printf ("%s/%s", placements_record_class_get_kind (klass),
                                               field);

    gtk_actionable_set_action_target (GTK_ACTIONABLE (self->add_button), "s", target);
  }
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->add_button), "editor.add-related");
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->add_button);
  return GTK_WIDGET (self);
}

guint
placements_related_group_get_n_rows (PlacementsRelatedGroup *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RELATED_GROUP (self), 0);
  return self->rows->len;
}
