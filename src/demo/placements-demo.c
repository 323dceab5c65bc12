#define G_LOG_DOMAIN "placements-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-demo-private.h"

/*
 * Demo data for trying the program, for screenshots and for benchmarks. Every
 * name, number and address is invented (e-mail under .example); only the towns
 * and the public bodies (UWV, VDAB, OCMW) are real, as a coordinator would expect.
 *
 * All randomness comes from one GRand seeded by the caller, and the records are
 * made in a fixed order, so a seed always gives the same database. UUIDs are drawn
 * from the same GRand for that reason. Only what the generator keeps referring to
 * (organisations, staff, workplaces, buddies) stays in memory; a client and its
 * records are written and dropped, so a million clients need no more memory than
 * sixty.
 *
 * The situation is that of a fixed day, PLACEMENTS_DEMO_TODAY_*, so that "expired" and
 * "last two weeks" mean the same on every run.
 *
 * The parts, by what they make: placements-demo-words.c (the pools of names, places
 * and texts), -random.c (the helpers), -organisations.c (organisations, staff,
 * workplaces, buddies), -pilots.c and -clients.c. This file runs them in order.
 */

/* -------------------------------------------------------------------------- */

static gboolean
database_is_empty (PlacementsStore *store)
{
  guint n_types = 0;
  const GType *types = placements_store_get_record_types (&n_types);

  for (guint i = 0; i < n_types; i++)
    if (placements_store_count (store, types[i]) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
generate (Demo    *demo,
          GError **error)
{
  if (!demo_add_base_organisations (demo, error) ||
      !demo_add_extra_organisations (demo, error) ||
      !demo_add_staff (demo, error) ||
      !demo_add_base_workplaces (demo, error) ||
      !demo_add_extra_workplaces (demo, error) ||
      !demo_add_pilots (demo, error))
    return FALSE;

  for (guint i = 0; i < demo->n_clients; i++)
    if (!demo_add_client (demo, i, error))
      return FALSE;
  return TRUE;
}

gboolean
placements_demo_generate (PlacementsStore  *store,
                          guint             n_clients,
                          guint32           seed,
                          guint64          *n_records,
                          GError          **error)
{
  Demo demo = { 0 };
  gboolean ok;

  g_return_val_if_fail (PLACEMENTS_IS_STORE (store), FALSE);
  g_return_val_if_fail (n_clients <= PLACEMENTS_DEMO_MAX_CLIENTS, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!database_is_empty (store))
    {
      g_set_error (error, PLACEMENTS_ERROR, PLACEMENTS_ERROR_CONFLICT,
                   _("The database “%s” already holds records; demo data is only written "
                     "into an empty database"), placements_store_get_path (store));
      return FALSE;
    }

  demo.store = store;
  demo.rand = g_rand_new_with_seed (seed);
  demo.strings = g_string_chunk_new (64 * 1024);
  demo.n_clients = n_clients;
  demo.today = demo_julian (DEMO_TODAY_YEAR, DEMO_TODAY_MONTH, DEMO_TODAY_DAY);
  demo.organisations = g_ptr_array_new_with_free_func (demo_org_free);
  demo.care_orgs = g_ptr_array_new ();
  demo.workplaces = g_ptr_array_new_with_free_func (demo_workplace_free);
  demo.open_workplaces[PLACEMENTS_COUNTRY_NL] = g_ptr_array_new ();
  demo.open_workplaces[PLACEMENTS_COUNTRY_BE] = g_ptr_array_new ();
  demo.buddies = g_ptr_array_new_with_free_func (g_free);

  ok = placements_store_begin (store, error);
  if (ok)
    {
      g_autofree char *detail = NULL;

      /* One entry for the whole invented data set rather than one per record. */
      placements_store_set_bulk_audit (store);
      ok = generate (&demo, error);
      detail = g_strdup_printf ("demo clients=%u records=%" G_GUINT64_FORMAT " seed=%u",
                                n_clients, demo.n_records, seed);
      ok = ok && placements_store_write_audit_event (store, PLACEMENTS_AUDIT_ACTION_CREATE,
                                                     "demo", NULL, detail, error);
      if (ok)
        ok = placements_store_commit (store, error);
      else
        placements_store_rollback (store);
    }

  g_ptr_array_unref (demo.buddies);
  g_ptr_array_unref (demo.open_workplaces[PLACEMENTS_COUNTRY_BE]);
  g_ptr_array_unref (demo.open_workplaces[PLACEMENTS_COUNTRY_NL]);
  g_ptr_array_unref (demo.workplaces);
  g_ptr_array_unref (demo.care_orgs);
  g_ptr_array_unref (demo.organisations);
  g_string_chunk_free (demo.strings);
  g_rand_free (demo.rand);

  if (ok && n_records != NULL)
    *n_records = demo.n_records;
  return ok;
}
