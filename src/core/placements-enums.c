#define G_LOG_DOMAIN "placements-enums"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "placements-enum-types.h"
#include "placements-enums.h"

typedef struct
{
  GType      (*get_type) (void);
  int          value;
  const char  *context;
  const char  *label;
} EnumLabel;

/*
 * Labels for display, by code. A context keeps words apart that are one word in
 * English and two in Dutch; Flemish wording comes from nl_BE.po.
 */
static const EnumLabel enum_labels[] = {
  { placements_organisation_kind_get_type, PLACEMENTS_ORGANISATION_KIND_CARE_PROVIDER,
    "organisation kind", NC_ ("organisation kind", "Care provider") },
  /* Where no record is at hand (a filter, a column header), the kinds that have a
   * word of their own in each country are named by a word for both. */
  { placements_organisation_kind_get_type, PLACEMENTS_ORGANISATION_KIND_SOCIAL_EMPLOYMENT_COMPANY,
    "organisation kind", NC_ ("organisation kind", "Social-employment company") },
  { placements_organisation_kind_get_type, PLACEMENTS_ORGANISATION_KIND_MUNICIPALITY,
    "organisation kind", NC_ ("organisation kind", "Municipality") },
  { placements_organisation_kind_get_type, PLACEMENTS_ORGANISATION_KIND_EMPLOYMENT_SERVICE,
    "organisation kind", NC_ ("organisation kind", "Employment service") },
  { placements_organisation_kind_get_type, PLACEMENTS_ORGANISATION_KIND_OCMW,
    "organisation kind", NC_ ("organisation kind", "Social services") },
  { placements_organisation_kind_get_type, PLACEMENTS_ORGANISATION_KIND_MENTAL_HEALTH_PROVIDER,
    "organisation kind", NC_ ("organisation kind", "Mental-health provider") },
  { placements_organisation_kind_get_type, PLACEMENTS_ORGANISATION_KIND_EMPLOYER,
    "organisation kind", NC_ ("organisation kind", "Employer") },
  { placements_organisation_kind_get_type, PLACEMENTS_ORGANISATION_KIND_FUNDER,
    "organisation kind", NC_ ("organisation kind", "Funder") },

  { placements_country_get_type, PLACEMENTS_COUNTRY_NL,
    "country", NC_ ("country", "The Netherlands") },
  { placements_country_get_type, PLACEMENTS_COUNTRY_BE, "country", NC_ ("country", "Belgium") },

  { placements_person_role_get_type, PLACEMENTS_PERSON_ROLE_WORK_SUPERVISOR,
    "person role", NC_ ("person role", "Work supervisor") },
  { placements_person_role_get_type, PLACEMENTS_PERSON_ROLE_BUDDY,
    "person role", NC_ ("person role", "Buddy") },
  { placements_person_role_get_type, PLACEMENTS_PERSON_ROLE_PERSONAL_SUPERVISOR,
    "person role", NC_ ("person role", "Personal supervisor") },
  { placements_person_role_get_type, PLACEMENTS_PERSON_ROLE_JOB_COACH,
    "person role", NC_ ("person role", "Job coach") },
  { placements_person_role_get_type, PLACEMENTS_PERSON_ROLE_KEY_FIGURE,
    "person role", NC_ ("person role", "Key figure") },
  { placements_person_role_get_type, PLACEMENTS_PERSON_ROLE_CASE_MANAGER_CARE,
    "person role", NC_ ("person role", "Case manager care") },
  { placements_person_role_get_type, PLACEMENTS_PERSON_ROLE_CASE_MANAGER_WORK,
    "person role", NC_ ("person role", "Case manager work") },
  { placements_person_role_get_type, PLACEMENTS_PERSON_ROLE_CONTACT_PERSON,
    "person role", NC_ ("person role", "Contact person") },

  { placements_target_group_get_type, PLACEMENTS_TARGET_GROUP_NONE,
    "target group", NC_ ("target group", "Not set") },
  { placements_target_group_get_type, PLACEMENTS_TARGET_GROUP_INTELLECTUAL_DISABILITY,
    "target group", NC_ ("target group", "Intellectual disability") },
  { placements_target_group_get_type, PLACEMENTS_TARGET_GROUP_PSYCHIATRIC_VULNERABILITY,
    "target group", NC_ ("target group", "Psychiatric vulnerability") },
  { placements_target_group_get_type, PLACEMENTS_TARGET_GROUP_DISTANCE_TO_LABOUR_MARKET,
    "target group", NC_ ("target group", "Distance to the labour market") },
  { placements_target_group_get_type, PLACEMENTS_TARGET_GROUP_OTHER,
    "target group", NC_ ("target group", "Other") },

  { placements_funding_route_get_type, PLACEMENTS_FUNDING_ROUTE_NONE,
    "funding route", NC_ ("funding route", "Not set") },
  { placements_funding_route_get_type, PLACEMENTS_FUNDING_ROUTE_WMO_DAY_ACTIVITIES,
    "funding route", NC_ ("funding route", "Wmo day activities") },
  { placements_funding_route_get_type, PLACEMENTS_FUNDING_ROUTE_WLZ,
    "funding route", NC_ ("funding route", "Wlz") },
  { placements_funding_route_get_type, PLACEMENTS_FUNDING_ROUTE_PARTICIPATIEWET,
    "funding route", NC_ ("funding route", "Participation Act / sheltered work") },
  { placements_funding_route_get_type, PLACEMENTS_FUNDING_ROUTE_WSW,
    "funding route", NC_ ("funding route", "Wsw") },
  { placements_funding_route_get_type, PLACEMENTS_FUNDING_ROUTE_WAJONG,
    "funding route", NC_ ("funding route", "Wajong") },
  { placements_funding_route_get_type, PLACEMENTS_FUNDING_ROUTE_VAPH,
    "funding route", NC_ ("funding route", "VAPH") },
  { placements_funding_route_get_type, PLACEMENTS_FUNDING_ROUTE_W2_ACTIVATION,
    "funding route", NC_ ("funding route", "W² activation track") },
  { placements_funding_route_get_type, PLACEMENTS_FUNDING_ROUTE_WORK_LIKE_ACTIVITIES,
    "funding route", NC_ ("funding route", "Work-like activities") },
  { placements_funding_route_get_type, PLACEMENTS_FUNDING_ROUTE_TARGET_GROUP_EMPLOYEE,
    "funding route", NC_ ("funding route", "Target-group employee") },
  { placements_funding_route_get_type, PLACEMENTS_FUNDING_ROUTE_WIJK_WERKEN,
    "funding route", NC_ ("funding route", "Wijk-werken") },

  { placements_income_situation_get_type, PLACEMENTS_INCOME_SITUATION_NONE,
    "income situation", NC_ ("income situation", "Not set") },
  { placements_income_situation_get_type, PLACEMENTS_INCOME_SITUATION_SOCIAL_ASSISTANCE,
    "income situation", NC_ ("income situation", "Social assistance") },
  { placements_income_situation_get_type, PLACEMENTS_INCOME_SITUATION_DISABILITY_BENEFIT,
    "income situation", NC_ ("income situation", "Disability benefit") },
  { placements_income_situation_get_type, PLACEMENTS_INCOME_SITUATION_UNEMPLOYMENT_BENEFIT,
    "income situation", NC_ ("income situation", "Unemployment benefit") },
  { placements_income_situation_get_type, PLACEMENTS_INCOME_SITUATION_SICKNESS_BENEFIT,
    "income situation", NC_ ("income situation", "Sickness benefit") },
  { placements_income_situation_get_type, PLACEMENTS_INCOME_SITUATION_WAGE,
    "income situation", NC_ ("income situation", "Wage") },
  { placements_income_situation_get_type, PLACEMENTS_INCOME_SITUATION_NO_INCOME,
    "income situation", NC_ ("income situation", "No income") },
  { placements_income_situation_get_type, PLACEMENTS_INCOME_SITUATION_OTHER,
    "income situation", NC_ ("income situation", "Other") },

  { placements_allocation_unit_get_type, PLACEMENTS_ALLOCATION_UNIT_DAY_PART,
    "allocation unit", NC_ ("allocation unit", "Day parts (4 hours)") },
  { placements_allocation_unit_get_type, PLACEMENTS_ALLOCATION_UNIT_HOUR,
    "allocation unit", NC_ ("allocation unit", "Hours") },
  { placements_allocation_unit_get_type, PLACEMENTS_ALLOCATION_UNIT_DAY,
    "allocation unit", NC_ ("allocation unit", "Days") },

  { placements_allocation_period_get_type, PLACEMENTS_ALLOCATION_PERIOD_WEEK,
    "allocation period", NC_ ("allocation period", "Per week") },
  { placements_allocation_period_get_type, PLACEMENTS_ALLOCATION_PERIOD_MONTH,
    "allocation period", NC_ ("allocation period", "Per month") },
  { placements_allocation_period_get_type, PLACEMENTS_ALLOCATION_PERIOD_WHOLE_PERIOD,
    "allocation period", NC_ ("allocation period", "For the whole period") },

  { placements_day_part_get_type, PLACEMENTS_DAY_PART_MORNING,
    "day part", NC_ ("day part", "Morning") },
  { placements_day_part_get_type, PLACEMENTS_DAY_PART_AFTERNOON,
    "day part", NC_ ("day part", "Afternoon") },

  { placements_attendance_status_get_type, PLACEMENTS_ATTENDANCE_STATUS_PRESENT,
    "attendance", NC_ ("attendance", "Present") },
  { placements_attendance_status_get_type, PLACEMENTS_ATTENDANCE_STATUS_ABSENT_ILL,
    "attendance", NC_ ("attendance", "Absent: ill") },
  { placements_attendance_status_get_type, PLACEMENTS_ATTENDANCE_STATUS_ABSENT_LEAVE,
    "attendance", NC_ ("attendance", "Absent: leave") },
  { placements_attendance_status_get_type, PLACEMENTS_ATTENDANCE_STATUS_ABSENT_HOLIDAY,
    "attendance", NC_ ("attendance", "Absent: holiday") },
  { placements_attendance_status_get_type, PLACEMENTS_ATTENDANCE_STATUS_ABSENT_WITHOUT_NOTICE,
    "attendance", NC_ ("attendance", "Absent without notice") },
  { placements_attendance_status_get_type, PLACEMENTS_ATTENDANCE_STATUS_ABSENT_OTHER,
    "attendance", NC_ ("attendance", "Absent: other") },

  { placements_workplace_kind_get_type, PLACEMENTS_WORKPLACE_KIND_GROUP_WORK_CORNER,
    "workplace kind", NC_ ("workplace kind", "Group work corner") },
  { placements_workplace_kind_get_type, PLACEMENTS_WORKPLACE_KIND_INDIVIDUAL,
    "workplace kind", NC_ ("workplace kind", "Individual workplace") },
  { placements_workplace_kind_get_type, PLACEMENTS_WORKPLACE_KIND_SECONDMENT,
    "workplace kind", NC_ ("workplace kind", "Secondment") },
  { placements_workplace_kind_get_type, PLACEMENTS_WORKPLACE_KIND_WORKPLACE_LEARNING,
    "workplace kind", NC_ ("workplace kind", "Workplace learning") },

  { placements_pilot_status_get_type, PLACEMENTS_PILOT_STATUS_CONCEPT,
    "pilot status", NC_ ("pilot status", "Concept") },
  { placements_pilot_status_get_type, PLACEMENTS_PILOT_STATUS_RUNNING,
    "pilot status", NC_ ("pilot status", "Running") },
  { placements_pilot_status_get_type, PLACEMENTS_PILOT_STATUS_EVALUATED,
    "pilot status", NC_ ("pilot status", "Evaluated") },
  { placements_pilot_status_get_type, PLACEMENTS_PILOT_STATUS_SCALED_UP,
    "pilot status", NC_ ("pilot status", "Scaled up") },
  { placements_pilot_status_get_type, PLACEMENTS_PILOT_STATUS_STRUCTURAL,
    "pilot status", NC_ ("pilot status", "Made structural") },
  { placements_pilot_status_get_type, PLACEMENTS_PILOT_STATUS_STOPPED,
    "pilot status", NC_ ("pilot status", "Stopped") },

  { placements_placement_status_get_type, PLACEMENTS_PLACEMENT_STATUS_REGISTERED,
    "placement status", NC_ ("placement status", "Registered") },
  { placements_placement_status_get_type, PLACEMENTS_PLACEMENT_STATUS_INTRODUCTION,
    "placement status", NC_ ("placement status", "Settling in") },
  { placements_placement_status_get_type, PLACEMENTS_PLACEMENT_STATUS_TRIAL,
    "placement status", NC_ ("placement status", "Trial placement") },
  { placements_placement_status_get_type, PLACEMENTS_PLACEMENT_STATUS_ACTIVE,
    "placement status", NC_ ("placement status", "Active") },
  { placements_placement_status_get_type, PLACEMENTS_PLACEMENT_STATUS_PAUSED,
    "placement status", NC_ ("placement status", "Paused") },
  { placements_placement_status_get_type, PLACEMENTS_PLACEMENT_STATUS_ENDED,
    "placement status", NC_ ("placement status", "Ended") },

  { placements_end_reason_get_type, PLACEMENTS_END_REASON_NONE,
    "end reason", NC_ ("end reason", "Not set") },
  { placements_end_reason_get_type, PLACEMENTS_END_REASON_AS_PLANNED,
    "end reason", NC_ ("end reason", "Ended as planned") },
  { placements_end_reason_get_type, PLACEMENTS_END_REASON_TEMPORARILY,
    "end reason", NC_ ("end reason", "Temporarily ended") },
  { placements_end_reason_get_type, PLACEMENTS_END_REASON_BY_CLIENT,
    "end reason", NC_ ("end reason", "Ended by the client") },
  { placements_end_reason_get_type, PLACEMENTS_END_REASON_BY_PROVIDER,
    "end reason", NC_ ("end reason", "Ended by the provider") },
  { placements_end_reason_get_type, PLACEMENTS_END_REASON_EARLY_BY_AGREEMENT,
    "end reason", NC_ ("end reason", "Ended early by agreement") },
  { placements_end_reason_get_type, PLACEMENTS_END_REASON_OTHER_PROVIDER,
    "end reason", NC_ ("end reason", "Moved to another provider") },
  { placements_end_reason_get_type, PLACEMENTS_END_REASON_OTHER_DOMAIN,
    "end reason", NC_ ("end reason", "Moved to another domain") },

  { placements_outcome_get_type, PLACEMENTS_OUTCOME_NONE, "outcome", NC_ ("outcome", "Not set") },
  { placements_outcome_get_type, PLACEMENTS_OUTCOME_SHELTERED_WORK,
    "outcome", NC_ ("outcome", "Sheltered work") },
  { placements_outcome_get_type, PLACEMENTS_OUTCOME_REGULAR_JOB,
    "outcome", NC_ ("outcome", "Regular paid job") },
  { placements_outcome_get_type, PLACEMENTS_OUTCOME_JOB_WITH_WAGE_SUBSIDY,
    "outcome", NC_ ("outcome", "Job with wage subsidy") },
  { placements_outcome_get_type, PLACEMENTS_OUTCOME_VOLUNTEERING,
    "outcome", NC_ ("outcome", "Volunteering") },
  { placements_outcome_get_type, PLACEMENTS_OUTCOME_EDUCATION,
    "outcome", NC_ ("outcome", "Education") },
  { placements_outcome_get_type, PLACEMENTS_OUTCOME_BACK_TO_DAY_ACTIVITIES,
    "outcome", NC_ ("outcome", "Back to day activities") },
  { placements_outcome_get_type, PLACEMENTS_OUTCOME_DROPPED_OUT,
    "outcome", NC_ ("outcome", "Dropped out") },

  { placements_criterion_measure_get_type, PLACEMENTS_CRITERION_MEASURE_NONE,
    "criterion measure", NC_ ("criterion measure", "Entered with the evaluation") },
  { placements_criterion_measure_get_type, PLACEMENTS_CRITERION_MEASURE_PARTICIPANTS,
    "criterion measure", NC_ ("criterion measure", "Counted: participants") },
  { placements_criterion_measure_get_type, PLACEMENTS_CRITERION_MEASURE_PLACED_AFTER_3_MONTHS,
    "criterion measure", NC_ ("criterion measure", "Counted: still placed after 3 months") },
  { placements_criterion_measure_get_type, PLACEMENTS_CRITERION_MEASURE_TO_WORK,
    "criterion measure", NC_ ("criterion measure", "Counted: ended towards work") },

  { placements_note_kind_get_type, PLACEMENTS_NOTE_KIND_PROGRESS_TALK,
    "note kind", NC_ ("note kind", "Progress talk") },
  { placements_note_kind_get_type, PLACEMENTS_NOTE_KIND_THREE_WAY_TALK,
    "note kind", NC_ ("note kind", "Three-way talk") },
  { placements_note_kind_get_type, PLACEMENTS_NOTE_KIND_EVALUATION,
    "note kind", NC_ ("note kind", "Evaluation") },

  { placements_consent_purpose_get_type, PLACEMENTS_CONSENT_PURPOSE_PLACEMENT,
    "consent purpose", NC_ ("consent purpose", "Coordinating the placement") },
  { placements_consent_purpose_get_type, PLACEMENTS_CONSENT_PURPOSE_REFERRAL,
    "consent purpose", NC_ ("consent purpose", "Referral") },
  { placements_consent_purpose_get_type, PLACEMENTS_CONSENT_PURPOSE_REPORTING,
    "consent purpose", NC_ ("consent purpose", "Reporting to the funder") },

  { placements_data_category_get_type, PLACEMENTS_DATA_CATEGORY_IDENTITY,
    "data category", NC_ ("data category", "Identity") },
  { placements_data_category_get_type, PLACEMENTS_DATA_CATEGORY_SUPPORT,
    "data category", NC_ ("data category", "Support question and goals") },
  { placements_data_category_get_type, PLACEMENTS_DATA_CATEGORY_PROGRESS,
    "data category", NC_ ("data category", "Progress") },
  { placements_data_category_get_type, PLACEMENTS_DATA_CATEGORY_PLACEMENTS,
    "data category", NC_ ("data category", "Placements") },
  { placements_data_category_get_type, PLACEMENTS_DATA_CATEGORY_ATTENDANCE,
    "data category", NC_ ("data category", "Attendance") },

  { placements_consent_giver_get_type, PLACEMENTS_CONSENT_GIVER_CLIENT,
    "consent giver", NC_ ("consent giver", "The client") },
  { placements_consent_giver_get_type, PLACEMENTS_CONSENT_GIVER_LEGAL_REPRESENTATIVE,
    "consent giver", NC_ ("consent giver", "Legal representative") },

  { placements_audit_action_get_type, PLACEMENTS_AUDIT_ACTION_EXPORT,
    "audit action", NC_ ("audit action", "Export") },
  { placements_audit_action_get_type, PLACEMENTS_AUDIT_ACTION_IMPORT,
    "audit action", NC_ ("audit action", "Import") },
  { placements_audit_action_get_type, PLACEMENTS_AUDIT_ACTION_DELETE,
    "audit action", NC_ ("audit action", "Delete") },
  { placements_audit_action_get_type, PLACEMENTS_AUDIT_ACTION_ERASE,
    "audit action", NC_ ("audit action", "Erase") },
  { placements_audit_action_get_type, PLACEMENTS_AUDIT_ACTION_CONSENT_CHANGE,
    "audit action", NC_ ("audit action", "Consent change") },
  { placements_audit_action_get_type, PLACEMENTS_AUDIT_ACTION_CREATE,
    "audit action", NC_ ("audit action", "Create") },
  { placements_audit_action_get_type, PLACEMENTS_AUDIT_ACTION_CHANGE,
    "audit action", NC_ ("audit action", "Change") },
  { placements_audit_action_get_type, PLACEMENTS_AUDIT_ACTION_OPEN,
    "audit action", NC_ ("audit action", "Open") },
  { placements_audit_action_get_type, PLACEMENTS_AUDIT_ACTION_PRINT,
    "audit action", NC_ ("audit action", "Print") },
  { placements_audit_action_get_type, PLACEMENTS_AUDIT_ACTION_REPORT,
    "audit action", NC_ ("audit action", "Report") },
  { placements_audit_action_get_type, PLACEMENTS_AUDIT_ACTION_BACKUP,
    "audit action", NC_ ("audit action", "Backup") },
  { placements_audit_action_get_type, PLACEMENTS_AUDIT_ACTION_RESTORE,
    "audit action", NC_ ("audit action", "Restore") },
  { placements_audit_action_get_type, PLACEMENTS_AUDIT_ACTION_PRUNE,
    "audit action", NC_ ("audit action", "Prune") },
};

