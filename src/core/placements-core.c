#define G_LOG_DOMAIN "placements-core"

#include "config.h"

#include <sqlite3.h>

#include "placements-core.h"

void
placements_core_init (void)
{
  static gsize done = 0;

  if (!g_once_init_enter (&done))
    return;

  /*
   * Every page cache SQLite makes starts with a bulk allocation of 20 pages (85 KB).
   * The schema's CHECK (code IN (...)) constraints make SQLite build a small
   * ephemeral index, with its own page cache, for each INSERT that checks them: five
   * for a placement. The bulk allocation then cost a malloc, page faults and a free
   * per record, 20% of the CPU time of a bulk write. Pages are allocated one by one
   * instead. SQLite takes this only before it is initialised, which is why it is
   * done here, at process start-up, and not when the first store opens: by then a
   * test or a library may have used SQLite already, and the setting is refused.
   */
  if (sqlite3_config (SQLITE_CONFIG_PAGECACHE, NULL, 0, 0) != SQLITE_OK)
    g_debug ("SQLite was initialised before placements_core_init(); its page cache "
             "keeps its bulk allocation");

  g_once_init_leave (&done, 1);
}
