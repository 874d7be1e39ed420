import type { CatalogService, Coverage } from './catalog'

const NEARNESS: Record<Coverage['level'], number> = { city: 0, province: 1, national: 2 }

/** The app's own pages (a typed contract) serve a need better than an agency's web page or mini-program. */
const isTyped = (s: CatalogService) => s.contract !== 'webview' && s.contract !== 'miniprogram'

/** Two services meet the same need when they share a name, or a domain and a summary. */
const needKeys = (s: CatalogService) => [`name:${s.name}`, `what:${s.domain}\u0000${s.summary}`]

/** Which of two services for one need a citizen should see: the nearer, then the typed, then the better rated, then the smaller id (stable). */
function better(a: CatalogService, b: CatalogService): number {
  return (
    NEARNESS[a.coverage.level] - NEARNESS[b.coverage.level] ||
    Number(isTyped(b)) - Number(isTyped(a)) ||
    (b.stars ?? 0) - (a.stars ?? 0) ||
    a.id.localeCompare(b.id)
  )
}

/**
 * A city's services with each need listed once: a city's own service
 * replaces its province's or the nation's generic one for the same need (a
 * city's typed 社保 over the province-wide 社保 web page), and a second
 * listing of the same service (another 交通违法) does not make a second tile.
 * Order of the survivors is kept.
 */
export function oneServicePerNeed<S extends CatalogService>(services: readonly S[]): S[] {
  const seen = new Set<string>()
  const kept = new Set<S>()
  for (const s of [...services].sort(better)) {
    const keys = needKeys(s)
    if (keys.some((k) => seen.has(k))) continue
    for (const k of keys) seen.add(k)
    kept.add(s)
  }
  return services.filter((s) => kept.has(s))
}