/*
 * The words of one country for a code, whatever the language of the interface: a
 * Belgian employment service is the VDAB to a Dutch coordinator too, as a Belgian
 * postcode is four digits. The same rule as postcodes and national ids.
 */
typedef struct
{
  GType             (*get_type) (void);
  int                 value;
  PlacementsCountry   country;
  const char         *context;
  const char         *label;
} CountryLabel;

static const CountryLabel country_labels[] = {
  { placements_organisation_kind_get_type, PLACEMENTS_ORGANISATION_KIND_EMPLOYMENT_SERVICE,
    PLACEMENTS_COUNTRY_NL, "organisation kind in the Netherlands",
    NC_ ("organisation kind in the Netherlands", "UWV") },
  { placements_organisation_kind_get_type, PLACEMENTS_ORGANISATION_KIND_EMPLOYMENT_SERVICE,
    PLACEMENTS_COUNTRY_BE, "organisation kind in Belgium",
    NC_ ("organisation kind in Belgium", "VDAB") },
  { placements_organisation_kind_get_type, PLACEMENTS_ORGANISATION_KIND_SOCIAL_EMPLOYMENT_COMPANY,
    PLACEMENTS_COUNTRY_NL, "organisation kind in the Netherlands",
    NC_ ("organisation kind in the Netherlands", "Social-employment company") },
  { placements_organisation_kind_get_type, PLACEMENTS_ORGANISATION_KIND_SOCIAL_EMPLOYMENT_COMPANY,
    PLACEMENTS_COUNTRY_BE, "organisation kind in Belgium",
    NC_ ("organisation kind in Belgium", "Custom-work company") },
  { placements_organisation_kind_get_type, PLACEMENTS_ORGANISATION_KIND_OCMW,
    PLACEMENTS_COUNTRY_NL, "organisation kind in the Netherlands",
    NC_ ("organisation kind in the Netherlands", "Social services") },
  { placements_organisation_kind_get_type, PLACEMENTS_ORGANISATION_KIND_OCMW,
    PLACEMENTS_COUNTRY_BE, "organisation kind in Belgium",
    NC_ ("organisation kind in Belgium", "OCMW") },
};

