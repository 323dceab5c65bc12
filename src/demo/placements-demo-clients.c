#define G_LOG_DOMAIN "placements-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-demo-private.h"

/* Clients and all that is theirs: ladder steps, an allocation, placements (with a
 * buddy), progress notes, consents and the attendance of the last two weeks. */

/* -------------------------------------------------------------------------- */
/* Clients                                                                      */
/* -------------------------------------------------------------------------- */

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
      return demo_chance (demo, 0.7) ? PLACEMENTS_INCOME_SITUATION_DISABILITY_BENEFIT
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
  gboolean man = demo_chance (demo, 0.5);
  /* Between 18 and 64 years old. */
  guint32 birth = demo->today - (guint32) demo_random_int (demo, 18 * 365 + 5, 64 * 365);

  demo_make_uuid (demo, state->uuid);
  state->org = pick_care_org (demo, index);
  country = state->org->country;
  state->coach = g_ptr_array_index (state->org->coaches,
                                    g_rand_int_range (demo->rand, 0,
                                                      (gint32) state->org->coaches->len));
  demo_random_person_name (demo, country, man, &state->given_name, &family_name);

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
  placements_client_set_date_of_birth (record, demo_day_text (birth).text);
  placements_client_set_care_organisation_uuid (record, state->org->uuid);
  placements_client_set_target_group (record, state->target_group);
  placements_client_set_funding_route (record, state->route);
  placements_client_set_income_situation (record, income_for_route (demo, state->route));

  if (demo_chance (demo, 0.6))
    {
      g_autofree char *national_id = country == PLACEMENTS_COUNTRY_NL
                                       ? demo_random_bsn (demo)
                                       : demo_random_rrn (demo, birth, man);

      placements_client_set_national_id (record, national_id);
    }

  /* Those who leave day activities for work may come back if it goes wrong. */
  if (demo_chance (demo, 0.35))
    {
      placements_client_set_right_to_return (record, TRUE);
      placements_client_set_right_to_return_until (
        record, demo_day_text (demo->today + demo_random_int (demo, 60, 540)).text);
    }
  placements_client_set_support_question (record, PICK_FROM (demo, demo_support_questions));
  placements_client_set_goals (record, PICK_FROM (demo, demo_goals));

  return demo_save (demo, record, error);
}

