/** The first retry waits about this long; each failure in a row doubles it. */
export const RETRY_BASE_MS = 2000
/** No retry waits longer than this. */
export const RETRY_CAP_MS = 10 * 60 * 1000

/**
 * How long to wait before the next try after `failures` failed tries in a
 * row (1 for the first): 2 s, 4 s, 8 s … capped at 10 min, with "equal
 * jitter" (between half and all of it, from `random` in [0, 1)) so phones
 * that lost the network together do not all come back in the same second.
 * A server's Retry-After (ms) is a floor.
 */
export function retryDelayMs(failures: number, random: number, retryAfterMs = 0): number {
  const nominal = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, Math.min(failures - 1, 30)))
  const jittered = Math.round(nominal / 2 + (nominal / 2) * Math.min(Math.max(random, 0), 1))
  return Math.max(jittered, Math.min(retryAfterMs, RETRY_CAP_MS * 6))
}
