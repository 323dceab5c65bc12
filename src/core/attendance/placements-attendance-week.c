#define G_LOG_DOMAIN "placements-attendance"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "placements-attendance-week.h"
#include "placements-store-private.h"
#include "placements-timestamp.h"

static const char *const statuses[] = {
  NULL, "present", "absent-ill", "absent-leave", "absent-holiday", "absent-without-notice",
  "absent-other",
};

const char *
placements_attendance_mark_to_status (PlacementsAttendanceMark mark)
{
  if ((guint) mark >= G_N_ELEMENTS (statuses))
    return NULL;
  return statuses[mark];
}

PlacementsAttendanceMark
placements_attendance_mark_from_status (const char *status)
{
  if (status == NULL)
    return PLACEMENTS_ATTENDANCE_MARK_NONE;
  for (guint i = 1; i < G_N_ELEMENTS (statuses); i++)
    if (strcmp (statuses[i], status) == 0)
      return (PlacementsAttendanceMark) i;
  return PLACEMENTS_ATTENDANCE_MARK_NONE;
}

void
placements_attendance_week_row_free (PlacementsAttendanceWeekRow *row)
{
  if (row == NULL)
    return;
  g_free (row->client_uuid);
  g_free (row->family_name);
  g_free (row->given_name);
  g_free (row);
}

static gboolean
parse_date (const char *text,
            GDate      *date)
{
  unsigned year, month, day;

  g_date_clear (date, 1);
  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-'
      || !g_ascii_isdigit (text[0]) || sscanf (text, "%4u-%2u-%2u", &year, &month, &day) != 3
      || !g_date_valid_dmy (day, month, year))
    return FALSE;
  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static char *
