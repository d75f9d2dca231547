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

/**
 * The registration authority (1st character) and the kinds of body it registers (2nd), from
 * GB 32100-2015 (1 机构编制, 5 民政, 9 工商, Y 其他) and the authorities given codes since
 * (2 外交, 3 司法行政, 4 文化, 6 旅游, 7 宗教, 8 工会, A 军队编制, N 农业农村): a code whose first
 * two characters name no authority and kind was never issued, e.g. `000000000000000000`.
 */
export const REGISTRATION_AUTHORITIES: Readonly<Record<string, string>> = {
  '1': '1239', // 机关, 事业单位, 中央编办直接管理机构编制的群众团体, 其他
  '2': '19', // 外国常驻新闻机构, 其他
  '3': '1234569', // 律师执业机构, 公证处, 基层法律服务所, 司法鉴定机构, 仲裁委员会, …, 其他
  '4': '19', // 外国在华文化中心, 其他
  '5': '1239', // 社会团体, 民办非企业单位, 基金会, 其他
  '6': '129', // 外国/港澳台旅游部门常驻代表机构, 其他
  '7': '129', // 宗教活动场所, 宗教院校, 其他
  '8': '19', // 基层工会, 其他
  '9': '123', // 企业, 个体工商户, 农民专业合作社
  A: '19', // 军队事业单位, 其他
  N: '1239', // 组级, 村级, 乡镇级集体经济组织, 其他
  Y: '1', // 其他
}

/** Whether the first two characters name a registration authority and a kind it registers. */
export function hasKnownAuthority(code: string): boolean {
  const kinds = REGISTRATION_AUTHORITIES[code.charAt(0)]
  return kinds !== undefined && code.length > 1 && kinds.includes(code.charAt(1))
}

export type CreditCodeCheck = {
  /** The input trimmed and upper-cased. */
  code: string
  format: 'ok' | 'bad_format' | 'unknown_authority'
  /** null when the format or authority is bad, since the check character is then meaningless. */
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
  if (!hasKnownAuthority(code)) return { code, format: 'unknown_authority', checksum: null }
  const matches = creditCodeCheckCharacter(code.slice(0, 17)) === code.charAt(17)
  return { code, format: 'ok', checksum: matches ? 'ok' : 'mismatch' }
}
