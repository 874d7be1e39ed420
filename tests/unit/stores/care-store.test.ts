import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { deviceStorage, fakeTaro, resetFakeTaro } from '../helpers/fake-taro'

vi.mock('@tarojs/taro', () => import('../helpers/fake-taro'))

/** The store as a fresh launch loads it, with the phone-font file Taro picks for the platform. */
async function freshStore() {
  vi.resetModules()
  if (process.env.TARO_ENV === 'weapp') vi.doMock('../../../src/services/phone-font', () => import('../../../src/services/phone-font.weapp'))
  else vi.doUnmock('../../../src/services/phone-font')
  return import('../../../src/stores/care-store')
}

describe('care store (关怀模式)', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => {
    vi.unstubAllEnvs()
    fakeTaro.getSystemInfoSync.mockImplementation(() => ({ fontSizeSetting: 17, fontSizeScaleFactor: 1 }))
  })

  it('is off on a fresh device with the standard font', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    const { selectCareOn, useCareStore } = await freshStore()
    expect(selectCareOn(useCareStore.getState())).toBe(false)
  })

  it('starts on in WeChat when the phone\'s font scale is large', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    fakeTaro.getSystemInfoSync.mockImplementation(() => ({ fontSizeSetting: 22, fontSizeScaleFactor: 1.3 }))
    const { selectCareOn, useCareStore } = await freshStore()
    expect(selectCareOn(useCareStore.getState())).toBe(true)
  })

  it('ignores the system font in H5, where the browser zooms by itself', async () => {
    vi.stubEnv('TARO_ENV', 'h5')
    fakeTaro.getSystemInfoSync.mockImplementation(() => ({ fontSizeSetting: 22, fontSizeScaleFactor: 1.3 }))
    const { selectCareOn, useCareStore } = await freshStore()
    expect(selectCareOn(useCareStore.getState())).toBe(false)
  })

  it('the citizen\'s explicit choice wins over the large font, and is remembered for the next launch', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    fakeTaro.getSystemInfoSync.mockImplementation(() => ({ fontSizeSetting: 22, fontSizeScaleFactor: 1.3 }))
    const first = await freshStore()
    first.setCareMode(false)
    expect(first.selectCareOn(first.useCareStore.getState())).toBe(false)
    expect(JSON.parse(deviceStorage.get('onecity:care-mode') as string)).toEqual({ state: { chosen: false }, version: 1 })

    const next = await freshStore()
    expect(next.useCareStore.persist.hasHydrated()).toBe(true)
    expect(next.selectCareOn(next.useCareStore.getState())).toBe(false)
    next.setCareMode(true)
    expect(next.selectCareOn(next.useCareStore.getState())).toBe(true)
  })

  it('a device whose system info cannot be read starts off', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    fakeTaro.getSystemInfoSync.mockImplementation(() => {
      throw new Error('getSystemInfoSync:fail')
    })
    const { selectCareOn, useCareStore } = await freshStore()
    expect(selectCareOn(useCareStore.getState())).toBe(false)
  })
})
