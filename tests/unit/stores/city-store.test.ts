import { beforeEach, describe, expect, it, vi } from 'vitest'
import { deviceStorage, resetFakeTaro } from '../helpers/fake-taro'
import { DEYANG, SHENZHEN } from '../helpers/cities'
import { clearCurrentCity, setCurrentCity, useCityStore } from '../../../src/stores/city-store'

vi.mock('@tarojs/taro', () => import('../helpers/fake-taro'))

function stored(): { state: { current: { code: string } | null; source: string | null }; version: number } {
  const raw = deviceStorage.get('onecity:city')
  if (typeof raw !== 'string') throw new Error('city not stored')
  return JSON.parse(raw)
}

describe('city store', () => {
  beforeEach(() => {
    clearCurrentCity()
    resetFakeTaro()
  })

  it('starts without a city on a fresh device', () => {
    expect(useCityStore.getState().current).toBeNull()
  })

  it('persists the chosen city under a namespaced key', () => {
    setCurrentCity(DEYANG)
    expect(useCityStore.getState()).toMatchObject({ current: DEYANG, source: 'picker' })
    expect(stored().state.current?.code).toBe('510600')
    expect(stored().state.source).toBe('picker')
  })

  it('records a located city as such', () => {
    setCurrentCity(SHENZHEN, 'location')
    expect(stored().state).toMatchObject({ current: { code: '440300' }, source: 'location' })
  })

  it('restores the remembered city from storage', async () => {
    setCurrentCity(SHENZHEN)
    const saved = deviceStorage.get('onecity:city')
    useCityStore.setState({ current: null, source: null })
    deviceStorage.set('onecity:city', saved)
    await useCityStore.persist.rehydrate()
    expect(useCityStore.getState().current).toEqual(SHENZHEN)
  })

  it('forgets the city', () => {
    setCurrentCity(DEYANG)
    clearCurrentCity()
    expect(useCityStore.getState().current).toBeNull()
    expect(stored().state.current).toBeNull()
  })
})
