import { describe, expect, it } from 'vitest'
import { contactNameOf, readReportForm, titleOf } from './report-form.js'

const ID = '0b6f1c1e-8a4e-4c57-9d0e-4a4b2f0b9c11'
const FORM = {
  service_code: 'help',
  description: '  用电报装一直没有排期  \n已经等了两个月。',
  first_name: 'Ming',
  last_name: 'Zhang',
  phone: '0771-5551234',
  'attribute[business_name]': '邕宁合作社',
  'attribute[credit_code]': '93450109MA5K00000X',
  'attribute[business_kind]': 'cooperative',
  'attribute[division_code]': '450109',
  'attribute[confidential]': 'true',
  'attribute[credit_code_confirmed]': 'true',
  lat: '22.8',
  long: '108.3',
  media_url: 'http://169.254.169.254/latest',
}

describe('readReportForm', () => {
  it('reads an Open311 form as our report, keeping nothing of location or media URLs', () => {
    expect(readReportForm(FORM, ID)).toEqual({
      ok: true,
      input: {
        id: ID,
        category: 'help',
        title: '用电报装一直没有排期',
        description: '用电报装一直没有排期  \n已经等了两个月。',
        business: {
          name: '邕宁合作社',
          creditCode: '93450109MA5K00000X',
          kind: 'cooperative',
          creditCodeConfirmed: true,
        },
        contact: { name: 'Ming Zhang', phone: '0771-5551234' },
        divisionCode: '450109',
        confidential: true,
      },
    })
  })

  it('names the Open311 field at fault, once per field', () => {
    const result = readReportForm({ ...FORM, service_code: '', description: ' ' }, ID)
    expect(result).toEqual({
      ok: false,
      refusals: [
        { field: 'service_code', code: 'required' },
        { field: 'description', code: 'required' },
      ],
    })
  })
})

describe('titleOf', () => {
  it('takes the first line, and cuts a long one to 60 characters with an ellipsis', () => {
    expect(titleOf('短标题\n正文')).toBe('短标题')
    const long = '很'.repeat(80)
    expect(titleOf(long)).toBe(`${'很'.repeat(59)}…`)
    // Never half of a surrogate pair: 𠮷 is two UTF-16 units.
    const title = titleOf('𠮷'.repeat(40))
    expect(title.length).toBeLessThanOrEqual(60)
    expect(title).toBe(`${'𠮷'.repeat(29)}…`)
  })
})

describe('contactNameOf', () => {
  it('writes a Chinese name family name first, others given name first', () => {
    expect(contactNameOf('小明', '张')).toBe('张小明')
    expect(contactNameOf('John', 'Smith')).toBe('John Smith')
    expect(contactNameOf(' 小明 ', undefined)).toBe('小明')
    expect(contactNameOf(undefined, undefined)).toBe('')
  })
})
