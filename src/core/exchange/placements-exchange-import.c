#define G_LOG_DOMAIN "placements-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-exchange-acknowledgement.h"
#include "placements-error.h"
#include "placements-exchange-reader.h"
#include "placements-exchange-rules.h"
#include "placements-exchange-state.h"
#include "placements-placement-steps.h"
#include "placements-private-file.h"
#include "placements-exchange-import.h"
#include "placements-record-types.h"
#include "placements-store-private.h"

/*
 * About a thousand lines, kept in one file: prepare, resolve, apply and the answer all
 * work on the staged records and conflicts of one import, which stay private here.
 * Reading is in placements-exchange-reader.c, the rules in placements-exchange-rules.c.
 *
 * The comparison is three-way, per field: theirs (what the file says), ours (the
 * database) and the base (what was last exchanged with this partner). Equal theirs
 * and ours: nothing to do. Theirs equal to the base: only we changed it, keep ours.
 * Ours equal to the base: only they changed it, take theirs. Otherwise both changed
 * it: a conflict for the user. Without a base every difference is a conflict, since
 * nobody can tell whose change it was. All three are the text forms of
 * placements_exchange_record_fields(), so both sides are normalised the same way;
 * a base written by an export is a digest of them, which tells equal from changed
 * but cannot show the value (placements-exchange-state.h).
 */

/* The page cache of an import's transaction, in KiB; see placements_import_apply(). */
#define IMPORT_CACHE_KIB 65536

typedef struct
{
  PlacementsImportEntry   entry;
  /* Borrowed from the message. */
  PlacementsExchangeItem *item;
  PlacementsRecord       *local;
  GVariant               *theirs;
  PlacementsExchangeBase *base;
  /* Our fields when the preview was made, to notice a change made since. */
  GVariant               *ours;
  /* Field names changed on their side only. */
  GPtrArray              *take;
  guint                   first_conflict;
  guint                   n_conflicts;
  /* The place of its type in the dependency order, for apply. */
  guint                   rank;
} Staged;

typedef struct
{
  PlacementsImportConflict conflict;
  char                    *field;
  char                    *base;
  char                    *ours;
  char                    *theirs;
} Conflict;

struct _PlacementsImport
{
  GObject                    parent_instance;

  /* Owned */
  PlacementsStore           *store;
  PlacementsExchangeMessage *message;
  char                      *partner_uuid;
  char                      *own_uuid;
  GPtrArray                 *staged;
  GPtrArray                 *kind_counts; /* PlacementsImportKindCounts* */
  GArray                    *notable;     /* guint: changed or conflicting entries */
  GPtrArray                 *conflicts;
  GPtrArray                 *results;
  GArray                    *changed_types;
  /* Why prepare refused a valid file, for the acknowledgement. */
  char                      *failed_rule;
  char                      *failed_message;
  int                        failed_item;
  /* What the message says (placements_exchange_message_digest()), logged with it. */
  char                      *digest;
  /* The exchange log's last row when the preview was made: what another import
   * logged since is how a record changed after the preview is explained. */
  gint64                     log_mark;

  gsize                      max_size;
  gboolean                   prepared;
  gboolean                   applied;
  gboolean                   already_imported;
};

G_DEFINE_FINAL_TYPE (PlacementsImport, placements_import, G_TYPE_OBJECT)

static void
staged_free (gpointer data)
{
  Staged *staged = data;

  g_clear_object (&staged->local);
  g_clear_pointer (&staged->theirs, g_variant_unref);
  g_clear_pointer (&staged->base, placements_exchange_base_free);
  g_clear_pointer (&staged->ours, g_variant_unref);
  g_clear_pointer (&staged->take, g_ptr_array_unref);
  g_free (staged);
}

static void
conflict_free (gpointer data)
{
  Conflict *conflict = data;

  g_free (conflict->field);
  g_free (conflict->base);
  g_free (conflict->ours);
  g_free (conflict->theirs);
  g_free (conflict);
}

static void
reset (PlacementsImport *self)
{
  g_clear_pointer (&self->message, placements_exchange_message_free);
  g_clear_pointer (&self->partner_uuid, g_free);
  g_clear_pointer (&self->own_uuid, g_free);
  g_clear_pointer (&self->failed_rule, g_free);
  g_clear_pointer (&self->failed_message, g_free);
  g_clear_pointer (&self->digest, g_free);
  g_ptr_array_set_size (self->staged, 0);
  g_ptr_array_set_size (self->kind_counts, 0);
  g_array_set_size (self->notable, 0);
  g_ptr_array_set_size (self->conflicts, 0);
  g_ptr_array_set_size (self->results, 0);
  /* A caller may still hold the array of a previous import. */
  g_clear_pointer (&self->changed_types, g_array_unref);
  self->changed_types = g_array_new (FALSE, FALSE, sizeof (GType));
  self->failed_item = -1;
  self->prepared = FALSE;
  self->applied = FALSE;
  self->already_imported = FALSE;
}

