#define G_LOG_DOMAIN "placements-test-placing-gui"

#include "config.h"

#include <adwaita.h>

#include "placements-date.h"
#include "placements-day-pattern-row.h"
#include "placements-end-dialog.h"
#include "placements-pilot-group.h"
#include "placements-report-group.h"
#include "placements-evaluation-group.h"
#include "placements-bar-chart.h"
#include "placements-place-dialog.h"
#include "placements-reference-row.h"
#include "placements-related-group.h"
#include "placements-placing-group.h"
#include "placements-record-editor.h"
#include "placements-record-types.h"
#include "placements-test-gui.h"
#include "placements-test-utils.h"
#include "placements-workplace-fit.h"

/*
 * The Place flow and a placement's steps in the window, driven by their actions: a client
 * placed from a workplace (the ranking's first choice is the one that fits, on data made
 * for it), then taken through every step to its end, the database read after each.
 */

#define CARE "10000000-0000-4000-8000-000000000001"
#define HOST "10000000-0000-4000-8000-000000000002"
#define FAR_HOST "10000000-0000-4000-8000-000000000003"
#define CLIENT "20000000-0000-4000-8000-000000000001"
#define CALM_CORNER "30000000-0000-4000-8000-000000000001"
#define BUSY_HALL "30000000-0000-4000-8000-000000000002"
#define FAR_CORNER "30000000-0000-4000-8000-000000000003"
#define BUDDY_PERSON "40000000-0000-4000-8000-000000000001"
#define SUPERVISOR "40000000-0000-4000-8000-000000000002"
#define BUDDY "50000000-0000-4000-8000-000000000001"

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
  PlacementsStore *store;
  GtkWidget *overlay;

  fixture->folder = placements_test_make_folder ();
  path = g_build_filename (fixture->folder, "placements.db", NULL);
  store = fixture->store = placements_test_open_store (path);

  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, CARE,
                            "name", "Zorggroep De Linde", "kind", "care-provider",
                            "country", "nl", "postcode", "3512 AB", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, HOST,
                            "name", "Binnenstad Werkt", "kind", "social-employment-company",
                            "country", "nl", "postcode", "3512 CD", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_ORGANISATION, FAR_HOST,
                            "name", "Amsterdam Werkt", "kind", "social-employment-company",
                            "country", "nl", "postcode", "1011 AB", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_CLIENT, CLIENT,
                            "given-name", "Anouk", "family-name", "Bakker",
                            "care-organisation-uuid", CARE, "needs-low-stimulus", "true", NULL);
  /* Near and low-stimulus: the one that fits. */
  placements_test_save_new (store, PLACEMENTS_TYPE_WORKPLACE, CALM_CORNER,
                            "name", "Rustige hoek", "host-organisation-uuid", HOST,
                            "kind", "group-work-corner", "capacity", "4", "low-stimulus", "true",
                            NULL);
  /* Near, more places, but busy. */
  placements_test_save_new (store, PLACEMENTS_TYPE_WORKPLACE, BUSY_HALL,
                            "name", "Grote hal", "host-organisation-uuid", HOST,
                            "kind", "group-work-corner", "capacity", "20", NULL);
  /* Low-stimulus, but far. */
  placements_test_save_new (store, PLACEMENTS_TYPE_WORKPLACE, FAR_CORNER,
                            "name", "Stille werkplaats", "host-organisation-uuid", FAR_HOST,
                            "kind", "group-work-corner", "capacity", "4", "low-stimulus", "true",
                            NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_PERSON, BUDDY_PERSON,
                            "given-name", "Piet", "family-name", "Smit",
                            "organisation-uuid", HOST, "roles", "buddy", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_PERSON, SUPERVISOR,
                            "given-name", "Els", "family-name", "Mol",
                            "organisation-uuid", HOST, "roles", "work-supervisor", NULL);
  placements_test_save_new (store, PLACEMENTS_TYPE_BUDDY, BUDDY,
                            "person-uuid", BUDDY_PERSON, "max-clients", "2", NULL);

  fixture->window = g_object_ref_sink (GTK_WINDOW (gtk_window_new ()));
  fixture->editor = PLACEMENTS_RECORD_EDITOR (placements_record_editor_new (store));
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (fixture->editor));
  gtk_window_set_child (fixture->window, overlay);
  gtk_window_present (fixture->window);
  placements_test_flush_events ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  placements_test_assert_finalized (fixture->window);
  placements_test_assert_finalized (fixture->store);
  placements_test_remove_folder (fixture->folder);
  g_free (fixture->folder);
}

