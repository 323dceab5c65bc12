#define G_LOG_DOMAIN "placements-exchange-jobs"

#include "config.h"

#include "placements-exchange-jobs.h"

/*
 * The synchronous import and export, run in GTask threads. Each job opens its own
 * connection: a connection is used by one thread at a time, and the caller's stays
 * free for the main thread, which reads from it while the job writes (WAL lets it).
 *
 * Two tasks per job: the inner one runs in the thread; its callback, back in the
 * caller's main context, delivers the last progress and tells the caller's store
 * what changed, and only then returns the
 * outer task, whose callback is the caller's. So a caller's callback always sees
 * its lists up to date.
 */

typedef enum
{
  JOB_PREPARE,
  JOB_APPLY,
  JOB_EXPORT,
} JobKind;

typedef struct
{
  GType  type;
  GStrv  uuids;
} Change;

typedef struct
{
  JobKind                 kind;
  PlacementsStore        *caller_store;
  char                   *db_path;
  PlacementsStoreOpenFlags flags;
  GMainContext           *context;

  PlacementsProgressFunc  progress;
  gpointer                progress_data;
  GDestroyNotify          progress_notify;

  /* Progress, written by the thread, read in the caller's context. */
  GMutex                  lock;
  double                  fraction;
  char                   *stage;
  gboolean                pending;
  gboolean                delivery_scheduled;
  gboolean                finished;

  /* What the job's connection told it committed; the thread's until it returns. */
  GPtrArray              *changes;

  /* What to do. */
  char                   *file;
  PlacementsImport       *import;
  char                   *receiver;
  char                   *pilot_uuid;
  char                   *client_uuid;
  gboolean                pseudonymise;
} Job;

static void
change_free (gpointer data)
{
  Change *change = data;

  g_strfreev (change->uuids);
  g_free (change);
}

static void
job_clear (gpointer data)
{
  Job *job = data;

  if (job->progress_notify != NULL)
    job->progress_notify (job->progress_data);
  g_clear_object (&job->caller_store);
  g_free (job->db_path);
  g_main_context_unref (job->context);
  g_mutex_clear (&job->lock);
  g_free (job->stage);
  g_ptr_array_unref (job->changes);
  g_free (job->file);
  g_clear_object (&job->import);
  g_free (job->receiver);
  g_free (job->pilot_uuid);
  g_free (job->client_uuid);
}

static Job *
job_ref (Job *job)
{
  return g_atomic_rc_box_acquire (job);
}

static void
job_unref (gpointer job)
{
  g_atomic_rc_box_release_full (job, job_clear);
}

static Job *
job_new (JobKind                 kind,
         PlacementsStore        *caller_store,
         PlacementsProgressFunc  progress,
         gpointer                progress_data,
         GDestroyNotify          progress_notify)
{
  Job *job = g_atomic_rc_box_new0 (Job);

  job->kind = kind;
  job->caller_store = g_object_ref (caller_store);
  job->db_path = g_strdup (placements_store_get_path (caller_store));
  job->flags = placements_store_get_open_flags (caller_store);
  job->context = g_main_context_ref_thread_default ();
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_notify = progress_notify;
  g_mutex_init (&job->lock);
  job->changes = g_ptr_array_new_with_free_func (change_free);
  return job;
}

/* In the caller's context: the latest progress, if it has not been told yet. */
static void
deliver_progress (Job *job)
{
  g_autofree char *stage = NULL;
  double fraction;

  g_mutex_lock (&job->lock);
  job->delivery_scheduled = FALSE;
  if (!job->pending || job->finished)
    {
      g_mutex_unlock (&job->lock);
      return;
    }
  job->pending = FALSE;
  fraction = job->fraction;
  stage = g_strdup (job->stage);
  g_mutex_unlock (&job->lock);

  if (job->progress != NULL)
    job->progress (fraction, stage, job->progress_data);
}

static gboolean
deliver_progress_cb (gpointer user_data)
{
  deliver_progress (user_data);
  return G_SOURCE_REMOVE;
}

/* In the thread. One delivery waits in the caller's context at a time, with the
 * latest values: an import reports often, and a busy main loop takes what it can. */
