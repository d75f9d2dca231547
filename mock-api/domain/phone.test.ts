import { describe, expect, it } from 'vitest'
import { maskPhone } from './phone.js'

describe('maskPhone', () => {
  it('shows a mobile as 138****1234', () => {
    expect(maskPhone('13800001234')).toBe('138****1234')
    expect(maskPhone(' 138 0000 1234 ')).toBe('138****1234')
  })

  it('keeps a landline area code (3 or 4 digits) and the last four digits', () => {
    expect(maskPhone('0771-5551234')).toBe('0771-****1234')
    expect(maskPhone('07715551234')).toBe('0771-****1234')
    expect(maskPhone('010-66001234')).toBe('010-****1234')
    expect(maskPhone('020-87651234')).toBe('020-****1234')
  })

  it('hides anything too short to mask safely', () => {
    expect(maskPhone('12345')).toBe('****')
    expect(maskPhone('')).toBe('****')
  })
})