/**
 * placements_enum_get_nick:
 * @enum_type: an enum or flags type of the core
 * @value: one of its values
 *
 * The stored code of @value ("care-provider"), or %NULL for a value not in the type.
 */
const char *
placements_enum_get_nick (GType enum_type,
                          int   value)
{
  if (G_TYPE_IS_FLAGS (enum_type))
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (enum_type);
      GFlagsValue *flag = g_flags_get_first_value (klass, (guint) value);

      return flag != NULL && flag->value == (guint) value ? flag->value_nick : NULL;
    }
  else
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
      GEnumValue *enum_value = g_enum_get_value (klass, value);

      return enum_value != NULL ? enum_value->value_nick : NULL;
    }
}

gboolean
placements_enum_from_nick (GType       enum_type,
                           const char *nick,
                           int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);

  if (nick == NULL)
    return FALSE;
  klass = g_type_class_ref (enum_type);
  enum_value = g_enum_get_value_by_nick (klass, nick);
  if (enum_value == NULL)
    return FALSE;
  *value = enum_value->value;
  return TRUE;
}

/**
 * placements_enum_get_label:
 * @enum_type: an enum or flags type of the core
 * @value: one of its values (one flag, for a flags type)
 *
 * The translated label of @value, for display.
 */
const char *
placements_enum_get_label (GType enum_type,
                           int   value)
{
  for (gsize i = 0; i < G_N_ELEMENTS (enum_labels); i++)
    {
      const EnumLabel *entry = &enum_labels[i];

      if (entry->value == value && entry->get_type () == enum_type)
        return g_dpgettext2 (GETTEXT_PACKAGE, entry->context, entry->label);
    }

  g_return_val_if_reached (NULL);
}

/**
 * placements_enum_get_label_for_country:
 * @enum_type: an enum or flags type of the core
 * @value: one of its values
 * @country: the country of the record the value belongs to
 *
 * The translated label of @value in the words of @country, where it has words of
 * its own (an employment service is the UWV in the Netherlands, the VDAB in
 * Flanders); otherwise placements_enum_get_label().
 */
const char *
placements_enum_get_label_for_country (GType             enum_type,
                                       int               value,
                                       PlacementsCountry country)
{
  for (gsize i = 0; i < G_N_ELEMENTS (country_labels); i++)
    {
      const CountryLabel *entry = &country_labels[i];

      if (entry->value == value && entry->country == country &&
          entry->get_type () == enum_type)
        return g_dpgettext2 (GETTEXT_PACKAGE, entry->context, entry->label);
    }
  return placements_enum_get_label (enum_type, value);
}
