#pragma once

#include <adwaita.h>

#include "placements-store.h"

G_BEGIN_DECLS

#define PLACEMENTS_TYPE_MESSAGES_PAGE (placements_messages_page_get_type ())
G_DECLARE_FINAL_TYPE (PlacementsMessagesPage, placements_messages_page, PLACEMENTS,
                      MESSAGES_PAGE, AdwBin)

/*
 * The window's Messages page: the exchange files sent and received, newest first, with
 * partner, date, kind, number of records, and for a sent one whether the answer came and
 * what it rejected, each rejected record by its name here with a button that opens it
 * (win.open-record). Read again when shown and after each change while shown.
 */
GtkWidget *placements_messages_page_new      (PlacementsStore        *store);
/* Reads the list again now. */
void       placements_messages_page_reload   (PlacementsMessagesPage *self);
/* One line a message, as shown: "title — subtitle", and its rejections under it, for
 * tests. */
char      *placements_messages_page_dup_text (PlacementsMessagesPage *self);

G_END_DECLS
