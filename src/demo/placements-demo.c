#define G_LOG_DOMAIN "placements-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-demo.h"
#include "placements-error.h"
#include "placements-record-types.h"

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
 * The situation is that of a fixed day, DEMO_TODAY, so that "expired" and "last
 * two weeks" mean the same on every run.
 */

#define DEMO_TODAY_YEAR 2026
#define DEMO_TODAY_MONTH G_DATE_NOVEMBER
#define DEMO_TODAY_DAY 2  /* a Monday */

/* A placement's day pattern: bit 2 × weekday + day part, Monday 0, morning 0. */
#define DAY_PATTERN_BIT(weekday, part) (1 << (2 * (weekday) + (part)))

/* Clients in the pilots, by their position in the generated sequence. */
#define WORK_CORNER_CLIENTS 6
#define BUDDY_PILOT_CLIENTS 20
#define CARE_TEAM_CLIENTS 6

typedef struct
{
  const char *name;
  guint       postcode_low;
  guint       postcode_high;
} City;

typedef struct
{
  const char        *uuid;
  const char        *name;
  const char        *mail_domain;
  const City        *city;
  PlacementsCountry  country;
  PlacementsOrganisationKind kind;
  /* For care organisations: who assesses, writes notes and coaches. */
  GPtrArray         *coaches;        /* const char * UUIDs, in the string chunk */
  double             weight;         /* share of the clients */
  /* For hosts: the current work supervisor and how many workplaces they have. */
  const char        *supervisor_uuid;
  const char        *supervisor_name;
  guint              n_supervised;
} DemoOrg;

typedef struct
{
  const char *uuid;
  int         max_clients;
  int         n_paired;
} DemoBuddy;

typedef struct
{
  const char              *uuid;
  const char              *name;
  const char              *department;
  DemoOrg                 *host;
  const char              *supervisor_uuid;
  const char              *supervisor_name;
  PlacementsWorkplaceKind  kind;
  int                      capacity;
  int                      n_occupied;
  /* Pilot workplaces are filled by the pilots' clients only. */
  gboolean                 reserved;
  DemoBuddy               *buddies[8];
  guint                    n_buddies;
} DemoWorkplace;

typedef struct
{
  PlacementsStore *store;
  GRand           *rand;
  GStringChunk    *strings;
  guint64          n_records;
  guint            n_clients;
  guint32          today;          /* Julian day */
  guint            n_allocations;  /* for reference numbers */

  GPtrArray       *organisations;  /* DemoOrg*, owned */
  GPtrArray       *care_orgs;      /* DemoOrg*, borrowed: where clients come from */
  double           care_weight_total;
  GPtrArray       *workplaces;     /* DemoWorkplace*, owned */
  GPtrArray       *open_workplaces[2]; /* per country: not reserved; borrowed */
  GPtrArray       *buddies;        /* DemoBuddy*, owned */

  /* The fixed cast of the base scenario. */
  DemoOrg         *de_linde;
  DemoOrg         *klaverweide;
  DemoOrg         *ggz;
  DemoOrg         *ijsseldelta;
  DemoOrg         *zwolle;
  DemoOrg         *uwv;
  DemoOrg         *zorgkantoor;
  DemoOrg         *fund;
  DemoOrg         *bakery;
  DemoOrg         *wilgenhoeve;
  DemoOrg         *leiewerk;
  DemoOrg         *ocmw;
  DemoOrg         *vdab;
  DemoOrg         *ter_linden;
  DemoOrg         *vaph;

  DemoWorkplace   *work_corner;
  DemoWorkplace   *packaging;
  DemoWorkplace   *training_centre;
  DemoWorkplace   *care_team;

  const char      *pilot_work_corner;
  const char      *pilot_buddies;
  const char      *pilot_step_by_step;
  const char      *pilot_campaign;
  const char      *pilot_care_team;
} Demo;

/* -------------------------------------------------------------------------- */
/* Word lists                                                                  */
/* -------------------------------------------------------------------------- */

static const City nl_cities[] = {
  { "Zwolle", 8011, 8043 },
  { "Deventer", 7411, 7429 },
  { "Apeldoorn", 7311, 7339 },
  { "Kampen", 8261, 8266 },
  { "Amersfoort", 3811, 3829 },
  { "Zutphen", 7201, 7207 },
  { "Harderwijk", 3841, 3849 },
  { "Hardenberg", 7771, 7779 },
};

static const City be_cities[] = {
  { "Kortrijk", 8500, 8500 },
  { "Roeselare", 8800, 8800 },
  { "Gent", 9000, 9000 },
  { "Brugge", 8000, 8000 },
  { "Leuven", 3000, 3000 },
  { "Hasselt", 3500, 3500 },
  { "Aalst", 9300, 9300 },
  { "Mechelen", 2800, 2800 },
};

static const char * const nl_streets[] = {
  "Stationsweg", "Industrieweg", "Hanzelaan", "Kerkstraat", "Molenweg", "Dorpsstraat",
  "Nijverheidsweg", "Schoolstraat", "Oosterlaan", "Ambachtsweg",
};

static const char * const be_streets[] = {
  "Kortrijksesteenweg", "Stationsstraat", "Kerkstraat", "Nijverheidslaan", "Marktplein",
  "Molenstraat", "Gentsesteenweg", "Industrielaan", "Beekstraat", "Ooststraat",
};

static const char * const nl_men[] = {
  "Daan", "Sem", "Bram", "Joris", "Thijs", "Ruben", "Jeroen", "Martijn", "Kees", "Henk",
  "Mohamed", "Yusuf", "Emre", "Sander", "Niels", "Wouter", "Gerrit", "Pieter", "Stijn", "Anil",
};

static const char * const nl_women[] = {
  "Emma", "Lotte", "Anouk", "Fleur", "Sanne", "Femke", "Ingrid", "Marieke", "Noor", "Fatima",
  "Ayşe", "Esra", "Romy", "Lieke", "Janneke", "Petra", "Saskia", "Yasmina", "Mirjam", "Iris",
};

static const char * const be_men[] = {
  "Lucas", "Wout", "Arne", "Seppe", "Kobe", "Mathis", "Jens", "Pieter-Jan", "Bart", "Koen",
  "Tom", "Dirk", "Youssef", "Ilias", "Stijn", "Jef", "Lander", "Brecht", "Senne", "Mehmet",
};

static const char * const be_women[] = {
  "Elise", "Louise", "Jana", "Ine", "Lotte", "Febe", "Hanne", "An", "Els", "Katrien",
  "Sofie", "Lien", "Nina", "Amira", "Marie", "Fien", "Griet", "Leen", "Zeynep", "Nele",
};

static const char * const nl_family_names[] = {
  "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Visser", "Smit",
  "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks",
  "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Kok", "van der Linden",
  "Çelik", "El Amrani", "Yılmaz", "Bouzid", "Kaya", "Hoekstra", "Postma", "Wolters",
  "ter Horst", "Nijland", "Scholten", "Kuipers", "Veenstra",
};

static const char * const be_family_names[] = {
  "Peeters", "Janssens", "Maes", "Jacobs", "Mertens", "Willems", "Claes", "Goossens",
  "Wouters", "De Smet", "Vermeulen", "Van Damme", "De Backer", "Verstraete", "Desmet",
  "Vandenberghe", "D'Hondt", "Lambrecht", "Vercruysse", "Coppens", "Declercq", "Van de Velde",
  "El Amrani", "Çelik", "Benali", "Demir", "Martens", "Pauwels", "Hermans", "Vanhoutte",
};

static const char * const nl_care_prefixes[] = {
  "Zorggroep", "Stichting", "Zorgcentrum", "Stichting Wonen en Werken",
};

static const char * const be_care_prefixes[] = {
  "vzw", "Begeleidingscentrum", "Dienstencentrum",
};

static const char * const care_names[] = {
  "De Eik", "Het Baken", "De Hoeve", "Vijverhof", "De Horst", "Het Lichtpunt", "De Meent",
  "Zonnehoek", "Het Veld", "De Wiekslag", "De Esch", "Rivierduin", "Ter Beke", "De Klaproos",
  "Het Kompas", "De Boomgaard",
};

static const char * const nl_host_kinds[] = {
  "Sociaal Werkbedrijf", "Bakkerij", "Hoveniersbedrijf", "Fietsenmakerij", "Drukkerij",
  "Kringloopwinkel",
};

static const char * const be_host_kinds[] = {
  "Maatwerkbedrijf", "Bakkerij", "Tuinaanleg", "Fietsherstelplaats", "Drukkerij",
  "Kringwinkel",
};

typedef struct
{
  const char              *name;
  const char              *department;
  PlacementsWorkplaceKind  kind;
  int                      capacity_low;
  int                      capacity_high;
  const char              *tasks;
  gboolean                 low_stimulus;
} WorkplaceTemplate;

