import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeTaro, httpAnswer, resetFakeTaro } from '../helpers/fake-taro'
import { DEYANG, SHENZHEN } from '../helpers/cities'
import { getCatalog, getCities, getNearestCity, roundCoordinate } from '../../../src/services/api'
import { API_BASE } from '../../../src/services/request'

vi.mock('@tarojs/taro', () => import('../helpers/fake-taro'))

function calledUrl(): string {
  return (fakeTaro.request.mock.calls[0]?.[0] as { url: string }).url
}

describe('api', () => {
  beforeEach(() => resetFakeTaro())

  it('getCities asks for every city without a query', async () => {
    fakeTaro.request.mockResolvedValueOnce(httpAnswer(200, { cities: [DEYANG, SHENZHEN] }))
    await expect(getCities()).resolves.toEqual([DEYANG, SHENZHEN])
    expect(calledUrl()).toBe(`${API_BASE}/v1/cities`)
  })

  it('getCities passes the query on', async () => {
    fakeTaro.request.mockResolvedValueOnce(httpAnswer(200, { cities: [DEYANG] }))
    await getCities('dy')
    expect(calledUrl()).toBe(`${API_BASE}/v1/cities?q=dy`)
  })

  it('getNearestCity sends coordinates rounded to about a kilometre', async () => {
    fakeTaro.request.mockResolvedValueOnce(httpAnswer(200, { city: SHENZHEN, distanceKm: 1.2 }))
    await expect(getNearestCity(22.543096, 114.057865)).resolves.toEqual({ city: SHENZHEN, distanceKm: 1.2 })
    expect(calledUrl()).toBe(`${API_BASE}/v1/cities/nearest?lat=22.54&lng=114.06`)
  })

  it('getCatalog asks for the city by code', async () => {
    const catalog = { city: DEYANG, local: [], national: [], total: 0 }
    fakeTaro.request.mockResolvedValueOnce(httpAnswer(200, catalog))
    await expect(getCatalog('510600')).resolves.toEqual(catalog)
    expect(calledUrl()).toBe(`${API_BASE}/v1/catalog?city=510600`)
  })

  it('roundCoordinate keeps two decimals', () => {
    expect(roundCoordinate(31.126789)).toBe(31.13)
    expect(roundCoordinate(104.395)).toBeCloseTo(104.4, 10)
  })
})
