#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Process start-up of the core: call it first thing in main(), before anything
 * opens a database. It sets SQLite's process-wide configuration, which SQLite
 * accepts only before it is initialised; a later call does nothing.
 */
void placements_core_init (void);

G_END_DECLS
