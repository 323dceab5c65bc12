#include "config.h"

#include "placements-timestamp.h"

char *
placements_timestamp_format (GDateTime *moment)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (moment != NULL, NULL);

  utc = g_date_time_to_utc (moment);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S.%fZ");
}

char *
placements_timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return placements_timestamp_format (now);
}

char *
placements_timestamp_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}