static void
open_record (Fixture    *fixture,
             GType       type,
             const char *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlacementsRecord) record = placements_store_load (fixture->store, type, uuid,
                                                              &error);

  g_assert_no_error (error);
  placements_record_editor_set_record (fixture->editor, record);
  placements_test_flush_events ();
}

static PlacementsPlacingGroup *
placing_group (Fixture *fixture)
{
  GPtrArray *sections = placements_record_editor_get_sections (fixture->editor);

  for (guint i = 0; i < sections->len; i++)
    if (PLACEMENTS_IS_PLACING_GROUP (g_ptr_array_index (sections, i)))
      return g_ptr_array_index (sections, i);
  g_assert_not_reached ();
}

static void
assert_query (Fixture    *fixture,
              const char *sql,
              const char *expected)
{
  g_autofree char *text = placements_test_query_text (fixture->store, sql);

  g_assert_cmpstr (text, ==, expected);
}

static void
take_step (Fixture    *fixture,
           const char *status,
           const char *date)
{
  PlacementsPlacingGroup *group = placing_group (fixture);
  g_autofree char *sql = NULL;

  placements_placing_group_set_step_date (group, date);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (group), "placing.move", "s", status));
  placements_test_flush_events ();
  g_assert_null (placements_placing_group_get_error (placing_group (fixture)));
  assert_query (fixture, "SELECT status FROM placement", status);
  sql = g_strdup_printf ("SELECT date FROM placement_step WHERE status = '%s'"
                         " ORDER BY id DESC LIMIT 1", status);
  assert_query (fixture, sql, date);
}

