#define G_LOG_DOMAIN "placements-record-list"

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "placements-record-list.h"
#include "placements-sort-key.h"
#include "placements-enum-types.h"
#include "placements-enums.h"
#include "placements-store-private.h"

/*
 * Over 1,000 lines, on purpose: the query (filters, conditions, search, sort, the
 * joined names of references), the id array, the page cache and the diff it emits on
 * a change are one GListModel's state, read and written together on every change.
 *
 * Only the ordered row ids of the whole query are held (8 bytes a row); record
 * objects are made for the rows GTK asks for, PAGE_SIZE neighbours at a time, and
 * kept in a cache of at most MAX_CACHED records, least recently used out first.
 */
#define PAGE_SIZE 64
#define MAX_CACHED 1024

typedef struct
{
  PlacementsRecord *record;
  GList            *link; /* in lru, holding the row id */
} CacheEntry;

typedef struct
{
  char *column;
  char *value;
} Filter;

struct _PlacementsRecordList
{
  GObject                parent_instance;

  /* Owned */
  PlacementsStore       *store;
  PlacementsRecordClass *klass;
  char                  *search_text;
  char                  *sort_field;
  GPtrArray             *filters; /* Filter*, sorted by column */
  GPtrArray             *conditions; /* Filter*: a named condition and its value */
  GArray                *ids;     /* gint64 row ids in list order */
  GHashTable            *cache;   /* row id (gint64*) → CacheEntry* */
  GQueue                 lru;     /* of gint64*, most recent first */
  GHashTable            *placeholders; /* row id (gint64*) → PlacementsRecord*, see get_item */

  /* Why the last query failed, or NULL */
  GError                *error;

  GType                  record_type;
  gulong                 changed_handler;
  guint                  requery_source;
  gboolean               descending;

  /* Threaded: the ids are read on a worker thread, from a connection of its own (reader),
   * which only the one query task running at a time touches. */
  gboolean               threaded;
  PlacementsStore       *reader;
  gboolean               querying;
  /* The list's query changed while one ran: its answer is stale, and another follows. */
  gboolean               query_again;
  /* Many rows changed (an import): the cached records are read again once, in an idle,
   * however many kinds the change told of one after the other. */
  guint                  refresh_source;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PlacementsRecordList, placements_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_RECORD_TYPE,
  PROP_SEARCH_TEXT,
  PROP_SORT_FIELD,
  PROP_SORT_DESCENDING,
  PROP_ERROR,
  PROP_THREADED,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
filter_free (gpointer data)
{
  Filter *filter = data;

  g_free (filter->column);
  g_free (filter->value);
  g_free (filter);
}

/*
 * Filters that are not one column's value: what a coordinator asks of a list ("who has an
 * active placement", "where is a place free"), as SQL over the list's table. A '?' takes the
 * value the condition was given. A place is held from the introduction until the placement is
 * paused or ends, and a pairing counts from its start to its end, as the detail pane counts
 * them.
 */
static const struct
{
  const char *table;
  const char *name;
  const char *sql;
} named_conditions[] = {
  { "client", "active-placement",
    /* Not EXISTS: SQLite searched the placements by status for each client, every active
     * placement for each of 100,000 clients. This reads them once. */
    "(client.uuid IN (SELECT placement.client_uuid FROM placement"
    " WHERE placement.status = 'active')) = (? = 'true')" },
  { "client", "ladder-rung",
    "(SELECT ladder_step.rung FROM ladder_step WHERE ladder_step.client_uuid = client.uuid"
    " ORDER BY ladder_step.date DESC, ladder_step.id DESC LIMIT 1) = CAST (? AS INTEGER)" },
  { "workplace", "free-places",
    "((SELECT count(*) FROM placement WHERE placement.workplace_uuid = workplace.uuid"
    " AND placement.status IN ('introduction', 'trial', 'active')) < workplace.capacity)"
    " = (? = 'true')" },
  { "buddy", "spare-load",
    "((SELECT count(*) FROM buddy_pairing WHERE buddy_pairing.buddy_uuid = buddy.uuid"
    " AND buddy_pairing.start_date <= date ('now', 'localtime')"
    " AND (buddy_pairing.end_date IS NULL"
    " OR buddy_pairing.end_date >= date ('now', 'localtime'))) < buddy.max_clients)"
    " = (? = 'true')" },
};

static const char *
find_condition (PlacementsRecordList *self,
                const char           *name)
{
  const char *table = placements_record_class_get_table (self->klass);

  for (guint i = 0; i < G_N_ELEMENTS (named_conditions); i++)
    if (g_str_equal (named_conditions[i].table, table) &&
        g_str_equal (named_conditions[i].name, name))
      return named_conditions[i].sql;
  return NULL;
}

static void
cache_entry_free (gpointer data)
{
  CacheEntry *entry = data;

  g_object_unref (entry->record);
  g_free (entry);
}

static void
cache_clear (PlacementsRecordList *self)
{
  g_hash_table_remove_all (self->cache);
  g_queue_clear_full (&self->lru, g_free);
}

static void
cache_insert (PlacementsRecordList *self,
              PlacementsRecord     *record)
{
  CacheEntry *entry = g_new0 (CacheEntry, 1);
  gint64 *row_id = g_new (gint64, 1);

  *row_id = placements_record_get_row_id (record);
  entry->record = record;
  g_queue_push_head (&self->lru, row_id);
  entry->link = self->lru.head;
  g_hash_table_replace (self->cache, row_id, entry);

  while (self->lru.length > MAX_CACHED)
    {
      gint64 *oldest = g_queue_pop_tail (&self->lru);

      g_hash_table_remove (self->cache, oldest);
      g_free (oldest);
    }
}

static PlacementsRecord *
cache_lookup (PlacementsRecordList *self,
              gint64                row_id)
{
  CacheEntry *entry = g_hash_table_lookup (self->cache, &row_id);

  if (entry == NULL)
    return NULL;
  g_queue_unlink (&self->lru, entry->link);
  g_queue_push_head_link (&self->lru, entry->link);
  return entry->record;
}

/*
 * "name COLLATE NOCASE, id" read backwards: each term's direction flipped. A term
 * already in the order (sorting by family name, then the default order that starts
 * with it) is left out: it cannot change the order, and SQLite would otherwise sort
 * the rows itself instead of reading them in the index's order.
 */
static void
append_order (GString    *sql,
              GPtrArray  *used,
              const char *order,
              gboolean    descending)
{
  g_auto(GStrv) terms = g_strsplit (order, ",", -1);

  for (guint i = 0; terms[i] != NULL; i++)
    {
      g_autofree char *term = g_strstrip (g_strdup (terms[i]));
      gboolean term_descending = g_str_has_suffix (term, " DESC");

      if (term_descending)
        term[strlen (term) - strlen (" DESC")] = '\0';
      if (g_ptr_array_find_with_equal_func (used, term, g_str_equal, NULL))
        continue;
      g_ptr_array_add (used, g_strdup (term));
      if (sql->str[sql->len - 1] != ' ')
        g_string_append (sql, ", ");
      g_string_append (sql, term);
      if (term_descending != descending)
        g_string_append (sql, " DESC");
    }
}

/* Each word typed becomes an FTS5 prefix query; all must match. */
static GPtrArray *
search_words (const char *text)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) tokens = NULL;

  if (text == NULL)
    return g_steal_pointer (&words);

  tokens = g_str_tokenize_and_fold (text, NULL, NULL);
  for (guint i = 0; tokens[i] != NULL; i++)
    if (*tokens[i] != '\0')
      g_ptr_array_add (words, g_strdup (tokens[i]));
  return g_steal_pointer (&words);
}

