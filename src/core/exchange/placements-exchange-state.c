#define G_LOG_DOMAIN "placements-exchange-state"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <string.h>

#include "placements-error.h"
#include "placements-exchange-state.h"
#include "placements-organisation.h"
#include "placements-store-private.h"

#define OWN_ORGANISATION_SETTING "own-organisation"

char *
placements_exchange_dup_own_organisation (PlacementsStore *store)
{
  sqlite3_stmt *statement;
  char *uuid = NULL;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);

  statement = placements_store_prepare (store, "SELECT value FROM setting WHERE name = ?", NULL);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_text (statement, 1, OWN_ORGANISATION_SETTING, -1, SQLITE_STATIC);
  if (sqlite3_step (statement) == SQLITE_ROW)
    uuid = g_strdup ((const char *) sqlite3_column_text (statement, 0));
  sqlite3_reset (statement);
  return uuid;
}

/* Runs one prepared write, inside the store's transaction or as its own. */
static gboolean
step_write (PlacementsStore  *store,
            sqlite3_stmt     *statement,
            GError          **error)
{
  int result = sqlite3_step (statement);

  if (result != SQLITE_DONE)
    {
      placements_store_set_sqlite_error (store, error,
                                         _("The exchange state could not be saved"));
      sqlite3_reset (statement);
      return FALSE;
    }
  sqlite3_reset (statement);
  return TRUE;
}

gboolean
placements_exchange_set_own_organisation (PlacementsStore  *store,
                                          const char       *organisation_uuid,
                                          GError          **error)
{
  sqlite3_stmt *statement;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);
  g_return_val_if_fail (organisation_uuid != NULL, FALSE);

  if (!placements_store_exists (store, PLACEMENTS_TYPE_ORGANISATION, organisation_uuid))
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NOT_FOUND,
                   _("The organisation “%s” does not exist"), organisation_uuid);
      return FALSE;
    }

  statement = placements_store_prepare (store,
                                        "INSERT INTO setting (name, value) VALUES (?, ?) "
                                        "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                                        error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, OWN_ORGANISATION_SETTING, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 2, organisation_uuid, -1, SQLITE_TRANSIENT);
  return step_write (store, statement, error);
}

gpointer
placements_exchange_find_organisation (PlacementsStore  *store,
                                       const char       *uuid_or_exchange_id,
                                       GError          **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);
  g_return_val_if_fail (uuid_or_exchange_id != NULL, NULL);

  if (placements_store_exists (store, PLACEMENTS_TYPE_ORGANISATION, uuid_or_exchange_id))
    return placements_store_load (store, PLACEMENTS_TYPE_ORGANISATION, uuid_or_exchange_id,
                                  error);

  found = placements_store_find (store, PLACEMENTS_TYPE_ORGANISATION, "exchange-id",
                                 uuid_or_exchange_id, error);
  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NOT_FOUND,
                   _("There is no organisation with UUID or exchange id “%s”"),
                   uuid_or_exchange_id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (found, 0));
}

GVariant *
placements_exchange_record_fields (PlacementsRecord *record)
{
  PlacementsRecordClass *klass;
  guint n_fields;
  g_autofree GVariant **entries = NULL;
  gsize n_entries = 0;

  g_return_val_if_fail (PLACEMENTS_IS_RECORD (record), NULL);

  klass = PLACEMENTS_RECORD_GET_CLASS (record);
  n_fields = placements_record_class_get_n_fields (klass);
  /* Made for every record an import or an export writes: the entries are built
   * directly rather than through a GVariantBuilder, which parses a format string
   * and copies each text once more (a tenth of an import's time). */
  entries = g_new (GVariant *, MAX (n_fields, 1));
  for (guint i = 0; i < n_fields; i++)
    {
      const PlacementsField *field = placements_record_class_get_field (klass, i);
      char *text;

      if ((field->flags & PLACEMENTS_FIELD_NEVER_EXPORTED) != 0)
        continue;
      text = placements_record_dup_field_text (record, field->pspec->name);
      if (*text == '\0')
        {
          g_free (text);
          continue;
        }
      entries[n_entries++] =
        g_variant_new_dict_entry (g_variant_new_string (field->pspec->name),
                                  g_variant_new_take_string (text));
    }
  return g_variant_new_array (G_VARIANT_TYPE ("{ss}"), entries, n_entries);
}