static void
test_place_from_workplace (Fixture       *fixture,
                           gconstpointer  data)
{
  PlacementsPlaceDialog *dialog;
  PlacementsPlacingGroup *group;
  GListModel *workplaces;
  g_autoptr(PlacementsWorkplaceFit) first = NULL;
  PlacementsDayPatternRow *pattern;
  PlacementsRecord *shown;

  /* From the workplace that fits: the flow starts there. */
  open_record (fixture, PLACEMENTS_TYPE_WORKPLACE, CALM_CORNER);
  group = placing_group (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (group), "placing.place", NULL));
  placements_test_flush_events ();
  dialog = PLACEMENTS_PLACE_DIALOG (placements_placing_group_get_dialog (group));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (placements_place_dialog_get_workplace_uuid (dialog), ==, CALM_CORNER);

  /* Until there is a client there is nothing to rank. */
  g_assert_cmpuint (g_list_model_get_n_items (placements_place_dialog_get_workplaces (dialog)),
                    ==, 0);
  placements_place_dialog_set_client_uuid (dialog, CLIENT);
  placements_test_flush_events ();
  workplaces = placements_place_dialog_get_workplaces (dialog);
  g_assert_cmpuint (g_list_model_get_n_items (workplaces), ==, 3);
  first = g_list_model_get_item (workplaces, 0);
  g_assert_cmpstr (placements_workplace_fit_get_workplace_uuid (first), ==, CALM_CORNER);
  g_assert_cmpstr (placements_place_dialog_get_workplace_uuid (dialog), ==, CALM_CORNER);
  g_assert_null (placements_place_dialog_get_buddy_warning (dialog));

  placements_place_dialog_set_buddy_uuid (dialog, BUDDY);
  placements_place_dialog_set_supervisor_uuid (dialog, SUPERVISOR);
  gtk_editable_set_text (GTK_EDITABLE (placements_test_find_descendant (
                                         GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON)), "12");
  gtk_spin_button_update (GTK_SPIN_BUTTON (placements_test_find_descendant (
                                             GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON)));
  pattern = PLACEMENTS_DAY_PATTERN_ROW (placements_test_find_descendant (
                                          GTK_WIDGET (dialog), PLACEMENTS_TYPE_DAY_PATTERN_ROW));
  /* Monday and Wednesday mornings. */
  gtk_check_button_set_active (placements_day_pattern_row_get_check (pattern, 0, FALSE), TRUE);
  gtk_check_button_set_active (placements_day_pattern_row_get_check (pattern, 2, FALSE), TRUE);
  {
    GtkWidget *start = NULL;
    GtkWidget *child;

    /* The start and planned end are the dialog's date rows, in that order. */
    child = placements_test_find_descendant (GTK_WIDGET (dialog),
                                             g_type_from_name ("PlacementsDateRow"));
    start = child;
    gtk_editable_set_text (GTK_EDITABLE (start), "02-03-2026");
  }
  placements_test_flush_events ();

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "place.confirm", NULL));
  placements_test_flush_events ();
  g_assert_null (placements_placing_group_get_dialog (group));

  assert_query (fixture, "SELECT count(*) FROM placement", "1");
  assert_query (fixture, "SELECT client_uuid || ' ' || workplace_uuid FROM placement",
                CLIENT " " CALM_CORNER);
  assert_query (fixture, "SELECT buddy_uuid || ' ' || supervisor_uuid FROM placement",
                BUDDY " " SUPERVISOR);
  assert_query (fixture, "SELECT start_date || ' ' || status FROM placement",
                "2026-03-02 registered");
  assert_query (fixture, "SELECT hours_per_week FROM placement", "12.0");
  assert_query (fixture, "SELECT day_pattern FROM placement", "17");
  assert_query (fixture, "SELECT status || ' ' || date FROM placement_step",
                "registered 2026-03-02");
  assert_query (fixture, "SELECT buddy_uuid || ' ' || client_uuid || ' ' || start_date"
                         " FROM buddy_pairing", BUDDY " " CLIENT " 2026-03-02");

  /* The editor shows the new placement, with its steps. */
  shown = placements_record_editor_get_record (fixture->editor);
  g_assert_true (PLACEMENTS_IS_PLACEMENT (shown));

  take_step (fixture, "introduction", "2026-03-09");
  take_step (fixture, "trial", "2026-03-23");
  take_step (fixture, "active", "2026-04-20");

  /* The buddy's pairing is its own step: ended, then started again. */
  placements_placing_group_set_step_date (placing_group (fixture), "2026-05-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (placing_group (fixture)),
                                             "placing.end-pairing", NULL));
  placements_test_flush_events ();
  g_assert_null (placements_placing_group_get_error (placing_group (fixture)));
  assert_query (fixture, "SELECT end_date FROM buddy_pairing", "2026-05-01");
  placements_placing_group_set_step_date (placing_group (fixture), "2026-05-04");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (placing_group (fixture)),
                                             "placing.pair", NULL));
  placements_test_flush_events ();
  g_assert_null (placements_placing_group_get_error (placing_group (fixture)));
  assert_query (fixture, "SELECT group_concat (start_date || '..' || coalesce (end_date, ''),"
                         " ',') FROM (SELECT * FROM buddy_pairing ORDER BY start_date)",
                "2026-03-02..2026-05-01,2026-05-04..");
  assert_query (fixture, "SELECT count(*) FROM placement WHERE status IN"
                         " ('introduction', 'trial', 'active')", "1");
  take_step (fixture, "paused", "2026-06-01");
  /* A paused placement frees its place at once. */
  assert_query (fixture, "SELECT count(*) FROM placement WHERE status IN"
                         " ('introduction', 'trial', 'active')", "0");
  take_step (fixture, "active", "2026-06-15");

  /* Not back in time: refused, said in place, nothing written. */
  placements_placing_group_set_step_date (placing_group (fixture), "2026-05-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (placing_group (fixture)),
                                             "placing.move", "s", "paused"));
  placements_test_flush_events ();
  g_assert_nonnull (placements_placing_group_get_error (placing_group (fixture)));
  assert_query (fixture, "SELECT status FROM placement", "active");

  /* Ending: one dialog with the date, the reason and the outcome. */
  group = placing_group (fixture);
  placements_placing_group_set_step_date (group, "2026-08-31");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (group), "placing.end", NULL));
  placements_test_flush_events ();
  {
    PlacementsEndDialog *end = PLACEMENTS_END_DIALOG (placements_placing_group_get_dialog (group));

    g_assert_nonnull (end);
    placements_end_dialog_set_end_reason (end, PLACEMENTS_END_REASON_BY_CLIENT);
    placements_end_dialog_set_outcome (end, PLACEMENTS_OUTCOME_BACK_TO_DAY_ACTIVITIES);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (end), "end.confirm", NULL));
    placements_test_flush_events ();
  }
  assert_query (fixture, "SELECT status || ' ' || actual_end_date FROM placement",
                "ended 2026-08-31");
  assert_query (fixture, "SELECT end_reason || ' ' || outcome FROM placement",
                "by-client back-to-day-activities");
  assert_query (fixture, "SELECT follow_up_6_months_date || ' ' || follow_up_12_months_date"
                         " FROM placement", "2027-02-28 2027-08-31");
  assert_query (fixture, "SELECT group_concat (status, ',') FROM"
                         " (SELECT status FROM placement_step ORDER BY date, id)",
                "registered,introduction,trial,active,paused,active,ended");
  assert_query (fixture, "SELECT group_concat (start_date || '..' || coalesce (end_date, ''),"
                         " ',') FROM (SELECT * FROM buddy_pairing ORDER BY start_date)",
                "2026-03-02..2026-05-01,2026-05-04..2026-08-31");
  g_assert_true (PLACEMENTS_IS_PLACEMENT (placements_record_editor_get_record (fixture->editor)));
  g_assert_cmpint (placements_placement_get_status (PLACEMENTS_PLACEMENT (
                     placements_record_editor_get_record (fixture->editor))), ==,
                   PLACEMENTS_PLACEMENT_STATUS_ENDED);

  /* The buddy's page tells current and past pairings apart: both ended now. */
  open_record (fixture, PLACEMENTS_TYPE_BUDDY, BUDDY);
  {
    GPtrArray *sections = placements_record_editor_get_sections (fixture->editor);
    guint n_ended = 0;

    for (guint i = 0; i < sections->len; i++)
      {
        GtkWidget *section = g_ptr_array_index (sections, i);
        GtkWidget *list_box;

        if (!PLACEMENTS_IS_RELATED_GROUP (section))
          continue;
        list_box = placements_test_find_descendant (section, GTK_TYPE_LIST_BOX);
        for (int j = 0; gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), j) != NULL;
             j++)
          {
            GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list_box), j);

            if (ADW_IS_ACTION_ROW (row) &&
                g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "Ended · "))
              n_ended++;
          }
      }
    g_assert_cmpuint (n_ended, ==, 2);
  }
}

