#define G_LOG_DOMAIN "placements-deletion"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "placements-deletion.h"
#include "placements-enums.h"
#include "placements-error.h"
#include "placements-record-kind.h"
#include "placements-store-private.h"

struct _PlacementsDeletion
{
  GObject           parent_instance;

  /* Owned */
  PlacementsStore  *store;
  PlacementsRecord *record;
  /* PlacementsRecord*, as they were: the deleted ones and those that lost a reference,
   * each after every record it refers to, the order they are written back in. */
  GPtrArray        *saved;
  /* HistoryRow*: rows of the history tables the schema deleted with them. */
  GPtrArray        *history;
  char             *uuids;

  guint             n_deleted;
  gboolean          pending;
};

G_DEFINE_FINAL_TYPE (PlacementsDeletion, placements_deletion, G_TYPE_OBJECT)

/*
 * Tables that are not records but the history of one (a placement's steps, a pilot's
 * steps): the schema deletes them with their record, so an undo must write them back
 * too, or a placement comes back without its timeline.
 */
static const struct
{
  const char *table;
  const char *column;
} history_tables[] = {
  { "placement_step", "placement_uuid" },
  { "pilot_step", "pilot_uuid" },
};

typedef struct
{
  const char    *table;
  GPtrArray     *names;   /* char*, the row's column names */
  GPtrArray     *values;  /* sqlite3_value*, as the row held them */
} HistoryRow;

static void
history_row_free (HistoryRow *row)
{
  g_ptr_array_unref (row->names);
  g_ptr_array_unref (row->values);
  g_free (row);
}

/* Keeps the rows of every history table that belong to the record @uuid. */
static gboolean
keep_history (PlacementsStore  *store,
              const char       *uuid,
              GPtrArray        *history,
              GError          **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (history_tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s WHERE %s = ?1 ORDER BY id",
                                              history_tables[i].table,
                                              history_tables[i].column);
      sqlite3_stmt *statement = placements_store_prepare (store, sql, error);
      int rc;

      if (statement == NULL)
        return FALSE;
      sqlite3_bind_text (statement, 1, uuid, -1, SQLITE_TRANSIENT);
      while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
        {
          HistoryRow *row = g_new0 (HistoryRow, 1);

          row->table = history_tables[i].table;
          row->names = g_ptr_array_new_with_free_func (g_free);
          row->values = g_ptr_array_new_with_free_func ((GDestroyNotify) sqlite3_value_free);
          for (int column = 0; column < sqlite3_column_count (statement); column++)
            {
              g_ptr_array_add (row->names,
                               g_strdup (sqlite3_column_name (statement, column)));
              g_ptr_array_add (row->values,
                               sqlite3_value_dup (sqlite3_column_value (statement, column)));
            }
          g_ptr_array_add (history, row);
        }
      if (rc != SQLITE_DONE)
        placements_store_set_sqlite_error (store, error, history_tables[i].table);
      sqlite3_reset (statement);
      if (rc != SQLITE_DONE)
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_back_history (PlacementsStore  *store,
                    HistoryRow       *row,
                    GError          **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *statement;
  int rc;

  g_string_append_printf (sql, "INSERT INTO %s (", row->table);
  for (guint i = 0; i < row->names->len; i++)
    g_string_append_printf (sql, "%s\"%s\"", i > 0 ? ", " : "",
                            (const char *) g_ptr_array_index (row->names, i));
  g_string_append (sql, ") VALUES (");
  for (guint i = 0; i < row->names->len; i++)
    g_string_append_printf (sql, "%s?%u", i > 0 ? ", " : "", i + 1);
  g_string_append_c (sql, ')');

  statement = placements_store_prepare (store, sql->str, error);
  if (statement == NULL)
    return FALSE;
  for (guint i = 0; i < row->values->len; i++)
    sqlite3_bind_value (statement, (int) i + 1, g_ptr_array_index (row->values, i));
  rc = sqlite3_step (statement);
  if (rc != SQLITE_DONE)
    placements_store_set_sqlite_error (store, error, row->table);
  sqlite3_reset (statement);
  sqlite3_clear_bindings (statement);
  return rc == SQLITE_DONE;
}

typedef enum
{
  ACTION_NONE,
  ACTION_RESTRICT,
  ACTION_CASCADE,
  ACTION_SET_NULL,
} DeleteAction;

/* What the schema does to rows of @table whose @column refers to a deleted row: the
 * schema is the rule, so it is read rather than repeated here. */
static DeleteAction
get_delete_action (PlacementsStore *store,
                   const char      *table,
                   const char      *column)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA foreign_key_list(%s)", table);
  sqlite3_stmt *statement = NULL;
  DeleteAction action = ACTION_NONE;

  if (sqlite3_prepare_v2 (placements_store_get_connection (store), sql, -1, &statement,
                          NULL) != SQLITE_OK)
    return ACTION_NONE;
  while (sqlite3_step (statement) == SQLITE_ROW)
    {
      const char *from = (const char *) sqlite3_column_text (statement, 3);
      const char *on_delete = (const char *) sqlite3_column_text (statement, 6);

      if (g_strcmp0 (from, column) != 0)
        continue;
      if (g_strcmp0 (on_delete, "CASCADE") == 0)
        action = ACTION_CASCADE;
      else if (g_strcmp0 (on_delete, "SET NULL") == 0)
        action = ACTION_SET_NULL;
      else
        action = ACTION_RESTRICT;
      break;
    }
  sqlite3_finalize (statement);
  return action;
}

