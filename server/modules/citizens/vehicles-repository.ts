import type { Queryable } from '../../db/db'

export interface VehicleRow {
  id: string
  plate_type: string
  /** { plate, engineTail }, sealed */
  sealed: string
  created_at: Date
}

const COLUMNS = 'id, plate_type, sealed, created_at'

export function listVehicles(db: Queryable, citizenId: string): Promise<VehicleRow[]> {
  return db.query<VehicleRow>(`SELECT ${COLUMNS} FROM vehicles WHERE citizen_id = $1 ORDER BY created_at, id`, [citizenId])
}

export async function countVehicles(db: Queryable, citizenId: string): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM vehicles WHERE citizen_id = $1', [citizenId])
  return row!.n
}

export async function findVehicle(db: Queryable, citizenId: string, vehicleId: string): Promise<VehicleRow | undefined> {
  const [row] = await db.query<VehicleRow>(`SELECT ${COLUMNS} FROM vehicles WHERE citizen_id = $1 AND id = $2`, [citizenId, vehicleId])
  return row
}

/**
 * Binds a vehicle unless the citizen already has it or already has `max`:
 * the count and the insert are one statement, so two binds at once cannot
 * pass the limit together. Answers what happened.
 */
export async function insertVehicle(
  db: Queryable,
  v: { citizenId: string; plateType: string; sealed: string; plateKey: string },
  max: number,
): Promise<{ row: VehicleRow } | { refused: 'duplicate' | 'limit' }> {
  const rows = await db.query<VehicleRow>(
    `INSERT INTO vehicles (citizen_id, plate_type, sealed, plate_key)
     SELECT $1, $2, $3, $4 WHERE (SELECT count(*) FROM vehicles WHERE citizen_id = $1) < $5
     ON CONFLICT (citizen_id, plate_key) DO NOTHING
     RETURNING ${COLUMNS}`,
    [v.citizenId, v.plateType, v.sealed, v.plateKey, max],
  )
  if (rows[0]) return { row: rows[0] }
  const [dup] = await db.query('SELECT 1 FROM vehicles WHERE citizen_id = $1 AND plate_key = $2', [v.citizenId, v.plateKey])
  return { refused: dup ? 'duplicate' : 'limit' }
}

export async function deleteVehicle(db: Queryable, citizenId: string, vehicleId: string): Promise<boolean> {
  const rows = await db.query('DELETE FROM vehicles WHERE citizen_id = $1 AND id = $2 RETURNING id', [citizenId, vehicleId])
  return rows.length === 1
}