/*
 * The index holds the searchable fields folded (placements_fold_text()); the words
 * typed are folded alike and split where SQLite's tokenizer splits, at anything
 * not a letter or a digit. Each becomes a prefix query; all must match.
 */
static char *
fts_query (const char *text)
{
  g_autofree char *folded = placements_fold_text (text);
  g_autoptr(GString) query = g_string_new (NULL);
  g_autoptr(GString) word = g_string_new (NULL);

  for (const char *p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && g_unichar_isalnum (c))
        {
          g_string_append_unichar (word, c);
          continue;
        }
      if (word->len > 0)
        {
          /* Only letters and digits: nothing in a word needs quoting. */
          g_string_append_printf (query, "%s\"%s\"*", query->len > 0 ? " " : "", word->str);
          g_string_truncate (word, 0);
        }
      if (c == 0)
        break;
    }
  return g_string_free (g_steal_pointer (&query), FALSE);
}

static char *
like_pattern (const char *word)
{
  g_autoptr(GString) pattern = g_string_new ("%");

  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');
  return g_string_free (g_steal_pointer (&pattern), FALSE);
}

static gboolean
is_text_column (const PlacementsField *field)
{
  return field->pspec->value_type == G_TYPE_STRING &&
         (field->flags & PLACEMENTS_FIELD_DATE) == 0 &&
         field->references == G_TYPE_INVALID;
}

/*
 * The referenced record's name, as the list orders by it: the first term of its kind's
 * default order (its sort key, or its person's), looked up for each row. The subquery names
 * the referenced table as its kind's list does, which would hide the list's own table in a
 * kind that referred to itself: none does.
 */
static char *
reference_order_term (PlacementsRecordList  *self,
                      const PlacementsField *field)
{
  g_autoptr(PlacementsRecordClass) target = g_type_class_ref (field->references);
  g_auto(GStrv) terms = g_strsplit (placements_record_class_get_default_order (target), ",", 2);
  g_autofree char *first = g_strstrip (g_strdup (terms[0]));

  if (g_str_has_suffix (first, " DESC"))
    first[strlen (first) - strlen (" DESC")] = '\0';
  return g_strdup_printf ("(SELECT %s FROM %s WHERE %s.uuid = %s.%s)",
                          first, placements_record_class_get_list_from (target),
                          placements_record_class_get_table (target),
                          placements_record_class_get_table (self->klass), field->column);
}

typedef struct
{
  char    *label;
  char    *collation_key;
  char    *condition;
} CodeLabel;

static void
code_label_free (gpointer data)
{
  CodeLabel *code = data;

  g_free (code->label);
  g_free (code->collation_key);
  g_free (code->condition);
  g_free (code);
}

static int
compare_code_labels (gconstpointer a,
                     gconstpointer b)
{
  const CodeLabel *first = *(const CodeLabel * const *) a;
  const CodeLabel *second = *(const CodeLabel * const *) b;

  return strcmp (first->collation_key, second->collation_key);
}

static void
add_code_label (GPtrArray  *codes,
                const char *label,
                char       *condition)
{
  CodeLabel *code = g_new0 (CodeLabel, 1);
  g_autofree char *folded = g_utf8_casefold (label, -1);

  code->label = g_strdup (label);
  code->collation_key = g_utf8_collate_key (folded, -1);
  code->condition = condition;
  g_ptr_array_add (codes, code);
}

/*
 * A code is sorted by its label in the user's language and collation, as the list shows
 * it: "CASE WHEN kind = 'employer' THEN 0 WHEN ... END", made when the query is. A record
 * with a country shows some codes in its country's words (a Belgian employment service is
 * the VDAB), and is sorted by those. An empty code is NULL: first, as an empty cell.
 */
