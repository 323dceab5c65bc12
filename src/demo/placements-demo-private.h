#pragma once

/*
 * What the parts of the demo data share: the generator's state, the pools of
 * words it draws from, and its helpers. Private to the demo library.
 */

#include "placements-demo.h"
#include "placements-error.h"
#include "placements-record-types.h"

G_BEGIN_DECLS

/* The fixed day the demo's situation is that of: see placements-demo.c. */
#define DEMO_TODAY_YEAR PLACEMENTS_DEMO_TODAY_YEAR
#define DEMO_TODAY_MONTH ((GDateMonth) PLACEMENTS_DEMO_TODAY_MONTH)
#define DEMO_TODAY_DAY ((GDateDay) PLACEMENTS_DEMO_TODAY_DAY)

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

typedef struct
{
  char text[11];
} DayText;

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

/* A pool of words (or cities, or workplace templates) and its size. */
typedef struct
{
  const char * const *items;
  guint               n;
} DemoWords;

typedef struct
{
  const City *items;
  guint       n;
} DemoCities;

typedef struct
{
  const WorkplaceTemplate *items;
  guint                    n;
} DemoTemplates;

#define DEMO_POOL(array) { (array), G_N_ELEMENTS (array) }

/* One item of a local array, or of a pool, drawn from the seeded generator. */
#define PICK(demo, array) ((array)[g_rand_int_range ((demo)->rand, 0, G_N_ELEMENTS (array))])

#define PICK_FROM(demo, pool) \
  ((pool).items[g_rand_int_range ((demo)->rand, 0, (gint32) (pool).n)])

extern const DemoCities demo_nl_cities;
extern const DemoCities demo_be_cities;
extern const DemoWords demo_nl_streets;
extern const DemoWords demo_be_streets;
extern const DemoWords demo_nl_men;
extern const DemoWords demo_nl_women;
extern const DemoWords demo_be_men;
extern const DemoWords demo_be_women;
extern const DemoWords demo_nl_family_names;
extern const DemoWords demo_be_family_names;
extern const DemoWords demo_nl_care_prefixes;
extern const DemoWords demo_be_care_prefixes;
extern const DemoWords demo_care_names;
extern const DemoWords demo_nl_host_kinds;
extern const DemoWords demo_be_host_kinds;
extern const DemoTemplates demo_workplace_templates;
extern const DemoWords demo_support_questions;
extern const DemoWords demo_goals;
extern const DemoWords demo_nl_progress_notes;
extern const DemoWords demo_be_progress_notes;
extern const DemoWords demo_three_way_notes;
extern const DemoWords demo_evaluation_notes;
extern const DemoWords demo_buddy_notes;

/* placements-demo-random.c: chance, names of things, numbers that pass their checks */
int demo_random_int (Demo *demo,
                     int   low,
                     int   high);
gboolean demo_chance (Demo   *demo,
                      double  probability);
void demo_make_uuid (Demo *demo,
                     char  text[37]);
const char *demo_keep_uuid (Demo *demo);
DayText demo_day_text (guint32 julian);
guint32 demo_julian (int          year,
                     GDateMonth   month,
                     GDateDay     day);
GDateWeekday demo_weekday (guint32 day);
char *demo_mail_slug (const char *text);
char *demo_random_postcode (Demo       *demo,
                            const City *city,
                            gboolean    dutch);
char *demo_random_street (Demo              *demo,
                          PlacementsCountry  country);
char *demo_random_mobile (Demo              *demo,
                          PlacementsCountry  country);
char *demo_random_bsn (Demo *demo);
char *demo_random_rrn (Demo     *demo,
                       guint32   birth,
                       gboolean  man);
gboolean demo_save (Demo     *demo,
                    gpointer  record,
                    GError  **error);
gpointer demo_new_record (Demo  *demo,
                          GType  type);

/* placements-demo-organisations.c: organisations, their people, workplaces, buddies */
void demo_org_free (gpointer data);
void demo_random_person_name (Demo               *demo,
                              PlacementsCountry   country,
                              gboolean            man,
                              const char        **given_name,
                              const char        **family_name);
const char *demo_add_person (Demo                  *demo,
                             DemoOrg               *org,
                             PlacementsPersonRole   roles,
                             const char           **short_name,
                             GError               **error);
void demo_workplace_free (gpointer data);
gboolean demo_add_base_organisations (Demo    *demo,
                                      GError **error);
gboolean demo_add_extra_organisations (Demo    *demo,
                                       GError **error);
gboolean demo_add_staff (Demo    *demo,
                         GError **error);
gboolean demo_add_base_workplaces (Demo    *demo,
                                   GError **error);
gboolean demo_add_extra_workplaces (Demo    *demo,
                                    GError **error);

/* placements-demo-pilots.c: the pilots with partners, contacts, funding, criteria */
gboolean demo_add_pilots (Demo    *demo,
                          GError **error);

/* placements-demo-clients.c: clients and everything of theirs */
gboolean demo_add_client (Demo     *demo,
                          guint     index,
                          GError  **error);

G_END_DECLS
