#define G_LOG_DOMAIN "placements-export"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/xmlwriter.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "placements-enums.h"
#include "placements-error.h"
#include "placements-private-file.h"
#include "placements-exchange-state.h"
#include "placements-exchange-export.h"
#include "placements-record-types.h"
#include "placements-store-private.h"

/*
 * Export streams straight from SQL rows to xmlTextWriter: records are selected
 * into two temporary tables (the consented clients, and every record that travels
 * as kind + UUID), then each kind is read in one ordered query. No record
 * objects are built on the way, because the 100,000 clients of the demo database
 * bring three quarters of a million records. The text form of each field follows
 * placements_record_dup_field_text() exactly; the tests hold the two together.
 */

#define EXCHANGE_NAMESPACE "urn:example:placements:exchange:1"
#define FORMAT_VERSION "1.0"

/* Progress is reported about this many times over a write, not once a record. */
#define PROGRESS_STEPS 200

struct _PlacementsExport
{
  GObject          parent_instance;

  /* Owned */
  PlacementsStore *store;
  char            *receiver;
  char            *pilot_uuid;
  gboolean         pseudonymise;

  /* The summary of the last successful write. */
  char            *message_id;
  const char      *message_kind;
  guint            n_records;
  guint            n_clients;
  guint            n_left_out;
};

G_DEFINE_FINAL_TYPE (PlacementsExport, placements_export, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_RECEIVER,
  PROP_PILOT_UUID,
  PROP_PSEUDONYMISE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The kinds of format v1's <records>, in the schema's words. Allocations,
 * attendance and audit events stay in the organisation that keeps them. */
static const char * const travelling_kinds[] = {
  "organisation", "person", "client", "ladder-step", "workplace", "buddy",
  "buddy-pairing", "pilot", "pilot-partner", "pilot-contact", "funding",
  "success-criterion", "placement", "progress-note", "consent", NULL
};

/* The parts of a pilot: they travel with the pilot, not because anything
 * refers to them. */
static const char * const pilot_parts[] = {
  "pilot-partner", "pilot-contact", "funding", "success-criterion", NULL
};

/* What a field needs a client's consent to grant before it may travel. */
static const struct {
  const char *kind;
  const char *field;
  guint       category;
} category_fields[] = {
  { "client", "support-question", PLACEMENTS_DATA_CATEGORY_SUPPORT },
  { "client", "goals", PLACEMENTS_DATA_CATEGORY_SUPPORT },
};

typedef enum
{
  CONVERT_STRING,
  CONVERT_INT,
  CONVERT_INT64,
  CONVERT_DOUBLE,
  CONVERT_BOOLEAN,
  CONVERT_ENUM,
  CONVERT_FLAGS,
} Conversion;

typedef struct
{
  const PlacementsField *field;
  /* The element name: the property name, as in the schema. */
  const char            *name;
  Conversion             conversion;
  gboolean               zero_is_empty;
  guint                  category;
  /* The text of a NULL column: what the record would hold after loading it. */
  char                  *null_text;
  GFlagsClass           *flags_class;
} ExportField;

typedef struct
{
  GType                  type;
  PlacementsRecordClass *klass;
  const char            *kind;
  const char            *table;
  GArray                *fields; /* ExportField, NEVER_EXPORTED ones left out */
  char                  *select_sql;
} ExportKind;

typedef struct
{
  PlacementsExport       *self;
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
} WriteContext;

static void
export_field_clear (gpointer data)
{
  ExportField *field = data;

  g_clear_pointer (&field->null_text, g_free);
  if (field->flags_class != NULL)
    g_type_class_unref (field->flags_class);
}

static void
export_kind_free (ExportKind *kind)
{
  g_clear_pointer (&kind->fields, g_array_unref);
  g_clear_pointer (&kind->select_sql, g_free);
  if (kind->klass != NULL)
    g_type_class_unref (kind->klass);
  g_free (kind);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportKind, export_kind_free)

static gboolean
is_travelling_kind (const char *kind)
{
  return g_strv_contains (travelling_kinds, kind);
}

/* The text of a field's default value, with the rules of dup_field_text(). */
static char *
default_text (const ExportField *export_field)
{
  GParamSpec *pspec = export_field->field->pspec;
  g_auto(GValue) value = G_VALUE_INIT;
  GType type = pspec->value_type;

  g_value_init (&value, type);
  g_param_value_set_default (pspec, &value);

  switch (export_field->conversion)
    {
    case CONVERT_STRING:
      return g_strdup (g_value_get_string (&value) != NULL ? g_value_get_string (&value) : "");
    case CONVERT_BOOLEAN:
      return g_strdup (g_value_get_boolean (&value) ? "true" : "false");
    case CONVERT_INT:
      if (g_value_get_int (&value) == 0 && export_field->zero_is_empty)
        return g_strdup ("");
      return g_strdup_printf ("%d", g_value_get_int (&value));
    case CONVERT_INT64:
      if (g_value_get_int64 (&value) == 0 && export_field->zero_is_empty)
        return g_strdup ("");
      return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (&value));
    case CONVERT_DOUBLE:
      if (g_value_get_double (&value) == 0.0 && export_field->zero_is_empty)
        return g_strdup ("");
      /* The same shortest text as the record's own, so bases and files agree. */
      return placements_record_format_double (g_value_get_double (&value));
    case CONVERT_ENUM:
      {
        int none = 0;
        const char *nick;

        /* A NULL code loads as the enum's NONE value where it has one. */
        if (placements_enum_from_nick (type, "none", &none))
          return g_strdup ("");
        nick = placements_enum_get_nick (type, g_value_get_enum (&value));
        return g_strdup (nick != NULL ? nick : "");
      }
    case CONVERT_FLAGS:
      {
        GString *text = g_string_new (NULL);

        placements_record_append_flags_text (text, export_field->flags_class,
                                             g_value_get_flags (&value));
        return g_string_free (text, FALSE);
      }
    default:
      g_assert_not_reached ();
    }
}