static char *
code_order_term (PlacementsRecordList  *self,
                 const PlacementsField *field)
{
  const char *table = placements_record_class_get_table (self->klass);
  const PlacementsField *country_field =
    placements_record_class_find_field (self->klass, "country");
  GEnumClass *enum_class = G_PARAM_SPEC_ENUM (field->pspec)->enum_class;
  GType enum_type = field->pspec->value_type;
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (code_label_free);
  g_autoptr(GString) term = g_string_new ("CASE");
  guint rank = 0;

  if (country_field != NULL && country_field->pspec->value_type != PLACEMENTS_TYPE_COUNTRY)
    country_field = NULL;

  for (guint i = 0; i < enum_class->n_values; i++)
    {
      const GEnumValue *code = &enum_class->values[i];

      if (g_str_equal (code->value_nick, "none"))
        continue;
      if (country_field != NULL)
        {
          GEnumClass *countries = G_PARAM_SPEC_ENUM (country_field->pspec)->enum_class;

          for (guint c = 0; c < countries->n_values; c++)
            {
              const char *label =
                placements_enum_get_label_for_country (enum_type, code->value,
                                                       countries->values[c].value);

              if (g_str_equal (label, placements_enum_get_label (enum_type, code->value)))
                continue;
              /* Nicks are the core's own codes: letters, digits and '-'. */
              add_code_label (codes, label,
                              g_strdup_printf ("%s.%s = '%s' AND %s.country = '%s'",
                                               table, field->column, code->value_nick,
                                               table, countries->values[c].value_nick));
            }
        }
      add_code_label (codes, placements_enum_get_label (enum_type, code->value),
                      g_strdup_printf ("%s.%s = '%s'", table, field->column,
                                       code->value_nick));
    }

  g_ptr_array_sort (codes, compare_code_labels);
  /* The conditions with a country come first for each code, whatever their label's rank. */
  for (guint pass = 0; pass < 2; pass++)
    {
      rank = 0;
      for (guint i = 0; i < codes->len; i++)
        {
          CodeLabel *code = g_ptr_array_index (codes, i);
          gboolean with_country = strstr (code->condition, " AND ") != NULL;

          CodeLabel *before = i > 0 ? g_ptr_array_index (codes, i - 1) : NULL;

          if (before != NULL && !g_str_equal (code->collation_key, before->collation_key))
            rank++;
          if (with_country == (pass == 0))
            g_string_append_printf (term, " WHEN %s THEN %u", code->condition, rank);
        }
    }
  g_string_append (term, " END");
  return g_string_free (g_steal_pointer (&term), FALSE);
}

/* The list's query as its state says now: made where that state lives, run anywhere. */
typedef struct
{
  char      *sql;
  GPtrArray *bindings; /* of char*, bound in order */
} Query;

static void
query_free (gpointer data)
{
  Query *query = data;

  g_free (query->sql);
  g_ptr_array_unref (query->bindings);
  g_free (query);
}

static Query *
build_query (PlacementsRecordList *self)
{
  const char *table = placements_record_class_get_table (self->klass);
  const char *search_condition = placements_record_class_get_search_condition (self->klass);
  g_autoptr(GPtrArray) words = search_words (self->search_text);
  g_autoptr(GPtrArray) bindings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GPtrArray) order_terms = g_ptr_array_new_with_free_func (g_free);
  const char *joiner = " WHERE ";
  Query *query;

  g_string_append_printf (sql, "SELECT %s.id FROM %s", table,
                          placements_record_class_get_list_from (self->klass));

  for (guint i = 0; i < self->filters->len; i++)
    {
      Filter *filter = g_ptr_array_index (self->filters, i);

      g_string_append_printf (sql, "%s%s.%s = ?", joiner, table, filter->column);
      g_ptr_array_add (bindings, g_strdup (filter->value));
      joiner = " AND ";
    }

  for (guint i = 0; i < self->conditions->len; i++)
    {
      Filter *condition = g_ptr_array_index (self->conditions, i);

      g_string_append_printf (sql, "%s%s", joiner, find_condition (self, condition->column));
      g_ptr_array_add (bindings, g_strdup (condition->value));
      joiner = " AND ";
    }

  if (words->len > 0 && search_condition != NULL)
    {
      g_autofree char *match = fts_query (self->search_text);

      /* Nothing but punctuation typed: nothing can match. */
      g_string_append_printf (sql, "%s%s", joiner, *match != '\0' ? search_condition : "0");
      if (*match != '\0')
        g_ptr_array_add (bindings, g_steal_pointer (&match));
    }
  else if (words->len > 0)
    {
      /* Types without a full-text index (notes, audit events) are few rows a client.
       * Their text is folded as the index's is, by the store's SQL function. */
      for (guint w = 0; w < words->len; w++)
        {
          g_autofree char *folded = placements_fold_text (g_ptr_array_index (words, w));
          const char *or = "";

          g_string_append_printf (sql, "%s(", joiner);
          for (guint i = 0; i < placements_record_class_get_n_fields (self->klass); i++)
            {
              const PlacementsField *field = placements_record_class_get_field (self->klass, i);

              if ((field->flags & PLACEMENTS_FIELD_SEARCHABLE) == 0 || !is_text_column (field))
                continue;
              g_string_append_printf (sql, "%splacements_fold(%s.%s) LIKE ? ESCAPE '\\'", or,
                                      table, field->column);
              g_ptr_array_add (bindings, like_pattern (folded));
              or = " OR ";
            }
          g_string_append (sql, *or == '\0' ? "0)" : ")");
          joiner = " AND ";
        }
    }

  g_string_append (sql, " ORDER BY ");
  if (self->sort_field != NULL)
    {
      const PlacementsField *field =
        placements_record_class_find_field (self->klass, self->sort_field);
      g_autofree char *term = NULL;

      /* A name column is sorted the way the sort key sorts names (and its index). */
      if (self->klass->dup_sort_key != NULL &&
          (g_str_equal (field->column, "name") || g_str_equal (field->column, "family_name")))
        term = g_strdup_printf ("%s.sort_key", table);
      /* References and codes by what the list shows: a name, a label. */
      else if (field->references != G_TYPE_INVALID)
        term = reference_order_term (self, field);
      else if (G_TYPE_IS_ENUM (field->pspec->value_type))
        term = code_order_term (self, field);
      else
        term = g_strdup_printf ("%s.%s%s", table, field->column,
                                is_text_column (field) ? " COLLATE NOCASE" : "");

      append_order (sql, order_terms, term, self->descending);
    }
  append_order (sql, order_terms, placements_record_class_get_default_order (self->klass),
                self->descending);
  {
    g_autofree char *id_term = g_strdup_printf ("%s.id", table);

    append_order (sql, order_terms, id_term, self->descending);
  }

  query = g_new0 (Query, 1);
  query->sql = g_string_free (g_steal_pointer (&sql), FALSE);
  query->bindings = g_steal_pointer (&bindings);
  return query;
}