/*
 * The digest form of a base (the text form is a serialised a{ss}):
 *
 *   0x01, the field list's fingerprint (4 bytes), the bitmap's length L (1 byte),
 *   a bitmap of the non-empty fields (L bytes, bit i = the i-th field), then the
 *   64-bit hash of each non-empty field, in field order.
 *
 * Fields are the kind's in declaration order without the NEVER_EXPORTED ones. A
 * serialised a{ss} starts with a field name's first letter (or is empty), never
 * with 0x01. All numbers are little-endian. The hash is FNV-1a over name, NUL and
 * text, with splitmix64's finaliser: not cryptographic, but a partner who forged a
 * collision could only make their own change look unchanged. The fingerprint
 * notices a field list changed by a later version; the bitmap is then unusable
 * and an empty field cannot be told, but the hashes still name their fields.
 */
#define DIGEST_MARK 0x01
#define DIGEST_HEADER 6

static guint64
field_hash (const char *name,
            const char *text)
{
  guint64 hash = G_GUINT64_CONSTANT (0xcbf29ce484222325);

  for (const guchar *p = (const guchar *) name; *p != '\0'; p++)
    hash = (hash ^ *p) * G_GUINT64_CONSTANT (0x100000001b3);
  hash *= G_GUINT64_CONSTANT (0x100000001b3);
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    hash = (hash ^ *p) * G_GUINT64_CONSTANT (0x100000001b3);

  hash ^= hash >> 30;
  hash *= G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  hash ^= hash >> 27;
  hash *= G_GUINT64_CONSTANT (0x94d049bb133111eb);
  hash ^= hash >> 31;
  return hash;
}

/* The kind's travelling fields' names, hashed; and how many there are. */
static guint32
field_list_fingerprint (PlacementsRecordClass *klass,
                        guint                 *n_exported)
{
  guint32 hash = 0x811c9dc5;

  *n_exported = 0;
  for (guint i = 0; i < placements_record_class_get_n_fields (klass); i++)
    {
      const PlacementsField *field = placements_record_class_get_field (klass, i);

      if ((field->flags & PLACEMENTS_FIELD_NEVER_EXPORTED) != 0)
        continue;
      for (const guchar *p = (const guchar *) field->pspec->name; *p != '\0'; p++)
        hash = (hash ^ *p) * 0x01000193;
      hash *= 0x01000193;
      (*n_exported)++;
    }
  return hash;
}

struct _PlacementsBaseDigest
{
  GByteArray      *data;
  guint            n_bitmap_bytes;
  guint32          fingerprint;
  /* The upsert, looked up once: the store's cache hashes the SQL text on every
   * lookup, which a million rows feel. The store keeps its statements until it
   * is finalised, and the digest lives for one export of that store. */
  PlacementsStore *store;
  sqlite3_stmt    *upsert;
};

PlacementsBaseDigest *
placements_base_digest_new (GType type)
{
  g_autoptr(PlacementsRecordClass) klass = g_type_class_ref (type);
  PlacementsBaseDigest *digest = g_new0 (PlacementsBaseDigest, 1);
  guint n_exported;

  digest->fingerprint = field_list_fingerprint (klass, &n_exported);
  digest->n_bitmap_bytes = (n_exported + 7) / 8;
  g_assert (digest->n_bitmap_bytes <= G_MAXUINT8);
  digest->data = g_byte_array_sized_new (DIGEST_HEADER + digest->n_bitmap_bytes + 8 * 32);
  placements_base_digest_reset (digest);
  return digest;
}