/* A buddy at their maximum: said under the picker, and asked before placing. */
static void
test_buddy_warning (Fixture       *fixture,
                    gconstpointer  data)
{
  PlacementsPlaceDialog *dialog;
  PlacementsPlacingGroup *group;

  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_BUDDY_PAIRING,
                            "60000000-0000-4000-8000-000000000001", "buddy-uuid", BUDDY,
                            "client-uuid", CLIENT, "start-date", "2020-01-01", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_CLIENT,
                            "20000000-0000-4000-8000-000000000009", "family-name", "Jansen",
                            NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_BUDDY_PAIRING,
                            "60000000-0000-4000-8000-000000000002", "buddy-uuid", BUDDY,
                            "client-uuid", "20000000-0000-4000-8000-000000000009",
                            "start-date", "2020-01-01", NULL);

  open_record (fixture, PLACEMENTS_TYPE_CLIENT, CLIENT);
  group = placing_group (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (group), "placing.place", NULL));
  placements_test_flush_events ();
  dialog = PLACEMENTS_PLACE_DIALOG (placements_placing_group_get_dialog (group));
  g_assert_cmpstr (placements_place_dialog_get_workplace_uuid (dialog), ==, CALM_CORNER);
  placements_place_dialog_set_buddy_uuid (dialog, BUDDY);
  g_assert_nonnull (placements_place_dialog_get_buddy_warning (dialog));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "place.confirm", NULL));
  placements_test_flush_events ();
  g_assert_nonnull (placements_place_dialog_get_error (dialog));
  assert_query (fixture, "SELECT count(*) FROM placement", "0");
  gtk_window_destroy (GTK_WINDOW (dialog));
  placements_test_flush_events ();
}

