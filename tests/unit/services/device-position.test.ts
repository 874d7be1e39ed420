import { beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeTaro, resetFakeTaro } from '../helpers/fake-taro'
import { readDevicePosition as readInWeapp } from '../../../src/services/device-position.weapp'
import { readDevicePosition as readInBrowser } from '../../../src/services/device-position'

vi.mock('@tarojs/taro', () => import('../helpers/fake-taro'))

describe('the device position', () => {
  beforeEach(() => resetFakeTaro())

  it('is WeChat\'s fuzzy location in the mini-program, never the precise one', async () => {
    fakeTaro.getFuzzyLocation.mockResolvedValueOnce({ latitude: 31.1, longitude: 104.4 })
    await expect(readInWeapp()).resolves.toMatchObject({ latitude: 31.1, longitude: 104.4 })
    expect(fakeTaro.getFuzzyLocation).toHaveBeenCalledWith({ type: 'wgs84' })
    expect(fakeTaro.getLocation).not.toHaveBeenCalled()
  })

  it('is the browser\'s location in H5', async () => {
    fakeTaro.getLocation.mockResolvedValueOnce({ latitude: 22.543, longitude: 114.058 })
    await expect(readInBrowser()).resolves.toMatchObject({ latitude: 22.543 })
    expect(fakeTaro.getFuzzyLocation).not.toHaveBeenCalled()
  })
})
