import type { DomainGroup, GroupedCatalog } from './catalog'

/** Number of services in the groups. */
export function countServices(groups: readonly DomainGroup[]): number {
  return groups.reduce((n, g) => n + g.services.length, 0)
}

/**
 * The one-line size of a city's catalog under its name, e.g.
 * "共 19 项服务 · 本地 14 项". `total` is the catalog answer's own count
 * (local and national); the local part is counted from its groups.
 */
export function summarizeCatalog(catalog: GroupedCatalog & { total: number }): string {
  const local = countServices(catalog.local)
  if (catalog.total <= 0) return '暂无可用服务'
  if (local === 0) return `共 ${catalog.total} 项服务 · 均为全国服务`
  return `共 ${catalog.total} 项服务 · 本地 ${local} 项`
}
