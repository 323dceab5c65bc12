#define G_LOG_DOMAIN "placements-record"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "placements-enum-types.h"
#include "placements-date.h"
#include "placements-enums.h"
#include "placements-error.h"
#include "placements-record-private.h"
#include "placements-store-private.h"
#include "placements-validate.h"

/*
 * Over 1,000 lines, on purpose: this is the one base class behind all 18 record types,
 * and the values, the properties, the generic checks and the text form of every field
 * share one private array and one field table (get_info, field_for_id, set_value).
 * Splitting the text form (parse and format, from placements_record_format_person_name
 * on) into a file of its own is the natural next cut; it needs those helpers made
 * private API first.
 *
 * A record keeps its field values in an array of GValues indexed by property id,
 * so that the record types only declare their fields: the store, the list models,
 * the CLI and the exchange all work from that declaration.
 */
typedef struct
{
  char   *uuid;
  char   *created;
  char   *updated;
  gint64  row_id;
  GValue *values;
  guint   n_values;
  /* The display names of referenced records, by property id - 1, as a list read them
   * along with the record; NULL until given (the whole array, or one name). */
  char  **reference_names;
  /* The field the last failed validation named, or 0: what a form marks. */
  guint   invalid_property;
} PlacementsRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (PlacementsRecord, placements_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_UUID,
  PROP_CREATED,
  PROP_UPDATED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Longer text is refused: no field of the domain needs it, a hostile file may try. */
#define MAX_TEXT_LENGTH 20000

/* g_set_str() arrived in GLib 2.76; Debian 12 has 2.74. */
static gboolean
replace_string (char       **slot,
                const char  *value)
{
  if (g_strcmp0 (*slot, value) == 0)
    return FALSE;
  g_free (*slot);
  *slot = g_strdup (value);
  return TRUE;
}

static PlacementsRecordInfo *
get_info (PlacementsRecordClass *klass)
{
  g_assert (klass->info != NULL);
  return klass->info;
}

static GValue *
ensure_values (PlacementsRecord *self)
{
  PlacementsRecordPrivate *priv = placements_record_get_instance_private (self);

  if (priv->values == NULL)
    {
      PlacementsRecordInfo *info = get_info (PLACEMENTS_RECORD_GET_CLASS (self));

      priv->n_values = info->fields->len;
      priv->values = g_new0 (GValue, priv->n_values);
      for (guint i = 0; i < priv->n_values; i++)
        {
          const PlacementsField *field = g_ptr_array_index (info->fields, i);

          g_value_init (&priv->values[i], field->pspec->value_type);
          g_param_value_set_default (field->pspec, &priv->values[i]);
        }
    }

  return priv->values;
}

static const PlacementsField *
field_for_id (PlacementsRecord *self,
              guint             property_id)
{
  PlacementsRecordInfo *info = get_info (PLACEMENTS_RECORD_GET_CLASS (self));

  g_return_val_if_fail (property_id >= 1 && property_id <= info->fields->len, NULL);
  return g_ptr_array_index (info->fields, property_id - 1);
}

static void
set_value (PlacementsRecord *self,
           guint             property_id,
           const GValue     *value)
{
  const PlacementsField *field = field_for_id (self, property_id);
  GValue *slot = &ensure_values (self)[property_id - 1];

  if (g_param_values_cmp (field->pspec, slot, value) == 0)
    return;

  g_value_copy (value, g_value_reset (slot));
  /* The name given for the record referred to before is not this one's. */
  {
    PlacementsRecordPrivate *priv = placements_record_get_instance_private (self);

    if (priv->reference_names != NULL)
      g_clear_pointer (&priv->reference_names[property_id - 1], g_free);
  }
  g_object_notify_by_pspec (G_OBJECT (self), field->pspec);
}

static void
placements_record_finalize (GObject *object)
{
  PlacementsRecord *self = PLACEMENTS_RECORD (object);
  PlacementsRecordPrivate *priv = placements_record_get_instance_private (self);

  for (guint i = 0; i < priv->n_values; i++)
    g_value_unset (&priv->values[i]);
  if (priv->reference_names != NULL)
    for (guint i = 0; i < priv->n_values; i++)
      g_free (priv->reference_names[i]);
  g_clear_pointer (&priv->reference_names, g_free);
  g_clear_pointer (&priv->values, g_free);
  g_clear_pointer (&priv->uuid, g_free);
  g_clear_pointer (&priv->created, g_free);
  g_clear_pointer (&priv->updated, g_free);

  G_OBJECT_CLASS (placements_record_parent_class)->finalize (object);
}

static void
placements_record_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PlacementsRecord *self = PLACEMENTS_RECORD (object);
  PlacementsRecordPrivate *priv = placements_record_get_instance_private (self);

  if (pspec->owner_type != PLACEMENTS_TYPE_RECORD)
    {
      g_value_copy (&ensure_values (self)[prop_id - 1], value);
      return;
    }

  switch (prop_id)
    {
    case PROP_UUID:
      g_value_set_string (value, priv->uuid);
      break;
    case PROP_CREATED:
      g_value_set_string (value, priv->created);
      break;
    case PROP_UPDATED:
      g_value_set_string (value, priv->updated);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
placements_record_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PlacementsRecord *self = PLACEMENTS_RECORD (object);
  PlacementsRecordPrivate *priv = placements_record_get_instance_private (self);

  if (pspec->owner_type != PLACEMENTS_TYPE_RECORD)
    {
      set_value (self, prop_id, value);
      return;
    }

  switch (prop_id)
    {
    case PROP_UUID:
      g_assert (priv->uuid == NULL);
      /* A new record gets its identity here; a loaded one brings its own. */
      priv->uuid = g_value_get_string (value) != NULL
                     ? g_ascii_strdown (g_value_get_string (value), -1)
                     : g_uuid_string_random ();
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static gboolean
placements_record_real_validate (PlacementsRecord  *self,
                                 GError           **error)
{
  PlacementsRecordClass *klass = PLACEMENTS_RECORD_GET_CLASS (self);
  PlacementsRecordInfo *info = get_info (klass);
  PlacementsRecordPrivate *priv = placements_record_get_instance_private (self);
  GValue *values = ensure_values (self);

  if (!placements_validate_uuid (placements_record_get_uuid (self)))
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                   _("%s: “%s” is not a valid UUID"),
                   _(info->label), placements_record_get_uuid (self));
      return FALSE;
    }

  for (guint i = 0; i < info->fields->len; i++)
    {
      const PlacementsField *field = g_ptr_array_index (info->fields, i);
      const GValue *value = &values[i];
      GType type = G_VALUE_TYPE (value);
      gboolean empty = FALSE;
      gunichar bad = 0;

      /* Whatever fails below fails in this field. */
      priv->invalid_property = i + 1;

      if (type == G_TYPE_STRING)
        {
          const char *text = g_value_get_string (value);

          empty = text == NULL || *text == '\0';
          if (!empty && !g_utf8_validate (text, -1, NULL))
            {
              g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                           _("%s: the field “%s” is not valid UTF-8 text"),
                           _(info->label), _(field->label));
              return FALSE;
            }
          /* A text has no more characters than bytes: most need no counting. */
          if (!empty && strlen (text) > MAX_TEXT_LENGTH &&
              g_utf8_strlen (text, -1) > MAX_TEXT_LENGTH)
            {
              g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                           _("%s: the field “%s” is longer than %d characters"),
                           _(info->label), _(field->label), MAX_TEXT_LENGTH);
              return FALSE;
            }
          if (!empty && (field->flags & PLACEMENTS_FIELD_DATE) != 0 &&
              !placements_validate_date (text))
            {
              g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                           _("%s: the field “%s” holds “%s”, which is not a date "
                             "(YYYY-MM-DD)"),
                           _(info->label), _(field->label), text);
              return FALSE;
            }
          if (!empty && field->references != G_TYPE_INVALID &&
              !placements_validate_uuid (text))
            {
              g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                           _("%s: the field “%s” holds “%s”, which is not a valid UUID"),
                           _(info->label), _(field->label), text);
              return FALSE;
            }
          if (!empty && !placements_validate_text (text, &bad))
            {
              /* TRANSLATORS: the record, the field and a Unicode code point such as
               * U+202E (right-to-left override) */
              g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                           _("%s: the field “%s” holds a control or text-direction "
                             "character (U+%04X), which is not stored"),
                           _(info->label), _(field->label), bad);
              return FALSE;
            }
          if (!empty && placements_text_is_invisible (text))
            {
              g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                           _("%s: the field “%s” holds only spaces or invisible "
                             "characters"),
                           _(info->label), _(field->label));
              return FALSE;
            }
        }
      else if (type == G_TYPE_INT)
        empty = g_value_get_int (value) == 0;
      else if (type == G_TYPE_INT64)
        empty = g_value_get_int64 (value) == 0;
      else if (type == G_TYPE_DOUBLE)
        {
          double number = g_value_get_double (value);

          empty = number == 0.0;
          if (!isfinite (number))
            {
              g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                           _("%s: the field “%s” is not a number"),
                           _(info->label), _(field->label));
              return FALSE;
            }
        }

      if (empty && (field->flags & PLACEMENTS_FIELD_REQUIRED) != 0)
        {
          g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                       _("%s: the field “%s” is required"),
                       _(info->label), _(field->label));
          return FALSE;
        }
    }

  priv->invalid_property = 0;
  return TRUE;
}

