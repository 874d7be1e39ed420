import { beforeEach, describe, expect, it, vi } from 'vitest'
import { deviceStorage, fakeTaro, httpAnswer, resetFakeTaro } from '../helpers/fake-taro'
import { DEYANG, SHENZHEN } from '../helpers/cities'
import { CITIES_CACHE_MAX_AGE_MS, fetchAndCacheCities, readCachedCities } from '../../../src/services/cities-cache'

vi.mock('@tarojs/taro', () => import('../helpers/fake-taro'))

describe('city list cache', () => {
  beforeEach(() => resetFakeTaro())

  it('has nothing before the first fetch', () => {
    expect(readCachedCities()).toBeUndefined()
  })

  it('saves the fetched list on the device', async () => {
    fakeTaro.request.mockResolvedValueOnce(httpAnswer(200, { cities: [DEYANG, SHENZHEN] }))
    await expect(fetchAndCacheCities(1_000)).resolves.toEqual([DEYANG, SHENZHEN])
    expect(deviceStorage.has('onecity:cities:v1')).toBe(true)
    expect(readCachedCities(2_000)).toEqual({ cities: [DEYANG, SHENZHEN], fresh: true })
  })

  it('marks a week-old list as stale but still returns it', async () => {
    fakeTaro.request.mockResolvedValueOnce(httpAnswer(200, { cities: [DEYANG] }))
    await fetchAndCacheCities(0)
    expect(readCachedCities(CITIES_CACHE_MAX_AGE_MS + 1)).toEqual({ cities: [DEYANG], fresh: false })
  })

  it('ignores an empty or broken cache', () => {
    deviceStorage.set('onecity:cities:v1', JSON.stringify({ savedAt: 0, cities: [] }))
    expect(readCachedCities(1)).toBeUndefined()
    deviceStorage.set('onecity:cities:v1', 'garbage')
    expect(readCachedCities(1)).toBeUndefined()
  })

  it('does not cache a failed fetch', async () => {
    fakeTaro.request.mockRejectedValueOnce({ errMsg: 'request:fail' })
    await expect(fetchAndCacheCities()).rejects.toMatchObject({ code: 'NETWORK_ERROR' })
    expect(deviceStorage.has('onecity:cities:v1')).toBe(false)
  })
})
