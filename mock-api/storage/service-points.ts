// Service points (windows and halls that receive reports) and the lookup of a window code's token.
import type { Kysely, Selectable } from 'kysely'
import type { Database } from './database.js'
import { newShortCode } from './service-point-short-codes.js'
import { verifyServicePointToken } from './service-point-tokens.js'
import type { ServicePointTable } from './tables-places.js'
import { isUniqueViolation } from './unique-violation.js'

type Db = Kysely<Database>

export type ServicePointRow = Selectable<ServicePointTable>

/** A new point; its short code is drawn here unless given (the seed and tests may name one). */
export type NewServicePoint = Omit<
  ServicePointRow,
  'token_version' | 'retired_at' | 'short_code'
> & {
  short_code?: string
}

/** Draws of a short code before giving up: with 31⁶ codes, a second draw is already rare. */
const SHORT_CODE_DRAWS = 5

/** What a window code's token names: a live point, nothing we signed, or a retired code. */
export type TokenLookup =
  | { kind: 'found'; point: ServicePointRow }
  | { kind: 'unknown' }
  | { kind: 'retired'; point: ServicePointRow }

export function findServicePoint(db: Db, id: string): Promise<ServicePointRow | undefined> {
  return db.selectFrom('service_points').selectAll().where('id', '=', id).executeTakeFirst()
}

/** Every point, or one desk's; live ones first, then by desk, division and name. */
export function listServicePoints(
  db: Db,
  filter: { deskDivisionCode?: string } = {},
): Promise<ServicePointRow[]> {
  let query = db.selectFrom('service_points').selectAll()
  if (filter.deskDivisionCode !== undefined) {
    query = query.where('desk_division_code', '=', filter.deskDivisionCode)
  }
  return query
    .orderBy((eb) => eb.case().when('retired_at', 'is', null).then(0).else(1).end())
    .orderBy('desk_division_code')
    .orderBy('division_code')
    .orderBy('name')
    .orderBy('id')
    .execute()
}

/** The point a short code names (already normalized: shared/short-code.ts), retired or not. */
export function findServicePointByShortCode(
  db: Db,
  shortCode: string,
): Promise<ServicePointRow | undefined> {
  return db
    .selectFrom('service_points')
    .selectAll()
    .where('short_code', '=', shortCode)
    .executeTakeFirst()
}

/** Inserts a point; a drawn short code that is taken already is drawn again. */
export async function insertServicePoint(db: Db, point: NewServicePoint): Promise<ServicePointRow> {
  for (let draw = 1; ; draw++) {
    const shortCode = point.short_code ?? newShortCode()
    try {
      return await db
        .insertInto('service_points')
        .values({ ...point, short_code: shortCode, retired_at: null })
        .returningAll()
        .executeTakeFirstOrThrow()
    } catch (error) {
      const codeTaken =
        point.short_code === undefined &&
        draw < SHORT_CODE_DRAWS &&
        isUniqueViolation(error) &&
        (await findServicePointByShortCode(db, shortCode)) !== undefined
      if (!codeTaken) throw error
    }
  }
}

/** Retires a live point (its codes stop working); a retired one keeps its first retirement time. */
export async function retireServicePoint(
  db: Db,
  id: string,
  at: Date,
): Promise<ServicePointRow | undefined> {
  await db
    .updateTable('service_points')
    .set({ retired_at: at.toISOString() })
    .where('id', '=', id)
    .where('retired_at', 'is', null)
    .execute()
  return findServicePoint(db, id)
}

/**
 * Resolves a window code's token. A token signed for an older token version (the point's codes were
 * re-issued) is retired like the point itself; one naming a newer version than stored, or a point
 * that does not exist, was not issued by this store and is unknown.
 */
export async function resolveServicePointToken(
  db: Db,
  codeSecret: string,
  token: string,
): Promise<TokenLookup> {
  const ref = verifyServicePointToken(codeSecret, token)
  if (!ref) return { kind: 'unknown' }
  const point = await findServicePoint(db, ref.id)
  if (!point || ref.version > point.token_version) return { kind: 'unknown' }
  if (point.retired_at !== null || ref.version < point.token_version) {
    return { kind: 'retired', point }
  }
  return { kind: 'found', point }
}
