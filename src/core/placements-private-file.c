#define G_LOG_DOMAIN "placements-private-file"
/* O_TMPFILE and linkat() are Linux's. */
#define _GNU_SOURCE

#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "placements-error.h"
#include "placements-private-file.h"

/* ".NAME." and six characters, as g_mkstemp() makes them. */
#define TEMPORARY_SUFFIX_LENGTH 6

struct _PlacementsPrivateFile
{
  char     *path;
  char     *folder;
  char     *basename;
  /* The temporary name, once the file has one. */
  char     *temporary;
  int       fd;
  gboolean  replaced;
};

static void
set_io_error (GError     **error,
              const char  *path,
              int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO,
               _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
}

static gboolean
is_temporary_name (const char *name,
                   const char *basename)
{
  gsize length = strlen (basename);

  return name[0] == '.' && strncmp (name + 1, basename, length) == 0 &&
         name[1 + length] == '.' &&
         strlen (name + 2 + length) == TEMPORARY_SUFFIX_LENGTH;
}

/*
 * Removes what a killed writer of @basename left in @folder: a temporary name that
 * nobody holds locked. A live writer holds its lock from before the name exists
 * until it is gone, so its file is never taken. Only files of this user are looked
 * at; a failure is no reason not to write the new file.
 */
static void
remove_leftovers (const char *folder,
                  const char *basename)
{
  DIR *directory = opendir (folder);
  struct dirent *entry;

  if (directory == NULL)
    return;
  while ((entry = readdir (directory)) != NULL)
    {
      g_autofree char *candidate = NULL;
      struct stat by_fd;
      struct stat by_name;
      int fd;

      if (!is_temporary_name (entry->d_name, basename))
        continue;
      candidate = g_build_filename (folder, entry->d_name, NULL);
      fd = open (candidate, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
      if (fd < 0)
        continue;
      if (fstat (fd, &by_fd) == 0 && S_ISREG (by_fd.st_mode) && by_fd.st_uid == getuid () &&
          flock (fd, LOCK_EX | LOCK_NB) == 0 &&
          lstat (candidate, &by_name) == 0 && by_name.st_ino == by_fd.st_ino &&
          by_name.st_dev == by_fd.st_dev)
        {
          g_debug ("Removing %s, left behind by an earlier write", candidate);
          g_unlink (candidate);
        }
      close (fd);
    }
  closedir (directory);
}

PlacementsPrivateFile *
placements_private_file_new (const char  *path,
                             GError     **error)
{
  g_autoptr(PlacementsPrivateFile) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (PlacementsPrivateFile, 1);
  self->fd = -1;
  self->path = g_strdup (path);
  self->folder = g_path_get_dirname (path);
  self->basename = g_path_get_basename (path);

  remove_leftovers (self->folder, self->basename);

#ifdef O_TMPFILE
  self->fd = open (self->folder, O_TMPFILE | O_RDWR | O_CLOEXEC, 0600);
#endif
  if (self->fd < 0)
    {
      /* No O_TMPFILE here (an older kernel, some network or FUSE file systems): a
       * named temporary file from the start, locked as soon as it exists. */
      self->temporary = g_strdup_printf ("%s%c.%s.XXXXXX", self->folder, G_DIR_SEPARATOR,
                                         self->basename);
      self->fd = g_mkstemp_full (self->temporary, O_RDWR | O_CLOEXEC, 0600);
      if (self->fd < 0)
        {
          set_io_error (error, path, errno);
          g_clear_pointer (&self->temporary, g_free);
          return NULL;
        }
    }
  /* A umask does not widen 0600, but a file system may have given the file its own. */
  if (flock (self->fd, LOCK_EX) != 0 || fchmod (self->fd, 0600) != 0)
    {
      set_io_error (error, path, errno);
      return NULL;
    }
  return g_steal_pointer (&self);
}

int
placements_private_file_get_fd (PlacementsPrivateFile *self)
{
  g_return_val_if_fail (self != NULL, -1);
  return self->fd;
}

static gboolean
link_unnamed (PlacementsPrivateFile  *self,
              GError                **error)
{
  g_autofree char *proc_path = g_strdup_printf ("/proc/self/fd/%d", self->fd);

  for (int attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf ("%s%c.%s.XXXXXX", self->folder,
                                               G_DIR_SEPARATOR, self->basename);
      static const char letters[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
      char *x = name + strlen (name) - TEMPORARY_SUFFIX_LENGTH;

      for (int i = 0; i < TEMPORARY_SUFFIX_LENGTH; i++)
        x[i] = letters[g_random_int_range (0, sizeof letters - 1)];

      if (linkat (AT_FDCWD, proc_path, AT_FDCWD, name, AT_SYMLINK_FOLLOW) == 0)
        {
          self->temporary = g_steal_pointer (&name);
          return TRUE;
        }
      if (errno != EEXIST)
        {
          set_io_error (error, self->path, errno);
          return FALSE;
        }
    }
  set_io_error (error, self->path, EEXIST);
  return FALSE;
}

gboolean
placements_private_file_link (PlacementsPrivateFile  *self,
                              GError                **error)
{
  g_return_val_if_fail (self != NULL && self->fd >= 0, FALSE);

  if (fsync (self->fd) != 0)
    {
      set_io_error (error, self->path, errno);
      return FALSE;
    }
  return self->temporary != NULL || link_unnamed (self, error);
}

gboolean
placements_private_file_replace (PlacementsPrivateFile  *self,
                                 GError                **error)
{
  int folder_fd;

  g_return_val_if_fail (self != NULL && self->temporary != NULL, FALSE);

  if (g_rename (self->temporary, self->path) != 0)
    {
      set_io_error (error, self->path, errno);
      return FALSE;
    }
  self->replaced = TRUE;
  /* The rename itself survives a power cut only once the folder is synced. */
  folder_fd = open (self->folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (folder_fd >= 0)
    {
      fsync (folder_fd);
      close (folder_fd);
    }
  return TRUE;
}

void
placements_private_file_free (PlacementsPrivateFile *self)
{
  if (self == NULL)
    return;
  /* Removed before the lock goes with the descriptor: nobody else may take it. */
  if (self->temporary != NULL && !self->replaced)
    g_unlink (self->temporary);
  if (self->fd >= 0)
    close (self->fd);
  g_free (self->temporary);
  g_free (self->basename);
  g_free (self->folder);
  g_free (self->path);
  g_free (self);
}

gboolean
placements_private_file_write_all (PlacementsPrivateFile  *self,
                                   const char             *data,
                                   gsize                   length,
                                   GError                **error)
{
  gsize written = 0;

  g_return_val_if_fail (self != NULL, FALSE);

  while (written < length)
    {
      gssize n = write (self->fd, data + written, length - written);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_io_error (error, self->path, errno);
          return FALSE;
        }
      written += (gsize) n;
    }
  return TRUE;
}

gboolean
placements_private_file_write (const char  *path,
                               const char  *data,
                               gsize        length,
                               GError     **error)
{
  g_autoptr(PlacementsPrivateFile) file = placements_private_file_new (path, error);

  return file != NULL &&
         placements_private_file_write_all (file, data, length, error) &&
         placements_private_file_link (file, error) &&
         placements_private_file_replace (file, error);
}
