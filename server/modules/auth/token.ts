import { createHash, randomBytes } from 'node:crypto'

export type Role = 'agency' | 'operator' | 'analyst'
export const ROLES: readonly Role[] = ['agency', 'operator', 'analyst']

/**
 * How long a token lives when its creator does not say (issue 16: tokens
 * expire). Agencies' tokens sit in systems outside the platform, so they turn
 * over sooner. ONECITY_AGENCY_TOKEN_TTL_D / ONECITY_STAFF_TOKEN_TTL_D change them.
 */
export const DEFAULT_TOKEN_TTL_DAYS: Readonly<Record<Role, number>> = { agency: 90, operator: 365, analyst: 365 }

/** Who is calling: a role, and for agencies which one. */
export interface Principal {
  tokenId: string
  role: Role
  agencyId: string | null
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789'

/**
 * A new token `oc_<id>_<secret>`: the id (10 chars) is public and names the
 * token in lists; the secret (32 random bytes) is what makes it a credential.
 */
export function generateToken(): { id: string; token: string } {
  const id = Array.from(randomBytes(10), (b) => ALPHABET[b % ALPHABET.length]).join('')
  return { id, token: `oc_${id}_${randomBytes(32).toString('base64url')}` }
}

/** What is stored: tokens carry 256 random bits, so a plain SHA-256 is enough (no slow hash needed). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

/** The token from an `Authorization: Bearer …` header, if the header has that shape. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(oc_[a-z0-9]{10}_[A-Za-z0-9_-]{43})\s*$/.exec(header ?? '')
  return match?.[1]
}