/* A named thing is its name; anything else is its kind and what it belongs to. */
static char *
placements_record_real_dup_display_name (PlacementsRecord *self,
                                         PlacementsStore  *store)
{
  PlacementsRecordInfo *info = get_info (PLACEMENTS_RECORD_GET_CLASS (self));
  const char *label = g_dgettext (GETTEXT_PACKAGE, info->label);

  for (guint i = 0; i < info->fields->len; i++)
    {
      const PlacementsField *field = g_ptr_array_index (info->fields, i);
      const char *name;

      if (!g_str_equal (field->column, "name"))
        continue;
      name = g_value_get_string (&ensure_values (self)[i]);
      return g_strdup (name != NULL && *name != '\0' ? name : label);
    }

  /* The first reference is what the record belongs to: a client, a pilot. */
  for (guint i = 0; i < info->fields->len; i++)
    {
      const PlacementsField *field = g_ptr_array_index (info->fields, i);
      g_autofree char *owner = NULL;

      if (field->references == G_TYPE_INVALID)
        continue;
      owner = placements_record_dup_reference_name (self, field->pspec->name, store);
      if (*owner == '\0')
        break;
      /* Translators: a record without a name of its own: its kind, then whose it is,
       * as in "Consent of Bakker, Anouk". */
      return g_strdup_printf (C_("display name", "%s of %s"), label, owner);
    }

  return g_strdup (label);
}

