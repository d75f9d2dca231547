/**
 * What a scanned window code (`/q/<token>`) names. A token this store did not sign, or one naming
 * a point it does not hold, is unknown; a token of a retired point, or of codes since re-issued, is
 * retired; else it is the point. The HTTP edge words each answer.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../storage/database.js'
import type { TokenLookup } from '../storage/service-points.js'
import { resolveServicePointToken } from '../storage/service-points.js'

export type WindowCodeLookup = TokenLookup

export function lookUpWindowCode(
  db: Kysely<Database>,
  codeSecret: string,
  token: string,
): Promise<WindowCodeLookup> {
  return resolveServicePointToken(db, codeSecret, token)
}
