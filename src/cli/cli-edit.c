#define G_LOG_DOMAIN "placements-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cli-commands.h"
#include "placements-error.h"
#include "placements-placement-steps.h"
#include "placements-placing.h"
#include "placements-record-kind.h"

/*
 * Single edits from a script: add a record, change fields of one, delete one. Each
 * is one transaction, validated and logged like an edit in the window; the line
 * printed after it means it is saved.
 */

typedef enum
{
  EDIT_ADD,
  EDIT_SET,
  EDIT_DELETE,
} EditMode;

static const char * const command_names[] = { "add", "set", "delete" };

static gboolean
apply_assignments (PlacementsRecord  *record,
                   char             **assignments,
                   const char        *command,
                   int               *status)
{
  for (guint i = 0; assignments[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      const char *equals = strchr (assignments[i], '=');
      g_autofree char *field = NULL;

      if (equals == NULL || equals == assignments[i])
        {
          *status = cli_usage_error (command, _("“%s” is not FIELD=VALUE"), assignments[i]);
          return FALSE;
        }
      field = g_strndup (assignments[i], equals - assignments[i]);
      if (!placements_record_set_field_text (record, field, equals + 1, &error))
        {
          *status = cli_fail_error (error);
          return FALSE;
        }
    }
  return TRUE;
}

static int
edit (const CliOptions   *options,
      char             ***args,
      EditMode            mode)
{
  const char *command = command_names[mode];
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(PlacementsStore) store = NULL;
  g_autoptr(PlacementsRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  PlacementsRecordKind *kind;
  GType type;
  guint n_args;
  guint first_assignment = mode == EDIT_ADD ? 2 : 3;
  int status = CLI_EXIT_OK;
  gboolean confirm_over_limit = FALSE;
  const GOptionEntry entries[] = {
    { "confirm-over-limit", 0, 0, G_OPTION_ARG_NONE, &confirm_over_limit,
      N_("Place over a workplace's capacity or a buddy's maximum all the same"), NULL },
    G_OPTION_ENTRY_NULL
  };

  context = g_option_context_new (mode == EDIT_ADD ? _("KIND FIELD=VALUE…")
                                  : mode == EDIT_SET ? _("KIND UUID FIELD=VALUE…")
                                  : _("KIND UUID"));
  g_option_context_set_summary (context,
                                mode == EDIT_ADD
                                ? N_("Adds one record and prints its UUID. Fields are "
                                     "given as on the record's page, e.g. "
                                     "family-name=Jansen.")
                                : mode == EDIT_SET
                                ? N_("Changes fields of one record.")
                                : N_("Deletes one record, with the records that belong to "
                                     "it."));
  if (mode != EDIT_DELETE)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  if (!cli_parse_options (context, command, args, &status))
    return status;
  n_args = g_strv_length (*args);
  if (n_args < 2)
    return cli_usage_error (command, _("say which kind of record"));
  kind = placements_record_kind_find ((*args)[1]);
  if (kind == NULL)
    return cli_usage_error (command, _("unknown kind “%s”"), (*args)[1]);
  type = placements_record_kind_get_record_type (kind);
  if (mode != EDIT_ADD && (n_args < 3 || !g_uuid_string_is_valid ((*args)[2])))
    return cli_usage_error (command, _("give the UUID of the record"));
  if (mode == EDIT_DELETE && n_args > 3)
    return cli_usage_error (command, _("unexpected argument “%s”"), (*args)[3]);

  store = cli_open_store (options, FALSE, &error);
  if (store == NULL)
    return cli_fail_error (error);

  if (mode == EDIT_ADD)
    record = g_object_new (type, NULL);
  else
    {
      record = placements_store_load (store, type, (*args)[2], &error);
      if (record == NULL)
        return cli_fail_error (error);
    }
  if (n_args > first_assignment &&
      !apply_assignments (record, *args + first_assignment, command, &status))
    return status;

  /* A placement meets placing's rules as in the window: a limit passed needs saying so,
   * and a new one gets its first step (and its buddy's pairing). */
  if (PLACEMENTS_IS_PLACEMENT (record) && mode != EDIT_DELETE)
    {
      PlacementsPlaceWarnings confirmed = confirm_over_limit
                                          ? PLACEMENTS_PLACE_WARNING_OVER_CAPACITY |
                                            PLACEMENTS_PLACE_WARNING_BUDDY_OVER_MAXIMUM
                                          : PLACEMENTS_PLACE_WARNING_NONE;
      PlacementsPlaceWarnings warnings = PLACEMENTS_PLACE_WARNING_NONE;
      gboolean ok;

      if (mode == EDIT_ADD)
        ok = placements_placement_place (store, PLACEMENTS_PLACEMENT (record), confirmed,
                                         &error);
      else
        {
          if (placements_placement_status_holds_place (
                placements_placement_get_status (PLACEMENTS_PLACEMENT (record))))
            warnings = placements_placement_find_warnings (store, PLACEMENTS_PLACEMENT (record),
                                                           NULL);
          ok = placements_place_warnings_check (warnings, confirmed, &error) &&
               placements_store_save (store, record, &error);
        }
      if (!ok && g_error_matches (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_NEEDS_CONFIRMATION))
        /* Translators: the core's message, then how to pass the limit from a script. */
        return cli_fail (_("%s (--confirm-over-limit places all the same)"), error->message);
      if (!ok)
        return cli_fail_error (error);
    }
  else if (mode == EDIT_DELETE ? !placements_store_delete (store, record, &error)
                               : !placements_store_save (store, record, &error))
    return cli_fail_error (error);
  g_print ("%s\n", placements_record_get_uuid (record));
  return CLI_EXIT_OK;
}

int
cli_command_add (const CliOptions   *options,
                 char             ***args)
{
  return edit (options, args, EDIT_ADD);
}

int
cli_command_set (const CliOptions   *options,
                 char             ***args)
{
  return edit (options, args, EDIT_SET);
}

int
cli_command_delete (const CliOptions   *options,
                    char             ***args)
{
  return edit (options, args, EDIT_DELETE);
}
