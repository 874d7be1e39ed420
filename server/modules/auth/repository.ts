import type { Queryable } from '../../db/db'
import type { Principal, Role } from './token'

export interface TokenRow {
  id: string
  role: Role
  agencyId: string | null
  label: string
  createdAt: string
  revokedAt: string | null
  expiresAt: string
}

const COLUMNS = `id, role, agency_id AS "agencyId", label, created_at::text AS "createdAt", revoked_at::text AS "revokedAt", expires_at::text AS "expiresAt"`

/** Inserts a token; undefined (nothing written) when its agency id names no agency. */
export async function insertToken(
  db: Queryable,
  t: { id: string; hash: string; role: Role; agencyId: string | null; label: string; ttlDays: number },
): Promise<TokenRow | undefined> {
  const [row] = await db.query<TokenRow>(
    `INSERT INTO api_tokens (id, token_hash, role, agency_id, label, expires_at)
     SELECT $1, $2, $3, $4, $5, now() + make_interval(days => $6) WHERE $4::text IS NULL OR EXISTS (SELECT 1 FROM agencies WHERE id = $4)
     RETURNING ${COLUMNS}`,
    [t.id, t.hash, t.role, t.agencyId, t.label, t.ttlDays],
  )
  return row
}

/** The principal of a token with this hash that is not revoked, and whether it has expired. */
export async function findPrincipalByHash(db: Queryable, hash: string): Promise<(Principal & { expired: boolean }) | undefined> {
  const [row] = await db.query<Principal & { expired: boolean }>(
    `SELECT id AS "tokenId", role, agency_id AS "agencyId", expires_at <= now() AS expired FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL`,
    [hash],
  )
  return row
}

/** One token by its public id (live or revoked), without its hash; undefined when there is none. */
export async function findToken(db: Queryable, id: string): Promise<TokenRow | undefined> {
  const [row] = await db.query<TokenRow>(`SELECT ${COLUMNS} FROM api_tokens WHERE id = $1`, [id])
  return row
}

export function listTokens(db: Queryable): Promise<TokenRow[]> {
  return db.query<TokenRow>(`SELECT ${COLUMNS} FROM api_tokens ORDER BY created_at, id`)
}

/** Revokes a token; false when there is no live token with that id. */
export async function revokeToken(db: Queryable, id: string): Promise<boolean> {
  const rows = await db.query(`UPDATE api_tokens SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id`, [id])
  return rows.length > 0
}
