import type { StaffEvent, StaffEventType } from '../../../../mock-api/contract'

/**
 * The actions that cannot be taken back: each asks for a confirmation naming its consequence
 * and wears the danger style (issue 17: 不予受理, 退回 and 终结办理 looked like every other button).
 */
export const DESTRUCTIVE_EVENTS = ['refuse', 'return', 'send_back', 'terminate'] as const
export type DestructiveEvent = (typeof DESTRUCTIVE_EVENTS)[number]

export type DestructiveStaffEvent = Extract<StaffEvent, { type: DestructiveEvent }>

export const isDestructiveType = (type: StaffEventType): type is DestructiveEvent =>
  (DESTRUCTIVE_EVENTS as readonly StaffEventType[]).includes(type)

export const isDestructive = (event: StaffEvent): event is DestructiveStaffEvent =>
  isDestructiveType(event.type)

/** What moves a ticket forward in each state, most expected first: the main action. */
const MAIN_EVENTS: readonly StaffEventType[] = [
  'accept',
  'sign',
  'reply',
  'approve_reply',
  'dispatch',
  'designate_lead',
  'decide',
  'approve_extension',
  'confirm_closure',
  'record_rating',
  'answer',
  'contact',
]

export type OrderedAction = { type: StaffEventType; look: 'primary' | 'secondary' | 'danger' }

/** The allowed actions as buttons: the main one first and primary, destructive ones last. */
export function orderActions(allowed: readonly StaffEventType[]): OrderedAction[] {
  const main = MAIN_EVENTS.find((type) => allowed.includes(type))
  const others = allowed.filter((type) => type !== main && !isDestructiveType(type))
  const destructive = allowed.filter(isDestructiveType)
  return [
    ...(main ? [{ type: main, look: 'primary' as const }] : []),
    ...others.map((type) => ({ type, look: 'secondary' as const })),
    ...destructive.map((type) => ({ type, look: 'danger' as const })),
  ]
}