void
placements_base_digest_reset (PlacementsBaseDigest *digest)
{
  guint8 *data;

  g_byte_array_set_size (digest->data, DIGEST_HEADER + digest->n_bitmap_bytes);
  data = digest->data->data;
  data[0] = DIGEST_MARK;
  for (guint i = 0; i < 4; i++)
    data[1 + i] = (guint8) (digest->fingerprint >> (8 * i));
  data[5] = (guint8) digest->n_bitmap_bytes;
  memset (data + DIGEST_HEADER, 0, digest->n_bitmap_bytes);
}

void
placements_base_digest_add (PlacementsBaseDigest *digest,
                            guint                 index,
                            const char           *name,
                            const char           *text)
{
  guint64 hash = field_hash (name, text);
  guint8 le[8];

  g_return_if_fail (index / 8 < digest->n_bitmap_bytes);

  digest->data->data[DIGEST_HEADER + index / 8] |= (guint8) (1u << (index % 8));
  for (guint i = 0; i < 8; i++)
    le[i] = (guint8) (hash >> (8 * i));
  g_byte_array_append (digest->data, le, sizeof le);
}

void
placements_base_digest_free (PlacementsBaseDigest *digest)
{
  if (digest == NULL)
    return;
  g_byte_array_unref (digest->data);
  g_free (digest);
}

struct _PlacementsExchangeBase
{
  /* The text form, or NULL for a digest. */
  GVariant              *fields;
  GBytes                *digest;
  PlacementsRecordClass *klass;
  /* The digest's bitmap fits today's field list. */
  gboolean               same_fields;
};

void
placements_exchange_base_free (PlacementsExchangeBase *base)
{
  if (base == NULL)
    return;
  g_clear_pointer (&base->fields, g_variant_unref);
  g_clear_pointer (&base->digest, g_bytes_unref);
  if (base->klass != NULL)
    g_type_class_unref (base->klass);
  g_free (base);
}

static guint
count_bits (guint8 byte)
{
  guint n = 0;

  for (; byte != 0; byte &= (guint8) (byte - 1))
    n++;
  return n;
}

/* The digest's parts, or FALSE when its bytes do not hold together. */
static gboolean
digest_parts (PlacementsExchangeBase  *base,
              const guint8           **bitmap,
              guint                   *n_bitmap_bytes,
              const guint8           **hashes,
              guint                   *n_hashes)
{
  gsize size;
  const guint8 *data = g_bytes_get_data (base->digest, &size);
  guint n_set = 0;

  if (size < DIGEST_HEADER || data[0] != DIGEST_MARK || size < DIGEST_HEADER + (gsize) data[5]
      || (size - DIGEST_HEADER - (gsize) data[5]) % 8 != 0)
    return FALSE;
  *n_bitmap_bytes = data[5];
  *bitmap = data + DIGEST_HEADER;
  *hashes = *bitmap + *n_bitmap_bytes;
  *n_hashes = (guint) ((size - DIGEST_HEADER - *n_bitmap_bytes) / 8);
  for (guint i = 0; i < *n_bitmap_bytes; i++)
    n_set += count_bits ((*bitmap)[i]);
  return n_set == *n_hashes;
}

static guint64
read_hash (const guint8 *bytes)
{
  guint64 hash = 0;

  for (guint i = 0; i < 8; i++)
    hash |= (guint64) bytes[i] << (8 * i);
  return hash;
}

/* The position of @name among the kind's travelling fields, or -1. */
static int
exported_index (PlacementsRecordClass *klass,
                const char            *name)
{
  int index = 0;

  for (guint i = 0; i < placements_record_class_get_n_fields (klass); i++)
    {
      const PlacementsField *field = placements_record_class_get_field (klass, i);

      if ((field->flags & PLACEMENTS_FIELD_NEVER_EXPORTED) != 0)
        continue;
      if (g_str_equal (field->pspec->name, name))
        return index;
      index++;
    }
  return -1;
}

