import { handleReportRefused, handleReportSent } from '@/features/report/receipts'
import type { OutboxSettledHandler } from '@/features/sync/outbox'

/**
 * What the features do with the outbox's answers (the outbox itself knows no features): a sent
 * report leaves its receipt, a refused one comes back as an editable draft. Registered by the
 * shell before the first flush (shell/outbox-badge.tsx).
 */
export const outboxHandlers: OutboxSettledHandler = {
  sent: handleReportSent,
  refused: handleReportRefused,
}
