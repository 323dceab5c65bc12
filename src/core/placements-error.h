#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PLACEMENTS_ERROR (placements_error_quark ())

/**
 * PlacementsError:
 * @PLACEMENTS_ERROR_INVALID_FIELD: a field holds a value the domain does not allow
 * @PLACEMENTS_ERROR_NOT_FOUND: a record, or a record a field refers to, does not exist
 * @PLACEMENTS_ERROR_CONFLICT: the same record was changed here and elsewhere
 * @PLACEMENTS_ERROR_REFUSED_FILE: an exchange file was refused (malformed, hostile, invalid)
 * @PLACEMENTS_ERROR_NEWER_DATABASE: the database was written by a newer Placements
 * @PLACEMENTS_ERROR_IO: reading or writing a file or the database failed
 * @PLACEMENTS_ERROR_IN_USE: the record is still referred to by other records
 * @PLACEMENTS_ERROR_NO_CONSENT: the record may not be sent without a valid consent
 * @PLACEMENTS_ERROR_BUSY: another connection (an import, another program) holds the
 *   database's write lock; nothing was written, the same write may be tried again
 * @PLACEMENTS_ERROR_NETWORK_FILESYSTEM: the database is on a network file system,
 *   where SQLite's locking cannot be trusted
 * @PLACEMENTS_ERROR_NEEDS_CONFIRMATION: the write goes over a limit the user may pass (a
 *   workplace's capacity, a buddy's maximum), but only when they confirm it
 *
 * Codes of the core's error domain, each one a caller can act on.
 */
typedef enum
{
  PLACEMENTS_ERROR_INVALID_FIELD,
  PLACEMENTS_ERROR_NOT_FOUND,
  PLACEMENTS_ERROR_CONFLICT,
  PLACEMENTS_ERROR_REFUSED_FILE,
  PLACEMENTS_ERROR_NEWER_DATABASE,
  PLACEMENTS_ERROR_IO,
  PLACEMENTS_ERROR_IN_USE,
  PLACEMENTS_ERROR_NO_CONSENT,
  PLACEMENTS_ERROR_BUSY,
  PLACEMENTS_ERROR_NETWORK_FILESYSTEM,
  PLACEMENTS_ERROR_NEEDS_CONFIRMATION,
} PlacementsError;

GQuark placements_error_quark (void);

G_END_DECLS