static void
progress_in_thread (double      fraction,
                    const char *stage,
                    gpointer    user_data)
{
  Job *job = user_data;
  gboolean schedule;

  g_mutex_lock (&job->lock);
  job->fraction = fraction;
  if (g_strcmp0 (job->stage, stage) != 0)
    {
      g_free (job->stage);
      job->stage = g_strdup (stage);
    }
  job->pending = TRUE;
  schedule = !job->delivery_scheduled;
  job->delivery_scheduled = TRUE;
  g_mutex_unlock (&job->lock);

  /* An idle source rather than g_main_context_invoke(), which runs the function
   * right here, in this thread, when it can acquire the context: the default main
   * context is this thread's default too, and free between two iterations. */
  if (schedule)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, deliver_progress_cb, job_ref (job), job_unref);
      g_source_set_static_name (source, "[placements] job progress");
      g_source_attach (source, job->context);
    }
}

/* In the thread, on the job's connection: what it commits, to be told again on the
 * caller's store. */
static void
own_store_changed_cb (PlacementsStore *store,
                      GType            type,
                      GStrv            uuids,
                      gpointer         user_data)
{
  Job *job = user_data;
  Change *change = g_new0 (Change, 1);

  change->type = type;
  change->uuids = g_strdupv (uuids);
  g_ptr_array_add (job->changes, change);
}

/* The job's own connection, opened as the caller's was, waiting the default busy
 * time for the lock: a thread may wait for the main thread's short writes. */
static PlacementsStore *
open_own_store (Job     *job,
                GError **error)
{
  return placements_store_open_full (job->db_path, job->flags, error);
}

static GQuark
own_store_quark (void)
{
  return g_quark_from_static_string ("placements-job-own-store");
}

static GQuark
caller_store_quark (void)
{
  return g_quark_from_static_string ("placements-job-caller-store");
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(PlacementsStore) own = NULL;
  g_autoptr(GError) error = NULL;

  switch (job->kind)
    {
    case JOB_PREPARE:
      {
        g_autoptr(PlacementsImport) import = NULL;

        own = open_own_store (job, &error);
        if (own == NULL)
          break;
        import = placements_import_new (own);
        if (!placements_import_prepare (import, job->file, progress_in_thread, job, cancellable,
                                        &error))
          break;
        /* For apply: which connection it works on, and whom to tell. */
        g_object_set_qdata_full (G_OBJECT (import), own_store_quark (), g_object_ref (own),
                                 g_object_unref);
        g_object_set_qdata_full (G_OBJECT (import), caller_store_quark (),
                                 g_object_ref (job->caller_store), g_object_unref);
        g_task_return_pointer (task, g_steal_pointer (&import), g_object_unref);
        return;
      }

    case JOB_APPLY:
      {
        PlacementsStore *store = g_object_get_qdata (G_OBJECT (job->import),
                                                     own_store_quark ());
        gboolean applied;

        g_signal_connect (store, "changed", G_CALLBACK (own_store_changed_cb), job);
        applied = placements_import_apply (job->import, progress_in_thread, job, cancellable,
                                           &error);
        g_signal_handlers_disconnect_by_data (store, job);
        if (!applied)
          break;
        g_task_return_pointer (task, g_object_ref (job->import), g_object_unref);
        return;
      }

    case JOB_EXPORT:
      {
        g_autoptr(PlacementsExport) export = NULL;
        gboolean written;

        own = open_own_store (job, &error);
        if (own == NULL)
          break;
        export = placements_export_new (own, job->receiver, job->pilot_uuid, job->pseudonymise);
        placements_export_set_client_uuid (export, job->client_uuid);
        g_signal_connect (own, "changed", G_CALLBACK (own_store_changed_cb), job);
        written = placements_export_write (export, job->file, progress_in_thread, job,
                                           cancellable, &error);
        g_signal_handlers_disconnect_by_data (own, job);
        if (!written)
          break;
        g_task_return_pointer (task, g_steal_pointer (&export), g_object_unref);
        return;
      }

    default:
      g_assert_not_reached ();
    }

  g_task_return_error (task, g_steal_pointer (&error));
}

/* In the caller's context, when the thread is done. */
static void
thread_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) outer = user_data;
  Job *job = g_task_get_task_data (outer);
  g_autoptr(GError) error = NULL;
  gpointer value = g_task_propagate_pointer (G_TASK (result), &error);

  /* The last progress first, then nothing more of it. */
  deliver_progress (job);
  g_mutex_lock (&job->lock);
  job->finished = TRUE;
  g_mutex_unlock (&job->lock);
  /* Here, in the caller's context, not wherever the last reference goes. */
  if (job->progress_notify != NULL)
    {
      GDestroyNotify notify = g_steal_pointer (&job->progress_notify);

      notify (job->progress_data);
    }

  for (guint i = 0; i < job->changes->len; i++)
    {
      Change *change = g_ptr_array_index (job->changes, i);

      g_signal_emit_by_name (job->caller_store, "changed", change->type, change->uuids);
    }
  g_ptr_array_set_size (job->changes, 0);

  if (value == NULL)
    g_task_return_error (outer, g_steal_pointer (&error));
  else
    g_task_return_pointer (outer, value, g_object_unref);
}

