// The API's answer to each refusal of the ticket machine: its status by kind (403/409/422), its
// code (the reason itself) and a message the app and the console show as is.
import type { ExtensionRefusal } from '../domain/deadlines.js'
import type { Refusal, RefusalKind, RefusalReason } from '../domain/refusals.js'
import { refusalKind } from '../domain/refusals.js'
import type { Message } from '../plugins/problems.js'
import { ProblemError } from '../plugins/problems.js'

const STATUS_BY_KIND: Record<RefusalKind, number> = { forbidden: 403, conflict: 409, invalid: 422 }

const m = (zh: string, en: string): Message => ({ zh, en })

const MESSAGES: Record<RefusalReason, Message> = {
  wrong_role: m('您的角色不能进行此操作。', 'Your role may not do this.'),
  not_lead_unit: m('只有主办单位可以进行此操作。', 'Only the lead unit may do this.'),
  not_assigned_unit: m('该工单未分派给您的单位。', 'This ticket is not assigned to your unit.'),
  not_own_level: m(
    '该工单属于其他层级的办公室（本级办理）。',
    "This ticket belongs to another level's office (each office acts at its own level).",
  ),
  no_contact: m(
    '提交答复前，请先登记与经营主体的联系（或联系未果的时间和方式）。',
    'Log a contact with the owner (or when and how you tried) before replying.',
  ),
  not_handled_yet: m(
    '承办单位尚未办理该工单，不能终结。',
    'No handling unit has handled this ticket yet; it cannot be terminated.',
  ),
  terminal: m('该工单已结束，不能再操作。', 'This ticket is finished; nothing more can be done.'),
  wrong_state: m('工单当前状态不能进行此操作。', 'The ticket is not in a state that allows this.'),
  already_region_desk: m('该工单已在自治区专席。', 'The ticket is already at the region desk.'),
  same_desk: m('该工单已在这个专席。', 'The ticket is already at this desk.'),
  not_referred: m('该工单不是待确定主办单位。', 'The ticket is not waiting for a lead unit.'),
  not_escalated: m('该工单没有提请协调。', 'The ticket was not escalated for coordination.'),
  rehandle_cap_reached: m(
    '重办次数已达上限，请由办公室决定。',
    'The re-handling limit is reached; the office decides.',
  ),
  not_overdue: m(
    '当前环节尚未超期，暂不能催办。',
    'You can urge once the current step is overdue.',
  ),
  already_urged_today: m(
    '今天已催办过，请下一个工作日再试。',
    'Already urged today; try again on the next working day.',
  ),
  return_window_closed: m(
    '已超过退回期限（分派后1个工作日）。',
    'Too late to return it (1 working day after dispatch).',
  ),
  past_due: m('办理期限已过，不能申请延期。', 'The due date has passed; no extension now.'),
  unknown_event: m('不认识的操作。', 'Unknown event.'),
  missing_basis: m('请填写不予受理的依据。', 'Give the basis for refusing.'),
  missing_reason: m('请填写原因。', 'Give a reason.'),
  missing_explanation: m('请填写终结说明。', 'Give an explanation.'),
  missing_field: m('缺少必填内容。', 'A required field is missing.'),
  invalid_field: m('填写的内容有误。', 'A field is invalid.'),
}

export function refusalProblem(refusal: Refusal): ProblemError {
  const status = STATUS_BY_KIND[refusalKind(refusal.reason)]
  const errors = refusal.field ? [{ field: refusal.field, code: refusal.reason }] : undefined
  return new ProblemError(status, refusal.reason, MESSAGES[refusal.reason], errors)
}

const EXTENSION_MESSAGES: Record<ExtensionRefusal['reason'], Message> = {
  invalid_date: m('延期日期无效。', 'The extension date is invalid.'),
  not_a_working_day: m('延期日期必须是工作日。', 'The extension must end on a working day.'),
  not_after_due: m('延期日期必须晚于当前期限。', 'The extension must end after the current due.'),
}

/** An extension the calendar refuses: a bad date is invalid (422), a date too early a conflict. */
export function extensionProblem(reason: ExtensionRefusal['reason']): ProblemError {
  const status = reason === 'not_after_due' ? 409 : 422
  return new ProblemError(status, reason, EXTENSION_MESSAGES[reason], [
    { field: 'until', code: reason },
  ])
}

export const noDueProblem = (): ProblemError =>
  new ProblemError(409, 'no_due', m('该工单当前没有办理期限。', 'The ticket has no due date now.'))

export const staleTicketProblem = (): ProblemError =>
  new ProblemError(
    409,
    'ticket_changed',
    m('工单刚被他人更新，请刷新后重试。', 'The ticket was just changed; reload and try again.'),
  )
