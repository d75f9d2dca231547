/**
 * What counts as text in a free-text field. Refused: control characters other than line breaks
 * and tabs (NUL, terminal escapes, C1 controls would be served back to every screen, log and
 * export; PostgreSQL cannot even store NUL), lone UTF-16 surrogates (the stores would silently
 * replace them with U+FFFD, changing the text), and text with no visible character at all
 * (zero-width characters, fillers, blank Braille). Imports nothing: the contract and the
 * browser's form both use it.
 */

// C0 controls except tab (09), line feed (0A) and a carriage return that starts a CRLF; DEL and
// the C1 block.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|\r(?!\n)/
// With the u flag a surrogate range matches only unpaired halves: a pair is one code point.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u
// Anything but white space, format characters (zero-width space, joiners, BOM, bidi marks),
// controls, lone combining marks, and the fillers that render as blank.
const VISIBLE = /[^\p{White_Space}\p{Cf}\p{Cc}\p{Mn}\p{Me}\u115F\u1160\u3164\uFFA0\u2800]/u

/** No control characters but line breaks and tabs, and no lone surrogates. */
export const isPlainText = (value: string): boolean =>
  !CONTROL.test(value) && !LONE_SURROGATE.test(value)

/** At least one character that shows. */
export const hasVisibleCharacter = (value: string): boolean => VISIBLE.test(value)
