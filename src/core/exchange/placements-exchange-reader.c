#define G_LOG_DOMAIN "placements-exchange"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libxml/parser.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlschemas.h>

#include "placements-enum-types.h"
#include "placements-error.h"
#include "placements-exchange-input.h"
#include "placements-exchange-reader.h"
#include "placements-exchange-scan.h"
#include "placements-record-types.h"
#include "placements-store.h"
#include "placements-validate.h"

/*
 * The file comes from outside, so the parser is given as little as possible to work
 * with: bytes we read ourselves (xmlReadFile would un-gzip them), checked for UTF-8
 * and for a DOCTYPE before libxml2 sees them, parsed without DTD loading, entity
 * substitution, XInclude or the network, validated while streaming, and walked
 * with a depth cap. Rules across records are checked in code afterwards, where
 * their messages can name the line and the record.
 */

#define EXCHANGE_NAMESPACE "urn:example:placements:exchange:1"
#define EXCHANGE_NAMESPACE_PREFIX "urn:example:placements:exchange:"
#define SCHEMA_RESOURCE "/org/example/Placements/core/placements-exchange-1.xsd"

/* The elements of a message, by depth: message / section / record / field. */
typedef enum
{
  SECTION_NONE,
  SECTION_HEADER,
  SECTION_RECORDS,
  SECTION_ACKNOWLEDGEMENT,
  SECTION_REPORT,
} Section;

typedef struct
{
  char  *name;
  char  *text;
  guint  line;
} StagedField;

typedef struct
{
  char      *kind;
  char      *uuid;
  guint      line;
  GPtrArray *fields;
} StagedRecord;

typedef struct
{
  const char                *display_name;
  PlacementsExchangeMessage *message;

  /* The first error libxml2 reported, with its line. */
  char                      *xml_error;
  guint                      xml_error_line;
  gboolean                   xml_error_is_schema;

  Section                    section;
  gboolean                   seen_root;
  gboolean                   root_closed;
  /* Where the record past PLACEMENTS_EXCHANGE_MAX_RECORDS starts, or 0. */
  guint                      too_many_line;
  /* The number of lines in the file, to tell a truncated file. */
  guint                      n_lines;
  StagedRecord              *record;
  /* The records met so far, built or not. */
  guint                      n_records;
  /* Why the first record that could not be built was refused. Told only once the
   * whole file is known to be well-formed and valid, as if the records were built
   * after the walk; they are built as they close so that the text forms of all of
   * them are never held at once. */
  GError                    *build_error;
  /* Its rule, and the item it stands for (the records after it are kept as bare
   * records, their kind and UUID only, so that an acknowledgement can answer each). */
  const char                *build_rule;
  int                        build_item;
  PlacementsExchangeResult  *result;
  char                      *element;
  guint                      element_line;
  GString                   *text;
} ReadState;

static void
staged_field_free (gpointer data)
{
  StagedField *field = data;

  g_free (field->name);
  g_free (field->text);
  g_free (field);
}

static void
staged_record_free (gpointer data)
{
  StagedRecord *record = data;

  if (record == NULL)
    return;
  g_free (record->kind);
  g_free (record->uuid);
  g_ptr_array_unref (record->fields);
  g_free (record);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StagedRecord, staged_record_free)

static void
item_free (gpointer data)
{
  PlacementsExchangeItem *item = data;

  g_clear_object (&item->record);
  g_free (item);
}

static void
result_free (gpointer data)
{
  PlacementsExchangeResult *result = data;

  if (result == NULL)
    return;
  g_free (result->record_uuid);
  g_free (result->kind);
  g_free (result->code);
  g_free (result->rule);
  g_free (result->message);
  g_free (result);
}

void
placements_exchange_message_free (PlacementsExchangeMessage *message)
{
  if (message == NULL)
    return;
  g_free (message->kind);
  g_free (message->format_version);
  g_free (message->message_id);
  g_free (message->sender);
  g_free (message->receiver);
  g_free (message->created);
  g_free (message->in_reply_to);
  g_free (message->display_name);
  g_ptr_array_unref (message->items);
  g_ptr_array_unref (message->results);
  g_clear_error (&message->refusal);
  g_free (message);
}

