/**
 * What a scanned text means. A window code is a link `https://<host>/q/<token>` (any host: the
 * code may have been printed by a test server, a staging server or production); a bare path
 * `/q/<token>` is accepted too. The token is opaque and signed by the server, so only its shape is
 * checked here (base64url, no padding); whether it is genuine is the server's answer.
 */
export type ParsedCode = { kind: 'window'; token: string } | { kind: 'not-ours' }

const TOKEN = /^[A-Za-z0-9_-]{16,400}$/
const WINDOW_PATH = /^\/q\/([^/?#]+)\/?$/

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

export function parseCode(scanned: string): ParsedCode {
  const path = pathOf(scanned.trim())
  const token = path === null ? undefined : WINDOW_PATH.exec(path)?.[1]
  return token !== undefined && isWindowCodeToken(token)
    ? { kind: 'window', token }
    : { kind: 'not-ours' }
}