/* The ordered row ids the query selects, on @store's connection. */
static GArray *
execute_query (PlacementsStore  *store,
               const Query      *query,
               GError          **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *statement;
  int result;

  statement = placements_store_prepare (store, query->sql, error);
  if (statement == NULL)
    return NULL;
  for (guint i = 0; i < query->bindings->len; i++)
    sqlite3_bind_text (statement, (int) i + 1, g_ptr_array_index (query->bindings, i), -1,
                       SQLITE_STATIC);

  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      gint64 row_id = sqlite3_column_int64 (statement, 0);

      g_array_append_val (ids, row_id);
    }
  if (result != SQLITE_DONE)
    {
      placements_store_set_sqlite_error (store, error, _("The database could not be read"));
      sqlite3_reset (statement);
      return NULL;
    }
  sqlite3_reset (statement);
  sqlite3_clear_bindings (statement);

  return g_steal_pointer (&ids);
}

static GArray *
run_query (PlacementsRecordList  *self,
           GError               **error)
{
  Query *query = build_query (self);
  GArray *ids = execute_query (self->store, query, error);

  query_free (query);
  return ids;
}

/* One items-changed for the span between the common head and the common tail. */
static void
replace_ids (PlacementsRecordList *self,
             GArray               *ids)
{
  g_autoptr(GArray) old_ids = self->ids;
  guint old_len = old_ids->len;
  guint new_len = ids->len;
  guint head = 0;
  guint tail = 0;

  self->ids = g_array_ref (ids);

  while (head < old_len && head < new_len &&
         g_array_index (old_ids, gint64, head) == g_array_index (ids, gint64, head))
    head++;
  while (tail < old_len - head && tail < new_len - head &&
         g_array_index (old_ids, gint64, old_len - 1 - tail) ==
         g_array_index (ids, gint64, new_len - 1 - tail))
    tail++;

  if (old_len - head - tail == 0 && new_len - head - tail == 0)
    return;

  /*
   * A large span (a new order, a search, clearing it) is said as a removal, then an addition.
   * Told of both at once, GTK 4.8's list views look for the rows they were showing among the
   * added rows, asking for each in turn until they find them: at the end of a list sorted
   * the other way, that made the list read and build every record of 100,000 rows, seconds
   * of work for the ~50 rows on screen. Told apart, they have nothing to look for.
   */
  if (old_len - head - tail > 0 && new_len - head - tail > 0 &&
      (old_len - head - tail) + (new_len - head - tail) > MAX_CACHED)
    {
      g_autoptr(GArray) between = g_array_sized_new (FALSE, FALSE, sizeof (gint64),
                                                     head + tail);

      g_array_append_vals (between, old_ids->data, head);
      g_array_append_vals (between, &g_array_index (old_ids, gint64, old_len - tail), tail);
      g_array_unref (self->ids);
      self->ids = g_steal_pointer (&between);
      g_list_model_items_changed (G_LIST_MODEL (self), head, old_len - head - tail, 0);
      g_array_unref (self->ids);
      self->ids = g_array_ref (ids);
      g_list_model_items_changed (G_LIST_MODEL (self), head, 0, new_len - head - tail);
      return;
    }

  g_list_model_items_changed (G_LIST_MODEL (self), head, old_len - head - tail,
                              new_len - head - tail);
}

