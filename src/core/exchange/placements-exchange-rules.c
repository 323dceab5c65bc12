#define G_LOG_DOMAIN "placements-exchange"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "placements-enum-types.h"
#include "placements-error.h"
#include "placements-exchange-rules.h"
#include "placements-exchange-state.h"
#include "placements-record-types.h"
#include "placements-store-private.h"

/*
 * The rules across the records of a message (docs/exchange-import.md, "Rules across
 * records"). The reader has read the file; here it is judged. Everything the rules
 * with a database need is looked up once into a Judge before the first rule runs:
 * the own organisation, the sender and what the file's consents grant. Each rule then
 * reads the Judge and says, when it fails, which record broke it.
 */

typedef struct
{
  PlacementsExchangeMessage *message;
  /* NULL when the file is judged on its own (validate). */
  PlacementsStore           *store;

  /* With a store: the own organisation (NULL when the database has none yet). */
  char                      *own_uuid;
  PlacementsOrganisation    *own;
  /* The sender's UUID, in the database or introduced by the file, or NULL. */
  const char                *sender_uuid;
  PlacementsOrganisation    *sender;
  /* The day the message was made (YYYY-MM-DD): consents count as on that day. */
  char                       day[11];
  /* Client UUID → the data categories their consents in the file grant us. */
  GHashTable                *file_consents;
  /* The UUIDs of the consents in the file. */
  GHashTable                *consents_in_file;
  /* Client UUID → what their consents in the database grant us, asked once each. */
  GHashTable                *stored_consents;

  /* Where a failure is told. */
  int                       *failed_item;
  const char               **failed_rule;
  GError                   **error;
} Judge;

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

void
placements_exchange_parties_clear (PlacementsExchangeParties *parties)
{
  g_clear_pointer (&parties->own_uuid, g_free);
  g_clear_pointer (&parties->own_exchange_id, g_free);
  g_clear_pointer (&parties->sender_uuid, g_free);
}

static const char *
field_value (PlacementsRecord *record,
             const char       *name)
{
  const PlacementsField *field =
    placements_record_class_find_field (PLACEMENTS_RECORD_GET_CLASS (record), name);

  g_assert (field != NULL);
  return placements_record_get_string (record, field->pspec->param_id);
}

static gboolean
consent_valid_on (PlacementsRecord *consent,
                  const char       *own_uuid,
                  const char       *day)
{
  const char *receiver = field_value (consent, "receiver-uuid");
  const char *given = field_value (consent, "given-date");
  const char *expiry = field_value (consent, "expiry-date");
  const char *withdrawn = field_value (consent, "withdrawn-date");

  /* Dates are YYYY-MM-DD, so text order is date order. */
  return g_strcmp0 (receiver, own_uuid) == 0 &&
         given != NULL && strcmp (given, day) <= 0 &&
         (expiry == NULL || *expiry == '\0' || strcmp (expiry, day) >= 0) &&
         (withdrawn == NULL || *withdrawn == '\0' || strcmp (withdrawn, day) > 0);
}

/* The purposes under which a client's records may be sent in a referral or an update
 * (docs/exchange-format.md, "Consent"); a consent for reporting covers reports only. */
static gboolean
counts_for_records (PlacementsRecord *consent)
{
  PlacementsConsentPurpose purpose =
    placements_consent_get_purpose (PLACEMENTS_CONSENT (consent));

  return purpose == PLACEMENTS_CONSENT_PURPOSE_PLACEMENT ||
         purpose == PLACEMENTS_CONSENT_PURPOSE_REFERRAL;
}

static guint
granted_by (PlacementsRecord *consent,
            const char       *own_uuid,
            const char       *day)
{
  if (!counts_for_records (consent) || !consent_valid_on (consent, own_uuid, day))
    return 0;
  return placements_consent_get_data_categories (PLACEMENTS_CONSENT (consent));
}

/* Client UUID → the data categories their consents in the file grant us, valid on
 * the day the sender made the message (which also makes the check give the same
 * answer tomorrow). Collected once: looking through every record for each client
 * made the check quadratic, most of an import of 10,000 clients. */
