#define G_LOG_DOMAIN "placements-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-demo-private.h"

/* The organisations of the base scenario and of a larger region, their staff,
 * their workplaces and the buddies at those workplaces. */

void
demo_org_free (gpointer data)
{
  DemoOrg *org = data;

  g_clear_pointer (&org->coaches, g_ptr_array_unref);
  g_free (org);
}

static DemoOrg *
add_organisation (Demo                       *demo,
                  const char                 *name,
                  PlacementsOrganisationKind  kind,
                  PlacementsCountry           country,
                  const City                 *city,
                  const char                 *notes,
                  GError                    **error)
{
  g_autoptr(PlacementsOrganisation) record = NULL;
  g_autofree char *registry = NULL;
  g_autofree char *exchange_id = NULL;
  g_autofree char *street = NULL;
  g_autofree char *postcode = NULL;
  g_autofree char *slug = NULL;
  DemoOrg *org = g_new0 (DemoOrg, 1);
  /* Disjoint ranges per organisation keep registry numbers, and so exchange ids, unique. */
  guint serial = demo->organisations->len * 7919 + (guint) demo_random_int (demo, 0, 7918);

  org->uuid = demo_keep_uuid (demo);
  org->name = g_string_chunk_insert (demo->strings, name);
  slug = demo_mail_slug (name);
  org->mail_domain = g_string_chunk_insert (demo->strings, slug);
  org->city = city;
  org->country = country;
  org->kind = kind;
  org->coaches = g_ptr_array_new ();
  g_ptr_array_add (demo->organisations, org);

  if (country == PLACEMENTS_COUNTRY_NL)
    {
      registry = g_strdup_printf ("%08u", 30000000 + serial);
      exchange_id = g_strdup_printf ("nl-kvk-%s", registry);
    }
  else
    {
      /* Enterprise number: 0, seven digits, and 97 minus the first eight mod 97. */
      guint first_eight = 2000000 + serial;

      registry = g_strdup_printf ("%08u%02u", first_eight, 97 - first_eight % 97);
      exchange_id = g_strdup_printf ("be-kbo-%s", registry);
    }
  street = demo_random_street (demo, country);
  postcode = demo_random_postcode (demo, city, country == PLACEMENTS_COUNTRY_NL);

  record = g_object_new (PLACEMENTS_TYPE_ORGANISATION, "uuid", org->uuid, NULL);
  placements_organisation_set_name (record, name);
  placements_organisation_set_kind (record, kind);
  placements_organisation_set_country (record, country);
  placements_organisation_set_registry_number (record, registry);
  placements_organisation_set_street (record, street);
  placements_organisation_set_postcode (record, postcode);
  placements_organisation_set_city (record, city->name);
  placements_organisation_set_exchange_id (record, exchange_id);
  placements_organisation_set_notes (record, notes);

  return demo_save (demo, record, error) ? org : NULL;
}

void
demo_random_person_name (Demo               *demo,
                         PlacementsCountry   country,
                         gboolean            man,
                         const char        **given_name,
                         const char        **family_name)
{
  if (country == PLACEMENTS_COUNTRY_NL)
    {
      *given_name = man ? PICK_FROM (demo, demo_nl_men) : PICK_FROM (demo, demo_nl_women);
      *family_name = PICK_FROM (demo, demo_nl_family_names);
    }
  else
    {
      *given_name = man ? PICK_FROM (demo, demo_be_men) : PICK_FROM (demo, demo_be_women);
      *family_name = PICK_FROM (demo, demo_be_family_names);
    }
}