/* Every refusal has the same shape, so that a user (and a test) finds the line and
 * the rule in the same place. */
void
placements_exchange_refuse_valist (GError     **error,
                                   const char  *display_name,
                                   guint        line,
                                   const char  *rule,
                                   const char  *format,
                                   va_list      args)
{
  g_autofree char *detail = g_strdup_vprintf (format, args);

  /* TRANSLATORS: the file name, the line number, what is wrong, and the name of the
   * rule as the exchange format documents it (not to be translated). */
  g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_REFUSED_FILE,
               _("%s: line %u: %s (rule: %s)"), display_name, line, detail, rule);
}

static void G_GNUC_PRINTF (5, 6)
refuse (GError     **error,
        const char  *display_name,
        guint        line,
        const char  *rule,
        const char  *format,
        ...)
{
  va_list args;

  va_start (args, format);
  placements_exchange_refuse_valist (error, display_name, line, rule, format, args);
  va_end (args);
}

/*
 * No entity or DTD is ever fetched, whatever the document says: the exchange format
 * has none, and a fetch is how XXE reads local files or reaches the network. The
 * loader is installed once for the whole process rather than swapped in and out
 * around each parse, because swapping a global is a race when two imports (or an
 * import and a validation) run in two threads; nothing else in Placements needs
 * libxml2 to load external resources.
 */
static xmlParserInputPtr
refuse_external_entity (const char       *url,
                        const char       *id,
                        xmlParserCtxtPtr  context)
{
  return NULL;
}

static xmlSchemaPtr schema;

static gpointer
init_libxml (gpointer data)
{
  g_autoptr(GBytes) bytes = NULL;
  xmlSchemaParserCtxtPtr parser;

  xmlInitParser ();
  xmlSetExternalEntityLoader (refuse_external_entity);

  bytes = g_resources_lookup_data (SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_assert (bytes != NULL);
  parser = xmlSchemaNewMemParserCtxt (g_bytes_get_data (bytes, NULL),
                                      (int) g_bytes_get_size (bytes));
  /* The schema is ours and compiled into the program: failing here is a bug. */
  schema = xmlSchemaParse (parser);
  xmlSchemaFreeParserCtxt (parser);
  g_assert (schema != NULL);
  return NULL;
}

static void
ensure_libxml (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, init_libxml, NULL);
}

static void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  xml_error)
{
  ReadState *state = user_data;
  g_autofree char *text = NULL;

  /* Warnings (an unusual but harmless namespace URI, say) do not refuse a file. */
  if (xml_error == NULL || xml_error->level < XML_ERR_ERROR || state->xml_error != NULL)
    return;

  text = g_strdup (xml_error->message != NULL ? xml_error->message : "?");
  g_strstrip (text);
  /* libxml2's messages are ASCII, but a quoted element or value may not be valid
   * UTF-8 when it comes from a broken file; keep the message printable. */
  state->xml_error = g_utf8_make_valid (text, -1);
  state->xml_error_line = xml_error->line > 0 ? (guint) xml_error->line : 1;
  state->xml_error_is_schema = xml_error->domain == XML_FROM_SCHEMASV ||
                               xml_error->domain == XML_FROM_SCHEMASP;
}

static void G_GNUC_PRINTF (2, 3)
ignore_generic_error (void       *context,
                      const char *format,
                      ...)
{
}

static void
set_xml_error (ReadState  *state,
               GError    **error)
{
  /* libxml2 says "Extra content at the end of the document" or the like when the
   * data simply stops; a user understands "truncated" better. */
  if (!state->xml_error_is_schema && !state->root_closed &&
      state->xml_error_line >= state->n_lines)
    refuse (error, state->display_name, state->xml_error_line, "well-formed",
            _("the file stops before the message ends; it may have been cut off"));
  else if (state->xml_error_is_schema)
    refuse (error, state->display_name, state->xml_error_line, "schema",
            _("the file does not follow the exchange format: %s"), state->xml_error);
  else
    refuse (error, state->display_name, state->xml_error_line, "well-formed",
            _("the file is not well-formed XML: %s"), state->xml_error);
}

