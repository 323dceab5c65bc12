#define G_LOG_DOMAIN "placements-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <sqlite3.h>

#include "placements-enums.h"
#include "placements-sort-key.h"
#include "placements-store-private.h"

/*
 * Between a row and a record: the columns a SELECT lists, a row's values into a
 * record, a record's values bound to a statement, and the folded text the
 * full-text index holds (also as SQL functions, for the migrations that compute it
 * for rows already stored). No state: the store keeps that.
 */

char *
placements_store_record_columns (PlacementsRecordClass *klass)
{
  return placements_store_record_columns_as (klass, placements_record_class_get_table (klass));
}

char *
placements_store_record_columns_as (PlacementsRecordClass *klass,
                                    const char            *table)
{
  g_autoptr(GString) columns = g_string_new (NULL);

  g_string_append_printf (columns, "%s.id, %s.uuid, %s.created, %s.updated",
                          table, table, table, table);
  for (guint i = 0; i < placements_record_class_get_n_fields (klass); i++)
    g_string_append_printf (columns, ", %s.%s", table,
                            placements_record_class_get_field (klass, i)->column);
  return g_string_free (g_steal_pointer (&columns), FALSE);
}

/* Reads one column into a GValue of the field's type; NULL gives the default. */
static void
column_to_value (const PlacementsField *field,
                 sqlite3_stmt          *statement,
                 int                    column,
                 GValue                *value)
{
  GType type = field->pspec->value_type;
  gboolean is_null = sqlite3_column_type (statement, column) == SQLITE_NULL;

  g_value_init (value, type);
  if (is_null)
    {
      g_param_value_set_default (field->pspec, value);
      if (G_TYPE_IS_ENUM (type))
        {
          int none = 0;

          /* An empty code is the enum's NONE value where it has one. */
          if (placements_enum_from_nick (type, "none", &none))
            g_value_set_enum (value, none);
        }
      return;
    }

  if (type == G_TYPE_STRING)
    g_value_set_string (value, (const char *) sqlite3_column_text (statement, column));
  else if (type == G_TYPE_INT)
    g_value_set_int (value, sqlite3_column_int (statement, column));
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, sqlite3_column_int64 (statement, column));
  else if (type == G_TYPE_DOUBLE)
    g_value_set_double (value, sqlite3_column_double (statement, column));
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, sqlite3_column_int (statement, column) != 0);
  else if (G_TYPE_IS_FLAGS (type))
    g_value_set_flags (value, (guint) sqlite3_column_int64 (statement, column));
  else if (G_TYPE_IS_ENUM (type))
    {
      int code = 0;

      if (placements_enum_from_nick (type, (const char *) sqlite3_column_text (statement, column),
                                     &code))
        g_value_set_enum (value, code);
      else
        g_param_value_set_default (field->pspec, value);
    }
  else
    g_assert_not_reached ();
}

PlacementsRecord *
placements_store_record_from_row (GType         record_type,
                                  sqlite3_stmt *statement,
                                  int           column)
{
  g_autoptr(PlacementsRecordClass) klass = g_type_class_ref (record_type);
  PlacementsRecord *record;
  guint n_fields = placements_record_class_get_n_fields (klass);

  record = g_object_new (record_type,
                         "uuid", (const char *) sqlite3_column_text (statement, column + 1),
                         NULL);
  placements_record_set_stored (record,
                                sqlite3_column_int64 (statement, column),
                                (const char *) sqlite3_column_text (statement, column + 2),
                                (const char *) sqlite3_column_text (statement, column + 3));
  for (guint i = 0; i < n_fields; i++)
    {
      GValue value = G_VALUE_INIT;

      column_to_value (placements_record_class_get_field (klass, i), statement,
                       column + 4 + (int) i, &value);
      placements_record_load_value (record, i + 1, &value);
    }
  return record;
}

void
placements_store_refresh_from_row (PlacementsRecord *record,
                                   sqlite3_stmt     *statement,
                                   int               column)
{
  PlacementsRecordClass *klass = PLACEMENTS_RECORD_GET_CLASS (record);
  guint n_fields = placements_record_class_get_n_fields (klass);

  g_object_freeze_notify (G_OBJECT (record));
  placements_record_set_stored (record,
                                sqlite3_column_int64 (statement, column),
                                (const char *) sqlite3_column_text (statement, column + 2),
                                (const char *) sqlite3_column_text (statement, column + 3));
  for (guint i = 0; i < n_fields; i++)
    {
      const PlacementsField *field = placements_record_class_get_field (klass, i);
      g_auto(GValue) value = G_VALUE_INIT;

      column_to_value (field, statement, column + 4 + (int) i, &value);
      g_object_set_property (G_OBJECT (record), field->pspec->name, &value);
    }
  g_object_thaw_notify (G_OBJECT (record));
}