static void
placements_record_class_init (PlacementsRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = placements_record_finalize;
  object_class->get_property = placements_record_get_property;
  object_class->set_property = placements_record_set_property;

  klass->validate = placements_record_real_validate;
  klass->dup_display_name = placements_record_real_dup_display_name;

  properties[PROP_UUID] =
    g_param_spec_string ("uuid", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CREATED] =
    g_param_spec_string ("created", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_UPDATED] =
    g_param_spec_string ("updated", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
placements_record_init (PlacementsRecord *self)
{
}

void
placements_record_class_set_table (PlacementsRecordClass *klass,
                                   const char            *kind,
                                   const char            *table,
                                   const char            *label)
{
  PlacementsRecordInfo *info;

  g_return_if_fail (PLACEMENTS_IS_RECORD_CLASS (klass));
  g_return_if_fail (klass->info == NULL);

  /* Class data lives as long as the type: it is never freed. */
  info = g_new0 (PlacementsRecordInfo, 1);
  info->kind = g_strdup (kind);
  info->table = g_strdup (table);
  info->label = label;
  info->fields = g_ptr_array_new ();
  info->list_from = g_strdup (table);
  info->default_order = g_strdup_printf ("%s.id", table);
  klass->info = info;

  /* GObject does not inherit these; the fields are kept by this base class. */
  G_OBJECT_CLASS (klass)->get_property = placements_record_get_property;
  G_OBJECT_CLASS (klass)->set_property = placements_record_set_property;
}

void
placements_record_class_add_field (PlacementsRecordClass *klass,
                                   guint                  property_id,
                                   GParamSpec            *pspec,
                                   const char            *label,
                                   PlacementsFieldFlags   flags,
                                   GType                  references)
{
  PlacementsRecordInfo *info = get_info (klass);
  PlacementsField *field;

  g_return_if_fail (property_id == info->fields->len + 1);

  field = g_new0 (PlacementsField, 1);
  field->pspec = pspec;
  field->column = g_strdelimit (g_strdup (pspec->name), "-", '_');
  field->label = label;
  field->flags = flags;
  field->references = references;
  g_ptr_array_add (info->fields, field);

  g_object_class_install_property (G_OBJECT_CLASS (klass), property_id, pspec);
}

void
placements_record_class_set_list_sql (PlacementsRecordClass *klass,
                                      const char            *from,
                                      const char            *default_order,
                                      const char            *search_condition)
{
  PlacementsRecordInfo *info = get_info (klass);

  if (from != NULL)
    replace_string (&info->list_from, from);
  if (default_order != NULL)
    replace_string (&info->default_order, default_order);
  replace_string (&info->search_condition, search_condition);
}

const char *
placements_record_class_get_kind (PlacementsRecordClass *klass)
{
  return get_info (klass)->kind;
}

const char *
placements_record_class_get_table (PlacementsRecordClass *klass)
{
  return get_info (klass)->table;
}

const char *
placements_record_class_get_label (PlacementsRecordClass *klass)
{
  return _(get_info (klass)->label);
}

guint
placements_record_class_get_n_fields (PlacementsRecordClass *klass)
{
  return get_info (klass)->fields->len;
}

const PlacementsField *
placements_record_class_get_field (PlacementsRecordClass *klass,
                                   guint                  index)
{
  PlacementsRecordInfo *info = get_info (klass);

  g_return_val_if_fail (index < info->fields->len, NULL);
  return g_ptr_array_index (info->fields, index);
}

const PlacementsField *
placements_record_class_find_field (PlacementsRecordClass *klass,
                                    const char            *name)
{
  PlacementsRecordInfo *info = get_info (klass);

  for (guint i = 0; i < info->fields->len; i++)
    {
      const PlacementsField *field = g_ptr_array_index (info->fields, i);

      if (g_str_equal (field->pspec->name, name) || g_str_equal (field->column, name))
        return field;
    }
  return NULL;
}

const char *
placements_record_class_get_list_from (PlacementsRecordClass *klass)
{
  return get_info (klass)->list_from;
}

const char *
placements_record_class_get_default_order (PlacementsRecordClass *klass)
{
  return get_info (klass)->default_order;
}

const char *
placements_record_class_get_search_condition (PlacementsRecordClass *klass)
{
  return get_info (klass)->search_condition;
}

const char *
placements_record_get_uuid (PlacementsRecord *self)
{
  PlacementsRecordPrivate *priv = placements_record_get_instance_private (self);

  g_return_val_if_fail (PLACEMENTS_IS_RECORD (self), NULL);
  return priv->uuid;
}

const char *
placements_record_get_created (PlacementsRecord *self)
{
  PlacementsRecordPrivate *priv = placements_record_get_instance_private (self);

  g_return_val_if_fail (PLACEMENTS_IS_RECORD (self), NULL);
  return priv->created;
}

const char *
placements_record_get_updated (PlacementsRecord *self)
{
  PlacementsRecordPrivate *priv = placements_record_get_instance_private (self);

  g_return_val_if_fail (PLACEMENTS_IS_RECORD (self), NULL);
  return priv->updated;
}

gint64
placements_record_get_row_id (PlacementsRecord *self)
{
  PlacementsRecordPrivate *priv = placements_record_get_instance_private (self);

  g_return_val_if_fail (PLACEMENTS_IS_RECORD (self), 0);
  return priv->row_id;
}

void
placements_record_set_stored (PlacementsRecord *self,
                              gint64            row_id,
                              const char       *created,
                              const char       *updated)
{
  PlacementsRecordPrivate *priv = placements_record_get_instance_private (self);

  g_return_if_fail (PLACEMENTS_IS_RECORD (self));

  priv->row_id = row_id;
  replace_string (&priv->created, created);
  if (replace_string (&priv->updated, updated))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED]);
}

