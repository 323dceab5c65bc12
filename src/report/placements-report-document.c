#define G_LOG_DOMAIN "placements-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "placements-date.h"
#include "placements-enum-types.h"
#include "placements-enums.h"
#include "placements-pilot-steps.h"
#include "placements-report-document.h"

#define MARGIN 56.0
#define GAP 6.0
#define BAR_HEIGHT 12.0

/*
 * One pass over the report, block by block: each block is measured, moved to a new page
 * when it does not fit on this one, and drawn only when its page is the one asked for.
 */
typedef struct
{
  cairo_t *cr;
  double   width;
  double   height;
  int      wanted;
  int      page;
  double   y;
} Pen;

static gboolean
drawing (Pen *pen)
{
  return pen->wanted == -1 || pen->wanted == pen->page;
}

static void
make_room (Pen    *pen,
           double  needed)
{
  if (pen->y + needed <= pen->height - MARGIN || pen->y <= MARGIN)
    return;
  if (pen->wanted == -1)
    cairo_show_page (pen->cr);
  pen->page++;
  pen->y = MARGIN;
}

static PangoLayout *
new_layout (Pen        *pen,
            const char *text,
            const char *font,
            double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (pen->cr);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  return layout;
}

static void
text_block (Pen        *pen,
            const char *text,
            const char *font,
            double      space_before)
{
  g_autoptr(PangoLayout) layout = new_layout (pen, text, font, pen->width - 2 * MARGIN);
  int height;

  pango_layout_get_size (layout, NULL, &height);
  pen->y += space_before;
  make_room (pen, height / (double) PANGO_SCALE);
  if (drawing (pen))
    {
      cairo_set_source_rgb (pen->cr, 0, 0, 0);
      cairo_move_to (pen->cr, MARGIN, pen->y);
      pango_cairo_show_layout (pen->cr, layout);
    }
  pen->y += height / (double) PANGO_SCALE + GAP / 2;
}

static void
heading (Pen        *pen,
         const char *text)
{
  /* A heading is never the last line of a page. */
  make_room (pen, 60);
  text_block (pen, text, "Sans Bold 12", 12);
}

/* A row of cells side by side, each @shares of the text width; returns nothing drawn
 * twice: the cells are measured together so that the row moves to a new page whole. */
static void
table_row (Pen               *pen,
           const char *const *cells,
           const double      *shares,
           guint              n_cells,
           gboolean           bold)
{
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double text_width = pen->width - 2 * MARGIN;
  double row_height = 0;
  double x = MARGIN;

  for (guint i = 0; i < n_cells; i++)
    {
      PangoLayout *layout = new_layout (pen, cells[i], bold ? "Sans Bold 9" : "Sans 9",
                                        shares[i] * text_width - GAP);
      int height;

      pango_layout_get_size (layout, NULL, &height);
      row_height = MAX (row_height, height / (double) PANGO_SCALE);
      g_ptr_array_add (layouts, layout);
    }
  make_room (pen, row_height);
  if (drawing (pen))
    {
      cairo_set_source_rgb (pen->cr, 0, 0, 0);
      for (guint i = 0; i < n_cells; i++)
        {
          cairo_move_to (pen->cr, x, pen->y);
          pango_cairo_show_layout (pen->cr, g_ptr_array_index (layouts, i));
          x += shares[i] * text_width;
        }
    }
  pen->y += row_height + GAP / 2;
}

static void
pair_row (Pen        *pen,
          const char *label,
          const char *value)
{
  const char *cells[] = { label, value != NULL && *value != '\0' ? value : "–" };
  const double shares[] = { 0.4, 0.6 };

  table_row (pen, cells, shares, 2, FALSE);
}

/* A bar per item, its length the count against the largest, with the count beside it:
 * the figures are in the text too, for whoever cannot see the chart. */
