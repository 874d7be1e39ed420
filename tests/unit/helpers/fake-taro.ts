import { vi } from 'vitest'

/**
 * An in-memory stand-in for the parts of @tarojs/taro the app uses. Storage
 * behaves like wx storage: a missing key reads as ''. One instance per test
 * file (kept on globalThis), so it survives vi.resetModules() in page tests.
 */
function createFakeTaro() {
  const deviceStorage = new Map<string, unknown>()
  const fakeTaro = {
    getStorageSync: vi.fn((key: string): unknown => (deviceStorage.has(key) ? deviceStorage.get(key) : '')),
    setStorageSync: vi.fn((key: string, value: unknown): void => {
      deviceStorage.set(key, value)
    }),
    removeStorageSync: vi.fn((key: string): void => {
      deviceStorage.delete(key)
    }),
    request: vi.fn(),
    getLocation: vi.fn(),
    navigateTo: vi.fn((_options: { url: string }) => Promise.resolve()),
    navigateBack: vi.fn(() => Promise.resolve()),
    switchTab: vi.fn((_options: { url: string }) => Promise.resolve()),
    getCurrentPages: vi.fn((): unknown[] => [{}, {}]),
    pageScrollTo: vi.fn((_options: { selector?: string; scrollTop?: number }) => Promise.resolve()),
    showToast: vi.fn((_options: { title: string }) => Promise.resolve()),
    showModal: vi.fn(() => Promise.resolve({ confirm: true, cancel: false })),
  }
  return { deviceStorage, fakeTaro }
}

const holder = globalThis as { __onecityFakeTaro?: ReturnType<typeof createFakeTaro> }
const shared = (holder.__onecityFakeTaro ??= createFakeTaro())

export const deviceStorage = shared.deviceStorage
export const fakeTaro = shared.fakeTaro

/** Empties storage and forgets every call and canned answer. */
export function resetFakeTaro(): void {
  deviceStorage.clear()
  for (const fn of Object.values(fakeTaro)) fn.mockClear()
  fakeTaro.request.mockReset()
  fakeTaro.getLocation.mockReset()
}

/** A Taro.request success result (wx.request resolves for every HTTP status). */
export function httpAnswer(statusCode: number, data: unknown) {
  return { statusCode, data, header: {}, cookies: [], errMsg: 'request:ok' }
}

export default fakeTaro
