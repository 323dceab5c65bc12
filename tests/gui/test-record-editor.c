#define G_LOG_DOMAIN "placements-test-record-editor"

#include "config.h"

#include <adwaita.h>

#include "placements-date-row.h"
#include "placements-day-pattern-row.h"
#include "placements-record-editor.h"
#include "placements-record-list.h"
#include "placements-record-types.h"
#include "placements-reference-row.h"
#include "placements-related-group.h"
#include "placements-test-gui.h"
#include "placements-test-utils.h"

#define ORGANISATION_UUID "11111111-1111-4111-8111-111111111111"
#define CLIENT_UUID "22222222-2222-4222-8222-222222222222"
#define WORKPLACE_UUID "33333333-3333-4333-8333-333333333333"
#define PLACEMENT_UUID "44444444-4444-4444-8444-444444444444"

typedef struct
{
  char                   *folder;
  PlacementsStore        *store;
  GtkWindow              *window;
  PlacementsRecordEditor *editor;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  GtkWidget *overlay;

  fixture->folder = placements_test_make_folder ();
  path = g_build_filename (fixture->folder, "placements.db", NULL);
  fixture->store = placements_test_open_store (path);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_ORGANISATION, ORGANISATION_UUID,
                            "name", "Zorggroep De Linde", "kind", "care-provider",
                            "country", "nl", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_CLIENT, CLIENT_UUID,
                            "given-name", "Anouk", "family-name", "Bakker",
                            "date-of-birth", "1990-04-10",
                            "care-organisation-uuid", ORGANISATION_UUID, NULL);

  /* A window, as in the app: the unsaved-changes question needs one to belong to, and
   * the undo notice an overlay to show in. */
  fixture->window = g_object_ref_sink (GTK_WINDOW (gtk_window_new ()));
  fixture->editor = PLACEMENTS_RECORD_EDITOR (placements_record_editor_new (fixture->store));
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->editor));
  gtk_window_set_child (fixture->window, overlay);
  gtk_window_present (fixture->window);
  placements_test_flush_events ();
}

static void
close_window (Fixture *fixture)
{
  if (fixture->window == NULL)
    return;
  gtk_window_destroy (fixture->window);
  placements_test_assert_finalized (fixture->window);
  fixture->window = NULL;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  close_window (fixture);
  placements_test_assert_finalized (fixture->store);
  placements_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
}

static gpointer
load (Fixture    *fixture,
      GType       type,
      const char *uuid)
{
  g_autoptr(GError) error = NULL;
  gpointer record = placements_store_load (fixture->store, type, uuid, &error);

  g_assert_no_error (error);
  return record;
}

static void
open_client (Fixture *fixture)
{
  g_autoptr(PlacementsRecord) client = load (fixture, PLACEMENTS_TYPE_CLIENT, CLIENT_UUID);

  placements_record_editor_set_record (fixture->editor, client);
  g_assert_true (placements_record_editor_get_record (fixture->editor) == client);
}

static GtkWidget *
row (Fixture    *fixture,
     const char *field)
{
  GtkWidget *widget = placements_record_editor_get_field_row (fixture->editor, field);

  g_assert_nonnull (widget);
  return widget;
}

/* Types into an entry or date row as the user would: the whole text replaced. */
static void
type_text (Fixture    *fixture,
           const char *field,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row (fixture, field)), text);
  placements_test_flush_events ();
}

static void
save (Fixture *fixture)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.save", NULL));
  placements_test_flush_events ();
}

static char *
query (Fixture    *fixture,
       const char *sql)
{
  return placements_test_query_text (fixture->store, sql);
}

static gboolean
is_laid_out (gpointer user_data)
{
  GtkWidget *widget = user_data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

static void
assert_query (Fixture    *fixture,
              const char *sql,
              const char *expected)
{
  g_autofree char *text = query (fixture, sql);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_edit_and_save (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *family_name = NULL;
  g_autofree char *date_of_birth = NULL;
  g_autofree char *target_group = NULL;
  g_autofree char *right_to_return = NULL;

  open_client (fixture);
  g_assert_false (placements_record_editor_get_dirty (fixture->editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (fixture, "family-name"))), ==,
                   "Bakker");
  /* Dates show in the user's format (C here: the source's 22-11-2026). */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (fixture, "date-of-birth"))), ==,
                   "10-04-1990");

  type_text (fixture, "family-name", "Bakker-de Vries");
  g_assert_true (placements_record_editor_get_dirty (fixture->editor));
  /* Nothing reaches the database before the save. */
  family_name = query (fixture, "SELECT family_name FROM client");
  g_assert_cmpstr (family_name, ==, "Bakker");
  g_clear_pointer (&family_name, g_free);

  type_text (fixture, "date-of-birth", "22-11-1991");
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (fixture, "target-group")), 2);
  /* Activating it would animate the switch first. */
  gtk_switch_set_active (GTK_SWITCH (adw_action_row_get_activatable_widget (ADW_ACTION_ROW (
                           row (fixture, "right-to-return")))), TRUE);
  placements_test_flush_events ();
  save (fixture);

  g_assert_false (placements_record_editor_get_dirty (fixture->editor));
  family_name = query (fixture, "SELECT family_name FROM client");
  date_of_birth = query (fixture, "SELECT date_of_birth FROM client");
  target_group = query (fixture, "SELECT target_group FROM client");
  right_to_return = query (fixture, "SELECT right_to_return FROM client");
  g_assert_cmpstr (family_name, ==, "Bakker-de Vries");
  g_assert_cmpstr (date_of_birth, ==, "1991-11-22");
  g_assert_cmpstr (target_group, ==, "psychiatric-vulnerability");
  g_assert_cmpstr (right_to_return, ==, "1");
}

