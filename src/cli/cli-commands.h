#pragma once

#include <gio/gio.h>

#include "placements-store.h"

G_BEGIN_DECLS

/* Exit statuses, the same for every command. */
enum
{
  CLI_EXIT_OK = 0,
  /* Input or data refused, or the database could not be used: one line on stderr. */
  CLI_EXIT_FAILURE = 1,
  /* Unknown command, option or kind, or a bad number: one line with a hint. */
  CLI_EXIT_USAGE = 2,
};

/* What the options before or after the command say, for every command. */
typedef struct
{
  /* --db PATH, or NULL: then PLACEMENTS_DB, then the default path. */
  const char *db_path;
  /* --allow-network-filesystem: open a database on a network share all the same. */
  gboolean    allow_network_filesystem;
} CliOptions;

/*
 * A command: @args starts with the command's name, followed by its own arguments
 * (the global options are already taken out). The command may parse and change
 * @args; it returns the exit status.
 */
typedef int (*CliCommandFunc) (const CliOptions   *options,
                               char             ***args);

typedef struct
{
  const char     *name;
  CliCommandFunc  run;
  /* Untranslated (N_()); --help shows it translated. */
  const char     *summary;
} CliCommand;

/*
 * The commands, in the order --help lists them. To add one: write
 * cli_command_NAME() in its own cli-NAME.c, declare it below, and add a row to
 * the table in placements-cli.c.
 */
extern const CliCommand cli_commands[];
extern const gsize      cli_n_commands;

int cli_command_init  (const CliOptions   *options,
                       char             ***args);
int cli_command_demo  (const CliOptions   *options,
                       char             ***args);
int cli_command_list  (const CliOptions   *options,
                       char             ***args);
int cli_command_check (const CliOptions   *options,
                       char             ***args);
int cli_command_import (const CliOptions   *options,
                        char             ***args);
int cli_command_validate (const CliOptions   *options,
                          char             ***args);

/* The sending side of the exchange (cli-exchange.c). */
int cli_command_export           (const CliOptions   *options,
                                  char             ***args);
int cli_command_own_organisation (const CliOptions   *options,
                                  char             ***args);

/* The access log (cli-audit.c). */
int cli_command_audit (const CliOptions   *options,
                       char             ***args);

/* Single edits (cli-edit.c). */
int cli_command_add    (const CliOptions   *options,
                        char             ***args);
int cli_command_set    (const CliOptions   *options,
                        char             ***args);
int cli_command_delete (const CliOptions   *options,
                        char             ***args);

/* Erasure and retention (cli-erase.c). */
int cli_command_erase     (const CliOptions   *options,
                           char             ***args);
int cli_command_retention (const CliOptions   *options,
                           char             ***args);

/* Backups (cli-backup.c). */
int cli_command_backup  (const CliOptions   *options,
                         char             ***args);
int cli_command_backups (const CliOptions   *options,
                         char             ***args);
int cli_command_restore (const CliOptions   *options,
                         char             ***args);

/* Placing clients (cli-placing.c). */
int cli_command_overview           (const CliOptions   *options,
                                    char             ***args);
int cli_command_report             (const CliOptions   *options,
                                    char             ***args);
int cli_command_suggest_workplaces (const CliOptions   *options,
                                    char             ***args);

/* Helpers for the commands (cli-common.c). */

/* Prints "placements-cli: MESSAGE" as one line on stderr; returns CLI_EXIT_FAILURE. */
int              cli_fail            (const char        *format,
                                      ...) G_GNUC_PRINTF (1, 2);
int              cli_fail_error      (const GError      *error);
/* The same with a hint to --help (of @command, or of the program when NULL);
 * returns CLI_EXIT_USAGE. */
int              cli_usage_error     (const char        *command,
                                      const char        *format,
                                      ...) G_GNUC_PRINTF (2, 3);
/*
 * Parses a command's options with @context, which gains -h/--help. Returns FALSE
 * when the command should stop, with *status the exit status: 0 after showing the
 * help, CLI_EXIT_USAGE after a bad option. Positional arguments stay in @args
 * after the command's name.
 */
gboolean         cli_parse_options   (GOptionContext    *context,
                                      const char        *command,
                                      char            ***args,
                                      int               *status);
/* Opens the database the options name. Unless @create, a missing file is an error
 * rather than a new, empty database. */
PlacementsStore *cli_open_store      (const CliOptions  *options,
                                      gboolean           create,
                                      GError           **error);
/* For a command that only reads: a database that cannot be written (a read-only
 * file or folder, a full disk) is read rather than refused. */
PlacementsStore *cli_open_store_for_reading (const CliOptions  *options,
                                             GError           **error);

/* An integer of the app's settings (backup-days, retention-years), at least 1, or
 * @fallback where its schema is not installed. */
int              cli_get_setting_int (const char        *key,
                                      int                fallback);

G_END_DECLS
