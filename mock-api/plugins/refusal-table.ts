/**
 * The one table from a use case's refusal (workflow/refused.ts) to its HTTP answer: the status,
 * the problem code and the zh/en message the app and the console show as is. The ticket machine's
 * refusals take their status from their kind (forbidden 403, conflict 409, invalid 422).
 */
import type { RefusalReason } from '../domain/refusals.js'
import { REFUSAL_KINDS } from '../domain/refusals.js'
import { MAX_ATTACHMENTS } from '../workflow/attachment-problems.js'
import type { RefusalCode, RefusalFacts } from '../workflow/refused.js'
import { Refused } from '../workflow/refused.js'
import type { Message } from './problems.js'
import { ProblemError, STATUS_PROBLEMS } from './problems.js'

type Entry = {
  /** A number, or by whether the refusal names fields (a form's field vs a lookup's path). */
  status: number | { withFields: number; without: number }
  message: Message | ((facts: RefusalFacts) => Message)
  /** The problem code when it differs from the refusal's own. */
  code?: string
  /** Facts sent along as RFC 9457 extension members. */
  exposes?: readonly string[]
}

const m = (zh: string, en: string): Message => ({ zh, en })
const at = (
  status: number,
  message: Entry['message'],
  more: Omit<Entry, 'status' | 'message'> = {},
) => ({
  status,
  message,
  ...more,
})
const standard = (status: number): Entry => {
  const known = STATUS_PROBLEMS[status]
  if (!known) throw new RangeError(`no problem for ${status}`)
  return { status, message: known.message, code: known.code }
}
const STATUS_BY_KIND = { forbidden: 403, conflict: 409, invalid: 422 } as const

