// The code-signing and cookie secrets. Production takes them from the environment only (config.ts
// refuses to start without them); demo and development generate them at the first start and keep
// them in the settings table, so printed codes and sessions survive a restart.
import { randomBytes } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database } from './database.js'

export type Secrets = { codeSecret: string; cookieSecret: string }

export type SecretSources = {
  codeSecret: string | null
  cookieSecret: string | null
  isProduction: boolean
}

const SETTING_KEYS = { codeSecret: 'secret.code', cookieSecret: 'secret.cookie' } as const

export async function loadSecrets(
  db: Kysely<Database>,
  sources: SecretSources,
  now: Date,
): Promise<Secrets> {
  return {
    codeSecret: await secret(db, 'codeSecret', sources, now),
    cookieSecret: await secret(db, 'cookieSecret', sources, now),
  }
}

async function secret(
  db: Kysely<Database>,
  name: keyof Secrets,
  sources: SecretSources,
  now: Date,
): Promise<string> {
  const fromEnv = sources[name]
  if (fromEnv !== null) return fromEnv
  if (sources.isProduction) throw new Error(`${name} must come from the environment in production`)
  const key = SETTING_KEYS[name]
  // Insert-if-absent then read back, so two processes starting at once agree on one secret.
  await db
    .insertInto('settings')
    .values({ key, value: randomBytes(32).toString('base64url'), updated_at: now.toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute()
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirstOrThrow()
  return row.value
}
