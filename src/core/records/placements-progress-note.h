#pragma once

#include "placements-enums.h"
#include "placements-record.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_PROGRESS_NOTE (placements_progress_note_get_type ())

G_DECLARE_FINAL_TYPE (PlacementsProgressNote, placements_progress_note, PLACEMENTS, PROGRESS_NOTE,
                      PlacementsRecord)

PlacementsProgressNote *placements_progress_note_new (void);

const char *placements_progress_note_get_client_uuid (PlacementsProgressNote *self);
void        placements_progress_note_set_client_uuid (PlacementsProgressNote *self,
                                                      const char             *client_uuid);
const char *placements_progress_note_get_date (PlacementsProgressNote *self);
void        placements_progress_note_set_date (PlacementsProgressNote *self,
                                               const char             *date);
const char *placements_progress_note_get_author_uuid (PlacementsProgressNote *self);
void        placements_progress_note_set_author_uuid (PlacementsProgressNote *self,
                                                      const char             *author_uuid);
PlacementsNoteKind placements_progress_note_get_kind (PlacementsProgressNote *self);
void               placements_progress_note_set_kind (PlacementsProgressNote *self,
                                                      PlacementsNoteKind      kind);
const char *placements_progress_note_get_text (PlacementsProgressNote *self);
void        placements_progress_note_set_text (PlacementsProgressNote *self,
                                               const char             *text);
int  placements_progress_note_get_ladder_rung (PlacementsProgressNote *self);
void placements_progress_note_set_ladder_rung (PlacementsProgressNote *self,
                                               int                     ladder_rung);
gboolean placements_progress_note_get_shareable (PlacementsProgressNote *self);
void     placements_progress_note_set_shareable (PlacementsProgressNote *self,
                                                 gboolean                shareable);

G_END_DECLS