gboolean
placements_record_validate (PlacementsRecord  *self,
                            GError           **error)
{
  PlacementsRecordPrivate *priv = placements_record_get_instance_private (self);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PLACEMENTS_IS_RECORD (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  priv->invalid_property = 0;
  if (PLACEMENTS_RECORD_GET_CLASS (self)->validate (self, &local_error))
    {
      priv->invalid_property = 0;
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * placements_record_get_invalid_field:
 * @self: a record
 *
 * The field that the last placements_record_validate() of @self found wrong, so that
 * a form can mark it; %NULL after a validation that passed, or when what was wrong
 * is not one field's (the record's UUID).
 */
const PlacementsField *
placements_record_get_invalid_field (PlacementsRecord *self)
{
  PlacementsRecordPrivate *priv = placements_record_get_instance_private (self);

  g_return_val_if_fail (PLACEMENTS_IS_RECORD (self), NULL);

  if (priv->invalid_property == 0)
    return NULL;
  return field_for_id (self, priv->invalid_property);
}

static void
field_error_free (PlacementsFieldError *field_error)
{
  g_clear_error (&field_error->error);
  g_free (field_error);
}

/**
 * placements_record_validate_fields:
 * @self: a record
 *
 * Every field of @self that is wrong, each with its message, where
 * placements_record_validate() stops at the first: a form marks them all at once.
 * Works on a copy, leaving @self as it was. A field that stays wrong when emptied
 * (a required one) ends the search, since the checks after it cannot be reached.
 *
 * Returns: (transfer container) (element-type PlacementsFieldError): the problems in
 *   the order the checks find them; empty when @self is valid
 */
GPtrArray *
placements_record_validate_fields (PlacementsRecord *self)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify)
                                                                  field_error_free);
  g_autoptr(PlacementsRecord) copy = NULL;
  guint n_fields;

  g_return_val_if_fail (PLACEMENTS_IS_RECORD (self), NULL);

  copy = placements_record_dup (self);
  n_fields = placements_record_class_get_n_fields (PLACEMENTS_RECORD_GET_CLASS (self));

  for (guint round = 0; round <= n_fields; round++)
    {
      g_autoptr(GError) error = NULL;
      const PlacementsField *field;
      PlacementsFieldError *problem;
      GValue *slot;

      if (placements_record_validate (copy, &error))
        break;

      field = placements_record_get_invalid_field (copy);
      for (guint i = 0; field != NULL && i < problems->len; i++)
        {
          /* Emptying it did not cure it: the checks after it cannot be reached. */
          if (((PlacementsFieldError *) g_ptr_array_index (problems, i))->field == field)
            return g_steal_pointer (&problems);
        }

      problem = g_new0 (PlacementsFieldError, 1);
      problem->field = field;
      problem->error = g_steal_pointer (&error);
      g_ptr_array_add (problems, problem);
      if (field == NULL)
        break;

      /* Emptied, the field lets the checks after it run. */
      slot = &ensure_values (copy)[field->pspec->param_id - 1];
      g_param_value_set_default (field->pspec, slot);
    }

  return g_steal_pointer (&problems);
}

/**
 * placements_record_dup:
 * @self: a record
 *
 * A copy of @self with the same identity (UUID, row id, timestamps) and the same
 * field values, to edit without touching @self until it is saved.
 *
 * Returns: (transfer full): the copy
 */
PlacementsRecord *
placements_record_dup (PlacementsRecord *self)
{
  PlacementsRecordPrivate *priv = placements_record_get_instance_private (self);
  PlacementsRecord *copy;
  GValue *values;
  GValue *copy_values;

  g_return_val_if_fail (PLACEMENTS_IS_RECORD (self), NULL);

  copy = g_object_new (G_OBJECT_TYPE (self), "uuid", priv->uuid, NULL);
  placements_record_set_stored (copy, priv->row_id, priv->created, priv->updated);
  values = ensure_values (self);
  copy_values = ensure_values (copy);
  for (guint i = 0; i < priv->n_values; i++)
    g_value_copy (&values[i], g_value_reset (&copy_values[i]));
  return copy;
}

/**
 * placements_record_copy_fields:
 * @self: the record to change
 * @source: a record of the same type
 *
 * Gives @self the field values of @source, notifying each that changes; identity and
 * timestamps stay. How an editor's saved copy goes back into the record it was made of.
 */
void
placements_record_copy_fields (PlacementsRecord *self,
                               PlacementsRecord *source)
{
  g_return_if_fail (PLACEMENTS_IS_RECORD (self));
  g_return_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (source));

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < placements_record_class_get_n_fields (PLACEMENTS_RECORD_GET_CLASS (self));
       i++)
    set_value (self, i + 1, placements_record_get_value (source, i + 1));
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * placements_record_equal_fields:
 * @self: a record
 * @other: a record of the same type
 *
 * Whether every field of the two holds the same value: an editor's copy is unchanged.
 */
gboolean
placements_record_equal_fields (PlacementsRecord *self,
                                PlacementsRecord *other)
{
  PlacementsRecordClass *klass;

  g_return_val_if_fail (PLACEMENTS_IS_RECORD (self), FALSE);
  g_return_val_if_fail (G_OBJECT_TYPE (self) == G_OBJECT_TYPE (other), FALSE);

  klass = PLACEMENTS_RECORD_GET_CLASS (self);
  for (guint i = 0; i < placements_record_class_get_n_fields (klass); i++)
    {
      const PlacementsField *field = placements_record_class_get_field (klass, i);

      if (g_param_values_cmp (field->pspec, placements_record_get_value (self, i + 1),
                              placements_record_get_value (other, i + 1)) != 0)
        return FALSE;
    }
  return TRUE;
}

