/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters, the last a check
 * character over the first 17. The format is a hard rule; a wrong check character is only a
 * warning, because some genuine early codes fail it and the owner confirms their code instead.
 * Imports nothing, so the browser can load it for the draft form.
 */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

const MODULUS = CREDIT_CODE_ALPHABET.length
// 3^(i-1) mod 31 for positions i = 1..17
const WEIGHTS = Array.from({ length: 17 }, (_, i) => {
  let weight = 1
  for (let k = 0; k < i; k += 1) weight = (weight * 3) % MODULUS
  return weight
})
const FORMAT = /^[0-9A-HJ-NPQRTUWXY]{18}$/

export type CreditCodeCheck = {
  /** The input trimmed and upper-cased. */
  code: string
  format: 'ok' | 'bad_format'
  /** null when the format is bad, since the check character is then meaningless. */
  checksum: 'ok' | 'mismatch' | null
}

/** The input as the code is stored: trimmed and upper-cased. */
export const normalizeCreditCode = (input: string): string => input.trim().toUpperCase()

/** The check character for the first 17 characters of a code (already upper-case and valid). */
export function creditCodeCheckCharacter(first17: string): string {
  if (!/^[0-9A-HJ-NPQRTUWXY]{17}$/.test(first17)) {
    throw new RangeError('expected 17 characters of the credit-code alphabet')
  }
  const sum = [...first17].reduce(
    (total, char, i) => total + CREDIT_CODE_ALPHABET.indexOf(char) * (WEIGHTS[i] ?? 0),
    0,
  )
  return CREDIT_CODE_ALPHABET.charAt((MODULUS - (sum % MODULUS)) % MODULUS)
}

export function checkCreditCode(input: string): CreditCodeCheck {
  const code = normalizeCreditCode(input)
  if (!FORMAT.test(code)) return { code, format: 'bad_format', checksum: null }
  const matches = creditCodeCheckCharacter(code.slice(0, 17)) === code.charAt(17)
  return { code, format: 'ok', checksum: matches ? 'ok' : 'mismatch' }
}