static void
test_cancel_restores (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *family_name = NULL;

  open_client (fixture);
  type_text (fixture, "family-name", "Jansen");
  g_assert_true (placements_record_editor_get_dirty (fixture->editor));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.cancel",
                                             NULL));
  g_assert_false (placements_record_editor_get_dirty (fixture->editor));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (fixture, "family-name"))), ==,
                   "Bakker");
  family_name = query (fixture, "SELECT family_name FROM client");
  g_assert_cmpstr (family_name, ==, "Bakker");
}

static void
test_refuses_invalid_bsn (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *before = placements_test_dump_database (fixture->store);
  g_autofree char *after = NULL;
  const char *message;

  open_client (fixture);
  /* 123456789 fails the eleven-test. */
  type_text (fixture, "national-id", "123456789");
  message = placements_record_editor_get_field_message (fixture->editor, "national-id");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "National id number"));
  g_assert_true (gtk_widget_has_css_class (row (fixture, "national-id"), "error"));
  /* The other fields are not blamed. */
  g_assert_null (placements_record_editor_get_field_message (fixture->editor, "family-name"));

  save (fixture);
  g_assert_true (placements_record_editor_get_dirty (fixture->editor));
  after = placements_test_dump_database (fixture->store);
  g_assert_cmpstr (after, ==, before);

  /* A valid BSN clears the mark, and saves. */
  type_text (fixture, "national-id", "111222333");
  g_assert_null (placements_record_editor_get_field_message (fixture->editor, "national-id"));
  g_assert_false (gtk_widget_has_css_class (row (fixture, "national-id"), "error"));
  save (fixture);
  g_assert_false (placements_record_editor_get_dirty (fixture->editor));
}

static void
test_typed_dates (Fixture       *fixture,
                  gconstpointer  data)
{
  PlacementsDateRow *date_row;
  g_autofree char *date_of_birth = NULL;

  open_client (fixture);
  date_row = PLACEMENTS_DATE_ROW (row (fixture, "date-of-birth"));

  type_text (fixture, "date-of-birth", "3/2/1985");
  g_assert_cmpstr (placements_date_row_get_date (date_row), ==, "1985-02-03");
  g_assert_null (placements_date_row_get_parse_error (date_row));

  type_text (fixture, "date-of-birth", "1985-02-30");
  g_assert_nonnull (placements_date_row_get_parse_error (date_row));
  type_text (fixture, "date-of-birth", "32-13-2026");
  g_assert_nonnull (placements_date_row_get_parse_error (date_row));
  g_assert_nonnull (strstr (placements_record_editor_get_field_message (fixture->editor,
                                                                         "date-of-birth"),
                            "32-13-2026"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (date_row), "error"));

  /* Text that is not a date is never saved, not even as the last good date. */
  save (fixture);
  date_of_birth = query (fixture, "SELECT date_of_birth FROM client");
  g_assert_cmpstr (date_of_birth, ==, "1990-04-10");

  /* Or picked from the calendar, which replaces what was typed. */
  {
    GtkWidget *button = placements_test_find_descendant (GTK_WIDGET (date_row),
                                                         GTK_TYPE_MENU_BUTTON);
    GtkWidget *calendar = placements_test_find_descendant (GTK_WIDGET (date_row),
                                                           GTK_TYPE_CALENDAR);
    g_autoptr(GDateTime) day = g_date_time_new_local (1988, 7, 5, 0, 0, 0);

    placements_test_wait_until (is_laid_out, button, 3000);
    gtk_menu_button_popup (GTK_MENU_BUTTON (button));
    placements_test_flush_events ();
    gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
    placements_test_flush_events ();
    g_assert_cmpstr (placements_date_row_get_date (date_row), ==, "1988-07-05");
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, "05-07-1988");
    g_assert_null (placements_date_row_get_parse_error (date_row));
  }

  /* A date in the future is a date, but not a date of birth: the core says so. */
  type_text (fixture, "date-of-birth", "01-01-2150");
  g_assert_null (placements_date_row_get_parse_error (date_row));
  g_assert_nonnull (placements_record_editor_get_field_message (fixture->editor,
                                                                "date-of-birth"));
}