static void
collect_file_consents (Judge *judge)
{
  PlacementsExchangeMessage *message = judge->message;

  judge->file_consents = g_hash_table_new (g_str_hash, g_str_equal);
  judge->consents_in_file = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < message->items->len; i++)
    {
      PlacementsExchangeItem *item = g_ptr_array_index (message->items, i);
      const char *client_uuid;
      guint granted;

      if (!PLACEMENTS_IS_CONSENT (item->record))
        continue;
      /* What the file says of a consent replaces what the database holds of it. */
      g_hash_table_add (judge->consents_in_file,
                        (gpointer) placements_record_get_uuid (item->record));
      if ((granted = granted_by (item->record, judge->own_uuid, judge->day)) == 0)
        continue;
      client_uuid = field_value (item->record, "client-uuid");
      if (client_uuid == NULL)
        continue;
      granted |= GPOINTER_TO_UINT (g_hash_table_lookup (judge->file_consents, client_uuid));
      g_hash_table_insert (judge->file_consents, (gpointer) client_uuid,
                           GUINT_TO_POINTER (granted));
    }
}

/* What a client's consents grant us, in the file and in the database. The database
 * is asked only when the file's consents do not grant @needed already. */
static guint
granted_for (Judge      *judge,
             const char *client_uuid,
             guint       needed)
{
  guint granted =
    GPOINTER_TO_UINT (g_hash_table_lookup (judge->file_consents, client_uuid));
  gpointer cached = NULL;

  if ((granted & needed) == needed)
    return granted;
  if (!g_hash_table_lookup_extended (judge->stored_consents, client_uuid, NULL, &cached))
    {
      g_autoptr(GPtrArray) stored = NULL;
      guint from_store = 0;

      stored = placements_store_find (judge->store, PLACEMENTS_TYPE_CONSENT, "client-uuid",
                                      client_uuid, NULL);
      for (guint i = 0; stored != NULL && i < stored->len; i++)
        {
          PlacementsRecord *consent = g_ptr_array_index (stored, i);

          if (!g_hash_table_contains (judge->consents_in_file,
                                      placements_record_get_uuid (consent)))
            from_store |= granted_by (consent, judge->own_uuid, judge->day);
        }
      g_hash_table_insert (judge->stored_consents, (gpointer) client_uuid,
                           GUINT_TO_POINTER (from_store));
      cached = GUINT_TO_POINTER (from_store);
    }
  return granted | GPOINTER_TO_UINT (cached);
}

/* The data categories a record is: a client its identity (and its support question
 * and goals, support), ladder steps and progress notes progress, placements and
 * buddy pairings placements. Sets @client_uuid to whom it is about. */
static guint
needed_categories (PlacementsRecord  *record,
                   const char       **client_uuid)
{
  if (PLACEMENTS_IS_CLIENT (record))
    {
      const char *support = field_value (record, "support-question");
      const char *goals = field_value (record, "goals");
      guint needed = PLACEMENTS_DATA_CATEGORY_IDENTITY;

      if ((support != NULL && *support != '\0') || (goals != NULL && *goals != '\0'))
        needed |= PLACEMENTS_DATA_CATEGORY_SUPPORT;
      *client_uuid = placements_record_get_uuid (record);
      return needed;
    }
  if (PLACEMENTS_IS_LADDER_STEP (record) || PLACEMENTS_IS_PROGRESS_NOTE (record))
    {
      *client_uuid = field_value (record, "client-uuid");
      return PLACEMENTS_DATA_CATEGORY_PROGRESS;
    }
  if (PLACEMENTS_IS_PLACEMENT (record) || PLACEMENTS_IS_BUDDY_PAIRING (record))
    {
      *client_uuid = field_value (record, "client-uuid");
      return PLACEMENTS_DATA_CATEGORY_PLACEMENTS;
    }
  *client_uuid = NULL;
  return 0;
}

static const char *
category_code (guint category)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (PLACEMENTS_TYPE_DATA_CATEGORY);
  GFlagsValue *value = g_flags_get_first_value (klass, category);

  return value != NULL ? value->value_nick : "?";
}