static ExportKind *
export_kind_new (GType       type,
                 const char *extra_join)
{
  g_autoptr(ExportKind) kind = g_new0 (ExportKind, 1);
  g_autoptr(GString) sql = g_string_new (NULL);
  guint n_fields;

  kind->type = type;
  kind->klass = g_type_class_ref (type);
  kind->kind = placements_record_class_get_kind (kind->klass);
  kind->table = placements_record_class_get_table (kind->klass);
  kind->fields = g_array_new (FALSE, TRUE, sizeof (ExportField));
  g_array_set_clear_func (kind->fields, export_field_clear);

  g_string_append (sql, "SELECT t.uuid");
  n_fields = placements_record_class_get_n_fields (kind->klass);
  for (guint i = 0; i < n_fields; i++)
    {
      const PlacementsField *field = placements_record_class_get_field (kind->klass, i);
      GType value_type = field->pspec->value_type;
      ExportField export_field = { 0, };

      /* National id numbers are not even read. */
      if ((field->flags & PLACEMENTS_FIELD_NEVER_EXPORTED) != 0)
        continue;

      export_field.field = field;
      export_field.name = field->pspec->name;
      export_field.zero_is_empty = (field->flags & PLACEMENTS_FIELD_ZERO_IS_EMPTY) != 0;
      if (value_type == G_TYPE_STRING)
        export_field.conversion = CONVERT_STRING;
      else if (value_type == G_TYPE_INT)
        export_field.conversion = CONVERT_INT;
      else if (value_type == G_TYPE_INT64)
        export_field.conversion = CONVERT_INT64;
      else if (value_type == G_TYPE_DOUBLE)
        export_field.conversion = CONVERT_DOUBLE;
      else if (value_type == G_TYPE_BOOLEAN)
        export_field.conversion = CONVERT_BOOLEAN;
      else if (G_TYPE_IS_FLAGS (value_type))
        {
          export_field.conversion = CONVERT_FLAGS;
          export_field.flags_class = g_type_class_ref (value_type);
        }
      else if (G_TYPE_IS_ENUM (value_type))
        export_field.conversion = CONVERT_ENUM;
      else
        g_assert_not_reached ();

      for (guint c = 0; c < G_N_ELEMENTS (category_fields); c++)
        if (g_str_equal (category_fields[c].kind, kind->kind)
            && g_str_equal (category_fields[c].field, export_field.name))
          export_field.category = category_fields[c].category;

      export_field.null_text = default_text (&export_field);
      g_array_append_val (kind->fields, export_field);
      g_string_append_printf (sql, ", t.%s", field->column);
    }

  /* The last column: the data categories the client's consents grant. */
  if (extra_join != NULL)
    g_string_append (sql, ", x.categories");
  else
    g_string_append (sql, ", NULL");
  g_string_append_printf (sql,
                          " FROM temp.export_selection s JOIN %s t ON t.id = s.row_id%s"
                          " WHERE s.kind = ?1 ORDER BY s.uuid",
                          kind->table, extra_join != NULL ? extra_join : "");
  kind->select_sql = g_string_free (g_steal_pointer (&sql), FALSE);
  return g_steal_pointer (&kind);
}

/* XML 1.0 cannot carry most control characters at all, not even escaped. */
static gboolean
text_fits_xml (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      return FALSE;
  return g_utf8_validate (text, -1, NULL);
}

/* Writes the text form of column @column into @buffer (or points @text at the
 * row's own text), with the rules of placements_record_dup_field_text(). */
static const char *
column_text (const ExportField *export_field,
             sqlite3_stmt      *statement,
             int                column,
             GString           *buffer)
{
  if (sqlite3_column_type (statement, column) == SQLITE_NULL)
    return export_field->null_text;

  switch (export_field->conversion)
    {
    case CONVERT_STRING:
    case CONVERT_ENUM:
      return (const char *) sqlite3_column_text (statement, column);
    case CONVERT_BOOLEAN:
      return sqlite3_column_int (statement, column) != 0 ? "true" : "false";
    case CONVERT_INT:
    case CONVERT_INT64:
      {
        gint64 number = sqlite3_column_int64 (statement, column);

        if (export_field->conversion == CONVERT_INT)
          number = (int) number;
        if (number == 0 && export_field->zero_is_empty)
          return "";
        g_string_printf (buffer, "%" G_GINT64_FORMAT, number);
        return buffer->str;
      }
    case CONVERT_DOUBLE:
      {
        double number = sqlite3_column_double (statement, column);
        g_autofree char *text = NULL;

        if (number == 0.0 && export_field->zero_is_empty)
          return "";
        text = placements_record_format_double (number);
        g_string_assign (buffer, text);
        return buffer->str;
      }
    case CONVERT_FLAGS:
      g_string_truncate (buffer, 0);
      placements_record_append_flags_text (buffer, export_field->flags_class,
                                           (guint) sqlite3_column_int64 (statement, column));
      return buffer->str;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
exec_sql (WriteContext  *context,
          const char    *sql,
          GError       **error)
{
  if (sqlite3_exec (context->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      placements_store_set_sqlite_error (context->self->store, error,
                                         _("The records to export could not be selected"));
      g_debug ("Failed: %s", sql);
      return FALSE;
    }
  return TRUE;
}

/* Runs a statement of the selection with the export's parameters bound by name. */
static gboolean
run_selection (WriteContext  *context,
               const char    *sql,
               const char    *today,
               GError       **error)
{
  PlacementsExport *self = context->self;
  sqlite3_stmt *statement = placements_store_prepare (self->store, sql, error);
  int index;

  if (statement == NULL)
    return FALSE;
  if ((index = sqlite3_bind_parameter_index (statement, ":receiver")) > 0)
    sqlite3_bind_text (statement, index, context->receiver_uuid, -1, SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (statement, ":own")) > 0)
    sqlite3_bind_text (statement, index, context->own_uuid, -1, SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (statement, ":pilot")) > 0)
    sqlite3_bind_text (statement, index, self->pilot_uuid, -1, SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (statement, ":today")) > 0)
    sqlite3_bind_text (statement, index, today, -1, SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (statement, ":referral")) > 0)
    sqlite3_bind_int (statement, index, self->pseudonymise ? 0 : 1);

  if (sqlite3_step (statement) != SQLITE_DONE)
    {
      placements_store_set_sqlite_error (self->store, error,
                                         _("The records to export could not be selected"));
      sqlite3_reset (statement);
      return FALSE;
    }
  sqlite3_reset (statement);
  return TRUE;
}

