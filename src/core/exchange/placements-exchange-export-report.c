#define G_LOG_DOMAIN "placements-export"

#include "config.h"

#include <string.h>

#include "placements-enums.h"
#include "placements-exchange-export-private.h"
#include "placements-exchange-state.h"
#include "placements-record-types.h"
#include "placements-store-private.h"

/*
 * A pseudonymised report: each consented client as a participant under a code made
 * from their UUID and the receiver's exchange id, with the year of birth alone, the
 * ladder's dates and rungs and the placements' kinds and dates; the pilots with their
 * funding and success criteria as records. Loaded whole, then sorted by code, so that
 * the order says nothing of the clients.
 */

typedef struct
{
  char      *code;
  char      *birth_year;
  char      *target_group;
  char      *funding_route;
  gboolean   right_to_return;
  GPtrArray *ladder_steps; /* (date, rung) pairs, flattened */
  GPtrArray *placements;   /* GStrv of the report-placement attributes */
} Participant;

static void
participant_free (gpointer data)
{
  Participant *participant = data;

  g_free (participant->code);
  g_free (participant->birth_year);
  g_free (participant->target_group);
  g_free (participant->funding_route);
  g_ptr_array_unref (participant->ladder_steps);
  g_ptr_array_unref (participant->placements);
  g_free (participant);
}

static int
compare_participants (gconstpointer a,
                      gconstpointer b)
{
  const Participant *first = *(const Participant * const *) a;
  const Participant *second = *(const Participant * const *) b;

  return strcmp (first->code, second->code);
}

char *
placements_export_participant_code (const char *client_uuid,
                                    const char *receiver_id)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *digits = NULL;

  g_return_val_if_fail (client_uuid != NULL, NULL);
  g_return_val_if_fail (receiver_id != NULL, NULL);

  g_checksum_update (checksum, (const guchar *) client_uuid, -1);
  g_checksum_update (checksum, (const guchar *) ":", 1);
  g_checksum_update (checksum, (const guchar *) receiver_id, -1);
  digits = g_ascii_strup (g_checksum_get_string (checksum), 12);
  return g_strconcat ("P-", digits, NULL);
}

static char *
dup_column (sqlite3_stmt *statement,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (statement, column));
}

static gboolean
step_failed (WriteContext  *context,
             sqlite3_stmt  *statement,
             int            result,
             GError       **error)
{
  sqlite3_reset (statement);
  if (result == SQLITE_DONE)
    return FALSE;
  placements_store_set_sqlite_error (context->store, error,
                                     _("The records to export could not be read"));
  return TRUE;
}

static gboolean
load_participants (WriteContext  *context,
                   GPtrArray     *participants,
                   GError       **error)
{
  g_autoptr(GHashTable) by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                         g_free, NULL);
  sqlite3_stmt *statement;
  int result;

  statement = placements_store_prepare (context->store,
                                        "SELECT x.uuid, c.date_of_birth, c.target_group, "
                                        "c.funding_route, c.right_to_return "
                                        "FROM temp.export_client x "
                                        "JOIN client c ON c.uuid = x.uuid",
                                        error);
  if (statement == NULL)
    return FALSE;
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      Participant *participant = g_new0 (Participant, 1);
      const char *uuid = (const char *) sqlite3_column_text (statement, 0);
      const char *date_of_birth = (const char *) sqlite3_column_text (statement, 1);

      participant->code = placements_export_participant_code (uuid,
                                                              context->receiver_exchange_id);
      /* The year alone: a date of birth would single a person out. */
      if (date_of_birth != NULL && strlen (date_of_birth) >= 4)
        participant->birth_year = g_strndup (date_of_birth, 4);
      participant->target_group = dup_column (statement, 2);
      participant->funding_route = dup_column (statement, 3);
      participant->right_to_return = sqlite3_column_int (statement, 4) != 0;
      participant->ladder_steps = g_ptr_array_new_with_free_func (g_free);
      participant->placements = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      g_ptr_array_add (participants, participant);
      g_hash_table_insert (by_uuid, g_strdup (uuid), participant);
    }
  if (step_failed (context, statement, result, error))
    return FALSE;

  statement = placements_store_prepare (context->store,
                                        "SELECT l.client_uuid, l.date, l.rung "
                                        "FROM temp.export_client x "
                                        "JOIN ladder_step l ON l.client_uuid = x.uuid "
                                        "WHERE (x.categories & 4) <> 0 "
                                        "ORDER BY l.client_uuid, l.date, l.uuid",
                                        error);
  if (statement == NULL)
    return FALSE;
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      Participant *participant =
        g_hash_table_lookup (by_uuid, sqlite3_column_text (statement, 0));

      g_ptr_array_add (participant->ladder_steps, dup_column (statement, 1));
      g_ptr_array_add (participant->ladder_steps,
                       g_strdup_printf ("%d", sqlite3_column_int (statement, 2)));
    }
  if (step_failed (context, statement, result, error))
    return FALSE;

  statement = placements_store_prepare (context->store,
                                        "SELECT p.client_uuid, w.kind, p.start_date, "
                                        "p.actual_end_date, p.status, p.end_reason, "
                                        "p.outcome, p.hours_per_week, p.pilot_uuid "
                                        "FROM temp.export_client x "
                                        "JOIN placement p ON p.client_uuid = x.uuid "
                                        "JOIN workplace w ON w.uuid = p.workplace_uuid "
                                        "WHERE (x.categories & 8) <> 0 "
                                        "  AND (?1 IS NULL OR p.pilot_uuid = ?1) "
                                        "ORDER BY p.client_uuid, p.start_date, p.uuid",
                                        error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, context->pilot_uuid, -1, SQLITE_STATIC);
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      Participant *participant =
        g_hash_table_lookup (by_uuid, sqlite3_column_text (statement, 0));
      char **values = g_new0 (char *, 9);

      for (int i = 0; i < 8; i++)
        {
          if (i == 6 && sqlite3_column_type (statement, 7) != SQLITE_NULL)
            values[i] = placements_record_format_double (sqlite3_column_double (statement, 7));
          else
            values[i] = dup_column (statement, i + 1);
          /* An empty attribute is left out: the array keeps its slots. */
          if (values[i] == NULL)
            values[i] = g_strdup ("");
        }
      g_ptr_array_add (participant->placements, values);
    }
  if (step_failed (context, statement, result, error))
    return FALSE;

  g_ptr_array_sort (participants, compare_participants);
  return TRUE;
}