/* A staff member of @org; @short_name (optional) gets "J. Dekker". */
const char *
demo_add_person (Demo                  *demo,
                 DemoOrg               *org,
                 PlacementsPersonRole   roles,
                 const char           **short_name,
                 GError               **error)
{
  g_autoptr(PlacementsPerson) record = NULL;
  g_autofree char *given_slug = NULL;
  g_autofree char *family_slug = NULL;
  g_autofree char *email = NULL;
  g_autofree char *phone = NULL;
  const char *given_name;
  const char *family_name;
  const char *uuid = demo_keep_uuid (demo);

  demo_random_person_name (demo, org->country, demo_chance (demo, 0.5), &given_name, &family_name);
  given_slug = demo_mail_slug (given_name);
  family_slug = demo_mail_slug (family_name);
  email = g_strdup_printf ("%c.%s@%s.example", given_slug[0], family_slug, org->mail_domain);
  phone = demo_random_mobile (demo, org->country);

  record = g_object_new (PLACEMENTS_TYPE_PERSON, "uuid", uuid, NULL);
  placements_person_set_given_name (record, given_name);
  placements_person_set_family_name (record, family_name);
  placements_person_set_organisation_uuid (record, org->uuid);
  placements_person_set_roles (record, roles);
  placements_person_set_email (record, email);
  placements_person_set_phone (record, phone);

  if (short_name != NULL)
    {
      g_autofree char *text = NULL;
      gunichar initial = g_utf8_get_char (given_name);
      char initial_text[8] = { 0 };

      g_unichar_to_utf8 (initial, initial_text);
      text = g_strdup_printf ("%s. %s", initial_text, family_name);
      *short_name = g_string_chunk_insert (demo->strings, text);
    }

  return demo_save (demo, record, error) ? uuid : NULL;
}

static gboolean
add_coaches (Demo     *demo,
             DemoOrg  *org,
             guint     n_coaches,
             GError  **error)
{
  for (guint i = 0; i < n_coaches; i++)
    {
      PlacementsPersonRole roles = PLACEMENTS_PERSON_ROLE_PERSONAL_SUPERVISOR;
      const char *uuid;

      /* Some coach individuals at work too; some also manage cases. */
      if (demo_chance (demo, 0.5))
        roles |= PLACEMENTS_PERSON_ROLE_JOB_COACH;
      if (i == 0)
        roles |= PLACEMENTS_PERSON_ROLE_CASE_MANAGER_CARE;
      uuid = demo_add_person (demo, org, roles, NULL, error);
      if (uuid == NULL)
        return FALSE;
      g_ptr_array_add (org->coaches, (gpointer) uuid);
    }
  return TRUE;
}

static DemoBuddy *
add_buddy (Demo           *demo,
           DemoWorkplace  *workplace,
           int             max_clients,
           GError        **error)
{
  g_autoptr(PlacementsBuddy) record = NULL;
  DemoBuddy *buddy;
  const char *person;

  g_assert (workplace->n_buddies < G_N_ELEMENTS (workplace->buddies));

  person = demo_add_person (demo, workplace->host, PLACEMENTS_PERSON_ROLE_BUDDY, NULL, error);
  if (person == NULL)
    return NULL;

  buddy = g_new0 (DemoBuddy, 1);
  buddy->uuid = demo_keep_uuid (demo);
  buddy->max_clients = max_clients;
  g_ptr_array_add (demo->buddies, buddy);
  workplace->buddies[workplace->n_buddies++] = buddy;

  record = g_object_new (PLACEMENTS_TYPE_BUDDY, "uuid", buddy->uuid, NULL);
  placements_buddy_set_person_uuid (record, person);
  placements_buddy_set_department (record, workplace->department);
  placements_buddy_set_training_date (
    record, demo_day_text (demo->today - (guint32) demo_random_int (demo, 30, 900)).text);
  placements_buddy_set_max_clients (record, max_clients);
  placements_buddy_set_notes (record, PICK_FROM (demo, demo_buddy_notes));

  return demo_save (demo, record, error) ? buddy : NULL;
}

void
demo_workplace_free (gpointer data)
{
  g_free (data);
}

