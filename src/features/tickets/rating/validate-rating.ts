import { RESOLVED_ANSWERS, SATISFACTION_ANSWERS, type Rating } from '../../../../mock-api/contract'

export type RatingDraft = { resolved: string; satisfaction: string; reason: string }
export type RatingProblem = 'answer_both' | 'reason_required'

type Answer<T extends readonly string[]> = T[number]

const isOneOf = <T extends readonly string[]>(options: T, value: string): value is Answer<T> =>
  options.includes(value)

/** Both questions answered; a reason when dissatisfied (the API enforces the same). */
export function validateRating(
  draft: RatingDraft,
): { ok: true; rating: Rating } | { ok: false; problem: RatingProblem } {
  const { resolved, satisfaction } = draft
  if (!isOneOf(RESOLVED_ANSWERS, resolved) || !isOneOf(SATISFACTION_ANSWERS, satisfaction)) {
    return { ok: false, problem: 'answer_both' }
  }
  const reason = draft.reason.trim()
  if (satisfaction === 'dissatisfied' && reason === '')
    return { ok: false, problem: 'reason_required' }
  return { ok: true, rating: { resolved, satisfaction, ...(reason ? { reason } : {}) } }
}