static void
placements_import_finalize (GObject *object)
{
  PlacementsImport *self = PLACEMENTS_IMPORT (object);

  reset (self);
  g_clear_pointer (&self->staged, g_ptr_array_unref);
  g_clear_pointer (&self->kind_counts, g_ptr_array_unref);
  g_clear_pointer (&self->notable, g_array_unref);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  g_clear_pointer (&self->changed_types, g_array_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (placements_import_parent_class)->finalize (object);
}

static void
placements_import_class_init (PlacementsImportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = placements_import_finalize;
}

static void
placements_import_init (PlacementsImport *self)
{
  self->staged = g_ptr_array_new_with_free_func (staged_free);
  self->kind_counts = g_ptr_array_new_with_free_func (g_free);
  self->notable = g_array_new (FALSE, FALSE, sizeof (guint));
  self->conflicts = g_ptr_array_new_with_free_func (conflict_free);
  self->results = g_ptr_array_new_with_free_func (g_free);
  self->changed_types = g_array_new (FALSE, FALSE, sizeof (GType));
  self->failed_item = -1;
}

PlacementsImport *
placements_import_new (PlacementsStore *store)
{
  PlacementsImport *self;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);

  self = g_object_new (PLACEMENTS_TYPE_IMPORT, NULL);
  self->store = g_object_ref (store);
  return self;
}

void
placements_import_set_max_size (PlacementsImport *self,
                                gsize             max_size)
{
  g_return_if_fail (PLACEMENTS_IS_IMPORT (self));
  self->max_size = max_size;
}

static void
report (PlacementsProgressFunc  progress,
        gpointer                user_data,
        double                  fraction,
        const char             *stage)
{
  if (progress != NULL)
    progress (CLAMP (fraction, 0.0, 1.0), stage, user_data);
}

static const char *
lookup (GVariant   *fields,
        const char *name)
{
  const char *value = NULL;

  if (fields == NULL || !g_variant_lookup (fields, name, "&s", &value))
    return "";
  return value;
}

static void
compare (PlacementsImport *self,
         Staged           *staged)
{
  PlacementsRecord *theirs_record = staged->item->record;
  PlacementsRecordClass *klass = PLACEMENTS_RECORD_GET_CLASS (theirs_record);
  GVariant *ours;
  const char *uuid = placements_record_get_uuid (theirs_record);

  staged->first_conflict = self->conflicts->len;

  /* Our own organisation is ours to describe: a partner's view of it (an old
   * address, or a different exchange id that would divert our mail) is never
   * imported over it, and is no conflict to ask about either. */
  if (self->already_imported || g_strcmp0 (uuid, self->own_uuid) == 0)
    {
      staged->entry.status = PLACEMENTS_IMPORT_UNCHANGED;
      return;
    }

  if (placements_store_exists (self->store, G_OBJECT_TYPE (theirs_record), uuid))
    staged->local = placements_store_load (self->store, G_OBJECT_TYPE (theirs_record), uuid,
                                           NULL);
  if (staged->local == NULL)
    {
      staged->entry.status = PLACEMENTS_IMPORT_NEW;
      return;
    }

  /* Their fields as text are needed now only to compare with ours. A new record's
   * are made when its base is written: held for every record of a large file from
   * the preview to the end, they were more than half of the memory of an import
   * (10,000 clients: 366 MB at the peak, now 152 MB). */
  staged->theirs = g_variant_ref_sink (placements_exchange_record_fields (theirs_record));
  staged->take = g_ptr_array_new ();

  ours = staged->ours = g_variant_ref_sink (placements_exchange_record_fields (staged->local));
  staged->base = placements_exchange_dup_base (self->store, uuid, self->partner_uuid,
                                               staged->entry.kind);

  for (guint i = 0; i < placements_record_class_get_n_fields (klass); i++)
    {
      const PlacementsField *field = placements_record_class_get_field (klass, i);
      const char *name = field->pspec->name;
      const char *t = lookup (staged->theirs, name);
      const char *o = lookup (ours, name);
      Conflict *conflict;

      if ((field->flags & PLACEMENTS_FIELD_NEVER_EXPORTED) != 0 || g_str_equal (t, o))
        continue;
      if (staged->base != NULL && placements_exchange_base_has (staged->base, name, t))
        continue;
      if (staged->base != NULL && placements_exchange_base_has (staged->base, name, o))
        {
          g_ptr_array_add (staged->take, (gpointer) name);
          continue;
        }

      conflict = g_new0 (Conflict, 1);
      conflict->field = g_strdup (name);
      /* NULL too when the base is a digest: what we sent is no longer known. */
      conflict->base = staged->base != NULL
                       ? g_strdup (placements_exchange_base_get_text (staged->base, name))
                       : NULL;
      conflict->ours = g_strdup (o);
      conflict->theirs = g_strdup (t);
      conflict->conflict.kind = staged->entry.kind;
      conflict->conflict.uuid = staged->entry.uuid;
      conflict->conflict.field = conflict->field;
      conflict->conflict.label = _(field->label);
      conflict->conflict.base = conflict->base;
      conflict->conflict.ours = conflict->ours;
      conflict->conflict.theirs = conflict->theirs;
      conflict->conflict.resolution = PLACEMENTS_RESOLUTION_NONE;
      g_ptr_array_add (self->conflicts, conflict);
      staged->n_conflicts++;
    }

  if (staged->n_conflicts > 0)
    staged->entry.status = PLACEMENTS_IMPORT_CONFLICTING;
  else if (staged->take->len > 0)
    staged->entry.status = PLACEMENTS_IMPORT_CHANGED;
  else
    staged->entry.status = PLACEMENTS_IMPORT_UNCHANGED;
}