/* A supervisor of the host leads up to three workplaces, then a colleague takes over. */
static gboolean
ensure_host_supervisor (Demo     *demo,
                        DemoOrg  *host,
                        GError  **error)
{
  if (host->supervisor_uuid != NULL && host->n_supervised < 3)
    return TRUE;

  host->n_supervised = 0;
  host->supervisor_uuid = demo_add_person (demo, host, PLACEMENTS_PERSON_ROLE_WORK_SUPERVISOR,
                                           &host->supervisor_name, error);
  return host->supervisor_uuid != NULL;
}

static DemoWorkplace *
add_workplace (Demo                     *demo,
               DemoOrg                  *host,
               const char               *name,
               const char               *department,
               PlacementsWorkplaceKind   kind,
               int                       capacity,
               const char               *tasks,
               gboolean                  low_stimulus,
               DemoOrg                  *supervisor_from,
               gboolean                  reserved,
               GError                  **error)
{
  g_autoptr(PlacementsWorkplace) record = NULL;
  g_autofree char *street = NULL;
  g_autofree char *postcode = NULL;
  DemoWorkplace *workplace;
  gboolean dutch = host->country == PLACEMENTS_COUNTRY_NL;

  if (!ensure_host_supervisor (demo, supervisor_from, error))
    return NULL;
  supervisor_from->n_supervised++;

  workplace = g_new0 (DemoWorkplace, 1);
  workplace->uuid = demo_keep_uuid (demo);
  workplace->name = g_string_chunk_insert (demo->strings, name);
  workplace->department = g_string_chunk_insert (demo->strings, department);
  workplace->host = host;
  workplace->supervisor_uuid = supervisor_from->supervisor_uuid;
  workplace->supervisor_name = supervisor_from->supervisor_name;
  workplace->kind = kind;
  workplace->capacity = capacity;
  workplace->reserved = reserved;
  g_ptr_array_add (demo->workplaces, workplace);
  if (!reserved)
    g_ptr_array_add (demo->open_workplaces[host->country], workplace);

  street = demo_random_street (demo, host->country);
  postcode = demo_random_postcode (demo, host->city, dutch);

  record = g_object_new (PLACEMENTS_TYPE_WORKPLACE, "uuid", workplace->uuid, NULL);
  placements_workplace_set_name (record, name);
  placements_workplace_set_host_organisation_uuid (record, host->uuid);
  placements_workplace_set_street (record, street);
  placements_workplace_set_postcode (record, postcode);
  placements_workplace_set_city (record, host->city->name);
  placements_workplace_set_department (record, department);
  placements_workplace_set_kind (record, kind);
  placements_workplace_set_capacity (record, capacity);
  placements_workplace_set_tasks (record, tasks);
  placements_workplace_set_low_stimulus (record, low_stimulus);
  placements_workplace_set_work_supervisor_uuid (record, workplace->supervisor_uuid);
  /* Flemish workplaces write hours the Flemish way. */
  placements_workplace_set_opening_hours (record, dutch ? "ma–vr 8.30–16.00"
                                                        : "ma–vr 8u30–16u00");

  return demo_save (demo, record, error) ? workplace : NULL;
}

/* -------------------------------------------------------------------------- */
/* The base scenario                                                           */
/* -------------------------------------------------------------------------- */

