import type { DomainGroup } from '../domain/catalog'
import type { City, CityCode } from '../domain/city'
import { request } from './request'

export interface CityListResponse {
  cities: City[]
}
export interface NearestCityResponse {
  city: City
  distanceKm: number
}
export interface CatalogResponse {
  city: City
  local: DomainGroup[]
  national: DomainGroup[]
  total: number
}

/** GET /v1/cities: every city, or those matching `q` (Chinese, pinyin or initials). */
export async function getCities(q?: string): Promise<City[]> {
  const body = await request<CityListResponse>('/v1/cities', { query: { q: q || undefined } })
  return body.cities
}

/**
 * GET /v1/cities/nearest. Coordinates are rounded to 0.01° (about 1 km) before
 * they leave the device: enough to pick a city, too coarse to locate a person.
 */
export function getNearestCity(lat: number, lng: number): Promise<NearestCityResponse> {
  return request<NearestCityResponse>('/v1/cities/nearest', { query: { lat: roundCoordinate(lat), lng: roundCoordinate(lng) } })
}

/** GET /v1/catalog: the city's 本地服务 and 全国服务, grouped by domain. */
export function getCatalog(city: CityCode): Promise<CatalogResponse> {
  return request<CatalogResponse>('/v1/catalog', { query: { city } })
}

/** Degrees rounded to two decimals. */
export function roundCoordinate(value: number): number {
  return Math.round(value * 100) / 100
}
