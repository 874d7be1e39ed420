import type { City } from './city'

const EARTH_RADIUS_KM = 6371

/** Great-circle distance in kilometres between two points given in degrees. */
export function distanceKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const rad = Math.PI / 180
  const dLat = (lat2 - lat1) * rad
  const dLng = (lng2 - lng1) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** True when lat/lng are finite degrees within range. */
export function isValidCoordinate(lat: number, lng: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180
}

/**
 * The city whose centre is closest to the point, with the distance.
 * Centre points are an approximation of city boundaries, which is good enough
 * to pre-select a city the citizen can still change. Undefined for an empty list.
 */
export function nearestCity(cities: readonly City[], lat: number, lng: number): { city: City; distanceKm: number } | undefined {
  let best: { city: City; distanceKm: number } | undefined
  for (const city of cities) {
    const d = distanceKm(lat, lng, city.lat, city.lng)
    if (!best || d < best.distanceKm) best = { city, distanceKm: d }
  }
  return best
}