static guint
current_line (xmlTextReaderPtr reader)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (reader);
  long line = node != NULL ? xmlGetLineNo (node) : -1;

  if (line <= 0)
    line = xmlTextReaderGetParserLineNumber (reader);
  return line > 0 ? (guint) line : 1;
}

static char *
dup_attribute (xmlTextReaderPtr  reader,
               const char       *name)
{
  xmlChar *value = xmlTextReaderGetAttribute (reader, (const xmlChar *) name);
  char *copy = g_strdup ((const char *) value);

  xmlFree (value);
  return copy;
}

static void
set_header_field (PlacementsExchangeMessage *message,
                  const char                *name,
                  const char                *text,
                  guint                      line)
{
  char **slot = NULL;

  if (g_str_equal (name, "kind"))
    message->kind_line = line;
  else if (g_str_equal (name, "message-id"))
    message->message_id_line = line;
  else if (g_str_equal (name, "sender"))
    message->sender_line = line;
  else if (g_str_equal (name, "receiver"))
    message->receiver_line = line;
  else if (g_str_equal (name, "in-reply-to"))
    message->in_reply_to_line = line;

  if (g_str_equal (name, "kind"))
    slot = &message->kind;
  else if (g_str_equal (name, "format-version"))
    slot = &message->format_version;
  else if (g_str_equal (name, "message-id"))
    slot = &message->message_id;
  else if (g_str_equal (name, "sender"))
    slot = &message->sender;
  else if (g_str_equal (name, "receiver"))
    slot = &message->receiver;
  else if (g_str_equal (name, "created"))
    slot = &message->created;
  else if (g_str_equal (name, "in-reply-to"))
    slot = &message->in_reply_to;

  /* The schema allows each once; a second one (in a file already being refused)
   * must not leak the first. */
  if (slot != NULL)
    {
      g_free (*slot);
      *slot = g_strdup (text);
    }
}

static void
open_element (ReadState        *state,
              xmlTextReaderPtr  reader,
              int               depth,
              const char       *name)
{
  if (depth == 1)
    {
      if (g_str_equal (name, "header"))
        state->section = SECTION_HEADER;
      else if (g_str_equal (name, "records"))
        state->section = SECTION_RECORDS;
      else if (g_str_equal (name, "acknowledgement"))
        state->section = SECTION_ACKNOWLEDGEMENT;
      else if (g_str_equal (name, "report"))
        state->section = SECTION_REPORT;
      else
        state->section = SECTION_NONE;
      return;
    }

  if (depth == 2 && state->section == SECTION_RECORDS)
    {
      if (state->n_records >= PLACEMENTS_EXCHANGE_MAX_RECORDS)
        {
          state->too_many_line = current_line (reader);
          return;
        }
      staged_record_free (state->record);
      state->record = g_new0 (StagedRecord, 1);
      state->record->kind = g_strdup (name);
      state->record->uuid = dup_attribute (reader, "uuid");
      state->record->line = current_line (reader);
      state->record->fields = g_ptr_array_new_with_free_func (staged_field_free);
      return;
    }

  if (depth == 2 && state->section == SECTION_ACKNOWLEDGEMENT)
    {
      result_free (state->result);
      state->result = g_new0 (PlacementsExchangeResult, 1);
      state->result->record_uuid = dup_attribute (reader, "record");
      state->result->kind = dup_attribute (reader, "kind");
      state->result->code = dup_attribute (reader, "code");
      state->result->rule = dup_attribute (reader, "rule");
      state->result->line = current_line (reader);
    }

  if ((depth == 2 && state->section != SECTION_RECORDS) ||
      (depth == 3 && state->section == SECTION_RECORDS && state->record != NULL))
    {
      g_free (state->element);
      state->element = g_strdup (name);
      state->element_line = current_line (reader);
      g_string_truncate (state->text, 0);
    }
}

static gboolean build_record (ReadState     *state,
                              StagedRecord  *staged,
                              GError       **error);

/* A record that will not be imported, for the answer: its kind and UUID. */
static void
add_bare_record (ReadState    *state,
                 StagedRecord *staged)
{
  GType type = placements_store_find_record_type (staged->kind);
  PlacementsExchangeItem *item;

  if (type == G_TYPE_INVALID || staged->uuid == NULL ||
      !placements_validate_uuid (staged->uuid))
    return;
  item = g_new0 (PlacementsExchangeItem, 1);
  item->record = g_object_new (type, "uuid", staged->uuid, NULL);
  item->line = staged->line;
  g_ptr_array_add (state->message->items, item);
}

