// Entity codes (经营主体服务码): one business per code, issued by an admin or a window clerk. A
// code's token is its id signed under its own context; retiring the code retires every sticker.
import { randomUUID } from 'node:crypto'
import type { Kysely, Selectable } from 'kysely'
import type { BusinessKind } from '../contract.js'
import type { Database } from './database.js'
import { signToken, verifyToken } from './signed-tokens.js'
import type { EntityCodeTable } from './tables-places.js'

type Db = Kysely<Database>
export type EntityCodeRow = Selectable<EntityCodeTable>

const CONTEXT = 'guishang:entity-code:'

export const signEntityToken = (secret: string, id: string): string =>
  signToken(CONTEXT, secret, { id, version: 0 })

export type EntityLookup =
  | { kind: 'found'; code: EntityCodeRow }
  | { kind: 'unknown' }
  | { kind: 'retired'; code: EntityCodeRow }

export async function resolveEntityToken(
  db: Db,
  secret: string,
  token: string,
): Promise<EntityLookup> {
  const ref = verifyToken(CONTEXT, secret, token)
  if (!ref || ref.version !== 0) return { kind: 'unknown' }
  const code = await findEntityCode(db, ref.id)
  if (!code) return { kind: 'unknown' }
  return code.retired_at === null ? { kind: 'found', code } : { kind: 'retired', code }
}

export function findEntityCode(db: Db, id: string): Promise<EntityCodeRow | undefined> {
  return db.selectFrom('entity_codes').selectAll().where('id', '=', id).executeTakeFirst()
}

export type NewEntityCode = {
  creditCode: string
  name: string
  kind: BusinessKind
  issuedBy: string
}

export function insertEntityCode(db: Db, code: NewEntityCode, now: Date): Promise<EntityCodeRow> {
  return db
    .insertInto('entity_codes')
    .values({
      id: randomUUID(),
      credit_code: code.creditCode,
      name: code.name,
      kind: code.kind,
      issued_by: code.issuedBy,
      created_at: now.toISOString(),
      retired_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/** Newest first; `issuedBy` keeps a window clerk to the codes it issued. */
export function listEntityCodes(db: Db, filter: { issuedBy?: string } = {}) {
  let query = db.selectFrom('entity_codes').selectAll()
  if (filter.issuedBy !== undefined) query = query.where('issued_by', '=', filter.issuedBy)
  return query.orderBy('created_at', 'desc').orderBy('id').limit(500).execute()
}

export async function retireEntityCode(db: Db, id: string, at: Date): Promise<void> {
  await db
    .updateTable('entity_codes')
    .set({ retired_at: at.toISOString() })
    .where('id', '=', id)
    .where('retired_at', 'is', null)
    .execute()
}
