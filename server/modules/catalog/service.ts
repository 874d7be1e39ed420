import { groupCatalog, type GroupedCatalog } from '../../../src/domain/catalog'
import { oneServicePerNeed } from '../../../src/domain/one-service-per-need'
import { computeRichness, type Richness } from '../../../src/domain/richness'
import type { City, CityCode } from '../../../src/domain/city'
import type { Queryable } from '../../db/db'
import type { CityService } from '../cities/service'
import { listServiceIds, listServicesForCity } from './repository'
import { addSearchKeys } from './search-keys'

/**
 * The home page's catalog for a city: 本地服务 then 全国服务, by domain, with
 * its key-industry richness and the pinyin keys search uses; each need once (the
 * city's own service over its province's or the nation's for the same need). Unknown city → 404.
 */
export async function getCatalog(
  db: Queryable,
  cities: CityService,
  code: CityCode,
): Promise<GroupedCatalog & { city: City; total: number; richness: Richness }> {
  const city = cities.get(code)
  const services = oneServicePerNeed(await listServicesForCity(db, city.code))
  return { city, ...addSearchKeys(groupCatalog(services)), total: services.length, richness: computeRichness(services) }
}

/** The id of every service in the catalog (usage records may name any of them, listed or not). */
export function getServiceIds(db: Queryable): Promise<string[]> {
  return listServiceIds(db)
}
