import type { Queryable } from '../../db/db'

/** Citizens and their sessions. Identity is sealed before it gets here. */

export async function findOrCreateCitizen(db: Queryable, wechatKey: string): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO citizens (wechat_key) VALUES ($1)
     ON CONFLICT (wechat_key) DO UPDATE SET wechat_key = excluded.wechat_key
     RETURNING id`,
    [wechatKey],
  )
  return row!.id
}

export async function insertSession(db: Queryable, tokenHash: string, citizenId: string, expiresAt: Date): Promise<void> {
  await db.query('INSERT INTO citizen_sessions (token_hash, citizen_id, expires_at) VALUES ($1, $2, $3)', [tokenHash, citizenId, expiresAt])
}

/** The citizen of a session that exists, has not expired and was not revoked. */
export async function findSessionCitizen(db: Queryable, tokenHash: string): Promise<string | undefined> {
  const [row] = await db.query<{ citizen_id: string }>(
    'SELECT citizen_id FROM citizen_sessions WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > now()',
    [tokenHash],
  )
  return row?.citizen_id
}

export async function revokeSession(db: Queryable, tokenHash: string): Promise<void> {
  await db.query('UPDATE citizen_sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash])
}

export interface SealedIdentity {
  sealed: string
  verifiedAt: Date
}

export async function findSealedIdentity(db: Queryable, citizenId: string): Promise<SealedIdentity | undefined> {
  const [row] = await db.query<{ identity_sealed: string | null; verified_at: Date | null }>(
    'SELECT identity_sealed, verified_at FROM citizens WHERE id = $1',
    [citizenId],
  )
  return row?.identity_sealed && row.verified_at ? { sealed: row.identity_sealed, verifiedAt: row.verified_at } : undefined
}

/** Stores a verified identity once; false when the citizen was verified meanwhile (the first one stays). */
export async function setIdentity(db: Queryable, citizenId: string, sealed: string): Promise<boolean> {
  const rows = await db.query('UPDATE citizens SET identity_sealed = $2, verified_at = now() WHERE id = $1 AND identity_sealed IS NULL RETURNING id', [citizenId, sealed])
  return rows.length === 1
}