gboolean
placements_exchange_base_has (PlacementsExchangeBase *base,
                              const char             *name,
                              const char             *text)
{
  const guint8 *bitmap, *hashes;
  guint n_bitmap_bytes, n_hashes, before = 0;
  guint64 hash;
  int index;

  g_return_val_if_fail (base != NULL, FALSE);
  g_return_val_if_fail (name != NULL && text != NULL, FALSE);

  if (base->fields != NULL)
    return g_str_equal (placements_exchange_base_get_text (base, name), text);

  /* Checked when read. */
  digest_parts (base, &bitmap, &n_bitmap_bytes, &hashes, &n_hashes);
  hash = field_hash (name, text);
  index = base->same_fields ? exported_index (base->klass, name) : -1;
  if (index < 0 || (guint) index / 8 >= n_bitmap_bytes)
    {
      /* No usable bitmap: a hash still names its field, an empty field is unknown. */
      if (*text == '\0')
        return FALSE;
      for (guint i = 0; i < n_hashes; i++)
        if (read_hash (hashes + 8 * i) == hash)
          return TRUE;
      return FALSE;
    }

  if ((bitmap[index / 8] & (1u << (index % 8))) == 0)
    return *text == '\0';
  if (*text == '\0')
    return FALSE;
  for (guint i = 0; i < (guint) index / 8; i++)
    before += count_bits (bitmap[i]);
  before += count_bits ((guint8) (bitmap[index / 8] & ((1u << (index % 8)) - 1)));
  return read_hash (hashes + 8 * before) == hash;
}

const char *
placements_exchange_base_get_text (PlacementsExchangeBase *base,
                                   const char             *name)
{
  const char *value = NULL;

  g_return_val_if_fail (base != NULL, NULL);

  if (base->fields == NULL)
    return NULL;
  if (!g_variant_lookup (base->fields, name, "&s", &value))
    return "";
  return value;
}

gboolean
placements_exchange_base_equal_fields (PlacementsExchangeBase *base,
                                       GVariant               *fields)
{
  g_return_val_if_fail (base != NULL, FALSE);

  return base->fields != NULL && g_variant_equal (base->fields, fields);
}

PlacementsExchangeBase *
placements_exchange_dup_base (PlacementsStore *store,
                              const char      *record_uuid,
                              const char      *partner_uuid,
                              const char      *kind)
{
  sqlite3_stmt *statement;
  PlacementsExchangeBase *base = NULL;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  statement = placements_store_prepare (store,
                                        "SELECT fields FROM exchange_base "
                                        "WHERE partner_uuid = ?2 AND kind = ?3 "
                                        "AND record_uuid = ?1",
                                        NULL);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_text (statement, 1, record_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, partner_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 3, kind, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) == SQLITE_ROW)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (sqlite3_column_blob (statement, 0),
                                             (gsize) sqlite3_column_bytes (statement, 0));
      const guint8 *data = g_bytes_get_data (bytes, NULL);

      base = g_new0 (PlacementsExchangeBase, 1);
      if (g_bytes_get_size (bytes) > 0 && data[0] == DIGEST_MARK)
        {
          GType type = placements_store_find_record_type (kind);
          const guint8 *bitmap, *hashes;
          guint n_bitmap_bytes, n_hashes, n_exported;
          guint32 fingerprint;

          base->digest = g_steal_pointer (&bytes);
          /* A damaged row is no base: every difference is then a conflict. */
          if (type == G_TYPE_INVALID
              || !digest_parts (base, &bitmap, &n_bitmap_bytes, &hashes, &n_hashes))
            g_clear_pointer (&base, placements_exchange_base_free);
          else
            {
              data = g_bytes_get_data (base->digest, NULL);
              base->klass = g_type_class_ref (type);
              fingerprint = field_list_fingerprint (base->klass, &n_exported);
              base->same_fields = (data[1] | data[2] << 8 | data[3] << 16
                                   | (guint32) data[4] << 24) == fingerprint
                                  && n_bitmap_bytes == (n_exported + 7) / 8;
            }
        }
      else
        {
          g_autoptr(GVariant) stored =
            g_variant_new_from_bytes (G_VARIANT_TYPE ("a{ss}"), bytes, FALSE);

          /* The bytes are ours, but a damaged file must not crash a reader. */
          base->fields = g_variant_ref_sink (g_variant_get_normal_form (stored));
        }
    }
  sqlite3_reset (statement);
  return base;
}

