#pragma once

#include "placements-store.h"

G_BEGIN_DECLS

/*
 * The messages this database sent and received, as the exchange log keeps them, newest
 * first, with what the partner's acknowledgement said of a sent one.
 */

typedef struct
{
  char    *message_id;
  gboolean sent;
  char    *kind;
  /* The partner's name, or NULL when the organisation was deleted. */
  char    *partner_name;
  char    *created;
  guint    n_records;
  /* When the acknowledgement came, or NULL: still waiting (sent messages only). */
  char    *answered;
  guint    n_accepted;
  guint    n_rejected;
  guint    n_warnings;
} PlacementsMessageInfo;

typedef struct
{
  char *record_uuid;
  char *kind;
  /* "accepted", "rejected" or "warning". */
  char *code;
  char *rule;
  char *message;
} PlacementsMessageResult;

/* PlacementsMessageInfo, acknowledgements themselves left out (they answer others). */
GPtrArray *placements_exchange_list_messages (PlacementsStore  *store,
                                              GError          **error);
/* PlacementsMessageResult of @message_id, rejections first. */
GPtrArray *placements_exchange_list_results  (PlacementsStore  *store,
                                              const char       *message_id,
                                              GError          **error);

G_END_DECLS
