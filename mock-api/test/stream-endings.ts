// Helpers for the tests of streams that end with their credential: waiting for the server to end
// a stream, and giving an owner a second device (as a device link would) straight in the store.
import { randomUUID } from 'node:crypto'
import type { EventWorld } from './event-fixtures.js'
import type { SseClient } from './sse-client.js'

const STAYS_OPEN_MS = 3_000

/** Resolves when the server ends the stream; rejects when it is still open after a while. */
export async function ended(stream: SseClient): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const stayedOpen = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the stream stayed open; blocks: ${JSON.stringify(stream.blocks)}`)),
      STAYS_OPEN_MS,
    )
  })
  try {
    await Promise.race([stream.ended, stayedOpen])
  } finally {
    clearTimeout(timer)
    stream.close()
  }
}

export async function addSpareDevice(world: EventWorld, ownerId: string): Promise<void> {
  const at = world.clock.now().toISOString()
  await world.store.db
    .insertInto('devices')
    .values({
      id: randomUUID(),
      owner_id: ownerId,
      credential_hash: randomUUID(),
      created_at: at,
      last_seen_at: at,
      revoked_at: null,
    })
    .execute()
}

export async function revokeDevice(world: EventWorld, deviceId: string): Promise<void> {
  await world.store.db
    .updateTable('devices')
    .set({ revoked_at: world.clock.now().toISOString() })
    .where('id', '=', deviceId)
    .execute()
}
