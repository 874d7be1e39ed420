import { describe, expect, it, vi } from 'vitest'
import { deviceStorage } from '../helpers/fake-taro'

vi.mock('@tarojs/taro', () => import('../helpers/fake-taro'))

describe('recently used store on the next launch', () => {
  it('starts with what was used last time, synchronously', async () => {
    deviceStorage.set('onecity:recent-services', JSON.stringify({ state: { byCity: { '440300': ['cn-weather', 'sz-traffic'] } }, version: 1 }))
    const { useRecentStore, selectRecentIds } = await import('../../../src/stores/recent-store')
    expect(useRecentStore.persist.hasHydrated()).toBe(true)
    expect(selectRecentIds(useRecentStore.getState(), '440300')).toEqual(['cn-weather', 'sz-traffic'])
  })
})