static const WorkplaceTemplate workplace_templates[] = {
  { "Inpakafdeling", "Inpak", PLACEMENTS_WORKPLACE_KIND_GROUP_WORK_CORNER, 6, 12,
    "Inpakken, sealen en etiketteren", FALSE },
  { "Prikkelarme werkhoek", "Montage", PLACEMENTS_WORKPLACE_KIND_GROUP_WORK_CORNER, 3, 5,
    "Eenvoudige montage in een rustige ruimte", TRUE },
  { "Houtwerkplaats", "Hout", PLACEMENTS_WORKPLACE_KIND_GROUP_WORK_CORNER, 6, 10,
    "Vogelhuisjes en plantenbakken zagen, schuren en schilderen", FALSE },
  { "Wasserij", "Facilitair", PLACEMENTS_WORKPLACE_KIND_GROUP_WORK_CORNER, 6, 12,
    "Wassen, vouwen en strijken", FALSE },
  { "Groenonderhoud", "Groen", PLACEMENTS_WORKPLACE_KIND_GROUP_WORK_CORNER, 4, 8,
    "Snoeien, maaien en bladruimen", FALSE },
  { "Fietsenwerkplaats", "Techniek", PLACEMENTS_WORKPLACE_KIND_INDIVIDUAL, 2, 4,
    "Banden plakken en fietsen opknappen", FALSE },
  { "Kantine", "Horeca", PLACEMENTS_WORKPLACE_KIND_INDIVIDUAL, 2, 4,
    "Broodjes smeren, afwassen en koffie schenken", FALSE },
  { "Magazijn", "Logistiek", PLACEMENTS_WORKPLACE_KIND_SECONDMENT, 1, 3,
    "Orders picken en bestellingen klaarzetten", FALSE },
  { "Receptie en post", "Facilitair", PLACEMENTS_WORKPLACE_KIND_WORKPLACE_LEARNING, 1, 2,
    "Post sorteren en bezoekers ontvangen", FALSE },
};

static const char * const support_questions[] = {
  "Wil graag werken in een rustige, prikkelarme omgeving met vaste taken.",
  "Zoekt zinvolle dagbesteding dicht bij huis, met een vast ritme.",
  "Wil toewerken naar betaald werk, maar is bang de uitkering kwijt te raken.",
  "Heeft begeleiding nodig bij het reizen naar het werk.",
  "Wil nieuwe vaardigheden leren in een groep met vaste begeleiding.",
  "Wil weer onder de mensen komen na een lange periode thuis.",
};

static const char * const goals[] = {
  "Over zes maanden drie dagdelen per week zelfstandig werken.",
  "Binnen een jaar doorstromen naar beschut werk.",
  "Zelfstandig met het openbaar vervoer naar de werkplek reizen.",
  "Een vaste taak in de inpakafdeling beheersen.",
  "Meer contact met collega's: twee keer per week samen lunchen.",
  "Een stap hoger op de participatieladder.",
};

/* {naam} is the client's given name, {werkplek} the workplace. */
static const char * const nl_progress_notes[] = {
  ("{naam} werkt steeds zelfstandiger bij {werkplek}. Volgende stap: een extra dagdeel "
   "proberen."),
  "Gesprek met {naam} over rustmomenten; afgesproken om na de lunch even pauze te nemen.",
  "{naam} voelt zich thuis bij {werkplek} en heeft contact gemaakt met collega's.",
  "{naam} had een lastige week en sliep slecht. Aandacht voor structuur in de ochtend.",
};

static const char * const be_progress_notes[] = {
  "Opvolgingsgesprek met {naam}: gaat graag naar {werkplek} en wil meer uren.",
  "{naam} leert snel bij {werkplek}; de werkbegeleider geeft meer zelfstandige taken.",
  "Opvolgingsgesprek: {naam} was een week ziek, het ritme komt terug.",
  "{naam} vraagt hulp bij het plannen van de verplaatsing; afspraak met de trajectbegeleider.",
};

static const char * const three_way_notes[] = {
  "Driegesprek met {naam}, werkleider en jobcoach: de taken bij {werkplek} blijven, de "
  "begeleiding wordt afgebouwd.",
  "Driegesprek: {naam} wil meer verantwoordelijkheid en de werkleider ziet dat ook.",
  "Driegesprek over de terugkeergarantie: {naam} weet nu dat terugkeren kan als het "
  "misgaat.",
};

static const char * const evaluation_notes[] = {
  "Evaluatie: {naam} heeft de doelen van het plan grotendeels gehaald; een trede hoger op "
  "de participatieladder.",
  "Evaluatie na de proefperiode bij {werkplek}: positief, {naam} gaat door.",
  "Evaluatie: {naam} heeft meer tijd nodig; doelen bijgesteld en opnieuw over een half "
  "jaar.",
};

static const char * const buddy_notes[] = {
  "Volgde de buddytraining; groeit in het geven van korte, duidelijke instructies.",
  "Ervaren collega; wil graag een tweede deelnemer begeleiden.",
  "Merkt zelf meer voldoening in het werk sinds het buddyschap.",
  "Nieuw als buddy; eerste weken samen met de werkleider.",
};

/* -------------------------------------------------------------------------- */
/* Random helpers                                                              */
/* -------------------------------------------------------------------------- */

/* Inclusive at both ends. */
static int
random_int (Demo *demo,
            int   low,
            int   high)
{
  return g_rand_int_range (demo->rand, low, high + 1);
}

static gboolean
chance (Demo   *demo,
        double  probability)
{
  return g_rand_double (demo->rand) < probability;
}

#define PICK(demo, array) ((array)[g_rand_int_range ((demo)->rand, 0, G_N_ELEMENTS (array))])

/* A version-4 UUID, but from the seeded generator so that runs repeat. */
static void
make_uuid (Demo *demo,
           char  text[37])
{
  guint8 bytes[16];

  for (guint i = 0; i < 16; i += 4)
    {
      guint32 word = g_rand_int (demo->rand);

      bytes[i] = word >> 24;
      bytes[i + 1] = word >> 16;
      bytes[i + 2] = word >> 8;
      bytes[i + 3] = word;
    }
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;

  g_snprintf (text, 37,
              "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
              bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
              bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14],
              bytes[15]);
}

/* A UUID the generator keeps referring to. */
static const char *
keep_uuid (Demo *demo)
{
  char uuid[37];

  make_uuid (demo, uuid);
  return g_string_chunk_insert_len (demo->strings, uuid, 36);
}

typedef struct
{
  char text[11];
} DayText;

/* YYYY-MM-DD of a Julian day; the buffer lives until the end of the caller's statement. */
static DayText
day_text (guint32 julian)
{
  DayText day;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_snprintf (day.text, sizeof day.text, "%04u-%02u-%02u",
              (guint) g_date_get_year (&date), (guint) g_date_get_month (&date),
              (guint) g_date_get_day (&date));
  return day;
}

static guint32
julian (int          year,
        GDateMonth   month,
        GDateDay     day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static GDateWeekday
weekday (guint32 day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  return g_date_get_weekday (&date);
}

/* The name as an address part: "Çelik" → "celik", "van den Berg" → "vandenberg". */
static char *
mail_slug (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (slug, g_ascii_tolower (*p));
  return g_string_free (slug, FALSE);
}

static char *
random_postcode (Demo       *demo,
                 const City *city,
                 gboolean    dutch)
{
  guint number = (guint) random_int (demo, (int) city->postcode_low, (int) city->postcode_high);
  /* The letters Dutch postcodes use; SA, SD and SS are never given out. */
  static const char letters[] = "ABCDEGHJKLMNPRSTVWXZ";
  char first;
  char second;

  if (!dutch)
    return g_strdup_printf ("%u", number);

  do
    {
      first = letters[random_int (demo, 0, sizeof letters - 2)];
      second = letters[random_int (demo, 0, sizeof letters - 2)];
    }
  while (first == 'S' && (second == 'A' || second == 'D' || second == 'S'));
  return g_strdup_printf ("%u %c%c", number, first, second);
}

static char *
random_street (Demo              *demo,
               PlacementsCountry  country)
{
  return g_strdup_printf ("%s %d",
                          country == PLACEMENTS_COUNTRY_NL ? PICK (demo, nl_streets)
                                                           : PICK (demo, be_streets),
                          random_int (demo, 1, 240));
}

static char *
random_mobile (Demo              *demo,
               PlacementsCountry  country)
{
  if (country == PLACEMENTS_COUNTRY_NL)
    return g_strdup_printf ("06-%08d", random_int (demo, 10000000, 99999999));
  return g_strdup_printf ("04%02d %02d %02d %02d", random_int (demo, 60, 99),
                          random_int (demo, 0, 99), random_int (demo, 0, 99),
                          random_int (demo, 0, 99));
}

/* Nine digits passing the eleven-test. */
static char *
random_bsn (Demo *demo)
{
  int digits[9];
  int sum;

  do
    {
      sum = 0;
      for (int i = 0; i < 8; i++)
        {
          digits[i] = random_int (demo, i == 0 ? 1 : 0, 9);
          sum += (9 - i) * digits[i];
        }
      digits[8] = sum % 11;
    }
  while (digits[8] == 10);

  return g_strdup_printf ("%d%d%d%d%d%d%d%d%d", digits[0], digits[1], digits[2], digits[3],
                          digits[4], digits[5], digits[6], digits[7], digits[8]);
}

/* Birth date, a serial number (odd for men, even for women) and the mod-97 check,
 * counted with a leading 2 for people born from 2000 on. */
static char *
random_rrn (Demo     *demo,
            guint32   birth,
            gboolean  man)
{
  GDate date;
  guint64 first_nine;
  guint serial = (guint) random_int (demo, 1, 498) * 2 - (man ? 1 : 0);
  guint year;
  guint check;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, birth);
  year = g_date_get_year (&date);
  first_nine = ((guint64) (year % 100) * 10000 + g_date_get_month (&date) * 100 +
                g_date_get_day (&date)) * 1000 + serial;
  check = 97 - (guint) (((year >= 2000 ? G_GUINT64_CONSTANT (2000000000) : 0) + first_nine) % 97);
  return g_strdup_printf ("%09" G_GUINT64_FORMAT "%02u", first_nine, check);
}

