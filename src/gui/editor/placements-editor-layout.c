#define G_LOG_DOMAIN "placements-editor-layout"

#include "config.h"

#include <glib/gi18n.h>

#include "placements-access-log-group.h"
#include "placements-editor-layout.h"
#include "placements-erase-group.h"
#include "placements-evaluation-group.h"
#include "placements-field-group.h"
#include "placements-load-group.h"
#include "placements-pilot-group.h"
#include "placements-placing-group.h"
#include "placements-record-types.h"
#include "placements-report-group.h"
#include "placements-send-group.h"
#include "placements-related-group.h"

typedef enum
{
  PART_FIELDS,
  PART_LOAD,
  PART_RELATED,
  /* Placing from this record, or a placement's steps (src/gui/placing). */
  PART_PLACING,
  /* A pilot's progress: participants, funding, status steps (src/gui/placing). */
  PART_PILOT,
} PartKind;

typedef struct
{
  PartKind     kind;
  /* NC_() in the "editor group" context: translated when the section is made. */
  const char  *title;
  /* PART_FIELDS: the fields; PART_RELATED: the related kind, then the field referring. */
  const char  *names[12];
  const char  *add_label;
} Part;

typedef struct
{
  const char *kind;
  Part        parts[10];
} Layout;

#define FIELDS(title, ...) { PART_FIELDS, title, { __VA_ARGS__, NULL }, NULL }
#define RELATED(title, kind, field, add) { PART_RELATED, title, { kind, field, NULL }, add }
#define LOAD { PART_LOAD, NULL, { NULL }, NULL }
#define PLACING { PART_PLACING, NULL, { NULL }, NULL }
#define PILOT { PART_PILOT, NULL, { NULL }, NULL }

static const Layout layouts[] = {
  { "client", {
      FIELDS (NC_ ("editor group", "Person"),
              "given-name", "family-name", "date-of-birth", "national-id"),
      FIELDS (NC_ ("editor group", "Care and Funding"),
              "care-organisation-uuid", "target-group", "funding-route", "income-situation",
              "needs-low-stimulus"),
      RELATED (NC_ ("editor group", "Participation Ladder"),
               "ladder-step", "client-uuid", N_("Add Assessment")),
      RELATED (NC_ ("editor group", "Placements"),
               "placement", "client-uuid", N_("Add Placement")),
      PLACING,
      FIELDS (NC_ ("editor group", "Right to Return"),
              "right-to-return", "right-to-return-until"),
      FIELDS (NC_ ("editor group", "Support Question and Goals"),
              "support-question", "goals"),
      RELATED (NC_ ("editor group", "Consents"),
               "consent", "client-uuid", N_("Add Consent")),
      RELATED (NC_ ("editor group", "Progress Notes"),
               "progress-note", "client-uuid", N_("Add Progress Note")),
      RELATED (NC_ ("editor group", "Allocations"),
               "allocation", "client-uuid", N_("Add Allocation")),
    } },
  { "organisation", {
      FIELDS (NC_ ("editor group", "Organisation"),
              "name", "kind", "country", "registry-number", "exchange-id"),
      FIELDS (NC_ ("editor group", "Address"),
              "street", "postcode", "city"),
      FIELDS (NC_ ("editor group", "Notes"),
              "notes"),
      RELATED (NC_ ("editor group", "People"),
               "person", "organisation-uuid", N_("Add Person")),
      RELATED (NC_ ("editor group", "Workplaces"),
               "workplace", "host-organisation-uuid", N_("Add Workplace")),
    } },
  { "person", {
      FIELDS (NC_ ("editor group", "Person"),
              "given-name", "family-name", "organisation-uuid", "roles"),
      FIELDS (NC_ ("editor group", "Contact"),
              "email", "phone"),
      RELATED (NC_ ("editor group", "As a Buddy"),
               "buddy", "person-uuid", N_("Add as Buddy")),
    } },
  { "workplace", {
      FIELDS (NC_ ("editor group", "Workplace"),
              "name", "host-organisation-uuid", "department", "kind", "tasks"),
      LOAD,
      PLACING,
      FIELDS (NC_ ("editor group", "Places and Supervision"),
              "capacity", "low-stimulus", "work-supervisor-uuid", "opening-hours"),
      FIELDS (NC_ ("editor group", "Site"),
              "street", "postcode", "city"),
      RELATED (NC_ ("editor group", "Placements"),
               "placement", "workplace-uuid", N_("Add Placement")),
    } },
  { "buddy", {
      FIELDS (NC_ ("editor group", "Buddy"),
              "person-uuid", "department", "training-date", "max-clients"),
      LOAD,
      FIELDS (NC_ ("editor group", "Notes"),
              "notes"),
      RELATED (NC_ ("editor group", "Pairings"),
               "buddy-pairing", "buddy-uuid", N_("Add Pairing")),
    } },
  { "pilot", {
      FIELDS (NC_ ("editor group", "Pilot"),
              "name", "status", "target-participants"),
      PILOT,
      FIELDS (NC_ ("editor group", "Dates"),
              "start-date", "evaluation-date", "scale-up-date"),
      RELATED (NC_ ("editor group", "Partners"),
               "pilot-partner", "pilot-uuid", N_("Add Partner")),
      RELATED (NC_ ("editor group", "Contact People"),
               "pilot-contact", "pilot-uuid", N_("Add Contact Person")),
      RELATED (NC_ ("editor group", "Funding"),
               "funding", "pilot-uuid", N_("Add Funding")),
      RELATED (NC_ ("editor group", "Success Criteria"),
               "success-criterion", "pilot-uuid", N_("Add Success Criterion")),
      FIELDS (NC_ ("editor group", "Evaluation"),
              "evaluation-notes"),
      RELATED (NC_ ("editor group", "Placements"),
               "placement", "pilot-uuid", N_("Add Placement")),
      PLACING,
    } },
  { "funding", {
      FIELDS (NC_ ("editor group", "Funding"),
              "pilot-uuid", "funder-uuid", "amount-cents", "reference"),
      FIELDS (NC_ ("editor group", "Period and Reporting"),
              "start-date", "end-date", "reporting-obligation"),
    } },
  { "success-criterion", {
      FIELDS (NC_ ("editor group", "Success Criterion"),
              "pilot-uuid", "description", "target", "measure", "measured"),
    } },
  { "placement", {
      FIELDS (NC_ ("editor group", "Placement"),
              "client-uuid", "workplace-uuid", "pilot-uuid"),
      PLACING,
      FIELDS (NC_ ("editor group", "Support"),
              "buddy-uuid", "supervisor-uuid"),
      FIELDS (NC_ ("editor group", "Period"),
              "start-date", "planned-end-date", "actual-end-date", "hours-per-week",
              "day-pattern"),
      FIELDS (NC_ ("editor group", "Status and Outcome"),
              "status", "end-reason", "outcome", "follow-up-6-months-date", "follow-up-6-months",
              "follow-up-12-months-date", "follow-up-12-months"),
    } },
  { "ladder-step", {
      FIELDS (NC_ ("editor group", "Assessment"),
              "client-uuid", "date", "rung", "assessed-by-uuid"),
    } },
  { "consent", {
      FIELDS (NC_ ("editor group", "Consent"),
              "client-uuid", "receiver-uuid", "purpose", "data-categories"),
      FIELDS (NC_ ("editor group", "Given and Withdrawn"),
              "given-by", "given-date", "expiry-date", "withdrawn-date"),
    } },
  { "progress-note", {
      FIELDS (NC_ ("editor group", "Progress Note"),
              "client-uuid", "date", "author-uuid", "kind", "ladder-rung", "shareable"),
      FIELDS (NC_ ("editor group", "Text"),
              "text"),
    } },
  { "allocation", {
      FIELDS (NC_ ("editor group", "Allocation"),
              "client-uuid", "funder-uuid", "product", "product-code", "reference"),
      FIELDS (NC_ ("editor group", "Volume and Period"),
              "volume", "unit", "period", "start-date", "end-date"),
    } },
  { "buddy-pairing", {
      FIELDS (NC_ ("editor group", "Pairing"),
              "buddy-uuid", "client-uuid", "start-date", "end-date"),
    } },
};

