// Draws a service point's short code (shared/short-code.ts) from a cryptographic source, so the
// codes in use say nothing about the next one.
import { randomInt } from 'node:crypto'
import { SHORT_CODE_ALPHABET, SHORT_CODE_LENGTH } from '../shared/short-code.js'

export function newShortCode(): string {
  let code = ''
  for (let i = 0; i < SHORT_CODE_LENGTH; i++) {
    code += SHORT_CODE_ALPHABET[randomInt(SHORT_CODE_ALPHABET.length)]
  }
  return code
}
