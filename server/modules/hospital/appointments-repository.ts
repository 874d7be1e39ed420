import type { AppointmentT } from '../../contracts/hospital'
import type { Queryable } from '../../db/db'
import type { CANCEL_REASONS } from '../../../src/api/hospital'

/** The hospital's appointment (its patient masked) and the visit card it was booked with. */
export type AppointmentDetails = AppointmentT & { visitCardNo: string }
export type CancelReason = (typeof CANCEL_REASONS)[number]

export interface AppointmentRow {
  id: string
  citizen_id: string
  service_id: string
  patient_id: string | null
  appointment_no: string
  details: AppointmentDetails
  status: 'booked' | 'cancelled'
  cancel_reason: CancelReason | null
  order_id: string | null
  created_at: Date
  cancelled_at: Date | null
}

const COLUMNS = 'id, citizen_id, service_id, patient_id, appointment_no, details, status, cancel_reason, order_id, created_at, cancelled_at'

/**
 * Remembers a booking the hospital made. The same idempotency key (a double
 * tap, a retry) finds the row the first request inserted.
 */
export async function insertAppointment(
  db: Queryable,
  a: { citizenId: string; serviceId: string; patientId: string; idemKey: string; details: AppointmentDetails },
): Promise<{ row: AppointmentRow; created: boolean }> {
  const [row] = await db.query<AppointmentRow>(
    `INSERT INTO appointments (citizen_id, service_id, patient_id, idem_key, appointment_no, details)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (citizen_id, idem_key) DO NOTHING RETURNING ${COLUMNS}`,
    [a.citizenId, a.serviceId, a.patientId, a.idemKey, a.details.id, JSON.stringify(a.details)],
  )
  if (row) return { row, created: true }
  return { row: (await findByKey(db, a.citizenId, a.idemKey))!, created: false }
}

export async function findByKey(db: Queryable, citizenId: string, idemKey: string): Promise<AppointmentRow | undefined> {
  const [row] = await db.query<AppointmentRow>(`SELECT ${COLUMNS} FROM appointments WHERE citizen_id = $1 AND idem_key = $2`, [citizenId, idemKey])
  return row
}

export async function findAppointmentById(db: Queryable, id: string): Promise<AppointmentRow | undefined> {
  const [row] = await db.query<AppointmentRow>(`SELECT ${COLUMNS} FROM appointments WHERE id = $1`, [id])
  return row
}

export async function findAppointment(db: Queryable, citizenId: string, id: string): Promise<AppointmentRow | undefined> {
  const [row] = await db.query<AppointmentRow>(`SELECT ${COLUMNS} FROM appointments WHERE citizen_id = $1 AND id = $2`, [citizenId, id])
  return row
}

export function listAppointments(db: Queryable, citizenId: string, limit = 100): Promise<AppointmentRow[]> {
  return db.query<AppointmentRow>(`SELECT ${COLUMNS} FROM appointments WHERE citizen_id = $1 ORDER BY created_at DESC, id LIMIT $2`, [citizenId, limit])
}

export async function setOrder(db: Queryable, id: string, orderId: string): Promise<AppointmentRow> {
  const [row] = await db.query<AppointmentRow>(`UPDATE appointments SET order_id = COALESCE(order_id, $2) WHERE id = $1 RETURNING ${COLUMNS}`, [id, orderId])
  return row!
}

/** booked → cancelled with the hospital's cancelled appointment, once: undefined if it was already cancelled. */
export async function markCancelled(db: Queryable, id: string, reason: CancelReason, details: AppointmentDetails): Promise<AppointmentRow | undefined> {
  const [row] = await db.query<AppointmentRow>(
    `UPDATE appointments SET status = 'cancelled', cancel_reason = $2, details = $3, cancelled_at = now() WHERE id = $1 AND status = 'booked' RETURNING ${COLUMNS}`,
    [id, reason, JSON.stringify(details)],
  )
  return row
}

/**
 * Bookings the platform still owes something: booked but unpaid with the
 * payment past its expiry or closed (the number goes back to the hospital),
 * or cancelled with the fee paid and not yet refunded (a refund that failed,
 * or a payment that arrived after the cancel).
 */
export function needingSettlement(db: Queryable, limit = 100): Promise<AppointmentRow[]> {
  return db.query<AppointmentRow>(
    `SELECT ${COLUMNS.split(', ').map((c) => `a.${c}`).join(', ')} FROM appointments a JOIN payments p ON p.order_id = a.order_id
     WHERE (a.status = 'booked' AND ((p.status = 'created' AND p.expires_at < now()) OR p.status = 'closed'))
        OR (a.status = 'cancelled' AND p.status IN ('paid', 'done'))
     ORDER BY a.created_at LIMIT $1`,
    [limit],
  )
}

/**
 * Fee-bearing bookings left without their payment (a crash between booking
 * at the hospital and opening the fee's payment), booked more than `graceMs`
 * ago so a request still opening it is left to do so; oldest first.
 */
export function bookedWithoutPayment(db: Queryable, graceMs: number, limit = 100): Promise<AppointmentRow[]> {
  return db.query<AppointmentRow>(
    `SELECT ${COLUMNS} FROM appointments
     WHERE status = 'booked' AND order_id IS NULL AND (details->>'feeFen')::int > 0 AND created_at < now() - make_interval(secs => $1)
     ORDER BY created_at LIMIT $2`,
    [graceMs / 1000, limit],
  )
}
