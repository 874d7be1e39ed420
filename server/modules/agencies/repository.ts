import type { Domain } from '../../../src/domain/catalog'
import type { Queryable } from '../../db/db'

/** A city code (6 digits), a province code (2 digits) or 'national'. */
export type Region = string

export interface Agency {
  id: string
  name: string
  region: Region
  domains: Domain[]
}

/** A new agency; `signingSecret` is sealed (see crypto/secret-box), never the secret in clear. */
export type NewAgency = Agency & { signingSecret?: string }

const COLUMNS = 'id, name, region, domains'

export async function insertAgency(db: Queryable, a: NewAgency): Promise<void> {
  await db.query('INSERT INTO agencies (id, name, region, domains, signing_secret) VALUES ($1, $2, $3, $4, $5)', [
    a.id, a.name, a.region, a.domains, a.signingSecret ?? null,
  ])
}

export async function findAgency(db: Queryable, id: string): Promise<Agency | undefined> {
  const [row] = await db.query<Agency>(`SELECT ${COLUMNS} FROM agencies WHERE id = $1`, [id])
  return row
}

export function listAgencies(db: Queryable): Promise<Agency[]> {
  return db.query<Agency>(`SELECT ${COLUMNS} FROM agencies ORDER BY id`)
}

/**
 * Makes `sealed` the agency's signing secret; the one it replaces keeps
 * verifying for `overlapHours` (0 = not at all). Undefined when there is no such agency.
 */
export async function replaceSigningSecret(
  db: Queryable,
  id: string,
  sealed: string,
  overlapHours: number,
): Promise<{ previousValidUntil: string | null } | undefined> {
  // The right-hand sides read the row as it was: the old current secret becomes the previous one.
  const [row] = await db.query<{ previousValidUntil: string | null }>(
    `UPDATE agencies SET
       previous_signing_secret = CASE WHEN $3 > 0 THEN signing_secret END,
       previous_signing_secret_until = CASE WHEN $3 > 0 AND signing_secret IS NOT NULL THEN now() + make_interval(hours => $3) END,
       signing_secret = $2,
       signing_secret_rotated_at = now()
     WHERE id = $1
     RETURNING to_char(previous_signing_secret_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "previousValidUntil"`,
    [id, sealed, overlapHours],
  )
  return row
}

/** The agency's sealed signing secret, if it has one. */
export async function findSealedSigningSecret(db: Queryable, id: string): Promise<string | undefined> {
  const [row] = await db.query<{ signing_secret: string | null }>('SELECT signing_secret FROM agencies WHERE id = $1', [id])
  return row?.signing_secret ?? undefined
}
