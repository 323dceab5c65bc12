#define G_LOG_DOMAIN "placements-record-title"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-date.h"
#include "placements-enum-types.h"
#include "placements-enums.h"
#include "placements-record-title.h"
#include "placements-record-types.h"

static char *
dup_reference_title (PlacementsStore  *store,
                     PlacementsRecord *record,
                     const char       *field_name)
{
  return placements_record_dup_reference_name (record, field_name, store);
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
  g_return_val_if_fail (PLACEMENTS_IS_RECORD (record), NULL);

  if (PLACEMENTS_IS_BUDDY_PAIRING (record))
    return dup_reference_title (store, record, "client-uuid");
  if (PLACEMENTS_IS_LADDER_STEP (record))
    {
      PlacementsLadderStep *step = PLACEMENTS_LADDER_STEP (record);
      g_autofree char *date =
        placements_date_format_short (placements_ladder_step_get_date (step));
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
  if (PLACEMENTS_IS_SUCCESS_CRITERION (record))
    return placements_record_dup_field_text (record, "description");
  if (PLACEMENTS_IS_PILOT_PARTNER (record))
    return dup_reference_title (store, record, "organisation-uuid");
  if (PLACEMENTS_IS_PILOT_CONTACT (record))
    return dup_reference_title (store, record, "person-uuid");
  if (PLACEMENTS_IS_FUNDING (record))
    return dup_reference_title (store, record, "funder-uuid");
  return placements_record_dup_display_name (record, store);
}
