#pragma once

#include "placements-store.h"

G_BEGIN_DECLS

/*
 * What an export would send, told before it is written: how many clients travel, and
 * which are left out and why. The rules are the export's (placements-exchange-export-
 * select.c, docs/exchange-format.md "Consent"); the reason given is the first of them
 * a client fails.
 */

typedef enum
{
  PLACEMENTS_LEFT_OUT_NO_CONSENT,
  PLACEMENTS_LEFT_OUT_NOT_YET_GIVEN,
  PLACEMENTS_LEFT_OUT_WITHDRAWN,
  PLACEMENTS_LEFT_OUT_EXPIRED,
  PLACEMENTS_LEFT_OUT_PURPOSE,
  PLACEMENTS_LEFT_OUT_NO_IDENTITY,
} PlacementsLeftOutReason;

typedef struct
{
  char                    *client_uuid;
  char                    *name;
  PlacementsLeftOutReason  reason;
} PlacementsLeftOut;

typedef struct
{
  guint      n_clients;
  guint      n_left_out;
  /* PlacementsLeftOut, the first @limit of them by name. */
  GPtrArray *left_out;
} PlacementsExportPlan;

/* @receiver is an exchange id or UUID, as for placements_export_new(); @pilot_uuid and
 * @client_uuid (both nullable) narrow it to a pilot's clients or to one client. */
PlacementsExportPlan *placements_export_plan            (PlacementsStore  *store,
                                                         const char       *receiver,
                                                         const char       *pilot_uuid,
                                                         const char       *client_uuid,
                                                         gboolean          pseudonymise,
                                                         guint             limit,
                                                         GError          **error);
void                  placements_export_plan_free       (PlacementsExportPlan *plan);
/* Why, in a sentence, translated: "No consent for %s" and the like. */
char                 *placements_left_out_reason_describe (PlacementsLeftOutReason reason,
                                                           const char             *receiver_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlacementsExportPlan, placements_export_plan_free)

G_END_DECLS
