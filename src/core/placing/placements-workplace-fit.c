#define G_LOG_DOMAIN "placements-workplace-fit"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "placements-client.h"
#include "placements-enum-types.h"
#include "placements-enums.h"
#include "placements-error.h"
#include "placements-organisation.h"
#include "placements-placing.h"
#include "placements-record.h"
#include "placements-store-private.h"
#include "placements-timestamp.h"
#include "placements-workplace-fit.h"

/* How near a workplace lies, by postcode area; lower is nearer. */
typedef enum
{
  NEAR_SAME_AREA,
  NEAR_SAME_REGION,
  NEAR_SAME_COUNTRY,
  NEAR_OTHER_COUNTRY,
  NEAR_UNKNOWN,
} Nearness;

struct _PlacementsWorkplaceFit
{
  GObject   parent_instance;

  char     *workplace_uuid;
  char     *name;
  char     *host_uuid;
  char     *host_name;
  char     *sort_key;
  char     *buddy_uuid;
  GStrv     reasons;
  char     *reasons_text;
  guint     rank;
  int       capacity;
  int       occupied;
  gboolean  low_stimulus;

  /* For the order only. */
  Nearness  nearness;
  int       area_distance;
  gboolean  tasks_match;
};

G_DEFINE_FINAL_TYPE (PlacementsWorkplaceFit, placements_workplace_fit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_WORKPLACE_UUID,
  PROP_NAME,
  PROP_HOST_NAME,
  PROP_TITLE,
  PROP_RANK,
  PROP_CAPACITY,
  PROP_OCCUPIED,
  PROP_FREE_PLACES,
  PROP_FULL,
  PROP_REASONS_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
placements_workplace_fit_finalize (GObject *object)
{
  PlacementsWorkplaceFit *self = PLACEMENTS_WORKPLACE_FIT (object);

  g_free (self->workplace_uuid);
  g_free (self->name);
  g_free (self->host_uuid);
  g_free (self->host_name);
  g_free (self->sort_key);
  g_free (self->buddy_uuid);
  g_strfreev (self->reasons);
  g_free (self->reasons_text);

  G_OBJECT_CLASS (placements_workplace_fit_parent_class)->finalize (object);
}

static void
placements_workplace_fit_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  PlacementsWorkplaceFit *self = PLACEMENTS_WORKPLACE_FIT (object);

  switch (prop_id)
    {
    case PROP_WORKPLACE_UUID:
      g_value_set_string (value, self->workplace_uuid);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_HOST_NAME:
      g_value_set_string (value, self->host_name);
      break;
    case PROP_TITLE:
      g_value_take_string (value, g_strdup_printf ("%s — %s", self->name, self->host_name));
      break;
    case PROP_RANK:
      g_value_set_uint (value, self->rank);
      break;
    case PROP_CAPACITY:
      g_value_set_int (value, self->capacity);
      break;
    case PROP_OCCUPIED:
      g_value_set_int (value, self->occupied);
      break;
    case PROP_FREE_PLACES:
      g_value_set_int (value, placements_workplace_fit_get_free_places (self));
      break;
    case PROP_FULL:
      g_value_set_boolean (value, placements_workplace_fit_get_full (self));
      break;
    case PROP_REASONS_TEXT:
      g_value_set_string (value, self->reasons_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
placements_workplace_fit_class_init (PlacementsWorkplaceFitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = placements_workplace_fit_finalize;
  object_class->get_property = placements_workplace_fit_get_property;

  properties[PROP_WORKPLACE_UUID] =
    g_param_spec_string ("workplace-uuid", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_HOST_NAME] = g_param_spec_string ("host-name", NULL, NULL, NULL, flags);
  /* The workplace and its host, for a search over both. */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_RANK] = g_param_spec_uint ("rank", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_CAPACITY] = g_param_spec_int ("capacity", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_OCCUPIED] = g_param_spec_int ("occupied", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_FREE_PLACES] =
    g_param_spec_int ("free-places", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_FULL] = g_param_spec_boolean ("full", NULL, NULL, FALSE, flags);
  properties[PROP_REASONS_TEXT] =
    g_param_spec_string ("reasons-text", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
placements_workplace_fit_init (PlacementsWorkplaceFit *self)
{
}

const char *
placements_workplace_fit_get_workplace_uuid (PlacementsWorkplaceFit *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WORKPLACE_FIT (self), NULL);
  return self->workplace_uuid;
}

const char *
placements_workplace_fit_get_name (PlacementsWorkplaceFit *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WORKPLACE_FIT (self), NULL);
  return self->name;
}

const char *
placements_workplace_fit_get_host_name (PlacementsWorkplaceFit *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WORKPLACE_FIT (self), NULL);
  return self->host_name;
}

const char *
placements_workplace_fit_get_host_uuid (PlacementsWorkplaceFit *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WORKPLACE_FIT (self), NULL);
  return self->host_uuid;
}

