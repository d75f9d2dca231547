import { describe, expect, it } from 'vitest'
import { validateRating } from './validate-rating'

describe('validateRating', () => {
  it('needs both questions answered', () => {
    expect(validateRating({ resolved: 'yes', satisfaction: '', reason: '' })).toEqual({
      ok: false,
      problem: 'answer_both',
    })
  })

  it('needs a reason when dissatisfied, and whitespace is no reason', () => {
    expect(validateRating({ resolved: 'no', satisfaction: 'dissatisfied', reason: '  ' })).toEqual({
      ok: false,
      problem: 'reason_required',
    })
    expect(
      validateRating({ resolved: 'no', satisfaction: 'dissatisfied', reason: ' 没有人联系我 ' }),
    ).toEqual({
      ok: true,
      rating: { resolved: 'no', satisfaction: 'dissatisfied', reason: '没有人联系我' },
    })
  })

  it('takes a satisfied rating without a reason', () => {
    expect(validateRating({ resolved: 'yes', satisfaction: 'satisfied', reason: '' })).toEqual({
      ok: true,
      rating: { resolved: 'yes', satisfaction: 'satisfied' },
    })
  })
})
