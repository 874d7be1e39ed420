import { type Coverage, type ServiceItem, toCoverage } from '../../../src/domain/catalog'
import type { Queryable } from '../../db/db'
import { queryMany } from '../../db/query-many'
import { type ActivityDbRow, type ActivityRow, toActivityRow } from '../usage/activity-row'

/** The counters of the whole country, every province and every city, for the months from `from` to `to`. */
export async function readPlaceActivity(db: Queryable, from: string, to: string): Promise<ActivityRow[]> {
  const rows = await queryMany<ActivityDbRow>(
    db,
    `SELECT scope, month, actives, returning_actives, first_actives FROM usage_activity
     WHERE month BETWEEN $1 AND $2 AND (scope = 'all' OR scope LIKE 'prov:%' OR scope LIKE 'city:%')`,
    [from, to],
  )
  return rows.map(toActivityRow)
}

/** The first month anything was counted, if any. */
export async function readFirstMonth(db: Queryable): Promise<string | undefined> {
  const [row] = await db.query<{ first: string | null }>(`SELECT min(month) AS first FROM usage_activity WHERE scope = 'all'`)
  return row?.first ?? undefined
}

/** A city-level scope kind whose cells are summed over cities: type:<t>@<city>, domain:<d>@<city>, svc:<id>@<city>. */
export type CityScopeKind = 'type' | 'domain' | 'svc'

export interface KeyCityMonth {
  /** The type, domain or service id. */
  key: string
  city: string
  month: string
  actives: number
  returning: number
  /** Whether the returning count is as counted (0 or at least k); false when it was a small cell, zeroed. Absent: known when above 0. */
  returningKnown?: boolean
}

/**
 * The per-city cells of one scope kind, small cells already zeroed (1..k−1
 * becomes 0): every total built from these is a sum of publishable cells,
 * so subtracting published figures never reveals a withheld one. Whether a
 * returning 0 is a real 0 or a zeroed small cell is said (returningKnown),
 * so a rate can take its numerator and denominator from the same cells.
 */
export async function readCityScopeCells(db: Queryable, kind: CityScopeKind, from: string, to: string, k: number): Promise<KeyCityMonth[]> {
  const rows = await queryMany<{ key: string; city: string; month: string; actives: number; returning_actives: number; returning_known: boolean }>(
    db,
    `SELECT split_part(substr(scope, length($1) + 2), '@', 1) AS key, split_part(scope, '@', 2) AS city, month,
            CASE WHEN actives >= $4 THEN actives ELSE 0 END AS actives,
            CASE WHEN returning_actives >= $4 THEN returning_actives ELSE 0 END AS returning_actives,
            (returning_actives = 0 OR returning_actives >= $4) AS returning_known
     FROM usage_activity
     WHERE scope LIKE $1 || ':%@%' AND month BETWEEN $2 AND $3 AND actives >= $4`,
    [kind, from, to, k],
  )
  return rows.map((r) => ({ key: r.key, city: r.city, month: r.month, actives: Number(r.actives), returning: Number(r.returning_actives), returningKnown: r.returning_known }))
}

export interface ListedService {
  id: string
  domain: string
  type: string
  coverage: Coverage
  items: ServiceItem[]
  stars: number | null
}

/** Every listed citizen-facing service (identity and payment work behind the others and are not counted). */
export async function readListedServices(db: Queryable): Promise<ListedService[]> {
  const rows = await queryMany<{ id: string; domain: string; type: string; coverage_level: Coverage['level']; coverage_code: string | null; items: ServiceItem[]; stars: number | null }>(
    db,
    `SELECT id, domain, type, coverage_level, coverage_code, items, stars FROM services
     WHERE status = 'listed' AND contract NOT IN ('identity@1', 'payment@1') ORDER BY id`,
  )
  return rows.map(({ coverage_level, coverage_code, ...s }) => ({
    ...s,
    coverage: toCoverage(coverage_level, coverage_code),
  }))
}