static void
editor_action (Fixture    *fixture,
               const char *name,
               const char *target)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->editor), name,
                                             target != NULL ? "s" : NULL, target));
  placements_test_flush_events ();
}

static GtkWidget *
field (Fixture    *fixture,
       const char *name)
{
  GtkWidget *widget = placements_record_editor_get_field_row (fixture->editor, name);

  g_assert_nonnull (widget);
  return widget;
}

static void
type_text (Fixture    *fixture,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (field (fixture, name)), text);
  placements_test_flush_events ();
}

static void
spin (Fixture    *fixture,
      const char *name,
      double      value)
{
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (adw_action_row_get_activatable_widget (
                                                ADW_ACTION_ROW (field (fixture, name)))),
                             value);
  placements_test_flush_events ();
}

static void
refer (Fixture    *fixture,
       const char *name,
       const char *uuid)
{
  placements_reference_row_set_uuid (PLACEMENTS_REFERENCE_ROW (field (fixture, name)), uuid);
  placements_test_flush_events ();
}

static void
save (Fixture *fixture)
{
  editor_action (fixture, "editor.save", NULL);
  g_assert_false (placements_record_editor_get_dirty (fixture->editor));
}

static PlacementsPilotGroup *
pilot_group (Fixture *fixture)
{
  GPtrArray *sections = placements_record_editor_get_sections (fixture->editor);

  for (guint i = 0; i < sections->len; i++)
    if (PLACEMENTS_IS_PILOT_GROUP (g_ptr_array_index (sections, i)))
      return g_ptr_array_index (sections, i);
  g_assert_not_reached ();
}

/*
 * A pilot set up as the municipality's grant asks: two partners with their roles, a subsidy
 * of € 35.000, two success criteria; started, evaluated and scaled up on a date with a new
 * target; a client placed in it counts against the target.
 */
