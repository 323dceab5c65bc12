#pragma once

#include "placements-record.h"

G_BEGIN_DECLS

struct _PlacementsRecordInfo
{
  char      *kind;
  char      *table;
  const char *label;
  /* PlacementsField*, at index property_id - 1 */
  GPtrArray *fields;
  char      *list_from;
  char      *default_order;
  char      *search_condition;
};

G_END_DECLS
