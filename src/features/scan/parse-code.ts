/**
 * What a scanned text means. A window code is a link `https://<host>/q/<token>` (any host: the
 * code may have been printed by a test server, a staging server or production); a bare path
 * `/q/<token>` is accepted too. The token is opaque and signed by the server, so only its shape is
 * checked here (base64url, no padding); whether it is genuine is the server's answer.
 */
export type ParsedCode =
  | { kind: 'window'; token: string }
  /** An entity code (`/e/<token>`) or a receipt's claim link (`/claim?…`): opened as they are. */
  | { kind: 'link'; path: string }
  | { kind: 'not-ours' }

const TOKEN = /^[A-Za-z0-9_-]{16,400}$/
const WINDOW_PATH = /^\/q\/([^/?#]+)\/?$/
const ENTITY_PATH = /^\/e\/([^/?#]+)\/?$/

export function isWindowCodeToken(token: string): boolean {
  return TOKEN.test(token)
}

function pathOf(text: string): string | null {
  if (text.startsWith('/')) return text.split(/[?#]/)[0] ?? null
  try {
    const url = new URL(text)
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.pathname : null
  } catch {
    return null
  }
}

/** The in-app path of an entity code or a claim link, or null. */
function linkOf(text: string): string | null {
  const path = pathOf(text)
  if (path === null) return null
  const entity = ENTITY_PATH.exec(path)?.[1]
  if (entity !== undefined && isWindowCodeToken(entity)) return `/e/${entity}`
  if (path !== '/claim') return null
  const query = text.includes('?') ? text.slice(text.indexOf('?')).split('#')[0] : ''
  return `/claim${query ?? ''}`
}

export function parseCode(scanned: string): ParsedCode {
  const link = linkOf(scanned.trim())
  if (link !== null) return { kind: 'link', path: link }
  const path = pathOf(scanned.trim())
  const token = path === null ? undefined : WINDOW_PATH.exec(path)?.[1]
  return token !== undefined && isWindowCodeToken(token)
    ? { kind: 'window', token }
    : { kind: 'not-ours' }
}