static void
close_element (ReadState *state,
               int        depth)
{
  if (depth == 3 && state->section == SECTION_RECORDS && state->record != NULL &&
      state->element != NULL)
    {
      StagedField *field = g_new0 (StagedField, 1);

      field->name = g_steal_pointer (&state->element);
      field->text = g_strdup (state->text->str);
      field->line = state->element_line;
      g_ptr_array_add (state->record->fields, field);
    }
  else if (depth == 2 && state->section == SECTION_RECORDS && state->record != NULL)
    {
      g_autoptr(StagedRecord) staged = g_steal_pointer (&state->record);

      state->n_records++;
      if (state->build_error == NULL &&
          !build_record (state, staged, &state->build_error))
        state->build_item = (int) state->message->items->len;
      if (state->build_error != NULL)
        add_bare_record (state, staged);
    }
  else if (depth == 2 && state->section == SECTION_HEADER && state->element != NULL)
    set_header_field (state->message, state->element, state->text->str,
                      state->element_line);
  else if (depth == 2 && state->section == SECTION_ACKNOWLEDGEMENT && state->result != NULL)
    {
      state->result->message = state->text->len > 0 ? g_strdup (state->text->str) : NULL;
      g_ptr_array_add (state->message->results, g_steal_pointer (&state->result));
    }

  if (depth <= 2 || state->section == SECTION_RECORDS)
    g_clear_pointer (&state->element, g_free);
}

/* The root says which format this is; a later major version is told apart from a
 * file that is not an exchange file at all. */
static gboolean
check_root (ReadState        *state,
            xmlTextReaderPtr  reader,
            GError          **error)
{
  const char *uri = (const char *) xmlTextReaderConstNamespaceUri (reader);
  const char *name = (const char *) xmlTextReaderConstLocalName (reader);
  guint line = current_line (reader);

  if (g_strcmp0 (uri, EXCHANGE_NAMESPACE) == 0 && g_strcmp0 (name, "message") == 0)
    return TRUE;

  if (uri != NULL && g_str_has_prefix (uri, EXCHANGE_NAMESPACE_PREFIX))
    {
      const char *version = uri + strlen (EXCHANGE_NAMESPACE_PREFIX);
      guint64 major = 0;

      if (g_ascii_string_to_unsigned (version, 10, 2, G_MAXUINT, &major, NULL))
        {
          refuse (error, state->display_name, line, "format-version",
                  _("the file is in version %u of the exchange format, newer than this "
                    "Placements reads (version 1); ask the sender for a version 1 file "
                    "or update Placements"),
                  (guint) major);
          return FALSE;
        }
    }

  refuse (error, state->display_name, line, "schema",
          _("the file is not a Placements exchange message"));
  return FALSE;
}

