#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "cli-commands.h"
#include "placements-csv.h"
#include "placements-record-list.h"
#include "placements-record-kind.h"
#include "placements-record-types.h"

typedef enum
{
  FORMAT_TSV,
  FORMAT_CSV,
} Format;

static void
append_kind (GString              *text,
             PlacementsRecordKind *kind)
{
  if (text->len > 0)
    g_string_append (text, ", ");
  g_string_append (text, placements_record_kind_get_name (kind));
}

/* The window's sections first, in its order, then the kinds shown inside records. */
static char *
known_kinds (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  GListModel *sections = placements_record_kind_get_sections ();

  for (guint i = 0; i < g_list_model_get_n_items (sections); i++)
    {
      g_autoptr(PlacementsRecordKind) kind = g_list_model_get_item (sections, i);

      append_kind (text, kind);
    }
  for (guint i = 0; i < placements_record_kind_get_n_kinds (); i++)
    {
      PlacementsRecordKind *kind = placements_record_kind_get_nth (i);

      if (!placements_record_kind_is_section (kind))
        append_kind (text, kind);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
append_value (GString    *line,
              Format      format,
              guint       column,
              const char *value)
{
  if (column > 0)
    g_string_append_c (line, format == FORMAT_TSV ? '\t' : ',');
  if (format == FORMAT_TSV)
    placements_tsv_append_field (line, value);
  else
    placements_csv_append_field (line, value);
}

static void
end_line (GString *line,
          Format   format)
{
  /* TSV is a Unix text file. */
  if (format == FORMAT_CSV)
    placements_csv_end_record (line);
  else
    g_string_append_c (line, '\n');
}

static gboolean
write_line (GString *line)
{
  return fwrite (line->str, 1, line->len, stdout) == line->len;
}

/* The columns: the UUID, then every field but those that never leave the database. */
static GPtrArray *
list_columns (PlacementsRecordClass *klass)
{
  GPtrArray *columns = g_ptr_array_new ();

  g_ptr_array_add (columns, (gpointer) "uuid");
  for (guint i = 0; i < placements_record_class_get_n_fields (klass); i++)
    {
      const PlacementsField *field = placements_record_class_get_field (klass, i);

      if ((field->flags & PLACEMENTS_FIELD_NEVER_EXPORTED) != 0)
        continue;
      g_ptr_array_add (columns, (gpointer) field->pspec->name);
    }
  return columns;
}

static int
print_records (PlacementsRecordList *list,
               Format                format,
               gboolean              labels)
{
  g_autoptr(PlacementsRecordClass) klass =
    g_type_class_ref (placements_record_list_get_record_type (list));
  g_autoptr(GPtrArray) columns = list_columns (klass);
  g_autoptr(GString) line = g_string_sized_new (1024);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  gboolean written = TRUE;

  for (guint i = 0; i < columns->len; i++)
    append_value (line, format, i, g_ptr_array_index (columns, i));
  end_line (line, format);
  written = write_line (line);

  /* One record at a time: the list holds a bounded cache, so memory stays flat. */
  for (guint position = 0; written && position < n_items; position++)
    {
      g_autoptr(PlacementsRecord) record = g_list_model_get_item (G_LIST_MODEL (list), position);

      /* Deleted by someone else since the list was made: the list stands in an empty
       * record that was never stored. */
      if (placements_record_get_row_id (record) <= 0)
        continue;

      g_string_truncate (line, 0);
      for (guint i = 0; i < columns->len; i++)
        {
          const char *column = g_ptr_array_index (columns, i);
          g_autofree char *value = labels ? placements_record_dup_field_label (record, column)
                                          : placements_record_dup_field_text (record, column);

          append_value (line, format, i, value);
        }
      end_line (line, format);
      written = write_line (line);
    }

  if (!written || fflush (stdout) != 0)
    {
      int saved_errno = errno;

      return cli_fail (_("the list could not be written: %s"), g_strerror (saved_errno));
    }
  return CLI_EXIT_OK;
}

int
cli_command_list (const CliOptions   *options,
                  char             ***args)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(PlacementsRecordList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *format_text = NULL;
  g_autofree char *search_text = NULL;
  g_autofree char *kinds = known_kinds ();
  g_autofree char *description = NULL;
  Format format = FORMAT_TSV;
  gboolean labels = FALSE;
  int status = CLI_EXIT_OK;
  PlacementsRecordKind *kind;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("Write tab-separated (tsv, the default) or comma-separated values (csv)"),
      N_("tsv|csv") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search_text,
      N_("Only records whose names or words start with each word of TEXT"), N_("TEXT") },
    { "labels", 0, 0, G_OPTION_ARG_NONE, &labels,
      N_("Write codes as their labels, in the words of each record's country"), NULL },
    G_OPTION_ENTRY_NULL
  };

  /* TRANSLATORS: the argument of "placements-cli list" */
  context = g_option_context_new (_("KIND"));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, N_("Prints one line of column names, then one line "
                                            "per record, in the order of the list in the "
                                            "program. National id numbers are left out."));
  description = g_strdup_printf (_("Kinds: %s."), kinds);
  g_option_context_set_description (context, description);
  if (!cli_parse_options (context, "list", args, &status))
    return status;

  if (g_strv_length (*args) < 2)
    return cli_usage_error ("list", _("say which kind of records to list"));
  if (g_strv_length (*args) > 2)
    return cli_usage_error ("list", _("unexpected argument “%s”"), (*args)[2]);

  kind = placements_record_kind_find ((*args)[1]);
  if (kind == NULL)
    return cli_usage_error ("list", _("unknown kind “%s”; known kinds: %s"),
                            (*args)[1], kinds);

  if (format_text != NULL && g_ascii_strcasecmp (format_text, "csv") == 0)
    format = FORMAT_CSV;
  else if (format_text != NULL && g_ascii_strcasecmp (format_text, "tsv") != 0)
    return cli_usage_error ("list", _("unknown format “%s”; use tsv or csv"), format_text);

  store = cli_open_store_for_reading (options, &error);
  if (store == NULL)
    return cli_fail_error (error);

  /* One snapshot for the whole list: the list reads it page by page, and an import
   * committed in between must not show half old and half new rows. */
  if (!placements_store_begin_read (store, &error))
    return cli_fail_error (error);
  list = placements_record_list_new (store, placements_record_kind_get_record_type (kind));
  placements_record_list_set_search_text (list, search_text);

  status = print_records (list, format, labels);
  placements_store_end_read (store);
  return status;
}
