/**
 * What each event does to the ticket besides its status, and what its history entry says. The
 * owner reads `note`; `internalNote` is for staff only (reasons between desks, units and office).
 * Required fields were checked before an effect runs; textOf still guards against bad data.
 */
import type { Rating, TicketEventType } from '../contract.js'
import { textOf, transferTargetOf } from './ticket-checks.js'
import type { Actor, HistoryData, MachineTicket, TicketEvent } from './ticket-types.js'
import { REGION_CODE } from './jurisdiction.js'

export type Effect = {
  ticket?: Partial<MachineTicket>
  note?: string | null
  internalNote?: string | null
  data?: HistoryData
}
type EventOf<K extends TicketEventType> = Extract<TicketEvent, { type: K }>
export type EffectOf<E> = (ticket: MachineTicket, event: E, actor: Actor) => Effect

const stringsOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []

const assign = (event: { leadUnitId: string; coUnitIds?: readonly string[] }): Effect => {
  const coUnitIds = stringsOf(event.coUnitIds)
  return {
    ticket: { leadUnitId: event.leadUnitId, coUnitIds, coordinationVia: null, hasContact: false },
    data: { leadUnitId: event.leadUnitId, coUnitIds },
  }
}

const rate = (_: MachineTicket, event: Rating): Effect => {
  const reason = textOf(event.reason)
  const { resolved, satisfaction } = event
  return {
    ticket: { rating: { resolved, satisfaction, reason } },
    note: reason,
    data: { resolved, satisfaction },
  }
}

export const EFFECTS: { [K in TicketEventType]: EffectOf<EventOf<K>> } = {
  submit: (_, e) => ({ ticket: { deskDivisionCode: e.deskDivisionCode } }),
  withdraw: (_, e) => ({ note: textOf(e.reason) }),
  transfer: (t, e) => {
    const toDesk = transferTargetOf(t, e) ?? REGION_CODE
    return {
      ticket: { deskDivisionCode: toDesk },
      internalNote: textOf(e.note),
      data: { fromDesk: t.deskDivisionCode, toDesk },
    }
  },
  refuse: (_, e) => ({ note: textOf(e.basis) }),
  accept: () => ({}),
  answer: (_, e) => ({ note: textOf(e.reply) }),
  dispatch: (_, e) => assign(e),
  refer: (_, e) => ({ ticket: { coordinationVia: 'refer' }, internalNote: textOf(e.note) }),
  designate_lead: (_, e) => assign(e),
  sign: () => ({ ticket: { wasHandledByUnit: true } }),
  return: (t, e) => ({
    ticket: { leadUnitId: null, coUnitIds: [], requestedUntil: null },
    internalNote: textOf(e.reason),
    data: { returnedBy: t.leadUnitId },
  }),
  contact: (t, e, actor) => ({
    ticket: { hasContact: true },
    internalNote: textOf(e.summary),
    data: {
      channel: e.channel,
      unitId: actor.unitId ?? null,
      isFirstContact: !t.hasContact,
      reached: e.reached ?? true,
      at: textOf(e.at),
    },
  }),
  request_extension: (_, e) => ({
    ticket: { requestedUntil: e.until },
    internalNote: textOf(e.reason),
    data: { until: e.until },
  }),
  approve_extension: (t, e) => ({
    ticket: { requestedUntil: null },
    data: { until: textOf(e.until) ?? t.requestedUntil },
  }),
  deny_extension: (_, e) => ({ ticket: { requestedUntil: null }, internalNote: textOf(e.reason) }),
  escalate: (_, e) => ({ ticket: { coordinationVia: 'escalate' }, internalNote: textOf(e.reason) }),
  decide: (_, e) => ({ ticket: { coordinationVia: null }, internalNote: textOf(e.note) }),
  reply: (_, e) => ({ ticket: { pendingReply: textOf(e.reply) }, internalNote: textOf(e.reply) }),
  approve_reply: (t) => ({ ticket: { pendingReply: null }, note: t.pendingReply }),
  send_back: (_, e) => ({ ticket: { pendingReply: null }, internalNote: textOf(e.reason) }),
  rate,
  record_rating: rate,
  order_rehandle: (t, e) => ({
    // The previous rating stays in the history; the ticket waits for a new one.
    ticket: { rehandleCount: t.rehandleCount + 1, rating: null },
    internalNote: textOf(e.reason),
    data: { rehandleCount: t.rehandleCount + 1 },
  }),
  confirm_closure: (_, e) => ({ note: textOf(e.note) }),
  auto_close: () => ({
    ticket: { rating: { resolved: null, satisfaction: 'none', reason: null } },
    data: { satisfaction: 'none' },
  }),
  terminate: (_, e) => ({
    note: textOf(e.explanation),
    data: { relatedTicketIds: stringsOf(e.relatedTicketIds) },
  }),
  supervise: (_, e) => ({ ticket: { isSupervised: true }, internalNote: textOf(e.note) }),
  urge: (_, e) => ({ ticket: { isSupervised: true }, note: textOf(e.note) }),
  add_material: (_, e) => ({
    note: textOf(e.text),
    data: { attachmentIds: stringsOf(e.attachmentIds) },
  }),
}
