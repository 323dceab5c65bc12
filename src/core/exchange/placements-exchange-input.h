#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * The bytes of an exchange file on their way to libxml2, checked as they come: a
 * size cap, no gzip, UTF-8 without NUL, no DOCTYPE or entity declaration, and the
 * markup scan (placements-exchange-scan.h). The file is streamed, never held whole:
 * libxml2 pulls pieces through placements_exchange_input_read() and is handed only
 * bytes that passed every check so far; at the first failure it gets an error
 * instead. Once the parser is done, placements_exchange_input_finish() reads what it
 * left unread through the same checks, and tells the refusal that comes first in the
 * order the checks had when the whole file was read before parsing: size, gzip,
 * UTF-8, empty, DOCTYPE and entities, markup. A refusal there takes precedence over
 * whatever the parser said.
 */

typedef struct _PlacementsExchangeInput PlacementsExchangeInput;

/* Reads the open file @fd (taken, closed when freed), at most @max_size bytes. */
PlacementsExchangeInput *placements_exchange_input_new_for_fd     (int            fd,
                                                                   gsize          max_size,
                                                                   const char    *display_name,
                                                                   GCancellable  *cancellable);
/* Reads @data (not copied: it must outlive the input). */
PlacementsExchangeInput *placements_exchange_input_new_for_memory (const char    *data,
                                                                   gsize          length,
                                                                   const char    *display_name);
void                     placements_exchange_input_free           (PlacementsExchangeInput *input);

/* An xmlInputReadCallback: @input, a buffer and its size; the bytes read, 0 at the
 * end, -1 on a refusal or an error. */
int                      placements_exchange_input_read           (void          *input,
                                                                   char          *buffer,
                                                                   int            length);
/* An xmlInputCloseCallback that does nothing: the input is freed by its owner. */
int                      placements_exchange_input_close          (void          *input);

/* Reads the rest through the checks; FALSE with the refusal when one applies. */
gboolean                 placements_exchange_input_finish         (PlacementsExchangeInput *input,
                                                                   GError       **error);
/* The number of lines of the file; known after placements_exchange_input_finish(). */
guint                    placements_exchange_input_get_n_lines    (PlacementsExchangeInput *input);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlacementsExchangeInput, placements_exchange_input_free)

G_END_DECLS