gboolean
placements_exchange_set_base (PlacementsStore  *store,
                              const char       *record_uuid,
                              const char       *partner_uuid,
                              const char       *kind,
                              GVariant         *fields,
                              GError          **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *exchanged = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");

  return placements_exchange_set_base_at (store, record_uuid, partner_uuid, kind, fields,
                                          exchanged, error);
}

gboolean
placements_exchange_set_base_at (PlacementsStore  *store,
                                 const char       *record_uuid,
                                 const char       *partner_uuid,
                                 const char       *kind,
                                 GVariant         *fields,
                                 const char       *exchanged,
                                 GError          **error)
{
  g_autoptr(GVariant) owned = NULL;
  sqlite3_stmt *statement;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_variant_is_of_type (fields, G_VARIANT_TYPE ("a{ss}")), FALSE);
  g_return_val_if_fail (exchanged != NULL, FALSE);

  owned = g_variant_ref_sink (fields);
  /* One statement, prepared once and kept by the store, for every base written. */
  statement = placements_store_prepare (store,
                                        "INSERT INTO exchange_base "
                                        "(record_uuid, partner_uuid, kind, fields, exchanged) "
                                        "VALUES (?, ?, ?, ?, ?) "
                                        "ON CONFLICT (partner_uuid, kind, record_uuid) "
                                        "DO UPDATE SET fields = excluded.fields, "
                                        "exchanged = excluded.exchanged",
                                        error);
  if (statement == NULL)
    return FALSE;
  /* All of these outlive the step: SQLite need not copy them. */
  sqlite3_bind_text (statement, 1, record_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 2, partner_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_blob (statement, 4, g_variant_get_data (owned), (int) g_variant_get_size (owned),
                     SQLITE_STATIC);
  sqlite3_bind_text (statement, 5, exchanged, -1, SQLITE_STATIC);
  return step_write (store, statement, error);
}

static gboolean
step_digest (PlacementsStore       *store,
             sqlite3_stmt          *statement,
             const char            *record_uuid,
             const char            *partner_uuid,
             const char            *kind,
             PlacementsBaseDigest  *digest,
             const char            *exchanged,
             GError               **error)
{
  /* The strings outlive the step, which is all SQLITE_STATIC asks; every
   * parameter is bound again before the next. */
  sqlite3_bind_text (statement, 1, record_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 2, partner_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_blob (statement, 4, digest->data->data, (int) digest->data->len, SQLITE_STATIC);
  sqlite3_bind_text (statement, 5, exchanged, -1, SQLITE_STATIC);
  return step_write (store, statement, error);
}

gboolean
placements_exchange_set_base_digest (PlacementsStore       *store,
                                     const char            *record_uuid,
                                     const char            *partner_uuid,
                                     const char            *kind,
                                     PlacementsBaseDigest  *digest,
                                     const char            *exchanged,
                                     GError               **error)
{
  sqlite3_stmt *statement = digest->upsert;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);
  g_return_val_if_fail (digest != NULL && exchanged != NULL, FALSE);

  if (statement != NULL && digest->store == store)
    return step_digest (store, statement, record_uuid, partner_uuid, kind, digest, exchanged,
                        error);

  statement = placements_store_prepare (store,
                                        "INSERT INTO exchange_base "
                                        "(record_uuid, partner_uuid, kind, fields, exchanged) "
                                        "VALUES (?, ?, ?, ?, ?) "
                                        "ON CONFLICT (partner_uuid, kind, record_uuid) "
                                        "DO UPDATE SET fields = excluded.fields, "
                                        "exchanged = excluded.exchanged "
                                        "WHERE fields IS NOT excluded.fields",
                                        error);
  if (statement == NULL)
    return FALSE;
  digest->store = store;
  digest->upsert = statement;
  return step_digest (store, statement, record_uuid, partner_uuid, kind, digest, exchanged,
                      error);
}