static gboolean
walk (ReadState         *state,
      xmlTextReaderPtr   reader,
      GError           **error)
{
  int status;

  while ((status = xmlTextReaderRead (reader)) == 1)
    {
      int type = xmlTextReaderNodeType (reader);
      int depth = xmlTextReaderDepth (reader);

      if (type == XML_READER_TYPE_ELEMENT && depth == 0 && !state->seen_root)
        {
          state->seen_root = TRUE;
          if (!check_root (state, reader, error))
            return FALSE;
        }

      if (type == XML_READER_TYPE_ELEMENT && depth > PLACEMENTS_EXCHANGE_MAX_DEPTH)
        {
          refuse (error, state->display_name, current_line (reader), "max-depth",
                  _("the elements are nested deeper than %d levels"),
                  PLACEMENTS_EXCHANGE_MAX_DEPTH);
          return FALSE;
        }

      /* After the first error the walk goes on only to find a worse problem (too
       * deep, a DOCTYPE); what the records say no longer matters. */
      if (state->xml_error != NULL && type != XML_READER_TYPE_DOCUMENT_TYPE &&
          type != XML_READER_TYPE_ENTITY && type != XML_READER_TYPE_ENTITY_REFERENCE &&
          type != XML_READER_TYPE_PROCESSING_INSTRUCTION)
        continue;

      switch (type)
        {
        case XML_READER_TYPE_ELEMENT:
          open_element (state, reader, depth,
                        (const char *) xmlTextReaderConstLocalName (reader));
          if (state->too_many_line > 0)
            {
              refuse (error, state->display_name, state->too_many_line, "max-records",
                      _("the file has more than %u records"),
                      (guint) PLACEMENTS_EXCHANGE_MAX_RECORDS);
              return FALSE;
            }
          if (xmlTextReaderIsEmptyElement (reader))
            close_element (state, depth);
          break;

        case XML_READER_TYPE_END_ELEMENT:
          if (depth == 0)
            state->root_closed = TRUE;
          close_element (state, depth);
          break;

        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA:
        case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
        case XML_READER_TYPE_WHITESPACE:
          if (state->element != NULL)
            {
              const char *value = (const char *) xmlTextReaderConstValue (reader);

              /* The schema caps a field at 20,000 characters; a text node far
               * beyond that need not be kept in full to be refused. */
              if (value != NULL && state->text->len < 200000)
                g_string_append (state->text, value);
            }
          break;

        case XML_READER_TYPE_PROCESSING_INSTRUCTION:
          /* check_bytes() refused them; should one slip past, refuse anyway. */
          refuse (error, state->display_name, current_line (reader),
                  "no-processing-instructions",
                  _("the file has a processing instruction (<?…?>), which exchange files "
                    "may not have"));
          return FALSE;

        case XML_READER_TYPE_DOCUMENT_TYPE:
        case XML_READER_TYPE_ENTITY:
        case XML_READER_TYPE_ENTITY_REFERENCE:
          /* check_bytes() refused any DOCTYPE; should one slip past, refuse anyway. */
          refuse (error, state->display_name, current_line (reader), "no-doctype",
                  _("the file has a DOCTYPE, which exchange files may not have"));
          return FALSE;

        default:
          break;
        }
    }

  /* Told by the caller once the whole file was checked: a refusal of its bytes comes
   * first, and whether the file was cut off needs its number of lines. */
  if (state->xml_error != NULL)
    return FALSE;
  if (status != 0)
    {
      refuse (error, state->display_name, xmlTextReaderGetParserLineNumber (reader),
              "well-formed", _("the file is not well-formed XML"));
      return FALSE;
    }
  if (xmlTextReaderIsValid (reader) != 1)
    {
      refuse (error, state->display_name, xmlTextReaderGetParserLineNumber (reader),
              "schema", _("the file does not follow the exchange format"));
      return FALSE;
    }
  return TRUE;
}

/* The schema lets any section follow any header; the kind decides which it must be. */
static gboolean
check_message_kind (ReadState  *state,
                    Section     section,
                    GError    **error)
{
  PlacementsExchangeMessage *message = state->message;
  Section expected;

  if (g_strcmp0 (message->kind, "acknowledgement") == 0)
    expected = SECTION_ACKNOWLEDGEMENT;
  else if (g_strcmp0 (message->kind, "report") == 0)
    expected = SECTION_REPORT;
  else
    expected = SECTION_RECORDS;

  if (section != expected)
    {
      refuse (error, state->display_name, message->kind_line, "message-kind",
              _("a message of kind “%s” does not carry this content"), message->kind);
      return FALSE;
    }
  if (expected == SECTION_ACKNOWLEDGEMENT && message->in_reply_to == NULL)
    {
      refuse (error, state->display_name, message->kind_line, "message-kind",
              _("an acknowledgement must name the message it answers (in-reply-to)"));
      return FALSE;
    }
  return TRUE;
}

/* Records are built with the same code the store and the CLI use, so a code or a
 * number is refused here for the same reasons it would be refused in a form. */