static void
bar_chart (Pen               *pen,
           const char *const *labels,
           const int         *counts,
           guint              n_items)
{
  double text_width = pen->width - 2 * MARGIN;
  double label_width = 0.4 * text_width;
  double bar_width = 0.5 * text_width;
  int largest = 1;

  for (guint i = 0; i < n_items; i++)
    largest = MAX (largest, counts[i]);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PangoLayout) label = new_layout (pen, labels[i], "Sans 9", label_width - GAP);
      g_autofree char *count_text = g_strdup_printf ("%d", counts[i]);
      g_autoptr(PangoLayout) count = new_layout (pen, count_text, "Sans 9", 40);
      double length = bar_width * counts[i] / largest;
      int label_height;
      double row_height;

      pango_layout_get_size (label, NULL, &label_height);
      row_height = MAX (BAR_HEIGHT, label_height / (double) PANGO_SCALE);
      make_room (pen, row_height + GAP);
      if (drawing (pen))
        {
          cairo_set_source_rgb (pen->cr, 0, 0, 0);
          cairo_move_to (pen->cr, MARGIN, pen->y);
          pango_cairo_show_layout (pen->cr, label);
          /* The blue of the GNOME palette: it prints as a mid grey in black and white. */
          cairo_set_source_rgb (pen->cr, 0x35 / 255.0, 0x84 / 255.0, 0xe4 / 255.0);
          cairo_rectangle (pen->cr, MARGIN + label_width, pen->y + 1, MAX (length, 1),
                           BAR_HEIGHT - 2);
          cairo_fill (pen->cr);
          cairo_set_source_rgb (pen->cr, 0, 0, 0);
          cairo_move_to (pen->cr, MARGIN + label_width + length + GAP, pen->y);
          pango_cairo_show_layout (pen->cr, count);
        }
      pen->y += row_height + GAP;
    }
}

static char *
format_date (const char *iso_date)
{
  if (iso_date == NULL || *iso_date == '\0')
    return g_strdup ("–");
  return placements_date_format_short (iso_date);
}

static void
render_pilot (Pen                   *pen,
              PlacementsPilotReport *report)
{
  g_autofree char *title = NULL;
  g_autofree char *made_on = format_date (report->made_on);
  g_autofree char *subtitle = NULL;
  g_autofree char *start = format_date (report->start_date);
  g_autofree char *evaluation = format_date (report->evaluation_date);
  g_autofree char *scale_up = format_date (report->scale_up_date);
  g_autofree char *target = g_strdup_printf ("%d", report->target_participants);

  /* Translators: the title of a pilot's report for its funder, with the pilot's name. */
  title = g_strdup_printf (_("Pilot Report: %s"), report->name);
  text_block (pen, title, "Sans Bold 18", 0);
  /* Translators: under the report's title, with the date it was made. */
  subtitle = g_strdup_printf (_("Made on %s. Pseudonymised: participants appear under a "
                                "code, without names, dates of birth or identifiers."),
                              made_on);
  text_block (pen, subtitle, "Sans 9", 0);

  heading (pen, C_("report", "Pilot"));
  pair_row (pen, _("Status"), placements_enum_get_label (PLACEMENTS_TYPE_PILOT_STATUS,
                                                         report->status));
  pair_row (pen, _("Start date"), start);
  pair_row (pen, _("Evaluation date"), evaluation);
  pair_row (pen, _("Scale-up date"), scale_up);
  pair_row (pen, _("Target number of participants"), target);

  heading (pen, C_("report", "Partners"));
  if (report->partners->len == 0)
    text_block (pen, _("No partners recorded."), "Sans 9", 0);
  for (guint i = 0; i < report->partners->len; i++)
    {
      PlacementsReportPartner *partner = g_ptr_array_index (report->partners, i);

      pair_row (pen, partner->organisation, partner->role);
    }

  heading (pen, C_("report", "Funding"));
  if (report->funding->len == 0)
    text_block (pen, _("No funding recorded."), "Sans 9", 0);
  for (guint i = 0; i < report->funding->len; i++)
    {
      PlacementsReportFunding *funding = g_ptr_array_index (report->funding, i);
      g_autofree char *amount = placements_format_euro_cents (funding->amount_cents);
      g_autofree char *from = format_date (funding->start_date);
      g_autofree char *to = format_date (funding->end_date);
      /* Translators: a period, as "01-01-2026 to 31-12-2026". */
      g_autofree char *period = g_strdup_printf (_("%s to %s"), from, to);
      g_autofree char *line = g_strdup_printf ("%s · %s", amount, period);

      pair_row (pen, funding->funder, line);
      pair_row (pen, _("Reference"), funding->reference);
      pair_row (pen, _("Reporting obligation"), funding->reporting_obligation);
    }
}