static void
test_end_before_start (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PlacementsRecord) placement = NULL;
  PlacementsDayPatternRow *pattern;
  g_autofree char *end = NULL;
  const char *message;

  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_WORKPLACE, WORKPLACE_UUID,
                            "name", "Inpakafdeling", "host-organisation-uuid", ORGANISATION_UUID,
                            "capacity", "6", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PLACEMENT, PLACEMENT_UUID,
                            "client-uuid", CLIENT_UUID, "workplace-uuid", WORKPLACE_UUID,
                            "start-date", "2026-02-01", NULL);
  placement = load (fixture, PLACEMENTS_TYPE_PLACEMENT, PLACEMENT_UUID);
  placements_record_editor_set_record (fixture->editor, placement);

  type_text (fixture, "planned-end-date", "01-01-2026");
  message = placements_record_editor_get_field_message (fixture->editor, "planned-end-date");
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "Planned end date"));
  g_assert_true (gtk_widget_has_css_class (row (fixture, "planned-end-date"), "error"));

  save (fixture);
  end = query (fixture, "SELECT planned_end_date FROM placement");
  g_assert_null (end);

  /* Put right, with a week of Monday morning and Wednesday afternoon. */
  type_text (fixture, "planned-end-date", "01-01-2027");
  pattern = PLACEMENTS_DAY_PATTERN_ROW (row (fixture, "day-pattern"));
  gtk_check_button_set_active (placements_day_pattern_row_get_check (pattern, 0, FALSE), TRUE);
  gtk_check_button_set_active (placements_day_pattern_row_get_check (pattern, 2, TRUE), TRUE);
  save (fixture);
  assert_query (fixture, "SELECT planned_end_date || ' ' || day_pattern FROM placement",
                "2027-01-01 33");
}

static void
test_every_kind (Fixture       *fixture,
                 gconstpointer  data)
{
  guint n_types = 0;
  const GType *types = placements_store_get_record_types (&n_types);

  /* Every field the core declares has its row, for every kind but the audit trail, which
   * nobody edits. */
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(PlacementsRecordClass) klass = g_type_class_ref (types[i]);

      if (types[i] == PLACEMENTS_TYPE_AUDIT_EVENT)
        continue;
      placements_record_editor_new_record (fixture->editor, types[i]);
      g_assert_true (G_OBJECT_TYPE (placements_record_editor_get_record (fixture->editor)) ==
                     types[i]);
      for (guint j = 0; j < placements_record_class_get_n_fields (klass); j++)
        {
          const PlacementsField *field = placements_record_class_get_field (klass, j);

          if (placements_record_editor_get_field_row (fixture->editor,
                                                      field->pspec->name) == NULL)
            g_error ("%s has no row for %s", g_type_name (types[i]), field->pspec->name);
        }
    }
}

static void
test_new_record (Fixture       *fixture,
                 gconstpointer  data)
{
  PlacementsReferenceRow *organisation_row;
  GtkWidget *focus;
  g_autofree char *count = NULL;
  g_autofree char *host = NULL;

  placements_record_editor_new_record (fixture->editor, PLACEMENTS_TYPE_WORKPLACE);
  placements_test_flush_events ();
  /* The first field has the focus, ready to type. */
  focus = gtk_window_get_focus (fixture->window);
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, row (fixture, "name")));
  g_assert_false (placements_record_editor_get_dirty (fixture->editor));

  /* Saving it empty is refused, the required name marked. */
  type_text (fixture, "department", "Inpak");
  save (fixture);
  g_assert_nonnull (placements_record_editor_get_field_message (fixture->editor, "name"));
  count = query (fixture, "SELECT count(*) FROM workplace");
  g_assert_cmpstr (count, ==, "0");
  g_clear_pointer (&count, g_free);

  type_text (fixture, "name", "Werkplaats De Brug");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (adw_action_row_get_activatable_widget (
                               ADW_ACTION_ROW (row (fixture, "capacity")))), 6);
  organisation_row = PLACEMENTS_REFERENCE_ROW (row (fixture, "host-organisation-uuid"));
  placements_reference_row_popup (organisation_row);
  placements_test_flush_events ();
  g_assert_cmpuint (g_list_model_get_n_items (placements_reference_row_get_list (
                                                organisation_row)), ==, 1);
  placements_reference_row_pick (organisation_row, 0);
  save (fixture);

  count = query (fixture, "SELECT count(*) FROM workplace WHERE capacity = 6");
  g_assert_cmpstr (count, ==, "1");
  host = query (fixture, "SELECT host_organisation_uuid FROM workplace");
  g_assert_cmpstr (host, ==, ORGANISATION_UUID);
  g_assert_cmpint (placements_record_get_row_id (placements_record_editor_get_record (
                                                   fixture->editor)), !=, 0);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
