#define G_LOG_DOMAIN "placements-application"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-application.h"
#include "placements-backup.h"
#include "placements-store.h"
#include "placements-window.h"

struct _PlacementsApplication
{
  AdwApplication   parent_instance;

  /* Owned */
  char            *db_option;
  gboolean         allow_network_filesystem;
  PlacementsStore *store;
};

G_DEFINE_FINAL_TYPE (PlacementsApplication, placements_application, ADW_TYPE_APPLICATION)

static PlacementsStore *
open_store (PlacementsApplication  *self,
            GError                **error)
{
  g_autofree char *path = placements_store_resolve_path (self->db_option);
  PlacementsStore *store;

  store = placements_store_open_full (path,
                                      self->allow_network_filesystem
                                      ? PLACEMENTS_STORE_OPEN_ALLOW_NETWORK_FILESYSTEM
                                      : PLACEMENTS_STORE_OPEN_DEFAULT,
                                      error);
  /* This store is used on the main thread: while an import or another program writes,
   * a save is refused (or queued) at once rather than freezing the window. */
  if (store != NULL)
    placements_store_set_busy_timeout (store, PLACEMENTS_STORE_INTERACTIVE_BUSY_TIMEOUT);
  return store;
}

typedef struct
{
  char                    *path;
  PlacementsStoreOpenFlags flags;
  guint                    keep_days;
} DailyBackup;

static void
daily_backup_free (gpointer data)
{
  DailyBackup *backup = data;

  g_free (backup->path);
  g_free (backup);
}

/* In a thread with a connection of its own: a large database takes seconds to copy,
 * and the window stays usable meanwhile. */
static void
daily_backup_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  DailyBackup *backup = task_data;
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *made = NULL;

  store = placements_store_open_full (backup->path, backup->flags, &error);
  if (store == NULL ||
      !placements_backup_daily (store, NULL, backup->keep_days, &made, &error))
    g_message ("No daily backup of “%s”: %s", backup->path, error->message);
  else if (made != NULL)
    g_debug ("Daily backup written to “%s”", made);
  g_task_return_boolean (task, TRUE);
}

/* Once a day, the first time a database is opened that day: the one of the first
 * window, and each one a second launch opens. */
static void
start_daily_backup (PlacementsApplication *self,
                    PlacementsStore       *store)
{
  g_autoptr(GSettings) settings = NULL;
  g_autoptr(GTask) task = NULL;
  DailyBackup *backup;

  if (placements_store_is_read_only (store))
    return;
  settings = g_settings_new (APPLICATION_ID);
  task = g_task_new (NULL, NULL, NULL, NULL);
  backup = g_new0 (DailyBackup, 1);
  backup->path = g_strdup (placements_store_get_path (store));
  backup->flags = self->allow_network_filesystem ? PLACEMENTS_STORE_OPEN_ALLOW_NETWORK_FILESYSTEM
                                                 : PLACEMENTS_STORE_OPEN_DEFAULT;
  backup->keep_days = (guint) MAX (g_settings_get_int (settings, "backup-days"), 1);
  g_task_set_task_data (task, backup, daily_backup_free);
  g_task_run_in_thread (task, daily_backup_thread);
}

static void
open_error_response_cb (AdwMessageDialog      *dialog,
                        const char            *response,
                        PlacementsApplication *self)
{
  /* Without its database there is nothing the application can show. */
  g_application_quit (G_APPLICATION (self));
}

static void
show_open_error (PlacementsApplication *self,
                 GtkWindow             *parent,
                 const GError          *error)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent,
                                                       _("Could Not Open the Database"),
                                                       error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (open_error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
placements_application_activate (GApplication *application)
{
  PlacementsApplication *self = PLACEMENTS_APPLICATION (application);
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    {
      g_autoptr(GError) error = NULL;

      if (self->store == NULL)
        {
          self->store = open_store (self, &error);
          if (self->store != NULL)
            start_daily_backup (self, self->store);
        }

      /* Without a store the window shows its empty states; where opening failed, it is only
       * there to carry the error dialog, which a window manager places over its parent. */
      window = GTK_WINDOW (placements_window_new (ADW_APPLICATION (self), self->store));
      gtk_window_present (window);

      if (error != NULL)
        {
          g_warning ("%s", error->message);
          show_open_error (self, window, error);
        }
      return;
    }

  gtk_window_present (window);
}

/* Exchange files given on the command line or opened from a file manager: each goes to the
 * import preview of the window (made as a plain start makes it, where there is none yet). */
static void
placements_application_open (GApplication  *application,
                             GFile        **files,
                             int            n_files,
                             const char    *hint)
{
  GtkWindow *window;

  g_application_activate (application);
  window = gtk_application_get_active_window (GTK_APPLICATION (application));
  if (!PLACEMENTS_IS_WINDOW (window))
    return;
  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);

          /* Only local files: nothing here goes over a network. */
          g_warning ("Not a local file: %s", uri);
          continue;
        }
      gtk_widget_activate_action (GTK_WIDGET (window), "win.import-path", "^ay", path);
    }
}

/* The window that shows the database at @path, if one does. */
static GtkWindow *
find_window_for (PlacementsApplication *self,
                 const char            *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      PlacementsStore *store;
      g_autofree char *shown = NULL;

      if (!PLACEMENTS_IS_WINDOW (l->data))
        continue;
      store = placements_window_get_store (l->data);
      if (store == NULL)
        continue;
      shown = g_canonicalize_filename (placements_store_get_path (store), NULL);
      if (g_strcmp0 (shown, path) == 0)
        return l->data;
    }
  return NULL;
}