static gboolean
write_participants (WriteContext  *context,
                    GPtrArray     *participants,
                    GError       **error)
{
  static const char * const placement_attributes[] = {
    "workplace-kind", "start-date", "end-date", "status", "end-reason", "outcome",
    "hours-per-week", "pilot",
  };
  xmlTextWriterPtr writer = context->writer;

  /* The records before the participants go first; after a participant the writer
   * indents its end tag itself again. */
  if (!placements_export_raw_flush (context, error))
    return FALSE;
  if (participants->len > 0)
    context->raw_last = FALSE;

  for (guint p = 0; p < participants->len; p++)
    {
      Participant *participant = g_ptr_array_index (participants, p);

      if (writer_failed (context, xmlTextWriterStartElement (writer, BAD_CAST "participant"),
                         error)
          || writer_failed (context,
                            xmlTextWriterWriteAttribute (writer, BAD_CAST "code",
                                                         BAD_CAST participant->code), error)
          || !write_optional_element (context, "birth-year", participant->birth_year, error)
          || !write_optional_element (context, "target-group", participant->target_group, error)
          || !write_optional_element (context, "funding-route", participant->funding_route,
                                      error)
          || !write_optional_element (context, "right-to-return",
                                      participant->right_to_return ? "true" : "false", error))
        return FALSE;

      for (guint i = 0; i + 1 < participant->ladder_steps->len; i += 2)
        if (writer_failed (context, xmlTextWriterStartElement (writer, BAD_CAST "ladder-step"),
                           error)
            || writer_failed (context,
                              xmlTextWriterWriteAttribute (
                                writer, BAD_CAST "date",
                                g_ptr_array_index (participant->ladder_steps, i)), error)
            || writer_failed (context,
                              xmlTextWriterWriteAttribute (
                                writer, BAD_CAST "rung",
                                g_ptr_array_index (participant->ladder_steps, i + 1)), error)
            || writer_failed (context, xmlTextWriterEndElement (writer), error))
          return FALSE;

      for (guint i = 0; i < participant->placements->len; i++)
        {
          char **values = g_ptr_array_index (participant->placements, i);

          if (writer_failed (context,
                             xmlTextWriterStartElement (writer, BAD_CAST "placement"), error))
            return FALSE;
          for (guint a = 0; a < G_N_ELEMENTS (placement_attributes); a++)
            if (*values[a] != '\0'
                && writer_failed (context,
                                  xmlTextWriterWriteAttribute (
                                    writer, BAD_CAST placement_attributes[a],
                                    BAD_CAST values[a]), error))
              return FALSE;
          if (writer_failed (context, xmlTextWriterEndElement (writer), error))
            return FALSE;
        }

      if (writer_failed (context, xmlTextWriterEndElement (writer), error)
          || !count_record (context, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
placements_export_write_report (WriteContext  *context,
                                GError       **error)
{
  static const char * const report_kinds[] = {
    "pilot", "funding", "success-criterion", NULL
  };
  g_autoptr(GPtrArray) participants = g_ptr_array_new_with_free_func (participant_free);

  return !(!load_participants (context, participants, error)
           || writer_failed (context, xmlTextWriterStartElement (context->writer,
                                                                 BAD_CAST "report"), error)
           || !placements_export_write_kinds (context, report_kinds, error)
           || !write_participants (context, participants, error)
           || !placements_export_end_container (context, error));
}