test_unsaved_changes_ask (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(PlacementsRecord) organisation = load (fixture, PLACEMENTS_TYPE_ORGANISATION,
                                                   ORGANISATION_UUID);
  g_autoptr(PlacementsRecord) client = NULL;
  g_autofree char *family_name = NULL;
  AdwMessageDialog *dialog;

  open_client (fixture);
  type_text (fixture, "family-name", "Jansen");

  /* Cancel: nothing moves. */
  placements_record_editor_set_record (fixture->editor, organisation);
  placements_test_flush_events ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  placements_test_flush_events ();
  g_assert_true (PLACEMENTS_IS_CLIENT (placements_record_editor_get_record (fixture->editor)));
  g_assert_true (placements_record_editor_get_dirty (fixture->editor));

  /* Save: written, then the other record opens. */
  placements_record_editor_set_record (fixture->editor, organisation);
  placements_test_flush_events ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "save");
  placements_test_flush_events ();
  g_assert_true (PLACEMENTS_IS_ORGANISATION (placements_record_editor_get_record (
                                               fixture->editor)));
  family_name = query (fixture, "SELECT family_name FROM client");
  g_assert_cmpstr (family_name, ==, "Jansen");

  /* Discard: not written. */
  type_text (fixture, "name", "Zorggroep Het Anker");
  client = load (fixture, PLACEMENTS_TYPE_CLIENT, CLIENT_UUID);
  placements_record_editor_set_record (fixture->editor, client);
  g_assert_true (PLACEMENTS_IS_ORGANISATION (placements_record_editor_get_record (
                                               fixture->editor)));
  placements_test_flush_events ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  placements_test_flush_events ();
  g_assert_true (PLACEMENTS_IS_CLIENT (placements_record_editor_get_record (fixture->editor)));
  g_clear_pointer (&family_name, g_free);
  family_name = query (fixture, "SELECT name FROM organisation");
  g_assert_cmpstr (family_name, ==, "Zorggroep De Linde");
}

typedef struct
{
  PlacementsRecordList *list;
  const char           *search;
} Search;

static gboolean
has_searched (gpointer user_data)
{
  Search *search = user_data;

  return g_strcmp0 (placements_record_list_get_search_text (search->list), search->search) == 0;
}

/* Picks a record in a reference row as the user does: open the picker, type in its search,
 * click the first match. */
static void
pick (Fixture    *fixture,
      const char *field,
      const char *search,
      const char *expected_uuid)
{
  PlacementsReferenceRow *reference = PLACEMENTS_REFERENCE_ROW (row (fixture, field));
  GtkWidget *entry;
  GListModel *list;
  Search wait;

  /* A popover needs a place on screen to point at: the row laid out, as when clicked. */
  placements_test_wait_until (is_laid_out, reference, 3000);
  placements_reference_row_popup (reference);
  placements_test_flush_events ();
  entry = placements_test_find_descendant (GTK_WIDGET (reference), GTK_TYPE_SEARCH_ENTRY);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), search);
  list = placements_reference_row_get_list (reference);
  g_assert_nonnull (list);
  /* The search waits for a pause in the typing. */
  wait.list = PLACEMENTS_RECORD_LIST (list);
  wait.search = search;
  placements_test_wait_until (has_searched, &wait, 3000);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  placements_reference_row_pick (reference, 0);
  placements_test_flush_events ();
  g_assert_cmpstr (placements_reference_row_get_uuid (reference), ==, expected_uuid);
}

static void
choose (Fixture    *fixture,
        const char *field,
        guint       position)
{
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (fixture, field)), position);
  placements_test_flush_events ();
}

static void
spin (Fixture    *fixture,
      const char *field,
      double      value)
{
  GtkWidget *spin_button = adw_action_row_get_activatable_widget (ADW_ACTION_ROW (
                             row (fixture, field)));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin_button), value);
  placements_test_flush_events ();
}

static const char *
open_uuid (Fixture *fixture)
{
  return placements_record_get_uuid (placements_record_editor_get_record (fixture->editor));
}

static void
action (Fixture    *fixture,
        const char *name,
        const char *target)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), name,
                                             target != NULL ? "s" : NULL, target));
  placements_test_flush_events ();
}


static guint
n_related_rows (Fixture    *fixture,
                const char *title)
{
  GPtrArray *sections = placements_record_editor_get_sections (fixture->editor);

  for (guint i = 0; i < sections->len; i++)
    {
      gpointer section = g_ptr_array_index (sections, i);

      if (PLACEMENTS_IS_RELATED_GROUP (section) &&
          g_str_equal (adw_preferences_group_get_title (section), title))
        return placements_related_group_get_n_rows (section);
    }
  g_assert_not_reached ();
}