/* A second launch with --db PATH, handed over by that process: the database opens in a
 * window of its own (or the one that already shows it comes forward); where it cannot be
 * opened, a dialog over the open window says why, and the open window stays. */
static void
open_database_activated (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  PlacementsApplication *self = user_data;
  g_autofree char *path = g_canonicalize_filename (g_variant_get_bytestring (parameter), NULL);
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window = find_window_for (self, path);

  if (window == NULL && gtk_application_get_windows (GTK_APPLICATION (self)) == NULL)
    {
      /* Nothing open yet: this is the first window, as a plain start makes it. */
      g_free (self->db_option);
      self->db_option = g_strdup (path);
      g_application_activate (G_APPLICATION (self));
      return;
    }
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  store = placements_store_open_full (path,
                                      self->allow_network_filesystem
                                      ? PLACEMENTS_STORE_OPEN_ALLOW_NETWORK_FILESYSTEM
                                      : PLACEMENTS_STORE_OPEN_DEFAULT,
                                      &error);
  if (store == NULL)
    {
      AdwMessageDialog *dialog;

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
        gtk_application_get_active_window (GTK_APPLICATION (self)),
        _("Could Not Open the Database"), error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  placements_store_set_busy_timeout (store, PLACEMENTS_STORE_INTERACTIVE_BUSY_TIMEOUT);
  start_daily_backup (self, store);
  gtk_window_present (GTK_WINDOW (placements_window_new (ADW_APPLICATION (self), store)));
}

static int
placements_application_handle_local_options (GApplication *application,
                                             GVariantDict *options)
{
  PlacementsApplication *self = PLACEMENTS_APPLICATION (application);
  g_autofree char *db_option = NULL;

  /* A file name, so as bytes in the file system's encoding, not necessarily UTF-8. Options
   * are read in the process that was started: where Placements already runs, that instance
   * is activated and keeps the database it has. */
  if (g_variant_dict_lookup (options, "db", "^ay", &db_option))
    {
      g_free (self->db_option);
      self->db_option = g_steal_pointer (&db_option);
    }
  if (g_variant_dict_contains (options, "allow-network-filesystem"))
    self->allow_network_filesystem = TRUE;

  /* Where Placements already runs, a --db is handed to it, resolved here (relative to this
   * process's folder), rather than that instance being activated with the database it has. */
  if (self->db_option != NULL &&
      g_application_register (application, NULL, NULL) &&
      g_application_get_is_remote (application))
    {
      g_autofree char *path = placements_store_resolve_path (self->db_option);
      g_autofree char *absolute = g_canonicalize_filename (path, NULL);

      g_action_group_activate_action (G_ACTION_GROUP (application), "open-database",
                                      g_variant_new_bytestring (absolute));
      /* This process ends now: the message must have left before it does. */
      g_dbus_connection_flush_sync (g_application_get_dbus_connection (application), NULL,
                                    NULL);
      return 0;
    }

  /* Go on with the default handling: register, then activate. */
  return -1;
}

static void
placements_application_startup (GApplication *application)
{
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    /* GtkApplication made this action from gtk/help-overlay.ui; F1 is what people try first. */
    { "win.show-help-overlay", { "F1", "<Control>question", NULL } },
  };

  G_APPLICATION_CLASS (placements_application_parent_class)->startup (application);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (application),
                                           accels[i].action, accels[i].accels);
}

static void
placements_application_finalize (GObject *object)
{
  PlacementsApplication *self = PLACEMENTS_APPLICATION (object);

  g_clear_pointer (&self->db_option, g_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (placements_application_parent_class)->finalize (object);
}

static void
placements_application_class_init (PlacementsApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = placements_application_finalize;

  app_class->activate = placements_application_activate;
  app_class->open = placements_application_open;
  app_class->startup = placements_application_startup;
  app_class->handle_local_options = placements_application_handle_local_options;
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  g_autoptr(GPtrArray) windows = g_ptr_array_new_with_free_func (g_object_unref);

  /* Closing rather than quitting outright lets each window save its state (and, later, refuse
   * while something is unsaved); the application ends when its last window has gone. The
   * list changes as windows close, so walk a copy. */
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    g_ptr_array_add (windows, g_object_ref (l->data));
  for (guint i = 0; i < windows->len; i++)
    gtk_window_close (g_ptr_array_index (windows, i));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  static const char *developers[] = {
    "The Placements developers",
    NULL
  };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Placements"),
                         "application-icon", APPLICATION_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Placements developers"),
                         "developers", developers,
                         "comments", _("Guide clients step by step towards work, together with "
                                       "care providers, employers and municipalities."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: put your names here, one per line. */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { .name = "quit", .activate = quit_activated },
  { .name = "about", .activate = about_activated },
  { .name = "open-database", .activate = open_database_activated, .parameter_type = "ay" },
};

static void
placements_application_init (PlacementsApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  g_application_add_main_option (G_APPLICATION (self), "db", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_FILENAME,
                                 _("Open the database at PATH instead of the default one"),
                                 /* Translators: stands for a file name in --help */
                                 _("PATH"));
  g_application_add_main_option (G_APPLICATION (self), "allow-network-filesystem", 0,
                                 G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE,
                                 _("Open a database on a network share all the same (only "
                                   "when no other program ever uses it)"),
                                 NULL);
}

PlacementsApplication *
placements_application_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/org/example/Placements",
                       NULL);
}