gboolean
placements_exchange_log_message (PlacementsStore            *store,
                                 const char                 *message_id,
                                 PlacementsMessageDirection  direction,
                                 const char                 *kind,
                                 const char                 *partner_uuid,
                                 const char                 *created,
                                 const char                 *in_reply_to,
                                 guint                       n_records,
                                 GError                    **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *processed = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  sqlite3_stmt *statement;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);

  statement = placements_store_prepare (store,
                                        "INSERT INTO exchange_message (message_id, direction, "
                                        "kind, partner_uuid, created, processed, in_reply_to, "
                                        "n_records) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                        error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, message_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, direction == PLACEMENTS_MESSAGE_SENT ? "sent" : "received",
                     -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 3, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 4, partner_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 5, created, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 6, processed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 7, in_reply_to, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (statement, 8, n_records);
  return step_write (store, statement, error);
}

static void
digest_text (GChecksum  *checksum,
             const char *text)
{
  /* Each text with its length, so that no two sequences of texts digest alike. */
  gsize length = text != NULL ? strlen (text) : 0;
  guint64 prefix = GUINT64_TO_LE ((guint64) length + (text != NULL ? 1 : 0));

  g_checksum_update (checksum, (const guchar *) &prefix, sizeof prefix);
  if (length > 0)
    g_checksum_update (checksum, (const guchar *) text, (gssize) length);
}

char *
placements_exchange_message_digest (PlacementsExchangeMessage *message)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *header[] = {
    message->kind, message->format_version, message->message_id, message->sender,
    message->receiver, message->created, message->in_reply_to,
  };

  g_return_val_if_fail (message != NULL, NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (header); i++)
    digest_text (checksum, header[i]);
  for (guint i = 0; i < message->items->len; i++)
    {
      PlacementsExchangeItem *item = g_ptr_array_index (message->items, i);
      PlacementsRecordClass *klass = PLACEMENTS_RECORD_GET_CLASS (item->record);

      digest_text (checksum, placements_record_class_get_kind (klass));
      digest_text (checksum, placements_record_get_uuid (item->record));
      for (guint j = 0; j < placements_record_class_get_n_fields (klass); j++)
        {
          const PlacementsField *field = placements_record_class_get_field (klass, j);
          g_autofree char *text = NULL;

          if ((field->flags & PLACEMENTS_FIELD_NEVER_EXPORTED) != 0)
            continue;
          text = placements_record_dup_field_text (item->record, field->pspec->name);
          digest_text (checksum, text);
        }
    }
  for (guint i = 0; i < message->results->len; i++)
    {
      PlacementsExchangeResult *result = g_ptr_array_index (message->results, i);

      digest_text (checksum, result->record_uuid);
      digest_text (checksum, result->kind);
      digest_text (checksum, result->code);
      digest_text (checksum, result->rule);
      digest_text (checksum, result->message);
    }
  return g_strdup (g_checksum_get_string (checksum));
}

gboolean
placements_exchange_set_message_digest (PlacementsStore  *store,
                                        const char       *message_id,
                                        const char       *digest,
                                        GError          **error)
{
  sqlite3_stmt *statement;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);

  statement = placements_store_prepare (store,
                                        "UPDATE exchange_message SET digest = ? "
                                        "WHERE message_id = ?",
                                        error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, digest, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, message_id, -1, SQLITE_TRANSIENT);
  return step_write (store, statement, error);
}

