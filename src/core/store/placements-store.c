#define G_LOG_DOMAIN "placements-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "placements-audit-log.h"
#include "placements-core-resources.h"
#include "placements-enum-types.h"
#include "placements-enums.h"
#include "placements-error.h"
#include "placements-filesystem.h"
#include "placements-placement-steps.h"
#include "placements-record-types.h"
#include "placements-sort-key.h"
#include "placements-statement-cache.h"
#include "placements-timestamp.h"
#include "placements-store-private.h"

/*
 * The store owns one SQLite connection. Every write is validated, its references
 * checked (so the error names the field, not a foreign key), and run in a
 * BEGIN IMMEDIATE transaction; "changed" is emitted once per committed write.
 *
 * Over 1,000 lines, on purpose: opening (with migrations and the read-only
 * fallback), transactions with their change notification, and the write path
 * (reference checks, the audit log) all work on this object's connection and
 * transaction state, which stays private to this file rather than shared through
 * a header by several. What needs none of that lives beside it: the statement
 * cache (placements-statement-cache.c) and the conversions between rows and
 * records (placements-store-rows.c).
 */

struct _PlacementsStore
{
  GObject     parent_instance;

  /* Owned */
  sqlite3    *db;
  char       *path;
  PlacementsStatementCache *statements;
  GHashTable *type_statements; /* GType → TypeStatements, borrowing from statements */
  GHashTable *pending_changes; /* GType → GPtrArray of UUIDs, NULL for "many" */
  GHashTable *known_records;   /* UUID → GType written in this transaction, borrowed */
  /* The time every record written in the current transaction is stamped with. */
  char       *transaction_time;
  int         schema_version;
  PlacementsStoreOpenFlags open_flags;
  guint       busy_timeout;    /* in milliseconds */
  gint64      busy_since;      /* monotonic µs of the current wait for the lock */
  int         cache_size;      /* the connection's own, as PRAGMA cache_size says it */
  gboolean    in_transaction;
  gboolean    large_cache;     /* raised for an explicit transaction */
  gboolean    read_only;       /* opened read-only: the file or folder cannot be written */
  /* A bulk write whose caller logs one summary (an import, the demo data) instead of
   * an entry per record created or changed. Ends with the transaction. */
  gboolean    bulk_audit;
};

/*
 * The statements a save runs, per record type, prepared once. Looking them up by
 * type rather than by their SQL text saves building and hashing a few hundred
 * bytes of SQL for every record, which a bulk write (an import, the demo data)
 * feels.
 */
typedef struct
{
  sqlite3_stmt *insert;
  sqlite3_stmt *update;
  sqlite3_stmt *find;    /* SELECT id, created ... WHERE uuid = ? */
} TypeStatements;

G_DEFINE_FINAL_TYPE (PlacementsStore, placements_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Past this many UUIDs a "changed" says "many" (NULL) rather than list them. */
#define MAX_CHANGED_UUIDS 64

/*
 * The page cache of an explicit transaction, in KiB. Many writes at once (an
 * import, demo data) insert into the UUID indexes at random places all over the
 * file; with SQLite's default 2 MB the pages are spilled to the WAL and read back
 * again and again. Measured with 100,000 demo clients: 2 MB 20-25 s system time,
 * 64 MB 8.5 s, 128 MB 4.6 s, 256 MB 4.0 s. An import of all 100,000 clients
 * (765,000 records, a 780 MB database) still spilled at 128 MB, which made it
 * slower per record than an import of 10,000: 512 MB wrote 2.7 GB instead of
 * 3.5 GB to the disk, for 4-12% less time and 1.2 GB of memory at the peak instead
 * of 850 MB. The cache only grows as pages are used, so a smaller transaction
 * never holds more than it touched, and it is given back at the end.
 */
#define TRANSACTION_CACHE_KIB 524288

/* The migrations, applied in order; user_version counts those applied. */
static const char * const migrations[] = {
  "/org/example/Placements/core/migrations/0001-initial.sql",
  "/org/example/Placements/core/migrations/0002-exchange.sql",
  "/org/example/Placements/core/migrations/0003-exchange-base-without-rowid.sql",
  "/org/example/Placements/core/migrations/0004-folded-search.sql",
  "/org/example/Placements/core/migrations/0005-message-digest.sql",
  "/org/example/Placements/core/migrations/0006-audit-chain.sql",
  "/org/example/Placements/core/migrations/0007-forget-deleted.sql",
  "/org/example/Placements/core/migrations/0008-placing.sql",
  "/org/example/Placements/core/migrations/0009-overview.sql",
  "/org/example/Placements/core/migrations/0010-overview-summaries.sql",
  "/org/example/Placements/core/migrations/0011-criterion-measure.sql",
};

static void
placements_store_finalize (GObject *object)
{
  PlacementsStore *self = PLACEMENTS_STORE (object);

  if (self->in_transaction)
    placements_store_rollback (self);
  g_clear_pointer (&self->type_statements, g_hash_table_unref);
  g_clear_pointer (&self->statements, placements_statement_cache_free);
  g_clear_pointer (&self->pending_changes, g_hash_table_unref);
  g_clear_pointer (&self->transaction_time, g_free);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (placements_store_parent_class)->finalize (object);
}

static void
placements_store_class_init (PlacementsStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = placements_store_finalize;

  /**
   * PlacementsStore::changed:
   * @record_type: the type of the records that changed
   * @uuids: (nullable): their UUIDs, or %NULL when many or unknown
   *
   * Emitted after a committed write.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_GTYPE, G_TYPE_STRV);
}

static void
free_uuid_list (gpointer data)
{
  if (data != NULL)
    g_ptr_array_unref (data);
}

static void
placements_store_init (PlacementsStore *self)
{
  self->type_statements = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->pending_changes = g_hash_table_new_full (NULL, NULL, NULL, free_uuid_list);
}

char *
placements_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "placements", "placements.db", NULL);
}

char *
placements_store_resolve_path (const char *command_line_path)
{
  const char *from_environment = g_getenv ("PLACEMENTS_DB");

  if (command_line_path != NULL && *command_line_path != '\0')
    return g_strdup (command_line_path);
  if (from_environment != NULL && *from_environment != '\0')
    return g_strdup (from_environment);
  return placements_store_get_default_path ();
}

int
placements_store_get_latest_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}

void
placements_store_set_sqlite_error (PlacementsStore  *self,
                                   GError          **error,
                                   const char       *context)
{
  int code = sqlite3_extended_errcode (self->db);
  int primary = code & 0xff;
  PlacementsError error_code = PLACEMENTS_ERROR_IO;

  /* Another writer: our words only, since the caller's next step is to wait or to
   * try again, and SQLite's English "database is locked" says neither. */
  if (primary == SQLITE_BUSY)
    {
      placements_store_set_busy_error (self->path, error);
      return;
    }
  if (code == SQLITE_CONSTRAINT_FOREIGNKEY)
    error_code = PLACEMENTS_ERROR_IN_USE;
  else if (primary == SQLITE_CONSTRAINT)
    error_code = PLACEMENTS_ERROR_INVALID_FIELD;

  /* SQLite's own message is English; it is kept as the detail after our words. */
  g_set_error (error, PLACEMENTS_ERROR, error_code, "%s: %s", context, sqlite3_errmsg (self->db));
}

void
placements_store_set_busy_error (const char  *path,
                                 GError     **error)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_BUSY,
               _("An import is running, or another program is writing to the database "
                 "“%s”; nothing was changed. Try again when it has finished."), display);
}

