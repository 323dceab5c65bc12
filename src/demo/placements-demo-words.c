#define G_LOG_DOMAIN "placements-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-demo-private.h"

/*
 * The pools the demo data draws from: towns, streets, names of people and of
 * organisations, workplaces and the texts of notes. Towns and public bodies are
 * real; people, companies and house numbers are not.
 */

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

/* The pools the other parts draw from. */
const DemoCities demo_nl_cities = DEMO_POOL (nl_cities);
const DemoCities demo_be_cities = DEMO_POOL (be_cities);
const DemoWords demo_nl_streets = DEMO_POOL (nl_streets);
const DemoWords demo_be_streets = DEMO_POOL (be_streets);
const DemoWords demo_nl_men = DEMO_POOL (nl_men);
const DemoWords demo_nl_women = DEMO_POOL (nl_women);
const DemoWords demo_be_men = DEMO_POOL (be_men);
const DemoWords demo_be_women = DEMO_POOL (be_women);
const DemoWords demo_nl_family_names = DEMO_POOL (nl_family_names);
const DemoWords demo_be_family_names = DEMO_POOL (be_family_names);
const DemoWords demo_nl_care_prefixes = DEMO_POOL (nl_care_prefixes);
const DemoWords demo_be_care_prefixes = DEMO_POOL (be_care_prefixes);
const DemoWords demo_care_names = DEMO_POOL (care_names);
const DemoWords demo_nl_host_kinds = DEMO_POOL (nl_host_kinds);
const DemoWords demo_be_host_kinds = DEMO_POOL (be_host_kinds);
const DemoTemplates demo_workplace_templates = DEMO_POOL (workplace_templates);
const DemoWords demo_support_questions = DEMO_POOL (support_questions);
const DemoWords demo_goals = DEMO_POOL (goals);
const DemoWords demo_nl_progress_notes = DEMO_POOL (nl_progress_notes);
const DemoWords demo_be_progress_notes = DEMO_POOL (be_progress_notes);
const DemoWords demo_three_way_notes = DEMO_POOL (three_way_notes);
const DemoWords demo_evaluation_notes = DEMO_POOL (evaluation_notes);
const DemoWords demo_buddy_notes = DEMO_POOL (buddy_notes);

char **
placements_demo_dup_names (void)
{
  const DemoWords *pools[] = {
    &demo_nl_men, &demo_nl_women, &demo_be_men, &demo_be_women,
    &demo_nl_family_names, &demo_be_family_names,
  };
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (gsize p = 0; p < G_N_ELEMENTS (pools); p++)
    for (guint i = 0; i < pools[p]->n; i++)
      if (g_hash_table_add (seen, (gpointer) pools[p]->items[i]))
        g_strv_builder_add (names, pools[p]->items[i]);
  return g_strv_builder_end (names);
}