/* The preview's counts, once: the file's records come kind by kind, so a look-up only where
 * the kind changes. */
static void
count_entries (PlacementsImport *self)
{
  g_autoptr(GHashTable) by_kind = g_hash_table_new (g_str_hash, g_str_equal);
  PlacementsImportKindCounts *counts = NULL;

  for (guint i = 0; i < self->staged->len; i++)
    {
      const PlacementsImportEntry *entry =
        &((Staged *) g_ptr_array_index (self->staged, i))->entry;

      if (counts == NULL || !g_str_equal (counts->kind, entry->kind))
        {
          counts = g_hash_table_lookup (by_kind, entry->kind);
          if (counts == NULL)
            {
              counts = g_new0 (PlacementsImportKindCounts, 1);
              counts->kind = entry->kind;
              g_hash_table_insert (by_kind, (gpointer) entry->kind, counts);
              g_ptr_array_add (self->kind_counts, counts);
            }
        }
      counts->counts[entry->status]++;
      if (entry->status == PLACEMENTS_IMPORT_CHANGED ||
          entry->status == PLACEMENTS_IMPORT_CONFLICTING)
        g_array_append_val (self->notable, i);
    }
}

gboolean
placements_import_prepare (PlacementsImport       *self,
                           const char             *path,
                           PlacementsProgressFunc  progress,
                           gpointer                user_data,
                           GCancellable           *cancellable,
                           GError                **error)
{
  g_autoptr(GError) local_error = NULL;
  PlacementsExchangeMessage *message;
  const char *failed_rule = NULL;
  PlacementsExchangeParties parties = { NULL, };

  g_return_val_if_fail (PLACEMENTS_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  reset (self);

  report (progress, user_data, 0.0, _("Reading"));
  self->message = placements_exchange_read (path, self->max_size, cancellable, error);
  if (self->message == NULL)
    return FALSE;
  message = self->message;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  report (progress, user_data, 0.3, _("Checking"));
  if (!placements_exchange_judge (message, self->store, &parties, &self->failed_item,
                                  &failed_rule, &local_error))
    {
      self->failed_rule = g_strdup (failed_rule);
      self->failed_message = g_strdup (local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  /* Who the message is between, as the rules found it: not looked up again. */
  self->partner_uuid = g_steal_pointer (&parties.sender_uuid);
  self->own_uuid = g_steal_pointer (&parties.own_uuid);
  placements_exchange_parties_clear (&parties);
  if (g_strcmp0 (message->kind, "report") == 0)
    {
      /* TRANSLATORS: the rule name "message-kind" is not translated. */
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_REFUSED_FILE,
                   _("%s: line %u: a report is for reading, not for importing (rule: %s)"),
                   message->display_name, message->kind_line, "message-kind");
      return FALSE;
    }

  self->already_imported = placements_exchange_has_message (self->store, message->message_id);
  self->digest = placements_exchange_message_digest (message);
  self->log_mark = placements_exchange_get_log_mark (self->store);
  if (self->already_imported)
    {
      g_autofree char *before =
        placements_exchange_dup_message_digest (self->store, message->message_id);

      /* The same id with other content is not the same message sent twice: taking it
       * for one would drop what it says and answer "unchanged". */
      if (before != NULL && !g_str_equal (before, self->digest))
        {
          self->failed_item = -1;
          self->failed_rule = g_strdup ("message-id-reused");
          /* TRANSLATORS: the file, a line number, a message id; the rule's name
           * "message-id-reused" is not translated. */
          self->failed_message =
            g_strdup_printf (_("%s: line %u: message %s was imported before with other "
                               "content; a message id is never used twice, so this file "
                               "is refused (rule: %s)"),
                             message->display_name, message->message_id_line,
                             message->message_id, "message-id-reused");
          g_set_error_literal (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_REFUSED_FILE,
                               self->failed_message);
          return FALSE;
        }
    }
  report (progress, user_data, 0.5, _("Comparing"));
  for (guint i = 0; i < message->items->len; i++)
    {
      PlacementsExchangeItem *item = g_ptr_array_index (message->items, i);
      Staged *staged = g_new0 (Staged, 1);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_free (staged);
          return FALSE;
        }
      staged->item = item;
      staged->entry.kind =
        placements_record_class_get_kind (PLACEMENTS_RECORD_GET_CLASS (item->record));
      staged->entry.uuid = placements_record_get_uuid (item->record);
      staged->entry.line = item->line;
      g_ptr_array_add (self->staged, staged);
      compare (self, staged);
      report (progress, user_data, 0.5 + 0.5 * (i + 1) / message->items->len, _("Comparing"));
    }

  for (guint i = 0; i < message->results->len; i++)
    {
      PlacementsExchangeResult *result = g_ptr_array_index (message->results, i);
      PlacementsImportResult *out = g_new0 (PlacementsImportResult, 1);

      out->record_uuid = result->record_uuid;
      out->kind = result->kind;
      out->code = result->code;
      out->rule = result->rule;
      out->message = result->message;
      g_ptr_array_add (self->results, out);
    }

  count_entries (self);
  self->prepared = TRUE;
  report (progress, user_data, 1.0, _("Ready"));
  return TRUE;
}

const char *
placements_import_get_message_id (PlacementsImport *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_IMPORT (self), NULL);
  return self->message != NULL ? self->message->message_id : NULL;
}

