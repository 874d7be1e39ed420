import { type CatalogService, groupCatalog, type GroupedCatalog } from '../../../src/domain/catalog'
import { oneServicePerNeed } from '../../../src/domain/one-service-per-need'
import { computeRichness, type Richness } from '../../../src/domain/richness'
import type { City, CityCode } from '../../../src/domain/city'
import { type MaintenanceSpan, nextMaintenanceChange, serviceAvailability } from '../../../src/domain/service-access'
import type { Queryable } from '../../db/db'
import type { CityService } from '../cities/service'
import { maintenanceAhead } from '../probes/maintenance-ahead'
import { type CityTileRow, listServiceIds, listTilesForCity, listWebviewEndpoints } from './repository'
import { addSearchKeys } from './search-keys'

export type CityCatalog = GroupedCatalog & { city: City; total: number; richness: Richness }

/**
 * A tile as the app gets it: how it opens (the agency's page or mini-program
 * for the generic contracts) and whether it can be used now.
 */
function toTile(row: CityTileRow, windows: readonly MaintenanceSpan[], now: number): CatalogService {
  const { status, endpoint, miniprogramAppId, miniprogramPath, ...service } = row
  return {
    ...service,
    ...(service.contract === 'webview' && endpoint ? { webview: { url: endpoint } } : {}),
    ...(service.contract === 'miniprogram' && miniprogramAppId && miniprogramPath ? { miniprogram: { appId: miniprogramAppId, path: miniprogramPath } } : {}),
    availability: serviceAvailability(status === 'suspended', windows, now),
  }
}

// A generic service the app could not open (no page, no mini-program) is not a tile: every tile opens something.
const opens = (s: CatalogService) => (s.contract === 'webview' ? s.webview !== undefined : s.contract === 'miniprogram' ? s.miniprogram !== undefined : true)

/**
 * The home page's catalog for a city at `now`: 本地服务 then 全国服务, by
 * domain, with its key-industry richness (of the services open now) and the
 * pinyin keys search uses; each need once (the city's own service over its
 * province's or the nation's for the same need). Tiles of
 * suspended services and of services in a maintenance window say so. Also
 * when the answer goes stale by itself (a window starts or ends). Unknown city → 404.
 */
export async function getCatalog(
  db: Queryable,
  cities: CityService,
  code: CityCode,
  now: number = Date.now(),
): Promise<{ catalog: CityCatalog; expiresAt: number | undefined }> {
  const city = cities.get(code)
  const rows = await listTilesForCity(db, city.code)
  const windows = await maintenanceAhead(db, rows.map((r) => r.id), now)
  const tiles = oneServicePerNeed(rows.map((r) => toTile(r, windows.get(r.id) ?? [], now)).filter(opens))
  const listed = tiles.filter((s) => s.availability?.state !== 'suspended')
  return {
    catalog: { city, ...addSearchKeys(groupCatalog(tiles)), total: tiles.length, richness: computeRichness(listed) },
    expiresAt: nextMaintenanceChange([...windows.values()].flat(), now),
  }
}

/** The id of every service in the catalog (usage records may name any of them, listed or not). */
export function getServiceIds(db: Queryable): Promise<string[]> {
  return listServiceIds(db)
}

/**
 * The origins of the agencies' pages the app frames (web-view services, and
 * the platform identity agency's face-check page, which must be on its own
 * origin): the H5 app's Content-Security-Policy allows framing and reaching exactly these.
 */
export async function webviewOrigins(db: Queryable): Promise<string[]> {
  const origins = new Set<string>()
  for (const endpoint of await listWebviewEndpoints(db)) {
    try {
      origins.add(new URL(endpoint).origin)
    } catch {
      // A page address the review let through but URL cannot read is simply not framed.
    }
  }
  return [...origins].sort()
}
