#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The store is declared with the store; records only pass it on to resolve references. */
typedef struct _PlacementsStore PlacementsStore;

#define PLACEMENTS_TYPE_RECORD (placements_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (PlacementsRecord, placements_record, PLACEMENTS, RECORD, GObject)

/**
 * PlacementsFieldFlags:
 * @PLACEMENTS_FIELD_NONE: an optional field
 * @PLACEMENTS_FIELD_REQUIRED: may not be empty (or zero, for a
 *   %PLACEMENTS_FIELD_ZERO_IS_EMPTY number)
 * @PLACEMENTS_FIELD_DATE: a calendar date, stored as "YYYY-MM-DD"
 * @PLACEMENTS_FIELD_ZERO_IS_EMPTY: a number whose 0 means "not filled in" (stored as NULL)
 * @PLACEMENTS_FIELD_SEARCHABLE: its words are found by a list's search text
 * @PLACEMENTS_FIELD_SORTABLE: a list may be sorted by it
 * @PLACEMENTS_FIELD_NEVER_EXPORTED: never leaves this database (national id numbers)
 * @PLACEMENTS_FIELD_IDENTIFYING: names a person; replaced by a code when pseudonymising
 *
 * What the core knows about a field beyond its #GParamSpec.
 */
typedef enum
{
  PLACEMENTS_FIELD_NONE = 0,
  PLACEMENTS_FIELD_REQUIRED = 1 << 0,
  PLACEMENTS_FIELD_DATE = 1 << 1,
  PLACEMENTS_FIELD_ZERO_IS_EMPTY = 1 << 2,
  PLACEMENTS_FIELD_SEARCHABLE = 1 << 3,
  PLACEMENTS_FIELD_SORTABLE = 1 << 4,
  PLACEMENTS_FIELD_NEVER_EXPORTED = 1 << 5,
  PLACEMENTS_FIELD_IDENTIFYING = 1 << 6,
} PlacementsFieldFlags;

