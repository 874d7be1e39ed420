import type { Queryable } from '../../db/db'

/** Face checks the platform started, failed identity checks and notices to citizens. */

export type FaceCheckPurpose = 'move' | 'step-up'
export type FaceCheckRowStatus = 'pending' | 'passed' | 'failed' | 'expired'

export interface FaceCheckRow {
  check_id: string
  citizen_id: string
  agency_id: string
  purpose: FaceCheckPurpose
  identity_key: string
  /** { name, idNumber } */
  sealed: string
  status: FaceCheckRowStatus
  /** The agency's page for the check (checked when it started); null for checks started before it was kept. */
  page_url: string | null
  expires_at: Date
  /** Computed by the database, so every server process agrees on the clock. */
  expired: boolean
}

export async function insertFaceCheck(
  db: Queryable,
  row: { checkId: string; citizenId: string; agencyId: string; purpose: FaceCheckPurpose; identityKey: string; sealed: string; expiresAt: Date; pageUrl: string },
): Promise<void> {
  await db.query(
    `INSERT INTO face_checks (check_id, citizen_id, agency_id, purpose, identity_key, sealed, expires_at, page_url) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [row.checkId, row.citizenId, row.agencyId, row.purpose, row.identityKey, row.sealed, row.expiresAt, row.pageUrl],
  )
}

/** The citizen's own face check; another citizen's is as good as missing. */
export async function findFaceCheck(db: Queryable, citizenId: string, checkId: string): Promise<FaceCheckRow | undefined> {
  const [row] = await db.query<FaceCheckRow>(
    `SELECT check_id, citizen_id, agency_id, purpose, identity_key, sealed, status, page_url, expires_at, expires_at < now() AS expired
     FROM face_checks WHERE citizen_id = $1 AND check_id = $2`,
    [citizenId, checkId],
  )
  return row
}

/** Settles a pending check once; false when it was settled meanwhile (a passed check is used once). */
export async function settleFaceCheck(db: Queryable, checkId: string, status: Exclude<FaceCheckRowStatus, 'pending'>): Promise<boolean> {
  const rows = await db.query(`UPDATE face_checks SET status = $2, settled_at = now() WHERE check_id = $1 AND status = 'pending' RETURNING check_id`, [checkId, status])
  return rows.length === 1
}

export async function insertIdentityFailure(db: Queryable, citizenId: string, identityKey: string): Promise<void> {
  await db.query('INSERT INTO identity_check_failures (citizen_id, identity_key) VALUES ($1, $2)', [citizenId, identityKey])
}

export interface FailureWindow {
  /** Failures in the window. */
  n: number
  /** Seconds until the oldest of them leaves the window. */
  retryAfterS: number
}

/** Failed identity checks within the last hour, by this account and, across accounts, for this ID number. */
export async function countIdentityFailures(db: Queryable, citizenId: string, identityKey: string): Promise<{ account: FailureWindow; identity: FailureWindow }> {
  const [row] = await db.query<{ by_account: number; account_oldest: number | null; by_identity: number; identity_oldest: number | null }>(
    `SELECT
       count(*) FILTER (WHERE citizen_id = $1)::int AS by_account,
       ceil(extract(epoch FROM min(at) FILTER (WHERE citizen_id = $1) + interval '1 hour' - now()))::int AS account_oldest,
       count(*) FILTER (WHERE identity_key = $2)::int AS by_identity,
       ceil(extract(epoch FROM min(at) FILTER (WHERE identity_key = $2) + interval '1 hour' - now()))::int AS identity_oldest
     FROM identity_check_failures
     WHERE (citizen_id = $1 OR identity_key = $2) AND at > now() - interval '1 hour'`,
    [citizenId, identityKey],
  )
  return {
    account: { n: row?.by_account ?? 0, retryAfterS: Math.max(1, row?.account_oldest ?? 1) },
    identity: { n: row?.by_identity ?? 0, retryAfterS: Math.max(1, row?.identity_oldest ?? 1) },
  }
}

export async function insertNotice(db: Queryable, citizenId: string, kind: string, text: string): Promise<void> {
  await db.query('INSERT INTO citizen_notices (citizen_id, kind, text) VALUES ($1, $2, $3)', [citizenId, kind, text])
}

export interface NoticeRow {
  id: string
  kind: string
  text: string
  created_at: Date
}

/** The citizen's notices, newest first. */
export async function listNotices(db: Queryable, citizenId: string): Promise<NoticeRow[]> {
  return db.query<NoticeRow>('SELECT id, kind, text, created_at FROM citizen_notices WHERE citizen_id = $1 ORDER BY created_at DESC, id LIMIT 50', [citizenId])
}