static gint64
query_count (WriteContext *context,
             const char   *sql)
{
  sqlite3_stmt *statement = placements_store_prepare (context->self->store, sql, NULL);
  gint64 count = 0;
  int index;

  if (statement == NULL)
    return 0;
  if ((index = sqlite3_bind_parameter_index (statement, ":pilot")) > 0)
    sqlite3_bind_text (statement, index, context->self->pilot_uuid, -1, SQLITE_STATIC);
  if ((index = sqlite3_bind_parameter_index (statement, ":receiver")) > 0)
    sqlite3_bind_text (statement, index, context->receiver_uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (statement) == SQLITE_ROW)
    count = sqlite3_column_int64 (statement, 0);
  sqlite3_reset (statement);
  return count;
}

/* The consent rules of docs/exchange-format.md, "Consent". The data categories a
 * client's valid consents grant are OR-ed together, bit by bit. */
static const char select_clients_sql[] =
  "INSERT INTO temp.export_client (uuid, categories) "
  "SELECT client_uuid, "
  "  max(data_categories & 1) | max(data_categories & 2) | max(data_categories & 4)"
  "  | max(data_categories & 8) | max(data_categories & 16) AS granted "
  "FROM consent "
  "WHERE receiver_uuid = :receiver AND given_date <= :today "
  "  AND (expiry_date IS NULL OR expiry_date >= :today) "
  "  AND (withdrawn_date IS NULL OR withdrawn_date > :today) "
  "  AND (:referral = 0 OR purpose IN ('placement', 'referral')) "
  "  AND (:pilot IS NULL OR client_uuid IN "
  "       (SELECT client_uuid FROM placement WHERE pilot_uuid = :pilot)) "
  "GROUP BY client_uuid "
  "HAVING :referral = 0 OR (granted & 1) <> 0";

/* What the consented clients bring of their own: every statement adds to the
 * selection. The bits are PlacementsDataCategory: 4 progress, 8 placements. The
 * row id is kept so that writing reads each row without a second index search. */
static const char * const seed_sql[] = {
  "INSERT OR IGNORE INTO temp.export_selection (kind, uuid, row_id) "
  "SELECT 'client', c.uuid, c.id FROM temp.export_client x JOIN client c ON c.uuid = x.uuid",
  "INSERT OR IGNORE INTO temp.export_selection (kind, uuid, row_id) "
  "SELECT 'consent', c.uuid, c.id FROM temp.export_client x "
  "JOIN consent c ON c.client_uuid = x.uuid WHERE c.receiver_uuid = :receiver",
  "INSERT OR IGNORE INTO temp.export_selection (kind, uuid, row_id) "
  "SELECT 'ladder-step', l.uuid, l.id FROM temp.export_client x "
  "JOIN ladder_step l ON l.client_uuid = x.uuid WHERE (x.categories & 4) <> 0",
  "INSERT OR IGNORE INTO temp.export_selection (kind, uuid, row_id) "
  "SELECT 'progress-note', n.uuid, n.id FROM temp.export_client x "
  "JOIN progress_note n ON n.client_uuid = x.uuid "
  "WHERE (x.categories & 4) <> 0 AND n.shareable = 1",
  "INSERT OR IGNORE INTO temp.export_selection (kind, uuid, row_id) "
  "SELECT 'placement', p.uuid, p.id FROM temp.export_client x "
  "JOIN placement p ON p.client_uuid = x.uuid "
  "WHERE (x.categories & 8) <> 0 AND (:pilot IS NULL OR p.pilot_uuid = :pilot)",
  "INSERT OR IGNORE INTO temp.export_selection (kind, uuid, row_id) "
  "SELECT 'buddy-pairing', b.uuid, b.id FROM temp.export_client x "
  "JOIN buddy_pairing b ON b.client_uuid = x.uuid WHERE (x.categories & 8) <> 0",
  "INSERT OR IGNORE INTO temp.export_selection (kind, uuid, row_id) "
  "SELECT 'pilot', uuid, id FROM pilot WHERE uuid = :pilot",
  /* The sender and the receiver always travel: the header names them. */
  "INSERT OR IGNORE INTO temp.export_selection (kind, uuid, row_id) "
  "SELECT 'organisation', uuid, id FROM organisation WHERE uuid IN (:receiver, :own)",
  NULL
};

/* A report carries the pilots of the placements it shows, with their funding and
 * success criteria, and nothing else as records. */
static const char * const report_seed_sql[] = {
  "INSERT OR IGNORE INTO temp.export_selection (kind, uuid, row_id) "
  "SELECT 'pilot', t.uuid, t.id FROM pilot t WHERE t.uuid IN "
  "  (SELECT p.pilot_uuid FROM temp.export_client x "
  "   JOIN placement p ON p.client_uuid = x.uuid "
  "   WHERE (x.categories & 8) <> 0 AND (:pilot IS NULL OR p.pilot_uuid = :pilot))",
  "INSERT OR IGNORE INTO temp.export_selection (kind, uuid, row_id) "
  "SELECT 'pilot', uuid, id FROM pilot WHERE uuid = :pilot",
  "INSERT OR IGNORE INTO temp.export_selection (kind, uuid, row_id) "
  "SELECT 'funding', f.uuid, f.id FROM funding f WHERE f.pilot_uuid IN "
  "  (SELECT uuid FROM temp.export_selection WHERE kind = 'pilot')",
  "INSERT OR IGNORE INTO temp.export_selection (kind, uuid, row_id) "
  "SELECT 'success-criterion', c.uuid, c.id FROM success_criterion c WHERE c.pilot_uuid IN "
  "  (SELECT uuid FROM temp.export_selection WHERE kind = 'pilot')",
  NULL
};

/*
 * A record brings what it references. Record types come after every type they
 * refer to, so one pass from the last type to the first reaches every
 * reference; the parts of a pilot join when the pass reaches them, after the
 * placements (later in the order) have named their pilots. Each kind's selected
 * rows are read once, for the distinct combinations of what they refer to: a
 * hundred thousand placements name a few hundred workplaces.
 */
