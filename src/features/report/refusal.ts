import type { DraftRefusal } from '@/lib/db'

/** The server's message in the owner's language (it sends Chinese and English). */
export function refusalMessage(refusal: DraftRefusal, language: string): string {
  return language.startsWith('zh') ? refusal.message.zh : refusal.message.en
}