static void
test_pilot (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *pilot_uuid = NULL;
  PlacementsPilotGroup *group;

  placements_record_editor_new_record (fixture->editor, PLACEMENTS_TYPE_PILOT);
  placements_test_flush_events ();
  type_text (fixture, "name", "Werkhoek Binnenstad");
  spin (fixture, "target-participants", 6);
  save (fixture);
  pilot_uuid = placements_test_query_text (fixture->store, "SELECT uuid FROM pilot");
  g_assert_nonnull (pilot_uuid);

  editor_action (fixture, "editor.add-related", "pilot-partner/pilot-uuid");
  refer (fixture, "organisation-uuid", CARE);
  type_text (fixture, "role", "Penvoerder");
  save (fixture);
  editor_action (fixture, "editor.add-related", "pilot-partner/pilot-uuid");
  refer (fixture, "organisation-uuid", HOST);
  type_text (fixture, "role", "Werkgever");
  save (fixture);

  editor_action (fixture, "editor.add-related", "funding/pilot-uuid");
  refer (fixture, "funder-uuid", FAR_HOST);
  spin (fixture, "amount-cents", 35000);
  type_text (fixture, "reference", "SUB-2026-12");
  save (fixture);

  editor_action (fixture, "editor.add-related", "success-criterion/pilot-uuid");
  type_text (fixture, "description", "Kostenbesparing");
  type_text (fixture, "target", "10%");
  save (fixture);
  editor_action (fixture, "editor.add-related", "success-criterion/pilot-uuid");
  type_text (fixture, "description", "Maatschappelijke meerwaarde");
  type_text (fixture, "target", "4 van 6 naar betaald werk");
  type_text (fixture, "measured", "3 van 6");
  save (fixture);

  g_assert_true (PLACEMENTS_IS_PILOT (placements_record_editor_get_record (fixture->editor)));
  assert_query (fixture, "SELECT group_concat (role, ',') FROM"
                         " (SELECT role FROM pilot_partner ORDER BY role)",
                "Penvoerder,Werkgever");
  assert_query (fixture, "SELECT count(DISTINCT organisation_uuid) FROM pilot_partner", "2");
  assert_query (fixture, "SELECT amount_cents || ' ' || funder_uuid FROM funding",
                "3500000 " FAR_HOST);
  assert_query (fixture, "SELECT count(*) FROM success_criterion WHERE pilot_uuid ="
                         " (SELECT uuid FROM pilot)", "2");
  assert_query (fixture, "SELECT measured FROM success_criterion WHERE measured IS NOT NULL",
                "3 van 6");

  group = pilot_group (fixture);
  /* The source's way of writing money; Dutch writes € 35.000,00. */
  g_assert_cmpstr (placements_pilot_group_get_funding_text (group), ==, "€ 35,000.00");
  g_assert_cmpstr (placements_pilot_group_get_participants_text (group), ==,
                   "0 placed now, target 6");

  placements_pilot_group_set_step_date (group, "2026-01-05");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (group), "pilot.move", "s",
                                             "running"));
  placements_test_flush_events ();
  assert_query (fixture, "SELECT status || ' ' || start_date FROM pilot", "running 2026-01-05");

  /* A client placed in the pilot counts once the introduction starts. */
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PLACEMENT,
                            "60000000-0000-4000-8000-000000000009", "client-uuid", CLIENT,
                            "workplace-uuid", CALM_CORNER, "pilot-uuid", pilot_uuid,
                            "start-date", "2026-01-05", "status", "active", NULL);
  placements_record_editor_reload (fixture->editor);
  placements_test_flush_events ();
  g_assert_cmpstr (placements_pilot_group_get_participants_text (pilot_group (fixture)), ==,
                   "1 placed now, target 6");

  group = pilot_group (fixture);
  placements_pilot_group_set_step_date (group, "2026-10-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (group), "pilot.move", "s",
                                             "evaluated"));
  placements_test_flush_events ();
  group = pilot_group (fixture);
  placements_pilot_group_set_step_date (group, "2027-01-01");
  placements_pilot_group_set_new_target (group, 12);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (group), "pilot.scale-up", NULL));
  placements_test_flush_events ();
  g_assert_null (placements_pilot_group_get_error (pilot_group (fixture)));
  assert_query (fixture, "SELECT status || ' ' || scale_up_date || ' ' || target_participants"
                         " FROM pilot", "scaled-up 2027-01-01 12");
  assert_query (fixture, "SELECT evaluation_date FROM pilot", "2026-10-01");
  assert_query (fixture, "SELECT group_concat (status || ' ' || date || ' ' ||"
                         " coalesce (target_participants, '-'), ',') FROM"
                         " (SELECT * FROM pilot_step ORDER BY date, id)",
                "running 2026-01-05 -,evaluated 2026-10-01 -,scaled-up 2027-01-01 12");
  g_assert_cmpstr (placements_pilot_group_get_participants_text (pilot_group (fixture)), ==,
                   "1 placed now, target 12");
}

/* A placement made, and its status changed, in the record's own fields still gets its
 * steps; a place in a full workplace is not taken there, where it cannot be confirmed. */