/* An answer must come from whom the message went to (when the log knows). */
static gboolean
was_sent (PlacementsStore *store,
          const char      *message_id,
          const char      *partner_uuid)
{
  sqlite3_stmt *statement =
    placements_store_prepare (store,
                              "SELECT partner_uuid FROM exchange_message "
                              "WHERE message_id = ? AND direction = 'sent'",
                              NULL);
  gboolean found = FALSE;

  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, message_id, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) == SQLITE_ROW)
    {
      const char *sent_to = (const char *) sqlite3_column_text (statement, 0);

      found = sent_to == NULL || g_strcmp0 (sent_to, partner_uuid) == 0;
    }
  sqlite3_reset (statement);
  sqlite3_clear_bindings (statement);
  return found;
}

static gboolean
fail (Judge      *judge,
      int         index,
      const char *rule)
{
  if (judge->failed_item != NULL)
    *judge->failed_item = index;
  if (judge->failed_rule != NULL)
    *judge->failed_rule = rule;
  return FALSE;
}

/* Looks up, once, what the rules with a database need. Refuses nothing: each rule
 * says what it finds missing, in its turn. */
static void
judge_init (Judge *judge)
{
  PlacementsExchangeMessage *message = judge->message;

  if (judge->store == NULL)
    return;

  judge->own_uuid = placements_exchange_dup_own_organisation (judge->store);
  if (judge->own_uuid != NULL)
    judge->own = placements_store_load (judge->store, PLACEMENTS_TYPE_ORGANISATION,
                                        judge->own_uuid, NULL);

  if (message->sender != NULL)
    judge->sender = placements_exchange_find_organisation (judge->store, message->sender,
                                                           NULL);
  if (judge->sender != NULL)
    judge->sender_uuid = placements_record_get_uuid (PLACEMENTS_RECORD (judge->sender));
  for (guint i = 0; judge->sender_uuid == NULL && i < message->items->len; i++)
    {
      PlacementsExchangeItem *item = g_ptr_array_index (message->items, i);

      if (PLACEMENTS_IS_ORGANISATION (item->record) &&
          g_strcmp0 (placements_organisation_get_exchange_id (
                       PLACEMENTS_ORGANISATION (item->record)), message->sender) == 0)
        judge->sender_uuid = placements_record_get_uuid (item->record);
    }

  if (message->created != NULL)
    g_strlcpy (judge->day, message->created, sizeof judge->day);
  collect_file_consents (judge);
  judge->stored_consents = g_hash_table_new (g_str_hash, g_str_equal);
}

static void
judge_clear (Judge *judge)
{
  g_clear_pointer (&judge->own_uuid, g_free);
  g_clear_object (&judge->own);
  g_clear_object (&judge->sender);
  g_clear_pointer (&judge->file_consents, g_hash_table_unref);
  g_clear_pointer (&judge->consents_in_file, g_hash_table_unref);
  g_clear_pointer (&judge->stored_consents, g_hash_table_unref);
}

/* A record that could not be built refuses the message first of all. */
static gboolean
rule_records_built (Judge *judge)
{
  PlacementsExchangeMessage *message = judge->message;

  if (message->refusal == NULL)
    return TRUE;
  g_propagate_error (judge->error, g_error_copy (message->refusal));
  return fail (judge, message->refusal_item, message->refusal_rule);
}

/* UUIDs are checked here rather than with xs:ID/xs:key: the message can then say
 * where the first one was, and the check does not depend on schema features
 * libxml2 implements with quadratic costs. Fills @by_uuid for the references. */
static gboolean
rule_unique_uuid (Judge      *judge,
                  GHashTable *by_uuid)
{
  PlacementsExchangeMessage *message = judge->message;

  for (guint i = 0; i < message->items->len; i++)
    {
      PlacementsExchangeItem *item = g_ptr_array_index (message->items, i);
      const char *uuid = placements_record_get_uuid (item->record);
      PlacementsExchangeItem *first = g_hash_table_lookup (by_uuid, uuid);

      if (first != NULL)
        {
          refuse (judge->error, message->display_name, item->line, "unique-uuid",
                  _("the UUID “%s” is used a second time (first on line %u)"),
                  uuid, first->line);
          return fail (judge, (int) i, "unique-uuid");
        }
      g_hash_table_insert (by_uuid, (gpointer) uuid, item);
    }
  return TRUE;
}

