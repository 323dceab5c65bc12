#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * A file the app writes for someone to read later (an export, an acknowledgement):
 * mode 0600 from its first byte, never seen half-written at its path, and never left
 * behind as a temporary file by a process that was killed while writing it.
 *
 * The data goes into an unnamed file (O_TMPFILE) in the target's folder, which
 * vanishes with the process. Once complete and synced, placements_private_file_link()
 * gives it a temporary name beside the target, ".NAME.XXXXXX"; then
 * placements_private_file_replace() renames it over the target. Between the two a
 * caller commits its own record of the file, so that a kill leaves either no file
 * and no record, or a temporary name that the next write into that folder removes
 * (the writer holds a lock on it while it lives, which tells a leftover from a file
 * being written right now). Where the file system has no O_TMPFILE, the temporary
 * name is made first and held locked the same way.
 */
typedef struct _PlacementsPrivateFile PlacementsPrivateFile;

PlacementsPrivateFile *placements_private_file_new     (const char             *path,
                                                        GError                **error);
int                    placements_private_file_get_fd  (PlacementsPrivateFile  *self);
/* Writes all of @data at the file's end; an error names the target. */
gboolean               placements_private_file_write_all (PlacementsPrivateFile *self,
                                                          const char            *data,
                                                          gsize                  length,
                                                          GError               **error);
/* Flushes the data to the disk and gives it its temporary name. */
gboolean               placements_private_file_link    (PlacementsPrivateFile  *self,
                                                        GError                **error);
/* Renames it over the target and syncs the folder. */
gboolean               placements_private_file_replace (PlacementsPrivateFile  *self,
                                                        GError                **error);
/* Closes it; a file not yet in place is removed. */
void                   placements_private_file_free    (PlacementsPrivateFile  *self);

/* The whole of it for a file written at once: new, write, link, replace. */
gboolean               placements_private_file_write   (const char             *path,
                                                        const char             *data,
                                                        gsize                   length,
                                                        GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlacementsPrivateFile, placements_private_file_free)

G_END_DECLS