/*
 * A coordinator's morning, through the editor's actions and widgets: a new partner, its
 * workplace, a client with a consent and an assessment, a buddy; each edited; a wrong
 * national id number and an end before a start refused with the field marked; a delete
 * undone, a delete refused, a delete made final; then what the database holds.
 */
static void
test_coordinators_morning (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *partner = NULL;
  g_autofree char *workplace = NULL;
  g_autofree char *client = NULL;
  g_autofree char *person = NULL;
  g_autofree char *buddy = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwMessageDialog *dialog;

  /* An organisation. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->editor), "editor.cancel", NULL);
  placements_record_editor_new_record (fixture->editor, PLACEMENTS_TYPE_ORGANISATION);
  type_text (fixture, "name", "Werkbedrijf De Schakel");
  choose (fixture, "kind", PLACEMENTS_ORGANISATION_KIND_SOCIAL_EMPLOYMENT_COMPANY);
  type_text (fixture, "city", "Utrecht");
  save (fixture);
  g_assert_false (placements_record_editor_get_dirty (fixture->editor));
  partner = g_strdup (open_uuid (fixture));
  assert_query (fixture, "SELECT kind FROM organisation WHERE city = 'Utrecht'",
                "social-employment-company");

  /* A workplace with six places, at that organisation. */
  placements_record_editor_new_record (fixture->editor, PLACEMENTS_TYPE_WORKPLACE);
  type_text (fixture, "name", "Inpakafdeling");
  pick (fixture, "host-organisation-uuid", "Schakel", partner);
  spin (fixture, "capacity", 6);
  save (fixture);
  workplace = g_strdup (open_uuid (fixture));
  sql = g_strdup_printf ("SELECT capacity FROM workplace WHERE host_organisation_uuid = '%s'",
                         partner);
  assert_query (fixture, sql, "6");
  g_clear_pointer (&sql, g_free);

  /* A client; first with a national id number that fails the eleven-test. */
  placements_record_editor_new_record (fixture->editor, PLACEMENTS_TYPE_CLIENT);
  type_text (fixture, "given-name", "Sem");
  type_text (fixture, "family-name", "de Groot");
  type_text (fixture, "date-of-birth", "14-03-1990");
  pick (fixture, "care-organisation-uuid", "Linde", ORGANISATION_UUID);
  type_text (fixture, "national-id", "123456789");
  save (fixture);
  g_assert_true (gtk_widget_has_css_class (row (fixture, "national-id"), "error"));
  g_assert_nonnull (placements_record_editor_get_field_message (fixture->editor,
                                                                "national-id"));
  assert_query (fixture, "SELECT count(*) FROM client WHERE family_name = 'de Groot'", "0");
  type_text (fixture, "national-id", "111222333");
  save (fixture);
  client = g_strdup (open_uuid (fixture));
  assert_query (fixture, "SELECT date_of_birth FROM client WHERE national_id = '111222333'",
                "1990-03-14");

  /* Its consent, added from the client and back at the client when saved. */
  action (fixture, "editor.add-related", "consent/client-uuid");
  g_assert_true (PLACEMENTS_IS_CONSENT (placements_record_editor_get_record (fixture->editor)));
  pick (fixture, "receiver-uuid", "Schakel", partner);
  choose (fixture, "purpose", PLACEMENTS_CONSENT_PURPOSE_PLACEMENT);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (placements_test_find_descendant (row (fixture,
                                                                       "data-categories"),
                                                                  GTK_TYPE_CHECK_BUTTON)),
                               TRUE);
  save (fixture);
  g_assert_cmpstr (open_uuid (fixture), ==, client);
  g_assert_cmpuint (n_related_rows (fixture, "Consents"), ==, 1);

  /* And an assessment on the ladder. */
  action (fixture, "editor.add-related", "ladder-step/client-uuid");
  g_assert_true (PLACEMENTS_IS_LADDER_STEP (placements_record_editor_get_record (
                                              fixture->editor)));
  type_text (fixture, "date", "02-11-2026");
  spin (fixture, "rung", 3);
  save (fixture);
  g_assert_cmpstr (open_uuid (fixture), ==, client);
  g_assert_cmpuint (n_related_rows (fixture, "Participation Ladder"), ==, 1);
  sql = g_strdup_printf ("SELECT rung || ' ' || date FROM ladder_step WHERE client_uuid = '%s'",
                         client);
  assert_query (fixture, sql, "3 2026-11-02");
  g_clear_pointer (&sql, g_free);

  /* A buddy: a person of the partner, with the buddy role. */
  placements_record_editor_new_record (fixture->editor, PLACEMENTS_TYPE_PERSON);
  type_text (fixture, "given-name", "Joyce");
  type_text (fixture, "family-name", "Visser");
  pick (fixture, "organisation-uuid", "Schakel", partner);
  save (fixture);
  person = g_strdup (open_uuid (fixture));
  placements_record_editor_new_record (fixture->editor, PLACEMENTS_TYPE_BUDDY);
  pick (fixture, "person-uuid", "Visser", person);
  spin (fixture, "max-clients", 2);
  save (fixture);
  buddy = g_strdup (open_uuid (fixture));
  assert_query (fixture, "SELECT max_clients FROM buddy", "2");

  /* Edit each. */
  {
    const struct
    {
      GType       type;
      const char *uuid;
      const char *field;
      const char *text;
    } edits[] = {
      { PLACEMENTS_TYPE_ORGANISATION, partner, "notes", "Contact via de jobcoach" },
      { PLACEMENTS_TYPE_WORKPLACE, workplace, "department", "Logistiek" },
      { PLACEMENTS_TYPE_CLIENT, client, "goals", "Vier dagdelen per week werken" },
      { PLACEMENTS_TYPE_BUDDY, buddy, "department", "Inpak" },
    };

    for (gsize i = 0; i < G_N_ELEMENTS (edits); i++)
      {
        g_autoptr(PlacementsRecord) record = load (fixture, edits[i].type, edits[i].uuid);
        g_autofree char *text = NULL;

        placements_record_editor_set_record (fixture->editor, record);
        type_text (fixture, edits[i].field, edits[i].text);
        save (fixture);
        g_clear_object (&record);
        record = load (fixture, edits[i].type, edits[i].uuid);
        text = placements_record_dup_field_text (record, edits[i].field);
        g_assert_cmpstr (text, ==, edits[i].text);
      }
  }
  {
    g_autoptr(PlacementsRecord) record = load (fixture, PLACEMENTS_TYPE_WORKPLACE, workplace);

    placements_record_editor_set_record (fixture->editor, record);
    spin (fixture, "capacity", 8);
    save (fixture);
    sql = g_strdup_printf ("SELECT capacity FROM workplace WHERE uuid = '%s'", workplace);
    assert_query (fixture, sql, "8");
    g_clear_pointer (&sql, g_free);
  }

  /* A placement whose end comes before its start: refused, the end marked. */
  placements_record_editor_new_record (fixture->editor, PLACEMENTS_TYPE_PLACEMENT);
  pick (fixture, "client-uuid", "Groot", client);
  pick (fixture, "workplace-uuid", "Inpak", workplace);
  type_text (fixture, "start-date", "01-12-2026");
  type_text (fixture, "planned-end-date", "01-11-2026");
  save (fixture);
  g_assert_true (gtk_widget_has_css_class (row (fixture, "planned-end-date"), "error"));
  g_assert_nonnull (placements_record_editor_get_field_message (fixture->editor,
                                                                "planned-end-date"));
  assert_query (fixture, "SELECT count(*) FROM placement", "0");
  type_text (fixture, "planned-end-date", "01-06-2027");
  g_assert_false (gtk_widget_has_css_class (row (fixture, "planned-end-date"), "error"));
  save (fixture);
  assert_query (fixture, "SELECT planned_end_date FROM placement", "2027-06-01");

  /* Delete the client, and undo: back with its consent, assessment and placement. */
  {
    g_autoptr(PlacementsRecord) record = load (fixture, PLACEMENTS_TYPE_CLIENT, client);

    placements_record_editor_set_record (fixture->editor, record);
  }
  action (fixture, "editor.delete", NULL);
  g_assert_null (placements_record_editor_get_record (fixture->editor));
  sql = g_strdup_printf ("SELECT count(*) FROM client WHERE uuid = '%s'", client);
  assert_query (fixture, sql, "0");
  assert_query (fixture, "SELECT count(*) FROM consent", "0");
  assert_query (fixture, "SELECT count(*) FROM placement", "0");
  action (fixture, "editor.undo-delete", NULL);
  assert_query (fixture, sql, "1");
  g_clear_pointer (&sql, g_free);
  assert_query (fixture, "SELECT count(*) FROM consent", "1");
  assert_query (fixture, "SELECT count(*) FROM ladder_step", "1");
  assert_query (fixture, "SELECT count(*) FROM placement", "1");
  g_assert_cmpstr (open_uuid (fixture), ==, client);
  /* Logged as it happened, and the undo after it. */
  assert_query (fixture, "SELECT count(*) FROM audit_event WHERE action = 'delete'", "1");
  assert_query (fixture, "SELECT count(*) FROM audit_event WHERE detail = 'undo-delete'", "1");

  /* The partner is still needed: refused, saying by what, and nothing changes. */
  before = placements_test_dump_database (fixture->store);
  {
    g_autoptr(PlacementsRecord) record = load (fixture, PLACEMENTS_TYPE_ORGANISATION, partner);

    placements_record_editor_set_record (fixture->editor, record);
  }
  action (fixture, "editor.delete", NULL);
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 workplace"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "1 person"));
  adw_message_dialog_response (dialog, "close");
  placements_test_flush_events ();
  after = placements_test_dump_database (fixture->store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpstr (open_uuid (fixture), ==, partner);

  /* The buddy goes for good when the window closes with its notice. */
  {
    g_autoptr(PlacementsRecord) record = load (fixture, PLACEMENTS_TYPE_BUDDY, buddy);

    placements_record_editor_set_record (fixture->editor, record);
  }
  action (fixture, "editor.delete", NULL);
  assert_query (fixture, "SELECT count(*) FROM buddy", "0");
  /* Logged at once, not when the notice goes: a crash meanwhile loses no entry. */
  assert_query (fixture, "SELECT count(*) FROM audit_event WHERE action = 'delete' "
                "AND record_kind = 'buddy'", "1");
  close_window (fixture);

  /* What the database holds at the end of the morning. */
  assert_query (fixture, "SELECT group_concat(name, ', ') FROM "
                "(SELECT name FROM organisation ORDER BY name)",
                "Werkbedrijf De Schakel, Zorggroep De Linde");
  assert_query (fixture, "SELECT notes FROM organisation WHERE city = 'Utrecht'",
                "Contact via de jobcoach");
  assert_query (fixture, "SELECT name || ', ' || department || ', ' || capacity FROM workplace",
                "Inpakafdeling, Logistiek, 8");
  assert_query (fixture, "SELECT count(*) FROM client", "2");
  assert_query (fixture, "SELECT goals FROM client WHERE family_name = 'de Groot'",
                "Vier dagdelen per week werken");
  assert_query (fixture, "SELECT purpose || ' ' || data_categories FROM consent",
                "placement 1");
  assert_query (fixture, "SELECT rung FROM ladder_step", "3");
  assert_query (fixture, "SELECT family_name FROM person", "Visser");
  assert_query (fixture, "SELECT count(*) FROM buddy", "0");
  assert_query (fixture, "SELECT count(*) FROM audit_event WHERE action = 'delete'", "2");
  sql = g_strdup_printf ("SELECT record_uuids FROM audit_event WHERE action = 'delete' "
                         "AND record_kind = 'buddy'");
  assert_query (fixture, sql, buddy);
}