/* An acknowledgement answers each record once; the results are keyed so. */
static gboolean
rule_unique_result (Judge *judge)
{
  PlacementsExchangeMessage *message = judge->message;
  g_autoptr(GHashTable) by_result = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < message->results->len; i++)
    {
      PlacementsExchangeResult *result = g_ptr_array_index (message->results, i);
      PlacementsExchangeResult *first = g_hash_table_lookup (by_result, result->record_uuid);

      if (first != NULL)
        {
          refuse (judge->error, message->display_name, result->line, "unique-uuid",
                  _("the UUID “%s” is used a second time (first on line %u)"),
                  result->record_uuid, first->line);
          return fail (judge, -1, "unique-uuid");
        }
      g_hash_table_insert (by_result, result->record_uuid, result);
    }
  return TRUE;
}

/* The files name organisations by exchange id: two with one id would let a file
 * speak for the wrong one (and the database keeps them unique). */
static gboolean
rule_unique_exchange_id_in_file (Judge *judge)
{
  PlacementsExchangeMessage *message = judge->message;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < message->items->len; i++)
    {
      PlacementsExchangeItem *item = g_ptr_array_index (message->items, i);
      const char *exchange_id;
      PlacementsExchangeItem *first;

      if (!PLACEMENTS_IS_ORGANISATION (item->record))
        continue;
      exchange_id =
        placements_organisation_get_exchange_id (PLACEMENTS_ORGANISATION (item->record));
      if (exchange_id == NULL || *exchange_id == '\0')
        continue;
      first = g_hash_table_lookup (by_id, exchange_id);
      if (first != NULL)
        {
          refuse (judge->error, message->display_name, item->line, "unique-exchange-id",
                  _("the exchange id “%s” is used a second time (first on line %u)"),
                  exchange_id, first->line);
          return fail (judge, (int) i, "unique-exchange-id");
        }
      g_hash_table_insert (by_id, (gpointer) exchange_id, item);
    }
  return TRUE;
}

/* Each reference names a record of the right kind in the file or, with a store, in
 * the database. */
static gboolean
rule_reference_resolves (Judge      *judge,
                         GHashTable *by_uuid)
{
  PlacementsExchangeMessage *message = judge->message;
  const char *name = message->display_name;

  for (guint i = 0; i < message->items->len; i++)
    {
      PlacementsExchangeItem *item = g_ptr_array_index (message->items, i);
      PlacementsRecordClass *klass = PLACEMENTS_RECORD_GET_CLASS (item->record);

      for (guint j = 0; j < placements_record_class_get_n_fields (klass); j++)
        {
          const PlacementsField *field = placements_record_class_get_field (klass, j);
          PlacementsExchangeItem *target;
          const char *uuid;

          if (field->references == G_TYPE_INVALID)
            continue;
          uuid = placements_record_get_string (item->record, field->pspec->param_id);
          if (uuid == NULL || *uuid == '\0')
            continue;
          target = g_hash_table_lookup (by_uuid, uuid);
          if (target != NULL && G_OBJECT_TYPE (target->record) == field->references)
            continue;
          if (target == NULL && judge->store != NULL &&
              placements_store_exists (judge->store, field->references, uuid))
            continue;

          {
            g_autoptr(PlacementsRecordClass) referenced =
              g_type_class_ref (field->references);

            if (judge->store != NULL)
              refuse (judge->error, name, item->line, "reference-resolves",
                      _("%s: the field “%s” refers to %s “%s”, which is neither in the "
                        "file nor in this database"),
                      placements_record_class_get_label (klass), _(field->label),
                      placements_record_class_get_label (referenced), uuid);
            else
              refuse (judge->error, name, item->line, "reference-resolves",
                      _("%s: the field “%s” refers to %s “%s”, which is not in the file"),
                      placements_record_class_get_label (klass), _(field->label),
                      placements_record_class_get_label (referenced), uuid);
            return fail (judge, (int) i, "reference-resolves");
          }
        }
    }
  return TRUE;
}

