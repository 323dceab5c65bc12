#define G_LOG_DOMAIN "placements-record-types"

#include "config.h"

#include "placements-record-types.h"
#include "placements-store.h"

/*
 * The order matters: each type comes after every type it refers to, so records
 * can be written, exported and imported in this order.
 */
const GType *
placements_store_get_record_types (guint *n_types)
{
  static GType types[18];
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      GType ordered[] = {
        PLACEMENTS_TYPE_ORGANISATION,
        PLACEMENTS_TYPE_PERSON,
        PLACEMENTS_TYPE_CLIENT,
        PLACEMENTS_TYPE_LADDER_STEP,
        PLACEMENTS_TYPE_ALLOCATION,
        PLACEMENTS_TYPE_WORKPLACE,
        PLACEMENTS_TYPE_ATTENDANCE,
        PLACEMENTS_TYPE_BUDDY,
        PLACEMENTS_TYPE_BUDDY_PAIRING,
        PLACEMENTS_TYPE_PILOT,
        PLACEMENTS_TYPE_PILOT_PARTNER,
        PLACEMENTS_TYPE_PILOT_CONTACT,
        PLACEMENTS_TYPE_FUNDING,
        PLACEMENTS_TYPE_SUCCESS_CRITERION,
        PLACEMENTS_TYPE_PLACEMENT,
        PLACEMENTS_TYPE_PROGRESS_NOTE,
        PLACEMENTS_TYPE_CONSENT,
        PLACEMENTS_TYPE_AUDIT_EVENT,
      };

      G_STATIC_ASSERT (G_N_ELEMENTS (ordered) == G_N_ELEMENTS (types));
      for (gsize i = 0; i < G_N_ELEMENTS (ordered); i++)
        {
          types[i] = ordered[i];
          /* Class data (table, fields) is set up once, here, not in a thread later. */
          g_type_class_ref (types[i]);
        }
      g_once_init_leave (&initialised, 1);
    }

  if (n_types != NULL)
    *n_types = G_N_ELEMENTS (types);
  return types;
}

GType
placements_store_find_record_type (const char *kind)
{
  guint n_types = 0;
  const GType *types = placements_store_get_record_types (&n_types);

  g_return_val_if_fail (kind != NULL, G_TYPE_INVALID);

  for (guint i = 0; i < n_types; i++)
    {
      PlacementsRecordClass *klass = g_type_class_peek (types[i]);

      if (g_str_equal (placements_record_class_get_kind (klass), kind))
        return types[i];
    }
  return G_TYPE_INVALID;
}