static gboolean
select_references (WriteContext  *context,
                   GError       **error)
{
  guint n_types;
  const GType *types = placements_store_get_record_types (&n_types);

  for (guint t = n_types; t-- > 0;)
    {
      g_autoptr(PlacementsRecordClass) klass = g_type_class_ref (types[t]);
      const char *kind = placements_record_class_get_kind (klass);
      const char *table = placements_record_class_get_table (klass);
      g_autoptr(GString) columns = g_string_new (NULL);
      g_autoptr(GPtrArray) fields = g_ptr_array_new ();
      gboolean ok;
      char *sql;

      if (!is_travelling_kind (kind))
        continue;

      if (g_strv_contains (pilot_parts, kind))
        {
          sql = sqlite3_mprintf ("INSERT OR IGNORE INTO temp.export_selection "
                                 "(kind, uuid, row_id) "
                                 "SELECT %Q, t.uuid, t.id FROM %s t WHERE t.pilot_uuid IN "
                                 "(SELECT uuid FROM temp.export_selection "
                                 " WHERE kind = 'pilot')",
                                 kind, table);
          ok = exec_sql (context, sql, error);
          sqlite3_free (sql);
          if (!ok)
            return FALSE;
        }

      for (guint i = 0; i < placements_record_class_get_n_fields (klass); i++)
        {
          const PlacementsField *field = placements_record_class_get_field (klass, i);

          /* Every record that refers to a client was selected for that client. */
          if (field->references == G_TYPE_INVALID || field->references == PLACEMENTS_TYPE_CLIENT)
            continue;
          g_string_append_printf (columns, "%st.%s", columns->len > 0 ? ", " : "",
                                  field->column);
          g_ptr_array_add (fields, (gpointer) field);
        }
      if (fields->len == 0)
        continue;

      /* The rows are read in the order of their ids, not of their UUIDs: one
       * pass along the table rather than a jump to another page for each. */
      sql = sqlite3_mprintf ("DROP TABLE IF EXISTS temp.export_references;"
                             "CREATE TEMP TABLE export_references AS SELECT DISTINCT %s "
                             "FROM %s t WHERE t.id IN (SELECT row_id "
                             "FROM temp.export_selection WHERE kind = %Q)",
                             columns->str, table, kind);
      ok = exec_sql (context, sql, error);
      sqlite3_free (sql);
      if (!ok)
        return FALSE;

      for (guint i = 0; i < fields->len; i++)
        {
          const PlacementsField *field = g_ptr_array_index (fields, i);
          g_autoptr(PlacementsRecordClass) referenced = g_type_class_ref (field->references);

          g_assert (is_travelling_kind (placements_record_class_get_kind (referenced)));
          sql = sqlite3_mprintf ("INSERT OR IGNORE INTO temp.export_selection "
                                 "(kind, uuid, row_id) "
                                 "SELECT %Q, r.uuid, r.id FROM %s r WHERE r.uuid IN "
                                 "(SELECT %s FROM temp.export_references)",
                                 placements_record_class_get_kind (referenced),
                                 placements_record_class_get_table (referenced),
                                 field->column);
          ok = exec_sql (context, sql, error);
          sqlite3_free (sql);
          if (!ok)
            return FALSE;
        }
    }
  return exec_sql (context, "DROP TABLE IF EXISTS temp.export_references", error);
}

static gboolean
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
static gboolean
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

/* One field element through the writer. Most texts need no escaping; those are
 * handed to the writer as they are, which spares xmlEncodeSpecialChars() a copy
 * of each. The bytes are the same either way. */
static gboolean
write_field (WriteContext  *context,
             const char    *name,
             const char    *text,
             GError       **error)
{
  xmlTextWriterPtr writer = context->writer;

  if (strpbrk (text, "<>&\"\r") != NULL)
    return !writer_failed (context, xmlTextWriterWriteElement (writer, BAD_CAST name,
                                                               BAD_CAST text), error);
  return !(writer_failed (context, xmlTextWriterStartElement (writer, BAD_CAST name), error)
           || writer_failed (context, xmlTextWriterWriteRaw (writer, BAD_CAST text), error)
           || writer_failed (context, xmlTextWriterEndElement (writer), error));
}

/*
 * Records as text. Three calls of xmlTextWriter a field, each walking its stack
 * of open elements, cost more than the selection: the 765,000 records of the
 * 100,000-client demo carry millions of fields. So each record is made here in
 * a GString, with the bytes the writer would make, and handed to it in large
 * pieces with xmlTextWriterWriteRaw(). The writer indents by two spaces, and a
 * record is two levels deep (message, records or report):
 *
 *     <kind uuid="...">\n
 *       <field>text</field>\n
 *     </kind>\n
 *
 * or "    <kind uuid=\"...\"/>\n" without fields. Element text is escaped as
 * xmlEncodeSpecialChars() does. A UUID that would need escaping in an attribute
 * (the writer turns non-ASCII there into character references) sends its record
 * through the writer instead; the two ways mix, see raw_flush().
 */
#define RAW_CHUNK (64 * 1024)

/* Hands the records made as text to the writer. The first piece in an element
 * closes its start tag: the writer adds the ">", append_record() the newline. */
static gboolean
raw_flush (WriteContext  *context,
           GError       **error)
{
  GString *raw = context->raw;

  if (raw->len == 0)
    return TRUE;
  if (writer_failed (context,
                     xmlTextWriterWriteRawLen (context->writer, BAD_CAST raw->str,
                                               (int) raw->len), error))
    return FALSE;
  g_string_truncate (raw, 0);
  return TRUE;
}

/* Ends the element holding the records. After text the writer would put its end
 * tag straight after it, without the indent it gives it after an element. */
static gboolean
end_container (WriteContext  *context,
               GError       **error)
{
  if (context->raw_last)
    g_string_append (context->raw, "  ");
  context->raw_last = FALSE;
  context->container_has_content = FALSE;
  return raw_flush (context, error)
         && !writer_failed (context, xmlTextWriterEndElement (context->writer), error);
}

static void
append_escaped (GString    *raw,
                const char *text)
{
  const char *start = text;
  const char *p;

  for (p = text; *p != '\0'; p++)
    {
      const char *entity;

      switch (*p)
        {
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '&': entity = "&amp;"; break;
        case '"': entity = "&quot;"; break;
        case '\r': entity = "&#13;"; break;
        default: continue;
        }
      g_string_append_len (raw, start, p - start);
      g_string_append (raw, entity);
      start = p + 1;
    }
  g_string_append_len (raw, start, p - start);
}

/* Whether the writer would put @text into an attribute as it is. */
static gboolean
is_plain_attribute (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    if (*p < 0x20 || *p >= 0x80 || *p == '&' || *p == '<' || *p == '>' || *p == '"')
      return FALSE;
  return TRUE;
}