static gboolean
rule_addressed_to_us (Judge *judge)
{
  PlacementsExchangeMessage *message = judge->message;
  const char *own_id = judge->own != NULL ?
    placements_organisation_get_exchange_id (judge->own) : NULL;

  if (own_id == NULL)
    {
      refuse (judge->error, message->display_name, message->receiver_line, "addressed-to-us",
              _("this database has no own organisation with an exchange id yet, so it "
                "cannot tell whether the file is meant for it"));
      return fail (judge, -1, "addressed-to-us");
    }
  if (g_strcmp0 (message->receiver, own_id) != 0)
    {
      refuse (judge->error, message->display_name, message->receiver_line, "addressed-to-us",
              _("the file is addressed to “%s”, not to this organisation (“%s”)"),
              message->receiver, own_id);
      return fail (judge, -1, "addressed-to-us");
    }
  return TRUE;
}

/* No organisation of the file has the exchange id of another organisation in the
 * database (one with another UUID), which the import would otherwise run into as
 * SQLite's UNIQUE constraint. */
static gboolean
rule_unique_exchange_id_in_store (Judge *judge)
{
  PlacementsExchangeMessage *message = judge->message;

  for (guint i = 0; i < message->items->len; i++)
    {
      PlacementsExchangeItem *item = g_ptr_array_index (message->items, i);
      g_autoptr(GPtrArray) found = NULL;
      const char *exchange_id;

      if (!PLACEMENTS_IS_ORGANISATION (item->record))
        continue;
      exchange_id =
        placements_organisation_get_exchange_id (PLACEMENTS_ORGANISATION (item->record));
      if (exchange_id == NULL || *exchange_id == '\0')
        continue;

      found = placements_store_find (judge->store, PLACEMENTS_TYPE_ORGANISATION, "exchange-id",
                                     exchange_id, NULL);
      for (guint j = 0; found != NULL && j < found->len; j++)
        {
          PlacementsRecord *other = g_ptr_array_index (found, j);

          if (g_str_equal (placements_record_get_uuid (other),
                           placements_record_get_uuid (item->record)))
            continue;
          refuse (judge->error, message->display_name, item->line, "unique-exchange-id",
                  _("organisation “%s” has the exchange id “%s”, which is already that "
                    "of “%s” (%s) in this database"),
                  placements_organisation_get_name (PLACEMENTS_ORGANISATION (item->record)),
                  exchange_id,
                  placements_organisation_get_name (PLACEMENTS_ORGANISATION (other)),
                  placements_record_get_uuid (other));
          return fail (judge, (int) i, "unique-exchange-id");
        }
    }
  return TRUE;
}

static gboolean
rule_known_sender (Judge *judge)
{
  PlacementsExchangeMessage *message = judge->message;

  if (judge->sender_uuid != NULL && g_strcmp0 (judge->sender_uuid, judge->own_uuid) != 0)
    return TRUE;
  refuse (judge->error, message->display_name, message->sender_line, "known-sender",
          _("the sender “%s” is not an organisation this database knows, and the file "
            "does not introduce it"),
          message->sender);
  return fail (judge, -1, "known-sender");
}

static gboolean
rule_reply_to_sent (Judge *judge)
{
  PlacementsExchangeMessage *message = judge->message;

  if (g_strcmp0 (message->kind, "acknowledgement") != 0 ||
      was_sent (judge->store, message->in_reply_to, judge->sender_uuid))
    return TRUE;
  refuse (judge->error, message->display_name, message->in_reply_to_line, "reply-to-sent",
          _("the acknowledgement answers message “%s”, which this database did not "
            "send to its sender"),
          message->in_reply_to);
  return fail (judge, -1, "reply-to-sent");
}

/* Field by field, what the client's consents grant: a consent for reporting, or
 * one for identity alone, does not bring in the support question or the ladder. */
