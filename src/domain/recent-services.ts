import type { CatalogService, GroupedCatalog, ServiceId } from './catalog'

/** How many services 最近使用 remembers and shows per city: one row of the home grid. */
export const RECENT_LIMIT = 4

/**
 * The recently used list after `id` is used: `id` first, then the others in
 * their order without it, cut to `limit`. Returns a new array.
 */
export function pushRecent(ids: readonly ServiceId[], id: ServiceId, limit: number = RECENT_LIMIT): ServiceId[] {
  return [id, ...ids.filter((other) => other !== id)].slice(0, Math.max(0, limit))
}

/**
 * The services of `ids` that the catalog still lists (local or national), in
 * the order of `ids`, each once, at most `limit`. A service withdrawn from
 * the city since it was used is skipped rather than shown as a dead tile.
 */
export function pickRecentServices(
  ids: readonly ServiceId[],
  catalog: GroupedCatalog,
  limit: number = RECENT_LIMIT,
): CatalogService[] {
  const byId = new Map<ServiceId, CatalogService>()
  for (const group of [...catalog.local, ...catalog.national]) {
    for (const service of group.services) byId.set(service.id, service)
  }
  const picked: CatalogService[] = []
  for (const id of new Set(ids)) {
    const service = byId.get(id)
    if (service) picked.push(service)
    if (picked.length >= limit) break
  }
  return picked
}