gboolean
demo_add_base_organisations (Demo    *demo,
                             GError **error)
{
  const City *zwolle = &demo_nl_cities.items[0];
  const City *deventer = &demo_nl_cities.items[1];
  const City *apeldoorn = &demo_nl_cities.items[2];
  const City *amersfoort = &demo_nl_cities.items[4];
  const City *kortrijk = &demo_be_cities.items[0];
  const City *roeselare = &demo_be_cities.items[1];
  static const City brussel = { "Brussel", 1030, 1030 };

#define ORG(field, ...) \
  if ((demo->field = add_organisation (demo, __VA_ARGS__, error)) == NULL) \
    return FALSE

  ORG (de_linde, "Zorggroep De Linde", PLACEMENTS_ORGANISATION_KIND_CARE_PROVIDER,
       PLACEMENTS_COUNTRY_NL, zwolle,
       "Zorg en dagbesteding voor mensen met een verstandelijke beperking.");
  ORG (klaverweide, "Stichting Klaverweide", PLACEMENTS_ORGANISATION_KIND_CARE_PROVIDER,
       PLACEMENTS_COUNTRY_NL, deventer, "Wonen, werken en dagbesteding.");
  ORG (ggz, "GGZ De Oeverlanden", PLACEMENTS_ORGANISATION_KIND_MENTAL_HEALTH_PROVIDER,
       PLACEMENTS_COUNTRY_NL, apeldoorn, "Dagactiviteiten voor ongeveer 250 deelnemers.");
  ORG (ijsseldelta, "Sociaal Ontwikkelbedrijf IJsseldelta",
       PLACEMENTS_ORGANISATION_KIND_SOCIAL_EMPLOYMENT_COMPANY, PLACEMENTS_COUNTRY_NL, zwolle,
       "SW-bedrijf met inpakafdeling en werk-leercentrum.");
  ORG (zwolle, "Gemeente Zwolle", PLACEMENTS_ORGANISATION_KIND_MUNICIPALITY,
       PLACEMENTS_COUNTRY_NL, zwolle, NULL);
  ORG (uwv, "UWV Werkbedrijf Zwolle", PLACEMENTS_ORGANISATION_KIND_EMPLOYMENT_SERVICE,
       PLACEMENTS_COUNTRY_NL, zwolle, NULL);
  ORG (zorgkantoor, "Zorgkantoor IJssel-Vecht", PLACEMENTS_ORGANISATION_KIND_FUNDER,
       PLACEMENTS_COUNTRY_NL, zwolle, "Voert de Wlz uit in de regio.");
  ORG (fund, "Fonds Samen aan het Werk", PLACEMENTS_ORGANISATION_KIND_FUNDER,
       PLACEMENTS_COUNTRY_NL, amersfoort, "Landelijk fonds voor inclusieve werkplekken.");
  ORG (bakery, "Bakkerij Van der Werf", PLACEMENTS_ORGANISATION_KIND_EMPLOYER,
       PLACEMENTS_COUNTRY_NL, zwolle, "Doet mee aan de campagne inclusieve werkplekken.");
  ORG (wilgenhoeve, "vzw De Wilgenhoeve", PLACEMENTS_ORGANISATION_KIND_CARE_PROVIDER,
       PLACEMENTS_COUNTRY_BE, kortrijk,
       "Dagondersteuning en wonen voor personen met een beperking.");
  ORG (leiewerk, "Maatwerkbedrijf Leiewerk",
       PLACEMENTS_ORGANISATION_KIND_SOCIAL_EMPLOYMENT_COMPANY, PLACEMENTS_COUNTRY_BE, kortrijk,
       "Maatwerkbedrijf met wasserij en lokale diensteneconomie.");
  ORG (ocmw, "OCMW Kortrijk", PLACEMENTS_ORGANISATION_KIND_OCMW, PLACEMENTS_COUNTRY_BE, kortrijk,
       "Trajectbegeleiding; werkt regionaal samen met acht andere OCMW's.");
  ORG (vdab, "VDAB Kortrijk", PLACEMENTS_ORGANISATION_KIND_EMPLOYMENT_SERVICE,
       PLACEMENTS_COUNTRY_BE, kortrijk, NULL);
  ORG (ter_linden, "Woonzorgcentrum Ter Linden", PLACEMENTS_ORGANISATION_KIND_CARE_PROVIDER,
       PLACEMENTS_COUNTRY_BE, roeselare, "Woonzorgcentrum met dagcentrum.");
  ORG (vaph, "VAPH", PLACEMENTS_ORGANISATION_KIND_FUNDER, PLACEMENTS_COUNTRY_BE, &brussel,
       "Vlaams Agentschap voor Personen met een Handicap.");

#undef ORG

  /* Where clients come from, and roughly in what share. */
  demo->de_linde->weight = 28;
  demo->klaverweide->weight = 20;
  demo->ggz->weight = 14;
  demo->wilgenhoeve->weight = 22;
  demo->ocmw->weight = 10;
  g_ptr_array_add (demo->care_orgs, demo->de_linde);
  g_ptr_array_add (demo->care_orgs, demo->klaverweide);
  g_ptr_array_add (demo->care_orgs, demo->ggz);
  g_ptr_array_add (demo->care_orgs, demo->wilgenhoeve);
  g_ptr_array_add (demo->care_orgs, demo->ocmw);

  return TRUE;
}