/* -------------------------------------------------------------------------- */
/* Writing                                                                      */
/* -------------------------------------------------------------------------- */

static gboolean
save (Demo     *demo,
      gpointer  record,
      GError  **error)
{
  if (!placements_store_save (demo->store, record, error))
    return FALSE;
  demo->n_records++;
  return TRUE;
}

static gpointer
new_record (Demo  *demo,
            GType  type)
{
  char uuid[37];

  make_uuid (demo, uuid);
  return g_object_new (type, "uuid", uuid, NULL);
}

static void
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
  guint serial = demo->organisations->len * 7919 + (guint) random_int (demo, 0, 7918);

  org->uuid = keep_uuid (demo);
  org->name = g_string_chunk_insert (demo->strings, name);
  slug = mail_slug (name);
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
  street = random_street (demo, country);
  postcode = random_postcode (demo, city, country == PLACEMENTS_COUNTRY_NL);

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

  return save (demo, record, error) ? org : NULL;
}

static void
random_person_name (Demo               *demo,
                    PlacementsCountry   country,
                    gboolean            man,
                    const char        **given_name,
                    const char        **family_name)
{
  if (country == PLACEMENTS_COUNTRY_NL)
    {
      *given_name = man ? PICK (demo, nl_men) : PICK (demo, nl_women);
      *family_name = PICK (demo, nl_family_names);
    }
  else
    {
      *given_name = man ? PICK (demo, be_men) : PICK (demo, be_women);
      *family_name = PICK (demo, be_family_names);
    }
}

/* A staff member of @org; @short_name (optional) gets "J. Dekker". */
static const char *
add_person (Demo                  *demo,
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
  const char *uuid = keep_uuid (demo);

  random_person_name (demo, org->country, chance (demo, 0.5), &given_name, &family_name);
  given_slug = mail_slug (given_name);
  family_slug = mail_slug (family_name);
  email = g_strdup_printf ("%c.%s@%s.example", given_slug[0], family_slug, org->mail_domain);
  phone = random_mobile (demo, org->country);

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

  return save (demo, record, error) ? uuid : NULL;
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
      if (chance (demo, 0.5))
        roles |= PLACEMENTS_PERSON_ROLE_JOB_COACH;
      if (i == 0)
        roles |= PLACEMENTS_PERSON_ROLE_CASE_MANAGER_CARE;
      uuid = add_person (demo, org, roles, NULL, error);
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

  person = add_person (demo, workplace->host, PLACEMENTS_PERSON_ROLE_BUDDY, NULL, error);
  if (person == NULL)
    return NULL;

  buddy = g_new0 (DemoBuddy, 1);
  buddy->uuid = keep_uuid (demo);
  buddy->max_clients = max_clients;
  g_ptr_array_add (demo->buddies, buddy);
  workplace->buddies[workplace->n_buddies++] = buddy;

  record = g_object_new (PLACEMENTS_TYPE_BUDDY, "uuid", buddy->uuid, NULL);
  placements_buddy_set_person_uuid (record, person);
  placements_buddy_set_department (record, workplace->department);
  placements_buddy_set_training_date (record,
                                      day_text (demo->today - random_int (demo, 30, 900)).text);
  placements_buddy_set_max_clients (record, max_clients);
  placements_buddy_set_notes (record, PICK (demo, buddy_notes));

  return save (demo, record, error) ? buddy : NULL;
}

static void
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
  host->supervisor_uuid = add_person (demo, host, PLACEMENTS_PERSON_ROLE_WORK_SUPERVISOR,
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
  workplace->uuid = keep_uuid (demo);
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

  street = random_street (demo, host->country);
  postcode = random_postcode (demo, host->city, dutch);

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

  return save (demo, record, error) ? workplace : NULL;
}

/* -------------------------------------------------------------------------- */
/* The base scenario                                                           */
/* -------------------------------------------------------------------------- */

