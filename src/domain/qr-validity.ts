/**
 * When to fetch a fresh e-card QR code. The payload is valid until the
 * agency's `qrExpiresAt` (about a minute); the phone's clock may be off, so
 * the wait is bounded both ways: a payload that looks expired on arrival
 * (a clock running ahead) is kept for FALLBACK_MS rather than refetched in a
 * loop, and no wait exceeds MAX_MS (a clock running behind would otherwise
 * leave an expired code on screen).
 */
const GRACE_MS = 1_000
const MIN_MS = 1_000
const MAX_MS = 61_000
const FALLBACK_MS = 30_000

/** Milliseconds to wait, counted from receiving the code at `nowMs`, before asking for the next one. */
export function qrRefreshDelay(expiresAt: string, nowMs: number): number {
  const expires = Date.parse(expiresAt)
  if (Number.isNaN(expires)) return FALLBACK_MS
  const left = expires - nowMs
  if (left <= 0) return FALLBACK_MS
  return Math.min(MAX_MS, Math.max(MIN_MS, left + GRACE_MS))
}
