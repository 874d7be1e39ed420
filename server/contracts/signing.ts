import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Platform-to-agency request signing (02-services.md): HMAC-SHA256 with the
 * agency's secret over the method, the request target (path and query), a
 * timestamp, a single-use nonce and the body's SHA-256. Agencies verify it
 * with the same code, so both sides agree byte for byte.
 */
export const SIGNATURE_HEADERS = {
  timestamp: 'x-onecity-timestamp',
  nonce: 'x-onecity-nonce',
  signature: 'x-onecity-signature',
} as const

/**
 * The secret(s) a request is signed or verified with: one, or, while a
 * rotation's overlap window lasts, the new one first and the previous one
 * after it. Signing with several sends one signature per secret
 * (comma-separated, like Stripe's rolled webhook secrets), so a verifier that
 * knows either secret accepts the request; verifying with several accepts a
 * signature made with any of them.
 */
export type SigningKeys = string | readonly string[]

const keysOf = (keys: SigningKeys): readonly string[] => (typeof keys === 'string' ? [keys] : keys)

/** How far an agency's clock may differ from the platform's before a request counts as stale. */
export const MAX_SKEW_MS = 5 * 60_000

export interface SignableRequest {
  method: string
  /** Path with query string, exactly as sent: /v1/violations?plate=… */
  target: string
  body: string | Buffer
}

/** The exact text that is signed: one field per line. */
export function canonicalRequest(req: SignableRequest, timestamp: string, nonce: string): string {
  const bodyHash = createHash('sha256').update(req.body).digest('hex')
  return [req.method.toUpperCase(), req.target, timestamp, nonce, bodyHash].join('\n')
}

function hmac(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text).digest('base64url')
}

/** Headers that sign a request; `now` and `nonce` are injectable for tests. */
export function signRequest(
  req: SignableRequest,
  secret: SigningKeys,
  now = Date.now(),
  nonce = randomBytes(16).toString('base64url'),
): Record<string, string> {
  const timestamp = String(now)
  return {
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: keysOf(secret).map((key) => hmac(key, canonicalRequest(req, timestamp, nonce))).join(','),
  }
}

export type VerifyFailure = 'unsigned' | 'stale' | 'bad-signature' | 'replayed'
export type VerifyResult = { ok: true } | { ok: false; reason: VerifyFailure }

/** Remembers nonces for the skew window, so a captured request cannot be replayed. */
export interface ReplayGuard {
  /** True the first time a nonce is seen within the window, false after. */
  firstUse(nonce: string, timestamp: number): boolean
}

/** `now` is the verifier's clock (injectable, so an agency with a pinned test clock still prunes correctly). */
export function createReplayGuard(windowMs = MAX_SKEW_MS, now: () => number = Date.now): ReplayGuard {
  const seen = new Map<string, number>()
  return {
    firstUse(nonce, timestamp) {
      const t = now()
      // Forget nonces whose request would now be stale anyway.
      for (const [n, sentAt] of seen) if (t - sentAt > 2 * windowMs) seen.delete(n)
      if (seen.has(nonce)) return false
      seen.set(nonce, timestamp)
      return true
    },
  }
}

/**
 * Checks a received request: signed, fresh (within MAX_SKEW_MS), untampered,
 * and, given a guard, not a replay. Header names are lower-case, as Node gives them.
 */
export function verifyRequest(
  req: SignableRequest,
  headers: Record<string, string | string[] | undefined>,
  secret: SigningKeys,
  options: { now?: number; guard?: ReplayGuard } = {},
): VerifyResult {
  const one = (name: string) => {
    const v = headers[name]
    return typeof v === 'string' && v !== '' ? v : undefined
  }
  const timestamp = one(SIGNATURE_HEADERS.timestamp)
  const nonce = one(SIGNATURE_HEADERS.nonce)
  const signature = one(SIGNATURE_HEADERS.signature)
  if (!timestamp || !nonce || !signature) return { ok: false, reason: 'unsigned' }

  const now = options.now ?? Date.now()
  const sentAt = Number(timestamp)
  if (!/^\d{1,15}$/.test(timestamp) || Math.abs(now - sentAt) > MAX_SKEW_MS) return { ok: false, reason: 'stale' }

  const text = canonicalRequest(req, timestamp, nonce)
  const expected = keysOf(secret).map((key) => Buffer.from(hmac(key, text)))
  const given = signature.split(',').slice(0, 4).map((part) => Buffer.from(part.trim()))
  const matches = (g: Buffer) => expected.some((e) => g.length === e.length && timingSafeEqual(g, e))
  if (!given.some(matches)) return { ok: false, reason: 'bad-signature' }

  if (options.guard && !options.guard.firstUse(nonce, sentAt)) return { ok: false, reason: 'replayed' }
  return { ok: true }
}
