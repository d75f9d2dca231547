// `POST /api/reports/batch`: several queued reports in one request (the app's outbox after a
// phone was offline). Each report keeps its own id, the idempotency key of `POST /api/reports`,
// and gets its own answer, so a batch whose answer was lost is sent again and creates nothing
// twice.
import { z } from 'zod'

/** How many reports one batch may carry. */
export const REPORT_BATCH_MAX = 50

/**
 * The envelope only: each report is checked on its own, so one report at fault is refused alone
 * (a 422 in its own answer) instead of refusing the batch.
 */
export const reportBatchInputSchema = z.object({
  reports: z.array(z.unknown()).min(1).max(REPORT_BATCH_MAX),
})
export type ReportBatchInput = z.infer<typeof reportBatchInputSchema>

/**
 * One answer per report, in the order sent: the status and body `POST /api/reports` would have
 * answered it with (201 and the new ticket, 200 and the same ticket again, or a problem).
 */
export const reportBatchAnswerSchema = z.object({
  results: z.array(z.object({ status: z.number().int(), body: z.unknown() })),
})
export type ReportBatchAnswer = z.infer<typeof reportBatchAnswerSchema>
