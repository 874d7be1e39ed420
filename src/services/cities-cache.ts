import type { City } from '../domain/city'
import { getCities } from './api'
import { readStorage, writeStorage } from './storage'

/** The city list changes with GB/T 2260 updates, a few times a year at most. */
export const CITIES_CACHE_MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000
const CACHE_KEY = 'cities:v1'

interface CitiesCache {
  savedAt: number
  cities: City[]
}

/** The cities saved on the device, if any, and whether they are still fresh. */
export function readCachedCities(now = Date.now()): { cities: City[]; fresh: boolean } | undefined {
  const cache = readStorage<CitiesCache>(CACHE_KEY)
  if (!cache || !Array.isArray(cache.cities) || cache.cities.length === 0) return undefined
  return { cities: cache.cities, fresh: now - cache.savedAt < CITIES_CACHE_MAX_AGE_MS }
}

/** Every city from GET /v1/cities, saved on the device for the next time. */
export async function fetchAndCacheCities(now = Date.now()): Promise<City[]> {
  const cities = await getCities()
  writeStorage(CACHE_KEY, { savedAt: now, cities } satisfies CitiesCache)
  return cities
}