const char *
placements_import_get_message_kind (PlacementsImport *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_IMPORT (self), NULL);
  return self->message != NULL ? self->message->kind : NULL;
}

const char *
placements_import_get_sender (PlacementsImport *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_IMPORT (self), NULL);
  return self->message != NULL ? self->message->sender : NULL;
}

const char *
placements_import_get_in_reply_to (PlacementsImport *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_IMPORT (self), NULL);
  return self->message != NULL ? self->message->in_reply_to : NULL;
}

gboolean
placements_import_get_already_imported (PlacementsImport *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_IMPORT (self), FALSE);
  return self->already_imported;
}

guint
placements_import_get_n_entries (PlacementsImport *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_IMPORT (self), 0);
  return self->staged->len;
}

const PlacementsImportEntry *
placements_import_get_entry (PlacementsImport *self,
                             guint             index)
{
  g_return_val_if_fail (PLACEMENTS_IS_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->staged->len, NULL);
  return &((Staged *) g_ptr_array_index (self->staged, index))->entry;
}

GArray *
placements_import_dup_changes (PlacementsImport *self,
                               guint             index)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (PlacementsImportChange));
  Staged *staged;
  PlacementsRecordClass *klass;

  g_return_val_if_fail (PLACEMENTS_IS_IMPORT (self), changes);
  g_return_val_if_fail (index < self->staged->len, changes);
  staged = g_ptr_array_index (self->staged, index);
  if (staged->entry.status != PLACEMENTS_IMPORT_CHANGED || staged->take == NULL)
    return changes;
  klass = PLACEMENTS_RECORD_GET_CLASS (staged->item->record);
  for (guint i = 0; i < staged->take->len; i++)
    {
      const char *name = g_ptr_array_index (staged->take, i);
      PlacementsImportChange change = { .field = name, .label = name };

      for (guint j = 0; j < placements_record_class_get_n_fields (klass); j++)
        {
          const PlacementsField *field = placements_record_class_get_field (klass, j);

          if (g_str_equal (field->pspec->name, name))
            change.label = _(field->label);
        }
      change.ours = lookup (staged->ours, name);
      change.theirs = lookup (staged->theirs, name);
      g_array_append_val (changes, change);
    }
  return changes;
}

guint
placements_import_count (PlacementsImport       *self,
                         PlacementsImportStatus  status)
{
  guint count = 0;

  g_return_val_if_fail (PLACEMENTS_IS_IMPORT (self), 0);
  g_return_val_if_fail (status <= PLACEMENTS_IMPORT_CONFLICTING, 0);

  for (guint i = 0; i < self->kind_counts->len; i++)
    count += ((PlacementsImportKindCounts *) g_ptr_array_index (self->kind_counts, i))
               ->counts[status];
  return count;
}

GPtrArray *
placements_import_get_kind_counts (PlacementsImport *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_IMPORT (self), NULL);
  return self->kind_counts;
}

GArray *
placements_import_get_notable (PlacementsImport *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_IMPORT (self), NULL);
  return self->notable;
}

guint
placements_import_get_n_conflicts (PlacementsImport *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_IMPORT (self), 0);
  return self->conflicts->len;
}

const PlacementsImportConflict *
placements_import_get_conflict (PlacementsImport *self,
                                guint             index)
{
  g_return_val_if_fail (PLACEMENTS_IS_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->conflicts->len, NULL);
  return &((Conflict *) g_ptr_array_index (self->conflicts, index))->conflict;
}

void
placements_import_resolve (PlacementsImport     *self,
                           guint                 index,
                           PlacementsResolution  resolution)
{
  g_return_if_fail (PLACEMENTS_IS_IMPORT (self));
  g_return_if_fail (index < self->conflicts->len);
  ((Conflict *) g_ptr_array_index (self->conflicts, index))->conflict.resolution = resolution;
}

void
placements_import_resolve_all (PlacementsImport     *self,
                               PlacementsResolution  resolution)
{
  g_return_if_fail (PLACEMENTS_IS_IMPORT (self));
  for (guint i = 0; i < self->conflicts->len; i++)
    placements_import_resolve (self, i, resolution);
}

