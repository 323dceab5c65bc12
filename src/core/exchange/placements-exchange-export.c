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
#include "placements-exchange-export-private.h"
#include "placements-record-types.h"
#include "placements-store-private.h"

/*
 * Export streams straight from SQL rows to xmlTextWriter: records are selected
 * into two temporary tables (the consented clients, and every record that travels
 * as kind + UUID), then each kind is read in one ordered query. No record
 * objects are built on the way, because the 100,000 clients of the demo database
 * bring three quarters of a million records. The text form of each field follows
 * placements_record_dup_field_text() exactly; the tests hold the two together.
 *
 * This file runs a write: the checks, the transaction, the file, the header and the
 * log. The selection is in placements-exchange-export-select.c, the records in
 * placements-exchange-export-records.c, a pseudonymised report's participants in
 * placements-exchange-export-report.c.
 */

#define EXCHANGE_NAMESPACE "urn:example:placements:exchange:1"
#define FORMAT_VERSION "1.0"

struct _PlacementsExport
{
  GObject          parent_instance;

  /* Owned */
  PlacementsStore *store;
  char            *receiver;
  char            *pilot_uuid;
  char            *client_uuid;
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

/* The clients the message carries, comma-separated in UUID order; NULL for none. */
static char *
dup_carried_clients (PlacementsExport  *self,
                     GError           **error)
{
  sqlite3_stmt *statement =
    placements_store_prepare (self->store,
                              "SELECT group_concat (uuid, ',') FROM "
                              "(SELECT uuid FROM temp.export_selection "
                              " WHERE kind = 'client' ORDER BY uuid)",
                              error);
  char *uuids = NULL;

  if (statement == NULL)
    return NULL;
  if (sqlite3_step (statement) == SQLITE_ROW && sqlite3_column_type (statement, 0) != SQLITE_NULL)
    uuids = g_strdup ((const char *) sqlite3_column_text (statement, 0));
  sqlite3_reset (statement);
  return uuids;
}

static gboolean
write_audit_event (PlacementsExport  *self,
                   const char        *receiver_name,
                   GError           **error)
{
  g_autofree char *detail = NULL;
  g_autofree char *clients = NULL;
  g_autoptr(GError) local_error = NULL;

  /* NEN 7513 asks whose data left: the clients carried are the entry's records, so
   * that `audit --client` and a client's page find the export, as an import's entry
   * names the records it brought. */
  clients = dup_carried_clients (self, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* The audit log is read by the organisation itself, in its own words: the
   * detail is a fixed, untranslated summary a program can read back too. */
  detail = g_strdup_printf ("kind=%s receiver=%s message=%s records=%u clients=%u "
                            "left-out=%u",
                            self->message_kind, receiver_name, self->message_id,
                            self->n_records, self->n_clients, self->n_left_out);
  return placements_store_write_audit_event (self->store, PLACEMENTS_AUDIT_ACTION_EXPORT,
                                             "message", clients, detail, error);
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
write_body (WriteContext  *context,
            GError       **error)
{
  if (context->pseudonymise)
    return placements_export_write_report (context, error);
  return !(writer_failed (context, xmlTextWriterStartElement (context->writer,
                                                              BAD_CAST "records"), error)
           || !placements_export_write_kinds (context, placements_export_travelling_kinds,
                                              error)
           || !placements_export_end_container (context, error));
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
  if (self->client_uuid != NULL
      && !placements_store_exists (self->store, PLACEMENTS_TYPE_CLIENT, self->client_uuid))
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NOT_FOUND,
                   _("There is no client “%s”"), self->client_uuid);
      return FALSE;
    }

  context.self = self;
  context.store = self->store;
  context.pilot_uuid = self->pilot_uuid;
  context.client_uuid = self->client_uuid;
  context.pseudonymise = self->pseudonymise;
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
  if (!placements_export_select (&context, error)
      || g_cancellable_set_error_if_cancelled (cancellable, error))
    goto failed;
  self->n_clients = context.n_clients;
  self->n_left_out = context.n_left_out;
  self->n_records = context.n_records;

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

  placements_export_clear_selection (&context);
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
  placements_export_clear_selection (&context);
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
  g_clear_pointer (&self->client_uuid, g_free);
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

void
placements_export_set_client_uuid (PlacementsExport *self,
                                   const char       *client_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_EXPORT (self));
  g_free (self->client_uuid);
  self->client_uuid = client_uuid != NULL && *client_uuid != '\0' ? g_strdup (client_uuid)
                                                                  : NULL;
}

const char *
placements_export_get_client_uuid (PlacementsExport *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_EXPORT (self), NULL);
  return self->client_uuid;
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
