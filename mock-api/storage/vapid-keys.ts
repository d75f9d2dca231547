// The VAPID key pair that signs Web Push requests (RFC 8292). Production takes it from the
// environment (config.ts requires it); demo and development generate a P-256 pair at the first
// start and keep it in the settings table, like the other secrets, so subscriptions made against
// its public key keep working after a restart.
import { createECDH } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { VapidConfig } from '../notification-config.js'
import type { Database } from './database.js'

const KEYS = { pair: 'secret.vapid' } as const
const DEMO_SUBJECT = 'mailto:demo@guishang.invalid'

function generatePair(): string {
  const ecdh = createECDH('prime256v1')
  ecdh.generateKeys()
  return JSON.stringify({
    publicKey: ecdh.getPublicKey().toString('base64url'),
    privateKey: ecdh.getPrivateKey().toString('base64url'),
  })
}

export async function loadVapidKeys(
  db: Kysely<Database>,
  fromEnv: VapidConfig | null,
  now: Date,
): Promise<VapidConfig> {
  if (fromEnv) return fromEnv
  // Insert-if-absent then read back, so two processes starting at once agree on one pair.
  await db
    .insertInto('settings')
    .values({ key: KEYS.pair, value: generatePair(), updated_at: now.toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', KEYS.pair)
    .executeTakeFirstOrThrow()
  const pair = JSON.parse(row.value) as { publicKey: string; privateKey: string }
  return { ...pair, subject: DEMO_SUBJECT }
}
