#define G_LOG_DOMAIN "placements-save-queue"

#include "config.h"

#include <gio/gio.h>

#include "placements-error.h"
#include "placements-record.h"
#include "placements-store.h"

/*
 * Saves a window makes without waiting: placements_store_save_async(). The main
 * thread must not wait for an import that may hold the write lock for a minute,
 * nor for the disk: a commit with synchronous=FULL waits for fsync(), which took
 * up to a quarter of a second while an import was writing beside it. So the
 * record is copied as it is now and written by one writer thread per store, on a
 * connection of its own, in the order the saves were made. While another
 * connection holds the lock the writer waits its turn (in short waits, so that a
 * cancellation is seen), and nothing typed is lost. Back in the caller's main
 * context the original record learns its row id and times, the store's "changed"
 * is emitted, and the caller's callback runs.
 */

/* The writer's busy timeout between two looks at the cancellable. */
#define WRITER_WAIT_MS 200

typedef struct
{
  GThreadPool     *pool;      /* one thread at most: saves are written in order */
  PlacementsStore *writer;    /* the writer thread's own connection, opened there */
  char            *path;
  PlacementsStoreOpenFlags flags;
  guint            n_waiting; /* saves handed to the writer and not yet returned */
} SaveQueue;

typedef struct
{
  GType  type;
  GStrv  uuids;
} Change;

typedef struct
{
  SaveQueue        *queue;
  GTask            *task;      /* owned; its source object is the caller's store */
  PlacementsRecord *record;    /* the caller's, only touched in the caller's context */
  PlacementsRecord *typed;     /* its fields when the save was asked for */
  PlacementsRecord *written;   /* the copy the writer writes (and normalises) */
  GPtrArray        *changes;   /* what the writer's commit told, to tell again */
  GError           *error;
} SaveItem;

static void
change_free (gpointer data)
{
  Change *change = data;

  g_strfreev (change->uuids);
  g_free (change);
}

static void
save_item_free (SaveItem *item)
{
  g_clear_object (&item->task);
  g_clear_object (&item->record);
  g_clear_object (&item->typed);
  g_clear_object (&item->written);
  g_ptr_array_unref (item->changes);
  g_clear_error (&item->error);
  g_free (item);
}

static GQuark
save_queue_quark (void)
{
  return g_quark_from_static_string ("placements-save-queue");
}

static void
save_queue_free (gpointer data)
{
  SaveQueue *queue = data;

  /* Each waiting save holds the store, so none is left when it is finalised. */
  g_thread_pool_free (queue->pool, FALSE, TRUE);
  g_clear_object (&queue->writer);
  g_free (queue->path);
  g_free (queue);
}

static void
writer_changed_cb (PlacementsStore *writer,
                   GType            type,
                   GStrv            uuids,
                   gpointer         user_data)
{
  SaveItem *item = user_data;
  Change *change = g_new0 (Change, 1);

  change->type = type;
  change->uuids = g_strdupv (uuids);
  g_ptr_array_add (item->changes, change);
}

/* Back in the caller's context. */
static gboolean
finish_in_caller_cb (gpointer user_data)
{
  SaveItem *item = user_data;
  PlacementsStore *store = g_task_get_source_object (item->task);

  item->queue->n_waiting--;
  if (item->error == NULL)
    {
      /* What the store normalised goes back, unless the user typed on meanwhile:
       * then the next save brings that. */
      if (placements_record_equal_fields (item->record, item->typed))
        placements_record_copy_fields (item->record, item->written);
      placements_record_set_stored (item->record,
                                    placements_record_get_row_id (item->written),
                                    placements_record_get_created (item->written),
                                    placements_record_get_updated (item->written));
      for (guint i = 0; i < item->changes->len; i++)
        {
          Change *change = g_ptr_array_index (item->changes, i);

          g_signal_emit_by_name (store, "changed", change->type, change->uuids);
        }
      g_task_return_boolean (item->task, TRUE);
    }
  else
    g_task_return_error (item->task, g_steal_pointer (&item->error));
  return G_SOURCE_REMOVE;
}

/* In the writer thread, one save at a time. */
static void
write_in_thread (gpointer data,
                 gpointer user_data)
{
  SaveItem *item = data;
  SaveQueue *queue = user_data;
  GCancellable *cancellable = g_task_get_cancellable (item->task);

  if (queue->writer == NULL)
    {
      queue->writer = placements_store_open_full (queue->path, queue->flags, &item->error);
      if (queue->writer != NULL)
        placements_store_set_busy_timeout (queue->writer, WRITER_WAIT_MS);
    }

  if (queue->writer != NULL)
    {
      g_signal_connect (queue->writer, "changed", G_CALLBACK (writer_changed_cb), item);
      /* Queued: its turn comes when the other writer is done. */
      while (!g_cancellable_set_error_if_cancelled (cancellable, &item->error) &&
             !placements_store_save (queue->writer, item->written, &item->error) &&
             g_error_matches (item->error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_BUSY))
        g_clear_error (&item->error);
      g_signal_handlers_disconnect_by_data (queue->writer, item);
    }

  /* Not g_main_context_invoke(): it would run it here when it could take the context. */
  {
    g_autoptr(GSource) source = g_idle_source_new ();

    g_source_set_priority (source, G_PRIORITY_DEFAULT);
    g_source_set_callback (source, finish_in_caller_cb, item, (GDestroyNotify) save_item_free);
    g_source_set_static_name (source, "[placements] save done");
    g_source_attach (source, g_task_get_context (item->task));
  }
}

static SaveQueue *
get_queue (PlacementsStore *self)
{
  SaveQueue *queue = g_object_get_qdata (G_OBJECT (self), save_queue_quark ());

  if (queue == NULL)
    {
      queue = g_new0 (SaveQueue, 1);
      queue->path = g_strdup (placements_store_get_path (self));
      queue->flags = placements_store_get_open_flags (self);
      queue->pool = g_thread_pool_new (write_in_thread, queue, 1, FALSE, NULL);
      g_object_set_qdata_full (G_OBJECT (self), save_queue_quark (), queue, save_queue_free);
    }
  return queue;
}

void
placements_store_save_async (PlacementsStore     *self,
                             PlacementsRecord    *record,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  SaveItem *item;

  g_return_if_fail (PLACEMENTS_IS_STORE (self));
  g_return_if_fail (PLACEMENTS_IS_RECORD (record));

  item = g_new0 (SaveItem, 1);
  item->queue = get_queue (self);
  item->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (item->task, placements_store_save_async);
  /* A save that went through is reported as saved, cancelled or not. */
  g_task_set_check_cancellable (item->task, FALSE);
  item->record = g_object_ref (record);
  item->typed = placements_record_dup (record);
  item->written = placements_record_dup (record);
  item->changes = g_ptr_array_new_with_free_func (change_free);

  item->queue->n_waiting++;
  g_thread_pool_push (item->queue->pool, item, NULL);
}

gboolean
placements_store_save_finish (PlacementsStore  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == placements_store_save_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

guint
placements_store_get_n_queued_saves (PlacementsStore *self)
{
  SaveQueue *queue;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (self), 0);
  queue = g_object_get_qdata (G_OBJECT (self), save_queue_quark ());
  return queue != NULL ? queue->n_waiting : 0;
}