char *
placements_exchange_dup_message_digest (PlacementsStore *store,
                                        const char      *message_id)
{
  sqlite3_stmt *statement;
  char *digest = NULL;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);

  statement = placements_store_prepare (store,
                                        "SELECT digest FROM exchange_message "
                                        "WHERE message_id = ? AND direction = 'received'",
                                        NULL);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_text (statement, 1, message_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) == SQLITE_ROW)
    digest = g_strdup ((const char *) sqlite3_column_text (statement, 0));
  sqlite3_reset (statement);
  return digest;
}

gint64
placements_exchange_get_log_mark (PlacementsStore *store)
{
  sqlite3_stmt *statement;
  gint64 mark = 0;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), 0);

  statement = placements_store_prepare (store, "SELECT max(rowid) FROM exchange_message",
                                        NULL);
  if (statement == NULL)
    return 0;
  if (sqlite3_step (statement) == SQLITE_ROW)
    mark = sqlite3_column_int64 (statement, 0);
  sqlite3_reset (statement);
  return mark;
}

char *
placements_exchange_dup_received_since (PlacementsStore *store,
                                        gint64           mark)
{
  sqlite3_stmt *statement;
  char *message_id = NULL;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);

  statement = placements_store_prepare (store,
                                        "SELECT message_id FROM exchange_message "
                                        "WHERE rowid > ? AND direction = 'received' "
                                        "ORDER BY rowid LIMIT 1",
                                        NULL);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_int64 (statement, 1, mark);
  if (sqlite3_step (statement) == SQLITE_ROW)
    message_id = g_strdup ((const char *) sqlite3_column_text (statement, 0));
  sqlite3_reset (statement);
  return message_id;
}

gboolean
placements_exchange_has_message (PlacementsStore *store,
                                 const char      *message_id)
{
  sqlite3_stmt *statement;
  gboolean found;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);

  statement = placements_store_prepare (store,
                                        "SELECT 1 FROM exchange_message WHERE message_id = ?",
                                        NULL);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, message_id, -1, SQLITE_TRANSIENT);
  found = sqlite3_step (statement) == SQLITE_ROW;
  sqlite3_reset (statement);
  return found;
}

gboolean
placements_exchange_mark_answered (PlacementsStore  *store,
                                   const char       *message_id,
                                   const char       *answered,
                                   GError          **error)
{
  sqlite3_stmt *statement;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);

  statement = placements_store_prepare (store,
                                        "UPDATE exchange_message SET answered = ? "
                                        "WHERE message_id = ? AND direction = 'sent'",
                                        error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, answered, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, message_id, -1, SQLITE_TRANSIENT);
  if (!step_write (store, statement, error))
    return FALSE;
  if (sqlite3_changes (placements_store_get_connection (store)) == 0)
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NOT_FOUND,
                   _("No message “%s” was sent from this database"), message_id);
      return FALSE;
    }
  return TRUE;
}

gboolean
placements_exchange_add_result (PlacementsStore  *store,
                                const char       *message_id,
                                const char       *record_uuid,
                                const char       *kind,
                                const char       *code,
                                const char       *rule,
                                const char       *message,
                                GError          **error)
{
  sqlite3_stmt *statement;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);

  statement = placements_store_prepare (store,
                                        "INSERT INTO exchange_result (message_id, record_uuid, "
                                        "kind, code, rule, message) VALUES (?, ?, ?, ?, ?, ?) "
                                        "ON CONFLICT (message_id, record_uuid) DO UPDATE SET "
                                        "kind = excluded.kind, code = excluded.code, "
                                        "rule = excluded.rule, message = excluded.message",
                                        error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, message_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 2, record_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 3, kind, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 4, code, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 5, rule, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (statement, 6, message, -1, SQLITE_TRANSIENT);
  return step_write (store, statement, error);
}