guint
placements_import_get_n_unresolved (PlacementsImport *self)
{
  guint count = 0;

  g_return_val_if_fail (PLACEMENTS_IS_IMPORT (self), 0);
  for (guint i = 0; i < self->conflicts->len; i++)
    if (placements_import_get_conflict (self, i)->resolution == PLACEMENTS_RESOLUTION_NONE)
      count++;
  return count;
}

guint
placements_import_get_n_results (PlacementsImport *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_IMPORT (self), 0);
  return self->results->len;
}

const PlacementsImportResult *
placements_import_get_result (PlacementsImport *self,
                              guint             index)
{
  g_return_val_if_fail (PLACEMENTS_IS_IMPORT (self), NULL);
  g_return_val_if_fail (index < self->results->len, NULL);
  return g_ptr_array_index (self->results, index);
}

GArray *
placements_import_get_changed_types (PlacementsImport *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_IMPORT (self), NULL);
  return self->changed_types;
}

static void
note_type (PlacementsImport *self,
           GType             type)
{
  for (guint i = 0; i < self->changed_types->len; i++)
    if (g_array_index (self->changed_types, GType, i) == type)
      return;
  g_array_append_val (self->changed_types, type);
}

static gboolean
stale (PlacementsImport  *self,
       Staged            *staged,
       GError           **error)
{
  g_autofree char *other = placements_exchange_dup_received_since (self->store,
                                                                   self->log_mark);

  /* Another import committed since the preview: say so, rather than "changed
   * here", which sends the user looking for an edit nobody made. */
  if (other != NULL)
    /* TRANSLATORS: a record kind's label, its UUID, and the id of the other message. */
    g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_CONFLICT,
                 _("%s “%s” was changed after the preview by another import (message %s) "
                   "that ran at the same time; nothing was imported. Preview the file "
                   "again"),
                 placements_record_class_get_label (
                   PLACEMENTS_RECORD_GET_CLASS (staged->item->record)),
                 staged->entry.uuid, other);
  else
    /* TRANSLATORS: a record kind's label and its UUID. */
    g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_CONFLICT,
                 _("%s “%s” was changed here after the preview; nothing was imported. "
                   "Look at the file again"),
                 placements_record_class_get_label (
                   PLACEMENTS_RECORD_GET_CLASS (staged->item->record)),
                 staged->entry.uuid);
  return FALSE;
}

/*
 * Their changes and the conflicts resolved their way go onto our record as it is
 * now; fields that only we changed, and conflicts kept ours, stay as they are. The
 * preview may be minutes old (the GUI waits for the user), so the record is read
 * again inside the transaction, and an edit made meanwhile stops the import rather
 * than being overwritten with the preview's copy.
 */
static gboolean
merge (PlacementsImport  *self,
       Staged            *staged,
       GError           **error)
{
  GType type = G_OBJECT_TYPE (staged->item->record);
  g_autoptr(PlacementsRecord) current = NULL;
  g_autoptr(GVariant) now = NULL;

  if (placements_store_exists (self->store, type, staged->entry.uuid))
    current = placements_store_load (self->store, type, staged->entry.uuid, error);
  if (current == NULL)
    return error != NULL && *error != NULL ? FALSE : stale (self, staged, error);
  now = g_variant_ref_sink (placements_exchange_record_fields (current));
  if (!g_variant_equal (now, staged->ours))
    return stale (self, staged, error);

  for (guint i = 0; i < staged->take->len; i++)
    {
      const char *name = g_ptr_array_index (staged->take, i);

      if (!placements_record_set_field_text (current, name, lookup (staged->theirs, name),
                                             error))
        return FALSE;
    }
  for (guint i = 0; i < staged->n_conflicts; i++)
    {
      Conflict *conflict = g_ptr_array_index (self->conflicts, staged->first_conflict + i);

      if (conflict->conflict.resolution == PLACEMENTS_RESOLUTION_TAKE_THEIRS &&
          !placements_record_set_field_text (current, conflict->field, conflict->theirs,
                                             error))
        return FALSE;
    }
  return placements_store_save (self->store, current, error);
}

static gboolean
write_audit_event (PlacementsImport  *self,
                   GString           *uuids,
                   GError           **error)
{
  g_autofree char *detail = NULL;

  /* The same fixed, untranslated form as an export's detail. */
  detail = g_strdup_printf ("kind=%s sender=%s message=%s", self->message->kind,
                            self->message->sender, self->message->message_id);
  /* "Which records": those the message brought, not the message itself. */
  return placements_store_write_audit_event (self->store, PLACEMENTS_AUDIT_ACTION_IMPORT,
                                             "message", uuids->len > 0 ? uuids->str : NULL,
                                             detail, error);
}

