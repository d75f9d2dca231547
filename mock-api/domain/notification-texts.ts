/**
 * What the owner is told outside the app, in zh-CN and English (DOMAIN.md "Telling the owner").
 * Pure: the workflow gathers the facts (unit name, dates as China dates) and picks the locale. A
 * confidential ticket's messages name only the ticket number and the status: nothing of the
 * basis, the unit or the explanation, which a phone's lock screen or an SMS inbox would show.
 * `vars` are the template variables of providers that send only approved templates.
 */
import type { TicketEventType, TicketStatus } from '../contract.js'

export type NoticeKind =
  | 'accepted'
  | 'not_accepted'
  | 'dispatched'
  | 'extension_approved'
  | 'reply_ready'
  | 'rating_reminder'
  | 'rehandle_ordered'
  | 'closed'
  | 'terminated'
  | 'receipt'
  | 'link_code'

export type NoticeLocale = 'zh-CN' | 'en'

export type NoticeFacts = {
  number: string
  status: TicketStatus | null
  confidential: boolean
  /** Refusal basis or termination explanation: what the owner may read. */
  note?: string | null
  unitName?: string | null
  /** A China date, 'YYYY-MM-DD': the new due date, or the last day to rate. */
  date?: string | null
  code?: string | null
}

export type NoticeText = { title: string; body: string }
export type Notice = {
  kind: NoticeKind
  texts: Record<NoticeLocale, NoticeText>
  vars: Record<string, string>
}

/** The notice a ticket's change calls for, or null when the owner need not hear of it. */
export function noticeKindOf(
  type: TicketEventType | 'overdue',
  to: TicketStatus,
): NoticeKind | null {
  if (to === 'closed') return 'closed'
  switch (type) {
    case 'accept':
      return 'accepted'
    case 'refuse':
      return 'not_accepted'
    case 'dispatch':
    case 'designate_lead':
      return 'dispatched'
    case 'approve_extension':
      return 'extension_approved'
    case 'approve_reply':
    case 'answer':
      return 'reply_ready'
    case 'order_rehandle':
      return 'rehandle_ordered'
    case 'terminate':
      return 'terminated'
    default:
      return null
  }
}

const STATUS_NAMES: Record<TicketStatus, NoticeText> = {
  submitted: { title: '待受理', body: 'awaiting acceptance' },
  accepted: { title: '已受理', body: 'accepted' },
  dispatched: { title: '已分派', body: 'dispatched' },
  in_progress: { title: '办理中', body: 'in progress' },
  replied: { title: '已答复', body: 'replied' },
  closed: { title: '已办结', body: 'closed' },
  not_accepted: { title: '不予受理', body: 'not accepted' },
  withdrawn: { title: '已撤回', body: 'withdrawn' },
  coordinating: { title: '协调中', body: 'being coordinated' },
  extension_pending: { title: '延期审批中', body: 'extension under review' },
  reply_review: { title: '答复审核中', body: 'reply under review' },
  dissatisfaction_review: { title: '不满意核实中', body: 'dissatisfaction under review' },
  terminated: { title: '终结办理', body: 'terminated' },
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const zhDate = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`
const enDate = (date: string) =>
  `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1] ?? ''} ${date.slice(0, 4)}`

type Words = { zh: string; en: string }

function details(kind: NoticeKind, facts: NoticeFacts): Words {
  const note = facts.note ?? ''
  const unit = facts.unitName ?? ''
  const date = facts.date ?? ''
  switch (kind) {
    case 'accepted':
      return { zh: '您反映的问题已受理。', en: 'Your report has been accepted.' }
    case 'not_accepted':
      return {
        zh: `您反映的问题不予受理，依据：${note}`,
        en: `Your report was not accepted. Basis: ${note}`,
      }
    case 'dispatched':
      return {
        zh: `已分派至${unit}办理。`,
        en: `Dispatched to ${unit} for handling.`,
      }
    case 'extension_approved':
      return {
        zh: `办理期限已延长至${zhDate(date)}。`,
        en: `The handling deadline was extended to ${enDate(date)}.`,
      }
    case 'reply_ready':
      return {
        zh: `答复已送达，请于${zhDate(date)}24时前评价。`,
        en: `The reply is ready; please rate by ${enDate(date)}.`,
      }
    case 'rating_reminder':
      return {
        zh: `评价将于${zhDate(date)}24时截止，请尽快评价。`,
        en: `Rating closes at the end of ${enDate(date)}; please rate now.`,
      }
    case 'rehandle_ordered':
      return { zh: '已安排重新办理。', en: 'Re-handling has been ordered.' }
    case 'closed':
      return { zh: '工单已办结。', en: 'The ticket is closed.' }
    case 'terminated':
      return {
        zh: `工单已终结办理，说明：${note}`,
        en: `Handling was terminated. Explanation: ${note}`,
      }
    case 'receipt':
      return {
        zh: `您反映的问题已登记，验证码${facts.code ?? ''}，可凭工单号和验证码查询。`,
        en: `Your report is registered; verification code ${facts.code ?? ''}.`,
      }
    case 'link_code':
      return {
        zh: `您的验证码为${facts.code ?? ''}，10分钟内有效，请勿告诉他人。`,
        en: `Your code is ${facts.code ?? ''}, valid for 10 minutes. Do not share it.`,
      }
  }
}

/** Template variables: the facts each kind's approved SMS template has slots for. */
function varsOf(
  kind: NoticeKind,
  facts: NoticeFacts,
  confidential: boolean,
): Record<string, string> {
  const status = facts.status ? STATUS_NAMES[facts.status].title : ''
  if (kind === 'link_code') return { code: facts.code ?? '' }
  if (confidential) return { number: facts.number, status }
  switch (kind) {
    case 'not_accepted':
    case 'terminated':
      return { number: facts.number, note: facts.note ?? '' }
    case 'dispatched':
      return { number: facts.number, unit: facts.unitName ?? '' }
    case 'extension_approved':
    case 'reply_ready':
    case 'rating_reminder':
      return { number: facts.number, date: facts.date ? zhDate(facts.date) : '' }
    case 'receipt':
      return { number: facts.number, code: facts.code ?? '' }
    default:
      return { number: facts.number }
  }
}

export function noticeFor(kind: NoticeKind, facts: NoticeFacts): Notice {
  // A link code carries no ticket at all; a receipt's code is what lets the owner find it.
  const confidential = facts.confidential && kind !== 'link_code' && kind !== 'receipt'
  const status = facts.status ? STATUS_NAMES[facts.status] : null
  const words = confidential
    ? { zh: `状态：${status?.title ?? ''}`, en: `Status: ${status?.body ?? ''}` }
    : details(kind, facts)
  const zhTitle = kind === 'link_code' ? '桂商码验证码' : `工单${facts.number}`
  const enTitle = kind === 'link_code' ? 'Guishang code' : `Ticket ${facts.number}`
  return {
    kind,
    texts: {
      'zh-CN': { title: zhTitle, body: words.zh },
      en: { title: enTitle, body: words.en },
    },
    vars: varsOf(kind, facts, confidential),
  }
}