guint
placements_workplace_fit_get_rank (PlacementsWorkplaceFit *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WORKPLACE_FIT (self), 0);
  return self->rank;
}

int
placements_workplace_fit_get_capacity (PlacementsWorkplaceFit *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WORKPLACE_FIT (self), 0);
  return self->capacity;
}

int
placements_workplace_fit_get_occupied (PlacementsWorkplaceFit *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WORKPLACE_FIT (self), 0);
  return self->occupied;
}

int
placements_workplace_fit_get_free_places (PlacementsWorkplaceFit *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WORKPLACE_FIT (self), 0);
  return self->capacity - self->occupied;
}

gboolean
placements_workplace_fit_get_full (PlacementsWorkplaceFit *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WORKPLACE_FIT (self), FALSE);
  return self->occupied >= self->capacity;
}

gboolean
placements_workplace_fit_get_low_stimulus (PlacementsWorkplaceFit *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WORKPLACE_FIT (self), FALSE);
  return self->low_stimulus;
}

const char *
placements_workplace_fit_get_buddy_uuid (PlacementsWorkplaceFit *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WORKPLACE_FIT (self), NULL);
  return self->buddy_uuid;
}

const char * const *
placements_workplace_fit_get_reasons (PlacementsWorkplaceFit *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WORKPLACE_FIT (self), NULL);
  return (const char * const *) self->reasons;
}

const char *
placements_workplace_fit_get_reasons_text (PlacementsWorkplaceFit *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_WORKPLACE_FIT (self), NULL);
  return self->reasons_text;
}

/* The 4-digit area of a Dutch or Belgian postcode, or -1. */
static int
postcode_area (const char *postcode)
{
  if (postcode == NULL || strlen (postcode) < 4)
    return -1;
  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isdigit (postcode[i]))
      return -1;
  return (postcode[0] - '0') * 1000 + (postcode[1] - '0') * 100 + (postcode[2] - '0') * 10 +
         (postcode[3] - '0');
}

static Nearness
compare_areas (int         client_area,
               const char *client_country,
               int         area,
               const char *country,
               int        *distance)
{
  *distance = G_MAXINT;
  if (client_area < 0 || area < 0 || client_country == NULL || country == NULL)
    return NEAR_UNKNOWN;
  if (g_strcmp0 (client_country, country) != 0)
    return NEAR_OTHER_COUNTRY;
  *distance = ABS (area - client_area);
  if (area == client_area)
    return NEAR_SAME_AREA;
  if (area / 100 == client_area / 100)
    return NEAR_SAME_REGION;
  return NEAR_SAME_COUNTRY;
}

/* Words of four letters or more, folded: "Inpakken, vouwen" → inpakken, vouwen. Short
 * words ("en", "de") would match anything. */
static GPtrArray *
words_of (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *folded = NULL;
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return words;
  folded = g_utf8_casefold (text, -1);
  parts = g_regex_split_simple ("[^[:alnum:]]+", folded, G_REGEX_DEFAULT, G_REGEX_MATCH_DEFAULT);
  for (guint i = 0; parts[i] != NULL; i++)
    if (g_utf8_strlen (parts[i], -1) >= 4)
      g_ptr_array_add (words, g_strdup (parts[i]));
  return words;
}

