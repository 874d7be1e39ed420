import { createHash } from 'node:crypto'

/**
 * The idempotency key an agency gets for a citizen's own key (a booking's or
 * a withdrawal's idempotencyKey): a retry with the same key is the same
 * request at the agency, and two citizens who happen to pick the same key
 * never share one. 32 base64url characters; the citizen's key never leaves.
 */
export function agencyKeyFor(citizenId: string, citizenKey: string): string {
  return createHash('sha256').update(`${citizenId}:${citizenKey}`).digest('base64url').slice(0, 32)
}
