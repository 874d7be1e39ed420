import type { Queryable } from '../../db/db'

/** Stores a new session and drops the ones that ended (idle or past their end) on the way. */
export async function insertConsoleSession(
  db: Queryable,
  s: { idHash: string; tokenId: string; tokenSealed: string; expiresAt: Date; idleMinutes: number },
): Promise<void> {
  await db.query(`DELETE FROM console_sessions WHERE expires_at <= now() OR last_seen_at <= now() - make_interval(mins => $1)`, [s.idleMinutes])
  await db.query(`INSERT INTO console_sessions (id_hash, token_id, token_sealed, expires_at) VALUES ($1, $2, $3, $4)`, [s.idHash, s.tokenId, s.tokenSealed, s.expiresAt])
}

/** The sealed token of a live session, which counts as used now; undefined when it ended or never was. */
export async function touchConsoleSession(db: Queryable, idHash: string, idleMinutes: number): Promise<string | undefined> {
  const [row] = await db.query<{ tokenSealed: string }>(
    `UPDATE console_sessions SET last_seen_at = now()
     WHERE id_hash = $1 AND expires_at > now() AND last_seen_at > now() - make_interval(mins => $2)
     RETURNING token_sealed AS "tokenSealed"`,
    [idHash, idleMinutes],
  )
  return row?.tokenSealed
}

export async function deleteConsoleSession(db: Queryable, idHash: string): Promise<void> {
  await db.query(`DELETE FROM console_sessions WHERE id_hash = $1`, [idHash])
}