/**
 * placements_record_normalise:
 * @self: a record
 *
 * Writes every text field in the one form it is stored in (NFC, no white space at
 * either end; see placements_normalise_text()), so that "Jan " and "Jan", or an é
 * typed as e and an accent, are the same name everywhere. The store calls it before
 * validating a record it saves, and placements_record_set_field_text() for text
 * from files, so the window, the command line and the import meet the same rule.
 */
void
placements_record_normalise (PlacementsRecord *self)
{
  PlacementsRecordInfo *info;
  GValue *values;

  g_return_if_fail (PLACEMENTS_IS_RECORD (self));

  info = get_info (PLACEMENTS_RECORD_GET_CLASS (self));
  values = ensure_values (self);
  for (guint i = 0; i < info->fields->len; i++)
    {
      const char *text;
      g_autofree char *normal = NULL;

      if (G_VALUE_TYPE (&values[i]) != G_TYPE_STRING)
        continue;
      text = g_value_get_string (&values[i]);
      if (text == NULL || (normal = placements_normalise_text (text)) == NULL)
        continue;
      {
        g_auto (GValue) value = G_VALUE_INIT;

        g_value_init (&value, G_TYPE_STRING);
        g_value_set_string (&value, *normal != '\0' ? normal : NULL);
        set_value (self, i + 1, &value);
      }
    }
}

const GValue *
placements_record_get_value (PlacementsRecord *self,
                             guint             property_id)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD (self), NULL);
  g_return_val_if_fail (field_for_id (self, property_id) != NULL, NULL);

  return &ensure_values (self)[property_id - 1];
}

const char *
placements_record_get_string (PlacementsRecord *self,
                              guint             property_id)
{
  return g_value_get_string (placements_record_get_value (self, property_id));
}

int
placements_record_get_int (PlacementsRecord *self,
                           guint             property_id)
{
  return g_value_get_int (placements_record_get_value (self, property_id));
}

gint64
placements_record_get_int64 (PlacementsRecord *self,
                             guint             property_id)
{
  return g_value_get_int64 (placements_record_get_value (self, property_id));
}

double
placements_record_get_double (PlacementsRecord *self,
                              guint             property_id)
{
  return g_value_get_double (placements_record_get_value (self, property_id));
}

gboolean
placements_record_get_boolean (PlacementsRecord *self,
                               guint             property_id)
{
  return g_value_get_boolean (placements_record_get_value (self, property_id));
}

int
placements_record_get_enum (PlacementsRecord *self,
                            guint             property_id)
{
  return g_value_get_enum (placements_record_get_value (self, property_id));
}

guint
placements_record_get_flags (PlacementsRecord *self,
                             guint             property_id)
{
  return g_value_get_flags (placements_record_get_value (self, property_id));
}

/* The setters go through GObject so that range checks and notification apply. */
#define DEFINE_SETTER(suffix, ctype, gtype, setter)                              \
  void                                                                         \
  placements_record_set_##suffix (PlacementsRecord *self,                        \
                                guint             property_id,                 \
                                ctype             value)                       \
  {                                                                            \
    g_auto (GValue) gvalue = G_VALUE_INIT;                                     \
    const PlacementsField *field;                                              \
                                                                               \
    g_return_if_fail (PLACEMENTS_IS_RECORD (self));                            \
    field = field_for_id (self, property_id);                                  \
    g_return_if_fail (field != NULL);                                          \
    g_value_init (&gvalue, gtype);                                             \
    setter (&gvalue, value);                                                   \
    g_object_set_property (G_OBJECT (self), field->pspec->name, &gvalue);      \
  }

DEFINE_SETTER (string, const char *, G_TYPE_STRING, g_value_set_string)
DEFINE_SETTER (int, int, G_TYPE_INT, g_value_set_int)
DEFINE_SETTER (int64, gint64, G_TYPE_INT64, g_value_set_int64)
DEFINE_SETTER (double, double, G_TYPE_DOUBLE, g_value_set_double)
DEFINE_SETTER (boolean, gboolean, G_TYPE_BOOLEAN, g_value_set_boolean)
DEFINE_SETTER (enum, int, field->pspec->value_type, g_value_set_enum)
DEFINE_SETTER (flags, guint, field->pspec->value_type, g_value_set_flags)

#undef DEFINE_SETTER

void
placements_record_set_invalid_field_error (PlacementsRecord  *self,
                                           guint              property_id,
                                           GError           **error,
                                           const char        *reason_format,
                                           ...)
{
  const PlacementsField *field;
  g_autofree char *reason = NULL;
  va_list args;

  g_return_if_fail (PLACEMENTS_IS_RECORD (self));
  g_return_if_fail (reason_format != NULL);
  field = field_for_id (self, property_id);
  g_return_if_fail (field != NULL);

  va_start (args, reason_format);
  reason = g_strdup_vprintf (reason_format, args);
  va_end (args);

  ((PlacementsRecordPrivate *) placements_record_get_instance_private (self))->invalid_property =
    property_id;

  g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
               _("%s: the field “%s” is not valid: %s"),
               placements_record_class_get_label (PLACEMENTS_RECORD_GET_CLASS (self)),
               _(field->label), reason);
}

