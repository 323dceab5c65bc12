#define G_LOG_DOMAIN "placements-test-record-editor"

#include "config.h"

#include <adwaita.h>

#include "placements-date-row.h"
#include "placements-record-editor.h"
#include "placements-record-types.h"
#include "placements-reference-row.h"
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

  /* A window, as in the app: the unsaved-changes question needs one to belong to. */
  fixture->window = g_object_ref_sink (GTK_WINDOW (gtk_window_new ()));
  fixture->editor = PLACEMENTS_RECORD_EDITOR (placements_record_editor_new (fixture->store));
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->editor));
  gtk_window_present (fixture->window);
  placements_test_flush_events ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->window);
  g_assert_finalize_object (fixture->store);
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

#undef ADD

  return g_test_run ();
}