static gint64
count_where (PlacementsStore *store,
             const char      *table,
             const char      *column,
             const char      *uuid)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = ?", table, column);
  sqlite3_stmt *statement = placements_store_prepare (store, sql, NULL);
  gint64 count = 0;

  if (statement == NULL)
    return 0;
  sqlite3_bind_text (statement, 1, uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (statement) == SQLITE_ROW)
    count = sqlite3_column_int64 (statement, 0);
  sqlite3_reset (statement);
  return count;
}

/* Tables outside the record types that may refer to records: the exchange's own. */
static gint64
count_other_holders (PlacementsStore *store,
                     const char      *table,
                     const char      *uuid)
{
  sqlite3 *db = placements_store_get_connection (store);
  sqlite3_stmt *tables = NULL;
  gint64 count = 0;

  if (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                          "AND name LIKE 'exchange%'", -1, &tables, NULL) != SQLITE_OK)
    return 0;
  while (sqlite3_step (tables) == SQLITE_ROW)
    {
      const char *other = (const char *) sqlite3_column_text (tables, 0);
      g_autofree char *sql = g_strdup_printf ("PRAGMA foreign_key_list(%s)", other);
      sqlite3_stmt *keys = NULL;

      if (sqlite3_prepare_v2 (db, sql, -1, &keys, NULL) != SQLITE_OK)
        continue;
      while (sqlite3_step (keys) == SQLITE_ROW)
        {
          const char *target = (const char *) sqlite3_column_text (keys, 2);
          const char *from = (const char *) sqlite3_column_text (keys, 3);
          const char *on_delete = (const char *) sqlite3_column_text (keys, 6);

          if (g_strcmp0 (target, table) == 0 && g_strcmp0 (on_delete, "CASCADE") != 0 &&
              g_strcmp0 (on_delete, "SET NULL") != 0)
            count += count_where (store, other, from, uuid);
        }
      sqlite3_finalize (keys);
    }
  sqlite3_finalize (tables);
  return count;
}

gboolean
placements_store_check_deletable (PlacementsStore   *store,
                                  PlacementsRecord  *record,
                                  GError           **error)
{
  PlacementsRecordClass *klass;
  g_autoptr(GPtrArray) holders = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) list = g_string_new (NULL);
  g_autofree char *name = NULL;
  const GType *types;
  guint n_types = 0;
  gint64 n_other;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);
  g_return_val_if_fail (PLACEMENTS_IS_RECORD (record), FALSE);

  klass = PLACEMENTS_RECORD_GET_CLASS (record);
  types = placements_store_get_record_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(PlacementsRecordClass) other = g_type_class_ref (types[i]);
      gint64 count = 0;

      for (guint j = 0; j < placements_record_class_get_n_fields (other); j++)
        {
          const PlacementsField *field = placements_record_class_get_field (other, j);

          if (field->references != G_OBJECT_TYPE (record) ||
              get_delete_action (store, placements_record_class_get_table (other),
                                 field->column) != ACTION_RESTRICT)
            continue;
          count += count_where (store, placements_record_class_get_table (other), field->column,
                                placements_record_get_uuid (record));
        }
      if (count > 0)
        g_ptr_array_add (holders,
                         placements_record_kind_dup_count_label (
                           placements_record_kind_for_type (types[i]), (guint) count));
    }
  n_other = count_other_holders (store, placements_record_class_get_table (klass),
                                 placements_record_get_uuid (record));
  if (n_other > 0)
    g_ptr_array_add (holders,
                     /* Translators: one of the things that keep a record from being deleted. */
                     g_strdup (_("the exchange history with it")));

  if (holders->len == 0)
    return TRUE;

  for (guint i = 0; i < holders->len; i++)
    {
      if (i > 0)
        /* Translators: between the items of a list, and before its last: "12 clients,
         * 3 people and 2 workplaces". */
        g_string_append (list, i + 1 < holders->len ? _(", ") : _(" and "));
      g_string_append (list, g_ptr_array_index (holders, i));
    }
  name = placements_record_dup_display_name (record, store);
  g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IN_USE,
               /* Translators: the record's kind and name, then what holds it, as in
                * "12 clients and 2 workplaces". */
               _("%s “%s” cannot be deleted: it is still needed by %s. Delete those first, "
                 "or let them refer to another."),
               placements_record_class_get_label (klass), name, list->str);
  return FALSE;
}

