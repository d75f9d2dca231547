// Every route module's RouteDoc list, in the order the document shows them. A route module that
// registers /api routes exports `<thing>Docs` and is imported here; the docs coverage test fails
// when a registered route has no doc. app.ts passes them to the docs route, which imports none.
import { adminLockoutsDocs } from '../routes/admin-lockouts.js'
import { adminUnitsDocs } from '../routes/admin-units-docs.js'
import { attachmentDocs } from '../routes/attachments.js'
import { calendarOverridesDocs } from '../routes/calendar-overrides-docs.js'
import { codesDocs } from '../routes/codes.js'
import { devicesDocs } from '../routes/devices.js'
import { docsDocs } from '../routes/docs.js'
import { eventsDocs } from '../routes/events.js'
import { healthDocs } from '../routes/health.js'
import { open311Docs } from '../routes/open311/open311-docs.js'
import { pushDocs } from '../routes/push-docs.js'
import { receiptsDocs } from '../routes/receipts.js'
import { claimsDocs } from '../routes/claims.js'
import { entityCodesDocs } from '../routes/entity-codes.js'
import { staffIntakeDocs } from '../routes/staff-intake.js'
import { reportsDocs } from '../routes/reports.js'
import { reportBatchDocs } from '../routes/report-batch.js'
import type { RouteDoc } from '../routes/route-doc.js'
import { servicePointCodesDocs } from '../routes/service-point-codes.js'
import { servicePointsDocs } from '../routes/service-points.js'
import { shortCodesDocs } from '../routes/service-point-short-codes.js'
import { staffAccountsDocs } from '../routes/staff-accounts-docs.js'
import { staffSessionDocs } from '../routes/staff-session.js'
import { staffAttachmentDocs } from '../routes/staff-attachments.js'
import { staffTicketDocs } from '../routes/staff-tickets.js'
import { staffUnitDocs } from '../routes/staff-units.js'
import { statisticsDocs } from '../routes/statistics.js'
import { testClockDocs } from '../routes/test-clock.js'
import { ticketActionsDocs } from '../routes/ticket-actions.js'
import { ticketsDocs } from '../routes/tickets.js'

export const ROUTE_DOCS: readonly RouteDoc[] = [
  ...healthDocs,
  ...devicesDocs,
  ...codesDocs,
  ...reportsDocs,
  ...reportBatchDocs,
  ...attachmentDocs,
  ...ticketsDocs,
  ...ticketActionsDocs,
  ...eventsDocs,
  ...receiptsDocs,
  ...pushDocs,
  ...staffIntakeDocs,
  ...claimsDocs,
  ...entityCodesDocs,
  ...staffSessionDocs,
  ...staffTicketDocs,
  ...staffAttachmentDocs,
  ...staffUnitDocs,
  ...servicePointsDocs,
  ...servicePointCodesDocs,
  ...shortCodesDocs,
  ...staffAccountsDocs,
  ...adminUnitsDocs,
  ...calendarOverridesDocs,
  ...statisticsDocs,
  ...testClockDocs,
  ...open311Docs,
  ...adminLockoutsDocs,
]

/** Every route's doc, the docs route's own included. */
export const allRouteDocs = (): RouteDoc[] => [...ROUTE_DOCS, ...docsDocs]
