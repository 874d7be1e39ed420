import type { CityCode } from '../../../src/domain/city'
import { type CatalogService, type Coverage, type ServiceItem, type ServiceStatus, toCoverage } from '../../../src/domain/catalog'
import type { Queryable } from '../../db/db'

interface ServiceRow {
  id: string
  name: string
  summary: string
  icon: string
  domain: CatalogService['domain']
  type: CatalogService['type']
  coverage_level: Coverage['level']
  coverage_code: string | null
  items: ServiceItem[]
  contract: string
  stars: number | null
}

/** The id of every service in the catalog, whatever its status. */
export async function listServiceIds(db: Queryable): Promise<string[]> {
  return (await db.query<{ id: string }>('SELECT id FROM services')).map((r) => r.id)
}

const CITY_SERVICES_SQL = (columns: string, statuses: string) =>
  `SELECT id, name, summary, icon, domain, type, coverage_level, coverage_code, items, contract, stars${columns}
   FROM services
   WHERE status IN (${statuses})
     -- Identity and payment agencies work behind every service; they are not tiles.
     AND contract NOT IN ('identity@1', 'payment@1')
     AND (coverage_level = 'national'
       OR (coverage_level = 'province' AND coverage_code = $2)
       OR (coverage_level = 'city' AND coverage_code = $1))
   ORDER BY id`

const toService = <R extends ServiceRow>({ coverage_level, coverage_code, ...s }: R) => ({ ...s, coverage: toCoverage(coverage_level, coverage_code) })

/** Listed services available in a city: its own, its province's and national ones. */
export async function listServicesForCity(db: Queryable, city: CityCode): Promise<CatalogService[]> {
  const rows = await db.query<ServiceRow>(CITY_SERVICES_SQL('', `'listed'`), [city, city.slice(0, 2)])
  return rows.map(toService)
}

/** A tile of the home page: a listed or suspended service with how it opens. */
export interface CityTileRow extends CatalogService {
  status: 'listed' | 'suspended'
  endpoint: string | null
  miniprogramAppId: string | null
  miniprogramPath: string | null
}

/**
 * The home page's tiles in a city: its listed services and those operators
 * suspended (a suspended tile says 暂停服务 rather than disappearing), with
 * what the app needs to open them.
 */
export async function listTilesForCity(db: Queryable, city: CityCode): Promise<CityTileRow[]> {
  const rows = await db.query<ServiceRow & Omit<CityTileRow, keyof CatalogService>>(
    CITY_SERVICES_SQL(`, status, endpoint, miniprogram_app_id AS "miniprogramAppId", miniprogram_path AS "miniprogramPath"`, `'listed', 'suspended'`),
    [city, city.slice(0, 2)],
  )
  return rows.map(toService)
}

export interface NewService extends Omit<CatalogService, 'stars'> {
  agencyId: string
  contract: string
  endpoint: string | null
  status: ServiceStatus
  stars: number | null
}

export async function insertService(db: Queryable, s: NewService): Promise<void> {
  await db.query(
    `INSERT INTO services (id, agency_id, name, summary, icon, domain, type, coverage_level, coverage_code,
       items, contract, endpoint, status, stars, miniprogram_app_id, miniprogram_path)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb, $11, $12, $13, $14, $15, $16)`,
    [
      s.id, s.agencyId, s.name, s.summary, s.icon, s.domain, s.type, s.coverage.level,
      s.coverage.level === 'national' ? null : s.coverage.code,
      JSON.stringify(s.items), s.contract, s.endpoint, s.status, s.stars, s.miniprogram?.appId ?? null, s.miniprogram?.path ?? null,
    ],
  )
}

/** The catalog's change counter (text: bigint), bumped by a trigger on every change. */
export async function readCatalogVersion(db: Queryable): Promise<string> {
  const [row] = await db.query<{ version: string }>('SELECT version::text AS version FROM catalog_version')
  return row?.version ?? '0'
}

/** The pages of every web-view service a citizen can open (listed or suspended), and the platform identity agency (its face-check page). */
export async function listWebviewEndpoints(db: Queryable): Promise<string[]> {
  const rows = await db.query<{ endpoint: string }>(
    `SELECT DISTINCT endpoint FROM services WHERE endpoint IS NOT NULL AND (
       (contract = 'webview' AND status IN ('listed', 'suspended'))
       -- The platform's identity agency: its face-check page (人脸核身) opens in the same frame.
       OR (status = 'listed' AND id = (SELECT service_id FROM platform_agencies WHERE contract = 'identity@1')))`,
  )
  return rows.map((r) => r.endpoint)
}