sqlite3_stmt *
placements_store_prepare (PlacementsStore  *self,
                          const char       *sql,
                          GError          **error)
{
  sqlite3_stmt *statement = placements_statement_cache_prepare (self->statements, sql);

  if (statement == NULL)
    {
      placements_store_set_sqlite_error (self, error, _("The database could not be read"));
      g_debug ("Could not prepare: %s", sql);
    }
  return statement;
}

guint
placements_store_get_n_cached_statements (PlacementsStore *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_STORE (self), 0);
  return placements_statement_cache_get_n_statements (self->statements);
}

/* For migrations that compute folded text and sort keys the way the store does. */
static gboolean
register_functions (PlacementsStore  *self,
                    GError          **error)
{
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

  if (sqlite3_create_function (self->db, "placements_fold", -1, flags, NULL,
                               placements_store_sql_fold, NULL, NULL) != SQLITE_OK ||
      sqlite3_create_function (self->db, "placements_sort_key_for_text", 1, flags, NULL,
                               placements_store_sql_sort_key_for_text, NULL, NULL) != SQLITE_OK ||
      sqlite3_create_function (self->db, "placements_sort_key_for_name", 2, flags, NULL,
                               placements_store_sql_sort_key_for_name, NULL, NULL) != SQLITE_OK ||
      !placements_audit_log_register_functions (self->db))
    {
      placements_store_set_sqlite_error (self, error, _("The database could not be opened"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
exec (PlacementsStore  *self,
      const char       *sql,
      GError          **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      placements_store_set_sqlite_error (self, error, _("The database could not be written"));
      return FALSE;
    }
  return TRUE;
}

static int
query_int (PlacementsStore *self,
           const char      *sql,
           int             *value)
{
  sqlite3_stmt *statement = NULL;
  int result = sqlite3_prepare_v2 (self->db, sql, -1, &statement, NULL);

  if (result == SQLITE_OK)
    {
      result = sqlite3_step (statement);
      if (result == SQLITE_ROW)
        {
          *value = sqlite3_column_int (statement, 0);
          result = SQLITE_OK;
        }
    }
  sqlite3_finalize (statement);
  return result;
}

/* The file is made here, not by SQLite, so that it is private from the first byte. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO,
                   _("The folder “%s” could not be created: %s"),
                   folder, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO,
                   _("The database “%s” could not be opened: %s"),
                   path, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  return TRUE;
}

/*
 * The generated resource code registers itself from a constructor once its object
 * is linked in; referring to it here makes sure it is. Registering on every open
 * would add it to GLib's list of resources again each time, never to be removed.
 */
static void
ensure_resources (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      if (!g_resources_get_info (migrations[0], G_RESOURCE_LOOKUP_FLAGS_NONE, NULL, NULL, NULL))
        g_resources_register (placements_core_get_resource ());
      g_once_init_leave (&done, 1);
    }
}

/*
 * The sort keys came (with their indexes) by an edit of 0001-initial.sql, after
 * databases of schema 1 and of early schema 2 had been made without them. Such a
 * database is given the columns and the indexes that a new one has before
 * migration 4 computes the keys.
 */
static gboolean
add_missing_sort_keys (PlacementsStore  *self,
                       GError          **error)
{
  static const struct
  {
    const char *table;
    const char *indexes;
  } tables[] = {
    { "organisation",
      "DROP INDEX IF EXISTS organisation_by_name; DROP INDEX IF EXISTS organisation_by_kind;"
      "CREATE INDEX organisation_by_name ON organisation (sort_key);"
      "CREATE INDEX organisation_by_kind ON organisation (kind, sort_key);" },
    { "person",
      "DROP INDEX IF EXISTS person_by_name; DROP INDEX IF EXISTS person_by_organisation;"
      "CREATE INDEX person_by_name ON person (sort_key);"
      "CREATE INDEX person_by_organisation ON person (organisation_uuid, sort_key);" },
    { "client",
      "DROP INDEX IF EXISTS client_by_name; DROP INDEX IF EXISTS client_by_organisation;"
      "CREATE INDEX client_by_name ON client (sort_key);"
      "CREATE INDEX client_by_organisation ON client (care_organisation_uuid, sort_key);" },
    { "workplace",
      "DROP INDEX IF EXISTS workplace_by_name; DROP INDEX IF EXISTS workplace_by_host;"
      "CREATE INDEX workplace_by_name ON workplace (sort_key);"
      "CREATE INDEX workplace_by_host ON workplace (host_organisation_uuid, sort_key);" },
    { "pilot",
      "DROP INDEX IF EXISTS pilot_by_name; DROP INDEX IF EXISTS pilot_by_status;"
      "CREATE INDEX pilot_by_name ON pilot (sort_key);"
      "CREATE INDEX pilot_by_status ON pilot (status, sort_key);" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *probe =
        g_strdup_printf ("SELECT count(*) FROM pragma_table_info('%s') WHERE name = 'sort_key'",
                         tables[i].table);
      g_autofree char *add =
        g_strdup_printf ("ALTER TABLE %s ADD COLUMN sort_key TEXT NOT NULL DEFAULT ''",
                         tables[i].table);
      int has_sort_key = 0;

      if (query_int (self, probe, &has_sort_key) != SQLITE_OK)
        {
          placements_store_set_sqlite_error (self, error, _("The database could not be read"));
          return FALSE;
        }
      if (has_sort_key == 0 &&
          (!exec (self, add, error) || !exec (self, tables[i].indexes, error)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
apply_migration (PlacementsStore  *self,
                 int               version,
                 GError          **error)
{
  g_autoptr(GBytes) script = NULL;
  g_autofree char *set_version = NULL;
  g_autofree char *sql = NULL;

  script = g_resources_lookup_data (migrations[version - 1], G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (script == NULL)
    return FALSE;
  sql = g_strndup (g_bytes_get_data (script, NULL), g_bytes_get_size (script));
  set_version = g_strdup_printf ("PRAGMA user_version = %d", version);

  /* One transaction per migration: a failed one leaves the previous version intact. */
  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  if ((version == 4 && !add_missing_sort_keys (self, error)) ||
      !exec (self, sql, error) || !exec (self, set_version, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_prefix_error (error, _("The database could not be upgraded to version %d: "), version);
      return FALSE;
    }
  return exec (self, "COMMIT", error);
}

/* Why a database cannot be used, in words that point at the cause: a full disk or a
 * read-only folder is not a damaged file. @result is SQLite's (extended) code. */
static void
set_open_error (PlacementsStore  *self,
                int               result,
                GError          **error)
{
  int primary = result & 0xff;
  int system_errno = self->db != NULL ? sqlite3_system_errno (self->db) : 0;

  if (primary == SQLITE_BUSY)
    placements_store_set_busy_error (self->path, error);
  else if (primary == SQLITE_FULL || system_errno == ENOSPC || system_errno == EDQUOT)
    g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO,
                 _("The database “%s” could not be opened: the disk is full. Make room "
                   "on it and try again."),
                 self->path);
  else if (primary == SQLITE_READONLY || system_errno == EROFS || system_errno == EACCES ||
           system_errno == EPERM)
    g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO,
                 _("The database “%s” cannot be changed: the file or its folder is "
                   "read-only"),
                 self->path);
  else if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
    g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO,
                 _("“%s” is not a Placements database: %s"),
                 self->path, sqlite3_errstr (result));
  else
    g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO,
                 _("The database “%s” could not be opened: %s"),
                 self->path,
                 system_errno != 0 ? g_strerror (system_errno) : sqlite3_errstr (result));
}

/* Neither the file nor its folder may be written: SQLite could not make its
 * write-ahead log and shared-memory files there. */
static gboolean
is_writable (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);

  return g_access (path, R_OK | W_OK) == 0 && g_access (folder, W_OK) == 0;
}

/* No committed change waits in a write-ahead log: the file itself is the database. */
static gboolean
has_no_pending_log (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf info;

  return g_stat (wal, &info) != 0 || info.st_size == 0;
}

static char *
read_only_uri (const char *path)
{
  g_autofree char *folder = g_path_get_dirname (path);
  g_autofree char *escaped = g_uri_escape_string (path, "/", FALSE);

  /*
   * Without a write-ahead log, and with a folder where none can be made (read-only,
   * or full), nobody can be writing this database: it may be read as immutable,
   * which needs no shared-memory file either. Otherwise SQLite reads it with the
   * others' log.
   */
  if (has_no_pending_log (path) && g_access (folder, W_OK) != 0)
    return g_strconcat ("file:", escaped, "?mode=ro&immutable=1", NULL);
  return g_strconcat ("file:", escaped, "?mode=ro", NULL);
}

/* Opens the connection and reads the schema version; SQLite's code, or SQLITE_OK. */
static int
open_connection (PlacementsStore *self,
                 gboolean         read_only,
                 gboolean         immutable,
                 int             *version)
{
  g_autofree char *uri = NULL;
  int result;

  if (self->db != NULL)
    {
      g_clear_pointer (&self->statements, placements_statement_cache_free);
      sqlite3_close (self->db);
      self->db = NULL;
    }

  if (read_only)
    {
      uri = read_only_uri (self->path);
      if (immutable && strstr (uri, "immutable") == NULL)
        {
          g_autofree char *plain = g_steal_pointer (&uri);

          uri = g_strconcat (plain, "&immutable=1", NULL);
        }
    }
  result = sqlite3_open_v2 (read_only ? uri : self->path, &self->db,
                            (read_only ? SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
                                       : SQLITE_OPEN_READWRITE) |
                            SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE,
                            NULL);
  if (result != SQLITE_OK)
    return result;

  placements_store_set_busy_timeout (self, PLACEMENTS_STORE_DEFAULT_BUSY_TIMEOUT);
  self->statements = placements_statement_cache_new (self->db);
  self->read_only = read_only;

  /* Read the version before anything writes: a newer database is left untouched. */
  return query_int (self, "PRAGMA user_version", version);
}

PlacementsStore *
placements_store_open (const char  *path,
                       GError     **error)
{
  return placements_store_open_full (path, PLACEMENTS_STORE_OPEN_DEFAULT, error);
}

PlacementsStore *
placements_store_open_full (const char                *path,
                            PlacementsStoreOpenFlags   flags,
                            GError                   **error)
{
  g_autoptr(PlacementsStore) self = NULL;
  gboolean for_reading = (flags & PLACEMENTS_STORE_OPEN_FOR_READING) != 0;
  int version = 0;
  int result;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  ensure_resources ();

  /* Before anything is made there: the folder would be left behind too. */
  if ((flags & PLACEMENTS_STORE_OPEN_ALLOW_NETWORK_FILESYSTEM) == 0)
    {
      const char *network = placements_filesystem_find_network (path);

      if (network != NULL)
        {
          g_autofree char *display = g_filename_display_name (path);

          /* Translators: the second %s is the kind of network share, such as NFS or
           * SMB/CIFS. */
          g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NETWORK_FILESYSTEM,
                       _("The database “%s” is on a network share (%s). Placements does not "
                         "use a database there: SQLite cannot lock a file on a network share "
                         "reliably, and two programs writing at once could damage it. Move "
                         "it to a folder on this computer, or start with "
                         "--allow-network-filesystem if no other program ever uses it."),
                       display, network);
          return NULL;
        }
    }

  if (!g_file_test (path, G_FILE_TEST_EXISTS) && !create_private_file (path, error))
    return NULL;

  self = g_object_new (PLACEMENTS_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->open_flags = flags;

  if (!for_reading && !is_writable (path))
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO,
                   _("The database “%s” cannot be changed: the file or its folder is "
                     "read-only"),
                   path);
      return NULL;
    }

  result = open_connection (self, for_reading && !is_writable (path), FALSE, &version);
  /* A full disk: the shared-memory file cannot be made; reading may still work
   * without it when no log is pending. */
  if (result != SQLITE_OK && for_reading && !self->read_only &&
      has_no_pending_log (path))
    {
      int first = result;

      result = open_connection (self, TRUE, TRUE, &version);
      if (result != SQLITE_OK)
        result = first;
    }
  if (result != SQLITE_OK)
    {
      if (self->db == NULL)
        {
          g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO,
                       _("The database “%s” could not be opened: %s"),
                       path, g_strerror (ENOMEM));
          return NULL;
        }
      set_open_error (self, result, error);
      return NULL;
    }
  if (version > placements_store_get_latest_schema_version ())
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NEWER_DATABASE,
                   _("The database “%s” was written by a newer version of Placements "
                     "(schema %d; this version knows up to %d). It has not been changed."),
                   path, version, placements_store_get_latest_schema_version ());
      return NULL;
    }

  if (!register_functions (self, error))
    {
      g_prefix_error (error, "%s: ", path);
      return NULL;
    }

  if (self->read_only)
    {
      /* Nothing can be upgraded, nor switched to WAL, without writing. */
      if (version < placements_store_get_latest_schema_version ())
        {
          g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IO,
                       _("The database “%s” needs an upgrade to read it, and cannot be "
                         "changed: the file or its folder is read-only"),
                       path);
          return NULL;
        }
      if (!exec (self, "PRAGMA foreign_keys = ON", error))
        {
          g_prefix_error (error, "%s: ", path);
          return NULL;
        }
      self->schema_version = version;
      if (query_int (self, "PRAGMA cache_size", &self->cache_size) != SQLITE_OK)
        self->cache_size = -2000;
      return g_steal_pointer (&self);
    }

  /* WAL with FULL sync: a saved record survives a power cut. */
  if (sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (self->db, "PRAGMA synchronous = FULL", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK ||
      /* A deleted row's bytes are zeroed where that costs no extra writes; an
       * erasure turns it fully on (placements-erase.c). */
      sqlite3_exec (self->db, "PRAGMA secure_delete = FAST", NULL, NULL, NULL) != SQLITE_OK)
    {
      set_open_error (self, sqlite3_extended_errcode (self->db), error);
      return NULL;
    }

  for (int next = version + 1; next <= placements_store_get_latest_schema_version (); next++)
    {
      if (!apply_migration (self, next, error))
        {
          g_prefix_error (error, "%s: ", path);
          return NULL;
        }
    }
  self->schema_version = placements_store_get_latest_schema_version ();

  if (query_int (self, "PRAGMA cache_size", &self->cache_size) != SQLITE_OK)
    self->cache_size = -2000;

  return g_steal_pointer (&self);
}