static gboolean
rule_consents (Judge *judge)
{
  PlacementsExchangeMessage *message = judge->message;
  const char *name = message->display_name;

  for (guint i = 0; i < message->items->len; i++)
    {
      PlacementsExchangeItem *item = g_ptr_array_index (message->items, i);
      const char *client_uuid = NULL;
      guint needed = needed_categories (item->record, &client_uuid);
      guint missing;

      if (needed == 0 || client_uuid == NULL)
        continue;
      missing = needed & ~granted_for (judge, client_uuid, needed);
      if ((missing & PLACEMENTS_DATA_CATEGORY_IDENTITY) != 0)
        {
          refuse (judge->error, name, item->line, "consent-for-receiver",
                  _("client “%s” comes without a valid consent for this organisation for "
                    "placement or referral that grants “identity”"),
                  client_uuid);
          return fail (judge, (int) i, "consent-for-receiver");
        }
      if (missing != 0)
        {
          guint first = missing & (~missing + 1);

          if (PLACEMENTS_IS_CLIENT (item->record))
            refuse (judge->error, name, item->line, "consent-categories",
                    _("client “%s”: its support question and goals need a consent for "
                      "this organisation that grants the data category “%s”, and no "
                      "valid one does"),
                    client_uuid, category_code (first));
          else
            /* TRANSLATORS: the kind of record (translated), its UUID, the client's UUID
             * and a data category's code (progress, placements), not translated. */
            refuse (judge->error, name, item->line, "consent-categories",
                    _("%s “%s” of client “%s” needs a consent for this organisation that "
                      "grants the data category “%s”, and no valid one does"),
                    placements_record_class_get_label (
                      PLACEMENTS_RECORD_GET_CLASS (item->record)),
                    placements_record_get_uuid (item->record), client_uuid,
                    category_code (first));
          return fail (judge, (int) i, "consent-categories");
        }
    }
  return TRUE;
}

static gboolean
judge_rules (Judge *judge)
{
  g_autoptr(GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);

  if (!rule_records_built (judge) ||
      !rule_unique_uuid (judge, by_uuid) ||
      !rule_unique_exchange_id_in_file (judge) ||
      !rule_unique_result (judge) ||
      !rule_reference_resolves (judge, by_uuid))
    return FALSE;
  if (judge->store == NULL)
    return TRUE;
  return rule_addressed_to_us (judge) &&
         rule_unique_exchange_id_in_store (judge) &&
         rule_known_sender (judge) &&
         rule_reply_to_sent (judge) &&
         rule_consents (judge);
}

gboolean
placements_exchange_judge (PlacementsExchangeMessage  *message,
                           PlacementsStore            *store,
                           PlacementsExchangeParties  *parties,
                           int                        *failed_item,
                           const char                **failed_rule,
                           GError                    **error)
{
  Judge judge = {
    .message = message,
    .store = store,
    .failed_item = failed_item,
    .failed_rule = failed_rule,
    .error = error,
  };
  gboolean ok;

  g_return_val_if_fail (message != NULL, FALSE);
  g_return_val_if_fail (store == NULL || PLACEMENTS_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  fail (&judge, -1, NULL);
  judge_init (&judge);
  ok = judge_rules (&judge);
  if (ok && store != NULL && parties != NULL)
    {
      parties->own_uuid = g_strdup (judge.own_uuid);
      parties->own_exchange_id = g_strdup (placements_organisation_get_exchange_id (judge.own));
      parties->sender_uuid = g_strdup (judge.sender_uuid);
    }
  judge_clear (&judge);
  return ok;
}

gboolean
placements_exchange_check_rules (PlacementsExchangeMessage  *message,
                                 PlacementsStore            *store,
                                 char                      **partner_uuid,
                                 int                        *failed_item,
                                 const char                **failed_rule,
                                 GError                    **error)
{
  PlacementsExchangeParties parties = { NULL, };

  if (!placements_exchange_judge (message, store, &parties, failed_item, failed_rule, error))
    return FALSE;
  if (partner_uuid != NULL)
    *partner_uuid = g_steal_pointer (&parties.sender_uuid);
  placements_exchange_parties_clear (&parties);
  return TRUE;
}