/* Adds @record and everything the schema deletes or changes with it to @saved. */
static gboolean
collect (PlacementsStore   *store,
         PlacementsRecord  *record,
         GPtrArray         *saved,
         GHashTable        *seen,
         guint             *n_deleted,
         gboolean           deleted,
         GError           **error)
{
  const GType *types;
  guint n_types = 0;

  gpointer known = g_hash_table_lookup (seen, placements_record_get_uuid (record));

  /* A record can be met twice: as one that loses a reference, and as one deleted along
   * another way (a placement of a deleted buddy's person and of the deleted client). */
  if (known == NULL)
    g_ptr_array_add (saved, g_object_ref (record));
  else if (!deleted || GPOINTER_TO_INT (known) == 2)
    return TRUE;
  g_hash_table_insert (seen, g_strdup (placements_record_get_uuid (record)),
                       GINT_TO_POINTER (deleted ? 2 : 1));
  if (!deleted)
    return TRUE;
  (*n_deleted)++;

  types = placements_store_get_record_types (&n_types);
  for (guint i = 0; i < n_types; i++)
    {
      g_autoptr(PlacementsRecordClass) other = g_type_class_ref (types[i]);

      for (guint j = 0; j < placements_record_class_get_n_fields (other); j++)
        {
          const PlacementsField *field = placements_record_class_get_field (other, j);
          g_autoptr(GPtrArray) found = NULL;
          DeleteAction action;

          if (field->references != G_OBJECT_TYPE (record))
            continue;
          action = get_delete_action (store, placements_record_class_get_table (other),
                                      field->column);
          if (action != ACTION_CASCADE && action != ACTION_SET_NULL)
            continue;
          found = placements_store_find (store, types[i], field->pspec->name,
                                         placements_record_get_uuid (record), error);
          if (found == NULL)
            return FALSE;
          for (guint k = 0; k < found->len; k++)
            if (!collect (store, g_ptr_array_index (found, k), saved, seen, n_deleted,
                          action == ACTION_CASCADE, error))
              return FALSE;
        }
    }
  return TRUE;
}

static int
type_rank (GType type)
{
  guint n_types = 0;
  const GType *types = placements_store_get_record_types (&n_types);

  for (guint i = 0; i < n_types; i++)
    if (types[i] == type)
      return (int) i;
  return (int) n_types;
}

static int
compare_write_order (gconstpointer a,
                     gconstpointer b)
{
  GType type_a = G_OBJECT_TYPE (*(PlacementsRecord **) a);
  GType type_b = G_OBJECT_TYPE (*(PlacementsRecord **) b);

  return type_rank (type_a) - type_rank (type_b);
}

static void
placements_deletion_dispose (GObject *object)
{
  PlacementsDeletion *self = PLACEMENTS_DELETION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->record);
  g_clear_pointer (&self->saved, g_ptr_array_unref);
  g_clear_pointer (&self->history, g_ptr_array_unref);

  G_OBJECT_CLASS (placements_deletion_parent_class)->dispose (object);
}

static void
placements_deletion_finalize (GObject *object)
{
  PlacementsDeletion *self = PLACEMENTS_DELETION (object);

  g_free (self->uuids);

  G_OBJECT_CLASS (placements_deletion_parent_class)->finalize (object);
}

static void
placements_deletion_class_init (PlacementsDeletionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = placements_deletion_dispose;
  object_class->finalize = placements_deletion_finalize;
}

static void
placements_deletion_init (PlacementsDeletion *self)
{
  self->saved = g_ptr_array_new_with_free_func (g_object_unref);
  self->history = g_ptr_array_new_with_free_func ((GDestroyNotify) history_row_free);
}

static gboolean
write_audit_event (PlacementsDeletion     *self,
                   PlacementsAuditAction   action,
                   const char             *detail,
                   GError                **error)
{
  return placements_store_write_client_audit_event (self->store, action,
                                                    placements_record_class_get_kind (
                                                      PLACEMENTS_RECORD_GET_CLASS (self->record)),
                                                    self->uuids,
                                                    placements_store_get_client_of (self->record),
                                                    detail, error);
}