static gboolean
add_ladder_steps (Demo         *demo,
                  ClientState  *state,
                  GError      **error)
{
  int n_steps = demo_random_int (demo, 2, 4);
  guint32 date = demo->today - (guint32) demo_random_int (demo, 0, 60) -
                 (guint32) (n_steps - 1) * 182;
  int rung = state->target_group == PLACEMENTS_TARGET_GROUP_DISTANCE_TO_LABOUR_MARKET
               ? demo_random_int (demo, 2, 4) : demo_random_int (demo, 1, 3);

  /* Measured twice a year; people mostly stay or climb one rung. */
  for (int i = 0; i < n_steps; i++)
    {
      g_autoptr(PlacementsLadderStep) record = demo_new_record (demo, PLACEMENTS_TYPE_LADDER_STEP);

      if (i > 0 && rung < 6 && demo_chance (demo, 0.45))
        rung++;
      placements_ladder_step_set_client_uuid (record, state->uuid);
      placements_ladder_step_set_date (record, demo_day_text (date).text);
      placements_ladder_step_set_rung (record, rung);
      placements_ladder_step_set_assessed_by_uuid (record, state->coach);
      if (!demo_save (demo, record, error))
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
  g_autoptr(PlacementsAllocation) record = demo_new_record (demo, PLACEMENTS_TYPE_ALLOCATION);
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
      volume = demo_random_int (demo, 2, 8);
      break;
    case PLACEMENTS_FUNDING_ROUTE_WLZ:
      funder = demo->zorgkantoor;
      product = "Dagbesteding (Wlz)";
      prefix = "WLZ";
      volume = demo_random_int (demo, 4, 9);
      break;
    case PLACEMENTS_FUNDING_ROUTE_PARTICIPATIEWET:
      funder = demo->zwolle;
      product = "Beschut werk";
      prefix = "PW";
      unit = PLACEMENTS_ALLOCATION_UNIT_HOUR;
      volume = demo_random_int (demo, 12, 32);
      break;
    case PLACEMENTS_FUNDING_ROUTE_WSW:
      funder = demo->zwolle;
      product = "Wsw-dienstbetrekking";
      prefix = "WSW";
      unit = PLACEMENTS_ALLOCATION_UNIT_HOUR;
      volume = demo_random_int (demo, 16, 32);
      break;
    case PLACEMENTS_FUNDING_ROUTE_WAJONG:
      funder = demo->uwv;
      product = "Jobcoaching";
      prefix = "UWV";
      unit = PLACEMENTS_ALLOCATION_UNIT_HOUR;
      period = PLACEMENTS_ALLOCATION_PERIOD_MONTH;
      volume = demo_random_int (demo, 4, 12);
      break;
    case PLACEMENTS_FUNDING_ROUTE_VAPH:
      funder = demo->vaph;
      product = "Persoonsvolgend budget: dagondersteuning";
      prefix = "VAPH";
      unit = PLACEMENTS_ALLOCATION_UNIT_DAY;
      volume = demo_random_int (demo, 2, 5);
      break;
    case PLACEMENTS_FUNDING_ROUTE_WORK_LIKE_ACTIVITIES:
      funder = demo->vaph;
      product = "Arbeidsmatige activiteiten";
      prefix = "AMA";
      volume = demo_random_int (demo, 2, 6);
      break;
    case PLACEMENTS_FUNDING_ROUTE_W2_ACTIVATION:
      funder = demo->vdab;
      product = "W²-activeringstraject";
      prefix = "W2";
      unit = PLACEMENTS_ALLOCATION_UNIT_HOUR;
      volume = demo_random_int (demo, 8, 20);
      break;
    case PLACEMENTS_FUNDING_ROUTE_TARGET_GROUP_EMPLOYEE:
      funder = demo->vdab;
      product = "Collectief maatwerk";
      prefix = "CMW";
      unit = PLACEMENTS_ALLOCATION_UNIT_HOUR;
      volume = demo_random_int (demo, 16, 30);
      break;
    case PLACEMENTS_FUNDING_ROUTE_WIJK_WERKEN:
    case PLACEMENTS_FUNDING_ROUTE_NONE:
    default:
      funder = demo->ocmw;
      product = "Wijk-werken";
      prefix = "WW";
      unit = PLACEMENTS_ALLOCATION_UNIT_HOUR;
      period = PLACEMENTS_ALLOCATION_PERIOD_MONTH;
      volume = demo_random_int (demo, 20, 60);
      break;
    }

  /* Decisions run a year or more and are renewed; Wlz has no end. */
  if (state->route != PLACEMENTS_FUNDING_ROUTE_WLZ)
    {
      end = start + 364;
      while (end < demo->today)
        end += 365;
    }

  reference = g_strdup_printf ("%s-%.4s-%06u", prefix, demo_day_text (start).text,
                               ++demo->n_allocations);

  placements_allocation_set_client_uuid (record, state->uuid);
  placements_allocation_set_funder_uuid (record, funder->uuid);
  placements_allocation_set_product (record, product);
  placements_allocation_set_product_code (record, code);
  placements_allocation_set_volume (record, volume);
  placements_allocation_set_unit (record, unit);
  placements_allocation_set_period (record, period);
  placements_allocation_set_start_date (record, demo_day_text (start).text);
  if (end != 0)
    placements_allocation_set_end_date (record, demo_day_text (end).text);
  placements_allocation_set_reference (record, reference);
  return demo_save (demo, record, error);
}

