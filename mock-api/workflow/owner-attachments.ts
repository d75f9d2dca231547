/**
 * Which attachments the owner sees. Their own, always; a handling unit's only once the desk has
 * approved a reply made after it, since the owner reads a unit's reply only after that review
 * (DOMAIN.md: reply_review). A file a unit adds while re-handling stays hidden until the next
 * approval. Staff in scope see every attachment.
 */
import type { AttachmentRow } from '../storage/attachments.js'
import type { HistoryRow } from '../storage/tickets.js'

/** When the desk last approved a unit's reply, from the ticket's history; null if never. */
export function replyApprovedAt(
  history: readonly Pick<HistoryRow, 'type' | 'at'>[],
): string | null {
  let latest: string | null = null
  for (const entry of history) {
    if (entry.type === 'approve_reply' && (latest === null || entry.at > latest)) latest = entry.at
  }
  return latest
}

export function isOwnerVisible(
  row: Pick<AttachmentRow, 'uploaded_by' | 'created_at'>,
  approvedAt: string | null,
): boolean {
  return row.uploaded_by === 'owner' || (approvedAt !== null && row.created_at <= approvedAt)
}
