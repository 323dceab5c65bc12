#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* More attributes (namespace declarations included) than any element of the format
 * has (a report's placement: 6), with room for a writer's own namespaces. */
#define PLACEMENTS_EXCHANGE_MAX_ATTRIBUTES 32

/*
 * One pass over the markup of a file's bytes (valid UTF-8, checked before), for what
 * libxml2 2.9.14 would accept or be slow at: an element with very many attributes
 * (its duplicate check is quadratic: 10^5 attributes take seconds, 2·10^5 minutes),
 * a processing instruction (which the schema does not see), and an XML declaration
 * naming another encoding than UTF-8. Linear in the file.
 *
 * Returns FALSE for a file to refuse, with the line, the rule's name and a
 * translated sentence (free it with g_free()).
 */
gboolean placements_exchange_scan_markup (const char   *data,
                                          gsize         length,
                                          guint        *line,
                                          const char  **rule,
                                          char        **message);

/*
 * The same scan over a file that comes in pieces: each piece is scanned as it comes,
 * so that the parser is handed only bytes already scanned. Feed valid UTF-8 only;
 * @at_end with the last piece (which may be empty). FALSE once the file is to be
 * refused; placements_exchange_scanner_get_failure() then says why.
 */
typedef struct _PlacementsExchangeScanner PlacementsExchangeScanner;

PlacementsExchangeScanner *placements_exchange_scanner_new  (void);
void     placements_exchange_scanner_free         (PlacementsExchangeScanner  *scanner);
gboolean placements_exchange_scanner_feed         (PlacementsExchangeScanner  *scanner,
                                                   const char                 *data,
                                                   gsize                       length,
                                                   gboolean                    at_end);
/* The line, the rule's name and the translated sentence of a failure, owned by the
 * scanner; FALSE when it did not fail. */
gboolean placements_exchange_scanner_get_failure  (PlacementsExchangeScanner  *scanner,
                                                   guint                      *line,
                                                   const char                **rule,
                                                   const char                **message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlacementsExchangeScanner, placements_exchange_scanner_free)

G_END_DECLS
