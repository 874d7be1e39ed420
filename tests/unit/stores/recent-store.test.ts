import { beforeEach, describe, expect, it, vi } from 'vitest'
import { deviceStorage, resetFakeTaro } from '../helpers/fake-taro'
import {
  clearRecentServices,
  recordServiceUse,
  selectRecentIds,
  useRecentStore,
} from '../../../src/stores/recent-store'

vi.mock('@tarojs/taro', () => import('../helpers/fake-taro'))

const SHENZHEN = '440300'
const DEYANG = '510600'

const recent = (city: string | undefined) => selectRecentIds(useRecentStore.getState(), city)

function stored(): { state: { byCity: Record<string, string[]> }; version: number } {
  const raw = deviceStorage.get('onecity:recent-services')
  if (typeof raw !== 'string') throw new Error('recent services not stored')
  return JSON.parse(raw)
}

describe('recently used store', () => {
  beforeEach(() => {
    clearRecentServices()
    resetFakeTaro()
  })

  it('is empty on a fresh device and for a missing city', () => {
    expect(recent(SHENZHEN)).toEqual([])
    expect(recent(undefined)).toEqual([])
  })

  it('returns the same empty list each time, so subscribed pages do not re-render in a loop', () => {
    expect(recent(SHENZHEN)).toBe(recent(DEYANG))
  })

  it('lists the most recently used service first', () => {
    recordServiceUse(SHENZHEN, 'sz-traffic')
    recordServiceUse(SHENZHEN, 'sz-hospital')
    recordServiceUse(SHENZHEN, 'cn-weather')
    expect(recent(SHENZHEN)).toEqual(['cn-weather', 'sz-hospital', 'sz-traffic'])
  })

  it('moves a service used again to the front without repeating it', () => {
    recordServiceUse(SHENZHEN, 'sz-traffic')
    recordServiceUse(SHENZHEN, 'sz-hospital')
    recordServiceUse(SHENZHEN, 'sz-traffic')
    expect(recent(SHENZHEN)).toEqual(['sz-traffic', 'sz-hospital'])
  })

  it('keeps at most four per city, forgetting the oldest', () => {
    for (const id of ['a', 'b', 'c', 'd', 'e']) recordServiceUse(SHENZHEN, id)
    expect(recent(SHENZHEN)).toEqual(['e', 'd', 'c', 'b'])
  })

  it('keeps each city apart', () => {
    recordServiceUse(SHENZHEN, 'sz-traffic')
    recordServiceUse(DEYANG, 'deyang-hospital')
    recordServiceUse(DEYANG, 'cn-weather')
    expect(recent(SHENZHEN)).toEqual(['sz-traffic'])
    expect(recent(DEYANG)).toEqual(['cn-weather', 'deyang-hospital'])
  })

  it('persists on the device under a namespaced key', () => {
    recordServiceUse(SHENZHEN, 'sz-traffic')
    recordServiceUse(DEYANG, 'deyang-hospital')
    expect(stored()).toEqual({ state: { byCity: { [SHENZHEN]: ['sz-traffic'], [DEYANG]: ['deyang-hospital'] } }, version: 1 })
  })

  it('restores the lists from storage', async () => {
    recordServiceUse(SHENZHEN, 'sz-traffic')
    recordServiceUse(SHENZHEN, 'cn-tax')
    const saved = deviceStorage.get('onecity:recent-services')
    useRecentStore.setState({ byCity: {} })
    deviceStorage.set('onecity:recent-services', saved)
    await useRecentStore.persist.rehydrate()
    expect(recent(SHENZHEN)).toEqual(['cn-tax', 'sz-traffic'])
  })

  it('forgets every city', () => {
    recordServiceUse(SHENZHEN, 'sz-traffic')
    clearRecentServices()
    expect(recent(SHENZHEN)).toEqual([])
    expect(stored().state.byCity).toEqual({})
  })
})