static void
render_results (Pen                   *pen,
                PlacementsPilotReport *report)
{
  const double criterion_shares[] = { 0.5, 0.25, 0.25 };
  const double participant_shares[] = { 0.17, 0.13, 0.16, 0.26, 0.14, 0.14 };
  g_autofree char *participants = g_strdup_printf (_("%u (target %d)"),
                                                   report->participants->len,
                                                   report->target_participants);
  g_autofree char *placed_now = g_strdup_printf ("%d", report->n_placed_now);
  g_autofree char *paused = g_strdup_printf ("%d", report->n_paused);
  g_autofree char *ended = g_strdup_printf ("%d", report->n_ended);
  g_autofree char *after_3_months =
    placements_pilot_report_dup_share (report->n_placed_after_3_months,
                                       report->n_started_3_months_ago);
  g_autofree char *to_work = placements_pilot_report_dup_share (report->n_to_work,
                                                                report->n_ended);
  g_autofree char *hours_now = g_strdup_printf ("%.1f", report->hours_per_week_now);
  /* Translators: hours attended, then the day parts they were counted from */
  g_autofree char *attended = g_strdup_printf (_("%.1f (%d day parts)"),
                                               report->hours_attended,
                                               report->day_parts_attended);
  const char *outcome_labels[PLACEMENTS_OUTCOME_DROPPED_OUT];
  int outcome_counts[PLACEMENTS_OUTCOME_DROPPED_OUT];
  const char *status_labels[] = {
    C_("report", "Placed now"), C_("report", "Paused"), C_("report", "Ended"),
  };
  const int status_counts[] = { report->n_placed_now, report->n_paused, report->n_ended };

  heading (pen, C_("report", "Success Criteria"));
  if (report->criteria->len == 0)
    text_block (pen, _("No success criteria recorded."), "Sans 9", 0);
  else
    {
      const char *header[] = { _("Criterion"), _("Target"), _("Measured") };

      table_row (pen, header, criterion_shares, 3, TRUE);
    }
  for (guint i = 0; i < report->criteria->len; i++)
    {
      PlacementsReportCriterion *criterion = g_ptr_array_index (report->criteria, i);
      const char *cells[] = {
        criterion->description,
        criterion->target != NULL ? criterion->target : "–",
        criterion->measured != NULL ? criterion->measured : "–",
      };

      table_row (pen, cells, criterion_shares, 3, FALSE);
    }

  heading (pen, C_("report", "Figures"));
  pair_row (pen, _("Participants"), participants);
  pair_row (pen, _("Placed now"), placed_now);
  pair_row (pen, _("Paused"), paused);
  pair_row (pen, _("Ended"), ended);
  pair_row (pen, _("Still placed 3 months after starting"), after_3_months);
  pair_row (pen, _("Ended towards work"), to_work);

  pair_row (pen, _("Hours a week of those placed now"), hours_now);
  pair_row (pen, _("Hours attended, from the attendance"), attended);

  heading (pen, C_("report", "Average Days in Each Status"));
  for (int status = 0; status < PLACEMENTS_PLACEMENT_STATUS_ENDED; status++)
    {
      g_autofree char *days = report->average_days[status] < 0 ? g_strdup ("–") :
                              g_strdup_printf ("%.0f", report->average_days[status]);

      pair_row (pen, placements_enum_get_label (PLACEMENTS_TYPE_PLACEMENT_STATUS, status),
                days);
    }

  heading (pen, C_("report", "Participants over Time"));
  if (report->months->len > 0)
    {
      const char *header[] = { _("Month"), _("Started"), _("Placed at month end"),
                               _("Ended") };
      const double month_shares[] = { 0.25, 0.25, 0.25, 0.25 };

      table_row (pen, header, month_shares, 4, TRUE);
      for (guint i = 0; i < report->months->len; i++)
        {
          PlacementsReportMonth *month = g_ptr_array_index (report->months, i);
          g_autofree char *started = g_strdup_printf ("%d", month->started);
          g_autofree char *placed = g_strdup_printf ("%d", month->placed);
          g_autofree char *ended_text = g_strdup_printf ("%d", month->ended);
          const char *cells[] = { month->month, started, placed, ended_text };

          table_row (pen, cells, month_shares, 4, FALSE);
        }
    }

  heading (pen, C_("report", "Participation Ladder, Start against Now"));
  {
    const char *ladder_labels[] = {
      C_("ladder", "Higher"), C_("ladder", "The same"), C_("ladder", "Lower"),
    };
    const int ladder_counts[] = {
      report->n_ladder_up, report->n_ladder_same, report->n_ladder_down,
    };

    bar_chart (pen, ladder_labels, ladder_counts, G_N_ELEMENTS (ladder_counts));
  }

  heading (pen, C_("report", "Participants by Status"));
  bar_chart (pen, status_labels, status_counts, G_N_ELEMENTS (status_counts));

  heading (pen, C_("report", "Outcomes of Ended Placements"));
  for (int i = 0; i < PLACEMENTS_OUTCOME_DROPPED_OUT; i++)
    {
      outcome_labels[i] = placements_enum_get_label (PLACEMENTS_TYPE_OUTCOME, i + 1);
      outcome_counts[i] = report->n_by_outcome[i + 1];
    }
  bar_chart (pen, outcome_labels, outcome_counts, G_N_ELEMENTS (outcome_counts));

  heading (pen, C_("report", "Participants"));
  if (report->participants->len == 0)
    text_block (pen, _("No one has been placed in this pilot yet."), "Sans 9", 0);
  else
    {
      const char *header[] = {
        _("Code"), _("Started"), _("Status"), _("Outcome"), _("Days placed"), _("Ladder"),
      };

      table_row (pen, header, participant_shares, 6, TRUE);
    }
  for (guint i = 0; i < report->participants->len; i++)
    {
      PlacementsReportParticipant *participant = g_ptr_array_index (report->participants, i);
      g_autofree char *days = g_strdup_printf ("%d", participant->days_placed);
      /* Translators: the ladder's rung at the start and now, as "2 → 3". */
      g_autofree char *ladder = participant->rung_at_start > 0 && participant->rung_now > 0 ?
                                g_strdup_printf (_("%d → %d"), participant->rung_at_start,
                                                 participant->rung_now) : g_strdup ("–");
      const char *cells[] = {
        participant->code,
        participant->start_month,
        placements_enum_get_label (PLACEMENTS_TYPE_PLACEMENT_STATUS, participant->status),
        participant->outcome != PLACEMENTS_OUTCOME_NONE ?
          placements_enum_get_label (PLACEMENTS_TYPE_OUTCOME, participant->outcome) : "–",
        days,
        ladder,
      };

      table_row (pen, cells, participant_shares, 6, FALSE);
    }
}