static void
test_steps_from_fields (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *sql = NULL;
  g_autofree char *today = placements_date_today ();
  g_autofree char *expected = NULL;

  placements_record_editor_new_record (fixture->editor, PLACEMENTS_TYPE_PLACEMENT);
  placements_test_flush_events ();
  refer (fixture, "client-uuid", CLIENT);
  refer (fixture, "workplace-uuid", CALM_CORNER);
  type_text (fixture, "start-date", "02-03-2026");
  save (fixture);
  assert_query (fixture, "SELECT status || ' ' || date FROM placement_step",
                "registered 2026-03-02");

  /* The status set in its field: recorded as a step of today. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (fixture, "status")),
                              PLACEMENTS_PLACEMENT_STATUS_ACTIVE);
  placements_test_flush_events ();
  save (fixture);
  expected = g_strdup_printf ("active %s", today);
  assert_query (fixture, "SELECT status || ' ' || date FROM placement_step ORDER BY id DESC"
                         " LIMIT 1", expected);

  /* Full: the workplace's capacity down to what is taken, then another client's placement
   * set active in its field is refused, and nothing is written. */
  placements_test_execute_elsewhere (fixture->store, "UPDATE workplace SET capacity = 1");
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_CLIENT,
                            "20000000-0000-4000-8000-000000000008", "family-name", "Jansen",
                            NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PLACEMENT,
                            "60000000-0000-4000-8000-000000000008",
                            "client-uuid", "20000000-0000-4000-8000-000000000008",
                            "workplace-uuid", CALM_CORNER, "start-date", "2026-04-01", NULL);
  open_record (fixture, PLACEMENTS_TYPE_PLACEMENT, "60000000-0000-4000-8000-000000000008");
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (fixture, "status")),
                              PLACEMENTS_PLACEMENT_STATUS_TRIAL);
  placements_test_flush_events ();
  editor_action (fixture, "editor.save", NULL);
  g_assert_true (placements_record_editor_get_dirty (fixture->editor));
  assert_query (fixture, "SELECT status FROM placement WHERE uuid ="
                         " '60000000-0000-4000-8000-000000000008'", "registered");
  sql = g_strdup ("SELECT count(*) FROM placement_step WHERE placement_uuid ="
                  " '60000000-0000-4000-8000-000000000008'");
  assert_query (fixture, sql, "0");
  editor_action (fixture, "editor.cancel", NULL);
}

/* A pilot's status changed in its own field is a step too, and a move the steps refuse
 * is refused there; a placement ended in its fields gets its follow-ups as from the End
 * dialog. */
static void
test_more_steps_from_fields (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *today = placements_date_today ();
  g_autofree char *expected = NULL;

  placements_record_editor_new_record (fixture->editor, PLACEMENTS_TYPE_PILOT);
  placements_test_flush_events ();
  type_text (fixture, "name", "Werkhoek Haven");
  save (fixture);
  assert_query (fixture, "SELECT count(*) FROM pilot_step", "0");

  adw_combo_row_set_selected (ADW_COMBO_ROW (field (fixture, "status")),
                              PLACEMENTS_PILOT_STATUS_RUNNING);
  placements_test_flush_events ();
  save (fixture);
  expected = g_strdup_printf ("running %s", today);
  assert_query (fixture, "SELECT group_concat (status || ' ' || date) FROM pilot_step",
                expected);

  /* Back to a concept: the steps do not allow it, nor does the field. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (fixture, "status")),
                              PLACEMENTS_PILOT_STATUS_CONCEPT);
  placements_test_flush_events ();
  editor_action (fixture, "editor.save", NULL);
  g_assert_true (placements_record_editor_get_dirty (fixture->editor));
  assert_query (fixture, "SELECT status FROM pilot", "running");
  assert_query (fixture, "SELECT count(*) FROM pilot_step", "1");
  editor_action (fixture, "editor.cancel", NULL);

  /* A placement ended in its fields. */
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PLACEMENT,
                            "60000000-0000-4000-8000-00000000000a", "client-uuid", CLIENT,
                            "workplace-uuid", CALM_CORNER, "start-date", "2026-01-05",
                            "status", "active", NULL);
  open_record (fixture, PLACEMENTS_TYPE_PLACEMENT, "60000000-0000-4000-8000-00000000000a");
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (fixture, "status")),
                              PLACEMENTS_PLACEMENT_STATUS_ENDED);
  type_text (fixture, "actual-end-date", "31-08-2026");
  adw_combo_row_set_selected (ADW_COMBO_ROW (field (fixture, "end-reason")),
                              PLACEMENTS_END_REASON_AS_PLANNED);
  placements_test_flush_events ();
  save (fixture);
  assert_query (fixture, "SELECT follow_up_6_months_date || ' ' || follow_up_12_months_date"
                         " FROM placement WHERE uuid = '60000000-0000-4000-8000-00000000000a'",
                "2027-02-28 2027-08-31");
  assert_query (fixture, "SELECT status || ' ' || date FROM placement_step WHERE"
                         " placement_uuid = '60000000-0000-4000-8000-00000000000a'",
                "ended 2026-08-31");
}

/* A pilot's report from its page: saved as CSV and PDF, and printed (to a file, as the
 * print dialog's "Print to File" does), each logged with the pilot's participants. */