/* The list says why it could not be read, rather than look empty. */
static void
set_error (PlacementsRecordList *self,
           const GError         *error)
{
  if (self->error == NULL && error == NULL)
    return;
  if (self->error != NULL && error != NULL && self->error->domain == error->domain &&
      self->error->code == error->code && g_str_equal (self->error->message, error->message))
    return;

  g_clear_error (&self->error);
  if (error != NULL)
    {
      self->error = g_error_copy (error);
      g_warning ("The list of %s could not be read: %s",
                 placements_record_class_get_table (self->klass), error->message);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
show_ids (PlacementsRecordList *self,
          GArray               *ids,
          const GError         *error)
{
  g_autoptr(GArray) none = NULL;

  if (ids == NULL)
    ids = none = g_array_new (FALSE, FALSE, sizeof (gint64));
  replace_ids (self, ids);
  g_hash_table_remove_all (self->placeholders);
  set_error (self, error);
}

static void
set_querying (PlacementsRecordList *self,
              gboolean              querying)
{
  if (self->querying == querying)
    return;
  self->querying = querying;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void launch_query (PlacementsRecordList *self);

/* In a worker thread: the ids, read on the list's own connection, opened the first time. */
static void
query_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  PlacementsRecordList *self = source_object;
  GError *error = NULL;
  GArray *ids;

  if (self->reader == NULL)
    {
      PlacementsStoreOpenFlags flags = placements_store_get_open_flags (self->store);

      self->reader = placements_store_open_full (placements_store_get_path (self->store),
                                                 flags | PLACEMENTS_STORE_OPEN_FOR_READING,
                                                 &error);
      if (self->reader == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  ids = execute_query (self->reader, task_data, &error);
  if (ids == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

static void
query_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  PlacementsRecordList *self = PLACEMENTS_RECORD_LIST (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_task_propagate_pointer (G_TASK (result), &error);

  if (self->query_again)
    {
      /* The answer is to an older question: the newer one is asked now. */
      self->query_again = FALSE;
      launch_query (self);
      return;
    }
  show_ids (self, ids, error);
  set_querying (self, FALSE);
}

static void
launch_query (PlacementsRecordList *self)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, query_done_cb, NULL);

  g_task_set_source_tag (task, launch_query);
  g_task_set_task_data (task, build_query (self), query_free);
  g_task_run_in_thread (task, query_thread);
}

static void
start_query (PlacementsRecordList *self)
{
  if (self->querying)
    {
      self->query_again = TRUE;
      return;
    }
  set_querying (self, TRUE);
  launch_query (self);
}

static void
requery (PlacementsRecordList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  g_clear_handle_id (&self->requery_source, g_source_remove);
  if (self->threaded)
    {
      start_query (self);
      return;
    }
  ids = run_query (self, &error);
  show_ids (self, ids, error);
}

static gboolean
requery_cb (gpointer user_data)
{
  PlacementsRecordList *self = user_data;

  self->requery_source = 0;
  requery (self);
  return G_SOURCE_REMOVE;
}

/*
 * Always PAGE_SIZE placeholders, whatever the number of rows wanted: one statement
 * per type serves every page, where a statement per width left up to PAGE_SIZE of
 * them in the store's cache. Unused slots stay NULL, which IN never matches.
 */
static char *
id_list_sql (PlacementsRecordList *self)
{
  g_autofree char *own_columns = placements_store_record_columns (self->klass);
  g_autoptr(GString) columns = g_string_new (own_columns);
  g_autoptr(GString) joins = g_string_new (NULL);
  g_autoptr(GString) sql = g_string_new (NULL);
  const char *table = placements_record_class_get_table (self->klass);

  /* The record each reference points to comes along, for its display name: one query a
   * page, not a load for each cell that shows a name. */
  for (guint i = 0; i < placements_record_class_get_n_fields (self->klass); i++)
    {
      const PlacementsField *field = placements_record_class_get_field (self->klass, i);
      g_autoptr(PlacementsRecordClass) target = NULL;
      g_autofree char *alias = NULL;
      g_autofree char *target_columns = NULL;

      if (field->references == G_TYPE_INVALID)
        continue;
      target = g_type_class_ref (field->references);
      alias = g_strdup_printf ("reference_%u", i);
      target_columns = placements_store_record_columns_as (target, alias);
      g_string_append_printf (columns, ", %s", target_columns);
      g_string_append_printf (joins, " LEFT JOIN %s AS %s ON %s.uuid = %s.%s",
                              placements_record_class_get_table (target), alias, alias, table,
                              field->column);
    }

  g_string_append_printf (sql, "SELECT %s FROM %s%s WHERE %s.id IN (", columns->str, table,
                          joins->str, table);
  for (guint i = 0; i < PAGE_SIZE; i++)
    g_string_append (sql, i == 0 ? "?" : ", ?");
  g_string_append (sql, ")");
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* Hands @record the names of the records its references point to, from the row's joined
 * columns; a cell showing one hears of a new name as a change of the reference. */
static void
set_reference_names (PlacementsRecordList *self,
                     PlacementsRecord     *record,
                     gboolean              is_new,
                     sqlite3_stmt         *statement)
{
  int column = 4 + (int) placements_record_class_get_n_fields (self->klass);

  for (guint i = 0; i < placements_record_class_get_n_fields (self->klass); i++)
    {
      const PlacementsField *field = placements_record_class_get_field (self->klass, i);
      g_autoptr(PlacementsRecordClass) target = NULL;
      g_autofree char *old_name = NULL;
      g_autofree char *name = NULL;

      if (field->references == G_TYPE_INVALID)
        continue;
      target = g_type_class_ref (field->references);
      if (!is_new)
        old_name = placements_record_dup_reference_name (record, field->pspec->name, NULL);
      /* An empty or dangling reference has no name: "" rather than a load later. */
      if (sqlite3_column_type (statement, column) != SQLITE_NULL)
        {
          g_autoptr(PlacementsRecord) referenced =
            placements_store_record_from_row (field->references, statement, column);

          name = placements_record_dup_display_name (referenced, self->store);
        }
      placements_record_set_reference_name (record, field->pspec->name,
                                            name != NULL ? name : "");
      /* Nothing shows a record the list has just made. */
      if (!is_new && g_strcmp0 (old_name, name != NULL ? name : "") != 0)
        g_object_notify_by_pspec (G_OBJECT (record), field->pspec);
      column += 4 + (int) placements_record_class_get_n_fields (target);
    }
}

/* Loads the rows of @wanted; each row either refreshes its cached record or is added. */
static gboolean
load_rows (PlacementsRecordList  *self,
           const gint64          *wanted,
           guint                  n_wanted,
           GError               **error)
{
  g_autofree char *sql = NULL;
  sqlite3_stmt *statement;
  int result;

  g_return_val_if_fail (n_wanted <= PAGE_SIZE, FALSE);

  if (n_wanted == 0)
    return TRUE;

  sql = id_list_sql (self);
  statement = placements_store_prepare (self->store, sql, error);
  if (statement == NULL)
    return FALSE;
  for (guint i = 0; i < n_wanted; i++)
    sqlite3_bind_int64 (statement, (int) i + 1, wanted[i]);
  for (guint i = n_wanted; i < PAGE_SIZE; i++)
    sqlite3_bind_null (statement, (int) i + 1);

  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      gint64 row_id = sqlite3_column_int64 (statement, 0);
      CacheEntry *entry = g_hash_table_lookup (self->cache, &row_id);
      PlacementsRecord *record;
      gboolean is_new = entry == NULL;

      if (!is_new)
        {
          record = entry->record;
          placements_store_refresh_from_row (record, statement, 0);
        }
      else
        {
          record = placements_store_record_from_row (self->record_type, statement, 0);
          cache_insert (self, record);
        }
      set_reference_names (self, record, is_new, statement);
    }
  if (result != SQLITE_DONE)
    placements_store_set_sqlite_error (self->store, error, _("The database could not be read"));
  sqlite3_reset (statement);
  return result == SQLITE_DONE;
}

static void
fetch_page (PlacementsRecordList *self,
            guint                 position)
{
  guint start = position - position % PAGE_SIZE;
  guint end = MIN (start + PAGE_SIZE, self->ids->len);
  gint64 wanted[PAGE_SIZE];
  guint n_wanted = 0;
  g_autoptr(GError) error = NULL;

  for (guint i = start; i < end; i++)
    {
      gint64 row_id = g_array_index (self->ids, gint64, i);

      if (!g_hash_table_contains (self->cache, &row_id))
        wanted[n_wanted++] = row_id;
    }
  if (!load_rows (self, wanted, n_wanted, &error))
    set_error (self, error);
}

static gboolean
is_listed (const char * const *uuids,
           const char         *uuid)
{
  return uuids == NULL || (uuid != NULL && g_strv_contains (uuids, uuid));
}

/* Whether @record is one of @uuids of @record_type, or refers to one of them. */
static gboolean
is_affected (PlacementsRecordList *self,
             PlacementsRecord     *record,
             GType                 record_type,
             const char * const   *uuids)
{
  if (record_type == self->record_type &&
      is_listed (uuids, placements_record_get_uuid (record)))
    return TRUE;

  for (guint i = 0; i < placements_record_class_get_n_fields (self->klass); i++)
    {
      const PlacementsField *field = placements_record_class_get_field (self->klass, i);

      if (field->references == record_type &&
          is_listed (uuids, placements_record_get_string (record, i + 1)))
        return TRUE;
    }
  return FALSE;
}

/* Cached records show the new values, and the new names of the records they refer to, at
 * once: bound widgets follow their notify. */
static void
refresh_cached (PlacementsRecordList *self,
                GType                 record_type,
                const char * const   *uuids)
{
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  CacheEntry *entry;

  g_hash_table_iter_init (&iter, self->cache);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &entry))
    {
      gint64 row_id = placements_record_get_row_id (entry->record);

      if (record_type == G_TYPE_INVALID ||
          is_affected (self, entry->record, record_type, uuids))
        g_array_append_val (stale, row_id);
    }

  for (guint i = 0; i < stale->len; i += PAGE_SIZE)
    {
      g_autoptr(GError) error = NULL;

      if (!load_rows (self, &g_array_index (stale, gint64, i), MIN (PAGE_SIZE, stale->len - i),
                      &error))
        {
          set_error (self, error);
          return;
        }
    }
}

static gboolean
depends_on (PlacementsRecordList *self,
            GType                 record_type)
{
  if (record_type == self->record_type)
    return TRUE;
  for (guint i = 0; i < placements_record_class_get_n_fields (self->klass); i++)
    if (placements_record_class_get_field (self->klass, i)->references == record_type)
      return TRUE;
  return FALSE;
}

static gboolean
refresh_all_cb (gpointer user_data)
{
  PlacementsRecordList *self = user_data;

  self->refresh_source = 0;
  refresh_cached (self, G_TYPE_INVALID, NULL);
  return G_SOURCE_REMOVE;
}

static void
store_changed_cb (PlacementsRecordList *self,
                  GType                 record_type,
                  const char * const   *uuids,
                  PlacementsStore      *store)
{
  if (!depends_on (self, record_type))
    return;
  if (self->threaded && uuids == NULL)
    {
      if (self->refresh_source == 0)
        {
          self->refresh_source = g_idle_add (refresh_all_cb, self);
          g_source_set_name_by_id (self->refresh_source, "[placements] record list refresh");
        }
    }
  else
    refresh_cached (self, record_type, uuids);
  requery (self);
}

static GType
placements_record_list_get_item_type (GListModel *model)
{
  return PLACEMENTS_RECORD_LIST (model)->record_type;
}

static guint
placements_record_list_get_n_items (GListModel *model)
{
  return PLACEMENTS_RECORD_LIST (model)->ids->len;
}

static gpointer
placements_record_list_get_item (GListModel *model,
                                 guint       position)
{
  PlacementsRecordList *self = PLACEMENTS_RECORD_LIST (model);
  PlacementsRecord *record;
  gint64 row_id;

  if (position >= self->ids->len)
    return NULL;

  row_id = g_array_index (self->ids, gint64, position);
  record = cache_lookup (self, row_id);
  if (record == NULL)
    {
      fetch_page (self, position);
      record = cache_lookup (self, row_id);
    }
  if (record != NULL)
    return g_object_ref (record);

  /*
   * The row vanished since the query (another program deleted it), or could not be read.
   * A GListModel may not answer NULL below its length: an empty record of the type stands
   * in, the same one each time, until the list is read again, soon.
   */
  record = g_hash_table_lookup (self->placeholders, &row_id);
  if (record == NULL)
    {
      gint64 *key = g_new (gint64, 1);

      *key = row_id;
      record = g_object_new (self->record_type, NULL);
      g_hash_table_insert (self->placeholders, key, record);
    }
  if (self->requery_source == 0)
    {
      self->requery_source = g_idle_add (requery_cb, self);
      g_source_set_name_by_id (self->requery_source, "[placements] record list requery");
    }
  return g_object_ref (record);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = placements_record_list_get_item_type;
  iface->get_n_items = placements_record_list_get_n_items;
  iface->get_item = placements_record_list_get_item;
}

static void
placements_record_list_constructed (GObject *object)
{
  PlacementsRecordList *self = PLACEMENTS_RECORD_LIST (object);

  G_OBJECT_CLASS (placements_record_list_parent_class)->constructed (object);

  g_assert (PLACEMENTS_IS_STORE (self->store));
  g_assert (g_type_is_a (self->record_type, PLACEMENTS_TYPE_RECORD));

  self->klass = g_type_class_ref (self->record_type);
  self->changed_handler = g_signal_connect_object (self->store, "changed",
                                                   G_CALLBACK (store_changed_cb), self,
                                                   G_CONNECT_SWAPPED);
  /* A database without a file (in memory) has no second connection to read it. */
  if (self->threaded && placements_store_get_path (self->store) == NULL)
    self->threaded = FALSE;
  if (self->threaded)
    {
      start_query (self);
      return;
    }
  {
    g_autoptr(GError) error = NULL;
    GArray *ids = run_query (self, &error);

    if (ids != NULL)
      {
        g_array_unref (self->ids);
        self->ids = ids;
      }
    set_error (self, error);
  }
}

static void
placements_record_list_finalize (GObject *object)
{
  PlacementsRecordList *self = PLACEMENTS_RECORD_LIST (object);

  g_clear_handle_id (&self->requery_source, g_source_remove);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  cache_clear (self);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->placeholders, g_hash_table_unref);
  g_clear_error (&self->error);
  g_clear_pointer (&self->ids, g_array_unref);
  g_clear_pointer (&self->filters, g_ptr_array_unref);
  g_clear_pointer (&self->conditions, g_ptr_array_unref);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->sort_field, g_free);
  g_clear_pointer (&self->klass, g_type_class_unref);
  g_clear_object (&self->reader);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (placements_record_list_parent_class)->finalize (object);
}

