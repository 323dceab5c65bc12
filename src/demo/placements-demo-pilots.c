#define G_LOG_DOMAIN "placements-demo"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-demo-private.h"

/* The five pilots of the base scenario, with their partners, contacts, funding and
 * success criteria. */

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
  const char *uuid = demo_keep_uuid (demo);

  record = g_object_new (PLACEMENTS_TYPE_PILOT, "uuid", uuid, NULL);
  placements_pilot_set_name (record, name);
  placements_pilot_set_start_date (record, demo_day_text (start).text);
  if (evaluation != 0)
    placements_pilot_set_evaluation_date (record, demo_day_text (evaluation).text);
  if (scale_up != 0)
    placements_pilot_set_scale_up_date (record, demo_day_text (scale_up).text);
  placements_pilot_set_target_participants (record, target);
  placements_pilot_set_status (record, status);
  placements_pilot_set_evaluation_notes (record, notes);
  return demo_save (demo, record, error) ? uuid : NULL;
}

static gboolean
add_pilot_partner (Demo        *demo,
                   const char  *pilot,
                   DemoOrg     *org,
                   GError     **error)
{
  g_autoptr(PlacementsPilotPartner) record = demo_new_record (demo, PLACEMENTS_TYPE_PILOT_PARTNER);

  placements_pilot_partner_set_pilot_uuid (record, pilot);
  placements_pilot_partner_set_organisation_uuid (record, org->uuid);
  return demo_save (demo, record, error);
}

static gboolean
add_pilot_contact (Demo        *demo,
                   const char  *pilot,
                   const char  *person,
                   GError     **error)
{
  g_autoptr(PlacementsPilotContact) record = demo_new_record (demo, PLACEMENTS_TYPE_PILOT_CONTACT);

  placements_pilot_contact_set_pilot_uuid (record, pilot);
  placements_pilot_contact_set_person_uuid (record, person);
  return demo_save (demo, record, error);
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
  g_autoptr(PlacementsFunding) record = demo_new_record (demo, PLACEMENTS_TYPE_FUNDING);

  placements_funding_set_pilot_uuid (record, pilot);
  placements_funding_set_funder_uuid (record, funder->uuid);
  placements_funding_set_amount_cents (record, euros * 100);
  placements_funding_set_start_date (record, demo_day_text (start).text);
  placements_funding_set_end_date (record, demo_day_text (end).text);
  placements_funding_set_reference (record, reference);
  placements_funding_set_reporting_obligation (record, obligation);
  return demo_save (demo, record, error);
}

/* A criterion judged with the evaluation, its value as entered then. */
static gboolean
add_criterion (Demo        *demo,
               const char  *pilot,
               const char  *description,
               const char  *target,
               const char  *measured,
               GError     **error)
{
  g_autoptr(PlacementsSuccessCriterion) record =
    demo_new_record (demo, PLACEMENTS_TYPE_SUCCESS_CRITERION);

  placements_success_criterion_set_pilot_uuid (record, pilot);
  placements_success_criterion_set_description (record, description);
  placements_success_criterion_set_target (record, target);
  placements_success_criterion_set_measured (record, measured);
  return demo_save (demo, record, error);
}

/* A criterion counted from the pilot's placements: nothing entered. */
static gboolean
add_counted_criterion (Demo                        *demo,
                       const char                  *pilot,
                       const char                  *description,
                       const char                  *target,
                       PlacementsCriterionMeasure   measure,
                       GError                     **error)
{
  g_autoptr(PlacementsSuccessCriterion) record =
    demo_new_record (demo, PLACEMENTS_TYPE_SUCCESS_CRITERION);

  placements_success_criterion_set_pilot_uuid (record, pilot);
  placements_success_criterion_set_description (record, description);
  placements_success_criterion_set_target (record, target);
  placements_success_criterion_set_measure (record, measure);
  return demo_save (demo, record, error);
}