static void
start (Job                 *job,
       gpointer             source_object,
       gpointer             source_tag,
       GCancellable        *cancellable,
       GAsyncReadyCallback  callback,
       gpointer             user_data)
{
  g_autoptr(GTask) outer = g_task_new (source_object, cancellable, callback, user_data);
  g_autoptr(GTask) inner = NULL;

  g_task_set_source_tag (outer, source_tag);
  g_task_set_task_data (outer, job, job_unref);
  /* A job that committed reports it, even when cancelled a moment too late. */
  g_task_set_check_cancellable (outer, FALSE);

  inner = g_task_new (NULL, cancellable, thread_done_cb, g_object_ref (outer));
  g_task_set_source_tag (inner, source_tag);
  g_task_set_task_data (inner, job_ref (job), job_unref);
  g_task_set_check_cancellable (inner, FALSE);
  g_task_run_in_thread (inner, run_in_thread);
}

void
placements_import_prepare_async (PlacementsStore        *store,
                                 const char             *path,
                                 PlacementsProgressFunc  progress,
                                 gpointer                progress_data,
                                 GDestroyNotify          progress_notify,
                                 GCancellable           *cancellable,
                                 GAsyncReadyCallback     callback,
                                 gpointer                user_data)
{
  Job *job;

  g_return_if_fail (PLACEMENTS_IS_STORE (store));
  g_return_if_fail (path != NULL);

  job = job_new (JOB_PREPARE, store, progress, progress_data, progress_notify);
  job->file = g_strdup (path);
  start (job, store, placements_import_prepare_async, cancellable, callback, user_data);
}

PlacementsImport *
placements_import_prepare_finish (PlacementsStore  *store,
                                  GAsyncResult     *result,
                                  GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        placements_import_prepare_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
placements_import_apply_async (PlacementsImport       *import,
                               PlacementsProgressFunc  progress,
                               gpointer                progress_data,
                               GDestroyNotify          progress_notify,
                               GCancellable           *cancellable,
                               GAsyncReadyCallback     callback,
                               gpointer                user_data)
{
  PlacementsStore *caller_store;
  Job *job;

  g_return_if_fail (PLACEMENTS_IS_IMPORT (import));
  caller_store = g_object_get_qdata (G_OBJECT (import), caller_store_quark ());
  /* Only an import on a job's connection may move to a thread. */
  g_return_if_fail (caller_store != NULL);

  job = job_new (JOB_APPLY, caller_store, progress, progress_data, progress_notify);
  job->import = g_object_ref (import);
  start (job, import, placements_import_apply_async, cancellable, callback, user_data);
}

gboolean
placements_import_apply_finish (PlacementsImport  *import,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_autoptr(PlacementsImport) applied = NULL;

  g_return_val_if_fail (g_task_is_valid (result, import), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        placements_import_apply_async, FALSE);

  applied = g_task_propagate_pointer (G_TASK (result), error);
  return applied != NULL;
}

void
placements_export_write_async (PlacementsStore        *store,
                               const char             *receiver,
                               const char             *pilot_uuid,
                               const char             *client_uuid,
                               gboolean                pseudonymise,
                               const char             *path,
                               PlacementsProgressFunc  progress,
                               gpointer                progress_data,
                               GDestroyNotify          progress_notify,
                               GCancellable           *cancellable,
                               GAsyncReadyCallback     callback,
                               gpointer                user_data)
{
  Job *job;

  g_return_if_fail (PLACEMENTS_IS_STORE (store));
  g_return_if_fail (receiver != NULL);
  g_return_if_fail (path != NULL);

  job = job_new (JOB_EXPORT, store, progress, progress_data, progress_notify);
  job->file = g_strdup (path);
  job->receiver = g_strdup (receiver);
  job->pilot_uuid = g_strdup (pilot_uuid);
  job->client_uuid = g_strdup (client_uuid);
  job->pseudonymise = pseudonymise;
  start (job, store, placements_export_write_async, cancellable, callback, user_data);
}

PlacementsExport *
placements_export_write_finish (PlacementsStore  *store,
                                GAsyncResult     *result,
                                GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) ==
                        placements_export_write_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