static gboolean
apply_acknowledgement (PlacementsImport  *self,
                       GError           **error)
{
  PlacementsExchangeMessage *message = self->message;
  sqlite3_stmt *statement;

  if (!placements_exchange_mark_answered (self->store, message->in_reply_to, message->created,
                                          error))
    return FALSE;

  /* A partner who imports a message again answers it again; the latest answer is
   * the one that counts, so it replaces the results of an earlier one. */
  statement = placements_store_prepare (self->store,
                                        "DELETE FROM exchange_result WHERE message_id = ?",
                                        error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, message->in_reply_to, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) != SQLITE_DONE)
    {
      placements_store_set_sqlite_error (self->store, error,
                                         _("The acknowledgement could not be stored"));
      sqlite3_reset (statement);
      return FALSE;
    }
  sqlite3_reset (statement);
  for (guint i = 0; i < message->results->len; i++)
    {
      PlacementsExchangeResult *result = g_ptr_array_index (message->results, i);

      if (!placements_exchange_add_result (self->store, message->in_reply_to,
                                           result->record_uuid, result->kind, result->code,
                                           result->rule, result->message, error))
        return FALSE;
    }
  return TRUE;
}

static int
compare_rank (gconstpointer a,
              gconstpointer b)
{
  const Staged *x = *(Staged * const *) a;
  const Staged *y = *(Staged * const *) b;

  return x->rank < y->rank ? -1 : x->rank > y->rank;
}

static gboolean
apply_records (PlacementsImport        *self,
               PlacementsProgressFunc   progress,
               gpointer                 user_data,
               GCancellable            *cancellable,
               GString                 *uuids,
               GError                 **error)
{
  guint n_types = 0;
  const GType *types = placements_store_get_record_types (&n_types);
  g_autoptr(GHashTable) written = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) by_type = g_ptr_array_new_full (self->staged->len, NULL);
  g_autoptr(GHashTable) ranks = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *exchanged = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  guint done = 0;
  gboolean ok = FALSE;

  /* In dependency order, so each reference already exists when it is written. The
   * records are sorted by their type's place in that order once (a stable sort:
   * file order within a type), rather than the message being walked for each type. */
  ranks = g_hash_table_new (NULL, NULL);
  for (guint t = 0; t < n_types; t++)
    g_hash_table_insert (ranks, GSIZE_TO_POINTER (types[t]), GUINT_TO_POINTER (t + 1));
  for (guint i = 0; i < self->staged->len; i++)
    {
      Staged *staged = g_ptr_array_index (self->staged, i);

      staged->rank = GPOINTER_TO_UINT (
        g_hash_table_lookup (ranks, GSIZE_TO_POINTER (G_OBJECT_TYPE (staged->item->record))));
      g_ptr_array_add (by_type, staged);
    }
  g_ptr_array_sort (by_type, compare_rank);

  /* What this transaction wrote exists: a reference to it need not be looked up
   * again with a SELECT per field. */
  placements_store_set_known_records (self->store, written);

  for (guint i = 0; i < by_type->len; i++)
    {
      Staged *staged = g_ptr_array_index (by_type, i);
      PlacementsRecord *record = staged->item->record;
      GType type = G_OBJECT_TYPE (record);
      const char *uuid = placements_record_get_uuid (record);
      g_autoptr(GVariant) theirs = NULL;
      gboolean existed = FALSE;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;

      switch (staged->entry.status)
        {
        case PLACEMENTS_IMPORT_NEW:
          /* Made here since the preview: ours now, not to be overwritten. */
          if (!placements_store_save_new (self->store, record, &existed, error))
            {
              if (existed)
                stale (self, staged, error);
              goto out;
            }
          break;
        case PLACEMENTS_IMPORT_CHANGED:
        case PLACEMENTS_IMPORT_CONFLICTING:
          if (!merge (self, staged, error))
            goto out;
          break;
        case PLACEMENTS_IMPORT_UNCHANGED:
        default:
          break;
        }
      if (staged->entry.status != PLACEMENTS_IMPORT_UNCHANGED)
        {
          g_hash_table_insert (written, (gpointer) uuid, GSIZE_TO_POINTER (type));
          note_type (self, type);
          if (uuids->len > 0)
            g_string_append_c (uuids, ',');
          g_string_append (uuids, uuid);
        }

      /* The base becomes what they sent: the next change on either side is then
       * told apart from this one. */
      theirs = staged->theirs != NULL
                 ? g_variant_ref (staged->theirs)
                 : g_variant_ref_sink (placements_exchange_record_fields (record));
      if ((staged->base == NULL ||
           !placements_exchange_base_equal_fields (staged->base, theirs)) &&
          !placements_exchange_set_base_at (self->store, uuid, self->partner_uuid,
                                            staged->entry.kind, theirs, exchanged, error))
        goto out;

      done++;
      report (progress, user_data, (double) done / (self->staged->len + 1), _("Writing"));
    }
  ok = TRUE;

out:
  placements_store_set_known_records (self->store, NULL);
  return ok;
}

