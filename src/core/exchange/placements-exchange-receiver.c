#define G_LOG_DOMAIN "placements-exchange-receiver"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-error.h"
#include "placements-exchange-reader.h"
#include "placements-exchange-receiver.h"
#include "placements-exchange-state.h"

static PlacementsOrganisation *
find_receiver (PlacementsExchangeMessage *message)
{
  for (guint i = 0; message->items != NULL && i < message->items->len; i++)
    {
      PlacementsExchangeItem *item = g_ptr_array_index (message->items, i);

      if (PLACEMENTS_IS_ORGANISATION (item->record) &&
          g_strcmp0 (placements_organisation_get_exchange_id (
                       PLACEMENTS_ORGANISATION (item->record)), message->receiver) == 0)
        return PLACEMENTS_ORGANISATION (item->record);
    }
  return NULL;
}

PlacementsOrganisation *
placements_exchange_peek_receiver (const char  *path,
                                   GError     **error)
{
  g_autoptr(PlacementsExchangeMessage) message = NULL;
  PlacementsOrganisation *receiver;

  g_return_val_if_fail (path != NULL, NULL);
  message = placements_exchange_read (path, 0, NULL, error);
  if (message == NULL)
    return NULL;
  if (!placements_exchange_check_rules (message, NULL, NULL, NULL, NULL, error))
    return NULL;
  receiver = find_receiver (message);
  if (receiver == NULL)
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_REFUSED_FILE,
                   _("%s: the receiver “%s” does not travel in this file as an organisation"),
                   message->display_name, message->receiver);
      return NULL;
    }
  return g_object_ref (receiver);
}

PlacementsOrganisation *
placements_exchange_adopt_receiver (PlacementsStore  *store,
                                    const char       *path,
                                    GError          **error)
{
  g_autoptr(PlacementsExchangeMessage) message = NULL;
  g_autofree char *own_uuid = NULL;
  PlacementsOrganisation *receiver;
  const char *receiver_uuid;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  /* The file is read as carefully as for an import: it comes from outside. */
  message = placements_exchange_read (path, 0, NULL, error);
  if (message == NULL)
    return NULL;
  if (!placements_exchange_check_rules (message, NULL, NULL, NULL, NULL, error))
    return NULL;

  receiver = find_receiver (message);
  if (receiver == NULL)
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_REFUSED_FILE,
                   _("%s: the receiver “%s” does not travel in this file as an organisation"),
                   message->display_name, message->receiver);
      return NULL;
    }
  receiver_uuid = placements_record_get_uuid (PLACEMENTS_RECORD (receiver));

  /* A database does not change owner by accident: that would redirect its mail. */
  own_uuid = placements_exchange_dup_own_organisation (store);
  if (own_uuid != NULL && !g_str_equal (own_uuid, receiver_uuid))
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_CONFLICT,
                   _("This database already belongs to another organisation; the file "
                     "%s is addressed to “%s”"),
                   message->display_name, message->receiver);
      return NULL;
    }

  if (!placements_store_begin (store, error))
    return NULL;
  if ((!placements_store_exists (store, PLACEMENTS_TYPE_ORGANISATION, receiver_uuid) &&
       !placements_store_save (store, PLACEMENTS_RECORD (receiver), error)) ||
      !placements_exchange_set_own_organisation (store, receiver_uuid, error) ||
      !placements_store_commit (store, error))
    {
      placements_store_rollback (store);
      return NULL;
    }

  return placements_store_load (store, PLACEMENTS_TYPE_ORGANISATION, receiver_uuid, error);
}