PlacementsDeletion *
placements_deletion_new (PlacementsStore   *store,
                         PlacementsRecord  *record,
                         GError           **error)
{
  g_autoptr(PlacementsDeletion) self = NULL;
  g_autoptr(PlacementsRecord) current = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GString) uuids = g_string_new (NULL);

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);
  g_return_val_if_fail (PLACEMENTS_IS_RECORD (record), NULL);
  g_return_val_if_fail (!placements_store_in_transaction (store), NULL);

  if (!placements_store_check_deletable (store, record, error))
    return NULL;

  self = g_object_new (PLACEMENTS_TYPE_DELETION, NULL);
  self->store = g_object_ref (store);
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* What is remembered is what the database holds, not what a window shows of it. The
   * delete and its audit entry are one transaction: a kill while the undo is offered
   * leaves the delete logged, not a delete the log never heard of. */
  if (!placements_store_begin (store, error))
    return NULL;
  current = placements_store_load (store, G_OBJECT_TYPE (record),
                                   placements_record_get_uuid (record), error);
  if (current == NULL ||
      !collect (store, current, self->saved, seen, &self->n_deleted, TRUE, error))
    goto failed;

  g_ptr_array_sort (self->saved, compare_write_order);
  for (guint i = 0; i < self->saved->len; i++)
    {
      PlacementsRecord *saved = g_ptr_array_index (self->saved, i);

      if (i > 0)
        g_string_append_c (uuids, ',');
      g_string_append (uuids, placements_record_get_uuid (saved));
      /* Only what goes with it: a record that just loses a reference keeps its history. */
      if (GPOINTER_TO_INT (g_hash_table_lookup (seen, placements_record_get_uuid (saved))) == 2 &&
          !keep_history (store, placements_record_get_uuid (saved), self->history, error))
        goto failed;
    }
  self->uuids = g_string_free (g_steal_pointer (&uuids), FALSE);
  self->record = g_steal_pointer (&current);
  if (!placements_store_delete_unaudited (store, self->record, error) ||
      !write_audit_event (self, PLACEMENTS_AUDIT_ACTION_DELETE, NULL, error) ||
      !placements_store_commit (store, error))
    goto failed;

  self->pending = TRUE;
  return g_steal_pointer (&self);

failed:
  if (placements_store_in_transaction (store))
    placements_store_rollback (store);
  return NULL;
}

PlacementsRecord *
placements_deletion_get_record (PlacementsDeletion *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_DELETION (self), NULL);
  return self->record;
}

guint
placements_deletion_get_n_deleted (PlacementsDeletion *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_DELETION (self), 0);
  return self->n_deleted;
}

gboolean
placements_deletion_is_pending (PlacementsDeletion *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_DELETION (self), FALSE);
  return self->pending;
}

/**
 * placements_deletion_undo:
 * @self: a pending deletion
 * @error: where to say why it could not be undone
 *
 * Writes back every record the deletion removed or changed, as it was, in one
 * transaction, with an audit entry that says so: the delete was logged when it
 * happened, and the log says what came back.
 */
gboolean
placements_deletion_undo (PlacementsDeletion  *self,
                          GError             **error)
{
  g_return_val_if_fail (PLACEMENTS_IS_DELETION (self), FALSE);
  g_return_val_if_fail (self->pending, FALSE);

  if (!placements_store_begin (self->store, error))
    return FALSE;
  for (guint i = 0; i < self->saved->len; i++)
    {
      if (!placements_store_restore (self->store, g_ptr_array_index (self->saved, i), error))
        {
          placements_store_rollback (self->store);
          return FALSE;
        }
    }
  for (guint i = 0; i < self->history->len; i++)
    {
      if (!write_back_history (self->store, g_ptr_array_index (self->history, i), error))
        {
          placements_store_rollback (self->store);
          return FALSE;
        }
    }
  /* Untranslated, as every detail: what a program reading the log back can match. */
  if (!write_audit_event (self, PLACEMENTS_AUDIT_ACTION_CREATE, "undo-delete", error))
    {
      placements_store_rollback (self->store);
      return FALSE;
    }
  if (!placements_store_commit (self->store, error))
    return FALSE;
  self->pending = FALSE;
  return TRUE;
}

/**
 * placements_deletion_finish:
 * @self: a pending deletion
 * @error: never set: nothing is written any more
 *
 * Makes the deletion final: it can no longer be undone. The audit log recorded it,
 * with every record that went, when it happened.
 */
gboolean
placements_deletion_finish (PlacementsDeletion  *self,
                            GError             **error)
{
  g_return_val_if_fail (PLACEMENTS_IS_DELETION (self), FALSE);

  self->pending = FALSE;
  g_ptr_array_set_size (self->saved, 0);
  g_ptr_array_set_size (self->history, 0);
  return TRUE;
}