gboolean
placements_store_is_read_only (PlacementsStore *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_STORE (self), FALSE);
  return self->read_only;
}

gboolean
placements_store_begin_read (PlacementsStore  *self,
                             GError          **error)
{
  int version = 0;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  /* BEGIN alone takes no snapshot; the first read does, and it holds until the end. */
  if (!exec (self, "BEGIN DEFERRED", error))
    return FALSE;
  if (query_int (self, "SELECT count(*) FROM sqlite_schema", &version) != SQLITE_OK)
    {
      placements_store_set_sqlite_error (self, error, _("The database could not be read"));
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }
  return TRUE;
}

void
placements_store_end_read (PlacementsStore *self)
{
  g_return_if_fail (PLACEMENTS_IS_STORE (self));

  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
}

const char *
placements_store_get_path (PlacementsStore *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_STORE (self), NULL);
  return self->path;
}

int
placements_store_get_schema_version (PlacementsStore *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_STORE (self), 0);
  return self->schema_version;
}

PlacementsStoreOpenFlags
placements_store_get_open_flags (PlacementsStore *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_STORE (self), PLACEMENTS_STORE_OPEN_DEFAULT);
  return self->open_flags;
}

/*
 * SQLite's own busy handler counts the time it meant to sleep, not the time that
 * passed: on a loaded machine each sleep runs over, and a 40 ms timeout was seen to
 * hold the main thread 64 ms. This one measures the wait on the monotonic clock and
 * never sleeps past its end. The steps are SQLite's.
 */
