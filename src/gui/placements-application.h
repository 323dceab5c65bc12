#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_APPLICATION (placements_application_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsApplication, placements_application,
                      PLACEMENTS, APPLICATION, AdwApplication)

PlacementsApplication *placements_application_new (void);

G_END_DECLS