static gboolean
build_record (ReadState     *state,
              StagedRecord  *staged,
              GError       **error)
{
  GType type = placements_store_find_record_type (staged->kind);
  g_autoptr(PlacementsRecord) record = NULL;
  g_autoptr(GError) local_error = NULL;
  PlacementsExchangeItem *item;

  if (type == G_TYPE_INVALID || staged->uuid == NULL ||
      !placements_validate_uuid (staged->uuid))
    {
      state->build_rule = "schema";
      refuse (error, state->display_name, staged->line, "schema",
              _("“%s” is not a record this format exchanges"), staged->kind);
      return FALSE;
    }

  record = g_object_new (type, "uuid", staged->uuid, NULL);
  for (guint j = 0; j < staged->fields->len; j++)
    {
      StagedField *field = g_ptr_array_index (staged->fields, j);
      const PlacementsField *spec =
        placements_record_class_find_field (PLACEMENTS_RECORD_GET_CLASS (record),
                                            field->name);

      if (spec == NULL || (spec->flags & PLACEMENTS_FIELD_NEVER_EXPORTED) != 0 ||
          !g_str_equal (spec->pspec->name, field->name))
        {
          state->build_rule = "schema";
          refuse (error, state->display_name, field->line, "schema",
                  _("%s: “%s” is not a field this format exchanges"),
                  placements_record_class_get_label (PLACEMENTS_RECORD_GET_CLASS (record)),
                  field->name);
          return FALSE;
        }
      /* The schema's numbers and booleans collapse white space, so " 5 " is
       * valid there; the text form has none. */
      if (spec->pspec->value_type != G_TYPE_STRING)
        g_strstrip (field->text);
      if (!placements_record_set_field_text (record, field->name, field->text,
                                             &local_error))
        {
          state->build_rule = "field-valid";
          refuse (error, state->display_name, field->line, "field-valid",
                  "%s", local_error->message);
          return FALSE;
        }
    }
  if (!placements_record_validate (record, &local_error))
    {
      state->build_rule = "record-valid";
      refuse (error, state->display_name, staged->line, "record-valid",
              "%s", local_error->message);
      return FALSE;
    }

  item = g_new0 (PlacementsExchangeItem, 1);
  item->record = g_steal_pointer (&record);
  item->line = staged->line;
  g_ptr_array_add (state->message->items, item);
  return TRUE;
}

static PlacementsExchangeMessage *
parse_input (PlacementsExchangeInput  *input,
             const char               *display_name,
             GError                  **error)
{
  g_autoptr(GError) walk_error = NULL;
  g_autoptr(PlacementsExchangeMessage) message = NULL;
  g_autoptr(GString) text = NULL;
  xmlTextReaderPtr reader;
  ReadState state = { 0 };
  Section section = SECTION_NONE;
  xmlStructuredErrorFunc previous_handler;
  xmlGenericErrorFunc previous_generic;
  void *previous_context;
  void *previous_generic_context;
  gboolean ok;

  ensure_libxml ();

  message = g_new0 (PlacementsExchangeMessage, 1);
  message->display_name = g_strdup (display_name);
  message->items = g_ptr_array_new_with_free_func (item_free);
  message->results = g_ptr_array_new_with_free_func (result_free);
  text = g_string_new (NULL);

  state.display_name = display_name;
  state.message = message;
  state.text = text;
  /* The bytes come through the input's checks: libxml2 is handed only what passed
   * them. The encoding is forced to UTF-8: the input made sure it is, and a declared
   * encoding must not make libxml2 transcode what was checked. No option that loads,
   * expands or includes anything: NONET, and BIG_LINES so that line numbers past
   * 65,535 are still right in messages. */
  reader = xmlReaderForIO (placements_exchange_input_read, placements_exchange_input_close,
                           input, NULL, "UTF-8", XML_PARSE_NONET | XML_PARSE_BIG_LINES);
  if (reader == NULL)
    {
      if (placements_exchange_input_finish (input, error))
        refuse (error, display_name, 1, "well-formed",
                _("the file could not be read as XML"));
      return NULL;
    }
  if (xmlTextReaderSetSchema (reader, schema) != 0)
    {
      xmlFreeTextReader (reader);
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO,
                   _("The exchange schema could not be loaded"));
      return NULL;
    }
  /*
   * Errors are collected through libxml2's per-thread structured handler, not
   * xmlTextReaderSetStructuredErrorHandler(): in 2.9.14, once a schema is plugged
   * into the reader, the parser hands that handler the schema plug instead of its
   * context, and the reader reads garbage from it (a crash on the first
   * well-formedness error). The handler is per thread, so imports in two threads
   * do not see each other's errors; the previous one is restored afterwards.
   */
  previous_handler = xmlStructuredError;
  previous_context = xmlStructuredErrorContext;
  previous_generic = xmlGenericError;
  previous_generic_context = xmlGenericErrorContext;
  xmlSetStructuredErrorFunc (&state, structured_error_cb);
  /* A few of libxml2's complaints bypass the structured handler and would go to
   * stderr; what matters of them reaches the handler or the reader's status. */
  xmlSetGenericErrorFunc (NULL, ignore_generic_error);
  ok = walk (&state, reader, &walk_error);
  xmlFreeTextReader (reader);
  xmlSetGenericErrorFunc (previous_generic_context, previous_generic);
  xmlSetStructuredErrorFunc (previous_context, previous_handler);

  /* What the parser did not read is read now, through the same checks; a refusal
   * of the bytes takes precedence over what the parser said. */
  if (!placements_exchange_input_finish (input, error))
    ok = FALSE;
  else if (!ok && walk_error != NULL)
    g_propagate_error (error, g_steal_pointer (&walk_error));
  else if (!ok)
    {
      state.n_lines = placements_exchange_input_get_n_lines (input);
      set_xml_error (&state, error);
    }

  /* Which section the file had: the last one opened at depth 1. */
  section = state.section;
  staged_record_free (state.record);
  result_free (state.result);
  g_free (state.element);
  g_free (state.xml_error);

  if (!ok)
    {
      g_clear_error (&state.build_error);
      return NULL;
    }

  if (message->kind == NULL || message->message_id == NULL || message->sender == NULL ||
      message->receiver == NULL || message->created == NULL)
    {
      g_clear_error (&state.build_error);
      refuse (error, display_name, 1, "schema", _("the file has no complete header"));
      return NULL;
    }
  if (!check_message_kind (&state, section, error))
    {
      g_clear_error (&state.build_error);
      return NULL;
    }
  /* Well-formed and valid, with a record that broke a rule: returned, so that the
   * sender can be answered; placements_exchange_check_rules() refuses it. */
  message->refusal = state.build_error;
  message->refusal_rule = state.build_rule;
  message->refusal_item = state.build_item;

  return g_steal_pointer (&message);
}

