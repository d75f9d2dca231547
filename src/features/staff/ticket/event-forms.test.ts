import { describe, expect, it } from 'vitest'
import { joinBasis, knownEvents, toStaffEvent } from './event-forms'

describe('toStaffEvent', () => {
  it('refuses to refuse a report without a basis', () => {
    expect(toStaffEvent('refuse', { basis: '  ' })).toEqual({
      ok: false,
      errors: { basis: 'required' },
    })
  })

  it('sends a standard basis with the free text after it', () => {
    const basis = joinBasis('属于110、119、120等紧急事项', ' 已告知拨打119 ')
    expect(toStaffEvent('refuse', { basis })).toEqual({
      ok: true,
      event: { type: 'refuse', basis: '属于110、119、120等紧急事项：已告知拨打119' },
    })
    expect(joinBasis('', '自由填写的依据')).toBe('自由填写的依据')
  })

  it('needs a lead unit to dispatch, and no co-unit may also be the lead', () => {
    expect(toStaffEvent('dispatch', {})).toEqual({ ok: false, errors: { leadUnitId: 'required' } })
    expect(
      toStaffEvent('dispatch', { leadUnitId: 'nanning-amr', coUnitIds: ['nanning-amr'] }),
    ).toEqual({ ok: false, errors: { coUnitIds: 'invalid' } })
    expect(
      toStaffEvent('dispatch', { leadUnitId: 'nanning-amr', coUnitIds: ['nanning-tax'] }),
    ).toEqual({
      ok: true,
      event: { type: 'dispatch', leadUnitId: 'nanning-amr', coUnitIds: ['nanning-tax'] },
    })
  })

  it('leaves out optional fields left blank', () => {
    expect(toStaffEvent('dispatch', { leadUnitId: 'nanning-amr', coUnitIds: [] })).toEqual({
      ok: true,
      event: { type: 'dispatch', leadUnitId: 'nanning-amr' },
    })
    expect(toStaffEvent('approve_extension', { until: '' })).toEqual({
      ok: true,
      event: { type: 'approve_extension' },
    })
  })

  it('asks for a reason when the owner said "dissatisfied" on the return visit', () => {
    const answers = { resolved: 'no', satisfaction: 'dissatisfied' }
    expect(toStaffEvent('record_rating', answers)).toEqual({
      ok: false,
      errors: { reason: 'required' },
    })
    expect(toStaffEvent('record_rating', { ...answers, reason: '没人联系我' })).toMatchObject({
      ok: true,
    })
  })

  it('marks a malformed extension date invalid and a missing reason required', () => {
    expect(toStaffEvent('request_extension', { until: '2026/12/01' })).toEqual({
      ok: false,
      errors: { until: 'invalid', reason: 'required' },
    })
  })

  it('sends events without fields as they are', () => {
    expect(toStaffEvent('accept', {})).toEqual({ ok: true, event: { type: 'accept' } })
  })
})

describe('knownEvents', () => {
  it('keeps the API’s order and drops events the console cannot send', () => {
    expect(knownEvents(['sign', 'rate', 'return', 'urge'])).toEqual(['sign', 'return'])
  })
})
