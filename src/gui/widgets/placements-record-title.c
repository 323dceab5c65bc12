#define G_LOG_DOMAIN "placements-record-title"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-date.h"
#include "placements-enum-types.h"
#include "placements-enums.h"
#include "placements-record-title.h"
#include "placements-record-types.h"

static char *
dup_person_name (PlacementsRecord *record)
{
  g_autofree char *given_name = NULL;
  g_autofree char *family_name = NULL;

  g_object_get (record, "given-name", &given_name, "family-name", &family_name, NULL);
  if (given_name == NULL || *given_name == '\0')
    return g_strdup (family_name != NULL ? family_name : "");
  if (family_name == NULL || *family_name == '\0')
    return g_strdup (given_name);
  /* Translators: a person's full name in lists: given name, then family name. */
  return g_strdup_printf (C_("full name", "%s %s"), given_name, family_name);
}

static char *
dup_reference_title (PlacementsStore  *store,
                     PlacementsRecord *record,
                     const char       *field_name)
{
  const PlacementsField *field =
    placements_record_class_find_field (PLACEMENTS_RECORD_GET_CLASS (record), field_name);
  g_autoptr(PlacementsRecord) referenced = NULL;
  const char *uuid;

  if (store == NULL || field == NULL)
    return g_strdup ("");
  uuid = placements_record_get_string (record, field->pspec->param_id);
  if (uuid == NULL || *uuid == '\0')
    return g_strdup ("");
  referenced = placements_store_load (store, field->references, uuid, NULL);
  if (referenced == NULL)
    return g_strdup ("");
  return placements_record_dup_title (store, referenced);
}

static char *
join_titles (const char *first,
             const char *second)
{
  if (*first == '\0')
    return g_strdup (second);
  if (*second == '\0')
    return g_strdup (first);
  /* Translators: two names that together say what a record is, as "Client · Workplace". */
  return g_strdup_printf (C_("record title", "%s · %s"), first, second);
}

char *
placements_record_dup_title (PlacementsStore  *store,
                             PlacementsRecord *record)
{
  GObjectClass *klass;

  g_return_val_if_fail (PLACEMENTS_IS_RECORD (record), NULL);

  klass = G_OBJECT_GET_CLASS (record);
  if (g_object_class_find_property (klass, "name") != NULL)
    {
      char *name = NULL;

      g_object_get (record, "name", &name, NULL);
      return name != NULL ? name : g_strdup ("");
    }
  if (g_object_class_find_property (klass, "family-name") != NULL)
    return dup_person_name (record);
  if (PLACEMENTS_IS_BUDDY (record))
    return dup_reference_title (store, record, "person-uuid");
  if (PLACEMENTS_IS_PLACEMENT (record))
    {
      g_autofree char *client = dup_reference_title (store, record, "client-uuid");
      g_autofree char *workplace = dup_reference_title (store, record, "workplace-uuid");

      return join_titles (client, workplace);
    }
  if (PLACEMENTS_IS_BUDDY_PAIRING (record))
    return dup_reference_title (store, record, "client-uuid");
  if (PLACEMENTS_IS_LADDER_STEP (record))
    {
      PlacementsLadderStep *step = PLACEMENTS_LADDER_STEP (record);
      g_autofree char *date = placements_date_format_short (placements_ladder_step_get_date (step));
      g_autofree char *rung = NULL;

      /* Translators: a step on the participation ladder, 1 to 6. */
      rung = g_strdup_printf (_("Rung %d"), placements_ladder_step_get_rung (step));
      return join_titles (rung, date);
    }
  if (PLACEMENTS_IS_CONSENT (record))
    return dup_reference_title (store, record, "receiver-uuid");
  if (PLACEMENTS_IS_ALLOCATION (record))
    {
      g_autofree char *product = placements_record_dup_field_text (record, "product");
      g_autofree char *funder = dup_reference_title (store, record, "funder-uuid");

      return join_titles (product, funder);
    }
  if (PLACEMENTS_IS_PROGRESS_NOTE (record))
    {
      g_autofree char *date_text = placements_record_dup_field_text (record, "date");
      g_autofree char *date = placements_date_format_short (date_text);
      g_autofree char *kind = NULL;
      int value;

      g_object_get (record, "kind", &value, NULL);
      kind = g_strdup (placements_enum_get_label (PLACEMENTS_TYPE_NOTE_KIND, value));
      return join_titles (kind, date);
    }
  if (g_object_class_find_property (klass, "person-uuid") != NULL)
    return dup_reference_title (store, record, "person-uuid");
  if (g_object_class_find_property (klass, "organisation-uuid") != NULL)
    return dup_reference_title (store, record, "organisation-uuid");

  return g_strdup (placements_record_class_get_label (PLACEMENTS_RECORD_GET_CLASS (record)));
}
