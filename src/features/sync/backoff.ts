/**
 * When to try a failed request again: exponential backoff with full jitter (AWS Architecture
 * Blog, "Exponential Backoff And Jitter"): a random delay between 0 and min(cap, base·2^n), so
 * phones that lost the network together do not all come back in the same second. A server's
 * Retry-After is a floor, never shortened by jitter. Pure: the random source is an argument.
 */
export const BACKOFF_BASE_MS = 1_000
export const BACKOFF_FACTOR = 2
export const BACKOFF_CAP_MS = 5 * 60_000
/** A Retry-After longer than this is taken as this: a misconfigured server must not park the queue for days. */
export const RETRY_AFTER_CAP_MS = 60 * 60_000

/**
 * The delay in ms before attempt number `attempts + 1`, given `attempts` failures so far (≥ 1).
 * `random` returns a number in [0, 1); `retryAfterMs` is the server's Retry-After, if any.
 */
export function backoffDelay(
  attempts: number,
  random: () => number,
  retryAfterMs: number | null = null,
): number {
  const exponent = Math.max(0, attempts - 1)
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * BACKOFF_FACTOR ** exponent)
  const jittered = Math.floor(random() * ceiling)
  if (retryAfterMs === null) return jittered
  return Math.max(jittered, Math.min(retryAfterMs, RETRY_AFTER_CAP_MS))
}
