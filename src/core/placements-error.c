#define G_LOG_DOMAIN "placements-error"

#include "config.h"

#include "placements-error.h"

G_DEFINE_QUARK (placements-error-quark, placements_error)