static gboolean
write_kind (WriteContext  *context,
            ExportKind    *kind,
            GError       **error)
{
  PlacementsExport *self = context->self;
  xmlTextWriterPtr writer = context->writer;
  GString *raw = context->raw;
  g_autoptr(GString) buffer = g_string_sized_new (64);
  g_autoptr(PlacementsBaseDigest) digest = placements_base_digest_new (kind->type);
  sqlite3_stmt *statement;
  int categories_column = (int) kind->fields->len + 1;
  int result;

  statement = placements_store_prepare (self->store, kind->select_sql, error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, kind->kind, -1, SQLITE_STATIC);

  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      const char *uuid = (const char *) sqlite3_column_text (statement, 0);
      guint categories = (guint) sqlite3_column_int (statement, categories_column);
      gboolean as_text = is_plain_attribute (uuid);
      gsize record_start = raw->len;
      gboolean has_fields = FALSE;

      placements_base_digest_reset (digest);

      if (as_text)
        {
          if (!context->container_has_content)
            g_string_append_c (raw, '\n');
          g_string_append (raw, "    <");
          g_string_append (raw, kind->kind);
          g_string_append (raw, " uuid=\"");
          g_string_append (raw, uuid);
          g_string_append_c (raw, '"');
        }
      else if (!raw_flush (context, error)
               || writer_failed (context,
                                 xmlTextWriterStartElement (writer, BAD_CAST kind->kind),
                                 error)
               || writer_failed (context,
                                 xmlTextWriterWriteAttribute (writer, BAD_CAST "uuid",
                                                              BAD_CAST uuid), error))
        goto failed;

      for (guint i = 0; i < kind->fields->len; i++)
        {
          const ExportField *field = &g_array_index (kind->fields, ExportField, i);
          const char *text;

          if (field->category != 0 && (categories & field->category) == 0)
            continue;
          text = column_text (field, statement, (int) i + 1, buffer);
          if (text == NULL || *text == '\0')
            continue;
          if (field->conversion == CONVERT_STRING && !text_fits_xml (text))
            {
              g_string_truncate (raw, record_start);
              g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                           _("%s “%s”: the field “%s” holds characters an exchange file "
                             "cannot carry"),
                           placements_record_class_get_label (kind->klass), uuid,
                           _(field->field->label));
              goto failed;
            }
          if (as_text)
            {
              g_string_append (raw, has_fields ? "      <" : ">\n      <");
              g_string_append (raw, field->name);
              g_string_append_c (raw, '>');
              append_escaped (raw, text);
              g_string_append (raw, "</");
              g_string_append (raw, field->name);
              g_string_append (raw, ">\n");
            }
          else if (!write_field (context, field->name, text, error))
            goto failed;
          has_fields = TRUE;
          if (context->record_base)
            placements_base_digest_add (digest, i, field->name, text);
        }

      if (as_text)
        {
          if (has_fields)
            {
              g_string_append (raw, "    </");
              g_string_append (raw, kind->kind);
              g_string_append (raw, ">\n");
            }
          else
            g_string_append (raw, "/>\n");
          context->raw_last = TRUE;
          if (raw->len >= RAW_CHUNK && !raw_flush (context, error))
            goto failed;
        }
      else
        {
          if (writer_failed (context, xmlTextWriterEndElement (writer), error))
            goto failed;
          context->raw_last = FALSE;
        }
      context->container_has_content = TRUE;

      /* What was sent is the base against which the partner's answer is compared:
       * as a digest, since the text is in the file (placements-exchange-state.h). */
      if (context->record_base
          && !placements_exchange_set_base_digest (self->store, uuid, context->receiver_uuid,
                                                   kind->kind, digest, context->exchanged,
                                                   error))
        {
          sqlite3_reset (statement);
          return FALSE;
        }

      if (!count_record (context, error))
        {
          sqlite3_reset (statement);
          return FALSE;
        }
      continue;

    failed:
      sqlite3_reset (statement);
      return FALSE;
    }

  if (result != SQLITE_DONE)
    {
      placements_store_set_sqlite_error (self->store, error,
                                         _("The records to export could not be read"));
      sqlite3_reset (statement);
      return FALSE;
    }
  sqlite3_reset (statement);
  return TRUE;
}

static gboolean
write_kinds (WriteContext        *context,
             const char * const  *kinds,
             GError             **error)
{
  guint n_types;
  const GType *types = placements_store_get_record_types (&n_types);

  for (guint t = 0; t < n_types; t++)
    {
      g_autoptr(PlacementsRecordClass) klass = g_type_class_ref (types[t]);
      const char *kind = placements_record_class_get_kind (klass);
      g_autoptr(ExportKind) export_kind = NULL;

      if (!g_strv_contains (kinds, kind))
        continue;
      export_kind = export_kind_new (types[t],
                                     g_str_equal (kind, "client")
                                     ? " LEFT JOIN temp.export_client x ON x.uuid = t.uuid"
                                     : NULL);
      if (!write_kind (context, export_kind, error))
        return FALSE;
    }
  return TRUE;
}

/* Pseudonymised report */

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
  placements_store_set_sqlite_error (context->self->store, error,
                                     _("The records to export could not be read"));
  return TRUE;
}

static gboolean
load_participants (WriteContext  *context,
                   GPtrArray     *participants,
                   GError       **error)
{
  PlacementsExport *self = context->self;
  g_autoptr(GHashTable) by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                         g_free, NULL);
  sqlite3_stmt *statement;
  int result;

  statement = placements_store_prepare (self->store,
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

  statement = placements_store_prepare (self->store,
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

  statement = placements_store_prepare (self->store,
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
  sqlite3_bind_text (statement, 1, self->pilot_uuid, -1, SQLITE_STATIC);
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
  if (!raw_flush (context, error))
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

/* Message framing */

static gboolean
write_header (WriteContext  *context,
              const char    *kind,
              const char    *message_id,
              const char    *sender,
              const char    *receiver,
              const char    *created,
              GError       **error)
{
  xmlTextWriterPtr writer = context->writer;

  return !(writer_failed (context, xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL),
                          error)
           || writer_failed (context, xmlTextWriterStartElement (writer, BAD_CAST "message"),
                             error)
           || writer_failed (context,
                             xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns",
                                                          BAD_CAST EXCHANGE_NAMESPACE), error)
           || writer_failed (context, xmlTextWriterStartElement (writer, BAD_CAST "header"),
                             error)
           || !write_optional_element (context, "kind", kind, error)
           || !write_optional_element (context, "format-version", FORMAT_VERSION, error)
           || !write_optional_element (context, "message-id", message_id, error)
           || !write_optional_element (context, "sender", sender, error)
           || !write_optional_element (context, "receiver", receiver, error)
           || !write_optional_element (context, "created", created, error)
           || writer_failed (context, xmlTextWriterEndElement (writer), error));
}

/* The header's exchange-id type: letters, digits and . _ : - , at most 64. */
static gboolean
is_valid_exchange_id (const char *exchange_id)
{
  gsize length = 0;

  if (exchange_id == NULL)
    return FALSE;
  for (const char *p = exchange_id; *p != '\0'; p++, length++)
    if (!g_ascii_isalnum (*p) && strchr ("._:-", *p) == NULL)
      return FALSE;
  return length >= 1 && length <= 64;
}

static gboolean
check_exchange_id (PlacementsOrganisation  *organisation,
                   gboolean                 own,
                   GError                 **error)
{
  const char *exchange_id = placements_organisation_get_exchange_id (organisation);
  const char *name = placements_organisation_get_name (organisation);

  if (exchange_id == NULL || *exchange_id == '\0')
    {
      if (own)
        g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                     _("The own organisation “%s” has no exchange id"), name);
      else
        g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                     _("The receiving organisation “%s” has no exchange id"), name);
      return FALSE;
    }
  if (!is_valid_exchange_id (exchange_id))
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                   _("The exchange id “%s” of “%s” may only hold letters, digits and "
                     "“. _ : -”, at most 64 of them"),
                   exchange_id, name);
      return FALSE;
    }
  return TRUE;
}

