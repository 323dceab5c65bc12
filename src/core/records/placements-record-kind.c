#define G_LOG_DOMAIN "placements-record-kind"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "placements-record-kind.h"
#include "placements-record-types.h"
#include "placements-store.h"

/* A singular and a plural message for ngettext(), marked for xgettext (see po/meson.build). */
#define NP_(singular, plural) singular, plural

typedef struct
{
  const char *field;
  /* Translated in the "column" context; NULL shows the field's own label. */
  const char *title;
} KindColumn;

typedef struct
{
  const char       *name;
  /* Also accepted where a user types a kind, not advertised. */
  const char       *alias;
  GType           (*get_type) (void);
  /* Its place in the sidebar, from 1; 0 for kinds shown only inside other records. */
  guint             section;
  /* In the "section" context. */
  const char       *plural_label;
  const char       *count_singular;
  const char       *count_plural;
  const char       *icon_name;
  const char       *default_sort;
  gboolean          default_descending;
  const char       *search_placeholder;
  const char       *empty_title;
  const char       *empty_description;
  const KindColumn *columns;
} KindInfo;

/*
 * The kinds, each after every kind it refers to, so that records can be written,
 * exported and imported in this order. Sections list their columns in the order the
 * window shows them; the others the few that identify a record.
 */
static const KindInfo kind_infos[] = {
  {
    .name = "organisations",
    .get_type = placements_organisation_get_type,
    .section = 6,
    .plural_label = NC_ ("section", "Organisations"),
    NP_ ("%s organisation", "%s organisations"),
    .icon_name = "placements-organisation-symbolic",
    .default_sort = "name",
    .search_placeholder = N_("Search organisations…"),
    .empty_title = N_("No Organisations Yet"),
    .empty_description = N_("Create the first organisation, import an exchange file, or load "
                            "invented demo data to try the app."),
    .columns = (const KindColumn[]) {
      { "name", NC_ ("column", "Name") },
      { "kind", NC_ ("column", "Kind") },
      { "city", NC_ ("column", "City") },
      { "country", NC_ ("column", "Country") },
      { NULL, NULL },
    },
  },
  {
    .name = "people",
    .alias = "persons",
    .get_type = placements_person_get_type,
    .section = 7,
    .plural_label = NC_ ("section", "People"),
    NP_ ("%s person", "%s people"),
    .icon_name = "x-office-address-book-symbolic",
    .default_sort = "family-name",
    .search_placeholder = N_("Search people…"),
    .empty_title = N_("No People Yet"),
    .empty_description = N_("Create the first contact person, import an exchange file, or load "
                            "invented demo data to try the app."),
    .columns = (const KindColumn[]) {
      { "family-name", NC_ ("column", "Family Name") },
      { "given-name", NC_ ("column", "Given Name") },
      { "organisation-uuid", NC_ ("column", "Organisation") },
      { "email", NC_ ("column", "Email") },
      { "phone", NC_ ("column", "Phone") },
      { NULL, NULL },
    },
  },
  {
    .name = "clients",
    .get_type = placements_client_get_type,
    .section = 1,
    .plural_label = NC_ ("section", "Clients"),
    NP_ ("%s client", "%s clients"),
    .icon_name = "avatar-default-symbolic",
    .default_sort = "family-name",
    .search_placeholder = N_("Search clients…"),
    .empty_title = N_("No Clients Yet"),
    .empty_description = N_("Create the first client, import an exchange file, or load "
                            "invented demo data to try the app."),
    .columns = (const KindColumn[]) {
      { "family-name", NC_ ("column", "Family Name") },
      { "given-name", NC_ ("column", "Given Name") },
      { "date-of-birth", NC_ ("column", "Date of Birth") },
      { "care-organisation-uuid", NC_ ("column", "Care Organisation") },
      { "target-group", NC_ ("column", "Target Group") },
      { NULL, NULL },
    },
  },
  {
    .name = "ladder-steps",
    .get_type = placements_ladder_step_get_type,
    .plural_label = NC_ ("section", "Ladder Steps"),
    NP_ ("%s ladder step", "%s ladder steps"),
    .icon_name = "go-up-symbolic",
    .default_sort = "date",
    .columns = (const KindColumn[]) {
      { "client-uuid", NULL }, { "date", NULL }, { "rung", NULL }, { "assessed-by-uuid", NULL },
      { NULL, NULL },
    },
  },
  {
    .name = "allocations",
    .get_type = placements_allocation_get_type,
    .plural_label = NC_ ("section", "Allocations"),
    NP_ ("%s allocation", "%s allocations"),
    .icon_name = "x-office-document-symbolic",
    .default_sort = "start-date",
    .columns = (const KindColumn[]) {
      { "client-uuid", NULL }, { "funder-uuid", NULL }, { "product", NULL },
      { "start-date", NULL }, { "end-date", NULL },
      { NULL, NULL },
    },
  },
  {
    .name = "workplaces",
    .get_type = placements_workplace_get_type,
    .section = 2,
    .plural_label = NC_ ("section", "Workplaces"),
    NP_ ("%s workplace", "%s workplaces"),
    .icon_name = "mark-location-symbolic",
    .default_sort = "name",
    .search_placeholder = N_("Search workplaces…"),
    .empty_title = N_("No Workplaces Yet"),
    .empty_description = N_("Create the first workplace, import an exchange file, or load "
                            "invented demo data to try the app."),
    .columns = (const KindColumn[]) {
      { "name", NC_ ("column", "Name") },
      { "host-organisation-uuid", NC_ ("column", "Host Organisation") },
      { "department", NC_ ("column", "Department") },
      { "kind", NC_ ("column", "Kind") },
      { "capacity", NC_ ("column", "Capacity") },
      { "low-stimulus", NC_ ("column", "Low-Stimulus") },
      { NULL, NULL },
    },
  },
  {
    .name = "attendance",
    .alias = "attendances",
    .get_type = placements_attendance_get_type,
    .plural_label = NC_ ("section", "Attendance"),
    NP_ ("%s attendance record", "%s attendance records"),
    .icon_name = "x-office-calendar-symbolic",
    .default_sort = "date",
    .default_descending = TRUE,
    .columns = (const KindColumn[]) {
      { "date", NULL }, { "day-part", NULL }, { "client-uuid", NULL }, { "workplace-uuid", NULL },
      { "status", NULL },
      { NULL, NULL },
    },
  },
  {
    .name = "buddies",
    .get_type = placements_buddy_get_type,
    .section = 3,
    .plural_label = NC_ ("section", "Buddies"),
    NP_ ("%s buddy", "%s buddies"),
    .icon_name = "system-users-symbolic",
    .default_sort = "person-uuid",
    .search_placeholder = N_("Search buddies…"),
    .empty_title = N_("No Buddies Yet"),
    .empty_description = N_("Create the first buddy, import an exchange file, or load "
                            "invented demo data to try the app."),
    .columns = (const KindColumn[]) {
      { "person-uuid", NC_ ("column", "Name") },
      { "department", NC_ ("column", "Department") },
      { "training-date", NC_ ("column", "Training Date") },
      { "max-clients", NC_ ("column", "Max. Clients") },
      { NULL, NULL },
    },
  },
  {
    .name = "buddy-pairings",
    .get_type = placements_buddy_pairing_get_type,
    .plural_label = NC_ ("section", "Buddy Pairings"),
    NP_ ("%s buddy pairing", "%s buddy pairings"),
    .icon_name = "system-users-symbolic",
    .default_sort = "start-date",
    .columns = (const KindColumn[]) {
      { "buddy-uuid", NULL }, { "client-uuid", NULL }, { "start-date", NULL },
      { "end-date", NULL }, { NULL, NULL },
    },
  },
  {
    .name = "pilots",
    .get_type = placements_pilot_get_type,
    .section = 4,
    .plural_label = NC_ ("section", "Pilots"),
    NP_ ("%s pilot", "%s pilots"),
    .icon_name = "applications-science-symbolic",
    .default_sort = "name",
    .search_placeholder = N_("Search pilots…"),
    .empty_title = N_("No Pilots Yet"),
    .empty_description = N_("Create the first pilot, import an exchange file, or load "
                            "invented demo data to try the app."),
    .columns = (const KindColumn[]) {
      { "name", NC_ ("column", "Name") },
      { "status", NC_ ("column", "Status") },
      { "start-date", NC_ ("column", "Start Date") },
      { "evaluation-date", NC_ ("column", "Evaluation Date") },
      { "target-participants", NC_ ("column", "Target Participants") },
      { NULL, NULL },
    },
  },
  {
    .name = "pilot-partners",
    .get_type = placements_pilot_partner_get_type,
    .plural_label = NC_ ("section", "Pilot Partners"),
    NP_ ("%s pilot partner", "%s pilot partners"),
    .icon_name = "placements-organisation-symbolic",
    .columns = (const KindColumn[]) {
      { "pilot-uuid", NULL }, { "organisation-uuid", NULL }, { NULL, NULL },
    },
  },
  {
    .name = "pilot-contacts",
    .get_type = placements_pilot_contact_get_type,
    .plural_label = NC_ ("section", "Pilot Contact People"),
    NP_ ("%s pilot contact person", "%s pilot contact people"),
    .icon_name = "x-office-address-book-symbolic",
    .columns = (const KindColumn[]) {
      { "pilot-uuid", NULL }, { "person-uuid", NULL }, { NULL, NULL },
    },
  },
  {
    .name = "fundings",
    .alias = "funding",
    .get_type = placements_funding_get_type,
    .plural_label = NC_ ("section", "Funding"),
    NP_ ("%s funding", "%s fundings"),
    .icon_name = "x-office-spreadsheet-symbolic",
    .default_sort = "start-date",
    .columns = (const KindColumn[]) {
      { "pilot-uuid", NULL }, { "funder-uuid", NULL }, { "start-date", NULL },
      { "end-date", NULL }, { NULL, NULL },
    },
  },
  {
    .name = "success-criteria",
    .get_type = placements_success_criterion_get_type,
    .plural_label = NC_ ("section", "Success Criteria"),
    NP_ ("%s success criterion", "%s success criteria"),
    .icon_name = "emblem-ok-symbolic",
    .columns = (const KindColumn[]) {
      { "pilot-uuid", NULL }, { "description", NULL }, { "target", NULL }, { NULL, NULL },
    },
  },
  {
    .name = "placements",
    .get_type = placements_placement_get_type,
    .section = 5,
    .plural_label = NC_ ("section", "Placements"),
    NP_ ("%s placement", "%s placements"),
    .icon_name = "placements-placement-symbolic",
    .default_sort = "start-date",
    .default_descending = TRUE,
    .search_placeholder = N_("Search placements by client…"),
    .empty_title = N_("No Placements Yet"),
    .empty_description = N_("Create the first placement, import an exchange file, or load "
                            "invented demo data to try the app."),
    .columns = (const KindColumn[]) {
      { "client-uuid", NC_ ("column", "Client") },
      { "workplace-uuid", NC_ ("column", "Workplace") },
      { "status", NC_ ("column", "Status") },
      { "start-date", NC_ ("column", "Start Date") },
      { "planned-end-date", NC_ ("column", "Planned End Date") },
      { NULL, NULL },
    },
  },
  {
    .name = "progress-notes",
    .get_type = placements_progress_note_get_type,
    .plural_label = NC_ ("section", "Progress Notes"),
    NP_ ("%s progress note", "%s progress notes"),
    .icon_name = "accessories-text-editor-symbolic",
    .default_sort = "date",
    .default_descending = TRUE,
    .columns = (const KindColumn[]) {
      { "client-uuid", NULL }, { "date", NULL }, { "author-uuid", NULL }, { "kind", NULL },
      { NULL, NULL },
    },
  },
  {
    .name = "consents",
    .get_type = placements_consent_get_type,
    .plural_label = NC_ ("section", "Consents"),
    NP_ ("%s consent", "%s consents"),
    .icon_name = "emblem-ok-symbolic",
    .default_sort = "given-date",
    .default_descending = TRUE,
    .columns = (const KindColumn[]) {
      { "client-uuid", NULL }, { "receiver-uuid", NULL }, { "given-date", NULL },
      { "expiry-date", NULL },
      { "withdrawn-date", NULL }, { NULL, NULL },
    },
  },
  {
    .name = "audit-events",
    .get_type = placements_audit_event_get_type,
    .plural_label = NC_ ("section", "Audit Events"),
    NP_ ("%s audit event", "%s audit events"),
    .icon_name = "document-open-recent-symbolic",
    .default_sort = "at",
    .default_descending = TRUE,
    .columns = (const KindColumn[]) {
      { "at", NULL }, { "action", NULL }, { "record-kind", NULL }, { NULL, NULL },
    },
  },
};

