import { describe, expect, it } from 'vitest'
import { toStaffEvent } from './event-forms'

// DOMAIN.md: a unit logs a contact, or an unreachable attempt with when and how, before replying;
// a termination names the earlier tickets it rests on.
describe('the contact and termination forms', () => {
  it('sends an unreachable attempt with its China time, and needs that time', () => {
    const attempt = { channel: 'phone', summary: '无人接听', reached: 'no' }
    expect(toStaffEvent('contact', attempt)).toEqual({ ok: false, errors: { at: 'required' } })
    expect(toStaffEvent('contact', { ...attempt, at: '2026-04-21T09:30' })).toEqual({
      ok: true,
      event: {
        type: 'contact',
        channel: 'phone',
        summary: '无人接听',
        reached: false,
        at: '2026-04-21T09:30:00+08:00',
      },
    })
  })

  it('sends a plain contact as before', () => {
    expect(toStaffEvent('contact', { channel: 'visit', summary: '上门核实' })).toEqual({
      ok: true,
      event: { type: 'contact', channel: 'visit', summary: '上门核实' },
    })
  })

  it('refuses a termination that names no earlier ticket', () => {
    const explanation = '同一事项已依法答复。'
    expect(toStaffEvent('terminate', { explanation })).toMatchObject({
      ok: false,
      errors: { relatedTicketIds: 'required' },
    })
    expect(toStaffEvent('terminate', { explanation, relatedTicketIds: ['t-1'] })).toEqual({
      ok: true,
      event: { type: 'terminate', explanation, relatedTicketIds: ['t-1'] },
    })
  })
})
