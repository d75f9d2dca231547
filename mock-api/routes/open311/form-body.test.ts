import { describe, expect, it } from 'vitest'
import { ProblemError } from '../../plugins/problems.js'
import { parseForm } from './form-body.js'

const parse = (text: string | Buffer) => parseForm(Buffer.isBuffer(text) ? text : Buffer.from(text))

const refusal = (body: string | Buffer) => {
  try {
    parse(body)
  } catch (error) {
    return error instanceof ProblemError ? { status: error.status, code: error.code } : error
  }
  return null
}

describe('parseForm', () => {
  it('decodes pluses, percent-escapes in UTF-8 and bracketed attribute names', () => {
    expect(
      parse(
        'description=%E5%8A%9E%E8%AF%81+%E5%A4%AA%E6%85%A2&attribute%5Bbusiness_kind%5D=individual&flag&&a=b=c',
      ),
    ).toEqual({
      description: '办证 太慢',
      'attribute[business_kind]': 'individual',
      flag: '',
      a: 'b=c',
    })
  })

  it('refuses broken encodings instead of storing replacement characters', () => {
    expect(refusal('description=%E5%8A')).toEqual({ status: 400, code: 'invalid_form' })
    expect(refusal('description=%ZZ')).toEqual({ status: 400, code: 'invalid_form' })
    expect(refusal(Buffer.from([0x61, 0x3d, 0xff]))).toEqual({ status: 400, code: 'invalid_form' })
  })

  it('refuses a field given twice rather than letting one copy win', () => {
    expect(refusal('phone=1&phone=2')).toEqual({ status: 400, code: 'duplicate_field' })
  })

  it('keeps names like __proto__ as plain fields', () => {
    const fields = parse('__proto__=x&constructor=y')
    expect(fields.__proto__).toBe('x')
    expect(Object.keys(fields)).toEqual(['__proto__', 'constructor'])
  })
})