format_date (const GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

char *
placements_attendance_week_monday (const char *text)
{
  GDate date;

  if (!parse_date (text, &date))
    return NULL;
  g_date_subtract_days (&date, g_date_get_weekday (&date) - G_DATE_MONDAY);
  return format_date (&date);
}

static PlacementsAttendanceWeekRow *
row_for (GPtrArray  *rows,
         GHashTable *by_client,
         const char *client_uuid)
{
  PlacementsAttendanceWeekRow *row = g_hash_table_lookup (by_client, client_uuid);

  if (row == NULL)
    {
      row = g_new0 (PlacementsAttendanceWeekRow, 1);
      row->client_uuid = g_strdup (client_uuid);
      g_ptr_array_add (rows, row);
      g_hash_table_insert (by_client, row->client_uuid, row);
    }
  return row;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const PlacementsAttendanceWeekRow *row_a = *(PlacementsAttendanceWeekRow **) a;
  const PlacementsAttendanceWeekRow *row_b = *(PlacementsAttendanceWeekRow **) b;
  int by_family = g_utf8_collate (row_a->family_name != NULL ? row_a->family_name : "",
                                  row_b->family_name != NULL ? row_b->family_name : "");

  if (by_family != 0)
    return by_family;
  by_family = g_utf8_collate (row_a->given_name != NULL ? row_a->given_name : "",
                              row_b->given_name != NULL ? row_b->given_name : "");
  if (by_family != 0)
    return by_family;
  return strcmp (row_a->client_uuid, row_b->client_uuid);
}

static gboolean
load (PlacementsStore  *store,
      const char       *workplace_uuid,
      char              days[5][11],
      GPtrArray        *rows,
      GError          **error)
{
  g_autoptr(GHashTable) by_client = g_hash_table_new (g_str_hash, g_str_equal);
  sqlite3_stmt *placed;
  sqlite3_stmt *marks;
  sqlite3_stmt *names;

  /* Placed there that week: begun by Friday, not ended before Monday. */
  placed = placements_store_prepare (store,
    "SELECT client_uuid, day_pattern, start_date, actual_end_date FROM placement "
    "WHERE workplace_uuid = ?1 AND start_date <= ?3 AND status <> 'registered' "
    "AND (actual_end_date >= ?2 OR (actual_end_date IS NULL AND status <> 'ended'))",
    error);
  if (placed == NULL)
    return FALSE;
  sqlite3_bind_text (placed, 1, workplace_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (placed, 2, days[0], -1, SQLITE_STATIC);
  sqlite3_bind_text (placed, 3, days[4], -1, SQLITE_STATIC);
  while (sqlite3_step (placed) == SQLITE_ROW)
    {
      PlacementsAttendanceWeekRow *row =
        row_for (rows, by_client, (const char *) sqlite3_column_text (placed, 0));
      int pattern = sqlite3_column_int (placed, 1);
      const char *start = (const char *) sqlite3_column_text (placed, 2);
      const char *end = (const char *) sqlite3_column_text (placed, 3);

      /* No pattern given: every weekday's morning and afternoon. */
      if (pattern == 0)
        pattern = (1 << PLACEMENTS_ATTENDANCE_WEEK_CELLS) - 1;
      for (guint day = 0; day < 5; day++)
        if (strcmp (start, days[day]) <= 0 && (end == NULL || strcmp (days[day], end) <= 0))
          row->expected |= pattern & (3u << (day * 2));
    }
  sqlite3_reset (placed);

  /* Through the index attendance_by_workplace (workplace_uuid, date). */
  marks = placements_store_prepare (store,
    "SELECT client_uuid, date, day_part, status FROM attendance INDEXED BY "
    "attendance_by_workplace WHERE workplace_uuid = ?1 AND date BETWEEN ?2 AND ?3",
    error);
  if (marks == NULL)
    return FALSE;
  sqlite3_bind_text (marks, 1, workplace_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (marks, 2, days[0], -1, SQLITE_STATIC);
  sqlite3_bind_text (marks, 3, days[4], -1, SQLITE_STATIC);
  while (sqlite3_step (marks) == SQLITE_ROW)
    {
      PlacementsAttendanceWeekRow *row =
        row_for (rows, by_client, (const char *) sqlite3_column_text (marks, 0));
      const char *date = (const char *) sqlite3_column_text (marks, 1);
      const char *part = (const char *) sqlite3_column_text (marks, 2);

      for (guint day = 0; day < 5; day++)
        if (strcmp (date, days[day]) == 0)
          row->marks[day * 2 + (strcmp (part, "afternoon") == 0 ? 1 : 0)] =
            placements_attendance_mark_from_status
              ((const char *) sqlite3_column_text (marks, 3));
    }
  sqlite3_reset (marks);

  names = placements_store_prepare (store,
    "SELECT family_name, given_name FROM client WHERE uuid = ?1", error);
  if (names == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      PlacementsAttendanceWeekRow *row = g_ptr_array_index (rows, i);

      sqlite3_bind_text (names, 1, row->client_uuid, -1, SQLITE_STATIC);
      if (sqlite3_step (names) == SQLITE_ROW)
        {
          row->family_name = g_strdup ((const char *) sqlite3_column_text (names, 0));
          row->given_name = g_strdup ((const char *) sqlite3_column_text (names, 1));
        }
      sqlite3_reset (names);
    }
  g_ptr_array_sort (rows, compare_rows);
  return TRUE;
}

GPtrArray *
placements_attendance_week_load (PlacementsStore  *store,
                                 const char       *workplace_uuid,
                                 const char       *date,
                                 GError          **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  char days[5][11];
  GDate day;
  gboolean ok;

  g_return_val_if_fail (workplace_uuid != NULL, NULL);
  if (!parse_date (date, &day))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a date (YYYY-MM-DD)"), date != NULL ? date : "");
      return NULL;
    }
  g_date_subtract_days (&day, g_date_get_weekday (&day) - G_DATE_MONDAY);
  for (guint i = 0; i < 5; i++)
    {
      g_snprintf (days[i], sizeof days[i], "%04u-%02u-%02u", g_date_get_year (&day),
                  g_date_get_month (&day), g_date_get_day (&day));
      g_date_add_days (&day, 1);
    }

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) placements_attendance_week_row_free);
  if (!placements_store_begin_read (store, error))
    return NULL;
  ok = load (store, workplace_uuid, days, rows, error);
  placements_store_end_read (store);
  if (!ok)
    return NULL;
  return g_steal_pointer (&rows);
}

