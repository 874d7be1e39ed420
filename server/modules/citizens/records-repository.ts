import type { Queryable } from '../../db/db'
import { servicePlaceSql } from '../../db/service-place-sql'
import type { RecordStatus, RecordT } from '../../../src/api/citizens'

/**
 * 办事记录: what a citizen did through any service, one row per payment or
 * booking (`ref`), its status following what happened. Never holds PII: `what`
 * names the kind of business, not the person or vehicle.
 */
export interface NewRecord {
  citizenId: string
  serviceId: string
  what: string
  status: RecordStatus
  amountFen?: number
  ref: string
}

/** Adds the record, or leaves an existing one for the same ref as it is (a retried request records once). */
export async function addRecord(db: Queryable, r: NewRecord): Promise<void> {
  await db.query(
    `INSERT INTO citizen_records (citizen_id, service_id, what, status, amount_fen, ref)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (citizen_id, ref) DO NOTHING`,
    [r.citizenId, r.serviceId, r.what, r.status, r.amountFen ?? null, r.ref],
  )
}

/** Moves every record of `ref` to a status (all citizens: a shared fine paid by one is paid for both records). */
export async function setRecordStatus(db: Queryable, ref: string, status: RecordStatus): Promise<void> {
  await db.query('UPDATE citizen_records SET status = $2, updated_at = now() WHERE ref = $1 AND status <> $2', [ref, status])
}

interface Row {
  id: string
  service_id: string
  service_name: string
  city_name: string
  detail: string | null
  what: string
  status: RecordStatus
  amount_fen: string | number | null
  ref: string
  created_at: Date
  updated_at: Date
}

export async function listRecords(db: Queryable, citizenId: string, limit = 100): Promise<RecordT[]> {
  const rows = await db.query<Row>(
    // A payment's record and its refund's (ref = the refund id) show what the payment paid for: a fine's plate, masked.
    `SELECT r.id, r.service_id, s.name AS service_name, ${servicePlaceSql('s')} AS city_name, p.detail,
       r.what, r.status, r.amount_fen, r.ref, r.created_at, r.updated_at
     FROM citizen_records r JOIN services s ON s.id = r.service_id
     LEFT JOIN payments p ON p.citizen_id = r.citizen_id AND r.ref IN (p.order_id, p.refund_id)
     WHERE r.citizen_id = $1 ORDER BY r.created_at DESC, r.id LIMIT $2`,
    [citizenId, limit],
  )
  return rows.map((r) => ({
    id: r.id,
    serviceId: r.service_id,
    serviceName: r.service_name,
    cityName: r.city_name,
    what: r.what,
    ...(r.detail ? { plate: r.detail } : {}),
    status: r.status,
    ...(r.amount_fen === null ? {} : { amountFen: Number(r.amount_fen) }),
    ref: r.ref,
    createdAt: new Date(r.created_at).toISOString(),
    updatedAt: new Date(r.updated_at).toISOString(),
  }))
}

/** One 办事记录 item of a citizen as 好差评 needs it: its status and the service (and agency) it was done with. */
export interface RecordCase {
  id: string
  serviceId: string
  agencyId: string
  what: string
  status: RecordStatus
  coverageLevel: 'city' | 'province' | 'national'
  coverageCode: string | null
}

/** The citizen's record `recordId`, or undefined when it is not theirs (or does not exist). */
export async function findRecordCase(db: Queryable, citizenId: string, recordId: string): Promise<RecordCase | undefined> {
  const [row] = await db.query<RecordCase>(
    `SELECT r.id, r.service_id AS "serviceId", s.agency_id AS "agencyId", r.what, r.status,
       s.coverage_level AS "coverageLevel", s.coverage_code AS "coverageCode"
     FROM citizen_records r JOIN services s ON s.id = r.service_id
     WHERE r.citizen_id = $1 AND r.id = $2`,
    [citizenId, recordId],
  )
  return row
}
