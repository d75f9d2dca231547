// The ticket machine's and the calendar's refusals as the workflow throws them; their status and
// message are in plugins/refusal-table.ts.
import type { ExtensionRefusal } from '../domain/deadlines.js'
import type { Refusal } from '../domain/refusals.js'
import { Refused, refused } from './refused.js'

export const machineRefusal = (refusal: Refusal): Refused => refused(refusal.reason, refusal.field)

/** An extension the calendar refuses, at the `until` field. */
export const extensionRefusal = (reason: ExtensionRefusal['reason']): Refused =>
  refused(reason, 'until')

export const noDueRefusal = (): Refused => new Refused('no_due')

export const staleTicketRefusal = (): Refused => new Refused('ticket_changed')