int
placements_report_document_render (PlacementsPilotReport *report,
                                   cairo_t               *cr,
                                   double                 width,
                                   double                 height,
                                   int                    page)
{
  Pen pen = { cr, width, height, page, 0, MARGIN };

  g_return_val_if_fail (report != NULL, 0);
  g_return_val_if_fail (cr != NULL, 0);

  render_pilot (&pen, report);
  render_results (&pen, report);
  if (page == -1)
    cairo_show_page (cr);
  return pen.page + 1;
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

gboolean
placements_report_document_write_pdf (PlacementsPilotReport  *report,
                                      PlacementsStore        *store,
                                      const char             *path,
                                      GError                **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  /* Drawn into memory, then written as every file the app writes: 0600, whole or not
   * at all. */
  surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes,
                                                 PLACEMENTS_REPORT_A4_WIDTH,
                                                 PLACEMENTS_REPORT_A4_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, report->name);
  cr = cairo_create (surface);
  placements_report_document_render (report, cr, PLACEMENTS_REPORT_A4_WIDTH,
                                     PLACEMENTS_REPORT_A4_HEIGHT, -1);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: the file, then the drawing library's reason. */
                   _("The report “%s” could not be drawn: %s"), name,
                   cairo_status_to_string (status));
      return FALSE;
    }
  return placements_pilot_report_save (report, store, path, (const char *) bytes->data,
                                       bytes->len, "pdf", error);
}