static void
placements_record_list_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PlacementsRecordList *self = PLACEMENTS_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_RECORD_TYPE:
      g_value_set_gtype (value, self->record_type);
      break;
    case PROP_SEARCH_TEXT:
      g_value_set_string (value, self->search_text);
      break;
    case PROP_SORT_FIELD:
      g_value_set_string (value, self->sort_field);
      break;
    case PROP_SORT_DESCENDING:
      g_value_set_boolean (value, self->descending);
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_THREADED:
      g_value_set_boolean (value, self->threaded);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->querying);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
placements_record_list_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PlacementsRecordList *self = PLACEMENTS_RECORD_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_RECORD_TYPE:
      self->record_type = g_value_get_gtype (value);
      break;
    case PROP_SEARCH_TEXT:
      placements_record_list_set_search_text (self, g_value_get_string (value));
      break;
    case PROP_SORT_FIELD:
      placements_record_list_set_sort (self, g_value_get_string (value), self->descending);
      break;
    case PROP_SORT_DESCENDING:
      placements_record_list_set_sort (self, self->sort_field, g_value_get_boolean (value));
      break;
    case PROP_THREADED:
      self->threaded = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
placements_record_list_class_init (PlacementsRecordListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = placements_record_list_constructed;
  object_class->finalize = placements_record_list_finalize;
  object_class->get_property = placements_record_list_get_property;
  object_class->set_property = placements_record_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PLACEMENTS_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD_TYPE] =
    g_param_spec_gtype ("record-type", NULL, NULL, PLACEMENTS_TYPE_RECORD,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_TEXT] =
    g_param_spec_string ("search-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_FIELD] =
    g_param_spec_string ("sort-field", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_DESCENDING] =
    g_param_spec_boolean ("sort-descending", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlacementsRecordList:error:
   *
   * Why the list could not be read the last time it tried, or %NULL. The list is then
   * empty: a view shows this, not "no records".
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * PlacementsRecordList:threaded:
   *
   * Whether the list reads its rows' order on a worker thread, from a connection of its
   * own, so that the thread it is used on never waits for a query over many rows (a sort,
   * a search, a change to a large table). Until the answer comes the list shows what it
   * showed; #PlacementsRecordList:loading says a query is under way.
   */
  properties[PROP_THREADED] =
    g_param_spec_boolean ("threaded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static guint
int64_hash (gconstpointer key)
{
  return g_int64_hash (key);
}

static void
placements_record_list_init (PlacementsRecordList *self)
{
  self->filters = g_ptr_array_new_with_free_func (filter_free);
  self->conditions = g_ptr_array_new_with_free_func (filter_free);
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->cache = g_hash_table_new_full (int64_hash, g_int64_equal, NULL, cache_entry_free);
  self->placeholders = g_hash_table_new_full (int64_hash, g_int64_equal, g_free,
                                              g_object_unref);
  g_queue_init (&self->lru);
}

PlacementsRecordList *
placements_record_list_new (PlacementsStore *store,
                            GType            record_type)
{
  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, PLACEMENTS_TYPE_RECORD), NULL);

  return g_object_new (PLACEMENTS_TYPE_RECORD_LIST,
                       "store", store,
                       "record-type", record_type,
                       NULL);
}

PlacementsRecordList *
placements_record_list_new_threaded (PlacementsStore *store,
                                     GType            record_type)
{
  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, PLACEMENTS_TYPE_RECORD), NULL);

  return g_object_new (PLACEMENTS_TYPE_RECORD_LIST,
                       "store", store,
                       "record-type", record_type,
                       "threaded", TRUE,
                       NULL);
}