static void
test_pilot_report (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->folder, "report.csv", NULL);
  g_autofree char *pdf = g_build_filename (fixture->folder, "report.pdf", NULL);
  g_autofree char *printed = g_build_filename (fixture->folder, "printed.pdf", NULL);
  g_autofree char *pilot_uuid = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  PlacementsReportGroup *group = NULL;
  PlacementsEvaluationGroup *evaluation = NULL;
  GtkWidget *chart;
  GPtrArray *sections;

  placements_record_editor_new_record (fixture->editor, PLACEMENTS_TYPE_PILOT);
  placements_test_flush_events ();
  type_text (fixture, "name", "Werkhoek Binnenstad");
  spin (fixture, "target-participants", 6);
  save (fixture);
  pilot_uuid = placements_test_query_text (fixture->store, "SELECT uuid FROM pilot");
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PLACEMENT,
                            "60000000-0000-4000-8000-00000000000b", "client-uuid", CLIENT,
                            "workplace-uuid", CALM_CORNER, "pilot-uuid", pilot_uuid,
                            "start-date", "2026-01-05", "status", "active", NULL);

  sections = placements_record_editor_get_sections (fixture->editor);
  for (guint i = 0; i < sections->len; i++)
    if (PLACEMENTS_IS_REPORT_GROUP (g_ptr_array_index (sections, i)))
      group = g_ptr_array_index (sections, i);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (group)));

  /* The evaluation on the page shows the report's figures, charts with their text. */
  placements_record_editor_reload (fixture->editor);
  placements_test_flush_events ();
  sections = placements_record_editor_get_sections (fixture->editor);
  group = NULL;
  for (guint i = 0; i < sections->len; i++)
    {
      GObject *section = g_ptr_array_index (sections, i);

      if (PLACEMENTS_IS_REPORT_GROUP (section))
        group = PLACEMENTS_REPORT_GROUP (section);
      if (PLACEMENTS_IS_EVALUATION_GROUP (section))
        evaluation = PLACEMENTS_EVALUATION_GROUP (section);
    }
  g_assert_nonnull (evaluation);
  /* Read on a thread: shown when it is read. */
  while (placements_evaluation_group_get_report (evaluation) == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (placements_evaluation_group_get_value (evaluation, "Participants"), ==,
                   "1 (target 6)");
  g_assert_cmpstr (placements_evaluation_group_get_value (evaluation, "Placed now"), ==, "1");
  g_assert_cmpint (placements_evaluation_group_get_report (evaluation)->n_placed_now, ==, 1);
  chart = placements_test_find_descendant (GTK_WIDGET (evaluation), PLACEMENTS_TYPE_BAR_CHART);
  g_assert_nonnull (chart);
  g_assert_true (g_str_has_suffix (placements_bar_chart_get_text (PLACEMENTS_BAR_CHART (chart)),
                                   ": 1"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (group), "report.save-to", "(ss)",
                                             "csv", csv));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (group), "report.save-to", "(ss)",
                                             "pdf", pdf));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (group), "report.print-to", "s",
                                             printed));
  placements_test_flush_events ();
  g_assert_null (placements_report_group_get_error (group));

  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "figure,participants,1,6"));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (printed, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  expected = g_strdup_printf ("report client %s pilot-report csv %s,"
                              "report client %s pilot-report pdf %s,"
                              "print client %s pilot-report pdf %s",
                              CLIENT, pilot_uuid, CLIENT, pilot_uuid, CLIENT, pilot_uuid);
  assert_query (fixture, "SELECT group_concat (action || ' ' || record_kind || ' ' ||"
                         " record_uuids || ' ' || detail, ',') FROM (SELECT * FROM audit_event"
                         " WHERE action IN ('report', 'print') ORDER BY id)", expected);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/placing/place-from-workplace-to-end", test_place_from_workplace);
  ADD ("/placing/buddy-warning", test_buddy_warning);
  ADD ("/placing/pilot", test_pilot);
  ADD ("/placing/steps-from-fields", test_steps_from_fields);
  ADD ("/placing/more-steps-from-fields", test_more_steps_from_fields);
  ADD ("/placing/pilot-report", test_pilot_report);

  return g_test_run ();
}