/* More care providers and hosts, so that a large demo looks like a region, not one town. */
gboolean
demo_add_extra_organisations (Demo    *demo,
                              GError **error)
{
  guint n_care = demo->n_clients / 1000;
  guint n_hosts = demo->n_clients / 2500;

  for (guint i = 0; i < n_care; i++)
    {
      gboolean flemish = i % 3 == 2;
      const char *prefix = flemish ? demo_be_care_prefixes.items[i % demo_be_care_prefixes.n]
                                   : demo_nl_care_prefixes.items[i % demo_nl_care_prefixes.n];
      const char *base = demo_care_names.items[(i / 3) % demo_care_names.n];
      const City *city = flemish ? &demo_be_cities.items[(i / 3) % demo_be_cities.n]
                                 : &demo_nl_cities.items[(i / 2) % demo_nl_cities.n];
      g_autofree char *name = g_strdup_printf ("%s %s %s", prefix, base, city->name);
      gboolean mental_health = i % 5 == 4;
      DemoOrg *org;

      org = add_organisation (demo, name,
                              mental_health ? PLACEMENTS_ORGANISATION_KIND_MENTAL_HEALTH_PROVIDER
                                            : PLACEMENTS_ORGANISATION_KIND_CARE_PROVIDER,
                              flemish ? PLACEMENTS_COUNTRY_BE : PLACEMENTS_COUNTRY_NL,
                              city, NULL, error);
      if (org == NULL)
        return FALSE;
      org->weight = 8;
      g_ptr_array_add (demo->care_orgs, org);
    }

  for (guint i = 0; i < n_hosts; i++)
    {
      gboolean flemish = i % 3 == 2;
      const City *city = flemish ? &demo_be_cities.items[i % demo_be_cities.n]
                                 : &demo_nl_cities.items[i % demo_nl_cities.n];
      const char *kind = flemish ? demo_be_host_kinds.items[(i / 3) % demo_be_host_kinds.n]
                                 : demo_nl_host_kinds.items[(i / 3) % demo_nl_host_kinds.n];
      gboolean social = (i / 3) % demo_nl_host_kinds.n == 0;
      g_autofree char *name = NULL;
      const char *family;
      const char *given;

      if (social)
        name = g_strdup_printf ("%s %s", kind, city->name);
      else
        {
          demo_random_person_name (demo, flemish ? PLACEMENTS_COUNTRY_BE : PLACEMENTS_COUNTRY_NL,
                                   TRUE, &given, &family);
          name = g_strdup_printf ("%s %s", kind, family);
        }
      if (add_organisation (demo, name,
                            social ? PLACEMENTS_ORGANISATION_KIND_SOCIAL_EMPLOYMENT_COMPANY
                                   : PLACEMENTS_ORGANISATION_KIND_EMPLOYER,
                            flemish ? PLACEMENTS_COUNTRY_BE : PLACEMENTS_COUNTRY_NL,
                            city, NULL, error) == NULL)
        return FALSE;
    }

  for (guint i = 0; i < demo->care_orgs->len; i++)
    demo->care_weight_total += ((DemoOrg *) g_ptr_array_index (demo->care_orgs, i))->weight;

  return TRUE;
}

