import type { Queryable } from '../../db/db'
import type { SecretBox } from '../../crypto/secret-box'
import type { PatientRelation } from '../../../src/api/hospital'

export interface PatientRow {
  id: string
  /** { name, idNumber }, sealed */
  sealed: string
  relation: PatientRelation
  created_at: Date
}

export interface Person {
  name: string
  idNumber: string
}

const COLUMNS = 'id, sealed, relation, created_at'

/** The citizen's patients, themself first. */
export function listPatients(db: Queryable, citizenId: string): Promise<PatientRow[]> {
  return db.query<PatientRow>(`SELECT ${COLUMNS} FROM patients WHERE citizen_id = $1 ORDER BY relation <> 'self', created_at, id`, [citizenId])
}

export async function findPatient(db: Queryable, citizenId: string, patientId: string): Promise<PatientRow | undefined> {
  const [row] = await db.query<PatientRow>(`SELECT ${COLUMNS} FROM patients WHERE citizen_id = $1 AND id = $2`, [citizenId, patientId])
  return row
}

export function openPatient(box: SecretBox, row: PatientRow): Person {
  return JSON.parse(box.open(row.sealed)) as Person
}

/**
 * Adds a patient unless the citizen already has this person or already has
 * `max`: count and insert are one statement, so two adds at once cannot pass
 * the limit together. The verified citizen is added as `self` the same way
 * (at most one self: a partial unique index).
 */
export async function insertPatient(
  db: Queryable,
  p: { citizenId: string; sealed: string; idKey: string; relation: PatientRelation },
  max: number,
): Promise<{ row: PatientRow } | { refused: 'duplicate' | 'limit' }> {
  const rows = await db.query<PatientRow>(
    `INSERT INTO patients (citizen_id, sealed, id_key, relation)
     SELECT $1, $2, $3, $4 WHERE (SELECT count(*) FROM patients WHERE citizen_id = $1) < $5
     ON CONFLICT DO NOTHING
     RETURNING ${COLUMNS}`,
    [p.citizenId, p.sealed, p.idKey, p.relation, max],
  )
  if (rows[0]) return { row: rows[0] }
  const [dup] = await db.query('SELECT 1 FROM patients WHERE citizen_id = $1 AND (id_key = $2 OR ($3 = \'self\' AND relation = \'self\'))', [p.citizenId, p.idKey, p.relation])
  return { refused: dup ? 'duplicate' : 'limit' }
}

const UPCOMING_BOOKING = `SELECT 1 FROM appointments WHERE patient_id = $1 AND status = 'booked'
  AND (details->>'date') >= to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD')`

/**
 * Removes a family patient unless they have an upcoming booking (cancelling
 * it needs their ID number); past appointments keep their masked patient.
 * One statement, so a booking made meanwhile cannot lose its patient.
 */
export async function deletePatient(db: Queryable, citizenId: string, patientId: string): Promise<'deleted' | 'missing' | 'self' | 'booked'> {
  const rows = await db.query(
    `DELETE FROM patients WHERE citizen_id = $1 AND id = $2 AND relation <> 'self' AND NOT EXISTS (${UPCOMING_BOOKING.replace('$1', '$2')}) RETURNING id`,
    [citizenId, patientId],
  )
  if (rows.length === 1) return 'deleted'
  const row = await findPatient(db, citizenId, patientId)
  return !row ? 'missing' : row.relation === 'self' ? 'self' : 'booked'
}

/**
 * Removes the citizen's entries of one person (by the keyed hash of the ID
 * number), 本人 included: after that person's identity moved to another
 * account. Their appointments stay as records, no longer tied to a patient.
 */
export async function deletePatientsOf(db: Queryable, citizenId: string, idKey: string): Promise<void> {
  await db.query('DELETE FROM patients WHERE citizen_id = $1 AND id_key = $2', [citizenId, idKey])
}
