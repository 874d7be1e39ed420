import { describe, expect, it, vi } from 'vitest'
import { deviceStorage } from '../helpers/fake-taro'
import { DEYANG } from '../helpers/cities'

vi.mock('@tarojs/taro', () => import('../helpers/fake-taro'))

describe('city store on the next launch', () => {
  it('starts with the city chosen last time, synchronously', async () => {
    // What the previous run left on the device.
    deviceStorage.set('onecity:city', JSON.stringify({ state: { current: DEYANG, source: 'picker' }, version: 1 }))
    const { useCityStore } = await import('../../../src/stores/city-store')
    expect(useCityStore.getState().current).toEqual(DEYANG)
    expect(useCityStore.persist.hasHydrated()).toBe(true)
  })
})
