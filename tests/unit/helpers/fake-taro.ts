import { useEffect, useRef } from 'react'
import { vi } from 'vitest'

/**
 * An in-memory stand-in for the parts of @tarojs/taro the app uses. Storage
 * behaves like wx storage: a missing key reads as ''. One instance per test
 * file (kept on globalThis), so it survives vi.resetModules() in page tests.
 */
function createFakeTaro() {
  const deviceStorage = new Map<string, unknown>()
  const routeParams: Record<string, string> = {}
  const fakeTaro = {
    /** The page on top: its path is set by tests that need it; its query is the route params. */
    getCurrentInstance: vi.fn(() => ({ router: { path: '/pages/test/index', params: routeParams } })),
    getStorageSync: vi.fn((key: string): unknown => (deviceStorage.has(key) ? deviceStorage.get(key) : '')),
    setStorageSync: vi.fn((key: string, value: unknown): void => {
      deviceStorage.set(key, value)
    }),
    removeStorageSync: vi.fn((key: string): void => {
      deviceStorage.delete(key)
    }),
    request: vi.fn(),
    getLocation: vi.fn(),
    getFuzzyLocation: vi.fn(),
    onNeedPrivacyAuthorization: vi.fn(),
    getPrivacySetting: vi.fn(),
    navigateTo: vi.fn((_options: { url: string }) => Promise.resolve()),
    navigateBack: vi.fn(() => Promise.resolve()),
    switchTab: vi.fn((_options: { url: string }) => Promise.resolve()),
    getCurrentPages: vi.fn((): unknown[] => [{}, {}]),
    pageScrollTo: vi.fn((_options: { selector?: string; scrollTop?: number }) => Promise.resolve()),
    showToast: vi.fn((_options: { title: string }) => Promise.resolve()),
    showModal: vi.fn((_options?: unknown) => Promise.resolve({ confirm: true, cancel: false })),
    redirectTo: vi.fn((_options: { url: string }) => Promise.resolve()),
    login: vi.fn(() => Promise.resolve({ code: 'wx-code', errMsg: 'login:ok' })),
    requestPayment: vi.fn((_options: unknown) => Promise.resolve({ errMsg: 'requestPayment:ok' })),
    requestSubscribeMessage: vi.fn((_options: { tmplIds: string[]; success?: (answer: Record<string, string>) => void }) => undefined),
    setTabBarBadge: vi.fn((_options: { index: number; text: string }) => Promise.resolve()),
    removeTabBarBadge: vi.fn((_options: { index: number }) => Promise.resolve()),
    getSystemInfoSync: vi.fn((): { fontSizeSetting?: number; fontSizeScaleFactor?: number } => ({ fontSizeSetting: 17, fontSizeScaleFactor: 1 })),
  }
  return { deviceStorage, fakeTaro, routeParams, showHandlers: new Set<() => void>(), hideHandlers: new Set<() => void>() }
}

const holder = globalThis as { __onecityFakeTaro?: ReturnType<typeof createFakeTaro> }
const shared = (holder.__onecityFakeTaro ??= createFakeTaro())

export const deviceStorage = shared.deviceStorage
export const fakeTaro = shared.fakeTaro

/** The query the current page was opened with, as the router gives it (values still encoded). */
export function setRouteParams(params: Record<string, string>): void {
  for (const key of Object.keys(shared.routeParams)) delete shared.routeParams[key]
  Object.assign(shared.routeParams, params)
}

export function useRouter() {
  return { params: shared.routeParams, path: '' }
}

function usePageEvent(handlers: Set<() => void>, callback: () => void): void {
  const latest = useRef(callback)
  latest.current = callback
  useEffect(() => {
    const handler = () => latest.current()
    handlers.add(handler)
    return () => {
      handlers.delete(handler)
    }
  }, [])
}

/** Runs on page show after the first; the first show is left to the page's own mount effects. */
export function useDidShow(callback: () => void): void {
  usePageEvent(shared.showHandlers, callback)
}
export function useDidHide(callback: () => void): void {
  usePageEvent(shared.hideHandlers, callback)
}

/** Another page covers the rendered one (navigateTo), then it shows again (navigateBack). */
export function coverPage(): void {
  for (const handler of [...shared.hideHandlers]) handler()
}
export function uncoverPage(): void {
  for (const handler of [...shared.showHandlers]) handler()
}

/** Empties storage and forgets every call and canned answer. */
export function resetFakeTaro(): void {
  deviceStorage.clear()
  setRouteParams({})
  for (const fn of Object.values(fakeTaro)) fn.mockClear()
  fakeTaro.request.mockReset()
  fakeTaro.getLocation.mockReset()
  fakeTaro.getFuzzyLocation.mockReset()
  fakeTaro.onNeedPrivacyAuthorization.mockReset()
  fakeTaro.getPrivacySetting.mockReset()
}

/** A Taro.request success result (wx.request resolves for every HTTP status). */
export function httpAnswer(statusCode: number, data: unknown) {
  return { statusCode, data, header: {}, cookies: [], errMsg: 'request:ok' }
}

export default fakeTaro