gboolean
placements_record_check_date_order (PlacementsRecord  *self,
                                    guint              start_id,
                                    guint              end_id,
                                    GError           **error)
{
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  const PlacementsField *start_field;
  const char *start;
  const char *end;

  g_return_val_if_fail (PLACEMENTS_IS_RECORD (self), FALSE);
  start_field = field_for_id (self, start_id);
  g_return_val_if_fail (start_field != NULL, FALSE);

  start = placements_record_get_string (self, start_id);
  end = placements_record_get_string (self, end_id);
  if (placements_validate_date_order (start, end))
    return TRUE;

  /* The base class has checked both dates already, so only the order can be wrong. The
   * dates are written as the user reads them (22-11-2026, 22/11/2026): the message is shown
   * under the field in the window too. */
  end_text = placements_date_format_short (end);
  start_text = placements_date_format_short (start);
  placements_record_set_invalid_field_error (self, end_id, error,
                                             _("“%s” is before “%s” in the field “%s”"),
                                             end_text, start_text, _(start_field->label));
  return FALSE;
}

/**
 * placements_record_append_flags_text:
 * @text: where to append
 * @klass: the flags type's class
 * @value: the flags
 *
 * Appends the text form of @value: the nicks of its flags, in declaration order,
 * separated by commas. The one rule for the CLI, the exchange and its bases.
 */
void
placements_record_append_flags_text (GString     *text,
                                     GFlagsClass *klass,
                                     guint        value)
{
  gboolean first = TRUE;

  for (guint i = 0; i < klass->n_values; i++)
    {
      const GFlagsValue *flag = &klass->values[i];

      if (flag->value != 0 && (value & flag->value) == flag->value)
        {
          if (!first)
            g_string_append_c (text, ',');
          g_string_append (text, flag->value_nick);
          first = FALSE;
        }
    }
}

static char *
flags_to_text (GType flags_type,
               guint value)
{
  g_autoptr(GFlagsClass) klass = g_type_class_ref (flags_type);
  g_autoptr(GString) text = g_string_new (NULL);

  placements_record_append_flags_text (text, klass, value);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * placements_record_format_double:
 * @number: a number
 *
 * The shortest text, in the C locale, that g_ascii_strtod() reads back as
 * exactly @number: 7.2 gives "7.2", where g_ascii_dtostr() (always %.17g)
 * gives "7.2000000000000002". Seventeen significant digits are needed only
 * for the doubles that fifteen or sixteen do not tell apart from their
 * neighbours.
 *
 * Returns: (transfer full): the text
 */
/**
 * placements_record_dup_display_name:
 * @self: a #PlacementsRecord
 * @store: (nullable): the database, to look up referenced records by
 *
 * Returns: (transfer full): the translated name a coordinator knows the record by
 */
char *
placements_record_dup_display_name (PlacementsRecord *self,
                                    PlacementsStore  *store)
{
  char *name;

  g_return_val_if_fail (PLACEMENTS_IS_RECORD (self), NULL);

  name = PLACEMENTS_RECORD_GET_CLASS (self)->dup_display_name (self, store);
  return name != NULL ? name : g_strdup ("");
}

static const PlacementsField *
find_reference_field (PlacementsRecord *self,
                      const char       *field_name)
{
  const PlacementsField *field =
    placements_record_class_find_field (PLACEMENTS_RECORD_GET_CLASS (self), field_name);

  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (field->references != G_TYPE_INVALID, NULL);
  return field;
}

/**
 * placements_record_dup_reference_name:
 * @self: a #PlacementsRecord
 * @field_name: a reference field of @self
 * @store: (nullable): the database, for a name the record was not given
 *
 * Returns: (transfer full): the display name of the record referred to, or ""
 */
char *
placements_record_dup_reference_name (PlacementsRecord *self,
                                      const char       *field_name,
                                      PlacementsStore  *store)
{
  PlacementsRecordPrivate *priv = placements_record_get_instance_private (self);
  g_autoptr(PlacementsRecord) target = NULL;
  g_autoptr(GError) error = NULL;
  const PlacementsField *field;
  const char *uuid;

  g_return_val_if_fail (PLACEMENTS_IS_RECORD (self), NULL);
  field = find_reference_field (self, field_name);
  g_return_val_if_fail (field != NULL, NULL);

  uuid = g_value_get_string (&ensure_values (self)[field->pspec->param_id - 1]);
  if (uuid == NULL || *uuid == '\0')
    return g_strdup ("");
  if (priv->reference_names != NULL && priv->reference_names[field->pspec->param_id - 1] != NULL)
    return g_strdup (priv->reference_names[field->pspec->param_id - 1]);
  if (store == NULL)
    return g_strdup ("");

  target = placements_store_load (store, field->references, uuid, &error);
  if (target == NULL)
    {
      /* A dangling reference has no name; the store's integrity check reports it. */
      g_debug ("Record %s could not be loaded: %s", uuid, error->message);
      return g_strdup ("");
    }
  return placements_record_dup_display_name (target, store);
}

/**
 * placements_record_set_reference_name:
 * @self: a #PlacementsRecord
 * @field_name: a reference field of @self
 * @name: (nullable): the display name of the record it refers to now, or %NULL to forget it
 *
 * For the lists that read referenced names along with their rows. Setting the field
 * forgets the name.
 */
void
placements_record_set_reference_name (PlacementsRecord *self,
                                      const char       *field_name,
                                      const char       *name)
{
  PlacementsRecordPrivate *priv = placements_record_get_instance_private (self);
  const PlacementsField *field;

  g_return_if_fail (PLACEMENTS_IS_RECORD (self));
  field = find_reference_field (self, field_name);
  g_return_if_fail (field != NULL);

  ensure_values (self);
  if (priv->reference_names == NULL)
    {
      if (name == NULL)
        return;
      priv->reference_names = g_new0 (char *, priv->n_values);
    }
  replace_string (&priv->reference_names[field->pspec->param_id - 1], name);
}

char *
placements_record_format_person_name (const char *family_name,
                                      const char *given_name)
{
  if (family_name == NULL)
    family_name = "";
  if (given_name == NULL || *given_name == '\0')
    return g_strdup (family_name);
  if (*family_name == '\0')
    return g_strdup (given_name);
  /* Translators: a person's name where people are listed: family name, then given name,
   * as in "Bakker, Anouk". */
  return g_strdup_printf (C_("person name", "%s, %s"), family_name, given_name);
}

char *
placements_record_format_double (double number)
{
  static const char * const formats[] = { "%.15g", "%.16g", "%.17g" };
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* %.17g always reads back the same: the loop ends with it at the latest. */
  for (gsize i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_ascii_formatd (buffer, sizeof buffer, formats[i], number);
      if (g_ascii_strtod (buffer, NULL) == number)
        break;
    }
  return g_strdup (buffer);
}

/**
 * placements_record_dup_field_text:
 * @self: a record
 * @name: a field's property or column name, or "uuid", "created", "updated"
 *
 * The field's value as the CLI and the exchange write it: dates as YYYY-MM-DD,
 * codes by their nick, flags as nicks separated by commas, booleans as
 * "true"/"false", numbers in the C locale (a double in the fewest digits that
 * read back as the same double). An empty field gives "".
 */
char *
placements_record_dup_field_text (PlacementsRecord *self,
                                  const char       *name)
{
  const PlacementsField *field;
  const GValue *value;
  GType type;

  g_return_val_if_fail (PLACEMENTS_IS_RECORD (self), NULL);

  if (g_str_equal (name, "uuid"))
    return g_strdup (placements_record_get_uuid (self));
  if (g_str_equal (name, "created"))
    return g_strdup (placements_record_get_created (self));
  if (g_str_equal (name, "updated"))
    return g_strdup (placements_record_get_updated (self));

  field = placements_record_class_find_field (PLACEMENTS_RECORD_GET_CLASS (self), name);
  g_return_val_if_fail (field != NULL, NULL);

  value = placements_record_get_value (self, field->pspec->param_id);
  type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    return g_strdup (g_value_get_string (value) != NULL ? g_value_get_string (value) : "");
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (value) ? "true" : "false");
  if (type == G_TYPE_INT)
    {
      int number = g_value_get_int (value);

      if (number == 0 && (field->flags & PLACEMENTS_FIELD_ZERO_IS_EMPTY) != 0)
        return g_strdup ("");
      return g_strdup_printf ("%d", number);
    }
  if (type == G_TYPE_INT64)
    {
      gint64 number = g_value_get_int64 (value);

      if (number == 0 && (field->flags & PLACEMENTS_FIELD_ZERO_IS_EMPTY) != 0)
        return g_strdup ("");
      return g_strdup_printf ("%" G_GINT64_FORMAT, number);
    }
  if (type == G_TYPE_DOUBLE)
    {
      double number = g_value_get_double (value);

      if (number == 0.0 && (field->flags & PLACEMENTS_FIELD_ZERO_IS_EMPTY) != 0)
        return g_strdup ("");
      return placements_record_format_double (number);
    }
  if (G_TYPE_IS_ENUM (type))
    {
      int number = g_value_get_enum (value);
      const char *nick = placements_enum_get_nick (type, number);

      return g_strdup (g_strcmp0 (nick, "none") == 0 ? "" : nick);
    }
  if (G_TYPE_IS_FLAGS (type))
    return flags_to_text (type, g_value_get_flags (value));

  g_return_val_if_reached (NULL);
}

