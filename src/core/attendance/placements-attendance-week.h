#pragma once

#include <glib.h>

#include "placements-store.h"

G_BEGIN_DECLS

/*
 * One workplace's attendance for one ISO week, as the window's week grid shows it:
 * the clients placed there that week and, per client, the ten day parts Monday to
 * Friday (morning then afternoon of each day; cell = day * 2 + part).
 */

#define PLACEMENTS_ATTENDANCE_WEEK_CELLS 10

typedef enum
{
  PLACEMENTS_ATTENDANCE_MARK_NONE,
  PLACEMENTS_ATTENDANCE_MARK_PRESENT,
  PLACEMENTS_ATTENDANCE_MARK_ABSENT_ILL,
  PLACEMENTS_ATTENDANCE_MARK_ABSENT_LEAVE,
  PLACEMENTS_ATTENDANCE_MARK_ABSENT_HOLIDAY,
  PLACEMENTS_ATTENDANCE_MARK_ABSENT_WITHOUT_NOTICE,
  PLACEMENTS_ATTENDANCE_MARK_ABSENT_OTHER,
} PlacementsAttendanceMark;

/* The database's status code of @mark ("present", "absent-ill", …), NULL for none. */
const char               *placements_attendance_mark_to_status   (PlacementsAttendanceMark mark);
/* The mark of a status code; NONE for NULL or an unknown code. */
PlacementsAttendanceMark  placements_attendance_mark_from_status (const char *status);

typedef struct
{
  char                     *client_uuid;
  char                     *family_name;
  char                     *given_name;   /* may be NULL */
  /* Bit n set: cell n falls within a placement and its day pattern. */
  guint                     expected;
  PlacementsAttendanceMark  marks[PLACEMENTS_ATTENDANCE_WEEK_CELLS];
} PlacementsAttendanceWeekRow;

void placements_attendance_week_row_free (PlacementsAttendanceWeekRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlacementsAttendanceWeekRow, placements_attendance_week_row_free)

/*
 * The rows of @workplace_uuid's week that holds @date (YYYY-MM-DD, any day of it),
 * sorted by family then given name. A client with marks there but no placement that
 * week still gets a row (nothing expected), so no mark is hidden. In one read
 * transaction; attendance is read through the index on (workplace_uuid, date).
 * Returns a GPtrArray of PlacementsAttendanceWeekRow, or NULL with @error set.
 */
GPtrArray *placements_attendance_week_load (PlacementsStore  *store,
                                            const char       *workplace_uuid,
                                            const char       *date,
                                            GError          **error);

/* The Monday (YYYY-MM-DD) of the ISO week holding @date, or NULL if @date is no date. */
char      *placements_attendance_week_monday (const char *date);

/*
 * Sets (or, for NONE, clears) @client_uuid's mark for @date's @part (0 morning,
 * 1 afternoon) at @workplace_uuid, in one transaction, noting the OS user (as the
 * audit log names them) and the time. *@previous gets the mark that was there, so
 * that the caller can undo by saving it back.
 */
gboolean   placements_attendance_week_save_mark (PlacementsStore           *store,
                                                 const char                *workplace_uuid,
                                                 const char                *client_uuid,
                                                 const char                *date,
                                                 guint                      part,
                                                 PlacementsAttendanceMark   mark,
                                                 PlacementsAttendanceMark  *previous,
                                                 GError                   **error);

G_END_DECLS

G_BEGIN_DECLS

/*
 * Up to @limit workplaces whose name holds @text (case-insensitive), sorted by name:
 * a GPtrArray of alternating UUID and name strings, or NULL with @error set.
 */
GPtrArray *placements_attendance_week_find_workplaces (PlacementsStore  *store,
                                                       const char       *text,
                                                       guint             limit,
                                                       GError          **error);

G_END_DECLS