/* Every field row has a title with a mnemonic, none used twice in the open record, and no
 * letter of the Save and Cancel buttons. */
static void
test_mnemonics (Fixture       *fixture,
                gconstpointer  data)
{
  guint n_types = 0;
  const GType *types = placements_store_get_record_types (&n_types);

  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(PlacementsRecordClass) klass = g_type_class_ref (types[i]);
      g_autoptr(GHashTable) letters = g_hash_table_new (NULL, NULL);

      if (types[i] == PLACEMENTS_TYPE_AUDIT_EVENT)
        continue;
      g_hash_table_add (letters, GUINT_TO_POINTER ('s'));
      g_hash_table_add (letters, GUINT_TO_POINTER ('c'));
      placements_record_editor_new_record (fixture->editor, types[i]);
      for (guint j = 0; j < placements_record_class_get_n_fields (klass); j++)
        {
          const PlacementsField *field = placements_record_class_get_field (klass, j);
          AdwPreferencesRow *field_row = ADW_PREFERENCES_ROW (row (fixture, field->pspec->name));
          const char *title = adw_preferences_row_get_title (field_row);
          const char *underscore = strchr (title, '_');
          gunichar letter;

          g_assert_true (adw_preferences_row_get_use_underline (field_row));
          /* A label's own underscores are doubled; the mnemonic's is single. */
          while (underscore != NULL && underscore[1] == '_')
            underscore = strchr (underscore + 2, '_');
          if (underscore == NULL)
            g_error ("%s: “%s” has no mnemonic", g_type_name (types[i]), title);
          letter = g_unichar_tolower (g_utf8_get_char (underscore + 1));
          if (!g_hash_table_add (letters, GUINT_TO_POINTER (letter)))
            g_error ("%s: “%s” repeats a mnemonic", g_type_name (types[i]), title);
        }
    }
}