/* The flags of every field's GParamSpec. */
#define PLACEMENTS_FIELD_PARAM_FLAGS \
  (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

typedef struct
{
  GParamSpec          *pspec;
  /* The SQL column: the property name with '-' as '_'. */
  char                *column;
  /* The label shown in errors and forms, untranslated (N_()). */
  const char          *label;
  PlacementsFieldFlags flags;
  /* The record type whose UUID this field holds, or G_TYPE_INVALID. */
  GType                references;
} PlacementsField;

typedef struct _PlacementsRecordInfo PlacementsRecordInfo;

/* One problem that placements_record_validate_fields() found. */
typedef struct
{
  /* The field that is wrong, or NULL when the problem is not one field's. */
  const PlacementsField *field;
  GError                *error;
} PlacementsFieldError;

struct _PlacementsRecordClass
{
  GObjectClass parent_class;

  /* Set by placements_record_class_set_table(); read with the functions below. */
  PlacementsRecordInfo *info;

  /*
   * Checks that go beyond one field (an end date before its start, a national id
   * number's check digit). Chain up first: the parent checks each field.
   */
  gboolean (*validate) (PlacementsRecord  *self,
                        GError           **error);

  /*
   * The value of the table's sort_key column (see placements-sort-key.h), for types
   * listed by name; NULL for types without one.
   */
  char    *(*dup_sort_key) (PlacementsRecord *self);

  /*
   * The name a coordinator knows the record by, translated: "Bakker, Anouk", or for a
   * placement "Bakker, Anouk at Inpakafdeling". Names of referenced records come from
   * placements_record_dup_reference_name(). The default is the "name" field, or the kind
   * and what it belongs to ("Consent of Bakker, Anouk").
   */
  char    *(*dup_display_name) (PlacementsRecord *self,
                                PlacementsStore  *store);

  gpointer padding[6];
};

/* For the class_init of a record type. */
void        placements_record_class_set_table     (PlacementsRecordClass *klass,
                                                   const char            *kind,
                                                   const char            *table,
                                                   const char            *label);
void        placements_record_class_add_field     (PlacementsRecordClass *klass,
                                                   guint                  property_id,
                                                   GParamSpec            *pspec,
                                                   const char            *label,
                                                   PlacementsFieldFlags   flags,
                                                   GType                  references);
void        placements_record_class_set_list_sql  (PlacementsRecordClass *klass,
                                                   const char            *from,
                                                   const char            *default_order,
                                                   const char            *search_condition);

/* What a record type is, for the store, the models, the CLI and the exchange. */
const char            *placements_record_class_get_kind      (PlacementsRecordClass *klass);
const char            *placements_record_class_get_table     (PlacementsRecordClass *klass);
const char            *placements_record_class_get_label     (PlacementsRecordClass *klass);
guint                  placements_record_class_get_n_fields  (PlacementsRecordClass *klass);
const PlacementsField *placements_record_class_get_field     (PlacementsRecordClass *klass,
                                                              guint                  index);
const PlacementsField *placements_record_class_find_field    (PlacementsRecordClass *klass,
                                                              const char            *name);
const char            *placements_record_class_get_list_from (PlacementsRecordClass *klass);
const char            *placements_record_class_get_default_order (PlacementsRecordClass *klass);
const char            *placements_record_class_get_search_condition (PlacementsRecordClass *klass);

/* Every record. */
const char *placements_record_get_uuid    (PlacementsRecord  *self);
const char *placements_record_get_created (PlacementsRecord  *self);
const char *placements_record_get_updated (PlacementsRecord  *self);
gint64      placements_record_get_row_id  (PlacementsRecord  *self);
gboolean    placements_record_validate    (PlacementsRecord  *self,
                                           GError           **error);
void        placements_record_normalise   (PlacementsRecord  *self);
const PlacementsField *placements_record_get_invalid_field (PlacementsRecord *self);
GPtrArray  *placements_record_validate_fields (PlacementsRecord  *self);
PlacementsRecord *placements_record_dup   (PlacementsRecord  *self);
void        placements_record_copy_fields (PlacementsRecord  *self,
                                           PlacementsRecord  *source);
gboolean    placements_record_equal_fields (PlacementsRecord *self,
                                            PlacementsRecord *other);
char       *placements_record_dup_field_text (PlacementsRecord *self,
                                              const char       *name);
char       *placements_record_dup_field_label (PlacementsRecord *self,
                                               const char       *name);
gboolean    placements_record_set_field_text (PlacementsRecord  *self,
                                              const char        *name,
                                              const char        *text,
                                              GError           **error);
char       *placements_record_format_double  (double             number);
/* @store (nullable) resolves references whose names the record was not given. */
char       *placements_record_dup_display_name   (PlacementsRecord *self,
                                                  PlacementsStore  *store);
/* The display name of the record a reference field points to, "" when it is empty or
 * points nowhere. A list hands its records these names, read in its own query. */
char       *placements_record_dup_reference_name (PlacementsRecord *self,
                                                  const char       *field_name,
                                                  PlacementsStore  *store);
void        placements_record_set_reference_name (PlacementsRecord *self,
                                                  const char       *field_name,
                                                  const char       *name);
void        placements_record_append_flags_text (GString     *text,
                                                 GFlagsClass *klass,
                                                 guint        value);

/* Field access by property id, for the typed accessors of record types. */
const GValue *placements_record_get_value   (PlacementsRecord *self,
                                             guint             property_id);
const char   *placements_record_get_string  (PlacementsRecord *self,
                                             guint             property_id);
int           placements_record_get_int     (PlacementsRecord *self,
                                             guint             property_id);
gint64        placements_record_get_int64   (PlacementsRecord *self,
                                             guint             property_id);
double        placements_record_get_double  (PlacementsRecord *self,
                                             guint             property_id);
gboolean      placements_record_get_boolean (PlacementsRecord *self,
                                             guint             property_id);
int           placements_record_get_enum    (PlacementsRecord *self,
                                             guint             property_id);
guint         placements_record_get_flags   (PlacementsRecord *self,
                                             guint             property_id);
void          placements_record_set_string  (PlacementsRecord *self,
                                             guint             property_id,
                                             const char       *value);
void          placements_record_set_int     (PlacementsRecord *self,
                                             guint             property_id,
                                             int               value);
void          placements_record_set_int64   (PlacementsRecord *self,
                                             guint             property_id,
                                             gint64            value);
void          placements_record_set_double  (PlacementsRecord *self,
                                             guint             property_id,
                                             double            value);
void          placements_record_set_boolean (PlacementsRecord *self,
                                             guint             property_id,
                                             gboolean          value);
void          placements_record_set_enum    (PlacementsRecord *self,
                                             guint             property_id,
                                             int               value);
void          placements_record_set_flags   (PlacementsRecord *self,
                                             guint             property_id,
                                             guint             value);

/*
 * For the validate vfunc of record types: errors in the one shape every per-type
 * rule uses, "<record>: the field “<label>” is not valid: <reason>", so a form can
 * show them beside the field and a translator sees one sentence, not eighteen.
 * @reason_format is already translated.
 */
void     placements_record_set_invalid_field_error (PlacementsRecord  *self,
                                                    guint              property_id,
                                                    GError           **error,
                                                    const char        *reason_format,
                                                    ...) G_GNUC_PRINTF (4, 5);
/* Refuses an end date (@end_id) before the start date (@start_id), naming the end.
 * Either date may be empty. */
gboolean placements_record_check_date_order        (PlacementsRecord  *self,
                                                    guint              start_id,
                                                    guint              end_id,
                                                    GError           **error);

/* For the display names of people: "Bakker, Anouk", or the family name alone. */
char    *placements_record_format_person_name      (const char        *family_name,
                                                    const char        *given_name);

/* For the store: identity and timestamps come from the database. */
void placements_record_set_stored (PlacementsRecord *self,
                                   gint64            row_id,
                                   const char       *created,
                                   const char       *updated);

G_END_DECLS