/* The first task word of @tasks that @wanted also has, or NULL. */
static char *
find_matching_task (const char *tasks,
                    GPtrArray  *wanted)
{
  g_autoptr(GPtrArray) task_words = words_of (tasks);

  for (guint i = 0; i < task_words->len; i++)
    for (guint j = 0; j < wanted->len; j++)
      {
        const char *task = g_ptr_array_index (task_words, i);
        const char *word = g_ptr_array_index (wanted, j);

        gsize shorter = MIN (strlen (task), strlen (word));
        gsize common = 0;

        while (task[common] != '\0' && task[common] == word[common])
          common++;
        /* "inpakken" in the tasks matches "inpakwerk" in the goals by their stem: five
         * letters or more in common, at most three short of the shorter word. */
        if (common == shorter || (common >= 5 && common + 3 >= shorter))
          return g_strdup (task);
      }
  return NULL;
}

typedef struct
{
  char *uuid;
  char *name;
  int   load;
  int   max;
} Buddy;

static void
buddy_free (gpointer data)
{
  Buddy *buddy = data;

  g_free (buddy->uuid);
  g_free (buddy->name);
  g_free (buddy);
}

/* For each host organisation, its buddy with the most spare load (any spare). */
static GHashTable *
find_buddies (PlacementsStore  *store,
              GError          **error)
{
  g_autoptr(GHashTable) buddies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         buddy_free);
  g_autofree char *today = placements_timestamp_today ();
  sqlite3_stmt *statement;
  int rc;

  statement = placements_store_prepare (store,
    "SELECT buddy.uuid, person.organisation_uuid, buddy.max_clients,"
    " person.family_name, person.given_name,"
    " (SELECT count(*) FROM buddy_pairing WHERE buddy_pairing.buddy_uuid = buddy.uuid"
    "  AND buddy_pairing.start_date <= ?1"
    "  AND (buddy_pairing.end_date IS NULL OR buddy_pairing.end_date >= ?1))"
    " FROM buddy JOIN person ON person.uuid = buddy.person_uuid"
    " WHERE person.organisation_uuid IS NOT NULL ORDER BY person.sort_key, buddy.uuid",
    error);
  if (statement == NULL)
    return NULL;
  sqlite3_bind_text (statement, 1, today, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      const char *organisation = (const char *) sqlite3_column_text (statement, 1);
      int max = sqlite3_column_int (statement, 2);
      int load = sqlite3_column_int (statement, 5);
      Buddy *best = g_hash_table_lookup (buddies, organisation);
      Buddy *buddy;

      if (load >= max || (best != NULL && best->max - best->load >= max - load))
        continue;
      buddy = g_new0 (Buddy, 1);
      buddy->uuid = g_strdup ((const char *) sqlite3_column_text (statement, 0));
      buddy->name =
        placements_record_format_person_name ((const char *) sqlite3_column_text (statement, 3),
                                              (const char *) sqlite3_column_text (statement, 4));
      buddy->load = load;
      buddy->max = max;
      g_hash_table_replace (buddies, g_strdup (organisation), buddy);
    }
  if (rc != SQLITE_DONE)
    {
      placements_store_set_sqlite_error (store, error, "buddies");
      sqlite3_reset (statement);
      return NULL;
    }
  sqlite3_reset (statement);
  return g_steal_pointer (&buddies);
}

static int
compare_fits (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  PlacementsWorkplaceFit *x = *(PlacementsWorkplaceFit **) a;
  PlacementsWorkplaceFit *y = *(PlacementsWorkplaceFit **) b;
  gboolean needs_low_stimulus = GPOINTER_TO_INT (user_data);
  gboolean x_full = placements_workplace_fit_get_full (x);
  gboolean y_full = placements_workplace_fit_get_full (y);

  if (x_full != y_full)
    return x_full ? 1 : -1;
  if (needs_low_stimulus && x->low_stimulus != y->low_stimulus)
    return x->low_stimulus ? -1 : 1;
  if (x->nearness != y->nearness)
    return x->nearness < y->nearness ? -1 : 1;
  if (x->area_distance != y->area_distance)
    return x->area_distance < y->area_distance ? -1 : 1;
  if ((x->buddy_uuid != NULL) != (y->buddy_uuid != NULL))
    return x->buddy_uuid != NULL ? -1 : 1;
  if (x->tasks_match != y->tasks_match)
    return x->tasks_match ? -1 : 1;
  if (x->capacity - x->occupied != y->capacity - y->occupied)
    return (y->capacity - y->occupied) - (x->capacity - x->occupied);
  if (g_strcmp0 (x->sort_key, y->sort_key) != 0)
    return g_strcmp0 (x->sort_key, y->sort_key);
  return g_strcmp0 (x->workplace_uuid, y->workplace_uuid);
}