static GtkWidget *
find_related_row (Fixture    *fixture,
                  const char *group_title,
                  guint       position)
{
  GPtrArray *sections = placements_record_editor_get_sections (fixture->editor);

  for (guint i = 0; i < sections->len; i++)
    {
      gpointer section = g_ptr_array_index (sections, i);
      GtkWidget *list_box;
      GtkListBoxRow *list_row;

      if (!PLACEMENTS_IS_RELATED_GROUP (section) ||
          !g_str_equal (adw_preferences_group_get_title (section), group_title))
        continue;
      list_box = placements_test_find_descendant (section, GTK_TYPE_LIST_BOX);
      list_row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), (int) position);
      g_assert_nonnull (list_row);
      return GTK_WIDGET (list_row);
    }
  g_assert_not_reached ();
}

/* A client's related records say what a coordinator must not miss, and open on a click. */
static void
test_related_records (Fixture       *fixture,
                      gconstpointer  data)
{
  GtkWidget *consent_row;
  GtkWidget *note_row;

  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_CONSENT,
                            "55555555-5555-4555-8555-555555555555",
                            "client-uuid", CLIENT_UUID, "receiver-uuid", ORGANISATION_UUID,
                            "purpose", "placement", "data-categories", "identity",
                            "given-by", "client", "given-date", "2024-01-10",
                            "expiry-date", "2025-01-10", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PROGRESS_NOTE,
                            "66666666-6666-4666-8666-666666666666",
                            "client-uuid", CLIENT_UUID, "date", "2026-01-20",
                            "kind", "progress-talk", "text", "Gaat goed", "shareable", "false",
                            NULL);
  open_client (fixture);

  /* An expired consent and an internal note are marked, in words and in colour. */
  consent_row = find_related_row (fixture, "Consents", 0);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (consent_row)),
                            "Expired on 10-01-2025"));
  g_assert_true (gtk_widget_has_css_class (consent_row, "warning"));
  note_row = find_related_row (fixture, "Progress Notes", 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (note_row)), ==,
                   "Internal: never shared");

  /* A click opens the note; Back returns to the client. */
  g_assert_true (gtk_widget_activate (note_row));
  placements_test_flush_events ();
  g_assert_true (PLACEMENTS_IS_PROGRESS_NOTE (placements_record_editor_get_record (
                                                fixture->editor)));
  action (fixture, "editor.back", NULL);
  g_assert_cmpstr (open_uuid (fixture), ==, CLIENT_UUID);

  /* Withdrawn from the list: audited by the store as a consent change. */
  action (fixture, "editor.withdraw-consent", "55555555-5555-4555-8555-555555555555");
  assert_query (fixture, "SELECT withdrawn_date IS NOT NULL FROM consent", "1");
  assert_query (fixture, "SELECT count(*) FROM audit_event WHERE action = 'consent-change'",
                "2");
}