gboolean
demo_add_pilots (Demo    *demo,
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

  if ((linde_contact = demo_add_person (demo, demo->de_linde, contact, NULL, error)) == NULL ||
      (ijsseldelta_contact = demo_add_person (demo, demo->ijsseldelta, contact, NULL,
                                              error)) == NULL ||
      (zwolle_key = demo_add_person (demo, demo->zwolle,
                                     key_figure | PLACEMENTS_PERSON_ROLE_CASE_MANAGER_WORK,
                                     NULL, error)) == NULL ||
      (zwolle_contact = demo_add_person (demo, demo->zwolle, contact, NULL, error)) == NULL ||
      (uwv_key = demo_add_person (demo, demo->uwv, key_figure, NULL, error)) == NULL ||
      (ggz_key = demo_add_person (demo, demo->ggz, key_figure, NULL, error)) == NULL ||
      (fund_contact = demo_add_person (demo, demo->fund, contact, NULL, error)) == NULL ||
      (ocmw_guide = demo_add_person (demo, demo->ocmw,
                                     PLACEMENTS_PERSON_ROLE_CASE_MANAGER_WORK |
                                     PLACEMENTS_PERSON_ROLE_JOB_COACH, NULL, error)) == NULL ||
      (vdab_key = demo_add_person (demo, demo->vdab,
                                   key_figure | PLACEMENTS_PERSON_ROLE_CASE_MANAGER_WORK,
                                   NULL, error)) == NULL)
    return FALSE;

  /* Six clients start in a corner of the packaging department on a Monday. */
  pilot = add_pilot (demo, "Werkhoek inpakafdeling IJsseldelta",
                     demo_julian (2026, G_DATE_MARCH, 2), demo_julian (2026, G_DATE_SEPTEMBER, 7),
                     demo_julian (2027, G_DATE_JANUARY, 1), WORK_CORNER_CLIENTS,
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
      !add_funding (demo, pilot, demo->zwolle, 35000, demo_julian (2026, G_DATE_MARCH, 1),
                    demo_julian (2027, G_DATE_FEBRUARY, 28), "ZW-SUB-2026-0142",
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
  pilot = add_pilot (demo, "Buddy's in het werk-leercentrum",
                     demo_julian (2025, G_DATE_SEPTEMBER, 1),
                     demo_julian (2026, G_DATE_JUNE, 29), 0, BUDDY_PILOT_CLIENTS,
                     PLACEMENTS_PILOT_STATUS_STRUCTURAL,
                     "Na de evaluatie structureel gemaakt; buddy's krijgen jaarlijks een "
                     "terugkomdag.", error);
  if (pilot == NULL ||
      !add_pilot_partner (demo, pilot, demo->de_linde, error) ||
      !add_pilot_partner (demo, pilot, demo->klaverweide, error) ||
      !add_pilot_partner (demo, pilot, demo->ijsseldelta, error) ||
      !add_pilot_contact (demo, pilot, linde_contact, error) ||
      !add_pilot_contact (demo, pilot, ijsseldelta_contact, error) ||
      !add_funding (demo, pilot, demo->zwolle, 35000, demo_julian (2025, G_DATE_SEPTEMBER, 1),
                    demo_julian (2026, G_DATE_AUGUST, 31), "ZW-SUB-2025-0388",
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

  pilot = add_pilot (demo, "Stap voor stap naar beschut werk",
                     demo_julian (2026, G_DATE_JANUARY, 5), demo_julian (2027, G_DATE_JANUARY, 4),
                     0, 250, PLACEMENTS_PILOT_STATUS_RUNNING, NULL, error);
  if (pilot == NULL ||
      !add_pilot_partner (demo, pilot, demo->ggz, error) ||
      !add_pilot_partner (demo, pilot, demo->zwolle, error) ||
      !add_pilot_partner (demo, pilot, demo->uwv, error) ||
      !add_pilot_contact (demo, pilot, zwolle_key, error) ||
      !add_pilot_contact (demo, pilot, uwv_key, error) ||
      !add_pilot_contact (demo, pilot, ggz_key, error) ||
      !add_counted_criterion (demo, pilot, "Doorstroom",
                              "Een op de vijf deelnemers zet een stap richting beschut werk",
                              PLACEMENTS_CRITERION_MEASURE_TO_WORK, error))
    return FALSE;
  demo->pilot_step_by_step = pilot;

  pilot = add_pilot (demo, "Campagne inclusieve werkplekken", demo_julian (2026, G_DATE_APRIL, 6),
                     demo_julian (2027, G_DATE_APRIL, 5), 0, 15, PLACEMENTS_PILOT_STATUS_RUNNING,
                     NULL, error);
  if (pilot == NULL ||
      !add_pilot_partner (demo, pilot, demo->zwolle, error) ||
      !add_pilot_partner (demo, pilot, demo->uwv, error) ||
      !add_pilot_partner (demo, pilot, demo->fund, error) ||
      !add_pilot_partner (demo, pilot, demo->bakery, error) ||
      !add_pilot_contact (demo, pilot, zwolle_contact, error) ||
      !add_pilot_contact (demo, pilot, fund_contact, error) ||
      !add_funding (demo, pilot, demo->fund, 120000, demo_julian (2026, G_DATE_APRIL, 1),
                    demo_julian (2028, G_DATE_MARCH, 31), "FSW-2026-017",
                    "Halfjaarlijkse voortgangsrapportage, gepseudonimiseerd.", error) ||
      !add_criterion (demo, pilot, "Werkplekken",
                      "Vijftien werkplekken bij vijftien werkgevers", "Zes werkplekken",
                      error))
    return FALSE;
  demo->pilot_campaign = pilot;

  pilot = add_pilot (demo, "Zorgzame handen in woonzorgcentrum Ter Linden",
                     demo_julian (2026, G_DATE_FEBRUARY, 2),
                     demo_julian (2027, G_DATE_FEBRUARY, 1), 0, CARE_TEAM_CLIENTS,
                     PLACEMENTS_PILOT_STATUS_RUNNING, NULL, error);
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