const MACHINE_MESSAGES: Record<RefusalReason, Message> = {
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

const MACHINE = Object.fromEntries(
  Object.entries(MACHINE_MESSAGES).map(([reason, message]) => [
    reason,
    at(STATUS_BY_KIND[REFUSAL_KINDS[reason as RefusalReason]], message),
  ]),
) as Record<RefusalReason, Entry>

const CHECKSUM_EN = 'The credit code fails its check character; check it, or confirm it is right.'

export const REFUSAL_TABLE: Readonly<Record<RefusalCode, Entry>> = {
  ...MACHINE,
  not_found: standard(404),
  forbidden: standard(403),
  invalid_fields: standard(422),
  // The calendar's refusals of an extension: a bad date is invalid, a date too early a conflict.
  invalid_date: at(422, m('延期日期无效。', 'The extension date is invalid.')),
  not_a_working_day: at(
    422,
    m('延期日期必须是工作日。', 'The extension must end on a working day.'),
  ),
  not_after_due: at(
    409,
    m('延期日期必须晚于当前期限。', 'The extension must end after the current due.'),
  ),
  report_conflict: at(
    409,
    m('该报告编号已被使用，内容不同。', 'This report id was already used with a different report.'),
  ),
  credit_code_checksum: at(
    422,
    m('统一社会信用代码校验位不符，请核对；确认无误可继续提交。', CHECKSUM_EN),
  ),
  credit_code_checksum_issue: at(
    422,
    m('统一社会信用代码校验位不符，请核对；确认无误可继续。', CHECKSUM_EN),
    { code: 'credit_code_checksum' },
  ),
  retired_code: at(
    422,
    m('此二维码已停用，请手动选择所在地区。', 'This code is retired; choose your area by hand.'),
  ),
  invalid_code: at(
    422,
    m(
      '无法识别此二维码，请手动选择所在地区。',
      'This code is not valid; choose your area by hand.',
    ),
  ),
  already_claimed: at(
    409,
    m(
      '此工单已添加到另一部手机。可用工单号和验证码查询进度。',
      'This ticket is already on another phone; look it up with its number and code.',
    ),
  ),
  not_registered: at(
    409,
    m(
      '此工单是在手机上提交的，已在提交它的手机上。可用工单号和验证码查询进度。',
      'This ticket was sent from a phone and is on that phone; look it up with its number and code.',
    ),
  ),
  channel_not_allowed: at(
    422,
    m('此账号不能登记这个渠道的反映。', 'This account cannot register reports from this channel.'),
  ),
  outside_division: at(
    403,
    m(
      '工作站只能登记本县（市、区）经营主体的反映。',
      'A workstation registers reports only for businesses in its own county.',
    ),
  ),
  service_point_retired: at(
    403,
    m('此窗口已停用，不能登记反映。', 'This window has been retired and cannot register reports.'),
  ),
  unknown_short_code: at(
    404,
    m(
      '没有这个窗口短码，请核对海报上的字母和数字。',
      'No window has this short code; check the letters and digits on the poster.',
    ),
  ),
  retired_window_code: {
    status: { withFields: 422, without: 410 },
    code: 'retired_code',
    message: m(
      '此二维码已停用，请手动选择所在城市和区县。',
      'This code has been retired; choose your city and county by hand.',
    ),
  },
  unknown_entity_code: {
    status: { withFields: 422, without: 404 },
    message: m(
      '无法识别此经营主体码，请手动填写企业信息。',
      'This business code is not one of ours; enter the business by hand.',
    ),
  },
  retired_entity_code: {
    status: { withFields: 422, without: 410 },
    message: m(
      '此经营主体码已停用，请手动填写企业信息。',
      'This business code has been retired; enter the business by hand.',
    ),
  },
  idempotency_conflict: at(
    409,
    m('该请求编号已用于其他内容。', 'This request id was already used with a different body.'),
  ),
  unknown_unit: at(422, m('找不到该承办单位。', 'No such handling unit.')),
  invalid_contact_time: at(
    422,
    m(
      '联系时间须在分派之后、且不晚于现在。',
      'The contact time must be after dispatch and not in the future.',
    ),
  ),
  invalid_related_ticket: at(
    422,
    m(
      '终结须引用同一经营主体此前已答复或已办结的工单。',
      'Name earlier tickets of the same business that were replied or closed.',
    ),
  ),
  ticket_changed: at(
    409,
    m('工单刚被他人更新，请刷新后重试。', 'The ticket was just changed; reload and try again.'),
  ),
  no_due: at(409, m('该工单当前没有办理期限。', 'The ticket has no due date now.')),
  link_code_gone: at(410, m('验证码无效，请重新获取。', 'No valid code; request a new one.')),
  link_code_expired: at(
    410,
    m('验证码已过期，请重新获取。', 'The code has expired; request a new one.'),
  ),
  too_many_attempts: at(
    429,
    m('错误次数过多，请重新获取验证码。', 'Too many wrong codes; request a new one.'),
  ),
  wrong_code: at(422, m('验证码不正确。', 'The code is wrong.'), { exposes: ['attemptsLeft'] }),
  push_endpoint_not_allowed: at(
    422,
    m(
      '该推送服务不受支持，将改用短信通知。',
      'This push service is not supported; you will be told by SMS instead.',
    ),
  ),
  username_taken: at(
    409,
    m('该用户名已被使用，请换一个。', 'This username is taken; choose another.'),
  ),
  own_access: at(
    409,
    m(
      '不能停用自己的账号或更改自己的角色，请由另一位管理员操作。',
      'You cannot disable your own account or change your own role; ask another admin.',
    ),
  ),
  unit_name_taken: at(
    409,
    m('该地区已有同名单位。', 'A unit of this division already has this name.'),
  ),
  unit_has_open_tickets: at(
    409,
    ({ openTickets }) => ({
      zh: `该单位还有 ${openTickets} 件未办结的工单，办结或改派后才能停用。`,
      en: `The unit still holds ${openTickets} open ticket(s); close or re-dispatch them before deactivating it.`,
    }),
    { exposes: ['openTickets'] },
  ),
  unit_on_responsibility_list: at(
    409,
    m(
      '该单位仍在责任清单中，请先在责任清单中更换后再停用。',
      'The unit is still on the responsibility list; replace it there before deactivating it.',
    ),
  ),
  package_year: at(409, ({ year }) => ({
    zh: `${year} 年的节假日以国务院放假安排（节假日数据包）为准，不能调整。`,
    en: `${year} follows the State Council holiday arrangement from the holiday package; it cannot be overridden.`,
  })),
  national_day: at(409, ({ date }) => ({
    zh: `${date} 属于国务院放假安排（节假日数据包），以数据包为准，不能调整；自治区的安排可录入其他日期。`,
    en: `${date} is in the State Council holiday arrangement from the holiday package and stays as it is; enter the region's arrangement on other dates.`,
  })),
  not_calendar_keeper: at(
    403,
    m(
      '全区只有一本节假日日历，由自治区办公室维护；市级办公室只能查看。',
      'The region has one holiday calendar, kept by the region office; a city office can only read it.',
    ),
  ),
  file_too_large: at(
    413,
    m(
      '照片不能超过 10 MB，请压缩后再上传。',
      'A photo may be at most 10 MB; please send a smaller one.',
    ),
  ),
  unsupported_file: at(
    415,
    m(
      '只能上传 JPEG、PNG、WebP 或 HEIC 格式的照片。',
      'Only JPEG, PNG, WebP or HEIC photos can be attached.',
    ),
  ),
  unreadable_image: at(
    422,
    m(
      '照片已损坏，无法打开，请重新选择。',
      'This photo is damaged and cannot be opened; please choose it again.',
    ),
  ),
  too_many_attachments: at(
    409,
    m(
      `每个工单最多上传 ${MAX_ATTACHMENTS} 张照片。`,
      `A ticket can have at most ${MAX_ATTACHMENTS} photos.`,
    ),
  ),
  ticket_closed: at(
    409,
    m('此工单已结束，不能再添加照片。', 'This ticket is finished; photos can no longer be added.'),
  ),
  not_handling: at(
    409,
    m(
      '只有办理中的工单才能添加答复附件。',
      'Reply files can be added only while the ticket is being handled.',
    ),
  ),
  attachment_conflict: at(
    409,
    m('此附件编号已用于另一张照片。', 'This attachment id is already used for a different photo.'),
  ),
  invalid_credentials: at(401, m('用户名或密码不正确。', 'The username or password is wrong.')),
  account_disabled: at(
    403,
    m('此账号已停用，请联系管理员。', 'This account is disabled; ask an administrator.'),
  ),
}

/** The problem a refusal answers with, by the table. */
export function refusalProblem(refusal: Refused): ProblemError {
  const entry = REFUSAL_TABLE[refusal.code]
  const code = entry.code ?? refusal.code
  const status =
    typeof entry.status === 'number'
      ? entry.status
      : refusal.fields
        ? entry.status.withFields
        : entry.status.without
  const message = typeof entry.message === 'function' ? entry.message(refusal.facts) : entry.message
  const errors = refusal.fields?.map(({ field, code: fieldCode }) => ({
    field,
    code: fieldCode ?? code,
  }))
  const exposed = (entry.exposes ?? []).filter((name) => name in refusal.facts)
  const extensions = exposed.length
    ? Object.fromEntries(exposed.map((name) => [name, refusal.facts[name] ?? null]))
    : undefined
  return new ProblemError(status, code, message, errors, extensions)
}

/** A thrown ProblemError as is, a use case's refusal by the table, anything else undefined. */
export function asProblemError(error: unknown): ProblemError | undefined {
  if (error instanceof ProblemError) return error
  if (error instanceof Refused) return refusalProblem(error)
  return undefined
}
