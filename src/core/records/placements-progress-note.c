#define G_LOG_DOMAIN "placements-progress-note"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-client.h"
#include "placements-enum-types.h"
#include "placements-error.h"
#include "placements-person.h"
#include "placements-progress-note.h"
#include "placements-validate.h"

struct _PlacementsProgressNote
{
  PlacementsRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlacementsProgressNote, placements_progress_note, PLACEMENTS_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CLIENT_UUID,
  PROP_DATE,
  PROP_AUTHOR_UUID,
  PROP_KIND,
  PROP_TEXT,
  PROP_LADDER_RUNG,
  PROP_SHAREABLE,
  N_PROPS
};

static gboolean
placements_progress_note_validate (PlacementsRecord  *record,
                                   GError           **error)
{
  if (!PLACEMENTS_RECORD_CLASS (placements_progress_note_parent_class)->validate (record, error))
    return FALSE;

  return TRUE;
}

static void
placements_progress_note_class_init (PlacementsProgressNoteClass *klass)
{
  PlacementsRecordClass *record_class = PLACEMENTS_RECORD_CLASS (klass);

  record_class->validate = placements_progress_note_validate;

  placements_record_class_set_table (record_class, "progress-note", "progress_note",
                                     N_("Progress note"));
  placements_record_class_add_field (record_class, PROP_CLIENT_UUID,
                                     g_param_spec_string ("client-uuid", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Client"),
                                     PLACEMENTS_FIELD_REQUIRED,
                                     PLACEMENTS_TYPE_CLIENT);
  placements_record_class_add_field (record_class, PROP_DATE,
                                     g_param_spec_string ("date", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Date"),
                                     PLACEMENTS_FIELD_DATE |
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_AUTHOR_UUID,
                                     g_param_spec_string ("author-uuid", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Author"),
                                     PLACEMENTS_FIELD_NONE,
                                     PLACEMENTS_TYPE_PERSON);
  placements_record_class_add_field (record_class, PROP_KIND,
                                     g_param_spec_enum ("kind", NULL, NULL,
                                       PLACEMENTS_TYPE_NOTE_KIND,
                                       PLACEMENTS_NOTE_KIND_PROGRESS_TALK,
                                       PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Kind"),
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_TEXT,
                                     g_param_spec_string ("text", NULL, NULL, NULL,
                                         PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Text"),
                                     PLACEMENTS_FIELD_REQUIRED |
                                     PLACEMENTS_FIELD_SEARCHABLE,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_LADDER_RUNG,
                                     g_param_spec_int ("ladder-rung", NULL, NULL, 0, 6, 0,
                                      PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Ladder rung"),
                                     PLACEMENTS_FIELD_ZERO_IS_EMPTY,
                                     G_TYPE_INVALID);
  placements_record_class_add_field (record_class, PROP_SHAREABLE,
                                     g_param_spec_boolean ("shareable", NULL, NULL, FALSE,
                                          PLACEMENTS_FIELD_PARAM_FLAGS),
                                     N_("Shareable"),
                                     PLACEMENTS_FIELD_SORTABLE,
                                     G_TYPE_INVALID);
  placements_record_class_set_list_sql (record_class,
                                        NULL,
                                        "progress_note.date DESC",
                                        NULL);
}

static void
placements_progress_note_init (PlacementsProgressNote *self)
{
}

PlacementsProgressNote *
placements_progress_note_new (void)
{
  return g_object_new (PLACEMENTS_TYPE_PROGRESS_NOTE, NULL);
}

const char *
placements_progress_note_get_client_uuid (PlacementsProgressNote *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PROGRESS_NOTE (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_CLIENT_UUID);
}

void
placements_progress_note_set_client_uuid (PlacementsProgressNote *self,
                                          const char             *client_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_PROGRESS_NOTE (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_CLIENT_UUID,
                                client_uuid);
}

const char *
placements_progress_note_get_date (PlacementsProgressNote *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PROGRESS_NOTE (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_DATE);
}

void
placements_progress_note_set_date (PlacementsProgressNote *self,
                                   const char             *date)
{
  g_return_if_fail (PLACEMENTS_IS_PROGRESS_NOTE (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_DATE,
                                date);
}

const char *
placements_progress_note_get_author_uuid (PlacementsProgressNote *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PROGRESS_NOTE (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_AUTHOR_UUID);
}

void
placements_progress_note_set_author_uuid (PlacementsProgressNote *self,
                                          const char             *author_uuid)
{
  g_return_if_fail (PLACEMENTS_IS_PROGRESS_NOTE (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_AUTHOR_UUID,
                                author_uuid);
}

PlacementsNoteKind
placements_progress_note_get_kind (PlacementsProgressNote *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PROGRESS_NOTE (self), 0);
  return (PlacementsNoteKind) placements_record_get_enum (PLACEMENTS_RECORD (self), PROP_KIND);
}

void
placements_progress_note_set_kind (PlacementsProgressNote *self,
                                   PlacementsNoteKind      kind)
{
  g_return_if_fail (PLACEMENTS_IS_PROGRESS_NOTE (self));
  placements_record_set_enum (PLACEMENTS_RECORD (self),
                              PROP_KIND,
                              kind);
}

const char *
placements_progress_note_get_text (PlacementsProgressNote *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PROGRESS_NOTE (self), NULL);
  return placements_record_get_string (PLACEMENTS_RECORD (self), PROP_TEXT);
}

void
placements_progress_note_set_text (PlacementsProgressNote *self,
                                   const char             *text)
{
  g_return_if_fail (PLACEMENTS_IS_PROGRESS_NOTE (self));
  placements_record_set_string (PLACEMENTS_RECORD (self),
                                PROP_TEXT,
                                text);
}

int
placements_progress_note_get_ladder_rung (PlacementsProgressNote *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PROGRESS_NOTE (self), 0);
  return placements_record_get_int (PLACEMENTS_RECORD (self), PROP_LADDER_RUNG);
}

void
placements_progress_note_set_ladder_rung (PlacementsProgressNote *self,
                                          int                     ladder_rung)
{
  g_return_if_fail (PLACEMENTS_IS_PROGRESS_NOTE (self));
  placements_record_set_int (PLACEMENTS_RECORD (self),
                             PROP_LADDER_RUNG,
                             ladder_rung);
}

gboolean
placements_progress_note_get_shareable (PlacementsProgressNote *self)
{
  g_return_val_if_fail (PLACEMENTS_IS_PROGRESS_NOTE (self), FALSE);
  return placements_record_get_boolean (PLACEMENTS_RECORD (self), PROP_SHAREABLE);
}

void
placements_progress_note_set_shareable (PlacementsProgressNote *self,
                                        gboolean                shareable)
{
  g_return_if_fail (PLACEMENTS_IS_PROGRESS_NOTE (self));
  placements_record_set_boolean (PLACEMENTS_RECORD (self),
                                 PROP_SHAREABLE,
                                 shareable);
}
