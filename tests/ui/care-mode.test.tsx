import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { deviceStorage, fakeTaro, resetFakeTaro } from '../unit/helpers/fake-taro'
import { flush, render, type Rendered } from './render'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/citizen-api', () => ({ getMe: vi.fn(() => new Promise(() => undefined)) }))

let views: Rendered[] = []

/** 我的 and the app shell, as a fresh launch renders them (stores hydrate from the device's storage). */
async function launch() {
  vi.resetModules()
  // The phone-font file Taro picks for the platform (services/phone-font.weapp.ts in WeChat).
  if (process.env.TARO_ENV === 'weapp') vi.doMock('../../src/services/phone-font', () => import('../../src/services/phone-font.weapp'))
  else vi.doUnmock('../../src/services/phone-font')
  const { default: MePage } = await import('../../src/pages/me/index')
  const { useCareRootClass } = await import('../../src/hooks/use-care-mode')
  function Shell() {
    useCareRootClass()
    return null
  }
  views.push(await render(<Shell />), await render(<MePage />))
  await flush()
  return views[views.length - 1]!
}

const careSwitch = (view: Rendered) => view.container.querySelector<HTMLElement>('[role="switch"][aria-labelledby="care-switch-label"]')!

describe('我的 → 关怀模式', () => {
  beforeEach(() => {
    resetFakeTaro()
    document.documentElement.classList.remove('care')
  })
  afterEach(() => {
    for (const view of views) view.unmount()
    views = []
    vi.unstubAllEnvs()
    fakeTaro.getSystemInfoSync.mockImplementation(() => ({ fontSizeSetting: 17, fontSizeScaleFactor: 1 }))
  })

  it('is a switch, off at first, and no longer says 即将上线', async () => {
    const view = await launch()
    const toggle = careSwitch(view)
    expect(toggle.textContent).toContain('关怀模式')
    expect(toggle.getAttribute('aria-checked')).toBe('false')
    expect(view.container.textContent).not.toContain('关怀模式即将上线')
    expect(toggle.closest('[role="listitem"]')?.textContent).not.toContain('即将上线')
    expect(document.documentElement.classList.contains('care')).toBe(false)
  })

  it('turns on with a tap: every page gets the care class on the document root, and the choice is remembered', async () => {
    const view = await launch()
    await view.click(careSwitch(view))
    expect(careSwitch(view).getAttribute('aria-checked')).toBe('true')
    expect(careSwitch(view).textContent).toContain('已开启')
    expect(document.documentElement.classList.contains('care')).toBe(true)
    expect(JSON.parse(deviceStorage.get('onecity:care-mode') as string).state).toEqual({ chosen: true })

    for (const v of views) v.unmount()
    views = []
    document.documentElement.classList.remove('care')
    const next = await launch()
    expect(careSwitch(next).getAttribute('aria-checked')).toBe('true')
    expect(document.documentElement.classList.contains('care')).toBe(true)

    await next.click(careSwitch(next))
    expect(careSwitch(next).getAttribute('aria-checked')).toBe('false')
    expect(document.documentElement.classList.contains('care')).toBe(false)
  })

  it('toggles with Enter or Space like any switch', async () => {
    const view = await launch()
    const { act } = await import('react')
    await act(async () => {
      careSwitch(view).dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true }))
    })
    expect(careSwitch(view).getAttribute('aria-checked')).toBe('true')
  })

  it('in WeChat, where there is no document root, the page\'s own root carries it: on with a large phone font, off when the citizen says so', async () => {
    vi.stubEnv('TARO_ENV', 'weapp')
    fakeTaro.getSystemInfoSync.mockImplementation(() => ({ fontSizeSetting: 22, fontSizeScaleFactor: 1.3 }))
    const view = await launch()
    const root = () => view.container.querySelector<HTMLElement>('.page.me')!
    expect(root().classList.contains('page--care')).toBe(true)
    expect(careSwitch(view).getAttribute('aria-checked')).toBe('true')
    await view.click(careSwitch(view))
    expect(root().classList.contains('page--care')).toBe(false)
    expect(JSON.parse(deviceStorage.get('onecity:care-mode') as string).state).toEqual({ chosen: false })
  })
})
