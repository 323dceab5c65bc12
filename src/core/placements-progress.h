#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef void (*PlacementsProgressFunc) (double fraction, const char *stage, gpointer user_data);

G_END_DECLS
