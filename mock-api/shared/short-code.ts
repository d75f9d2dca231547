/**
 * A service point's short code: what a person who cannot scan types from the window poster
 * (`<host>/w/<code>`). Six characters from an alphabet without the look-alikes 0/O, 1/I/L, so a
 * code read off paper is typed right; read case-insensitively, with spaces and dashes ignored.
 * 31⁶ ≈ 887 million codes for a few thousand points: guessing one takes about as many lookups as
 * the code-lookup rate limit allows an address in a year.
 */
export const SHORT_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const SHORT_CODE_LENGTH = 6

const SHAPE = new RegExp(`^[${SHORT_CODE_ALPHABET}]{${SHORT_CODE_LENGTH}}$`)

/** The code as stored (upper case, no separators), or null when the text cannot be one. */
export function normalizeShortCode(text: string): string | null {
  const code = text.replace(/[\s-]+/g, '').toUpperCase()
  return SHAPE.test(code) ? code : null
}