static gboolean
has_sent_records (PlacementsExport *self,
                  const char       *receiver_uuid)
{
  sqlite3_stmt *statement =
    placements_store_prepare (self->store,
                              "SELECT 1 FROM exchange_message WHERE direction = 'sent' "
                              "AND partner_uuid = ?1 AND kind IN ('referral', 'update') "
                              "LIMIT 1",
                              NULL);
  gboolean found;

  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, receiver_uuid, -1, SQLITE_STATIC);
  found = sqlite3_step (statement) == SQLITE_ROW;
  sqlite3_reset (statement);
  return found;
}

static gboolean
write_audit_event (PlacementsExport  *self,
                   const char        *receiver_name,
                   GError           **error)
{
  g_autofree char *detail = NULL;

  /* The audit log is read by the organisation itself, in its own words: the
   * detail is a fixed, untranslated summary a program can read back too. */
  detail = g_strdup_printf ("kind=%s receiver=%s records=%u clients=%u left-out=%u",
                            self->message_kind, receiver_name, self->n_records,
                            self->n_clients, self->n_left_out);
  return placements_store_write_audit_event (self->store, PLACEMENTS_AUDIT_ACTION_EXPORT,
                                             "message", self->message_id, detail, error);
}

/* An export reads and writes far more pages than the default page cache (2 MiB)
 * holds; a larger one while it runs halves the time of a large export. The temp
 * schema has a cache of its own. temp_store is left alone: changing it drops
 * every temporary table of the connection, an import's staging tables too. */
#define EXPORT_CACHE_SIZE (-131072) /* KiB */

static int
query_pragma_int (sqlite3    *db,
                  const char *sql)
{
  sqlite3_stmt *statement = NULL;
  int value = 0;

  if (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL) == SQLITE_OK
      && sqlite3_step (statement) == SQLITE_ROW)
    value = sqlite3_column_int (statement, 0);
  sqlite3_finalize (statement);
  return value;
}

static void
set_cache_sizes (sqlite3 *db,
                 int      main_size,
                 int      temp_size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA main.cache_size = %d;"
                                          "PRAGMA temp.cache_size = %d;",
                                          main_size, temp_size);

  sqlite3_exec (db, sql, NULL, NULL, NULL);
}

static gboolean
prepare_temporary_tables (WriteContext  *context,
                          GError       **error)
{
  return exec_sql (context,
                   "CREATE TEMP TABLE IF NOT EXISTS export_client ("
                   "  uuid TEXT PRIMARY KEY, categories INTEGER NOT NULL) WITHOUT ROWID;"
                   "CREATE TEMP TABLE IF NOT EXISTS export_selection ("
                   "  kind TEXT NOT NULL, uuid TEXT NOT NULL, row_id INTEGER NOT NULL,"
                   "  PRIMARY KEY (kind, uuid)) WITHOUT ROWID;"
                   "DELETE FROM temp.export_client;"
                   "DELETE FROM temp.export_selection;",
                   error);
}

static void
clear_temporary_tables (WriteContext *context)
{
  sqlite3_exec (context->db,
                "DELETE FROM temp.export_client; DELETE FROM temp.export_selection;",
                NULL, NULL, NULL);
}

static gboolean
select_records (WriteContext  *context,
                GError       **error)
{
  PlacementsExport *self = context->self;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* Consent dates are calendar dates where the coordinator lives. */
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  const char * const *seeds = self->pseudonymise ? report_seed_sql : seed_sql;
  gint64 n_candidates;

  if (!prepare_temporary_tables (context, error)
      || !run_selection (context, select_clients_sql, today, error))
    return FALSE;

  for (guint i = 0; seeds[i] != NULL; i++)
    if (!run_selection (context, seeds[i], today, error))
      return FALSE;

  if (!self->pseudonymise && !select_references (context, error))
    return FALSE;

  self->n_clients = (guint) query_count (context, "SELECT count(*) FROM temp.export_client");
  if (self->pilot_uuid != NULL)
    n_candidates = query_count (context,
                                "SELECT count(DISTINCT client_uuid) FROM placement "
                                "WHERE pilot_uuid = :pilot");
  else
    n_candidates = query_count (context, "SELECT count(*) FROM client");
  self->n_left_out = (guint) MAX (0, n_candidates - (gint64) self->n_clients);
  self->n_records = (guint) query_count (context,
                                         "SELECT count(*) FROM temp.export_selection");
  if (self->pseudonymise)
    self->n_records += self->n_clients;
  return TRUE;
}

static gboolean
write_body (WriteContext  *context,
            GError       **error)
{
  PlacementsExport *self = context->self;
  xmlTextWriterPtr writer = context->writer;

  if (!self->pseudonymise)
    return !(writer_failed (context, xmlTextWriterStartElement (writer, BAD_CAST "records"),
                            error)
             || !write_kinds (context, travelling_kinds, error)
             || !end_container (context, error));
  else
    {
      static const char * const report_kinds[] = {
        "pilot", "funding", "success-criterion", NULL
      };
      g_autoptr(GPtrArray) participants = g_ptr_array_new_with_free_func (participant_free);

      return !(!load_participants (context, participants, error)
               || writer_failed (context, xmlTextWriterStartElement (writer, BAD_CAST "report"),
                                 error)
               || !write_kinds (context, report_kinds, error)
               || !write_participants (context, participants, error)
               || !end_container (context, error));
    }
}

