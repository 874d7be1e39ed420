import type { Queryable } from '../../db/db'
import type { GatewayErrorKind } from './gateway-error-kind'

/** Counts one failed call for a citizen in the current hour (an additive upsert). */
export async function countGatewayError(db: Queryable, serviceId: string, kind: GatewayErrorKind): Promise<void> {
  await db.query(
    `INSERT INTO gateway_errors AS t (service_id, hour, kind, n) VALUES ($1, date_trunc('hour', now()), $2, 1)
     ON CONFLICT (service_id, hour, kind) DO UPDATE SET n = t.n + excluded.n`,
    [serviceId, kind],
  )
}