static gboolean
add_base_organisations (Demo    *demo,
                        GError **error)
{
  const City *zwolle = &nl_cities[0];
  const City *deventer = &nl_cities[1];
  const City *apeldoorn = &nl_cities[2];
  const City *amersfoort = &nl_cities[4];
  const City *kortrijk = &be_cities[0];
  const City *roeselare = &be_cities[1];
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
static gboolean
add_extra_organisations (Demo    *demo,
                         GError **error)
{
  guint n_care = demo->n_clients / 1000;
  guint n_hosts = demo->n_clients / 2500;

  for (guint i = 0; i < n_care; i++)
    {
      gboolean flemish = i % 3 == 2;
      const char *prefix = flemish ? be_care_prefixes[i % G_N_ELEMENTS (be_care_prefixes)]
                                   : nl_care_prefixes[i % G_N_ELEMENTS (nl_care_prefixes)];
      const char *base = care_names[(i / 3) % G_N_ELEMENTS (care_names)];
      const City *city = flemish ? &be_cities[(i / 3) % G_N_ELEMENTS (be_cities)]
                                 : &nl_cities[(i / 2) % G_N_ELEMENTS (nl_cities)];
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
      const City *city = flemish ? &be_cities[i % G_N_ELEMENTS (be_cities)]
                                 : &nl_cities[i % G_N_ELEMENTS (nl_cities)];
      const char *kind = flemish ? be_host_kinds[(i / 3) % G_N_ELEMENTS (be_host_kinds)]
                                 : nl_host_kinds[(i / 3) % G_N_ELEMENTS (nl_host_kinds)];
      gboolean social = (i / 3) % G_N_ELEMENTS (nl_host_kinds) == 0;
      g_autofree char *name = NULL;
      const char *family;
      const char *given;

      if (social)
        name = g_strdup_printf ("%s %s", kind, city->name);
      else
        {
          random_person_name (demo, flemish ? PLACEMENTS_COUNTRY_BE : PLACEMENTS_COUNTRY_NL,
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

static gboolean
add_staff (Demo    *demo,
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

static gboolean
add_base_workplaces (Demo    *demo,
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

static gboolean
add_extra_workplaces (Demo    *demo,
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
      const WorkplaceTemplate *template = &PICK (demo, workplace_templates);
      g_autofree char *name = g_strdup_printf ("%s %s", template->name, host->city->name);
      int capacity = random_int (demo, template->capacity_low, template->capacity_high);
      DemoWorkplace *workplace;

      workplace = add_workplace (demo, host, name, template->department, template->kind,
                                 capacity, template->tasks, template->low_stimulus, host, FALSE,
                                 error);
      if (workplace == NULL)
        return FALSE;
      if (chance (demo, template->kind == PLACEMENTS_WORKPLACE_KIND_INDIVIDUAL ? 0.7 : 0.5) &&
          add_buddy (demo, workplace, random_int (demo, 1, 3), error) == NULL)
        return FALSE;
    }
  return TRUE;
}

static const char *
add_pilot (Demo                  *demo,
           const char            *name,
           guint32                start,
           guint32                evaluation,
           guint32                scale_up,
           int                    target,
           PlacementsPilotStatus  status,
           const char            *notes,
           GError               **error)
{
  g_autoptr(PlacementsPilot) record = NULL;
  const char *uuid = keep_uuid (demo);

  record = g_object_new (PLACEMENTS_TYPE_PILOT, "uuid", uuid, NULL);
  placements_pilot_set_name (record, name);
  placements_pilot_set_start_date (record, day_text (start).text);
  if (evaluation != 0)
    placements_pilot_set_evaluation_date (record, day_text (evaluation).text);
  if (scale_up != 0)
    placements_pilot_set_scale_up_date (record, day_text (scale_up).text);
  placements_pilot_set_target_participants (record, target);
  placements_pilot_set_status (record, status);
  placements_pilot_set_evaluation_notes (record, notes);
  return save (demo, record, error) ? uuid : NULL;
}

static gboolean
add_pilot_partner (Demo        *demo,
                   const char  *pilot,
                   DemoOrg     *org,
                   GError     **error)
{
  g_autoptr(PlacementsPilotPartner) record = new_record (demo, PLACEMENTS_TYPE_PILOT_PARTNER);

  placements_pilot_partner_set_pilot_uuid (record, pilot);
  placements_pilot_partner_set_organisation_uuid (record, org->uuid);
  return save (demo, record, error);
}

static gboolean
add_pilot_contact (Demo        *demo,
                   const char  *pilot,
                   const char  *person,
                   GError     **error)
{
  g_autoptr(PlacementsPilotContact) record = new_record (demo, PLACEMENTS_TYPE_PILOT_CONTACT);

  placements_pilot_contact_set_pilot_uuid (record, pilot);
  placements_pilot_contact_set_person_uuid (record, person);
  return save (demo, record, error);
}

static gboolean
add_funding (Demo        *demo,
             const char  *pilot,
             DemoOrg     *funder,
             gint64       euros,
             guint32      start,
             guint32      end,
             const char  *reference,
             const char  *obligation,
             GError     **error)
{
  g_autoptr(PlacementsFunding) record = new_record (demo, PLACEMENTS_TYPE_FUNDING);

  placements_funding_set_pilot_uuid (record, pilot);
  placements_funding_set_funder_uuid (record, funder->uuid);
  placements_funding_set_amount_cents (record, euros * 100);
  placements_funding_set_start_date (record, day_text (start).text);
  placements_funding_set_end_date (record, day_text (end).text);
  placements_funding_set_reference (record, reference);
  placements_funding_set_reporting_obligation (record, obligation);
  return save (demo, record, error);
}

static gboolean
add_criterion (Demo        *demo,
               const char  *pilot,
               const char  *description,
               const char  *target,
               const char  *measured,
               GError     **error)
{
  g_autoptr(PlacementsSuccessCriterion) record =
    new_record (demo, PLACEMENTS_TYPE_SUCCESS_CRITERION);

  placements_success_criterion_set_pilot_uuid (record, pilot);
  placements_success_criterion_set_description (record, description);
  placements_success_criterion_set_target (record, target);
  placements_success_criterion_set_measured (record, measured);
  return save (demo, record, error);
}

static gboolean
add_pilots (Demo    *demo,
            GError **error)
{
  const char *linde_contact;
  const char *ijsseldelta_contact;
  const char *zwolle_key;
  const char *zwolle_contact;
  const char *uwv_key;
  const char *ggz_key;
  const char *fund_contact;
  const char *ocmw_guide;
  const char *vdab_key;
  const char *pilot;
  PlacementsPersonRole key_figure = PLACEMENTS_PERSON_ROLE_KEY_FIGURE;
  PlacementsPersonRole contact = PLACEMENTS_PERSON_ROLE_CONTACT_PERSON;

  if ((linde_contact = add_person (demo, demo->de_linde, contact, NULL, error)) == NULL ||
      (ijsseldelta_contact = add_person (demo, demo->ijsseldelta, contact, NULL, error)) == NULL ||
      (zwolle_key = add_person (demo, demo->zwolle,
                                key_figure | PLACEMENTS_PERSON_ROLE_CASE_MANAGER_WORK,
                                NULL, error)) == NULL ||
      (zwolle_contact = add_person (demo, demo->zwolle, contact, NULL, error)) == NULL ||
      (uwv_key = add_person (demo, demo->uwv, key_figure, NULL, error)) == NULL ||
      (ggz_key = add_person (demo, demo->ggz, key_figure, NULL, error)) == NULL ||
      (fund_contact = add_person (demo, demo->fund, contact, NULL, error)) == NULL ||
      (ocmw_guide = add_person (demo, demo->ocmw,
                                PLACEMENTS_PERSON_ROLE_CASE_MANAGER_WORK |
                                PLACEMENTS_PERSON_ROLE_JOB_COACH, NULL, error)) == NULL ||
      (vdab_key = add_person (demo, demo->vdab,
                              key_figure | PLACEMENTS_PERSON_ROLE_CASE_MANAGER_WORK,
                              NULL, error)) == NULL)
    return FALSE;

  /* Six clients start in a corner of the packaging department on a Monday. */
  pilot = add_pilot (demo, "Werkhoek inpakafdeling IJsseldelta",
                     julian (2026, G_DATE_MARCH, 2), julian (2026, G_DATE_SEPTEMBER, 7),
                     julian (2027, G_DATE_JANUARY, 1), WORK_CORNER_CLIENTS,
                     PLACEMENTS_PILOT_STATUS_EVALUATED,
                     "Vijf van de zes deelnemers zijn gewend en werken drie tot vijf dagdelen "
                     "per week; één deelnemer is doorgestroomd naar een reguliere afdeling. "
                     "Opschaling per 1 januari 2027 met twaalf deelnemers.", error);
  if (pilot == NULL ||
      !add_pilot_partner (demo, pilot, demo->de_linde, error) ||
      !add_pilot_partner (demo, pilot, demo->ijsseldelta, error) ||
      !add_pilot_partner (demo, pilot, demo->zwolle, error) ||
      !add_pilot_contact (demo, pilot, demo->work_corner->supervisor_uuid, error) ||
      !add_pilot_contact (demo, pilot, ijsseldelta_contact, error) ||
      !add_funding (demo, pilot, demo->zwolle, 35000, julian (2026, G_DATE_MARCH, 1),
                    julian (2027, G_DATE_FEBRUARY, 28), "ZW-SUB-2026-0142",
                    "Tussenrapportage na de evaluatie; eindverslag binnen drie maanden na "
                    "afloop, met de drie succescriteria.", error) ||
      !add_criterion (demo, pilot, "Kostenbesparing",
                      "Minstens 10% lagere kosten per deelnemer dan dagbesteding op de eigen "
                      "locatie", "12% lager in het eerste halfjaar", error) ||
      !add_criterion (demo, pilot, "Maatschappelijke meerwaarde",
                      "Vier van de zes deelnemers een trede hoger op de participatieladder",
                      "Vijf deelnemers een trede hoger", error) ||
      !add_criterion (demo, pilot, "Reproduceerbaar",
                      "Werkwijze beschreven en overdraagbaar naar een tweede afdeling",
                      "Draaiboek klaar; tweede werkhoek gepland", error))
    return FALSE;
  demo->pilot_work_corner = pilot;

  /* Twenty clients in the work-training centre, the company's employees as buddies. */
  pilot = add_pilot (demo, "Buddy's in het werk-leercentrum", julian (2025, G_DATE_SEPTEMBER, 1),
                     julian (2026, G_DATE_JUNE, 29), 0, BUDDY_PILOT_CLIENTS,
                     PLACEMENTS_PILOT_STATUS_STRUCTURAL,
                     "Na de evaluatie structureel gemaakt; buddy's krijgen jaarlijks een "
                     "terugkomdag.", error);
  if (pilot == NULL ||
      !add_pilot_partner (demo, pilot, demo->de_linde, error) ||
      !add_pilot_partner (demo, pilot, demo->klaverweide, error) ||
      !add_pilot_partner (demo, pilot, demo->ijsseldelta, error) ||
      !add_pilot_contact (demo, pilot, linde_contact, error) ||
      !add_pilot_contact (demo, pilot, ijsseldelta_contact, error) ||
      !add_funding (demo, pilot, demo->zwolle, 35000, julian (2025, G_DATE_SEPTEMBER, 1),
                    julian (2026, G_DATE_AUGUST, 31), "ZW-SUB-2025-0388",
                    "Verantwoording op kostenbesparing, maatschappelijke meerwaarde en "
                    "reproduceerbaarheid.", error) ||
      !add_criterion (demo, pilot, "Kostenbesparing",
                      "Lagere kosten per deelnemer dan een plek in de dagbesteding",
                      "EUR 2.100 per deelnemer per jaar lager", error) ||
      !add_criterion (demo, pilot, "Maatschappelijke meerwaarde",
                      "Deelnemers en buddy's ervaren meer voldoening (vragenlijst)",
                      "Gemiddeld 7,9 (doel 7)", error) ||
      !add_criterion (demo, pilot, "Reproduceerbaar",
                      "Buddytraining beschreven en door een tweede bedrijf gebruikt",
                      "Maatwerkbedrijf Leiewerk gebruikt de training", error))
    return FALSE;
  demo->pilot_buddies = pilot;

  pilot = add_pilot (demo, "Stap voor stap naar beschut werk", julian (2026, G_DATE_JANUARY, 5),
                     julian (2027, G_DATE_JANUARY, 4), 0, 250, PLACEMENTS_PILOT_STATUS_RUNNING,
                     NULL, error);
  if (pilot == NULL ||
      !add_pilot_partner (demo, pilot, demo->ggz, error) ||
      !add_pilot_partner (demo, pilot, demo->zwolle, error) ||
      !add_pilot_partner (demo, pilot, demo->uwv, error) ||
      !add_pilot_contact (demo, pilot, zwolle_key, error) ||
      !add_pilot_contact (demo, pilot, uwv_key, error) ||
      !add_pilot_contact (demo, pilot, ggz_key, error) ||
      !add_criterion (demo, pilot, "Doorstroom",
                      "Een op de vijf deelnemers zet een stap richting beschut werk", NULL,
                      error))
    return FALSE;
  demo->pilot_step_by_step = pilot;

  pilot = add_pilot (demo, "Campagne inclusieve werkplekken", julian (2026, G_DATE_APRIL, 6),
                     julian (2027, G_DATE_APRIL, 5), 0, 15, PLACEMENTS_PILOT_STATUS_RUNNING,
                     NULL, error);
  if (pilot == NULL ||
      !add_pilot_partner (demo, pilot, demo->zwolle, error) ||
      !add_pilot_partner (demo, pilot, demo->uwv, error) ||
      !add_pilot_partner (demo, pilot, demo->fund, error) ||
      !add_pilot_partner (demo, pilot, demo->bakery, error) ||
      !add_pilot_contact (demo, pilot, zwolle_contact, error) ||
      !add_pilot_contact (demo, pilot, fund_contact, error) ||
      !add_funding (demo, pilot, demo->fund, 120000, julian (2026, G_DATE_APRIL, 1),
                    julian (2028, G_DATE_MARCH, 31), "FSW-2026-017",
                    "Halfjaarlijkse voortgangsrapportage, gepseudonimiseerd.", error) ||
      !add_criterion (demo, pilot, "Werkplekken",
                      "Vijftien werkplekken bij vijftien werkgevers", "Zes werkplekken",
                      error))
    return FALSE;
  demo->pilot_campaign = pilot;

  pilot = add_pilot (demo, "Zorgzame handen in woonzorgcentrum Ter Linden",
                     julian (2026, G_DATE_FEBRUARY, 2), julian (2027, G_DATE_FEBRUARY, 1), 0,
                     CARE_TEAM_CLIENTS, PLACEMENTS_PILOT_STATUS_RUNNING, NULL, error);
  if (pilot == NULL ||
      !add_pilot_partner (demo, pilot, demo->leiewerk, error) ||
      !add_pilot_partner (demo, pilot, demo->ter_linden, error) ||
      !add_pilot_partner (demo, pilot, demo->ocmw, error) ||
      !add_pilot_partner (demo, pilot, demo->vdab, error) ||
      !add_pilot_contact (demo, pilot, ocmw_guide, error) ||
      !add_pilot_contact (demo, pilot, vdab_key, error) ||
      !add_pilot_contact (demo, pilot, demo->care_team->supervisor_uuid, error))
    return FALSE;
  demo->pilot_care_team = pilot;

  return TRUE;
}

/* -------------------------------------------------------------------------- */
/* Clients                                                                      */
/* -------------------------------------------------------------------------- */

typedef struct
{
  char                      uuid[37];
  const char               *given_name;
  DemoOrg                  *org;
  const char               *coach;
  PlacementsTargetGroup     target_group;
  PlacementsFundingRoute    route;
  int                       rung;           /* the latest */
  /* The current placement, if any. */
  DemoWorkplace            *workplace;
  PlacementsPlacementStatus status;
  guint32                   start;
  int                       day_pattern;
} ClientState;

static DemoOrg *
pick_care_org (Demo  *demo,
               guint  index)
{
  double point;

  if (index < WORK_CORNER_CLIENTS)
    return demo->de_linde;
  index -= WORK_CORNER_CLIENTS;
  if (index < BUDDY_PILOT_CLIENTS)
    return index % 2 == 0 ? demo->de_linde : demo->klaverweide;
  index -= BUDDY_PILOT_CLIENTS;
  if (index < CARE_TEAM_CLIENTS)
    return demo->ocmw;

  point = g_rand_double (demo->rand) * demo->care_weight_total;
  for (guint i = 0; i < demo->care_orgs->len; i++)
    {
      DemoOrg *org = g_ptr_array_index (demo->care_orgs, i);

      if (point < org->weight)
        return org;
      point -= org->weight;
    }
  return g_ptr_array_index (demo->care_orgs, demo->care_orgs->len - 1);
}

static PlacementsTargetGroup
pick_target_group (Demo    *demo,
                   DemoOrg *org)
{
  double p = g_rand_double (demo->rand);

  if (org->kind == PLACEMENTS_ORGANISATION_KIND_MENTAL_HEALTH_PROVIDER)
    return p < 0.85 ? PLACEMENTS_TARGET_GROUP_PSYCHIATRIC_VULNERABILITY
                    : PLACEMENTS_TARGET_GROUP_DISTANCE_TO_LABOUR_MARKET;
  if (org->kind == PLACEMENTS_ORGANISATION_KIND_OCMW)
    return p < 0.8 ? PLACEMENTS_TARGET_GROUP_DISTANCE_TO_LABOUR_MARKET
                   : PLACEMENTS_TARGET_GROUP_PSYCHIATRIC_VULNERABILITY;
  if (p < 0.7)
    return PLACEMENTS_TARGET_GROUP_INTELLECTUAL_DISABILITY;
  if (p < 0.85)
    return PLACEMENTS_TARGET_GROUP_DISTANCE_TO_LABOUR_MARKET;
  if (p < 0.95)
    return PLACEMENTS_TARGET_GROUP_PSYCHIATRIC_VULNERABILITY;
  return PLACEMENTS_TARGET_GROUP_OTHER;
}

static PlacementsFundingRoute
pick_route (Demo                  *demo,
            PlacementsCountry      country,
            PlacementsTargetGroup  group)
{
  double p = g_rand_double (demo->rand);

  if (country == PLACEMENTS_COUNTRY_NL)
    switch (group)
      {
      case PLACEMENTS_TARGET_GROUP_INTELLECTUAL_DISABILITY:
        return p < 0.35 ? PLACEMENTS_FUNDING_ROUTE_WLZ
             : p < 0.75 ? PLACEMENTS_FUNDING_ROUTE_WMO_DAY_ACTIVITIES
             : p < 0.9 ? PLACEMENTS_FUNDING_ROUTE_WAJONG
             : PLACEMENTS_FUNDING_ROUTE_PARTICIPATIEWET;
      case PLACEMENTS_TARGET_GROUP_PSYCHIATRIC_VULNERABILITY:
        return p < 0.6 ? PLACEMENTS_FUNDING_ROUTE_WMO_DAY_ACTIVITIES
             : p < 0.85 ? PLACEMENTS_FUNDING_ROUTE_PARTICIPATIEWET
             : PLACEMENTS_FUNDING_ROUTE_WSW;
      case PLACEMENTS_TARGET_GROUP_NONE:
      case PLACEMENTS_TARGET_GROUP_DISTANCE_TO_LABOUR_MARKET:
      case PLACEMENTS_TARGET_GROUP_OTHER:
      default:
        return p < 0.7 ? PLACEMENTS_FUNDING_ROUTE_PARTICIPATIEWET : PLACEMENTS_FUNDING_ROUTE_WSW;
      }

  switch (group)
    {
    case PLACEMENTS_TARGET_GROUP_INTELLECTUAL_DISABILITY:
      return p < 0.6 ? PLACEMENTS_FUNDING_ROUTE_VAPH
                     : PLACEMENTS_FUNDING_ROUTE_WORK_LIKE_ACTIVITIES;
    case PLACEMENTS_TARGET_GROUP_PSYCHIATRIC_VULNERABILITY:
      return p < 0.5 ? PLACEMENTS_FUNDING_ROUTE_WORK_LIKE_ACTIVITIES
                     : PLACEMENTS_FUNDING_ROUTE_W2_ACTIVATION;
    case PLACEMENTS_TARGET_GROUP_NONE:
    case PLACEMENTS_TARGET_GROUP_DISTANCE_TO_LABOUR_MARKET:
    case PLACEMENTS_TARGET_GROUP_OTHER:
    default:
      return p < 0.4 ? PLACEMENTS_FUNDING_ROUTE_TARGET_GROUP_EMPLOYEE
           : p < 0.7 ? PLACEMENTS_FUNDING_ROUTE_WIJK_WERKEN
           : PLACEMENTS_FUNDING_ROUTE_W2_ACTIVATION;
    }
}

static PlacementsIncomeSituation
income_for_route (Demo                   *demo,
                  PlacementsFundingRoute  route)
{
  switch (route)
    {
    case PLACEMENTS_FUNDING_ROUTE_WAJONG:
    case PLACEMENTS_FUNDING_ROUTE_VAPH:
    case PLACEMENTS_FUNDING_ROUTE_WORK_LIKE_ACTIVITIES:
      return PLACEMENTS_INCOME_SITUATION_DISABILITY_BENEFIT;
    case PLACEMENTS_FUNDING_ROUTE_PARTICIPATIEWET:
    case PLACEMENTS_FUNDING_ROUTE_W2_ACTIVATION:
      return PLACEMENTS_INCOME_SITUATION_SOCIAL_ASSISTANCE;
    case PLACEMENTS_FUNDING_ROUTE_WSW:
    case PLACEMENTS_FUNDING_ROUTE_TARGET_GROUP_EMPLOYEE:
      return PLACEMENTS_INCOME_SITUATION_WAGE;
    case PLACEMENTS_FUNDING_ROUTE_WIJK_WERKEN:
      return PLACEMENTS_INCOME_SITUATION_UNEMPLOYMENT_BENEFIT;
    case PLACEMENTS_FUNDING_ROUTE_WMO_DAY_ACTIVITIES:
    case PLACEMENTS_FUNDING_ROUTE_WLZ:
    case PLACEMENTS_FUNDING_ROUTE_NONE:
    default:
      return chance (demo, 0.7) ? PLACEMENTS_INCOME_SITUATION_DISABILITY_BENEFIT
                                : PLACEMENTS_INCOME_SITUATION_NO_INCOME;
    }
}

static gboolean
add_client_record (Demo         *demo,
                   guint         index,
                   ClientState  *state,
                   GError      **error)
{
  g_autoptr(PlacementsClient) record = NULL;
  PlacementsCountry country;
  const char *family_name;
  gboolean man = chance (demo, 0.5);
  /* Between 18 and 64 years old. */
  guint32 birth = demo->today - (guint32) random_int (demo, 18 * 365 + 5, 64 * 365);

  make_uuid (demo, state->uuid);
  state->org = pick_care_org (demo, index);
  country = state->org->country;
  state->coach = g_ptr_array_index (state->org->coaches,
                                    g_rand_int_range (demo->rand, 0,
                                                      (gint32) state->org->coaches->len));
  random_person_name (demo, country, man, &state->given_name, &family_name);

  if (index < WORK_CORNER_CLIENTS + BUDDY_PILOT_CLIENTS)
    state->target_group = PLACEMENTS_TARGET_GROUP_INTELLECTUAL_DISABILITY;
  else if (index < WORK_CORNER_CLIENTS + BUDDY_PILOT_CLIENTS + CARE_TEAM_CLIENTS)
    state->target_group = PLACEMENTS_TARGET_GROUP_DISTANCE_TO_LABOUR_MARKET;
  else
    state->target_group = pick_target_group (demo, state->org);
  state->route = pick_route (demo, country, state->target_group);

  record = g_object_new (PLACEMENTS_TYPE_CLIENT, "uuid", state->uuid, NULL);
  placements_client_set_given_name (record, state->given_name);
  placements_client_set_family_name (record, family_name);
  placements_client_set_date_of_birth (record, day_text (birth).text);
  placements_client_set_care_organisation_uuid (record, state->org->uuid);
  placements_client_set_target_group (record, state->target_group);
  placements_client_set_funding_route (record, state->route);
  placements_client_set_income_situation (record, income_for_route (demo, state->route));

  if (chance (demo, 0.6))
    {
      g_autofree char *national_id = country == PLACEMENTS_COUNTRY_NL
                                       ? random_bsn (demo)
                                       : random_rrn (demo, birth, man);

      placements_client_set_national_id (record, national_id);
    }

  /* Those who leave day activities for work may come back if it goes wrong. */
  if (chance (demo, 0.35))
    {
      placements_client_set_right_to_return (record, TRUE);
      placements_client_set_right_to_return_until (
        record, day_text (demo->today + random_int (demo, 60, 540)).text);
    }
  placements_client_set_support_question (record, PICK (demo, support_questions));
  placements_client_set_goals (record, PICK (demo, goals));

  return save (demo, record, error);
}

static gboolean
add_ladder_steps (Demo         *demo,
                  ClientState  *state,
                  GError      **error)
{
  int n_steps = random_int (demo, 2, 4);
  guint32 date = demo->today - (guint32) random_int (demo, 0, 60) - (guint32) (n_steps - 1) * 182;
  int rung = state->target_group == PLACEMENTS_TARGET_GROUP_DISTANCE_TO_LABOUR_MARKET
               ? random_int (demo, 2, 4) : random_int (demo, 1, 3);

  /* Measured twice a year; people mostly stay or climb one rung. */
  for (int i = 0; i < n_steps; i++)
    {
      g_autoptr(PlacementsLadderStep) record = new_record (demo, PLACEMENTS_TYPE_LADDER_STEP);

      if (i > 0 && rung < 6 && chance (demo, 0.45))
        rung++;
      placements_ladder_step_set_client_uuid (record, state->uuid);
      placements_ladder_step_set_date (record, day_text (date).text);
      placements_ladder_step_set_rung (record, rung);
      placements_ladder_step_set_assessed_by_uuid (record, state->coach);
      if (!save (demo, record, error))
        return FALSE;
      date += 182;
    }
  state->rung = rung;
  return TRUE;
}

static gboolean
add_allocation (Demo         *demo,
                ClientState  *state,
                guint32       start,
                GError      **error)
{
  g_autoptr(PlacementsAllocation) record = new_record (demo, PLACEMENTS_TYPE_ALLOCATION);
  g_autofree char *reference = NULL;
  const char *product;
  const char *code = NULL;
  const char *prefix;
  DemoOrg *funder;
  PlacementsAllocationUnit unit = PLACEMENTS_ALLOCATION_UNIT_DAY_PART;
  PlacementsAllocationPeriod period = PLACEMENTS_ALLOCATION_PERIOD_WEEK;
  double volume;
  guint32 end = 0;

  switch (state->route)
    {
    case PLACEMENTS_FUNDING_ROUTE_WMO_DAY_ACTIVITIES:
      funder = demo->zwolle;
      product = "Dagbesteding groep (Wmo)";
      /* iWmo: category 07 is day activities, counted in day parts of four hours. */
      code = "07";
      prefix = "WMO";
      volume = random_int (demo, 2, 8);
      break;
    case PLACEMENTS_FUNDING_ROUTE_WLZ:
      funder = demo->zorgkantoor;
      product = "Dagbesteding (Wlz)";
      prefix = "WLZ";
      volume = random_int (demo, 4, 9);
      break;
    case PLACEMENTS_FUNDING_ROUTE_PARTICIPATIEWET:
      funder = demo->zwolle;
      product = "Beschut werk";
      prefix = "PW";
      unit = PLACEMENTS_ALLOCATION_UNIT_HOUR;
      volume = random_int (demo, 12, 32);
      break;
    case PLACEMENTS_FUNDING_ROUTE_WSW:
      funder = demo->zwolle;
      product = "Wsw-dienstbetrekking";
      prefix = "WSW";
      unit = PLACEMENTS_ALLOCATION_UNIT_HOUR;
      volume = random_int (demo, 16, 32);
      break;
    case PLACEMENTS_FUNDING_ROUTE_WAJONG:
      funder = demo->uwv;
      product = "Jobcoaching";
      prefix = "UWV";
      unit = PLACEMENTS_ALLOCATION_UNIT_HOUR;
      period = PLACEMENTS_ALLOCATION_PERIOD_MONTH;
      volume = random_int (demo, 4, 12);
      break;
    case PLACEMENTS_FUNDING_ROUTE_VAPH:
      funder = demo->vaph;
      product = "Persoonsvolgend budget: dagondersteuning";
      prefix = "VAPH";
      unit = PLACEMENTS_ALLOCATION_UNIT_DAY;
      volume = random_int (demo, 2, 5);
      break;
    case PLACEMENTS_FUNDING_ROUTE_WORK_LIKE_ACTIVITIES:
      funder = demo->vaph;
      product = "Arbeidsmatige activiteiten";
      prefix = "AMA";
      volume = random_int (demo, 2, 6);
      break;
    case PLACEMENTS_FUNDING_ROUTE_W2_ACTIVATION:
      funder = demo->vdab;
      product = "W²-activeringstraject";
      prefix = "W2";
      unit = PLACEMENTS_ALLOCATION_UNIT_HOUR;
      volume = random_int (demo, 8, 20);
      break;
    case PLACEMENTS_FUNDING_ROUTE_TARGET_GROUP_EMPLOYEE:
      funder = demo->vdab;
      product = "Collectief maatwerk";
      prefix = "CMW";
      unit = PLACEMENTS_ALLOCATION_UNIT_HOUR;
      volume = random_int (demo, 16, 30);
      break;
    case PLACEMENTS_FUNDING_ROUTE_WIJK_WERKEN:
    case PLACEMENTS_FUNDING_ROUTE_NONE:
    default:
      funder = demo->ocmw;
      product = "Wijk-werken";
      prefix = "WW";
      unit = PLACEMENTS_ALLOCATION_UNIT_HOUR;
      period = PLACEMENTS_ALLOCATION_PERIOD_MONTH;
      volume = random_int (demo, 20, 60);
      break;
    }

  /* Decisions run a year or more and are renewed; Wlz has no end. */
  if (state->route != PLACEMENTS_FUNDING_ROUTE_WLZ)
    {
      end = start + 364;
      while (end < demo->today)
        end += 365;
    }

  reference = g_strdup_printf ("%s-%.4s-%06u", prefix, day_text (start).text,
                               ++demo->n_allocations);

  placements_allocation_set_client_uuid (record, state->uuid);
  placements_allocation_set_funder_uuid (record, funder->uuid);
  placements_allocation_set_product (record, product);
  placements_allocation_set_product_code (record, code);
  placements_allocation_set_volume (record, volume);
  placements_allocation_set_unit (record, unit);
  placements_allocation_set_period (record, period);
  placements_allocation_set_start_date (record, day_text (start).text);
  if (end != 0)
    placements_allocation_set_end_date (record, day_text (end).text);
  placements_allocation_set_reference (record, reference);
  return save (demo, record, error);
}

/* Two to five days, mornings and often afternoons too. */
static int
random_day_pattern (Demo *demo,
                    int  *n_parts)
{
  int n_days = random_int (demo, 2, 5);
  int pattern = 0;

  *n_parts = 0;
  while (n_days > 0)
    {
      int day = random_int (demo, 0, 4);

      if ((pattern & DAY_PATTERN_BIT (day, 0)) != 0)
        continue;
      pattern |= DAY_PATTERN_BIT (day, 0);
      (*n_parts)++;
      if (chance (demo, 0.6))
        {
          pattern |= DAY_PATTERN_BIT (day, 1);
          (*n_parts)++;
        }
      n_days--;
    }
  return pattern;
}

static DemoWorkplace *
pick_workplace (Demo              *demo,
                PlacementsCountry  country,
                gboolean           needs_room)
{
  GPtrArray *candidates = demo->open_workplaces[country];
  DemoWorkplace *workplace = NULL;

  for (guint attempt = 0; attempt < 8; attempt++)
    {
      workplace = g_ptr_array_index (candidates,
                                     g_rand_int_range (demo->rand, 0, (gint32) candidates->len));
      if (!needs_room || workplace->n_occupied < workplace->capacity)
        return workplace;
    }
  return needs_room ? NULL : workplace;
}

static PlacementsOutcome
outcome_for (Demo                *demo,
             PlacementsEndReason  reason)
{
  switch (reason)
    {
    case PLACEMENTS_END_REASON_AS_PLANNED:
      {
        static const PlacementsOutcome outcomes[] = {
          PLACEMENTS_OUTCOME_SHELTERED_WORK, PLACEMENTS_OUTCOME_REGULAR_JOB,
          PLACEMENTS_OUTCOME_JOB_WITH_WAGE_SUBSIDY, PLACEMENTS_OUTCOME_VOLUNTEERING,
          PLACEMENTS_OUTCOME_EDUCATION,
        };
        return PICK (demo, outcomes);
      }
    case PLACEMENTS_END_REASON_BY_CLIENT:
      return chance (demo, 0.5) ? PLACEMENTS_OUTCOME_DROPPED_OUT
                                : PLACEMENTS_OUTCOME_BACK_TO_DAY_ACTIVITIES;
    case PLACEMENTS_END_REASON_EARLY_BY_AGREEMENT:
      return chance (demo, 0.5) ? PLACEMENTS_OUTCOME_EDUCATION : PLACEMENTS_OUTCOME_VOLUNTEERING;
    case PLACEMENTS_END_REASON_OTHER_DOMAIN:
      return PLACEMENTS_OUTCOME_DROPPED_OUT;
    case PLACEMENTS_END_REASON_OTHER_PROVIDER:
      return PLACEMENTS_OUTCOME_SHELTERED_WORK;
    case PLACEMENTS_END_REASON_TEMPORARILY:
    case PLACEMENTS_END_REASON_BY_PROVIDER:
    case PLACEMENTS_END_REASON_NONE:
    default:
      return PLACEMENTS_OUTCOME_BACK_TO_DAY_ACTIVITIES;
    }
}

static gboolean
add_buddy_pairing (Demo         *demo,
                   const char   *client,
                   DemoBuddy    *buddy,
                   guint32       start,
                   guint32       end,
                   GError      **error)
{
  g_autoptr(PlacementsBuddyPairing) record = new_record (demo, PLACEMENTS_TYPE_BUDDY_PAIRING);

  placements_buddy_pairing_set_buddy_uuid (record, buddy->uuid);
  placements_buddy_pairing_set_client_uuid (record, client);
  placements_buddy_pairing_set_start_date (record, day_text (start).text);
  if (end != 0)
    placements_buddy_pairing_set_end_date (record, day_text (end).text);
  return save (demo, record, error);
}

static DemoBuddy *
free_buddy (DemoWorkplace *workplace)
{
  for (guint i = 0; i < workplace->n_buddies; i++)
    if (workplace->buddies[i]->n_paired < workplace->buddies[i]->max_clients)
      return workplace->buddies[i];
  return NULL;
}

static gboolean
write_placement (Demo                      *demo,
                 ClientState               *state,
                 DemoWorkplace             *workplace,
                 const char                *pilot,
                 PlacementsPlacementStatus  status,
                 guint32                    start,
                 guint32                    end,
                 PlacementsEndReason        end_reason,
                 int                       *day_pattern,
                 GError                   **error)
{
  g_autoptr(PlacementsPlacement) record = new_record (demo, PLACEMENTS_TYPE_PLACEMENT);
  DemoBuddy *buddy = NULL;
  int n_parts = 0;
  int pattern = random_day_pattern (demo, &n_parts);

  placements_placement_set_client_uuid (record, state->uuid);
  placements_placement_set_workplace_uuid (record, workplace->uuid);
  placements_placement_set_pilot_uuid (record, pilot);
  placements_placement_set_supervisor_uuid (record, workplace->supervisor_uuid);
  placements_placement_set_start_date (record, day_text (start).text);
  placements_placement_set_day_pattern (record, pattern);
  /* A day part is four hours, less a break. */
  placements_placement_set_hours_per_week (record, MIN (40.0, n_parts * 3.5));
  placements_placement_set_status (record, status);

  if (status == PLACEMENTS_PLACEMENT_STATUS_TRIAL)
    placements_placement_set_planned_end_date (record, day_text (start + 91).text);
  else if (chance (demo, 0.5))
    placements_placement_set_planned_end_date (record, day_text (start + 364).text);

  if (status == PLACEMENTS_PLACEMENT_STATUS_ENDED)
    {
      PlacementsOutcome outcome = outcome_for (demo, end_reason);

      placements_placement_set_actual_end_date (record, day_text (end).text);
      placements_placement_set_end_reason (record, end_reason);
      placements_placement_set_outcome (record, outcome);
      /* Follow-up once half a year and a year have passed. */
      if (end + 183 <= demo->today)
        placements_placement_set_follow_up_6_months (
          record, chance (demo, 0.8) ? outcome : outcome_for (demo, end_reason));
      if (end + 365 <= demo->today)
        placements_placement_set_follow_up_12_months (
          record, chance (demo, 0.7) ? outcome : outcome_for (demo, end_reason));
    }

  if (status != PLACEMENTS_PLACEMENT_STATUS_REGISTERED &&
      (pilot == demo->pilot_buddies || chance (demo, 0.6)) &&
      (buddy = free_buddy (workplace)) != NULL)
    {
      placements_placement_set_buddy_uuid (record, buddy->uuid);
      if (status != PLACEMENTS_PLACEMENT_STATUS_ENDED)
        buddy->n_paired++;
    }

  if (!save (demo, record, error))
    return FALSE;
  if (buddy != NULL &&
      !add_buddy_pairing (demo, state->uuid, buddy, start,
                          status == PLACEMENTS_PLACEMENT_STATUS_ENDED ? end : 0, error))
    return FALSE;

  if (day_pattern != NULL)
    *day_pattern = pattern;
  return TRUE;
}

static PlacementsPlacementStatus
random_current_status (Demo     *demo,
                       guint32  *start)
{
  double p = g_rand_double (demo->rand);

  if (p < 0.08)
    {
      *start = demo->today + (guint32) random_int (demo, 7, 60);
      return PLACEMENTS_PLACEMENT_STATUS_REGISTERED;
    }
  if (p < 0.16)
    {
      *start = demo->today - (guint32) random_int (demo, 1, 30);
      return PLACEMENTS_PLACEMENT_STATUS_INTRODUCTION;
    }
  if (p < 0.28)
    {
      *start = demo->today - (guint32) random_int (demo, 30, 85);
      return PLACEMENTS_PLACEMENT_STATUS_TRIAL;
    }
  if (p < 0.9)
    {
      *start = demo->today - (guint32) random_int (demo, 60, 1000);
      return PLACEMENTS_PLACEMENT_STATUS_ACTIVE;
    }
  *start = demo->today - (guint32) random_int (demo, 60, 700);
  return PLACEMENTS_PLACEMENT_STATUS_PAUSED;
}

static gboolean
add_placements (Demo         *demo,
                guint         index,
                ClientState  *state,
                GError      **error)
{
  static const PlacementsEndReason reasons[] = {
    PLACEMENTS_END_REASON_AS_PLANNED, PLACEMENTS_END_REASON_AS_PLANNED,
    PLACEMENTS_END_REASON_TEMPORARILY, PLACEMENTS_END_REASON_BY_CLIENT,
    PLACEMENTS_END_REASON_BY_PROVIDER, PLACEMENTS_END_REASON_EARLY_BY_AGREEMENT,
    PLACEMENTS_END_REASON_OTHER_PROVIDER, PLACEMENTS_END_REASON_OTHER_DOMAIN,
  };
  PlacementsCountry country = state->org->country;
  const char *pilot = NULL;
  DemoWorkplace *workplace = NULL;
  PlacementsPlacementStatus status = PLACEMENTS_PLACEMENT_STATUS_ACTIVE;
  guint32 start = 0;
  gboolean has_current = TRUE;

  state->workplace = NULL;

  if (index < WORK_CORNER_CLIENTS)
    {
      workplace = demo->work_corner;
      pilot = demo->pilot_work_corner;
      start = julian (2026, G_DATE_MARCH, 2);
      /* One of the six has moved on to a regular department of the company. */
      if (index == WORK_CORNER_CLIENTS - 1)
        {
          if (!write_placement (demo, state, workplace, pilot, PLACEMENTS_PLACEMENT_STATUS_ENDED,
                                start, julian (2026, G_DATE_SEPTEMBER, 25),
                                PLACEMENTS_END_REASON_AS_PLANNED, NULL, error))
            return FALSE;
          workplace = demo->packaging;
          pilot = NULL;
          start = julian (2026, G_DATE_SEPTEMBER, 28);
        }
    }
  else if (index < WORK_CORNER_CLIENTS + BUDDY_PILOT_CLIENTS)
    {
      workplace = demo->training_centre;
      pilot = demo->pilot_buddies;
      start = julian (2025, G_DATE_SEPTEMBER, 1) + (guint32) random_int (demo, 0, 3) * 7;
    }
  else if (index < WORK_CORNER_CLIENTS + BUDDY_PILOT_CLIENTS + CARE_TEAM_CLIENTS)
    {
      workplace = demo->care_team;
      pilot = demo->pilot_care_team;
      start = julian (2026, G_DATE_FEBRUARY, 2);
    }
  else
    {
      has_current = chance (demo, 0.86);

      /* An earlier placement that ended, with how it ended and what came of it. */
      if (chance (demo, has_current ? 0.2 : 0.5))
        {
          DemoWorkplace *earlier = pick_workplace (demo, country, FALSE);
          guint32 earlier_start = demo->today - (guint32) random_int (demo, 400, 1500);
          guint32 earlier_end = earlier_start + (guint32) random_int (demo, 40, 360);

          if (!write_placement (demo, state, earlier, NULL, PLACEMENTS_PLACEMENT_STATUS_ENDED,
                                earlier_start, earlier_end, PICK (demo, reasons), NULL, error))
            return FALSE;
        }
      if (!has_current)
        return TRUE;

      status = random_current_status (demo, &start);
      workplace = pick_workplace (demo, country, status != PLACEMENTS_PLACEMENT_STATUS_REGISTERED);
      /* No room anywhere: the client waits, registered at a workplace. */
      if (workplace == NULL)
        {
          status = PLACEMENTS_PLACEMENT_STATUS_REGISTERED;
          start = demo->today + (guint32) random_int (demo, 14, 90);
          workplace = pick_workplace (demo, country, FALSE);
        }
      if (state->org->kind == PLACEMENTS_ORGANISATION_KIND_MENTAL_HEALTH_PROVIDER &&
          country == PLACEMENTS_COUNTRY_NL && chance (demo, 0.5))
        pilot = demo->pilot_step_by_step;
      else if (workplace->host->kind == PLACEMENTS_ORGANISATION_KIND_EMPLOYER &&
               country == PLACEMENTS_COUNTRY_NL && chance (demo, 0.5))
        pilot = demo->pilot_campaign;
    }

  if (status != PLACEMENTS_PLACEMENT_STATUS_REGISTERED)
    workplace->n_occupied++;
  state->workplace = workplace;
  state->status = status;
  state->start = start;
  return write_placement (demo, state, workplace, pilot, status, start, 0,
                          PLACEMENTS_END_REASON_NONE, &state->day_pattern, error);
}

static char *
fill_template (const char  *template,
               ClientState *state)
{
  GString *text = g_string_new (template);

  g_string_replace (text, "{naam}", state->given_name, 0);
  g_string_replace (text, "{werkplek}",
                    state->workplace != NULL ? state->workplace->name : "de dagbesteding", 0);
  return g_string_free (text, FALSE);
}

static gboolean
add_progress_notes (Demo         *demo,
                    ClientState  *state,
                    GError      **error)
{
  int n_notes = random_int (demo, 1, 3);

  for (int i = 0; i < n_notes; i++)
    {
      g_autoptr(PlacementsProgressNote) record = new_record (demo, PLACEMENTS_TYPE_PROGRESS_NOTE);
      g_autofree char *text = NULL;
      PlacementsNoteKind kind;
      double p = g_rand_double (demo->rand);

      if (p < 0.6)
        {
          kind = PLACEMENTS_NOTE_KIND_PROGRESS_TALK;
          text = fill_template (state->org->country == PLACEMENTS_COUNTRY_NL
                                 ? PICK (demo, nl_progress_notes)
                                 : PICK (demo, be_progress_notes), state);
        }
      else if (p < 0.85)
        {
          kind = PLACEMENTS_NOTE_KIND_THREE_WAY_TALK;
          text = fill_template (PICK (demo, three_way_notes), state);
        }
      else
        {
          kind = PLACEMENTS_NOTE_KIND_EVALUATION;
          text = fill_template (PICK (demo, evaluation_notes), state);
          placements_progress_note_set_ladder_rung (record, state->rung);
        }

      placements_progress_note_set_client_uuid (record, state->uuid);
      placements_progress_note_set_date (record,
                                         day_text (demo->today - random_int (demo, 1, 360)).text);
      placements_progress_note_set_author_uuid (record, state->coach);
      placements_progress_note_set_kind (record, kind);
      placements_progress_note_set_text (record, text);
      /* Internal notes never leave the organisation; some are meant to be shared. */
      placements_progress_note_set_shareable (record, chance (demo, 0.4));
      if (!save (demo, record, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_consent (Demo                     *demo,
             ClientState              *state,
             DemoOrg                  *receiver,
             PlacementsConsentPurpose  purpose,
             guint                     categories,
             guint32                   given,
             GError                  **error)
{
  g_autoptr(PlacementsConsent) record = new_record (demo, PLACEMENTS_TYPE_CONSENT);
  guint32 expiry = given + (chance (demo, 0.7) ? 365 : 730);
  gboolean represented = state->target_group == PLACEMENTS_TARGET_GROUP_INTELLECTUAL_DISABILITY &&
                         chance (demo, 0.4);

  placements_consent_set_client_uuid (record, state->uuid);
  placements_consent_set_receiver_uuid (record, receiver->uuid);
  placements_consent_set_purpose (record, purpose);
  placements_consent_set_data_categories (record, categories);
  placements_consent_set_given_by (record, represented
                                             ? PLACEMENTS_CONSENT_GIVER_LEGAL_REPRESENTATIVE
                                             : PLACEMENTS_CONSENT_GIVER_CLIENT);
  placements_consent_set_given_date (record, day_text (given).text);
  placements_consent_set_expiry_date (record, day_text (expiry).text);
  /* Now and then someone changes their mind. */
  if (given < demo->today && chance (demo, 0.04))
    placements_consent_set_withdrawn_date (
      record, day_text (given + (guint32) random_int (demo, 0, (int) (demo->today - given))).text);
  return save (demo, record, error);
}

static gboolean
add_consents (Demo         *demo,
              ClientState  *state,
              GError      **error)
{
  guint32 given;

  /* Only a placement elsewhere needs the client's data to go to another organisation. */
  if (state->workplace == NULL || state->workplace->host == state->org)
    return TRUE;

  given = state->start - (guint32) random_int (demo, 7, 30);
  if (!add_consent (demo, state, state->workplace->host, PLACEMENTS_CONSENT_PURPOSE_PLACEMENT,
                    PLACEMENTS_DATA_CATEGORY_IDENTITY | PLACEMENTS_DATA_CATEGORY_SUPPORT |
                    PLACEMENTS_DATA_CATEGORY_PLACEMENTS | PLACEMENTS_DATA_CATEGORY_ATTENDANCE,
                    given, error))
    return FALSE;

  /* The funders of the pilots get figures, pseudonymised, for their reports. */
  if (state->workplace->reserved && state->org->country == PLACEMENTS_COUNTRY_NL)
    return add_consent (demo, state, demo->zwolle, PLACEMENTS_CONSENT_PURPOSE_REPORTING,
                        PLACEMENTS_DATA_CATEGORY_PLACEMENTS |
                        PLACEMENTS_DATA_CATEGORY_ATTENDANCE |
                        PLACEMENTS_DATA_CATEGORY_PROGRESS, given, error);
  return TRUE;
}

static gboolean
add_attendance (Demo         *demo,
                guint         index,
                ClientState  *state,
                GError      **error)
{
  guint32 first = demo->today - 14;

  if (state->workplace == NULL ||
      (state->status != PLACEMENTS_PLACEMENT_STATUS_ACTIVE &&
       state->status != PLACEMENTS_PLACEMENT_STATUS_TRIAL))
    return TRUE;
  /* The pilots register every day part; of the others, one in twenty is shown. */
  if (!state->workplace->reserved && index % 20 != 7)
    return TRUE;

  /* The two weeks before today, at the workshop, by the work supervisor. */
  for (guint32 day = MAX (first, state->start); day < demo->today; day++)
    {
      int weekday_index = (int) weekday (day) - G_DATE_MONDAY;

      for (int part = 0; part < 2; part++)
        {
          g_autoptr(PlacementsAttendance) record = NULL;
          g_autofree char *registered_at = NULL;
          PlacementsAttendanceStatus status = PLACEMENTS_ATTENDANCE_STATUS_PRESENT;
          double p;

          if (weekday_index > 4 ||
              (state->day_pattern & DAY_PATTERN_BIT (weekday_index, part)) == 0)
            continue;

          p = g_rand_double (demo->rand);
          if (p > 0.95)
            status = PLACEMENTS_ATTENDANCE_STATUS_ABSENT_ILL;
          else if (p > 0.93)
            status = PLACEMENTS_ATTENDANCE_STATUS_ABSENT_LEAVE;
          else if (p > 0.91)
            status = PLACEMENTS_ATTENDANCE_STATUS_ABSENT_HOLIDAY;
          else if (p > 0.895)
            status = PLACEMENTS_ATTENDANCE_STATUS_ABSENT_WITHOUT_NOTICE;
          else if (p > 0.885)
            status = PLACEMENTS_ATTENDANCE_STATUS_ABSENT_OTHER;

          record = new_record (demo, PLACEMENTS_TYPE_ATTENDANCE);
          registered_at = g_strdup_printf ("%sT%s", day_text (day).text,
                                           part == 0 ? "12:15:00Z" : "15:45:00Z");
          placements_attendance_set_client_uuid (record, state->uuid);
          placements_attendance_set_date (record, day_text (day).text);
          placements_attendance_set_day_part (record, part == 0 ? PLACEMENTS_DAY_PART_MORNING
                                                                : PLACEMENTS_DAY_PART_AFTERNOON);
          placements_attendance_set_workplace_uuid (record, state->workplace->uuid);
          placements_attendance_set_status (record, status);
          placements_attendance_set_registered_by (record, state->workplace->supervisor_name);
          placements_attendance_set_registered_at (record, registered_at);
          if (!save (demo, record, error))
            return FALSE;
        }
    }
  return TRUE;
}

static gboolean
add_client (Demo     *demo,
            guint     index,
            GError  **error)
{
  ClientState state = { 0 };
  guint32 allocation_start;

  if (!add_client_record (demo, index, &state, error) ||
      !add_ladder_steps (demo, &state, error) ||
      !add_placements (demo, index, &state, error))
    return FALSE;

  /* The decision comes shortly before the placement starts. */
  allocation_start = state.workplace != NULL
                       ? state.start - 14
                       : demo->today - (guint32) random_int (demo, 30, 400);
  return add_allocation (demo, &state, allocation_start, error) &&
         add_progress_notes (demo, &state, error) &&
         add_consents (demo, &state, error) &&
         add_attendance (demo, index, &state, error);
}

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
  if (!add_base_organisations (demo, error) ||
      !add_extra_organisations (demo, error) ||
      !add_staff (demo, error) ||
      !add_base_workplaces (demo, error) ||
      !add_extra_workplaces (demo, error) ||
      !add_pilots (demo, error))
    return FALSE;

  for (guint i = 0; i < demo->n_clients; i++)
    if (!add_client (demo, i, error))
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
  demo.today = julian (DEMO_TODAY_YEAR, DEMO_TODAY_MONTH, DEMO_TODAY_DAY);
  demo.organisations = g_ptr_array_new_with_free_func (demo_org_free);
  demo.care_orgs = g_ptr_array_new ();
  demo.workplaces = g_ptr_array_new_with_free_func (demo_workplace_free);
  demo.open_workplaces[PLACEMENTS_COUNTRY_NL] = g_ptr_array_new ();
  demo.open_workplaces[PLACEMENTS_COUNTRY_BE] = g_ptr_array_new ();
  demo.buddies = g_ptr_array_new_with_free_func (g_free);

  ok = placements_store_begin (store, error);
  if (ok)
    {
      ok = generate (&demo, error);
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