gboolean
placements_attendance_week_save_mark (PlacementsStore           *store,
                                      const char                *workplace_uuid,
                                      const char                *client_uuid,
                                      const char                *date,
                                      guint                      part,
                                      PlacementsAttendanceMark   mark,
                                      PlacementsAttendanceMark  *previous,
                                      GError                   **error)
{
  const char *day_part = part == 0 ? "morning" : "afternoon";
  g_autofree char *now = placements_timestamp_now ();
  g_autofree char *uuid = g_uuid_string_random ();
  PlacementsAttendanceMark before = PLACEMENTS_ATTENDANCE_MARK_NONE;
  sqlite3_stmt *statement;
  GDate check;

  g_return_val_if_fail (workplace_uuid != NULL && client_uuid != NULL, FALSE);
  if (!parse_date (date, &check))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a date (YYYY-MM-DD)"), date != NULL ? date : "");
      return FALSE;
    }
  if (!placements_store_begin (store, error))
    return FALSE;

  statement = placements_store_prepare (store,
    "SELECT status FROM attendance WHERE client_uuid = ?1 AND date = ?2 AND day_part = ?3",
    error);
  if (statement == NULL)
    goto fail;
  sqlite3_bind_text (statement, 1, client_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 2, date, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 3, day_part, -1, SQLITE_STATIC);
  if (sqlite3_step (statement) == SQLITE_ROW)
    before = placements_attendance_mark_from_status
               ((const char *) sqlite3_column_text (statement, 0));
  sqlite3_reset (statement);

  if (mark == PLACEMENTS_ATTENDANCE_MARK_NONE)
    statement = placements_store_prepare (store,
      "DELETE FROM attendance WHERE client_uuid = ?1 AND date = ?2 AND day_part = ?3",
      error);
  else
    statement = placements_store_prepare (store,
      "INSERT INTO attendance (uuid, created, updated, client_uuid, date, day_part, "
      "workplace_uuid, status, registered_by, registered_at) "
      "VALUES (?4, ?6, ?6, ?1, ?2, ?3, ?5, ?7, ?8, ?6) "
      "ON CONFLICT (client_uuid, date, day_part) DO UPDATE SET updated = ?6, "
      "workplace_uuid = ?5, status = ?7, registered_by = ?8, registered_at = ?6",
      error);
  if (statement == NULL)
    goto fail;
  sqlite3_bind_text (statement, 1, client_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 2, date, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 3, day_part, -1, SQLITE_STATIC);
  if (mark != PLACEMENTS_ATTENDANCE_MARK_NONE)
    {
      sqlite3_bind_text (statement, 4, uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (statement, 5, workplace_uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (statement, 6, now, -1, SQLITE_STATIC);
      sqlite3_bind_text (statement, 7, placements_attendance_mark_to_status (mark), -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (statement, 8, g_get_user_name (), -1, SQLITE_TRANSIENT);
    }
  if (sqlite3_step (statement) != SQLITE_DONE)
    {
      placements_store_set_sqlite_error (store, error, _("The attendance could not be saved"));
      sqlite3_reset (statement);
      sqlite3_clear_bindings (statement);
      goto fail;
    }
  sqlite3_reset (statement);
  sqlite3_clear_bindings (statement);

  if (!placements_store_commit (store, error))
    return FALSE;
  if (previous != NULL)
    *previous = before;
  return TRUE;

fail:
  placements_store_rollback (store);
  return FALSE;
}

GPtrArray *
placements_attendance_week_find_workplaces (PlacementsStore  *store,
                                            const char       *text,
                                            guint             limit,
                                            GError          **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *pattern = g_strdup_printf ("%%%s%%", text != NULL ? text : "");
  sqlite3_stmt *statement;

  statement = placements_store_prepare (store,
    "SELECT uuid, name FROM workplace WHERE name LIKE ?1 ORDER BY name LIMIT ?2", error);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_text (statement, 1, pattern, -1, SQLITE_STATIC);
  sqlite3_bind_int (statement, 2, (int) limit);
  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      g_ptr_array_add (found, g_strdup ((const char *) sqlite3_column_text (statement, 0)));
      g_ptr_array_add (found, g_strdup ((const char *) sqlite3_column_text (statement, 1)));
    }
  sqlite3_reset (statement);
  sqlite3_clear_bindings (statement);
  return g_steal_pointer (&found);
}
