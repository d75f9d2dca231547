import { describe, expect, it } from 'vitest'
import type { NoticeKind } from './notification-texts.js'
import { noticeFor, noticeKindOf } from './notification-texts.js'

const facts = {
  number: 'GX2602130001',
  status: 'not_accepted' as const,
  confidential: false,
  note: '属于民事纠纷，请向12315反映。',
  unitName: '南宁市市场监督管理局',
  date: '2026-03-05',
}

describe('what the owner is told', () => {
  it('names the basis of a refusal, the lead unit, and the dates in both languages', () => {
    expect(noticeFor('not_accepted', facts).texts['zh-CN']).toEqual({
      title: '工单GX2602130001',
      body: '您反映的问题不予受理，依据：属于民事纠纷，请向12315反映。',
    })
    expect(noticeFor('dispatched', facts).texts.en.body).toBe(
      'Dispatched to 南宁市市场监督管理局 for handling.',
    )
    expect(noticeFor('reply_ready', facts).texts['zh-CN'].body).toBe(
      '答复已送达，请于3月5日24时前评价。',
    )
    expect(noticeFor('reply_ready', facts).texts.en.body).toBe(
      'The reply is ready; please rate by 5 Mar 2026.',
    )
    expect(noticeFor('extension_approved', facts).vars).toEqual({
      number: 'GX2602130001',
      date: '3月5日',
    })
  })

  it('tells a confidential ticket only its number and status, everywhere', () => {
    const kinds: NoticeKind[] = ['not_accepted', 'dispatched', 'terminated', 'reply_ready']
    for (const kind of kinds) {
      const notice = noticeFor(kind, { ...facts, confidential: true })
      const all = JSON.stringify(notice)
      expect(all, kind).not.toContain('民事纠纷')
      expect(all, kind).not.toContain('市场监督管理局')
      expect(all, kind).not.toContain('3月5日')
      expect(notice.texts['zh-CN'], kind).toEqual({
        title: '工单GX2602130001',
        body: '状态：不予受理',
      })
      expect(notice.vars, kind).toEqual({ number: 'GX2602130001', status: '不予受理' })
    }
  })

  it('picks the notice from the event, and says nothing of internal steps', () => {
    expect(noticeKindOf('refuse', 'not_accepted')).toBe('not_accepted')
    expect(noticeKindOf('designate_lead', 'dispatched')).toBe('dispatched')
    expect(noticeKindOf('answer', 'replied')).toBe('reply_ready')
    expect(noticeKindOf('rate', 'closed')).toBe('closed')
    expect(noticeKindOf('auto_close', 'closed')).toBe('closed')
    expect(noticeKindOf('rate', 'dissatisfaction_review')).toBeNull()
    for (const type of [
      'sign',
      'contact',
      'reply',
      'request_extension',
      'transfer',
      'submit',
    ] as const) {
      expect(noticeKindOf(type, 'in_progress'), type).toBeNull()
    }
  })
})