gboolean
placements_import_apply (PlacementsImport       *self,
                         PlacementsProgressFunc  progress,
                         gpointer                user_data,
                         GCancellable           *cancellable,
                         GError                **error)
{
  g_autoptr(GString) uuids = g_string_new (NULL);
  PlacementsExchangeMessage *message;
  guint n_records;
  gboolean is_ack;

  g_return_val_if_fail (PLACEMENTS_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  g_return_val_if_fail (self->prepared, FALSE);

  message = self->message;
  if (self->applied || self->already_imported)
    {
      report (progress, user_data, 1.0, _("Done"));
      self->applied = TRUE;
      return TRUE;
    }

  if (placements_import_get_n_unresolved (self) > 0)
    {
      guint n = placements_import_get_n_unresolved (self);

      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_CONFLICT,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u conflict is not resolved; nothing was imported",
                                "%u conflicts are not resolved; nothing was imported", n),
                   n);
      return FALSE;
    }

  if (!placements_store_begin (self->store, error))
    return FALSE;
  /* A smaller page cache than the store gives a transaction: the records of the file
   * are in memory already. Measured with 100,000 clients (765,037 records) on a loaded
   * 2-core machine: 512 MiB peaked at 1.21 GB, 128 MiB at 806 MB, 64 MiB at 740 MB,
   * with the same CPU time (41.9 s, 39.5 s, 41.1 s user and system). The store sets
   * its own size again when the transaction ends. */
  sqlite3_exec (placements_store_get_connection (self->store),
                "PRAGMA cache_size = -" G_STRINGIFY (IMPORT_CACHE_KIB), NULL, NULL, NULL);
  /* The import's own entry below names every record it brought. */
  placements_store_set_bulk_audit (self->store);

  /* Imported since the preview, by another import of the same file running at the
   * same time (the GUI and the CLI, two windows): not twice. */
  if (placements_exchange_has_message (self->store, message->message_id))
    {
      placements_store_rollback (self->store);
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_CONFLICT,
                   _("Message %s was imported after the preview, by another import that "
                     "ran at the same time; it was not imported twice"),
                   message->message_id);
      return FALSE;
    }

  is_ack = g_strcmp0 (message->kind, "acknowledgement") == 0;
  n_records = is_ack ? message->results->len : message->items->len;
  report (progress, user_data, 0.0, _("Writing"));

  if ((is_ack ? apply_acknowledgement (self, error)
              : apply_records (self, progress, user_data, cancellable, uuids, error)) &&
      !g_cancellable_set_error_if_cancelled (cancellable, error) &&
      placements_exchange_log_message (self->store, message->message_id,
                                       PLACEMENTS_MESSAGE_RECEIVED, message->kind,
                                       self->partner_uuid, message->created,
                                       message->in_reply_to, n_records, error) &&
      placements_exchange_set_message_digest (self->store, message->message_id,
                                              self->digest, error) &&
      write_audit_event (self, uuids, error) &&
      !g_cancellable_set_error_if_cancelled (cancellable, error) &&
      placements_store_commit (self->store, error))
    {
      self->applied = TRUE;
      report (progress, user_data, 1.0, _("Done"));
      return TRUE;
    }

  placements_store_rollback (self->store);
  g_array_set_size (self->changed_types, 0);
  return FALSE;
}

static void
add_result (GPtrArray  *results,
            const char *uuid,
            const char *kind,
            const char *code,
            const char *rule,
            const char *text)
{
  PlacementsExchangeResult *result = g_new0 (PlacementsExchangeResult, 1);

  result->record_uuid = g_strdup (uuid);
  result->kind = g_strdup (kind);
  result->code = g_strdup (code);
  result->rule = g_strdup (rule);
  result->message = g_strdup (text);
  g_ptr_array_add (results, result);
}

static void
exchange_result_free (gpointer data)
{
  PlacementsExchangeResult *result = data;

  g_free (result->record_uuid);
  g_free (result->kind);
  g_free (result->code);
  g_free (result->rule);
  g_free (result->message);
  g_free (result);
}

/* Accepted, but a placement that took a place over a limit says so (placing's rule: a
 * limit passed is a warning, recorded, not a refusal). */
static void
add_accepted (PlacementsImport *self,
              GPtrArray        *results,
              Staged           *staged,
              const char       *rule)
{
  PlacementsPlaceWarnings excess = PLACEMENTS_PLACE_WARNING_NONE;

  if (g_strcmp0 (staged->entry.kind, "placement") == 0 && !self->already_imported)
    excess = placements_placement_find_excess (self->store, staged->entry.uuid);
  if ((excess & PLACEMENTS_PLACE_WARNING_OVER_CAPACITY) != 0)
    add_result (results, staged->entry.uuid, staged->entry.kind, "warning", "over-capacity",
                placements_place_warning_get_message (PLACEMENTS_PLACE_WARNING_OVER_CAPACITY));
  else if ((excess & PLACEMENTS_PLACE_WARNING_BUDDY_OVER_MAXIMUM) != 0)
    add_result (results, staged->entry.uuid, staged->entry.kind, "warning",
                "buddy-over-maximum",
                placements_place_warning_get_message (
                  PLACEMENTS_PLACE_WARNING_BUDDY_OVER_MAXIMUM));
  else
    add_result (results, staged->entry.uuid, staged->entry.kind, "accepted", rule, NULL);
}