/* Closing the window with unsaved changes asks too; Discard lets it close. */
static void
test_close_asks (Fixture       *fixture,
                 gconstpointer  data)
{
  AdwMessageDialog *dialog;

  open_client (fixture);
  type_text (fixture, "family-name", "Jansen");
  gtk_window_close (fixture->window);
  placements_test_flush_events ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  adw_message_dialog_response (dialog, "discard");
  placements_test_flush_events ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
  assert_query (fixture, "SELECT family_name FROM client", "Bakker");
}

/* A subsidy is typed in euros and kept in cents. */
static void
test_amount_in_euros (Fixture       *fixture,
                      gconstpointer  data)
{
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PILOT,
                            "77777777-7777-4777-8777-777777777777",
                            "name", "Werkhoek Inpak", "status", "running", NULL);
  {
    g_autoptr(PlacementsRecord) pilot = load (fixture, PLACEMENTS_TYPE_PILOT,
                                              "77777777-7777-4777-8777-777777777777");

    placements_record_editor_set_record (fixture->editor, pilot);
  }
  action (fixture, "editor.add-related", "funding/pilot-uuid");
  g_assert_true (PLACEMENTS_IS_FUNDING (placements_record_editor_get_record (fixture->editor)));
  pick (fixture, "funder-uuid", "Linde", ORGANISATION_UUID);
  spin (fixture, "amount-cents", 35000.5);
  save (fixture);
  assert_query (fixture, "SELECT amount_cents FROM funding", "3500050");
  g_assert_cmpuint (n_related_rows (fixture, "Funding"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/record-editor/edit-and-save", test_edit_and_save);
  ADD ("/record-editor/cancel-restores", test_cancel_restores);
  ADD ("/record-editor/validation/bsn", test_refuses_invalid_bsn);
  ADD ("/record-editor/validation/typed-dates", test_typed_dates);
  ADD ("/record-editor/validation/end-before-start", test_end_before_start);
  ADD ("/record-editor/every-kind", test_every_kind);
  ADD ("/record-editor/new-record", test_new_record);
  ADD ("/record-editor/unsaved-changes-ask", test_unsaved_changes_ask);
  ADD ("/record-editor/coordinators-morning", test_coordinators_morning);
  ADD ("/record-editor/accessible/mnemonics", test_mnemonics);
  ADD ("/record-editor/related-records", test_related_records);
  ADD ("/record-editor/unsaved-changes-close", test_close_asks);
  ADD ("/record-editor/amount-in-euros", test_amount_in_euros);

#undef ADD

  return g_test_run ();
}