static int
busy_handler (void *user_data,
              int   n_calls)
{
  static const guint steps_ms[] = { 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100 };
  PlacementsStore *self = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 left;

  if (n_calls == 0)
    self->busy_since = now;
  left = (gint64) self->busy_timeout * 1000 - (now - self->busy_since);
  if (left <= 0)
    return 0;
  g_usleep (MIN (left, (gint64) steps_ms[MIN ((guint) n_calls,
                                               G_N_ELEMENTS (steps_ms) - 1)] * 1000));
  return 1;
}

void
placements_store_set_busy_timeout (PlacementsStore *self,
                                   guint            milliseconds)
{
  g_return_if_fail (PLACEMENTS_IS_STORE (self));
  self->busy_timeout = milliseconds;
  sqlite3_busy_handler (self->db, milliseconds > 0 ? busy_handler : NULL, self);
}

guint
placements_store_get_busy_timeout (PlacementsStore *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_STORE (self), 0);
  return self->busy_timeout;
}

sqlite3 *
placements_store_get_connection (PlacementsStore *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_STORE (self), NULL);
  return self->db;
}

/* Changes are collected per type and told after the commit. */
static void
note_change (PlacementsStore *self,
             GType            record_type,
             const char      *uuid)
{
  GPtrArray *uuids = NULL;

  if (g_hash_table_lookup_extended (self->pending_changes, GSIZE_TO_POINTER (record_type),
                                    NULL, (gpointer *) &uuids))
    {
      if (uuids == NULL)
        return;
    }
  else
    {
      uuids = g_ptr_array_new_with_free_func (g_free);
      g_hash_table_insert (self->pending_changes, GSIZE_TO_POINTER (record_type), uuids);
    }

  /* A record saved twice in one transaction changed once, as far as a listener cares. */
  if (uuid != NULL && g_ptr_array_find_with_equal_func (uuids, uuid, g_str_equal, NULL))
    return;

  if (uuid == NULL || uuids->len >= MAX_CHANGED_UUIDS)
    g_hash_table_insert (self->pending_changes, GSIZE_TO_POINTER (record_type), NULL);
  else
    g_ptr_array_add (uuids, g_strdup (uuid));
}

static void
emit_pending_changes (PlacementsStore *self)
{
  g_autoptr(GHashTable) changes = g_steal_pointer (&self->pending_changes);
  guint n_types = 0;
  const GType *types = placements_store_get_record_types (&n_types);

  self->pending_changes = g_hash_table_new_full (NULL, NULL, NULL, free_uuid_list);

  /* In dependency order, so a listener sees parents before children. */
  for (guint i = 0; i < n_types; i++)
    {
      GPtrArray *uuids = NULL;
      g_auto(GStrv) strv = NULL;

      if (!g_hash_table_lookup_extended (changes, GSIZE_TO_POINTER (types[i]), NULL,
                                         (gpointer *) &uuids))
        continue;

      if (uuids != NULL)
        {
          strv = g_new0 (char *, uuids->len + 1);
          for (guint j = 0; j < uuids->len; j++)
            strv[j] = g_strdup (g_ptr_array_index (uuids, j));
        }
      g_signal_emit (self, signals[CHANGED], 0, types[i], strv);
    }
}

static void
set_cache_size (PlacementsStore *self,
                int              cache_size)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA cache_size = %d", cache_size);

  /* Only a matter of speed: a failure leaves the cache as it was. */
  sqlite3_exec (self->db, sql, NULL, NULL, NULL);
}

/* @several: a caller's transaction, which may write many records. */
static gboolean
begin_transaction (PlacementsStore  *self,
                   gboolean          several,
                   GError          **error)
{
  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->in_transaction = TRUE;
  /* Like SQL's CURRENT_TIMESTAMP, one time for all that is written together. */
  g_free (self->transaction_time);
  self->transaction_time = placements_timestamp_now ();
  if (several)
    {
      set_cache_size (self, -TRANSACTION_CACHE_KIB);
      self->large_cache = TRUE;
    }
  return TRUE;
}

static void
end_transaction (PlacementsStore *self)
{
  self->in_transaction = FALSE;
  self->bulk_audit = FALSE;
  /* What was written may have been rolled back; nothing is known beyond the end. */
  self->known_records = NULL;
  if (self->large_cache)
    {
      set_cache_size (self, self->cache_size);
      sqlite3_db_release_memory (self->db);
      self->large_cache = FALSE;
    }
}

