#define G_LOG_DOMAIN "placements-export"

#include "config.h"

#include <string.h>

#include <libxml/xmlwriter.h>

#include "placements-enums.h"
#include "placements-exchange-export-private.h"
#include "placements-exchange-state.h"
#include "placements-record-types.h"
#include "placements-store-private.h"

/*
 * The records of each kind, from the selection straight to the file: one ordered
 * query a kind, each row's fields in their text form (the rules of
 * placements_record_dup_field_text(); the tests hold the two together), and the
 * digest of what was sent kept as the base for the receiver.
 */

/* The kinds of format v1's <records>, in the schema's words. Allocations,
 * attendance and audit events stay in the organisation that keeps them. */
const char * const placements_export_travelling_kinds[] = {
  "organisation", "person", "client", "ladder-step", "workplace", "buddy",
  "buddy-pairing", "pilot", "pilot-partner", "pilot-contact", "funding",
  "success-criterion", "placement", "progress-note", "consent", NULL
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
/* Hands the records made as text to the writer. The first piece in an element
 * closes its start tag: the writer adds the ">", append_record() the newline. */
gboolean
placements_export_raw_flush (WriteContext  *context,
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
gboolean
placements_export_end_container (WriteContext  *context,
                                 GError       **error)
{
  if (context->raw_last)
    g_string_append (context->raw, "  ");
  context->raw_last = FALSE;
  context->container_has_content = FALSE;
  return placements_export_raw_flush (context, error)
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
  xmlTextWriterPtr writer = context->writer;
  GString *raw = context->raw;
  g_autoptr(GString) buffer = g_string_sized_new (64);
  g_autoptr(PlacementsBaseDigest) digest = placements_base_digest_new (kind->type);
  sqlite3_stmt *statement;
  int categories_column = (int) kind->fields->len + 1;
  int result;

  statement = placements_store_prepare (context->store, kind->select_sql, error);
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
      else if (!placements_export_raw_flush (context, error)
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
          if (raw->len >= RAW_CHUNK && !placements_export_raw_flush (context, error))
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
          && !placements_exchange_set_base_digest (context->store, uuid, context->receiver_uuid,
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
      placements_store_set_sqlite_error (context->store, error,
                                         _("The records to export could not be read"));
      sqlite3_reset (statement);
      return FALSE;
    }
  sqlite3_reset (statement);
  return TRUE;
}

gboolean
placements_export_write_kinds (WriteContext        *context,
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