/*
 * libxml2 hands its output on in pieces of about 4 KB: 80,000 write() calls for
 * the 310 MB of the 100,000-client demo. They are gathered here and written a
 * megabyte at a time.
 */
#define SINK_SIZE (1024 * 1024)

typedef struct
{
  int         fd;
  GByteArray *pending;
  int         saved_errno;
} FileSink;

static gboolean
sink_flush (FileSink *sink)
{
  gsize done = 0;

  while (done < sink->pending->len)
    {
      ssize_t written = write (sink->fd, sink->pending->data + done,
                               sink->pending->len - done);

      if (written < 0 && errno == EINTR)
        continue;
      if (written < 0)
        {
          sink->saved_errno = errno;
          return FALSE;
        }
      done += (gsize) written;
    }
  g_byte_array_set_size (sink->pending, 0);
  return TRUE;
}

static int
sink_write (void       *data,
            const char *buffer,
            int         length)
{
  FileSink *sink = data;

  if (sink->saved_errno != 0)
    return -1;
  if (sink->pending->len + (guint) length > SINK_SIZE && !sink_flush (sink))
    return -1;
  g_byte_array_append (sink->pending, (const guint8 *) buffer, (guint) length);
  return length;
}

/* The file is the caller's to close; what is left was flushed, or failed, before. */
static int
sink_close (void *data)
{
  return 0;
}

/* Writes the message into the open file @fd; closes neither. */
static gboolean
write_message (WriteContext  *context,
               int            fd,
               const char    *kind,
               const char    *sender,
               const char    *created,
               GError       **error)
{
  PlacementsExport *self = context->self;
  g_autoptr(GByteArray) pending = g_byte_array_sized_new (SINK_SIZE);
  g_autoptr(GString) raw = g_string_sized_new (RAW_CHUNK + 4096);
  FileSink sink = { fd, pending, 0 };
  xmlOutputBufferPtr output = xmlOutputBufferCreateIO (sink_write, sink_close, &sink, NULL);
  gboolean ok;

  if (output == NULL)
    {
      g_set_error_literal (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO,
                           _("The exchange file could not be written"));
      return FALSE;
    }
  /* The writer owns the output buffer from here on. */
  context->writer = xmlNewTextWriter (output);
  context->raw = raw;
  context->container_has_content = FALSE;
  context->raw_last = FALSE;
  xmlTextWriterSetIndent (context->writer, 1);
  xmlTextWriterSetIndentString (context->writer, BAD_CAST "  ");

  ok = write_header (context, kind, self->message_id, sender,
                     context->receiver_exchange_id, created, error)
       && write_body (context, error)
       && !writer_failed (context, xmlTextWriterEndDocument (context->writer), error)
       && !writer_failed (context, xmlTextWriterFlush (context->writer), error);

  g_clear_pointer (&context->writer, xmlFreeTextWriter);
  context->raw = NULL;
  if (ok && !sink_flush (&sink))
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO,
                   _("The exchange file could not be written: %s"),
                   g_strerror (sink.saved_errno));
      return FALSE;
    }
  return ok;
}

static void
report_stage (WriteContext *context,
              double        fraction,
              const char   *stage)
{
  /* With G_MESSAGES_DEBUG=placements-export, the stages' times, for profiling. */
  g_debug ("%s at %.3f s", stage, g_get_monotonic_time () / 1e6);
  context->stage = stage;
  if (context->progress != NULL)
    context->progress (fraction, stage, context->user_data);
}