gboolean
placements_store_begin (PlacementsStore  *self,
                        GError          **error)
{
  g_return_val_if_fail (PLACEMENTS_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  return begin_transaction (self, TRUE, error);
}

gboolean
placements_store_commit (PlacementsStore  *self,
                         GError          **error)
{
  g_return_val_if_fail (PLACEMENTS_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    {
      placements_store_set_sqlite_error (self, error, _("The changes could not be saved"));
      placements_store_rollback (self);
      return FALSE;
    }
  end_transaction (self);
  emit_pending_changes (self);
  return TRUE;
}

void
placements_store_rollback (PlacementsStore *self)
{
  g_return_if_fail (PLACEMENTS_IS_STORE (self));

  if (!self->in_transaction)
    return;
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  end_transaction (self);
  g_hash_table_remove_all (self->pending_changes);
}

gboolean
placements_store_in_transaction (PlacementsStore *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_STORE (self), FALSE);
  return self->in_transaction;
}

gboolean
placements_store_reload (PlacementsStore  *self,
                         GError          **error)
{
  guint n_types = 0;
  const GType *types = placements_store_get_record_types (&n_types);
  int version = 0;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  /* The statements were prepared for the schema as it was. */
  g_hash_table_remove_all (self->type_statements);
  g_clear_pointer (&self->statements, placements_statement_cache_free);
  self->statements = placements_statement_cache_new (self->db);

  if (query_int (self, "PRAGMA user_version", &version) != SQLITE_OK)
    {
      placements_store_set_sqlite_error (self, error, _("The database could not be read"));
      return FALSE;
    }
  for (int next = version + 1; next <= placements_store_get_latest_schema_version (); next++)
    {
      if (!apply_migration (self, next, error))
        {
          g_prefix_error (error, "%s: ", self->path);
          return FALSE;
        }
    }
  self->schema_version = placements_store_get_latest_schema_version ();

  for (guint i = 0; i < n_types; i++)
    g_signal_emit (self, signals[CHANGED], 0, types[i], NULL);
  return TRUE;
}

void
placements_store_notify_changed (PlacementsStore *self,
                                 GType            record_type)
{
  g_return_if_fail (PLACEMENTS_IS_STORE (self));
  g_signal_emit (self, signals[CHANGED], 0, record_type, NULL);
}

static TypeStatements *
get_type_statements (PlacementsStore  *self,
                     GType             record_type,
                     GError          **error)
{
  TypeStatements *statements = g_hash_table_lookup (self->type_statements,
                                                    GSIZE_TO_POINTER (record_type));
  g_autoptr(PlacementsRecordClass) klass = NULL;
  g_autoptr(GString) insert = NULL;
  g_autoptr(GString) update = NULL;
  g_autofree char *find = NULL;
  const char *table;
  guint n_fields;
  gboolean has_sort_key;
  TypeStatements prepared = { NULL };

  if (statements != NULL)
    return statements;

  klass = g_type_class_ref (record_type);
  table = placements_record_class_get_table (klass);
  n_fields = placements_record_class_get_n_fields (klass);

  /* Tables listed by name have a sort_key and a search_text column (the text their
   * full-text index holds), written right after the times. */
  has_sort_key = klass->dup_sort_key != NULL;

  insert = g_string_new (NULL);
  g_string_append_printf (insert, "INSERT INTO %s (uuid, created, updated", table);
  if (has_sort_key)
    g_string_append (insert, ", sort_key, search_text");
  for (guint i = 0; i < n_fields; i++)
    g_string_append_printf (insert, ", %s", placements_record_class_get_field (klass, i)->column);
  g_string_append (insert, has_sort_key ? ") VALUES (?, ?, ?, ?, ?" : ") VALUES (?, ?, ?");
  for (guint i = 0; i < n_fields; i++)
    g_string_append (insert, ", ?");
  g_string_append (insert, ")");

  update = g_string_new (NULL);
  g_string_append_printf (update, "UPDATE %s SET updated = ?", table);
  if (has_sort_key)
    g_string_append (update, ", sort_key = ?, search_text = ?");
  for (guint i = 0; i < n_fields; i++)
    g_string_append_printf (update, ", %s = ?",
                            placements_record_class_get_field (klass, i)->column);
  g_string_append (update, " WHERE id = ?");

  find = g_strdup_printf ("SELECT id, created FROM %s WHERE uuid = ?", table);

  /* The statements stay owned by the cache by SQL text; this only keeps pointers. */
  if ((prepared.insert = placements_store_prepare (self, insert->str, error)) == NULL ||
      (prepared.update = placements_store_prepare (self, update->str, error)) == NULL ||
      (prepared.find = placements_store_prepare (self, find, error)) == NULL)
    return NULL;

  statements = g_memdup2 (&prepared, sizeof prepared);
  g_hash_table_insert (self->type_statements, GSIZE_TO_POINTER (record_type), statements);
  return statements;
}

static gboolean
row_exists (PlacementsStore  *self,
            GType             record_type,
            const char       *uuid,
            gint64           *row_id,
            char            **created,
            GError          **error)
{
  TypeStatements *statements = get_type_statements (self, record_type, error);
  sqlite3_stmt *statement;
  int result;

  if (statements == NULL)
    return FALSE;
  statement = statements->find;
  sqlite3_bind_text (statement, 1, uuid, -1, SQLITE_STATIC);
  result = sqlite3_step (statement);
  if (result == SQLITE_ROW)
    {
      if (row_id != NULL)
        *row_id = sqlite3_column_int64 (statement, 0);
      if (created != NULL)
        *created = g_strdup ((const char *) sqlite3_column_text (statement, 1));
    }
  sqlite3_reset (statement);
  return result == SQLITE_ROW;
}

gboolean
placements_store_exists (PlacementsStore *self,
                         GType            record_type,
                         const char      *uuid)
{
  g_return_val_if_fail (PLACEMENTS_IS_STORE (self), FALSE);
  g_return_val_if_fail (g_type_is_a (record_type, PLACEMENTS_TYPE_RECORD), FALSE);

  if (uuid == NULL)
    return FALSE;
  return row_exists (self, record_type, uuid, NULL, NULL, NULL);
}

void
placements_store_set_known_records (PlacementsStore *self,
                                    GHashTable      *known)
{
  g_return_if_fail (PLACEMENTS_IS_STORE (self));
  g_return_if_fail (known == NULL || self->in_transaction);
  self->known_records = known;
}

/* A dangling reference is named by its field, before SQLite could only say "foreign key". */
static gboolean
check_references (PlacementsStore   *self,
                  PlacementsRecord  *record,
                  GError           **error)
{
  PlacementsRecordClass *klass = PLACEMENTS_RECORD_GET_CLASS (record);

  for (guint i = 0; i < placements_record_class_get_n_fields (klass); i++)
    {
      const PlacementsField *field = placements_record_class_get_field (klass, i);
      const char *uuid;

      if (field->references == G_TYPE_INVALID)
        continue;
      uuid = placements_record_get_string (record, i + 1);
      if (uuid == NULL || *uuid == '\0')
        continue;
      if (self->known_records != NULL &&
          g_hash_table_lookup (self->known_records, uuid) == GSIZE_TO_POINTER (field->references))
        continue;
      if (!row_exists (self, field->references, uuid, NULL, NULL, NULL))
        {
          g_autoptr(PlacementsRecordClass) referenced = g_type_class_ref (field->references);

          g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NOT_FOUND,
                       _("%s: the field “%s” refers to %s “%s”, which does not exist"),
                       placements_record_class_get_label (klass), _(field->label),
                       placements_record_class_get_label (referenced), uuid);
          return FALSE;
        }
    }
  return TRUE;
}

