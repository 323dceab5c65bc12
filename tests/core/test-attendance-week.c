#define G_LOG_DOMAIN "placements-test-attendance-week"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "placements-attendance-week.h"
#include "placements-record-types.h"
#include "placements-test-utils.h"

/*
 * One workplace's week: who is placed there (dates and day patterns), their marks, and a
 * mark saved, changed, cleared and given back for undo, with who and when.
 */

#define CARE "10000000-0000-4000-8000-000000000001"
#define HOST "10000000-0000-4000-8000-000000000002"
#define SHOP "30000000-0000-4000-8000-000000000001"
#define OTHER "30000000-0000-4000-8000-000000000002"
#define A "20000000-0000-4000-8000-00000000000a"
#define B "20000000-0000-4000-8000-00000000000b"
#define C "20000000-0000-4000-8000-00000000000c"
#define D "20000000-0000-4000-8000-00000000000d"

typedef struct
{
  char            *folder;
  char            *path;
  PlacementsStore *store;
} Fixture;

static void
client (Fixture    *fixture,
        const char *uuid,
        const char *family_name)
{
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_CLIENT, uuid,
                            "given-name", "Sam", "family-name", family_name,
                            "care-organisation-uuid", CARE, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->folder = placements_test_make_folder ();
  fixture->path = g_build_filename (fixture->folder, "placements.db", NULL);
  fixture->store = placements_test_open_store (fixture->path);

  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_ORGANISATION, CARE,
                            "name", "Zorggroep De Linde", "kind", "care-provider",
                            "country", "nl", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_ORGANISATION, HOST,
                            "name", "IJsseldelta", "kind", "social-employment-company",
                            "country", "nl", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_WORKPLACE, SHOP,
                            "name", "Inpakafdeling", "host-organisation-uuid", HOST,
                            "capacity", "12", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_WORKPLACE, OTHER,
                            "name", "Kantine", "host-organisation-uuid", HOST,
                            "capacity", "6", NULL);
  client (fixture, A, "Jansen");
  client (fixture, B, "Bakker");
  client (fixture, C, "Claes");
  client (fixture, D, "Dekker");

  /* A: Monday and Tuesday mornings (bits 0 and 2), all along. */
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PLACEMENT, NULL,
                            "client-uuid", A, "workplace-uuid", SHOP,
                            "start-date", "2026-01-05", "status", "active",
                            "day-pattern", "5", NULL);
  /* B: no pattern, begins on Wednesday of the week of 2026-11-23. */
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PLACEMENT, NULL,
                            "client-uuid", B, "workplace-uuid", SHOP,
                            "start-date", "2026-11-25", "status", "active", NULL);
  /* C: elsewhere. D: begins the next week. */
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PLACEMENT, NULL,
                            "client-uuid", C, "workplace-uuid", OTHER,
                            "start-date", "2026-01-05", "status", "active", NULL);
  placements_test_save_new (fixture->store, PLACEMENTS_TYPE_PLACEMENT, NULL,
                            "client-uuid", D, "workplace-uuid", SHOP,
                            "start-date", "2026-11-30", "status", "trial", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  placements_test_remove_folder (fixture->folder);
  g_free (fixture->path);
  g_free (fixture->folder);
}

static void
test_monday (void)
{
  g_autofree char *sunday = placements_attendance_week_monday ("2026-11-29");
  g_autofree char *monday = placements_attendance_week_monday ("2026-11-23");
  g_autofree char *new_year = placements_attendance_week_monday ("2027-01-01");

  g_assert_cmpstr (sunday, ==, "2026-11-23");
  g_assert_cmpstr (monday, ==, "2026-11-23");
  g_assert_cmpstr (new_year, ==, "2026-12-28");
  g_assert_null (placements_attendance_week_monday ("2026-02-30"));
}

static void
test_placed (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = placements_attendance_week_load (fixture->store, SHOP,
                                                               "2026-11-26", &error);
  PlacementsAttendanceWeekRow *row;

  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 2);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->family_name, ==, "Bakker");
  /* From Wednesday on, every day part. */
  g_assert_cmphex (row->expected, ==, 0x3f0);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row->client_uuid, ==, A);
  g_assert_cmphex (row->expected, ==, 0x5);
  for (guint i = 0; i < PLACEMENTS_ATTENDANCE_WEEK_CELLS; i++)
    g_assert_cmpint (row->marks[i], ==, PLACEMENTS_ATTENDANCE_MARK_NONE);

  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = placements_attendance_week_load (fixture->store, SHOP, "2026-11-31", &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_null (rows);
}

