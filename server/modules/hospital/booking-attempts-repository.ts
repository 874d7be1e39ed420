import type { Queryable } from '../../db/db'

/** A booking request as the platform sent it to the hospital (no PII: the patient is named by id). */
export interface BookingAttemptRow {
  citizen_id: string
  idem_key: string
  service_id: string
  slot_id: string
  patient_id: string
  created_at: Date
}

/** Written before the hospital is asked; a retry with the same key keeps the first one. */
export async function recordAttempt(db: Queryable, a: { citizenId: string; idemKey: string; serviceId: string; slotId: string; patientId: string }): Promise<void> {
  await db.query(
    `INSERT INTO booking_attempts (citizen_id, idem_key, service_id, slot_id, patient_id) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (citizen_id, idem_key) DO NOTHING`,
    [a.citizenId, a.idemKey, a.serviceId, a.slotId, a.patientId],
  )
}

/** The attempt is settled: its appointment is stored, or the hospital refused it. */
export async function clearAttempt(db: Queryable, citizenId: string, idemKey: string): Promise<void> {
  await db.query('DELETE FROM booking_attempts WHERE citizen_id = $1 AND idem_key = $2', [citizenId, idemKey])
}

/**
 * Attempts older than `graceMs` that never got their appointment row (a crash
 * between the hospital's answer and storing it), oldest first; those that did
 * are cleared on the way.
 */
export async function unfinishedAttempts(db: Queryable, graceMs: number, limit = 100): Promise<BookingAttemptRow[]> {
  await db.query(`DELETE FROM booking_attempts b USING appointments a WHERE a.citizen_id = b.citizen_id AND a.idem_key = b.idem_key`)
  return db.query<BookingAttemptRow>(
    `SELECT citizen_id, idem_key, service_id, slot_id, patient_id, created_at FROM booking_attempts
     WHERE created_at < now() - make_interval(secs => $1) ORDER BY created_at LIMIT $2`,
    [graceMs / 1000, limit],
  )
}
