import type { City } from '../../../src/domain/city'
import type { Queryable } from '../../db/db'

const COLUMNS = `code, name, full_name AS "fullName", province_code AS "provinceCode", province_name AS "provinceName",
  pinyin, initials, kind, lat, lng`

export function listCities(db: Queryable): Promise<City[]> {
  return db.query<City>(`SELECT ${COLUMNS} FROM cities ORDER BY code`)
}

/** Inserts or refreshes reference cities in one statement (reference data follows the shipped file). */
export async function upsertCities(db: Queryable, cities: readonly City[]): Promise<void> {
  await db.query(
    `INSERT INTO cities (code, name, full_name, province_code, province_name, pinyin, initials, kind, lat, lng)
     SELECT code, name, "fullName", "provinceCode", "provinceName", pinyin, initials, kind, lat, lng
     FROM jsonb_to_recordset($1::jsonb) AS c(code text, name text, "fullName" text, "provinceCode" text,
       "provinceName" text, pinyin text, initials text, kind text, lat double precision, lng double precision)
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, full_name = excluded.full_name,
       province_code = excluded.province_code, province_name = excluded.province_name, pinyin = excluded.pinyin,
       initials = excluded.initials, kind = excluded.kind, lat = excluded.lat, lng = excluded.lng`,
    [JSON.stringify(cities)],
  )
}