gboolean
placements_record_list_is_loading (PlacementsRecordList *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_LIST (self), FALSE);
  return self->querying;
}

PlacementsStore *
placements_record_list_get_store (PlacementsRecordList *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_LIST (self), NULL);
  return self->store;
}

GType
placements_record_list_get_record_type (PlacementsRecordList *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_LIST (self), G_TYPE_INVALID);
  return self->record_type;
}

const char *
placements_record_list_get_search_text (PlacementsRecordList *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_LIST (self), NULL);
  return self->search_text;
}

void
placements_record_list_set_search_text (PlacementsRecordList *self,
                                        const char           *text)
{
  g_return_if_fail (PLACEMENTS_IS_RECORD_LIST (self));

  if (text != NULL && *text == '\0')
    text = NULL;
  if (g_strcmp0 (self->search_text, text) == 0)
    return;
  g_free (self->search_text);
  self->search_text = g_strdup (text);
  if (self->klass != NULL)
    requery (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_TEXT]);
}

const char *
placements_record_list_get_sort_field (PlacementsRecordList *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_LIST (self), NULL);
  return self->sort_field;
}

gboolean
placements_record_list_get_sort_descending (PlacementsRecordList *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_LIST (self), FALSE);
  return self->descending;
}

void
placements_record_list_set_sort (PlacementsRecordList *self,
                                 const char           *field,
                                 gboolean              descending)
{
  gboolean field_changed;
  gboolean direction_changed;

  g_return_if_fail (PLACEMENTS_IS_RECORD_LIST (self));
  g_return_if_fail (field == NULL || self->klass == NULL ||
                    placements_record_class_find_field (self->klass, field) != NULL);

  descending = !!descending;
  field_changed = g_strcmp0 (self->sort_field, field) != 0;
  direction_changed = self->descending != descending;
  if (!field_changed && !direction_changed)
    return;

  g_free (self->sort_field);
  self->sort_field = g_strdup (field);
  self->descending = descending;
  if (self->klass != NULL)
    requery (self);
  if (field_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_FIELD]);
  if (direction_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SORT_DESCENDING]);
}