/* g_strv_builder_take() is GLib 2.80. */
static void
builder_take (GStrvBuilder *builder,
              char         *text)
{
  g_strv_builder_add (builder, text);
  g_free (text);
}

static const char *
country_name (const char *country)
{
  return g_strcmp0 (country, "be") == 0 ? _("In Belgium") : _("In the Netherlands");
}

static void
add_reasons (PlacementsWorkplaceFit *self,
             gboolean                needs_low_stimulus,
             int                     client_area,
             int                     area,
             const char             *country,
             const Buddy            *buddy,
             const char             *tasks,
             const char             *matching_task)
{
  g_autoptr(GStrvBuilder) reasons = g_strv_builder_new ();
  g_autofree char *occupancy = NULL;

  /* Translators: a workplace's occupancy: current placements of its places. */
  occupancy = g_strdup_printf (ngettext ("%d of %d place taken", "%d of %d places taken",
                                         (gulong) self->capacity),
                               self->occupied, self->capacity);
  if (placements_workplace_fit_get_full (self))
    {
      /* Translators: a full workplace, with its occupancy ("6 of 6 places taken"). */
      g_autofree char *full = g_strdup_printf (_("Full: %s"), occupancy);

      g_strv_builder_add (reasons, full);
    }
  else
    g_strv_builder_add (reasons, occupancy);

  if (self->low_stimulus)
    g_strv_builder_add (reasons, _("Low-stimulus"));
  else if (needs_low_stimulus)
    g_strv_builder_add (reasons, _("Not low-stimulus"));

  switch (self->nearness)
    {
    case NEAR_SAME_AREA:
      builder_take (reasons, g_strdup_printf (_("Same postcode area (%04d)"), area));
      break;
    case NEAR_SAME_REGION:
      /* Translators: the first two digits of a postcode, as in "Same postcode region
       * (35..)". */
      builder_take (reasons, g_strdup_printf (_("Same postcode region (%02d..)"),
                                                     area / 100));
      break;
    case NEAR_SAME_COUNTRY:
      /* Translators: the workplace's postcode area, then the care organisation's. */
      builder_take (reasons, g_strdup_printf (_("Postcode area %04d, care "
                                                       "organisation in %04d"),
                                                     area, client_area));
      break;
    case NEAR_OTHER_COUNTRY:
      g_strv_builder_add (reasons, country_name (country));
      break;
    case NEAR_UNKNOWN:
    default:
      g_strv_builder_add (reasons, _("No postcode to compare"));
      break;
    }

  if (buddy != NULL)
    /* Translators: a buddy's name and load ("Jansen, Piet, 1 of 2 clients"). */
    builder_take (reasons,
                         g_strdup_printf (ngettext ("Buddy with spare load: %s, %d of %d "
                                                    "client",
                                                    "Buddy with spare load: %s, %d of %d "
                                                    "clients", (gulong) buddy->max),
                                          buddy->name, buddy->load, buddy->max));
  else
    g_strv_builder_add (reasons, _("No buddy with spare load"));

  if (matching_task != NULL)
    builder_take (reasons, g_strdup_printf (_("Tasks match the goals: %s"),
                                                   matching_task));
  else if (tasks != NULL && *tasks != '\0')
    builder_take (reasons, g_strdup_printf (_("Tasks: %s"), tasks));

  self->reasons = g_strv_builder_end (reasons);
  self->reasons_text = g_strjoinv (" · ", self->reasons);
}

