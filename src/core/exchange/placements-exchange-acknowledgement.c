#define G_LOG_DOMAIN "placements-exchange"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libxml/xmlwriter.h>

#include "placements-exchange-acknowledgement.h"
#include "placements-error.h"

#define EXCHANGE_NAMESPACE "urn:example:placements:exchange:1"
/* The schema's limit for a text element. */
#define MAX_MESSAGE_CHARS 20000

static int
write_element (xmlTextWriterPtr  writer,
               const char       *name,
               const char       *text)
{
  return xmlTextWriterWriteElement (writer, (const xmlChar *) name, (const xmlChar *) text);
}

static int
write_attribute (xmlTextWriterPtr  writer,
                 const char       *name,
                 const char       *text)
{
  return xmlTextWriterWriteAttribute (writer, (const xmlChar *) name, (const xmlChar *) text);
}

GBytes *
placements_acknowledgement_build (const char  *sender,
                                  const char  *receiver,
                                  const char  *in_reply_to,
                                  GPtrArray   *results,
                                  char       **message_id,
                                  char       **created,
                                  GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *timestamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  g_autofree char *id = g_uuid_string_random ();
  xmlBufferPtr buffer;
  xmlTextWriterPtr writer;
  int failed = 0;
  GBytes *bytes;

  g_return_val_if_fail (sender != NULL && receiver != NULL && in_reply_to != NULL, NULL);
  g_return_val_if_fail (results != NULL, NULL);

  buffer = xmlBufferCreate ();
  writer = xmlNewTextWriterMemory (buffer, 0);
  xmlTextWriterSetIndent (writer, 1);
  xmlTextWriterSetIndentString (writer, (const xmlChar *) "  ");

  /* Each call returns a negative number on failure; summing the signs is enough to
   * know whether the document is whole. */
  failed |= xmlTextWriterStartDocument (writer, "1.0", "UTF-8", NULL) < 0;
  failed |= xmlTextWriterStartElement (writer, (const xmlChar *) "message") < 0;
  failed |= write_attribute (writer, "xmlns", EXCHANGE_NAMESPACE) < 0;
  failed |= xmlTextWriterStartElement (writer, (const xmlChar *) "header") < 0;
  failed |= write_element (writer, "kind", "acknowledgement") < 0;
  failed |= write_element (writer, "format-version", "1.0") < 0;
  failed |= write_element (writer, "message-id", id) < 0;
  failed |= write_element (writer, "sender", sender) < 0;
  failed |= write_element (writer, "receiver", receiver) < 0;
  failed |= write_element (writer, "created", timestamp) < 0;
  failed |= write_element (writer, "in-reply-to", in_reply_to) < 0;
  failed |= xmlTextWriterEndElement (writer) < 0;
  failed |= xmlTextWriterStartElement (writer, (const xmlChar *) "acknowledgement") < 0;
  for (guint i = 0; i < results->len; i++)
    {
      PlacementsExchangeResult *result = g_ptr_array_index (results, i);

      failed |= xmlTextWriterStartElement (writer, (const xmlChar *) "result") < 0;
      failed |= write_attribute (writer, "record", result->record_uuid) < 0;
      failed |= write_attribute (writer, "kind", result->kind) < 0;
      failed |= write_attribute (writer, "code", result->code) < 0;
      failed |= write_attribute (writer, "rule", result->rule) < 0;
      if (result->message != NULL)
        {
          g_autofree char *text = NULL;

          /* A message quoting a long field must still fit the schema. */
          if (g_utf8_strlen (result->message, -1) > MAX_MESSAGE_CHARS)
            text = g_utf8_substring (result->message, 0, MAX_MESSAGE_CHARS);
          else
            text = g_strdup (result->message);
          failed |= xmlTextWriterWriteString (writer, (const xmlChar *) text) < 0;
        }
      failed |= xmlTextWriterEndElement (writer) < 0;
    }
  failed |= xmlTextWriterEndDocument (writer) < 0;
  xmlFreeTextWriter (writer);

  if (failed)
    {
      xmlBufferFree (buffer);
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO,
                   _("The acknowledgement could not be written"));
      return NULL;
    }

  bytes = g_bytes_new (xmlBufferContent (buffer), xmlBufferLength (buffer));
  xmlBufferFree (buffer);

  if (message_id != NULL)
    *message_id = g_steal_pointer (&id);
  if (created != NULL)
    *created = g_steal_pointer (&timestamp);
  return bytes;
}