/* Two to five days, mornings and often afternoons too. */
static int
random_day_pattern (Demo *demo,
                    int  *n_parts)
{
  int n_days = demo_random_int (demo, 2, 5);
  int pattern = 0;

  *n_parts = 0;
  while (n_days > 0)
    {
      int day = demo_random_int (demo, 0, 4);

      if ((pattern & DAY_PATTERN_BIT (day, 0)) != 0)
        continue;
      pattern |= DAY_PATTERN_BIT (day, 0);
      (*n_parts)++;
      if (demo_chance (demo, 0.6))
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
      return demo_chance (demo, 0.5) ? PLACEMENTS_OUTCOME_DROPPED_OUT
                                : PLACEMENTS_OUTCOME_BACK_TO_DAY_ACTIVITIES;
    case PLACEMENTS_END_REASON_EARLY_BY_AGREEMENT:
      return demo_chance (demo, 0.5) ? PLACEMENTS_OUTCOME_EDUCATION
                                     : PLACEMENTS_OUTCOME_VOLUNTEERING;
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
  g_autoptr(PlacementsBuddyPairing) record = demo_new_record (demo, PLACEMENTS_TYPE_BUDDY_PAIRING);

  placements_buddy_pairing_set_buddy_uuid (record, buddy->uuid);
  placements_buddy_pairing_set_client_uuid (record, client);
  placements_buddy_pairing_set_start_date (record, demo_day_text (start).text);
  if (end != 0)
    placements_buddy_pairing_set_end_date (record, demo_day_text (end).text);
  return demo_save (demo, record, error);
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
  g_autoptr(PlacementsPlacement) record = demo_new_record (demo, PLACEMENTS_TYPE_PLACEMENT);
  DemoBuddy *buddy = NULL;
  int n_parts = 0;
  int pattern = random_day_pattern (demo, &n_parts);

  placements_placement_set_client_uuid (record, state->uuid);
  placements_placement_set_workplace_uuid (record, workplace->uuid);
  placements_placement_set_pilot_uuid (record, pilot);
  placements_placement_set_supervisor_uuid (record, workplace->supervisor_uuid);
  placements_placement_set_start_date (record, demo_day_text (start).text);
  placements_placement_set_day_pattern (record, pattern);
  /* A day part is four hours, less a break. */
  placements_placement_set_hours_per_week (record, MIN (40.0, n_parts * 3.5));
  placements_placement_set_status (record, status);

  if (status == PLACEMENTS_PLACEMENT_STATUS_TRIAL)
    placements_placement_set_planned_end_date (record, demo_day_text (start + 91).text);
  else if (demo_chance (demo, 0.5))
    placements_placement_set_planned_end_date (record, demo_day_text (start + 364).text);

  if (status == PLACEMENTS_PLACEMENT_STATUS_ENDED)
    {
      PlacementsOutcome outcome = outcome_for (demo, end_reason);

      placements_placement_set_actual_end_date (record, demo_day_text (end).text);
      placements_placement_set_end_reason (record, end_reason);
      placements_placement_set_outcome (record, outcome);
      /* Follow-up once half a year and a year have passed. */
      if (end + 183 <= demo->today)
        placements_placement_set_follow_up_6_months (
          record, demo_chance (demo, 0.8) ? outcome : outcome_for (demo, end_reason));
      if (end + 365 <= demo->today)
        placements_placement_set_follow_up_12_months (
          record, demo_chance (demo, 0.7) ? outcome : outcome_for (demo, end_reason));
    }

  if (status != PLACEMENTS_PLACEMENT_STATUS_REGISTERED &&
      (pilot == demo->pilot_buddies || demo_chance (demo, 0.6)) &&
      (buddy = free_buddy (workplace)) != NULL)
    {
      placements_placement_set_buddy_uuid (record, buddy->uuid);
      if (status != PLACEMENTS_PLACEMENT_STATUS_ENDED)
        buddy->n_paired++;
    }

  if (!demo_save (demo, record, error))
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
      *start = demo->today + (guint32) demo_random_int (demo, 7, 60);
      return PLACEMENTS_PLACEMENT_STATUS_REGISTERED;
    }
  if (p < 0.16)
    {
      *start = demo->today - (guint32) demo_random_int (demo, 1, 30);
      return PLACEMENTS_PLACEMENT_STATUS_INTRODUCTION;
    }
  if (p < 0.28)
    {
      *start = demo->today - (guint32) demo_random_int (demo, 30, 85);
      return PLACEMENTS_PLACEMENT_STATUS_TRIAL;
    }
  if (p < 0.9)
    {
      *start = demo->today - (guint32) demo_random_int (demo, 60, 1000);
      return PLACEMENTS_PLACEMENT_STATUS_ACTIVE;
    }
  *start = demo->today - (guint32) demo_random_int (demo, 60, 700);
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
      start = demo_julian (2026, G_DATE_MARCH, 2);
      /* One of the six has moved on to a regular department of the company. */
      if (index == WORK_CORNER_CLIENTS - 1)
        {
          if (!write_placement (demo, state, workplace, pilot, PLACEMENTS_PLACEMENT_STATUS_ENDED,
                                start, demo_julian (2026, G_DATE_SEPTEMBER, 25),
                                PLACEMENTS_END_REASON_AS_PLANNED, NULL, error))
            return FALSE;
          workplace = demo->packaging;
          pilot = NULL;
          start = demo_julian (2026, G_DATE_SEPTEMBER, 28);
        }
    }
  else if (index < WORK_CORNER_CLIENTS + BUDDY_PILOT_CLIENTS)
    {
      workplace = demo->training_centre;
      pilot = demo->pilot_buddies;
      start = demo_julian (2025, G_DATE_SEPTEMBER, 1) + (guint32) demo_random_int (demo, 0, 3) * 7;
    }
  else if (index < WORK_CORNER_CLIENTS + BUDDY_PILOT_CLIENTS + CARE_TEAM_CLIENTS)
    {
      workplace = demo->care_team;
      pilot = demo->pilot_care_team;
      start = demo_julian (2026, G_DATE_FEBRUARY, 2);
    }
  else
    {
      has_current = demo_chance (demo, 0.86);

      /* An earlier placement that ended, with how it ended and what came of it. */
      if (demo_chance (demo, has_current ? 0.2 : 0.5))
        {
          DemoWorkplace *earlier = pick_workplace (demo, country, FALSE);
          guint32 earlier_start = demo->today - (guint32) demo_random_int (demo, 400, 1500);
          guint32 earlier_end = earlier_start + (guint32) demo_random_int (demo, 40, 360);

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
          start = demo->today + (guint32) demo_random_int (demo, 14, 90);
          workplace = pick_workplace (demo, country, FALSE);
        }
      if (state->org->kind == PLACEMENTS_ORGANISATION_KIND_MENTAL_HEALTH_PROVIDER &&
          country == PLACEMENTS_COUNTRY_NL && demo_chance (demo, 0.5))
        pilot = demo->pilot_step_by_step;
      else if (workplace->host->kind == PLACEMENTS_ORGANISATION_KIND_EMPLOYER &&
               country == PLACEMENTS_COUNTRY_NL && demo_chance (demo, 0.5))
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
  int n_notes = demo_random_int (demo, 1, 3);

  for (int i = 0; i < n_notes; i++)
    {
      g_autoptr(PlacementsProgressNote) record =
        demo_new_record (demo, PLACEMENTS_TYPE_PROGRESS_NOTE);
      g_autofree char *text = NULL;
      PlacementsNoteKind kind;
      double p = g_rand_double (demo->rand);

      if (p < 0.6)
        {
          kind = PLACEMENTS_NOTE_KIND_PROGRESS_TALK;
          text = fill_template (state->org->country == PLACEMENTS_COUNTRY_NL
                                 ? PICK_FROM (demo, demo_nl_progress_notes)
                                 : PICK_FROM (demo, demo_be_progress_notes), state);
        }
      else if (p < 0.85)
        {
          kind = PLACEMENTS_NOTE_KIND_THREE_WAY_TALK;
          text = fill_template (PICK_FROM (demo, demo_three_way_notes), state);
        }
      else
        {
          kind = PLACEMENTS_NOTE_KIND_EVALUATION;
          text = fill_template (PICK_FROM (demo, demo_evaluation_notes), state);
          placements_progress_note_set_ladder_rung (record, state->rung);
        }

      placements_progress_note_set_client_uuid (record, state->uuid);
      guint32 date = demo->today - (guint32) demo_random_int (demo, 1, 360);

      placements_progress_note_set_date (record, demo_day_text (date).text);
      placements_progress_note_set_author_uuid (record, state->coach);
      placements_progress_note_set_kind (record, kind);
      placements_progress_note_set_text (record, text);
      /* Internal notes never leave the organisation; some are meant to be shared. */
      placements_progress_note_set_shareable (record, demo_chance (demo, 0.4));
      if (!demo_save (demo, record, error))
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
  g_autoptr(PlacementsConsent) record = demo_new_record (demo, PLACEMENTS_TYPE_CONSENT);
  guint32 expiry = given + (demo_chance (demo, 0.7) ? 365 : 730);
  gboolean represented = state->target_group == PLACEMENTS_TARGET_GROUP_INTELLECTUAL_DISABILITY &&
                         demo_chance (demo, 0.4);

  placements_consent_set_client_uuid (record, state->uuid);
  placements_consent_set_receiver_uuid (record, receiver->uuid);
  placements_consent_set_purpose (record, purpose);
  placements_consent_set_data_categories (record, categories);
  placements_consent_set_given_by (record, represented
                                             ? PLACEMENTS_CONSENT_GIVER_LEGAL_REPRESENTATIVE
                                             : PLACEMENTS_CONSENT_GIVER_CLIENT);
  placements_consent_set_given_date (record, demo_day_text (given).text);
  placements_consent_set_expiry_date (record, demo_day_text (expiry).text);
  /* Now and then someone changes their mind. */
  if (given < demo->today && demo_chance (demo, 0.04))
    {
      guint32 withdrawn = given + (guint32) demo_random_int (demo, 0, (int) (demo->today - given));

      placements_consent_set_withdrawn_date (record, demo_day_text (withdrawn).text);
    }
  return demo_save (demo, record, error);
}

static gboolean
add_consents (Demo         *demo,
              ClientState  *state,
              GError      **error)
{
  guint32 given;
  guint32 lead;

  /* Only a placement elsewhere needs the client's data to go to another organisation. */
  if (state->workplace == NULL || state->workplace->host == state->org)
    return TRUE;

  /* Given a week to a month before the placement starts; for a placement still to
   * start, in the last weeks: consent is given, never planned. */
  lead = (guint32) demo_random_int (demo, 7, 30);
  given = state->start > demo->today ? demo->today - (lead - 7) : state->start - lead;
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
      int weekday_index = (int) demo_weekday (day) - G_DATE_MONDAY;

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

          record = demo_new_record (demo, PLACEMENTS_TYPE_ATTENDANCE);
          registered_at = g_strdup_printf ("%sT%s", demo_day_text (day).text,
                                           part == 0 ? "12:15:00Z" : "15:45:00Z");
          placements_attendance_set_client_uuid (record, state->uuid);
          placements_attendance_set_date (record, demo_day_text (day).text);
          placements_attendance_set_day_part (record, part == 0 ? PLACEMENTS_DAY_PART_MORNING
                                                                : PLACEMENTS_DAY_PART_AFTERNOON);
          placements_attendance_set_workplace_uuid (record, state->workplace->uuid);
          placements_attendance_set_status (record, status);
          placements_attendance_set_registered_by (record, state->workplace->supervisor_name);
          placements_attendance_set_registered_at (record, registered_at);
          if (!demo_save (demo, record, error))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
demo_add_client (Demo     *demo,
                 guint     index,
                 GError  **error)
{
  ClientState state = { 0 };
  guint32 allocation_start;

  if (!add_client_record (demo, index, &state, error) ||
      !add_ladder_steps (demo, &state, error) ||
      !add_placements (demo, index, &state, error))
    return FALSE;

  /* The decision comes shortly before the placement starts, and is dated when it is
   * taken: for a placement still to start, today at the latest. */
  allocation_start = state.workplace != NULL
                       ? MIN (state.start - 14, demo->today)
                       : demo->today - (guint32) demo_random_int (demo, 30, 400);
  return add_allocation (demo, &state, allocation_start, error) &&
         add_progress_notes (demo, &state, error) &&
         add_consents (demo, &state, error) &&
         add_attendance (demo, index, &state, error);
}
