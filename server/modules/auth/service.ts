import type { Queryable } from '../../db/db'
import { HttpError } from '../../errors'
import { findPrincipalByHash, findToken, insertToken, listTokens, revokeToken, type TokenRow } from './repository'
import { type Principal, type Role, DEFAULT_TOKEN_TTL_DAYS, bearerToken, generateToken, hashToken } from './token'

/**
 * Issues a token for a role (agency tokens name their agency). The token is
 * returned once and only its hash is stored. It expires after `expiresInDays`
 * (default: the role's DEFAULT_TOKEN_TTL_DAYS; callers pass the configured lifetime).
 */
export async function createToken(
  db: Queryable,
  input: { role: Role; agencyId?: string | null; label?: string; expiresInDays?: number },
): Promise<TokenRow & { token: string }> {
  const agencyId = input.agencyId ?? null
  if (input.role === 'agency' && !agencyId) {
    throw new HttpError(422, 'AGENCY_REQUIRED', 'An agency token must name its agency / 机构令牌必须指定机构', [
      { path: 'agencyId', message: 'required for role agency' },
    ])
  }
  if (input.role !== 'agency' && agencyId) {
    throw new HttpError(422, 'AGENCY_NOT_ALLOWED', 'Only agency tokens name an agency / 只有机构令牌可以指定机构', [
      { path: 'agencyId', message: `not allowed for role ${input.role}` },
    ])
  }
  const { id, token } = generateToken()
  const ttlDays = input.expiresInDays ?? DEFAULT_TOKEN_TTL_DAYS[input.role]
  const row = await insertToken(db, { id, hash: hashToken(token), role: input.role, agencyId, label: input.label ?? '', ttlDays })
  if (!row) {
    throw new HttpError(404, 'AGENCY_NOT_FOUND', `No agency ${agencyId} / 找不到机构 ${agencyId}`, [
      { path: 'agencyId', message: `no agency has id ${agencyId}` },
    ])
  }
  return { ...row, token }
}

/**
 * The caller behind an Authorization header: its principal, 'expired' for a
 * genuine token past its expiry, or undefined (no header, malformed, unknown or revoked token).
 */
export async function identifyCaller(db: Queryable, authorization: string | undefined): Promise<Principal | 'expired' | undefined> {
  const token = bearerToken(authorization)
  const found = token ? await findPrincipalByHash(db, hashToken(token)) : undefined
  if (!found) return undefined
  const { expired, ...principal } = found
  return expired ? 'expired' : principal
}

/** The caller behind an Authorization header, or undefined (no header, malformed, unknown, revoked or expired token). */
export async function authenticate(db: Queryable, authorization: string | undefined): Promise<Principal | undefined> {
  const caller = await identifyCaller(db, authorization)
  return caller === 'expired' ? undefined : caller
}

/** Every token, without secrets (their hashes are never answered either). */
export function getTokens(db: Queryable): Promise<TokenRow[]> {
  return listTokens(db)
}

/** The label a token was issued with ('' when it has none or is gone). */
export async function tokenLabel(db: Queryable, tokenId: string): Promise<string> {
  return (await findToken(db, tokenId))?.label ?? ''
}

/** Revokes a live token; 404 TOKEN_NOT_FOUND when there is no live token with this id. */
export async function revokeLiveToken(db: Queryable, tokenId: string): Promise<void> {
  if (!(await revokeToken(db, tokenId))) {
    throw new HttpError(404, 'TOKEN_NOT_FOUND', `No live token ${tokenId} / 找不到有效令牌 ${tokenId}`)
  }
}