gboolean
placements_export_write (PlacementsExport        *self,
                         const char              *path,
                         PlacementsProgressFunc   progress,
                         gpointer                 user_data,
                         GCancellable            *cancellable,
                         GError                 **error)
{
  g_autofree char *own_uuid = NULL;
  g_autoptr(PlacementsOrganisation) own = NULL;
  g_autoptr(PlacementsOrganisation) receiver = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *created = NULL;
  g_autoptr(PlacementsPrivateFile) file = NULL;
  g_autofree char *message_id = NULL;
  WriteContext context = { 0, };
  const char *kind;
  gboolean began = FALSE;
  int main_cache_size = 0;
  int temp_cache_size = 0;

  g_return_val_if_fail (PLACEMENTS_IS_EXPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  g_clear_pointer (&self->message_id, g_free);
  self->message_kind = NULL;
  self->n_records = self->n_clients = self->n_left_out = 0;

  own_uuid = placements_exchange_dup_own_organisation (self->store);
  if (own_uuid == NULL)
    {
      g_set_error_literal (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NOT_FOUND,
                           _("This database’s own organisation is not set; "
                             "set it before exporting"));
      return FALSE;
    }
  own = placements_store_load (self->store, PLACEMENTS_TYPE_ORGANISATION, own_uuid, error);
  if (own == NULL || !check_exchange_id (own, TRUE, error))
    return FALSE;
  receiver = placements_exchange_find_organisation (self->store, self->receiver, error);
  if (receiver == NULL || !check_exchange_id (receiver, FALSE, error))
    return FALSE;
  if (g_str_equal (placements_record_get_uuid (PLACEMENTS_RECORD (own)),
                   placements_record_get_uuid (PLACEMENTS_RECORD (receiver))))
    {
      g_set_error_literal (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                           _("The receiving organisation is this database’s own "
                             "organisation"));
      return FALSE;
    }
  if (self->pilot_uuid != NULL
      && !placements_store_exists (self->store, PLACEMENTS_TYPE_PILOT, self->pilot_uuid))
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NOT_FOUND,
                   _("There is no pilot “%s”"), self->pilot_uuid);
      return FALSE;
    }

  context.self = self;
  context.db = placements_store_get_connection (self->store);
  context.own_uuid = own_uuid;
  context.receiver_uuid = placements_record_get_uuid (PLACEMENTS_RECORD (receiver));
  context.receiver_exchange_id = placements_organisation_get_exchange_id (receiver);
  context.cancellable = cancellable;
  context.progress = progress;
  context.user_data = user_data;
  context.record_base = !self->pseudonymise;

  if (self->pseudonymise)
    kind = "report";
  else if (has_sent_records (self, context.receiver_uuid))
    kind = "update";
  else
    kind = "referral";
  message_id = g_uuid_string_random ();
  now = g_date_time_new_now_utc ();
  created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  context.exchanged = created;

  /* An unnamed file beside the target (the rename is then atomic) that vanishes with
   * the process should it be killed: up to 65 MB of personal data must not stay
   * behind as a temporary file. */
  file = placements_private_file_new (path, error);
  if (file == NULL)
    return FALSE;

  /* One transaction: the selection reads one state of the database, and the base,
   * the message log and the audit event are written with it or not at all. */
  report_stage (&context, 0.0, _("Selecting records"));
  main_cache_size = query_pragma_int (context.db, "PRAGMA main.cache_size");
  temp_cache_size = query_pragma_int (context.db, "PRAGMA temp.cache_size");
  set_cache_sizes (context.db, EXPORT_CACHE_SIZE, EXPORT_CACHE_SIZE);
  if (!placements_store_begin (self->store, error))
    goto failed;
  began = TRUE;
  if (!select_records (&context, error)
      || g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;

  self->message_id = g_strdup (message_id);
  self->message_kind = kind;
  context.total = self->n_records;
  report_stage (&context, 0.0, _("Writing records"));
  if (!write_message (&context, placements_private_file_get_fd (file), kind,
                      placements_organisation_get_exchange_id (own), created, error))
    goto failed;

  /* Synced and named beside the target, before the database says it was sent. */
  report_stage (&context, 1.0, _("Saving"));
  if (!placements_private_file_link (file, error))
    goto failed;

  if (!placements_exchange_log_message (self->store, message_id, PLACEMENTS_MESSAGE_SENT,
                                        kind, context.receiver_uuid, created, NULL,
                                        self->n_records, error)
      || !write_audit_event (self, placements_organisation_get_exchange_id (receiver), error)
      || g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;

  clear_temporary_tables (&context);
  /*
   * The database first, then the file into place: a kill in between leaves the
   * message logged and its file under a temporary name, which the next write into
   * that folder removes; as far as the partner knows, it was not sent, as with a file
   * never mailed, and the next export sends everything again. The other order left a
   * complete file that the database did not know it had sent.
   */
  if (!placements_store_commit (self->store, error))
    {
      began = FALSE;
      goto failed;
    }
  began = FALSE;
  set_cache_sizes (context.db, main_cache_size, temp_cache_size);
  main_cache_size = 0;
  if (!placements_private_file_replace (file, error))
    {
      g_prefix_error (error, _("The export of message %s was recorded, but its file could "
                               "not be put in place: "),
                      message_id);
      goto failed;
    }
  return TRUE;

failed:
  clear_temporary_tables (&context);
  if (began)
    placements_store_rollback (self->store);
  if (main_cache_size != 0)
    set_cache_sizes (context.db, main_cache_size, temp_cache_size);
  g_clear_pointer (&self->message_id, g_free);
  self->message_kind = NULL;
  self->n_records = self->n_clients = self->n_left_out = 0;
  return FALSE;
}

/* GObject */

static void
placements_export_finalize (GObject *object)
{
  PlacementsExport *self = PLACEMENTS_EXPORT (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->receiver, g_free);
  g_clear_pointer (&self->pilot_uuid, g_free);
  g_clear_pointer (&self->message_id, g_free);

  G_OBJECT_CLASS (placements_export_parent_class)->finalize (object);
}

static void
placements_export_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PlacementsExport *self = PLACEMENTS_EXPORT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_RECEIVER:
      g_value_set_string (value, self->receiver);
      break;
    case PROP_PILOT_UUID:
      g_value_set_string (value, self->pilot_uuid);
      break;
    case PROP_PSEUDONYMISE:
      g_value_set_boolean (value, self->pseudonymise);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
placements_export_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PlacementsExport *self = PLACEMENTS_EXPORT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_RECEIVER:
      self->receiver = g_value_dup_string (value);
      break;
    case PROP_PILOT_UUID:
      /* An empty pilot is no pilot: the CLI passes what it was given. */
      self->pilot_uuid = g_value_get_string (value) != NULL
                         && *g_value_get_string (value) != '\0'
                         ? g_value_dup_string (value) : NULL;
      break;
    case PROP_PSEUDONYMISE:
      self->pseudonymise = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
placements_export_class_init (PlacementsExportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = placements_export_finalize;
  object_class->get_property = placements_export_get_property;
  object_class->set_property = placements_export_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PLACEMENTS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECEIVER] =
    g_param_spec_string ("receiver", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PILOT_UUID] =
    g_param_spec_string ("pilot-uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PSEUDONYMISE] =
    g_param_spec_boolean ("pseudonymise", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
placements_export_init (PlacementsExport *self)
{
}

PlacementsExport *
placements_export_new (PlacementsStore *store,
                       const char      *receiver,
                       const char      *pilot_uuid,
                       gboolean         pseudonymise)
{
  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);
  g_return_val_if_fail (receiver != NULL, NULL);

  return g_object_new (PLACEMENTS_TYPE_EXPORT,
                       "store", store,
                       "receiver", receiver,
                       "pilot-uuid", pilot_uuid,
                       "pseudonymise", pseudonymise,
                       NULL);
}

PlacementsStore *
placements_export_get_store (PlacementsExport *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_EXPORT (self), NULL);
  return self->store;
}

const char *
placements_export_get_receiver (PlacementsExport *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_EXPORT (self), NULL);
  return self->receiver;
}

const char *
placements_export_get_pilot_uuid (PlacementsExport *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_EXPORT (self), NULL);
  return self->pilot_uuid;
}

gboolean
placements_export_get_pseudonymise (PlacementsExport *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_EXPORT (self), FALSE);
  return self->pseudonymise;
}

const char *
placements_export_get_message_id (PlacementsExport *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_EXPORT (self), NULL);
  return self->message_id;
}

const char *
placements_export_get_message_kind (PlacementsExport *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_EXPORT (self), NULL);
  return self->message_kind;
}

guint
placements_export_get_n_records (PlacementsExport *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_EXPORT (self), 0);
  return self->n_records;
}

guint
placements_export_get_n_clients (PlacementsExport *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_EXPORT (self), 0);
  return self->n_clients;
}

guint
placements_export_get_n_left_out (PlacementsExport *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_EXPORT (self), 0);
  return self->n_left_out;
}
