import { describe, expect, it } from 'vitest'
import { reportInputSchema } from '../../../mock-api/contract'
import { MISMATCHED_CREDIT_CODE, validDraft, VALID_CREDIT_CODE } from './test-drafts'
import { toReport } from './to-report'
import { toFieldErrorCode } from './field-paths'
import { validateDraft } from './validate-draft'

const errorsOf = (changes: Parameters<typeof validDraft>[0]) => {
  const result = validateDraft(validDraft(changes))
  return result.ok ? {} : result.errors
}

describe('toReport', () => {
  it('builds the body the API takes, with the draft id as the report id', () => {
    const draft = validDraft({ servicePointToken: 'dG9rZW4tZm9yLWEtd2luZG93', confidential: true })
    const body = toReport(draft)
    expect(body).toEqual({
      id: draft.id,
      category: 'complaint',
      title: '办证窗口排队太久',
      description: '上午九点到十二点只叫了五个号。',
      business: {
        name: '南宁市青秀区好味道餐饮店',
        creditCode: VALID_CREDIT_CODE,
        kind: 'individual',
      },
      contact: { name: '李明', phone: '13800138000' },
      divisionCode: '450103',
      servicePointToken: 'dG9rZW4tZm9yLWEtd2luZG93',
      confidential: true,
    })
    expect(reportInputSchema.safeParse(body).success).toBe(true)
    expect(toReport(validDraft())).not.toHaveProperty('servicePointToken')
  })

  it('sends creditCodeConfirmed only for a confirmed code that fails its check', () => {
    const confirmed = (creditCode: string) =>
      toReport(
        validDraft({
          business: { ...validDraft().business, creditCode, creditCodeConfirmed: true },
        }),
      ).business
    expect(confirmed(MISMATCHED_CREDIT_CODE)).toHaveProperty('creditCodeConfirmed', true)
    expect(confirmed(VALID_CREDIT_CODE)).not.toHaveProperty('creditCodeConfirmed')
  })
})

describe('validateDraft', () => {
  it('accepts a complete draft and gives the report as the API will read it', () => {
    const result = validateDraft(
      validDraft({
        title: '  标题  ',
        business: { ...validDraft().business, creditCode: VALID_CREDIT_CODE.toLowerCase() },
      }),
    )
    expect(result.ok && result.report.title).toBe('标题')
    expect(result.ok && result.report.business.creditCode).toBe(VALID_CREDIT_CODE)
  })

  it('names each missing field as required, including unmade choices', () => {
    expect(
      errorsOf({
        category: null,
        title: '   ',
        description: '',
        business: { name: '', creditCode: '', kind: null, creditCodeConfirmed: false },
        contact: { name: '', phone: '' },
        divisionCode: null,
      }),
    ).toEqual({
      category: 'required',
      title: 'required',
      description: 'required',
      'business.name': 'required',
      'business.creditCode': 'required',
      'business.kind': 'required',
      'contact.name': 'required',
      'contact.phone': 'required',
      divisionCode: 'required',
    })
  })

  it('says what is wrong with a filled field', () => {
    expect(
      errorsOf({
        title: '长'.repeat(61),
        contact: { name: '李明', phone: '12345' },
        divisionCode: '110101',
        business: { ...validDraft().business, creditCode: '91450103MA5KB1234I' },
      }),
    ).toEqual({
      title: 'too_long',
      'contact.phone': 'invalid_phone',
      divisionCode: 'invalid_division',
      'business.creditCode': 'invalid_credit_code',
    })
  })

  it('holds back a code whose check character fails until the owner confirms it', () => {
    const business = { ...validDraft().business, creditCode: MISMATCHED_CREDIT_CODE }
    expect(errorsOf({ business })).toEqual({ 'business.creditCode': 'credit_code_checksum' })
    const confirmed = validateDraft(
      validDraft({ business: { ...business, creditCodeConfirmed: true } }),
    )
    expect(confirmed.ok && confirmed.report.business.creditCodeConfirmed).toBe(true)
  })

  it('refuses control characters and invisible-only text as the API does', () => {
    expect(errorsOf({ title: '\u200b\u2060', description: '排队\u0000太久' })).toEqual({
      title: 'no_visible_text',
      description: 'invalid_characters',
    })
  })

  it('refuses a code no registration authority issues, even when confirmed', () => {
    for (const creditCodeConfirmed of [false, true]) {
      const business = {
        ...validDraft().business,
        creditCode: '000000000000000000',
        creditCodeConfirmed,
      }
      expect(errorsOf({ business })).toEqual({ 'business.creditCode': 'credit_code_authority' })
    }
  })

  it('accepts a city alone, a county, and the region', () => {
    for (const divisionCode of ['450100', '450103', '450000']) {
      expect(validateDraft(validDraft({ divisionCode })).ok).toBe(true)
    }
  })
})

describe('toFieldErrorCode', () => {
  it("maps the server's codes to ours, and anything unknown to a generic one", () => {
    expect(toFieldErrorCode('credit_code_checksum')).toBe('credit_code_checksum')
    expect(toFieldErrorCode('invalid_code')).toBe('invalid_code')
    expect(toFieldErrorCode('too_big')).toBe('too_long')
    expect(toFieldErrorCode('something_new')).toBe('invalid')
  })
})