static GPtrArray *
collect_results (PlacementsImport *self)
{
  GPtrArray *results = g_ptr_array_new_with_free_func (exchange_result_free);
  PlacementsExchangeMessage *message = self->message;

  if (self->failed_rule != NULL)
    {
      for (guint i = 0; i < message->items->len; i++)
        {
          PlacementsExchangeItem *item = g_ptr_array_index (message->items, i);
          const char *kind =
            placements_record_class_get_kind (PLACEMENTS_RECORD_GET_CLASS (item->record));
          const char *uuid = placements_record_get_uuid (item->record);

          if (self->failed_item < 0 || (guint) self->failed_item == i)
            add_result (results, uuid, kind, "rejected", self->failed_rule,
                        self->failed_message);
          else
            add_result (results, uuid, kind, "rejected", "all-or-nothing",
                        _("Not imported: another record of the message was rejected"));
        }
      return results;
    }

  for (guint i = 0; i < self->staged->len; i++)
    {
      Staged *staged = g_ptr_array_index (self->staged, i);
      g_autoptr(GString) kept = g_string_new (NULL);

      for (guint j = 0; j < staged->n_conflicts; j++)
        {
          Conflict *conflict = g_ptr_array_index (self->conflicts, staged->first_conflict + j);

          if (conflict->conflict.resolution != PLACEMENTS_RESOLUTION_KEEP_OURS)
            continue;
          if (kept->len > 0)
            g_string_append (kept, ", ");
          g_string_append (kept, conflict->field);
        }

      if (kept->len > 0)
        {
          g_autofree char *text =
            g_strdup_printf (_("Changed here as well; our value was kept for: %s"), kept->str);

          add_result (results, staged->entry.uuid, staged->entry.kind, "warning",
                      "conflict-kept-ours", text);
        }
      else if (self->already_imported)
        add_result (results, staged->entry.uuid, staged->entry.kind, "accepted",
                    "already-imported", NULL);
      else if (staged->entry.status == PLACEMENTS_IMPORT_NEW)
        add_accepted (self, results, staged, "new-record");
      else if (staged->entry.status == PLACEMENTS_IMPORT_UNCHANGED)
        add_result (results, staged->entry.uuid, staged->entry.kind, "accepted", "unchanged",
                    NULL);
      else
        add_accepted (self, results, staged, "updated");
    }
  return results;
}

gboolean
placements_import_write_acknowledgement (PlacementsImport  *self,
                                         const char        *path,
                                         GError           **error)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(PlacementsOrganisation) own = NULL;
  g_autofree char *own_uuid = NULL;
  g_autofree char *ack_id = NULL;
  g_autofree char *created = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(PlacementsPrivateFile) file = NULL;
  PlacementsExchangeMessage *message;
  const char *data;
  gsize length;

  g_return_val_if_fail (PLACEMENTS_IS_IMPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  message = self->message;
  if (message == NULL || (!self->applied && self->failed_rule == NULL))
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_REFUSED_FILE,
                   _("There is nothing to acknowledge: the file was not imported, and could "
                     "not be read far enough to answer it"));
      return FALSE;
    }
  if (g_strcmp0 (message->kind, "acknowledgement") == 0)
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_REFUSED_FILE,
                   _("An acknowledgement is not answered with another one"));
      return FALSE;
    }

  own_uuid = placements_exchange_dup_own_organisation (self->store);
  if (own_uuid != NULL)
    own = placements_store_load (self->store, PLACEMENTS_TYPE_ORGANISATION, own_uuid, NULL);
  if (own == NULL || placements_organisation_get_exchange_id (own) == NULL)
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NOT_FOUND,
                   _("This database has no own organisation with an exchange id, so it "
                     "cannot sign an acknowledgement"));
      return FALSE;
    }

  results = collect_results (self);
  bytes = placements_acknowledgement_build (placements_organisation_get_exchange_id (own),
                                            message->sender, message->message_id, results,
                                            &ack_id, &created, error);
  if (bytes == NULL)
    return FALSE;

  /*
   * As an export: the file complete and synced under a temporary name, then the
   * database says it was sent, then the file into place. A kill before the commit
   * leaves no file at @path and nothing logged (the temporary name goes with the next
   * write into the folder); between the commit and the rename, the log names an
   * answer the partner never gets, as with a file never mailed. It names the sender's
   * records and quotes their fields: private, like the database.
   */
  file = placements_private_file_new (path, error);
  data = g_bytes_get_data (bytes, &length);
  if (file == NULL || !placements_private_file_write_all (file, data, length, error) ||
      !placements_private_file_link (file, error))
    return FALSE;
  if (!placements_store_begin (self->store, error))
    return FALSE;
  if (!placements_exchange_log_message (self->store, ack_id, PLACEMENTS_MESSAGE_SENT,
                                        "acknowledgement", self->partner_uuid, created,
                                        message->message_id, results->len, error) ||
      !placements_store_commit (self->store, error))
    {
      if (placements_store_in_transaction (self->store))
        placements_store_rollback (self->store);
      return FALSE;
    }
  if (!placements_private_file_replace (file, error))
    {
      g_prefix_error (error, _("The acknowledgement %s was recorded, but its file could not "
                               "be put in place: "), ack_id);
      return FALSE;
    }
  return TRUE;
}
