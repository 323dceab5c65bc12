#pragma once

#include <glib.h>

#include "placements-store.h"

G_BEGIN_DECLS

/*
 * What needs a coordinator's attention today, and the figures of the day: each list is
 * one SQL query over the store, fast at 100,000 clients (each uses an index or one pass
 * over a table), and each item names the record that opens it.
 */

typedef enum
{
  PLACEMENTS_ATTENTION_PILOT_DATES,
  PLACEMENTS_ATTENTION_CONSENTS,
  PLACEMENTS_ATTENTION_FOLLOW_UPS,
  PLACEMENTS_ATTENTION_LADDER,
  PLACEMENTS_ATTENTION_ALLOCATIONS,
  PLACEMENTS_ATTENTION_MESSAGES,
  PLACEMENTS_ATTENTION_WORKPLACES,
  PLACEMENTS_ATTENTION_BUDDIES,
  PLACEMENTS_ATTENTION_RETENTION,
  PLACEMENTS_N_ATTENTION_LISTS,
} PlacementsAttentionList;

typedef struct
{
  /* The kind of the record that opens, as placements_store_find_record_type() takes it. */
  char *kind;
  char *uuid;
  /* Whom or what it is about ("Bakker, Anouk"), and why, in the user's language. */
  char *title;
  char *detail;
  /* YYYY-MM-DD: when it is due or was, where it has a date. */
  char *date;
} PlacementsAttentionItem;

void        placements_attention_item_free      (PlacementsAttentionItem *item);

/* The list's heading, and what it holds, in the user's language. */
const char *placements_attention_list_get_title       (PlacementsAttentionList  list);
const char *placements_attention_list_get_description (PlacementsAttentionList  list);

/*
 * The items of @list on @today (YYYY-MM-DD), most urgent first, at most @limit of them;
 * @n_total gets how many there are in all. Clients are kept @retention_years after their
 * care ended (PLACEMENTS_ATTENTION_RETENTION only).
 */
GPtrArray  *placements_overview_list            (PlacementsStore          *store,
                                                 PlacementsAttentionList   list,
                                                 const char               *today,
                                                 guint                     retention_years,
                                                 guint                     limit,
                                                 guint                    *n_total,
                                                 GError                  **error);

typedef struct
{
  /* Clients by the status of their latest placement (PlacementsPlacementStatus). */
  guint clients_by_status[6];
  guint active_placements;
  guint workplaces;
  guint capacity;
  /* Places held now: introduction, trial and active. */
  guint occupied;
} PlacementsOverviewFigures;

gboolean    placements_overview_get_figures     (PlacementsStore            *store,
                                                 PlacementsOverviewFigures  *figures,
                                                 GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlacementsAttentionItem, placements_attention_item_free)

G_END_DECLS
