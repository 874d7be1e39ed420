import type { Queryable } from '../../db/db'

/**
 * The 办事记录 items of confirmed visits on a China date (booked, the fee paid
 * or none due) that have no reminder yet. The case of a fee-bearing booking
 * is its payment's record; of a free one, the appointment's own.
 */
export async function visitsToRemind(db: Queryable, date: string): Promise<{ record_id: string }[]> {
  return db.query<{ record_id: string }>(
    `SELECT r.id AS record_id FROM appointments a
     JOIN citizen_records r ON r.citizen_id = a.citizen_id AND r.ref = COALESCE(a.order_id, a.id::text)
     WHERE a.status = 'booked' AND a.details->>'date' = $1 AND r.status IN ('paid', 'done')
       AND NOT EXISTS (SELECT 1 FROM citizen_messages m WHERE m.record_id = r.id AND m.state = 'reminder')`,
    [date],
  )
}