gboolean
demo_add_staff (Demo    *demo,
                GError **error)
{
  /* One coach for about thirty clients, and never fewer than two. */
  for (guint i = 0; i < demo->care_orgs->len; i++)
    {
      DemoOrg *org = g_ptr_array_index (demo->care_orgs, i);
      double expected = demo->n_clients * org->weight / demo->care_weight_total;

      if (!add_coaches (demo, org, 2 + (guint) (expected / 30), error))
        return FALSE;
    }
  return TRUE;
}

gboolean
demo_add_base_workplaces (Demo    *demo,
                          GError **error)
{
  DemoWorkplace *workplace;

  /* The pilot's corner is led by the care provider's own work supervisor. */
  demo->work_corner =
    add_workplace (demo, demo->ijsseldelta, "Werkhoek inpakafdeling", "Inpakafdeling",
                   PLACEMENTS_WORKPLACE_KIND_GROUP_WORK_CORNER, 6,
                   "Webwinkelorders inpakken, sealen en etiketteren", FALSE,
                   demo->de_linde, TRUE, error);
  if (demo->work_corner == NULL || add_buddy (demo, demo->work_corner, 2, error) == NULL)
    return FALSE;

  workplace = add_workplace (demo, demo->ijsseldelta, "Prikkelarme hoek inpakafdeling",
                             "Inpakafdeling", PLACEMENTS_WORKPLACE_KIND_GROUP_WORK_CORNER, 4,
                             "Rustig inpakwerk aan een eigen tafel, met koptelefoon", TRUE,
                             demo->ijsseldelta, FALSE, error);
  if (workplace == NULL || add_buddy (demo, workplace, 2, error) == NULL)
    return FALSE;

  /* Where the work corner's clients move on to when they have settled in. */
  demo->packaging = add_workplace (demo, demo->ijsseldelta, "Inpakafdeling", "Inpakafdeling",
                                   PLACEMENTS_WORKPLACE_KIND_GROUP_WORK_CORNER, 12,
                                   "Inpakken en etiketteren aan de lopende band", FALSE,
                                   demo->ijsseldelta, FALSE, error);
  if (demo->packaging == NULL)
    return FALSE;

  demo->training_centre =
    add_workplace (demo, demo->ijsseldelta, "Werk-leercentrum", "Werk-leercentrum",
                   PLACEMENTS_WORKPLACE_KIND_WORKPLACE_LEARNING, 20,
                   "Inpakken, montage en magazijnwerk naast collega's die buddy zijn", FALSE,
                   demo->ijsseldelta, TRUE, error);
  if (demo->training_centre == NULL)
    return FALSE;
  for (guint i = 0; i < 7; i++)
    if (add_buddy (demo, demo->training_centre, 3, error) == NULL)
      return FALSE;

  if (add_workplace (demo, demo->de_linde, "Vogelhuisjeswerkplaats", "Dagbesteding",
                     PLACEMENTS_WORKPLACE_KIND_GROUP_WORK_CORNER, 8,
                     "Vogelhuisjes zagen, schuren, timmeren en schilderen", FALSE,
                     demo->de_linde, FALSE, error) == NULL)
    return FALSE;

  if (add_workplace (demo, demo->klaverweide, "Groenploeg Klaverweide", "Groen",
                     PLACEMENTS_WORKPLACE_KIND_GROUP_WORK_CORNER, 8,
                     "Snoeien, maaien en de moestuin bijhouden", FALSE,
                     demo->klaverweide, FALSE, error) == NULL)
    return FALSE;

  workplace = add_workplace (demo, demo->bakery, "Bakkerij: inpakken en bezorgen", "Winkel",
                             PLACEMENTS_WORKPLACE_KIND_INDIVIDUAL, 1,
                             "Brood inpakken en bestellingen klaarzetten", FALSE,
                             demo->bakery, FALSE, error);
  if (workplace == NULL || add_buddy (demo, workplace, 1, error) == NULL)
    return FALSE;

  workplace = add_workplace (demo, demo->leiewerk, "Wasserij Leiewerk", "Wasserij",
                             PLACEMENTS_WORKPLACE_KIND_GROUP_WORK_CORNER, 10,
                             "Linnen van woonzorgcentra wassen, drogen, vouwen en strijken",
                             FALSE, demo->leiewerk, FALSE, error);
  if (workplace == NULL ||
      add_buddy (demo, workplace, 2, error) == NULL ||
      add_buddy (demo, workplace, 2, error) == NULL)
    return FALSE;

  if (add_workplace (demo, demo->leiewerk, "Fietsherstelplaats", "Techniek",
                     PLACEMENTS_WORKPLACE_KIND_WORKPLACE_LEARNING, 4,
                     "Fietsen herstellen; werkplekleren met VDAB", FALSE,
                     demo->leiewerk, FALSE, error) == NULL)
    return FALSE;

  /* The team of six works in the care home, supervised by the maatwerkbedrijf. */
  demo->care_team =
    add_workplace (demo, demo->ter_linden, "Maaltijdbedeling en gezelschap", "Woonzorg",
                   PLACEMENTS_WORKPLACE_KIND_SECONDMENT, 6,
                   "Maaltijden rondbrengen op piekmomenten, gezelschap bieden, vervoer naar "
                   "het dagcentrum", FALSE, demo->leiewerk, TRUE, error);
  return demo->care_team != NULL;
}

