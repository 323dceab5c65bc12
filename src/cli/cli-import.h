#pragma once

#include "placements-import.h"
#include "placements-store.h"

G_BEGIN_DECLS

/* Exit codes, as every placements-cli command uses them. */
enum
{
  CLI_IMPORT_OK = 0,
  CLI_IMPORT_REFUSED = 1,
  CLI_IMPORT_USAGE = 2,
};

/* import FILE [--dry-run] [--conflicts=keep|take] [--ack FILE]: prints the preview
 * (or an acknowledgement's results) and, unless @dry_run, applies it. On failure,
 * @error holds the one-line reason. */
int         cli_import_run          (PlacementsStore       *store,
                                     const char            *path,
                                     gboolean               dry_run,
                                     const char            *conflicts,
                                     const char            *ack_path,
                                     GError               **error);
/* validate FILE: the schema and the rules of the file alone; no database. */
int         cli_validate_run        (const char            *path,
                                     GError               **error);

G_END_DECLS
