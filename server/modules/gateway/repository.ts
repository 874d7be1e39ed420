import type { Queryable } from '../../db/db'
import { previousSigningSecretSql } from '../../db/signing-secrets-sql'
import type { GatewayErrorKind } from './gateway-error-kind'

/** Counts one failed call for a citizen in the current hour (an additive upsert). */
export async function countGatewayError(db: Queryable, serviceId: string, kind: GatewayErrorKind): Promise<void> {
  await db.query(
    `INSERT INTO gateway_errors AS t (service_id, hour, kind, n) VALUES ($1, date_trunc('hour', now()), $2, 1)
     ON CONFLICT (service_id, hour, kind) DO UPDATE SET n = t.n + excluded.n`,
    [serviceId, kind],
  )
}

/** A listed service with where its agency answers and its sealed signing secret (and the previous one while it still verifies). */
export interface ListedAgencyRow {
  id: string
  name: string
  agency_id: string
  endpoint: string | null
  signing_secret: string | null
  previous_signing_secret: string | null
}

const SELECT_LISTED = `SELECT s.id, s.name, s.agency_id, s.endpoint, a.signing_secret, ${previousSigningSecretSql('a')} AS previous_signing_secret
  FROM services s JOIN agencies a ON a.id = s.agency_id
  WHERE s.status = 'listed'`

/** The listed service `serviceId` of this contract, if there is one. */
export async function findListedAgency(db: Queryable, serviceId: string, contract: string): Promise<ListedAgencyRow | undefined> {
  const [row] = await db.query<ListedAgencyRow>(`${SELECT_LISTED} AND s.id = $1 AND s.contract = $2`, [serviceId, contract])
  return row
}

/** The service an operator designated as the platform's own agency for this contract, while it is listed. */
export async function findPlatformAgency(db: Queryable, contract: string): Promise<ListedAgencyRow | undefined> {
  const [row] = await db.query<ListedAgencyRow>(
    `${SELECT_LISTED} AND s.contract = $1 AND s.id = (SELECT service_id FROM platform_agencies WHERE contract = $1)`,
    [contract],
  )
  return row
}
