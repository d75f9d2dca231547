/**
 * Whether a push subscription's endpoint is one the server may send to. The server POSTs to the
 * endpoint, so an owner-given URL must name a known push service (or a configured test service):
 * anything else would let a client make the server request arbitrary URLs. An allowed origin is
 * `scheme://host[:port]`; a host starting with `*.` allows its subdomains (Windows push uses many).
 */
export function isAllowedPushEndpoint(endpoint: string, origins: readonly string[]): boolean {
  const url = URL.canParse(endpoint) ? new URL(endpoint) : null
  if (url === null || url.username !== '' || url.password !== '') return false
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false
  return origins.some((origin) => matchesOrigin(url, origin))
}

function matchesOrigin(url: URL, allowed: string): boolean {
  const wildcard = /^(https?:)\/\/\*\.(.+)$/i.exec(allowed)
  if (!wildcard) return URL.canParse(allowed) && new URL(allowed).origin === url.origin
  const [, protocol, rest] = wildcard as unknown as [string, string, string]
  const base = new URL(`${protocol}//${rest}`)
  return (
    url.protocol === base.protocol &&
    url.port === base.port &&
    url.hostname.endsWith(`.${base.hostname}`)
  )
}