/* How write_record() finds out whether to insert or to update. */
typedef enum
{
  /* Look the UUID up: update the record when it exists, insert it otherwise. */
  WRITE_SAVE,
  /* Look the UUID up: insert, or write nothing when it exists (an import's new
   * records, which it looked up already when it compared). */
  WRITE_NEW,
  /* Insert without looking: a record made here a moment ago, with a random UUID. */
  WRITE_FRESH,
  /* As WRITE_SAVE, keeping the record's own created and updated stamps: a deleted
   * record brought back by an undo is the record it was. */
  WRITE_RESTORE,
} WriteMode;

static gboolean write_audit_event (PlacementsStore        *self,
                                   PlacementsAuditAction   action,
                                   PlacementsRecord       *record,
                                   GError                **error);

/* With WRITE_NEW, @existed is set when the record was there, and nothing written. */
static gboolean
write_record_full (PlacementsStore   *self,
                   PlacementsRecord  *record,
                   WriteMode          mode,
                   gboolean          *existed,
                   GError           **error)
{
  PlacementsRecordClass *klass = PLACEMENTS_RECORD_GET_CLASS (record);
  guint n_fields = placements_record_class_get_n_fields (klass);
  TypeStatements *statements;
  g_autofree char *created = NULL;
  g_autofree char *restored_created = NULL;
  const char *now = self->transaction_time;
  g_autofree char *sort_key = NULL;
  g_autofree char *search_text = NULL;
  sqlite3_stmt *statement;
  gint64 row_id = 0;
  gboolean exists;
  int index = 1;

  g_assert (self->in_transaction && now != NULL);

  if (PLACEMENTS_IS_AUDIT_EVENT (record))
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                   _("The audit log is written by Placements itself; its entries cannot be "
                     "added, changed or deleted by hand"));
      return FALSE;
    }

  /* Each lookup is a walk down a UUID index at a random place: with hundreds of
   * thousands of records written, one lookup fewer per record is felt. A new record
   * is looked up once, before anything else, so that its being there is what is
   * told rather than some other fault. */
  exists = FALSE;
  if (mode == WRITE_NEW)
    {
      *existed = row_exists (self, G_OBJECT_TYPE (record),
                             placements_record_get_uuid (record), NULL, NULL, NULL);
      if (*existed)
        return FALSE;
    }

  placements_record_normalise (record);
  if (!placements_record_validate (record, error) || !check_references (self, record, error))
    return FALSE;
  /* A rule between records, so that the window, the CLI and the exchange all meet it;
   * an undone deletion puts back what was there. */
  if (PLACEMENTS_IS_PLACEMENT (record) && mode != WRITE_RESTORE &&
      !placements_placement_check_overlap (self, PLACEMENTS_PLACEMENT (record), error))
    return FALSE;

  statements = get_type_statements (self, G_OBJECT_TYPE (record), error);
  if (statements == NULL)
    return FALSE;
  if (mode == WRITE_SAVE || mode == WRITE_RESTORE)
    exists = row_exists (self, G_OBJECT_TYPE (record), placements_record_get_uuid (record),
                         &row_id, &created, NULL);
  statement = exists ? statements->update : statements->insert;
  if (klass->dup_sort_key != NULL)
    {
      sort_key = klass->dup_sort_key (record);
      search_text = placements_store_dup_search_text (klass, record);
    }

  if (mode == WRITE_RESTORE && placements_record_get_updated (record) != NULL)
    {
      restored_created = g_strdup (placements_record_get_created (record));
      now = placements_record_get_updated (record);
    }

  if (!exists)
    {
      sqlite3_bind_text (statement, index++, placements_record_get_uuid (record), -1,
                         SQLITE_STATIC);
      sqlite3_bind_text (statement, index++, restored_created != NULL ? restored_created : now,
                         -1, SQLITE_STATIC);
    }
  sqlite3_bind_text (statement, index++, now, -1, SQLITE_STATIC);
  if (sort_key != NULL)
    {
      sqlite3_bind_text (statement, index++, sort_key, -1, SQLITE_STATIC);
      sqlite3_bind_text (statement, index++, search_text, -1, SQLITE_STATIC);
    }
  for (guint i = 0; i < n_fields; i++)
    placements_store_bind_field (statement, index++, placements_record_class_get_field (klass, i),
                                 placements_record_get_value (record, i + 1));
  if (exists)
    sqlite3_bind_int64 (statement, index++, row_id);

  if (sqlite3_step (statement) != SQLITE_DONE)
    {
      g_autofree char *context =
        g_strdup_printf (_("%s could not be saved"), placements_record_class_get_label (klass));

      placements_store_set_sqlite_error (self, error, context);
      sqlite3_reset (statement);
      return FALSE;
    }
  sqlite3_reset (statement);

  if (!exists)
    row_id = sqlite3_last_insert_rowid (self->db);
  {
    /* The record's own stamps may be what was bound: copied before they are replaced. */
    g_autofree char *updated = g_strdup (now);

    placements_record_set_stored (record, row_id,
                                  exists ? created
                                         : restored_created != NULL ? restored_created : updated,
                                  updated);
  }
  note_change (self, G_OBJECT_TYPE (record), placements_record_get_uuid (record));

  /* NEN 7513: every record created or changed is logged, except in a bulk write that
   * logs itself, and a consent, whose change has an entry of its own. */
  if (mode == WRITE_SAVE && !self->bulk_audit && !PLACEMENTS_IS_CONSENT (record))
    return write_audit_event (self, exists ? PLACEMENTS_AUDIT_ACTION_CHANGE
                                           : PLACEMENTS_AUDIT_ACTION_CREATE, record, error);
  return TRUE;
}

static gboolean
write_record (PlacementsStore   *self,
              PlacementsRecord  *record,
              GError           **error)
{
  return write_record_full (self, record, WRITE_SAVE, NULL, error);
}

/* A field holds at most 20,000 characters; a longer list of UUIDs is left out. */
#define MAX_AUDIT_UUIDS_LENGTH 19000

static gboolean
write_audit_event_in_transaction (PlacementsStore        *self,
                                  PlacementsAuditAction   action,
                                  const char             *record_kind,
                                  const char             *record_uuids,
                                  const char             *client_uuid,
                                  const char             *detail,
                                  GError                **error)
{
  g_autofree char *full_detail = NULL;
  g_autofree char *uuid = NULL;

  if (record_uuids != NULL && strlen (record_uuids) > MAX_AUDIT_UUIDS_LENGTH)
    {
      guint n_uuids = 1;

      for (const char *c = record_uuids; *c != '\0'; c++)
        n_uuids += *c == ',';
      /* Untranslated like every detail: a fixed summary a program can read back. */
      full_detail = g_strdup_printf ("%s%suuids-left-out=%u", detail != NULL ? detail : "",
                                     detail != NULL ? " " : "", n_uuids);
      detail = full_detail;
      record_uuids = NULL;
    }
  /* The time of the transaction: the same as the records it tells about carry. */
  if (!placements_audit_log_append (self, self->transaction_time,
                                    placements_enum_get_nick (PLACEMENTS_TYPE_AUDIT_ACTION,
                                                              action),
                                    record_kind, record_uuids, client_uuid, detail, &uuid,
                                    error))
    return FALSE;
  note_change (self, PLACEMENTS_TYPE_AUDIT_EVENT, uuid);
  return TRUE;
}

