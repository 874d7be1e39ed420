import { type CatalogService, type Coverage, coversCity, type Domain, type ServiceType } from '../domain/catalog'
import type { CityCode } from '../domain/city'
import { getCatalog, type CatalogResponse } from './api'
import { readStorage, writeStorage } from './storage'

/** What the scopes of one use need to know about a service (from the catalog, never guessed). */
export type UsageService = Pick<CatalogService, 'id' | 'domain' | 'type' | 'coverage'>

const KEY = 'usage-services'
/** Services remembered for pages that only have an id; the least recently seen go first. */
export const USAGE_SERVICES_LIMIT = 200

function isUsageService(value: unknown): value is UsageService {
  if (typeof value !== 'object' || value === null) return false
  const s = value as Record<string, unknown>
  return typeof s.id === 'string' && typeof s.domain === 'string' && typeof s.type === 'string' && typeof s.coverage === 'object' && s.coverage !== null
}

function readKnown(): UsageService[] {
  const saved = readStorage<unknown>(KEY)
  return Array.isArray(saved) ? saved.filter(isUsageService) : []
}

/** Remembers the catalog facts of `services` (public catalog data, kept on the phone), most recent last. */
export function rememberServices(services: readonly UsageService[]): void {
  const fresh = services.map(({ id, domain, type, coverage }) => ({ id, domain: domain as Domain, type: type as ServiceType, coverage: coverage as Coverage }))
  const ids = new Set(fresh.map((s) => s.id))
  writeStorage(KEY, [...readKnown().filter((s) => !ids.has(s.id)), ...fresh].slice(-USAGE_SERVICES_LIMIT))
}

/** The remembered catalog facts of a service, if the phone has seen it in a catalog. */
export function knownService(id: string): UsageService | undefined {
  return readKnown().find((s) => s.id === id)
}

// One catalog request per city and app run at most, only for pages opened without the home page (a shared link).
const catalogs = new Map<CityCode, Promise<CatalogResponse | undefined>>()

/**
 * The catalog facts of service `id` as used in `city`: from what the phone
 * remembers, else from the city's catalog (GET /v1/catalog, anonymous).
 * Undefined when the catalog has no such service for the city: a use is then
 * not recorded at all rather than recorded with a guessed domain or type.
 */
export async function findUsageService(id: string, city: CityCode, loadCatalog: (city: CityCode) => Promise<CatalogResponse> = getCatalog): Promise<UsageService | undefined> {
  const covered = (s: UsageService | undefined) => (s && coversCity(s.coverage, city) ? s : undefined)
  const known = covered(knownService(id))
  if (known) return known
  let pending = catalogs.get(city)
  if (!pending) {
    pending = loadCatalog(city).then(
      (catalog) => {
        rememberServices([...catalog.local, ...catalog.national].flatMap((g) => g.services))
        return catalog
      },
      () => {
        catalogs.delete(city)
        return undefined
      },
    )
    catalogs.set(city, pending)
  }
  const catalog = await pending
  return covered([...(catalog?.local ?? []), ...(catalog?.national ?? [])].flatMap((g) => g.services).find((s) => s.id === id))
}