/* The record's country, where it has a field "country" of that type. */
static gboolean
get_country (PlacementsRecord  *self,
             PlacementsCountry *country)
{
  const PlacementsField *field =
    placements_record_class_find_field (PLACEMENTS_RECORD_GET_CLASS (self), "country");
  const GValue *value;

  if (field == NULL || field->pspec->value_type != PLACEMENTS_TYPE_COUNTRY)
    return FALSE;
  value = placements_record_get_value (self, field->pspec->param_id);
  *country = (PlacementsCountry) g_value_get_enum (value);
  return TRUE;
}

/**
 * placements_record_dup_field_label:
 * @self: a record
 * @name: a field's property or column name, or "uuid", "created", "updated"
 *
 * The field's value for people to read: a code or flags by their translated
 * labels, in the words of the record's own country where the record has one (a
 * Belgian employment service is the VDAB, in Dutch as in Flemish); any other
 * field as placements_record_dup_field_text() writes it. An empty field gives "".
 */
char *
placements_record_dup_field_label (PlacementsRecord *self,
                                   const char       *name)
{
  const PlacementsField *field;
  const GValue *value;
  PlacementsCountry country = PLACEMENTS_COUNTRY_NL;
  gboolean has_country;
  GType type;

  g_return_val_if_fail (PLACEMENTS_IS_RECORD (self), NULL);

  field = placements_record_class_find_field (PLACEMENTS_RECORD_GET_CLASS (self), name);
  if (field == NULL)
    return placements_record_dup_field_text (self, name);

  value = placements_record_get_value (self, field->pspec->param_id);
  type = G_VALUE_TYPE (value);
  has_country = get_country (self, &country);

  if (G_TYPE_IS_ENUM (type))
    {
      int code = g_value_get_enum (value);

      if (g_strcmp0 (placements_enum_get_nick (type, code), "none") == 0)
        return g_strdup ("");
      if (has_country)
        return g_strdup (placements_enum_get_label_for_country (type, code, country));
      return g_strdup (placements_enum_get_label (type, code));
    }
  if (G_TYPE_IS_FLAGS (type))
    {
      guint flags = g_value_get_flags (value);
      g_autoptr(GString) text = g_string_new (NULL);

      for (guint bit = 1; bit != 0 && bit <= flags; bit <<= 1)
        {
          if ((flags & bit) == 0)
            continue;
          if (text->len > 0)
            /* Translators: between the items of a list of values in one cell. */
            g_string_append (text, _(", "));
          g_string_append (text, has_country
                                 ? placements_enum_get_label_for_country (type, (int) bit,
                                                                          country)
                                 : placements_enum_get_label (type, (int) bit));
        }
      return g_string_free (g_steal_pointer (&text), FALSE);
    }
  return placements_record_dup_field_text (self, name);
}