struct _PlacementsRecordKind
{
  GObject                parent_instance;

  const KindInfo        *info;
  /* A reference held for the life of the program: fields are read from it. */
  PlacementsRecordClass *klass;
  GType                  record_type;
  guint                  n_columns;
};

G_DEFINE_FINAL_TYPE (PlacementsRecordKind, placements_record_kind, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_RECORD_TYPE,
  PROP_LABEL,
  PROP_PLURAL_LABEL,
  PROP_ICON_NAME,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static PlacementsRecordKind *kinds[G_N_ELEMENTS (kind_infos)];
static GListStore *sections;

static void
placements_record_kind_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PlacementsRecordKind *self = PLACEMENTS_RECORD_KIND (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->info->name);
      break;
    case PROP_RECORD_TYPE:
      g_value_set_gtype (value, self->record_type);
      break;
    case PROP_LABEL:
      g_value_set_string (value, placements_record_kind_get_label (self));
      break;
    case PROP_PLURAL_LABEL:
      g_value_set_string (value, placements_record_kind_get_plural_label (self));
      break;
    case PROP_ICON_NAME:
      g_value_set_string (value, self->info->icon_name);
      break;
    case PROP_SECTION:
      g_value_set_boolean (value, self->info->section > 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
placements_record_kind_class_init (PlacementsRecordKindClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = placements_record_kind_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RECORD_TYPE] =
    g_param_spec_gtype ("record-type", NULL, NULL, G_TYPE_NONE,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_PLURAL_LABEL] =
    g_param_spec_string ("plural-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ICON_NAME] =
    g_param_spec_string ("icon-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTION] =
    g_param_spec_boolean ("section", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
placements_record_kind_init (PlacementsRecordKind *self)
{
}

static int
compare_sections (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const PlacementsRecordKind *first = a;
  const PlacementsRecordKind *second = b;

  return (int) first->info->section - (int) second->info->section;
}

static void
ensure_kinds (void)
{
  static gsize initialised = 0;

  if (!g_once_init_enter (&initialised))
    return;

  sections = g_list_store_new (PLACEMENTS_TYPE_RECORD_KIND);
  for (gsize i = 0; i < G_N_ELEMENTS (kind_infos); i++)
    {
      PlacementsRecordKind *kind = g_object_new (PLACEMENTS_TYPE_RECORD_KIND, NULL);

      kind->info = &kind_infos[i];
      kind->record_type = kind_infos[i].get_type ();
      /* Class data (table, fields) is set up once, here, not in a thread later. */
      kind->klass = g_type_class_ref (kind->record_type);
      while (kind_infos[i].columns[kind->n_columns].field != NULL)
        {
          g_assert (placements_record_class_find_field (
                      kind->klass, kind_infos[i].columns[kind->n_columns].field) != NULL);
          kind->n_columns++;
        }
      g_assert (kind_infos[i].default_sort == NULL ||
                placements_record_class_find_field (kind->klass,
                                                    kind_infos[i].default_sort) != NULL);
      kinds[i] = kind;
      if (kind_infos[i].section > 0)
        g_list_store_insert_sorted (sections, kind, compare_sections, NULL);
    }
  g_once_init_leave (&initialised, 1);
}

guint
placements_record_kind_get_n_kinds (void)
{
  return G_N_ELEMENTS (kind_infos);
}

/**
 * placements_record_kind_get_nth:
 * @index: below placements_record_kind_get_n_kinds()
 *
 * Returns: (transfer none): the kind at @index, in the order records are written
 */
PlacementsRecordKind *
placements_record_kind_get_nth (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (kind_infos), NULL);

  ensure_kinds ();
  return kinds[index];
}

/**
 * placements_record_kind_get_sections:
 *
 * Returns: (transfer none): a #GListModel of the #PlacementsRecordKind that are window
 *   sections, in sidebar order
 */
GListModel *
placements_record_kind_get_sections (void)
{
  ensure_kinds ();
  return G_LIST_MODEL (sections);
}

/**
 * placements_record_kind_find:
 * @name: what a user or a file calls the kind
 *
 * Returns: (transfer none) (nullable): the kind, or %NULL
 */
PlacementsRecordKind *
placements_record_kind_find (const char *name)
{
  g_autofree char *normal = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  ensure_kinds ();
  normal = g_ascii_strdown (name, -1);
  g_strdelimit (normal, "_", '-');
  for (gsize i = 0; i < G_N_ELEMENTS (kind_infos); i++)
    {
      if (g_str_equal (kind_infos[i].name, normal) ||
          g_strcmp0 (kind_infos[i].alias, normal) == 0 ||
          g_str_equal (placements_record_class_get_kind (kinds[i]->klass), normal))
        return kinds[i];
    }
  return NULL;
}

/**
 * placements_record_kind_for_type:
 * @record_type: a record type
 *
 * Returns: (transfer none) (nullable): its kind, or %NULL
 */
PlacementsRecordKind *
placements_record_kind_for_type (GType record_type)
{
  ensure_kinds ();
  for (gsize i = 0; i < G_N_ELEMENTS (kind_infos); i++)
    if (kinds[i]->record_type == record_type)
      return kinds[i];
  return NULL;
}

const char *
placements_record_kind_get_name (PlacementsRecordKind *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_KIND (self), NULL);
  return self->info->name;
}

GType
placements_record_kind_get_record_type (PlacementsRecordKind *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_KIND (self), G_TYPE_INVALID);
  return self->record_type;
}

const char *
placements_record_kind_get_label (PlacementsRecordKind *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_KIND (self), NULL);
  return placements_record_class_get_label (self->klass);
}

const char *
placements_record_kind_get_plural_label (PlacementsRecordKind *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_KIND (self), NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, "section", self->info->plural_label);
}

