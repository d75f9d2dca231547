/**
 * The topic a ticket is about, for the statistics' top topics: the responsibility-list duty whose
 * keywords its title and description mention most (a duty bound to a category only counts for
 * that category). Deliberately simple keyword counting; ties go to the earlier duty.
 */
import type { Category } from '../contract.js'

export type TopicDuty = { category: Category | null; topic: string; keywords: readonly string[] }

export function topicOf(
  ticket: { category: Category; title: string; description: string },
  duties: readonly TopicDuty[],
): string | null {
  const text = `${ticket.title}\n${ticket.description}`
  let best: { topic: string; hits: number } | null = null
  for (const duty of duties) {
    if (duty.category !== null && duty.category !== ticket.category) continue
    const hits = duty.keywords.filter((keyword) => keyword !== '' && text.includes(keyword)).length
    if (hits > 0 && (best === null || hits > best.hits)) best = { topic: duty.topic, hits }
  }
  return best?.topic ?? null
}