static gboolean
parse_integer (const char *text,
               gint64      minimum,
               gint64      maximum,
               gint64     *number)
{
  g_autoptr(GError) local_error = NULL;

  return g_ascii_string_to_signed (text, 10, minimum, maximum, number, &local_error);
}

static gboolean
text_to_value (const PlacementsField *field,
               const char            *text,
               GValue                *value)
{
  GParamSpec *pspec = field->pspec;
  GType type = pspec->value_type;
  gint64 number;

  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    {
      g_autofree char *normal = NULL;

      if (!g_utf8_validate (text, -1, NULL))
        return FALSE;
      normal = placements_normalise_text (text);
      if (normal != NULL)
        text = normal;
      g_value_set_string (value, *text != '\0' ? text : NULL);
      return TRUE;
    }
  if (type == G_TYPE_BOOLEAN)
    {
      if (g_str_equal (text, "true") || g_str_equal (text, "1"))
        g_value_set_boolean (value, TRUE);
      else if (g_str_equal (text, "false") || g_str_equal (text, "0") || *text == '\0')
        g_value_set_boolean (value, FALSE);
      else
        return FALSE;
      return TRUE;
    }
  if (type == G_TYPE_INT)
    {
      GParamSpecInt *int_spec = G_PARAM_SPEC_INT (pspec);

      if (*text == '\0' && (field->flags & PLACEMENTS_FIELD_ZERO_IS_EMPTY) != 0)
        return TRUE;
      if (!parse_integer (text, int_spec->minimum, int_spec->maximum, &number))
        return FALSE;
      g_value_set_int (value, (int) number);
      return TRUE;
    }
  if (type == G_TYPE_INT64)
    {
      GParamSpecInt64 *int_spec = G_PARAM_SPEC_INT64 (pspec);

      if (*text == '\0' && (field->flags & PLACEMENTS_FIELD_ZERO_IS_EMPTY) != 0)
        return TRUE;
      if (!parse_integer (text, int_spec->minimum, int_spec->maximum, &number))
        return FALSE;
      g_value_set_int64 (value, number);
      return TRUE;
    }
  if (type == G_TYPE_DOUBLE)
    {
      GParamSpecDouble *double_spec = G_PARAM_SPEC_DOUBLE (pspec);
      char *end = NULL;
      double real;

      if (*text == '\0' && (field->flags & PLACEMENTS_FIELD_ZERO_IS_EMPTY) != 0)
        return TRUE;
      real = g_ascii_strtod (text, &end);
      if (*text == '\0' || *end != '\0' || !isfinite (real) ||
          real < double_spec->minimum || real > double_spec->maximum)
        return FALSE;
      g_value_set_double (value, real);
      return TRUE;
    }
  if (G_TYPE_IS_ENUM (type))
    {
      int code;

      if (*text == '\0')
        text = "none";
      if (!placements_enum_from_nick (type, text, &code))
        return FALSE;
      g_value_set_enum (value, code);
      return TRUE;
    }
  if (G_TYPE_IS_FLAGS (type))
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
      g_auto(GStrv) nicks = g_strsplit (text, ",", -1);
      guint bits = 0;

      for (guint i = 0; nicks[i] != NULL; i++)
        {
          const GFlagsValue *flag;

          if (*nicks[i] == '\0')
            continue;
          flag = g_flags_get_value_by_nick (klass, nicks[i]);
          if (flag == NULL)
            return FALSE;
          bits |= flag->value;
        }
      g_value_set_flags (value, bits);
      return TRUE;
    }

  return FALSE;
}

/**
 * placements_record_set_field_text:
 * @self: a record
 * @name: a field's property or column name
 * @text: the value as placements_record_dup_field_text() writes it
 * @error: where to say what is wrong, naming the field
 *
 * Sets a field from its text form, refusing unknown codes and numbers out of range.
 */
gboolean
placements_record_set_field_text (PlacementsRecord  *self,
                                  const char        *name,
                                  const char        *text,
                                  GError           **error)
{
  PlacementsRecordClass *klass;
  const PlacementsField *field;
  g_auto (GValue) value = G_VALUE_INIT;

  g_return_val_if_fail (PLACEMENTS_IS_RECORD (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  klass = PLACEMENTS_RECORD_GET_CLASS (self);
  field = placements_record_class_find_field (klass, name);
  if (field == NULL)
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                   _("%s: there is no field “%s”"),
                   placements_record_class_get_label (klass), name);
      return FALSE;
    }

  if (text == NULL)
    text = "";

  if (!text_to_value (field, text, &value))
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                   _("%s: “%s” is not a valid value for the field “%s”"),
                   placements_record_class_get_label (klass), text, _(field->label));
      return FALSE;
    }

  set_value (self, field->pspec->param_id, &value);
  return TRUE;
}

void
placements_record_load_value (PlacementsRecord *self,
                              guint             property_id,
                              GValue           *value)
{
  GValue *slot = &ensure_values (self)[property_id - 1];

  g_value_unset (slot);
  *slot = *value;
  /* The slot took over the contents. */
  memset (value, 0, sizeof *value);
}
