import type { CatalogService, DomainGroup } from './catalog'

/** Lower-cased, trimmed, without inner spaces: what a search box query is compared as. */
function normalize(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, '')
}

/** True when the service's name, summary, an item's name or its domain's label contains the query. */
export function serviceMatches(service: CatalogService, domainLabel: string, query: string): boolean {
  const q = normalize(query)
  if (!q) return true
  const haystack = [service.name, service.summary, domainLabel, ...service.items.map((i) => i.name)]
  return haystack.some((text) => normalize(text).includes(q))
}

/**
 * The groups with only the services matching the query (see serviceMatches),
 * dropping groups left empty; group and service order are kept. An empty
 * query returns the groups unchanged.
 */
export function filterCatalog(groups: readonly DomainGroup[], query: string): DomainGroup[] {
  if (!normalize(query)) return [...groups]
  return groups
    .map((g) => ({ ...g, services: g.services.filter((s) => serviceMatches(s, g.label, query)) }))
    .filter((g) => g.services.length > 0)
}

/** Number of services in the groups. */
export function countServices(groups: readonly DomainGroup[]): number {
  return groups.reduce((n, g) => n + g.services.length, 0)
}