static void
test_marks (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  PlacementsAttendanceMark previous = -1;
  PlacementsAttendanceWeekRow *row;
  sqlite3 *db;
  sqlite3_stmt *statement;

  g_assert_true (placements_attendance_week_save_mark (fixture->store, SHOP, A, "2026-11-23", 0,
                                                       PLACEMENTS_ATTENDANCE_MARK_PRESENT,
                                                       &previous, &error));
  g_assert_no_error (error);
  g_assert_cmpint (previous, ==, PLACEMENTS_ATTENDANCE_MARK_NONE);
  g_assert_true (placements_attendance_week_save_mark (fixture->store, SHOP, A, "2026-11-23", 0,
                                                       PLACEMENTS_ATTENDANCE_MARK_ABSENT_ILL,
                                                       &previous, &error));
  g_assert_cmpint (previous, ==, PLACEMENTS_ATTENDANCE_MARK_PRESENT);
  /* Outside the pattern (Thursday afternoon) is allowed: a client came on another day. */
  g_assert_true (placements_attendance_week_save_mark (fixture->store, SHOP, A, "2026-11-26", 1,
                                                       PLACEMENTS_ATTENDANCE_MARK_PRESENT,
                                                       &previous, &error));
  /* C was marked here though placed elsewhere: shown, so no mark hides. */
  g_assert_true (placements_attendance_week_save_mark (fixture->store, SHOP, C, "2026-11-27", 1,
                                                       PLACEMENTS_ATTENDANCE_MARK_ABSENT_OTHER,
                                                       &previous, &error));

  rows = placements_attendance_week_load (fixture->store, SHOP, "2026-11-23", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 3);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpstr (row->family_name, ==, "Claes");
  g_assert_cmphex (row->expected, ==, 0);
  g_assert_cmpint (row->marks[9], ==, PLACEMENTS_ATTENDANCE_MARK_ABSENT_OTHER);
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpint (row->marks[0], ==, PLACEMENTS_ATTENDANCE_MARK_ABSENT_ILL);
  g_assert_cmpint (row->marks[7], ==, PLACEMENTS_ATTENDANCE_MARK_PRESENT);
  g_assert_cmpint (row->marks[1], ==, PLACEMENTS_ATTENDANCE_MARK_NONE);

  /* Who and when, straight from the file. */
  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT status, registered_by, registered_at, "
                                       "workplace_uuid FROM attendance WHERE client_uuid = '"
                                       A "' AND date = '2026-11-23' AND day_part = 'morning'",
                                       -1, &statement, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (statement, 0), ==, "absent-ill");
  g_assert_cmpstr ((const char *) sqlite3_column_text (statement, 1), ==, g_get_user_name ());
  g_assert_nonnull (sqlite3_column_text (statement, 2));
  g_assert_cmpstr ((const char *) sqlite3_column_text (statement, 3), ==, SHOP);
  sqlite3_finalize (statement);
  sqlite3_close (db);

  /* Undo: clear, and the old mark comes back. */
  g_assert_true (placements_attendance_week_save_mark (fixture->store, SHOP, A, "2026-11-23", 0,
                                                       PLACEMENTS_ATTENDANCE_MARK_NONE,
                                                       &previous, &error));
  g_assert_cmpint (previous, ==, PLACEMENTS_ATTENDANCE_MARK_ABSENT_ILL);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = placements_attendance_week_load (fixture->store, SHOP, "2026-11-23", &error);
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpint (row->marks[0], ==, PLACEMENTS_ATTENDANCE_MARK_NONE);

  g_assert_false (placements_attendance_week_save_mark (fixture->store, SHOP, A, "23-11-2026",
                                                        0, PLACEMENTS_ATTENDANCE_MARK_PRESENT,
                                                        &previous, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
}

static void
test_statuses (void)
{
  for (PlacementsAttendanceMark mark = PLACEMENTS_ATTENDANCE_MARK_PRESENT;
       mark <= PLACEMENTS_ATTENDANCE_MARK_ABSENT_OTHER; mark++)
    g_assert_cmpint (placements_attendance_mark_from_status
                       (placements_attendance_mark_to_status (mark)), ==, mark);
  g_assert_null (placements_attendance_mark_to_status (PLACEMENTS_ATTENDANCE_MARK_NONE));
  g_assert_cmpint (placements_attendance_mark_from_status ("late"), ==,
                   PLACEMENTS_ATTENDANCE_MARK_NONE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/attendance-week/monday", test_monday);
  g_test_add_func ("/attendance-week/statuses", test_statuses);
  g_test_add ("/attendance-week/placed", Fixture, NULL, fixture_set_up, test_placed,
              fixture_tear_down);
  g_test_add ("/attendance-week/marks", Fixture, NULL, fixture_set_up, test_marks,
              fixture_tear_down);
  return g_test_run ();
}
