#pragma once

/* Every record type of the domain model, for code that deals with them all. */

#include "placements-organisation.h"
#include "placements-person.h"
#include "placements-client.h"
#include "placements-ladder-step.h"
#include "placements-allocation.h"
#include "placements-workplace.h"
#include "placements-attendance.h"
#include "placements-buddy.h"
#include "placements-buddy-pairing.h"
#include "placements-pilot.h"
#include "placements-pilot-partner.h"
#include "placements-pilot-contact.h"
#include "placements-funding.h"
#include "placements-success-criterion.h"
#include "placements-placement.h"
#include "placements-progress-note.h"
#include "placements-consent.h"
#include "placements-audit-event.h"
