import type { City, CityCode } from '../../../src/domain/city'
import { isValidCoordinate, nearestCity } from '../../../src/domain/nearest-city'
import { searchCities } from '../../../src/domain/search-cities'
import type { Queryable } from '../../db/db'
import { HttpError } from '../../errors'
import { listCities } from './repository'

/** Every reference city, read from the database (for code that runs before or without a CityService). */
export function readCities(db: Queryable): Promise<City[]> {
  return listCities(db)
}

export interface CityService {
  search(q: string | undefined, limit: number): City[]
  nearest(lat: number, lng: number): { city: City; distanceKm: number }
  /** The city with this code, or a 404 naming the code. */
  get(code: CityCode): City
  /** True for 'national', a province code that has cities, or a city code. */
  isRegion(region: string): boolean
}

/**
 * Cities are reference data that change only with a deploy, so they are read
 * once at start and searched in memory with the same code the app uses.
 */
export async function createCityService(db: Queryable): Promise<CityService> {
  const cities = await listCities(db)
  const byCode = new Map(cities.map((c) => [c.code, c]))
  const provinces = new Set(cities.map((c) => c.provinceCode))
  return {
    isRegion: (region) => region === 'national' || provinces.has(region) || byCode.has(region),
    search: (q, limit) => searchCities(cities, q ?? '', limit),
    nearest(lat, lng) {
      // The schema bounds the range, but a query like lat=1e400 arrives as Infinity.
      if (!isValidCoordinate(lat, lng)) {
        const bad = [['lat', lat, 90], ['lng', lng, 180]] as const
        const details = bad
          .filter(([, v, max]) => !Number.isFinite(v) || Math.abs(v) > max)
          .map(([name, , max]) => ({ path: `querystring.${name}`, message: `${name} must be a number from -${max} to ${max} / 参数 ${name} 必须是 -${max} 到 ${max} 之间的数字` }))
        throw new HttpError(400, 'VALIDATION_FAILED', details.map((d) => d.message).join('; '), details)
      }
      const found = nearestCity(cities, lat, lng)
      if (!found) throw new HttpError(503, 'NO_CITIES', 'No reference cities loaded / 城市数据尚未加载')
      return found
    },
    get(code) {
      const city = byCode.get(code)
      if (!city) {
        throw new HttpError(404, 'CITY_NOT_FOUND', `Unknown city code ${code} / 找不到城市代码 ${code}`, [
          { path: 'querystring.city', message: `no city has code ${code}` },
        ])
      }
      return city
    },
  }
}
