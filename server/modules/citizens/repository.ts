import type { Queryable } from '../../db/db'

/** Citizens and their sessions. Identity is sealed before it gets here. */

export async function findOrCreateCitizen(db: Queryable, wechatKey: string, openidSealed: string): Promise<string> {
  const [row] = await db.query<{ id: string }>(
    `INSERT INTO citizens (wechat_key, openid_sealed) VALUES ($1, $2)
     ON CONFLICT (wechat_key) DO UPDATE SET openid_sealed = excluded.openid_sealed
     RETURNING id`,
    [wechatKey, openidSealed],
  )
  return row!.id
}

/** The citizen's sealed openid (kept since WeChat Pay v3; absent for a citizen not logged in since). */
export async function findSealedOpenid(db: Queryable, citizenId: string): Promise<string | undefined> {
  const [row] = await db.query<{ openid_sealed: string | null }>('SELECT openid_sealed FROM citizens WHERE id = $1', [citizenId])
  return row?.openid_sealed ?? undefined
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

/**
 * Stores a verified identity once, with its lookup key; false when the
 * citizen was verified meanwhile (the first one stays). Throws a unique
 * violation when another citizen holds the identity (one account per identity).
 */
export async function setIdentity(db: Queryable, citizenId: string, sealed: string, identityKey: string): Promise<boolean> {
  const rows = await db.query(
    'UPDATE citizens SET identity_sealed = $2, identity_key = $3, verified_at = now() WHERE id = $1 AND identity_sealed IS NULL RETURNING id',
    [citizenId, sealed, identityKey],
  )
  return rows.length === 1
}

/** The citizen who holds the identity with this lookup key, if any. */
export async function findIdentityHolder(db: Queryable, identityKey: string): Promise<string | undefined> {
  const [row] = await db.query<{ id: string }>('SELECT id FROM citizens WHERE identity_key = $1', [identityKey])
  return row?.id
}

/** Takes the identity (and any face check) from a citizen, who is then no longer verified. */
export async function clearIdentity(db: Queryable, citizenId: string): Promise<void> {
  await db.query('UPDATE citizens SET identity_sealed = NULL, identity_key = NULL, verified_at = NULL, face_checked_at = NULL WHERE id = $1', [citizenId])
}

/** Gives a citizen without an identity this identity, face-checked now; false when the citizen is verified already. */
export async function takeIdentity(db: Queryable, citizenId: string, sealed: string, identityKey: string): Promise<boolean> {
  const rows = await db.query(
    `UPDATE citizens SET identity_sealed = $2, identity_key = $3, verified_at = now(), face_checked_at = now()
     WHERE id = $1 AND identity_sealed IS NULL RETURNING id`,
    [citizenId, sealed, identityKey],
  )
  return rows.length === 1
}

/** Records a passed face check for the citizen holding this identity; false when they hold another one (or none) now. */
export async function markFaceChecked(db: Queryable, citizenId: string, identityKey: string): Promise<boolean> {
  const rows = await db.query('UPDATE citizens SET face_checked_at = now() WHERE id = $1 AND identity_key = $2 RETURNING id', [citizenId, identityKey])
  return rows.length === 1
}

/** Whether the citizen passed a face check within the last `minutes`. */
export async function faceCheckedWithin(db: Queryable, citizenId: string, minutes: number): Promise<boolean> {
  const [row] = await db.query<{ recent: boolean }>(
    `SELECT face_checked_at > now() - make_interval(mins => $2::int) AS recent FROM citizens WHERE id = $1`,
    [citizenId, minutes],
  )
  return row?.recent === true
}

/** Verified citizens stored before identities had lookup keys (oldest first). */
export async function listUnkeyedIdentities(db: Queryable): Promise<{ id: string; sealed: string }[]> {
  return db.query<{ id: string; sealed: string }>(
    'SELECT id, identity_sealed AS sealed FROM citizens WHERE identity_sealed IS NOT NULL AND identity_key IS NULL ORDER BY verified_at, id',
  )
}

/** Sets a legacy identity's lookup key; false when another citizen holds that identity already. */
export async function setIdentityKey(db: Queryable, citizenId: string, identityKey: string): Promise<boolean> {
  const rows = await db.query(
    `UPDATE citizens SET identity_key = $2 WHERE id = $1 AND identity_key IS NULL
       AND NOT EXISTS (SELECT 1 FROM citizens WHERE identity_key = $2)
     RETURNING id`,
    [citizenId, identityKey],
  )
  return rows.length === 1
}

/** The keyed hash of the citizen's WeChat openid. */
export async function findWechatKey(db: Queryable, citizenId: string): Promise<string | undefined> {
  const [row] = await db.query<{ wechat_key: string }>('SELECT wechat_key FROM citizens WHERE id = $1', [citizenId])
  return row?.wechat_key
}