/*
 * "100,000": the digits in groups of three, with the separator the translation gives. Not
 * the locale's: a desktop often runs Dutch messages in an English or C locale, and a
 * coordinator reads "100.000 cliënten" either way.
 */
static char *
format_count (guint n)
{
  g_autofree char *digits = g_strdup_printf ("%u", n);
  /* Translators: between groups of three digits in counts, as in "100,000 clients". */
  const char *separator = C_("thousands separator", ",");
  g_autoptr(GString) text = g_string_new (NULL);
  gsize length = strlen (digits);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append (text, separator);
      g_string_append_c (text, digits[i]);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * placements_record_kind_dup_count_label:
 * @self: a #PlacementsRecordKind
 * @n_records: how many
 *
 * Returns: (transfer full): "100,000 clients", translated, the digits grouped as the
 *   translation says
 */
char *
placements_record_kind_dup_count_label (PlacementsRecordKind *self,
                                        guint                 n_records)
{
  g_autofree char *number = NULL;

  g_return_val_if_fail (PLACEMENTS_IS_RECORD_KIND (self), NULL);

  number = format_count (n_records);
  /* The messages come from the table above, each a "%s" for the number: msgfmt --check
   * holds every translation to the same. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, self->info->count_singular,
                                       self->info->count_plural, n_records),
                          number);
#pragma GCC diagnostic pop
}

const char *
placements_record_kind_get_icon_name (PlacementsRecordKind *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_KIND (self), NULL);
  return self->info->icon_name;
}

gboolean
placements_record_kind_is_section (PlacementsRecordKind *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_KIND (self), FALSE);
  return self->info->section > 0;
}

static const char *
translate_or_null (const char *message)
{
  return message != NULL ? g_dgettext (GETTEXT_PACKAGE, message) : NULL;
}

const char *
placements_record_kind_get_search_placeholder (PlacementsRecordKind *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_KIND (self), NULL);
  return translate_or_null (self->info->search_placeholder);
}

const char *
placements_record_kind_get_empty_title (PlacementsRecordKind *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_KIND (self), NULL);
  return translate_or_null (self->info->empty_title);
}

const char *
placements_record_kind_get_empty_description (PlacementsRecordKind *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_KIND (self), NULL);
  return translate_or_null (self->info->empty_description);
}

guint
placements_record_kind_get_n_columns (PlacementsRecordKind *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_KIND (self), 0);
  return self->n_columns;
}

const char *
placements_record_kind_get_column_field (PlacementsRecordKind *self,
                                         guint                 column)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_KIND (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);
  return self->info->columns[column].field;
}

const char *
placements_record_kind_get_column_title (PlacementsRecordKind *self,
                                         guint                 column)
{
  const KindColumn *info;

  g_return_val_if_fail (PLACEMENTS_IS_RECORD_KIND (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  info = &self->info->columns[column];
  if (info->title != NULL)
    return g_dpgettext2 (GETTEXT_PACKAGE, "column", info->title);
  return g_dgettext (GETTEXT_PACKAGE,
                     placements_record_class_find_field (self->klass, info->field)->label);
}

/*
 * Whether a column's header sorts the list: where the core can sort by the field. The list
 * sorts references by the name and codes by the label the cells show; a set of flags has
 * no one label to sort by.
 */
gboolean
placements_record_kind_get_column_sortable (PlacementsRecordKind *self,
                                            guint                 column)
{
  const PlacementsField *field;

  g_return_val_if_fail (PLACEMENTS_IS_RECORD_KIND (self), FALSE);
  g_return_val_if_fail (column < self->n_columns, FALSE);

  field = placements_record_class_find_field (self->klass, self->info->columns[column].field);
  return (field->flags & PLACEMENTS_FIELD_SORTABLE) != 0 &&
         !G_TYPE_IS_FLAGS (field->pspec->value_type);
}

/**
 * placements_record_kind_get_default_sort_field:
 * @self: a #PlacementsRecordKind
 * @descending: (out) (optional): whether the default order is descending
 *
 * Returns: (nullable): the field a list of the kind is sorted by when no column was chosen,
 *   or %NULL when it is the order records were made in
 */
const char *
placements_record_kind_get_default_sort_field (PlacementsRecordKind *self,
                                               gboolean             *descending)
{
  g_return_val_if_fail (PLACEMENTS_IS_RECORD_KIND (self), NULL);

  if (descending != NULL)
    *descending = self->info->default_descending;
  return self->info->default_sort;
}

/* The store's view of the same table. */
const GType *
placements_store_get_record_types (guint *n_types)
{
  static GType types[G_N_ELEMENTS (kind_infos)];
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      for (gsize i = 0; i < G_N_ELEMENTS (kind_infos); i++)
        types[i] = placements_record_kind_get_record_type (placements_record_kind_get_nth (i));
      g_once_init_leave (&initialised, 1);
    }

  if (n_types != NULL)
    *n_types = G_N_ELEMENTS (types);
  return types;
}

GType
placements_store_find_record_type (const char *kind)
{
  g_return_val_if_fail (kind != NULL, G_TYPE_INVALID);

  ensure_kinds ();
  for (gsize i = 0; i < G_N_ELEMENTS (kind_infos); i++)
    if (g_str_equal (placements_record_class_get_kind (kinds[i]->klass), kind))
      return kinds[i]->record_type;
  return G_TYPE_INVALID;
}
