import type { City } from './city'

/** Normalises a search query: trims, lower-cases, drops spaces and apostrophes (xi'an). */
export function normalizeQuery(q: string): string {
  return q.trim().toLowerCase().replace(/[\s'’]/g, '')
}

/**
 * How well a city matches a query, lower is better; null when it does not match.
 * Chinese matches the short or full name; latin letters match the full pinyin or the initials.
 */
export function matchCity(city: City, q: string): number | null {
  const query = normalizeQuery(q)
  if (!query) return null
  if (city.name === query || city.fullName === query) return 0
  if (city.pinyin === query || city.initials === query) return 1
  if (city.name.startsWith(query) || city.fullName.startsWith(query)) return 2
  if (city.pinyin.startsWith(query)) return 3
  if (city.initials.startsWith(query)) return 4
  if (city.fullName.includes(query)) return 5
  return null
}

/**
 * Cities matching the query, best first (then by code, so results are stable).
 * An empty query returns every city in code order.
 */
export function searchCities(cities: readonly City[], q: string, limit = Infinity): City[] {
  if (!normalizeQuery(q)) return [...cities].sort((a, b) => a.code.localeCompare(b.code)).slice(0, limit)
  const scored: Array<{ city: City; score: number }> = []
  for (const city of cities) {
    const score = matchCity(city, q)
    if (score !== null) scored.push({ city, score })
  }
  scored.sort((a, b) => a.score - b.score || a.city.code.localeCompare(b.city.code))
  return scored.slice(0, limit).map((s) => s.city)
}