static int
compare_filters (gconstpointer a,
                 gconstpointer b)
{
  const Filter *first = *(const Filter * const *) a;
  const Filter *second = *(const Filter * const *) b;

  return strcmp (first->column, second->column);
}

void
placements_record_list_set_filter (PlacementsRecordList *self,
                                   const char           *field_name,
                                   const char           *value)
{
  const PlacementsField *field;
  Filter *filter;

  g_return_if_fail (PLACEMENTS_IS_RECORD_LIST (self));
  field = placements_record_class_find_field (self->klass, field_name);
  g_return_if_fail (field != NULL);

  for (guint i = 0; i < self->filters->len; i++)
    {
      filter = g_ptr_array_index (self->filters, i);
      if (g_str_equal (filter->column, field->column))
        {
          if (g_strcmp0 (filter->value, value) == 0)
            return;
          g_ptr_array_remove_index (self->filters, i);
          break;
        }
    }

  if (value != NULL)
    {
      filter = g_new0 (Filter, 1);
      filter->column = g_strdup (field->column);
      /* Booleans are stored as 0 and 1. */
      if (field->pspec->value_type == G_TYPE_BOOLEAN)
        value = g_str_equal (value, "true") || g_str_equal (value, "1") ? "1" : "0";
      filter->value = g_strdup (value);
      g_ptr_array_add (self->filters, filter);
      g_ptr_array_sort (self->filters, compare_filters);
    }
  requery (self);
}

gboolean
placements_record_list_has_condition (PlacementsRecordList *self,
                                      const char           *name)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_LIST (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  return find_condition (self, name) != NULL;
}

void
placements_record_list_set_condition (PlacementsRecordList *self,
                                      const char           *name,
                                      const char           *value)
{
  Filter *condition;

  g_return_if_fail (PLACEMENTS_IS_RECORD_LIST (self));
  g_return_if_fail (name != NULL);
  g_return_if_fail (find_condition (self, name) != NULL);

  for (guint i = 0; i < self->conditions->len; i++)
    {
      condition = g_ptr_array_index (self->conditions, i);
      if (g_str_equal (condition->column, name))
        {
          if (g_strcmp0 (condition->value, value) == 0)
            return;
          g_ptr_array_remove_index (self->conditions, i);
          break;
        }
    }

  if (value != NULL)
    {
      condition = g_new0 (Filter, 1);
      condition->column = g_strdup (name);
      condition->value = g_strdup (value);
      g_ptr_array_add (self->conditions, condition);
      g_ptr_array_sort (self->conditions, compare_filters);
    }
  requery (self);
}

void
placements_record_list_refresh (PlacementsRecordList *self)
{
  g_return_if_fail (PLACEMENTS_IS_RECORD_LIST (self));

  refresh_cached (self, G_TYPE_INVALID, NULL);
  requery (self);
}

int
placements_record_list_find (PlacementsRecordList *self,
                             const char           *uuid)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *statement;
  gint64 row_id = -1;

  g_return_val_if_fail (PLACEMENTS_IS_RECORD_LIST (self), -1);

  sql = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?",
                         placements_record_class_get_table (self->klass));
  statement = placements_store_prepare (self->store, sql, &error);
  if (statement == NULL)
    return -1;
  sqlite3_bind_text (statement, 1, uuid, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (statement) == SQLITE_ROW)
    row_id = sqlite3_column_int64 (statement, 0);
  sqlite3_reset (statement);

  for (guint i = 0; row_id >= 0 && i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == row_id)
      return (int) i;
  return -1;
}

/**
 * placements_record_list_get_error:
 * @self: a #PlacementsRecordList
 *
 * Returns: (nullable) (transfer none): why the list could not be read, or %NULL
 */
const GError *
placements_record_list_get_error (PlacementsRecordList *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_LIST (self), NULL);
  return self->error;
}

guint
placements_record_list_get_n_cached (PlacementsRecordList *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_LIST (self), 0);
  return g_hash_table_size (self->cache);
}