const char *
placements_store_get_client_of (PlacementsRecord *record)
{
  PlacementsRecordClass *klass = PLACEMENTS_RECORD_GET_CLASS (record);
  const PlacementsField *field;

  if (PLACEMENTS_IS_CLIENT (record))
    return placements_record_get_uuid (record);
  field = placements_record_class_find_field (klass, "client_uuid");
  if (field == NULL || field->references != PLACEMENTS_TYPE_CLIENT)
    return NULL;
  for (guint i = 0; i < placements_record_class_get_n_fields (klass); i++)
    if (placements_record_class_get_field (klass, i) == field)
      return placements_record_get_string (record, i + 1);
  return NULL;
}

static gboolean
write_audit_event (PlacementsStore        *self,
                   PlacementsAuditAction   action,
                   PlacementsRecord       *record,
                   GError                **error)
{
  return write_audit_event_in_transaction (self, action,
                                           placements_record_class_get_kind (
                                             PLACEMENTS_RECORD_GET_CLASS (record)),
                                           placements_record_get_uuid (record),
                                           placements_store_get_client_of (record), NULL, error);
}

gboolean
placements_store_write_audit_event (PlacementsStore        *self,
                                    PlacementsAuditAction   action,
                                    const char             *record_kind,
                                    const char             *record_uuids,
                                    const char             *detail,
                                    GError                **error)
{
  return placements_store_write_client_audit_event (self, action, record_kind, record_uuids,
                                                    NULL, detail, error);
}

void
placements_store_set_bulk_audit (PlacementsStore *self)
{
  g_return_if_fail (PLACEMENTS_IS_STORE (self));
  g_return_if_fail (self->in_transaction);
  self->bulk_audit = TRUE;
}

gboolean
placements_store_write_client_audit_event (PlacementsStore        *self,
                                           PlacementsAuditAction   action,
                                           const char             *record_kind,
                                           const char             *record_uuids,
                                           const char             *client_uuid,
                                           const char             *detail,
                                           GError                **error)
{
  gboolean own_transaction;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (self), FALSE);
  g_return_val_if_fail (record_kind != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  own_transaction = !self->in_transaction;
  if (own_transaction && !begin_transaction (self, FALSE, error))
    return FALSE;
  if (!write_audit_event_in_transaction (self, action, record_kind, record_uuids, client_uuid,
                                         detail, error))
    {
      if (own_transaction)
        placements_store_rollback (self);
      return FALSE;
    }
  return !own_transaction || placements_store_commit (self, error);
}

/* Runs @write inside the caller's transaction, or in one of its own. */
static gboolean
in_transaction (PlacementsStore   *self,
                gboolean         (*write) (PlacementsStore *, PlacementsRecord *, GError **),
                PlacementsRecord  *record,
                GError           **error)
{
  if (self->in_transaction)
    return write (self, record, error);

  if (!begin_transaction (self, FALSE, error))
    return FALSE;
  if (!write (self, record, error))
    {
      placements_store_rollback (self);
      return FALSE;
    }
  return placements_store_commit (self, error);
}

static gboolean
save_with_audit (PlacementsStore   *self,
                 PlacementsRecord  *record,
                 GError           **error)
{
  if (!write_record (self, record, error))
    return FALSE;
  /* Consent decides what may leave the organisation: every change of it is kept. */
  if (PLACEMENTS_IS_CONSENT (record))
    return write_audit_event (self, PLACEMENTS_AUDIT_ACTION_CONSENT_CHANGE, record, error);
  return TRUE;
}

gboolean
placements_store_save (PlacementsStore   *self,
                       PlacementsRecord  *record,
                       GError           **error)
{
  g_return_val_if_fail (PLACEMENTS_IS_STORE (self), FALSE);
  g_return_val_if_fail (PLACEMENTS_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return in_transaction (self, save_with_audit, record, error);
}

gboolean
placements_store_save_new (PlacementsStore   *self,
                           PlacementsRecord  *record,
                           gboolean          *existed,
                           GError           **error)
{
  g_return_val_if_fail (PLACEMENTS_IS_STORE (self), FALSE);
  g_return_val_if_fail (PLACEMENTS_IS_RECORD (record), FALSE);
  g_return_val_if_fail (existed != NULL, FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!write_record_full (self, record, WRITE_NEW, existed, error))
    return FALSE;
  if (PLACEMENTS_IS_CONSENT (record))
    return write_audit_event (self, PLACEMENTS_AUDIT_ACTION_CONSENT_CHANGE, record, error);
  return TRUE;
}

static gboolean
refers_to (GType record_type,
           GType referenced_type)
{
  g_autoptr(PlacementsRecordClass) klass = g_type_class_ref (record_type);

  for (guint i = 0; i < placements_record_class_get_n_fields (klass); i++)
    {
      if (placements_record_class_get_field (klass, i)->references == referenced_type)
        return TRUE;
    }
  return FALSE;
}

/*
 * Records of other types may vanish or change with this one (cascades, SET NULL),
 * and so may the records that refer to those: deleting a person deletes their
 * buddy, and with the buddy its pairings, which do not refer to the person at all.
 */
static void
note_dependent_changes (PlacementsStore *self,
                        GType            record_type)
{
  guint n_types = 0;
  const GType *types = placements_store_get_record_types (&n_types);
  g_autoptr(GArray) affected = g_array_new (FALSE, FALSE, sizeof (GType));

  /* A work list: every type found to be affected is searched for its own dependents. */
  g_array_append_val (affected, record_type);
  for (guint done = 0; done < affected->len; done++)
    {
      GType changed_type = g_array_index (affected, GType, done);

      for (guint i = 0; i < n_types; i++)
        {
          gboolean known = FALSE;

          for (guint j = 0; j < affected->len && !known; j++)
            known = g_array_index (affected, GType, j) == types[i];
          if (known || !refers_to (types[i], changed_type))
            continue;

          g_array_append_val (affected, types[i]);
          note_change (self, types[i], NULL);
        }
    }
}

static gboolean
delete_record_full (PlacementsStore   *self,
                    PlacementsRecord  *record,
                    gboolean           audit,
                    GError           **error)
{
  PlacementsRecordClass *klass = PLACEMENTS_RECORD_GET_CLASS (record);
  g_autofree char *sql =
    g_strdup_printf ("DELETE FROM %s WHERE uuid = ?", placements_record_class_get_table (klass));
  sqlite3_stmt *statement;
  int result;

  if (PLACEMENTS_IS_AUDIT_EVENT (record))
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_INVALID_FIELD,
                   _("The audit log is written by Placements itself; its entries cannot be "
                     "added, changed or deleted by hand"));
      return FALSE;
    }
  statement = placements_store_prepare (self, sql, error);
  if (statement == NULL)
    return FALSE;
  sqlite3_bind_text (statement, 1, placements_record_get_uuid (record), -1, SQLITE_STATIC);
  result = sqlite3_step (statement);

  if (result != SQLITE_DONE)
    {
      sqlite3_reset (statement);
      /* ON DELETE RESTRICT is the only constraint a delete can break. */
      if ((result & 0xff) == SQLITE_CONSTRAINT)
        g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_IN_USE,
                     _("%s “%s” cannot be deleted: other records still refer to it"),
                     placements_record_class_get_label (klass),
                     placements_record_get_uuid (record));
      else
        placements_store_set_sqlite_error (self, error, _("The record could not be deleted"));
      return FALSE;
    }
  sqlite3_reset (statement);
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NOT_FOUND,
                   _("%s “%s” does not exist"),
                   placements_record_class_get_label (klass),
                   placements_record_get_uuid (record));
      return FALSE;
    }

  /* The full-text index keeps a deleted row's words until its segments are merged:
   * a deleted client's name would stay in the file. */
  if (klass->dup_sort_key != NULL)
    {
      const char *table = placements_record_class_get_table (klass);
      g_autofree char *merge = g_strdup_printf ("INSERT INTO %s_search (%s_search) "
                                                "VALUES ('optimize')", table, table);

      if (!exec (self, merge, error))
        return FALSE;
    }

  note_change (self, G_OBJECT_TYPE (record), placements_record_get_uuid (record));
  note_dependent_changes (self, G_OBJECT_TYPE (record));
  return !audit || write_audit_event (self, PLACEMENTS_AUDIT_ACTION_DELETE, record, error);
}