PlacementsExchangeMessage *
placements_exchange_parse (const char  *data,
                           gsize        length,
                           const char  *display_name,
                           GError     **error)
{
  g_autoptr(PlacementsExchangeInput) input = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = _("the exchange file");
  if (length > G_MAXINT)
    {
      refuse (error, display_name, 1, "max-size", _("the file is too large"));
      return NULL;
    }
  input = placements_exchange_input_new_for_memory (data, length, display_name);
  return parse_input (input, display_name, error);
}

PlacementsExchangeMessage *
placements_exchange_read (const char    *path,
                          gsize          max_size,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(PlacementsExchangeInput) input = NULL;
  g_autofree char *display_name = NULL;
  g_autofree char *limit = NULL;
  struct stat info;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (max_size == 0)
    max_size = PLACEMENTS_EXCHANGE_MAX_SIZE;
  display_name = g_filename_display_basename (path);
  limit = g_format_size_full (max_size, G_FORMAT_SIZE_LONG_FORMAT);

  /* O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, before
   * fstat() could tell that it is not a file. Reading a regular file ignores it. */
  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO,
                   _("%s could not be opened: %s"), display_name, g_strerror (saved_errno));
      return NULL;
    }
  /* A pipe or a device could be endless or block; an exchange file is a file. */
  if (fstat (fd, &info) != 0 || !S_ISREG (info.st_mode))
    {
      close (fd);
      refuse (error, display_name, 1, "regular-file", _("this is not a regular file"));
      return NULL;
    }
  if ((guint64) info.st_size > max_size)
    {
      close (fd);
      refuse (error, display_name, 1, "max-size",
              _("the file is larger than the %s allowed"), limit);
      return NULL;
    }

  /* Streamed, never held whole: the input reads it a piece at a time, up to one
   * byte past the cap (a file that grew since fstat() is still caught). */
  input = placements_exchange_input_new_for_fd (fd, max_size, display_name, cancellable);
  return parse_input (input, display_name, error);
}
