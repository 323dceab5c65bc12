#pragma once

#include <adwaita.h>

#include "placements-editor-section.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_ACCESS_LOG_GROUP (placements_access_log_group_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsAccessLogGroup, placements_access_log_group,
                      PLACEMENTS, ACCESS_LOG_GROUP, AdwPreferencesGroup)

/* How many entries the group shows, the newest; the command line has them all. */
#define PLACEMENTS_ACCESS_LOG_GROUP_MAX_ROWS 50

/*
 * A client's access log (NEN 7513) on their page: from the audit log, newest first, when,
 * who (the OS user), what (opened, changed, exported, …, and which kind of record) and
 * from which program. Read only; a client not saved yet has no log and the group hides.
 */
GtkWidget *placements_access_log_group_new         (void);
/* The rows' titles and subtitles as shown, newest first, for tests: "title\tsubtitle". */
GStrv      placements_access_log_group_dup_entries (PlacementsAccessLogGroup *self);

G_END_DECLS
