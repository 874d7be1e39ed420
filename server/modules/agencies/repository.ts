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

export type NewAgency = Agency

const COLUMNS = 'id, name, region, domains'

export async function insertAgency(db: Queryable, a: NewAgency): Promise<void> {
  await db.query('INSERT INTO agencies (id, name, region, domains) VALUES ($1, $2, $3, $4)', [a.id, a.name, a.region, a.domains])
}

export async function findAgency(db: Queryable, id: string): Promise<Agency | undefined> {
  const [row] = await db.query<Agency>(`SELECT ${COLUMNS} FROM agencies WHERE id = $1`, [id])
  return row
}

export function listAgencies(db: Queryable): Promise<Agency[]> {
  return db.query<Agency>(`SELECT ${COLUMNS} FROM agencies ORDER BY id`)
}
