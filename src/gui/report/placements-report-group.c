#define G_LOG_DOMAIN "placements-report-group"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-date.h"
#include "placements-pilot-report.h"
#include "placements-record-types.h"
#include "placements-report-document.h"
#include "placements-report-group.h"

struct _PlacementsReportGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Owned */
  PlacementsStore     *store;
  PlacementsRecord    *draft;
  char                *error_text;
};

static void placements_report_group_section_init (PlacementsEditorSectionInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlacementsReportGroup, placements_report_group,
                               ADW_TYPE_PREFERENCES_GROUP,
                               G_IMPLEMENT_INTERFACE (PLACEMENTS_TYPE_EDITOR_SECTION,
                                                      placements_report_group_section_init))

static void
placements_report_group_set_record (PlacementsEditorSection *section,
                                    PlacementsStore         *store,
                                    PlacementsRecord        *draft)
{
  PlacementsReportGroup *self = PLACEMENTS_REPORT_GROUP (section);

  g_set_object (&self->store, store);
  g_set_object (&self->draft, draft);
  g_clear_pointer (&self->error_text, g_free);
  /* A report is of what is saved: not of a pilot being made. */
  gtk_widget_set_visible (GTK_WIDGET (self), store != NULL && PLACEMENTS_IS_PILOT (draft) &&
                                             placements_record_get_row_id (draft) > 0);
}

static void
placements_report_group_section_init (PlacementsEditorSectionInterface *iface)
{
  iface->set_record = placements_report_group_set_record;
}

static void
notify (PlacementsReportGroup *self,
        const char            *message,
        const GError          *error)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  g_clear_pointer (&self->error_text, g_free);
  if (error != NULL)
    self->error_text = g_strdup (error->message);
  if (overlay != NULL)
    {
      AdwToast *toast = adw_toast_new (error != NULL ? error->message : message);

      adw_toast_set_timeout (toast, error != NULL ? 0 : 5);
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
    }
}

static PlacementsPilotReport *
make_report (PlacementsReportGroup *self)
{
  g_autofree char *today = placements_date_today ();
  g_autoptr(GError) error = NULL;
  PlacementsPilotReport *report;

  if (self->store == NULL || !PLACEMENTS_IS_PILOT (self->draft))
    return NULL;
  report = placements_pilot_report_new (self->store, placements_record_get_uuid (self->draft),
                                        today, &error);
  if (report == NULL)
    notify (self, NULL, error);
  return report;
}

static void
save_to (PlacementsReportGroup *self,
         const char            *format,
         const char            *path)
{
  g_autoptr(PlacementsPilotReport) report = make_report (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gboolean ok;

  if (report == NULL)
    return;
  if (g_str_equal (format, "csv"))
    ok = placements_pilot_report_write_csv (report, self->store, path, &error);
  else
    ok = placements_report_document_write_pdf (report, self->store, path, &error);
  name = g_filename_display_basename (path);
  /* Translators: a notice after saving a report, with the file's name. */
  message = g_strdup_printf (_("Report saved as “%s”"), name);
  notify (self, message, ok ? NULL : error);
}

static void
save_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  const char *format;
  const char *path;

  g_variant_get (parameter, "(&s&s)", &format, &path);
  save_to (PLACEMENTS_REPORT_GROUP (widget), format, path);
}

