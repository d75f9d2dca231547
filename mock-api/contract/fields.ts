// Free-text field builders the audience modules share (not re-exported by contract.ts).
import { z } from 'zod'
import { hasVisibleCharacter, isPlainText } from '../shared/plain-text.js'

/** Free text: no control characters but line breaks and tabs, no lone surrogates. */
export const plainText = () => z.string().refine(isPlainText, { message: 'invalid_characters' })

/** A required free-text field: something visible, not only zero-width characters or fillers. */
export const visibleText = (schema: z.ZodString) =>
  schema
    .refine(isPlainText, { message: 'invalid_characters', abort: true })
    .refine(hasVisibleCharacter, { message: 'no_visible_text' })

export const text = (max: number) =>
  visibleText(z.string().trim().min(1, { message: 'required', abort: true }).max(max))

export const note = visibleText(z.string().trim().min(1, { abort: true }).max(2000))
export const unitId = z.string().min(1).max(64)
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'invalid_date' })
