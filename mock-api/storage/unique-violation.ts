// Whether a database error is a unique or primary-key violation, on either dialect: how a
// concurrent duplicate (two tabs sending the same report) shows itself.
const SQLITE_CODES = new Set(['SQLITE_CONSTRAINT_PRIMARYKEY', 'SQLITE_CONSTRAINT_UNIQUE'])
const POSTGRES_UNIQUE_VIOLATION = '23505'

export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false
  const { code } = error
  return typeof code === 'string' && (SQLITE_CODES.has(code) || code === POSTGRES_UNIQUE_VIOLATION)
}