typedef struct
{
  PlacementsReportGroup *self;
  char                  *format;
} SaveRequest;

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  SaveRequest *request = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        save_to (request->self, request->format, path);
    }
  g_object_unref (request->self);
  g_free (request->format);
  g_free (request);
  g_object_unref (chooser);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlacementsReportGroup *self = PLACEMENTS_REPORT_GROUP (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *today = placements_date_today ();
  g_autofree char *name = NULL;
  g_autofree char *pilot_name = NULL;
  GtkFileChooserNative *chooser;
  SaveRequest *request;

  if (!PLACEMENTS_IS_PILOT (self->draft) ||
      (!g_str_equal (format, "pdf") && !g_str_equal (format, "csv")))
    return;
  pilot_name = placements_record_dup_display_name (self->draft, NULL);
  /* No slash in a file name: a pilot's name may hold one. */
  g_strdelimit (pilot_name, "/", '-');
  /* Translators: the file name a pilot's report is offered under: the date, the pilot's
   * name, then "pdf" or "csv". */
  name = g_strdup_printf (_("%s Report %s.%s"), today, pilot_name, format);
  chooser = gtk_file_chooser_native_new (g_str_equal (format, "pdf") ?
                                           _("Save the Report as PDF") :
                                           _("Save the Report as CSV"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"),
                                         _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  request = g_new0 (SaveRequest, 1);
  request->self = g_object_ref (self);
  request->format = g_strdup (format);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), request);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Printing: the report is gathered once when the print starts, then laid out on the
 * printer's pages; the log entry is written only when the print was sent. */
static void
begin_print_cb (GtkPrintOperation     *operation,
                GtkPrintContext       *context,
                PlacementsPilotReport *report)
{
  int pages = placements_report_document_render (report,
                                                 gtk_print_context_get_cairo_context (context),
                                                 gtk_print_context_get_width (context),
                                                 gtk_print_context_get_height (context), -2);

  gtk_print_operation_set_n_pages (operation, MAX (pages, 1));
}

static void
draw_page_cb (GtkPrintOperation     *operation,
              GtkPrintContext       *context,
              int                    page,
              PlacementsPilotReport *report)
{
  placements_report_document_render (report, gtk_print_context_get_cairo_context (context),
                                     gtk_print_context_get_width (context),
                                     gtk_print_context_get_height (context), page);
}

static void
print (PlacementsReportGroup *self,
       const char            *export_path)
{
  g_autoptr(PlacementsPilotReport) report = make_report (self);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkPrintOperationResult result;

  if (report == NULL)
    return;
  operation = gtk_print_operation_new ();
  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_job_name (operation, report->name);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), report);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  /* Modal, so that the report lives as long as the print needs it. */
  result = gtk_print_operation_run (operation,
                                    export_path != NULL ? GTK_PRINT_OPERATION_ACTION_EXPORT :
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      notify (self, NULL, error);
      return;
    }
  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    return;
  if (!placements_pilot_report_log (report, self->store, PLACEMENTS_AUDIT_ACTION_PRINT,
                                    export_path != NULL ? "pdf" : "print", &error))
    notify (self, NULL, error);
  else
    notify (self, _("Report sent to the printer"), NULL);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  print (PLACEMENTS_REPORT_GROUP (widget), NULL);
}

/* The pilot's own file for a partner or funder: the send dialog, with this pilot chosen. */
static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlacementsReportGroup *self = PLACEMENTS_REPORT_GROUP (widget);

  if (self->draft != NULL)
    gtk_widget_activate_action (widget, "win.send-pilot", "s",
                                placements_record_get_uuid (self->draft));
}

static void
print_to_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  print (PLACEMENTS_REPORT_GROUP (widget), g_variant_get_string (parameter, NULL));
}

static void
placements_report_group_dispose (GObject *object)
{
  PlacementsReportGroup *self = PLACEMENTS_REPORT_GROUP (object);

  g_clear_object (&self->store);
  g_clear_object (&self->draft);

  G_OBJECT_CLASS (placements_report_group_parent_class)->dispose (object);
}

static void
placements_report_group_finalize (GObject *object)
{
  PlacementsReportGroup *self = PLACEMENTS_REPORT_GROUP (object);

  g_free (self->error_text);

  G_OBJECT_CLASS (placements_report_group_parent_class)->finalize (object);
}

static void
placements_report_group_class_init (PlacementsReportGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = placements_report_group_dispose;
  object_class->finalize = placements_report_group_finalize;

  gtk_widget_class_install_action (widget_class, "report.save", "s", save_action);
  gtk_widget_class_install_action (widget_class, "report.save-to", "(ss)", save_to_action);
  gtk_widget_class_install_action (widget_class, "report.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "report.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "report.print-to", "s", print_to_action);
}

static GtkWidget *
new_button (const char *label,
            const char *action,
            GVariant   *target)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  if (target != NULL)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);
  return button;
}

static void
placements_report_group_init (PlacementsReportGroup *self)
{
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self),
                                   C_("editor group", "Report for the Funder"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         _("Partners, funding, success criteria and figures; "
                                           "participants under a code, without names"));
  /* Buttons rather than a row: three ways to one report, each named by its label. */
  gtk_box_append (GTK_BOX (buttons), new_button (_("Save as _PDF…"), "report.save",
                                                 g_variant_new_string ("pdf")));
  gtk_box_append (GTK_BOX (buttons), new_button (_("Save as _CSV…"), "report.save",
                                                 g_variant_new_string ("csv")));
  gtk_box_append (GTK_BOX (buttons), new_button (_("P_rint…"), "report.print", NULL));
  gtk_box_append (GTK_BOX (buttons), new_button (_("_Send to a Partner…"), "report.send", NULL));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), buttons);
}

GtkWidget *
placements_report_group_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_REPORT_GROUP, NULL);
}

const char *
placements_report_group_get_error (PlacementsReportGroup *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_REPORT_GROUP (self), NULL);
  return self->error_text;
}