void
placements_store_bind_field (sqlite3_stmt          *statement,
                             int                    index,
                             const PlacementsField *field,
                             const GValue          *value)
{
  GType type = G_VALUE_TYPE (value);
  gboolean zero_is_empty = (field->flags & PLACEMENTS_FIELD_ZERO_IS_EMPTY) != 0;

  if (type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (value);

      if (text == NULL || *text == '\0')
        sqlite3_bind_null (statement, index);
      else
        sqlite3_bind_text (statement, index, text, -1, SQLITE_TRANSIENT);
    }
  else if (type == G_TYPE_INT)
    {
      if (zero_is_empty && g_value_get_int (value) == 0)
        sqlite3_bind_null (statement, index);
      else
        sqlite3_bind_int (statement, index, g_value_get_int (value));
    }
  else if (type == G_TYPE_INT64)
    {
      if (zero_is_empty && g_value_get_int64 (value) == 0)
        sqlite3_bind_null (statement, index);
      else
        sqlite3_bind_int64 (statement, index, g_value_get_int64 (value));
    }
  else if (type == G_TYPE_DOUBLE)
    {
      if (zero_is_empty && g_value_get_double (value) == 0.0)
        sqlite3_bind_null (statement, index);
      else
        sqlite3_bind_double (statement, index, g_value_get_double (value));
    }
  else if (type == G_TYPE_BOOLEAN)
    sqlite3_bind_int (statement, index, g_value_get_boolean (value) ? 1 : 0);
  else if (G_TYPE_IS_FLAGS (type))
    sqlite3_bind_int64 (statement, index, g_value_get_flags (value));
  else if (G_TYPE_IS_ENUM (type))
    {
      /* The pspec holds the enum class: no class lookup for every value written. */
      GEnumValue *code = g_enum_get_value (G_PARAM_SPEC_ENUM (field->pspec)->enum_class,
                                           g_value_get_enum (value));
      const char *nick = code != NULL ? code->value_nick : NULL;

      if (nick == NULL || g_str_equal (nick, "none"))
        sqlite3_bind_null (statement, index);
      else
        sqlite3_bind_text (statement, index, nick, -1, SQLITE_STATIC);
    }
  else
    g_assert_not_reached ();
}

/*
 * The words of the searchable fields, folded as a coordinator types them. The
 * full-text index holds this, so that "yilmaz" finds "Yılmaz": SQLite's tokenizer
 * takes marks off but leaves letters such as ı, ł or ø as they are. The SQL
 * function placements_fold() of a migration makes the same text from the columns.
 */
char *
placements_store_dup_search_text (PlacementsRecordClass *klass,
                                  PlacementsRecord      *record)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = 0; i < placements_record_class_get_n_fields (klass); i++)
    {
      const PlacementsField *field = placements_record_class_get_field (klass, i);
      const GValue *value;
      const char *text;

      if ((field->flags & PLACEMENTS_FIELD_SEARCHABLE) == 0 ||
          field->pspec->value_type != G_TYPE_STRING)
        continue;
      value = placements_record_get_value (record, i + 1);
      text = g_value_get_string (value);
      if (text == NULL || *text == '\0')
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, text);
    }
  return placements_fold_text (joined->str);
}

/* placements_fold(text, ...): the non-empty arguments joined by spaces, folded. */
void
placements_store_sql_fold (sqlite3_context  *context,
                           int               argc,
                           sqlite3_value   **argv)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  g_autofree char *folded = NULL;

  for (int i = 0; i < argc; i++)
    {
      const char *text = (const char *) sqlite3_value_text (argv[i]);

      if (text == NULL || *text == '\0')
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, text);
    }
  folded = placements_fold_text (joined->str);
  sqlite3_result_text (context, g_steal_pointer (&folded), -1, g_free);
}

void
placements_store_sql_sort_key_for_text (sqlite3_context  *context,
                                        int               argc,
                                        sqlite3_value   **argv)
{
  char *key = placements_sort_key_for_text ((const char *) sqlite3_value_text (argv[0]));

  sqlite3_result_text (context, key, -1, g_free);
}

void
placements_store_sql_sort_key_for_name (sqlite3_context  *context,
                                        int               argc,
                                        sqlite3_value   **argv)
{
  char *key = placements_sort_key_for_name ((const char *) sqlite3_value_text (argv[0]),
                                            (const char *) sqlite3_value_text (argv[1]));

  sqlite3_result_text (context, key, -1, g_free);
}
