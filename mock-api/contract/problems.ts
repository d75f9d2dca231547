// How every API error is sent (RFC 9457 problem details), and the health answer.
import { z } from 'zod'

/** RFC 9457 problem details, as every API error is sent. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  /** The message in Chinese and English, for the app to show as is. */
  message: z.object({ zh: z.string(), en: z.string() }).optional(),
  /** For validation errors: the fields at fault, as dotted paths. */
  errors: z.array(z.object({ field: z.string(), code: z.string() })).optional(),
  /** When a refused action becomes possible (ISO 8601, +08:00), e.g. an urge before the due. */
  availableAt: z.string().nullable().optional(),
  /** One-time code tries left. */
  attemptsLeft: z.number().int().optional(),
})
export type Problem = z.infer<typeof problemSchema>

export const healthSchema = z.object({ ok: z.literal(true) })