GListStore *
placements_workplace_fit_rank (PlacementsStore  *store,
                               const char       *client_uuid,
                               GError          **error)
{
  g_autoptr(PlacementsClient) client = NULL;
  g_autoptr(PlacementsOrganisation) care = NULL;
  g_autoptr(GHashTable) buddies = NULL;
  g_autoptr(GPtrArray) fits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) wanted = NULL;
  g_autoptr(GListStore) result = g_list_store_new (PLACEMENTS_TYPE_WORKPLACE_FIT);
  g_autofree char *goals = NULL;
  const char *care_uuid;
  const char *client_country = NULL;
  int client_area = -1;
  gboolean needs_low_stimulus;
  sqlite3_stmt *statement;
  int rc;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);
  g_return_val_if_fail (client_uuid != NULL, NULL);

  client = placements_store_load (store, PLACEMENTS_TYPE_CLIENT, client_uuid, error);
  if (client == NULL)
    return NULL;
  needs_low_stimulus = placements_client_get_needs_low_stimulus (client);
  care_uuid = placements_client_get_care_organisation_uuid (client);
  if (care_uuid != NULL)
    care = placements_store_load (store, PLACEMENTS_TYPE_ORGANISATION, care_uuid, NULL);
  if (care != NULL)
    {
      client_area = postcode_area (placements_organisation_get_postcode (care));
      client_country = placements_enum_get_nick (PLACEMENTS_TYPE_COUNTRY,
                                                 placements_organisation_get_country (care));
    }
  goals = g_strjoin (" ", placements_client_get_goals (client) ?: "",
                     placements_client_get_support_question (client) ?: "", NULL);
  wanted = words_of (goals);

  buddies = find_buddies (store, error);
  if (buddies == NULL)
    return NULL;

  statement = placements_store_prepare (store,
    "SELECT workplace.uuid, workplace.name, workplace.sort_key, workplace.capacity,"
    " workplace.low_stimulus, workplace.tasks,"
    " coalesce (workplace.postcode, organisation.postcode), organisation.country,"
    " organisation.uuid, organisation.name,"
    " (SELECT count(*) FROM placement WHERE placement.workplace_uuid = workplace.uuid"
    "  AND placement.status IN ('introduction', 'trial', 'active'))"
    " FROM workplace JOIN organisation"
    " ON organisation.uuid = workplace.host_organisation_uuid", error);
  if (statement == NULL)
    return NULL;
  while ((rc = sqlite3_step (statement)) == SQLITE_ROW)
    {
      g_autoptr(PlacementsWorkplaceFit) fit = g_object_new (PLACEMENTS_TYPE_WORKPLACE_FIT,
                                                            NULL);
      const char *tasks = (const char *) sqlite3_column_text (statement, 5);
      const char *country = (const char *) sqlite3_column_text (statement, 7);
      int area = postcode_area ((const char *) sqlite3_column_text (statement, 6));
      g_autofree char *matching_task = find_matching_task (tasks, wanted);
      const Buddy *buddy;

      fit->workplace_uuid = g_strdup ((const char *) sqlite3_column_text (statement, 0));
      fit->name = g_strdup ((const char *) sqlite3_column_text (statement, 1));
      fit->sort_key = g_strdup ((const char *) sqlite3_column_text (statement, 2));
      fit->capacity = sqlite3_column_int (statement, 3);
      fit->low_stimulus = sqlite3_column_int (statement, 4) != 0;
      fit->host_uuid = g_strdup ((const char *) sqlite3_column_text (statement, 8));
      fit->host_name = g_strdup ((const char *) sqlite3_column_text (statement, 9));
      fit->occupied = sqlite3_column_int (statement, 10);
      fit->nearness = compare_areas (client_area, client_country, area, country,
                                     &fit->area_distance);
      fit->tasks_match = matching_task != NULL;
      buddy = g_hash_table_lookup (buddies, fit->host_uuid);
      fit->buddy_uuid = buddy != NULL ? g_strdup (buddy->uuid) : NULL;
      add_reasons (fit, needs_low_stimulus, client_area, area, country, buddy, tasks,
                   matching_task);
      g_ptr_array_add (fits, g_steal_pointer (&fit));
    }
  if (rc != SQLITE_DONE)
    {
      placements_store_set_sqlite_error (store, error, "workplaces");
      sqlite3_reset (statement);
      return NULL;
    }
  sqlite3_reset (statement);

  g_ptr_array_sort_with_data (fits, compare_fits, GINT_TO_POINTER (needs_low_stimulus));
  for (guint i = 0; i < fits->len; i++)
    {
      PlacementsWorkplaceFit *fit = g_ptr_array_index (fits, i);

      fit->rank = i + 1;
    }
  g_list_store_splice (result, 0, 0, fits->pdata, fits->len);
  return g_steal_pointer (&result);
}