static const Layout *
find_layout (const char *kind)
{
  for (gsize i = 0; i < G_N_ELEMENTS (layouts); i++)
    if (g_str_equal (layouts[i].kind, kind))
      return &layouts[i];
  return NULL;
}

GPtrArray *
placements_editor_layout_build (GType record_type)
{
  g_autoptr(PlacementsRecordClass) klass = g_type_class_ref (record_type);
  g_autoptr(GPtrArray) sections = g_ptr_array_new ();
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  const Layout *layout = find_layout (placements_record_class_get_kind (klass));

  for (guint i = 0; layout != NULL && i < G_N_ELEMENTS (layout->parts); i++)
    {
      const Part *part = &layout->parts[i];

      if (part->kind == PART_FIELDS && part->title == NULL)
        break;
      switch (part->kind)
        {
        case PART_FIELDS:
          for (guint j = 0; part->names[j] != NULL; j++)
            g_hash_table_add (shown, (gpointer) part->names[j]);
          g_ptr_array_add (sections,
                           placements_field_group_new (g_dpgettext2 (NULL, "editor group",
                                                                     part->title),
                                                       part->names));
          break;
        case PART_LOAD:
          g_ptr_array_add (sections, placements_load_group_new ());
          break;
        case PART_PLACING:
          g_ptr_array_add (sections, placements_placing_group_new ());
          break;
        case PART_PILOT:
          g_ptr_array_add (sections, placements_pilot_group_new ());
          break;
        case PART_RELATED:
          g_ptr_array_add (sections,
                           placements_related_group_new (g_dpgettext2 (NULL, "editor group",
                                                                       part->title),
                                                         _(part->add_label),
                                                         placements_store_find_record_type (
                                                           part->names[0]),
                                                         part->names[1]));
          break;
        default:
          g_assert_not_reached ();
        }
    }

  for (guint i = 0; i < placements_record_class_get_n_fields (klass); i++)
    {
      const PlacementsField *field = placements_record_class_get_field (klass, i);

      if (!g_hash_table_contains (shown, field->pspec->name))
        g_ptr_array_add (others, (gpointer) field->pspec->name);
    }
  if (others->len > 0)
    {
      g_ptr_array_add (others, NULL);
      g_ptr_array_add (sections,
                       placements_field_group_new (layout != NULL ? C_("editor group", "Other")
                                                                   : C_("editor group", "Details"),
                                                   (const char * const *) others->pdata));
    }
  /* Last on a client's page: sending them to a partner, who saw and changed it (NEN 7513),
   * and erasure. */
  if (record_type == PLACEMENTS_TYPE_CLIENT)
    {
      g_ptr_array_add (sections, placements_send_group_new ());
      g_ptr_array_add (sections, placements_access_log_group_new ());
      g_ptr_array_add (sections, placements_erase_group_new ());
    }
  /* Last on a pilot's page: its evaluation, and its report for the funder. */
  if (record_type == PLACEMENTS_TYPE_PILOT)
    {
      g_ptr_array_add (sections, placements_evaluation_group_new ());
      g_ptr_array_add (sections, placements_report_group_new ());
    }

  return g_steal_pointer (&sections);
}