gboolean
demo_add_extra_workplaces (Demo    *demo,
                           GError **error)
{
  /* Beyond the sixty clients the base workplaces hold, about one place per client
   * more: most are placed, and the unlucky few wait, registered. */
  guint n_workplaces = demo->n_clients > 60 ? (demo->n_clients - 60) / 5 : 0;
  g_autoptr(GPtrArray) nl_hosts = g_ptr_array_new ();
  g_autoptr(GPtrArray) be_hosts = g_ptr_array_new ();
  GPtrArray *hosts[2] = { [PLACEMENTS_COUNTRY_NL] = nl_hosts, [PLACEMENTS_COUNTRY_BE] = be_hosts };

  for (guint i = 0; i < demo->organisations->len; i++)
    {
      DemoOrg *org = g_ptr_array_index (demo->organisations, i);

      if (org->kind == PLACEMENTS_ORGANISATION_KIND_SOCIAL_EMPLOYMENT_COMPANY ||
          org->kind == PLACEMENTS_ORGANISATION_KIND_EMPLOYER)
        g_ptr_array_add (hosts[org->country], org);
    }

  for (guint i = 0; i < n_workplaces; i++)
    {
      PlacementsCountry country = i % 3 == 2 ? PLACEMENTS_COUNTRY_BE : PLACEMENTS_COUNTRY_NL;
      GPtrArray *candidates = hosts[country];
      DemoOrg *host = g_ptr_array_index (candidates,
                                         g_rand_int_range (demo->rand, 0,
                                                           (gint32) candidates->len));
      const WorkplaceTemplate *template = &PICK_FROM (demo, demo_workplace_templates);
      g_autofree char *name = g_strdup_printf ("%s %s", template->name, host->city->name);
      int capacity = demo_random_int (demo, template->capacity_low, template->capacity_high);
      DemoWorkplace *workplace;

      workplace = add_workplace (demo, host, name, template->department, template->kind,
                                 capacity, template->tasks, template->low_stimulus, host, FALSE,
                                 error);
      if (workplace == NULL)
        return FALSE;
      if (demo_chance (demo, template->kind == PLACEMENTS_WORKPLACE_KIND_INDIVIDUAL ? 0.7 : 0.5) &&
          add_buddy (demo, workplace, demo_random_int (demo, 1, 3), error) == NULL)
        return FALSE;
    }
  return TRUE;
}