static gboolean
delete_record (PlacementsStore   *self,
               PlacementsRecord  *record,
               GError           **error)
{
  return delete_record_full (self, record, TRUE, error);
}

gboolean
placements_store_delete_unaudited (PlacementsStore   *self,
                                   PlacementsRecord  *record,
                                   GError           **error)
{
  g_return_val_if_fail (PLACEMENTS_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  return delete_record_full (self, record, FALSE, error);
}

gboolean
placements_store_restore (PlacementsStore   *self,
                          PlacementsRecord  *record,
                          GError           **error)
{
  g_return_val_if_fail (PLACEMENTS_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  return write_record_full (self, record, WRITE_RESTORE, NULL, error);
}

gboolean
placements_store_delete (PlacementsStore   *self,
                         PlacementsRecord  *record,
                         GError           **error)
{
  g_return_val_if_fail (PLACEMENTS_IS_STORE (self), FALSE);
  g_return_val_if_fail (PLACEMENTS_IS_RECORD (record), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return in_transaction (self, delete_record, record, error);
}

gpointer
placements_store_load (PlacementsStore  *self,
                       GType             record_type,
                       const char       *uuid,
                       GError          **error)
{
  g_autoptr(PlacementsRecordClass) klass = NULL;
  g_autofree char *columns = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *statement;
  PlacementsRecord *record = NULL;
  int result;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, PLACEMENTS_TYPE_RECORD), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  klass = g_type_class_ref (record_type);
  columns = placements_store_record_columns (klass);
  sql = g_strdup_printf ("SELECT %s FROM %s WHERE uuid = ?", columns,
                         placements_record_class_get_table (klass));
  statement = placements_store_prepare (self, sql, error);
  if (statement == NULL)
    return NULL;

  sqlite3_bind_text (statement, 1, uuid, -1, SQLITE_STATIC);
  result = sqlite3_step (statement);
  if (result == SQLITE_ROW)
    record = placements_store_record_from_row (record_type, statement, 0);
  else if (result == SQLITE_DONE)
    g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NOT_FOUND,
                 _("%s “%s” does not exist"), placements_record_class_get_label (klass), uuid);
  else
    placements_store_set_sqlite_error (self, error, _("The database could not be read"));
  sqlite3_reset (statement);

  return record;
}

gint64
placements_store_count (PlacementsStore *self,
                        GType            record_type)
{
  g_autoptr(PlacementsRecordClass) klass = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *statement;
  gint64 count = -1;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (self), -1);

  klass = g_type_class_ref (record_type);
  sql = g_strdup_printf ("SELECT count(*) FROM %s", placements_record_class_get_table (klass));
  statement = placements_store_prepare (self, sql, NULL);
  if (statement != NULL && sqlite3_step (statement) == SQLITE_ROW)
    count = sqlite3_column_int64 (statement, 0);
  if (statement != NULL)
    sqlite3_reset (statement);
  return count;
}

GPtrArray *
placements_store_find (PlacementsStore  *self,
                       GType             record_type,
                       const char       *field_name,
                       const char       *value,
                       GError          **error)
{
  g_autoptr(PlacementsRecordClass) klass = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *columns = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *statement;
  int result;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (self), NULL);
  g_return_val_if_fail (g_type_is_a (record_type, PLACEMENTS_TYPE_RECORD), NULL);

  klass = g_type_class_ref (record_type);
  columns = placements_store_record_columns (klass);
  g_string_append_printf (sql, "SELECT %s FROM %s", columns,
                          placements_record_class_get_list_from (klass));
  if (field_name != NULL)
    {
      const PlacementsField *field = placements_record_class_find_field (klass, field_name);

      g_return_val_if_fail (field != NULL, NULL);
      g_string_append_printf (sql, " WHERE %s.%s = ?",
                              placements_record_class_get_table (klass), field->column);
    }
  g_string_append_printf (sql, " ORDER BY %s, %s.id",
                          placements_record_class_get_default_order (klass),
                          placements_record_class_get_table (klass));

  statement = placements_store_prepare (self, sql->str, error);
  if (statement == NULL)
    return NULL;
  if (field_name != NULL)
    sqlite3_bind_text (statement, 1, value, -1, SQLITE_TRANSIENT);

  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    g_ptr_array_add (records, placements_store_record_from_row (record_type, statement, 0));
  sqlite3_reset (statement);

  if (result != SQLITE_DONE)
    {
      placements_store_set_sqlite_error (self, error, _("The database could not be read"));
      return NULL;
    }
  return g_steal_pointer (&records);
}

gboolean
placements_store_check (PlacementsStore  *self,
                        GPtrArray       **problems,
                        GError          **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *statement;
  int result;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (self), FALSE);

  statement = placements_store_prepare (self, "PRAGMA integrity_check", error);
  if (statement == NULL)
    return FALSE;
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      const char *line = (const char *) sqlite3_column_text (statement, 0);

      if (g_strcmp0 (line, "ok") != 0)
        g_ptr_array_add (found, g_strdup (line));
    }
  sqlite3_reset (statement);
  if (result != SQLITE_DONE)
    {
      placements_store_set_sqlite_error (self, error, _("The database could not be checked"));
      return FALSE;
    }

  statement = placements_store_prepare (self, "PRAGMA foreign_key_check", error);
  if (statement == NULL)
    return FALSE;
  while ((result = sqlite3_step (statement)) == SQLITE_ROW)
    {
      g_autofree char *row = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              (gint64) sqlite3_column_int64 (statement, 1));

      /* Translators: a table, a row number in it, and the table it refers to. */
      g_ptr_array_add (found,
                       g_strdup_printf (_("%s row %s refers to a missing %s"),
                                        sqlite3_column_text (statement, 0), row,
                                        sqlite3_column_text (statement, 2)));
    }
  sqlite3_reset (statement);
  if (result != SQLITE_DONE)
    {
      placements_store_set_sqlite_error (self, error, _("The database could not be checked"));
      return FALSE;
    }

  if (problems != NULL)
    *problems = g_steal_pointer (&found);
  return TRUE;
}
