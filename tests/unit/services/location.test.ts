import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeTaro, httpAnswer, resetFakeTaro } from '../helpers/fake-taro'
import { SHENZHEN } from '../helpers/cities'
import { getDevicePosition, locateNearestCity, LocationUnavailableError } from '../../../src/services/location'
import { API_BASE, ApiError } from '../../../src/services/request'

vi.mock('@tarojs/taro', () => import('../helpers/fake-taro'))

describe('location', () => {
  beforeEach(() => resetFakeTaro())

  it('asks for a WGS-84 position', async () => {
    fakeTaro.getLocation.mockResolvedValueOnce({ latitude: 22.543, longitude: 114.058 })
    await expect(getDevicePosition()).resolves.toEqual({ lat: 22.543, lng: 114.058 })
    expect(fakeTaro.getLocation).toHaveBeenCalledWith({ type: 'wgs84' })
  })

  it('finds the nearest city from the position', async () => {
    fakeTaro.getLocation.mockResolvedValueOnce({ latitude: 22.543, longitude: 114.058 })
    fakeTaro.request.mockResolvedValueOnce(httpAnswer(200, { city: SHENZHEN, distanceKm: 0.4 }))
    await expect(locateNearestCity()).resolves.toEqual(SHENZHEN)
    expect((fakeTaro.request.mock.calls[0]?.[0] as { url: string }).url).toBe(`${API_BASE}/v1/cities/nearest?lat=22.54&lng=114.06`)
  })

  it('reports a refused permission as LocationUnavailableError without calling the API', async () => {
    fakeTaro.getLocation.mockRejectedValueOnce({ errMsg: 'getLocation:fail auth deny' })
    await expect(locateNearestCity()).rejects.toBeInstanceOf(LocationUnavailableError)
    expect(fakeTaro.request).not.toHaveBeenCalled()
  })

  it('gives up when positioning takes too long', async () => {
    fakeTaro.getLocation.mockReturnValueOnce(new Promise(() => undefined))
    await expect(getDevicePosition(20)).rejects.toBeInstanceOf(LocationUnavailableError)
  })

  it('passes an API failure on as ApiError', async () => {
    fakeTaro.getLocation.mockResolvedValueOnce({ latitude: 1, longitude: 2 })
    fakeTaro.request.mockResolvedValueOnce(httpAnswer(400, { error: { code: 'VALIDATION_FAILED', message: 'bad / 参数不正确', details: [] } }))
    await expect(locateNearestCity()).rejects.toBeInstanceOf(ApiError)
  })
})
