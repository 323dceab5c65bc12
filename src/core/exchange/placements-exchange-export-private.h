#pragma once

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>
#include <sqlite3.h>

#include "placements-error.h"
#include "placements-exchange-export.h"

G_BEGIN_DECLS

/*
 * What the parts of an export share: placements-exchange-export.c runs a write
 * (checks, transaction, file, header, log), placements-exchange-export-select.c
 * selects what travels into temporary tables, placements-exchange-export-records.c
 * writes the selected records of each kind, placements-exchange-export-report.c the
 * participants of a pseudonymised report.
 */

/* Progress is reported about this many times over a write, not once a record. */
#define PROGRESS_STEPS 200

/* Records made as text are handed to the writer in pieces of about this size. */
#define RAW_CHUNK (64 * 1024)

/* The kinds of format v1's <records>, in the schema's words. */
extern const char * const placements_export_travelling_kinds[];

typedef struct
{
  /* The export itself is for placements-exchange-export.c only; the parts read what
   * they need of it here. */
  PlacementsExport       *self;
  PlacementsStore        *store;
  const char             *pilot_uuid;
  /* One client only, as sent from their page; NULL: every client the rules let travel. */
  const char             *client_uuid;
  gboolean                pseudonymise;
  sqlite3                *db;
  const char             *own_uuid;
  const char             *receiver_uuid;
  const char             *receiver_exchange_id;
  xmlTextWriterPtr        writer;
  GCancellable           *cancellable;
  PlacementsProgressFunc  progress;
  gpointer                user_data;
  const char             *stage;
  guint                   done;
  guint                   total;
  guint                   next_report;
  gboolean                record_base;
  /* When the bases were written: one time for the whole export. */
  const char             *exchanged;
  /* Records made as text, not yet handed to the writer (see append_record()). */
  GString                *raw;
  /* Whether the element the records go into has content yet, and whether the
   * last of it was handed over as text: xmlTextWriter then does not indent the
   * end tag by itself. */
  gboolean                container_has_content;
  gboolean                raw_last;
  /* What the selection found: clients, clients left out, records. */
  guint                   n_clients;
  guint                   n_left_out;
  guint                   n_records;
} WriteContext;

static inline gboolean
writer_failed (WriteContext  *context,
               int            result,
               GError       **error)
{
  if (result >= 0)
    return FALSE;
  if (error != NULL && *error == NULL)
    g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO,
                 _("The exchange file could not be written: %s"), g_strerror (errno));
  return TRUE;
}

/* Counts a written record; reports progress now and then, and notices a cancel. */
static inline gboolean
count_record (WriteContext  *context,
              GError       **error)
{
  context->done++;
  if (context->done >= context->next_report)
    {
      if (g_cancellable_set_error_if_cancelled (context->cancellable, error))
        return FALSE;
      if (context->progress != NULL)
        context->progress (context->total > 0 ? (double) context->done / context->total : 1.0,
                           context->stage, context->user_data);
      context->next_report = context->done + MAX (1, context->total / PROGRESS_STEPS);
    }
  return TRUE;
}

static inline gboolean
write_optional_element (WriteContext  *context,
                        const char    *name,
                        const char    *text,
                        GError       **error)
{
  if (text == NULL || *text == '\0')
    return TRUE;
  return !writer_failed (context, xmlTextWriterWriteElement (context->writer, BAD_CAST name,
                                                             BAD_CAST text), error);
}

/* Selects the records that travel into temp.export_client and temp.export_selection,
 * and counts them into @context. */
gboolean placements_export_select          (WriteContext        *context,
                                            GError             **error);
/* Empties the temporary tables of the selection. */
void     placements_export_clear_selection (WriteContext        *context);

/* Writes the selected records of @kinds, in the order of the record types. */
gboolean placements_export_write_kinds     (WriteContext        *context,
                                            const char * const  *kinds,
                                            GError             **error);
/* Hands the records made as text to the writer. */
gboolean placements_export_raw_flush       (WriteContext        *context,
                                            GError             **error);
/* Ends the element holding the records. */
gboolean placements_export_end_container   (WriteContext        *context,
                                            GError             **error);

/* Writes the <report> element of a pseudonymised report. */
gboolean placements_export_write_report    (WriteContext        *context,
                                            GError             **error);

G_END_DECLS
