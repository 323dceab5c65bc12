#pragma once

#include <glib-object.h>

#include "placements-store.h"

G_BEGIN_DECLS

char            *placements_test_make_folder   (void);
void             placements_test_remove_folder (const char      *folder);
PlacementsStore *placements_test_open_store    (const char      *path);
void             placements_test_save_new      (PlacementsStore *store,
                                                GType            type,
                                                const char      *uuid,
                                                ...) G_GNUC_NULL_TERMINATED;
char            *placements_test_query_text    (PlacementsStore *store,
                                                const char      *sql);
char            *placements_test_dump_database (PlacementsStore *store);
void             placements_test_execute_elsewhere (PlacementsStore *store,
                                                    const char      *sql);

G_END_DECLS
