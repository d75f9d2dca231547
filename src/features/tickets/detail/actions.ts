/**
 * The owner's actions on a ticket. Material and ratings go through the outbox, so they are kept
 * and sent once the phone is online (the outbox item id is the request's idempotency `id`).
 * Urging and withdrawing need the server's answer now (it may refuse, and says why), so they are
 * sent directly and fail offline.
 */
import { enqueue } from '@/features/sync/outbox'
import { newId } from '@/lib/ids'
import { ticketSchema, type RatingInput, type Ticket } from '../../../../mock-api/contract'
import { ownerPost } from '../common/owner-api'

const ticketPath = (ticketId: string, action: string) =>
  `/tickets/${encodeURIComponent(ticketId)}/${action}`

/** Whether an outbox item is one of this ticket's actions (for "waiting to be sent"). */
export const isActionOf = (ticketId: string, path: string) =>
  path.startsWith(`/tickets/${encodeURIComponent(ticketId)}/`)

export async function enqueueRating(ticketId: string, rating: Omit<RatingInput, 'id'>) {
  const id = newId()
  const value: RatingInput = { id, ...rating }
  return enqueue({
    id,
    method: 'POST',
    path: ticketPath(ticketId, 'rating'),
    body: { kind: 'json', value },
  })
}

export async function enqueueMaterial(ticketId: string, text: string, photos: readonly Blob[]) {
  const trimmed = text.trim()
  if (trimmed !== '') {
    const id = newId()
    await enqueue({
      id,
      method: 'POST',
      path: ticketPath(ticketId, 'materials'),
      body: { kind: 'json', value: { id, text: trimmed } },
    })
  }
  for (const photo of photos) {
    const id = newId()
    await enqueue({
      id,
      method: 'POST',
      path: ticketPath(ticketId, 'attachments'),
      body: { kind: 'multipart', fields: { id }, files: { file: photo } },
    })
  }
}

export async function urge(ticketId: string): Promise<Ticket> {
  return ticketSchema.parse(await ownerPost(ticketPath(ticketId, 'urge'), { id: newId() }))
}

export async function withdraw(ticketId: string): Promise<Ticket> {
  return ticketSchema.parse(await ownerPost(ticketPath(ticketId, 'withdraw'), { id: newId() }))
}
