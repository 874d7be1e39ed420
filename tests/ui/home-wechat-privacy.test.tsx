import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { deviceStorage, fakeTaro, resetFakeTaro } from '../unit/helpers/fake-taro'
import { DEYANG } from '../unit/helpers/cities'
import { flush, render, type Rendered } from './render'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/api', () => ({
  getCatalog: vi.fn(),
  getNearestCity: vi.fn(),
  getCities: vi.fn(),
}))

function remember(key: string, state: unknown): void {
  deviceStorage.set(`onecity:${key}`, JSON.stringify({ state, version: 1 }))
}

/** The home page with WeChat's privacy listener registered as app.ts does at launch in the weapp. */
async function loadHome() {
  vi.resetModules()
  const api = vi.mocked(await import('../../src/services/api'))
  api.getCatalog.mockResolvedValue({ city: DEYANG, local: [], national: [], total: 0 })
  const privacy = await import('../../src/services/wechat-privacy')
  privacy.listenForWechatPrivacyRequests()
  const { default: HomePage } = await import('../../src/pages/home/index')
  return { HomePage, privacy }
}

/** WeChat raising a privacy request, as a private API does before the citizen agreed; returns its resolve. */
async function wechatAsks(): Promise<ReturnType<typeof vi.fn>> {
  const listener = fakeTaro.onNeedPrivacyAuthorization.mock.calls.at(-1)?.[0] as (resolve: (o: unknown) => void, info: unknown) => void
  const resolve = vi.fn()
  listener(resolve, { referrer: 'getFuzzyLocation' })
  await flush()
  return resolve
}

let view: Rendered | undefined

describe('home page: the app\'s notice is WeChat\'s privacy consent', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  it('on first launch shows one notice, and its 同意 resolves WeChat\'s request with that button', async () => {
    const { HomePage, privacy } = await loadHome()
    view = await render(<HomePage />)
    const resolve = await wechatAsks()
    expect(view.container.querySelectorAll('[role="dialog"]')).toHaveLength(1)
    const agree = view.getByText('同意', '[role="button"]')
    expect(agree.id).toBe(privacy.PRIVACY_AGREE_BUTTON_ID)
    await view.click(agree)
    await flush()
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'privacy-agree' })
    expect(view.container.querySelector('[role="dialog"]')).toBeNull()
  })

  it('shows the notice again when WeChat asks after an earlier 同意 (e.g. a newly declared API)', async () => {
    remember('consent', { decision: 'agreed', version: 1, decidedAt: '2025-01-01T00:00:00.000Z' })
    remember('city', { current: DEYANG, source: 'picker' })
    const { HomePage } = await loadHome()
    view = await render(<HomePage />)
    await flush()
    expect(view.container.querySelector('[role="dialog"]')).toBeNull()
    const resolve = await wechatAsks()
    expect(view.container.querySelector('[role="dialog"]')).not.toBeNull()
    await view.click(view.getByText('同意', '[role="button"]'))
    await flush()
    expect(resolve).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'privacy-agree' })
    expect(view.container.querySelector('[role="dialog"]')).toBeNull()
  })

  it('shows the notice at start when getPrivacySetting says WeChat needs consent', async () => {
    remember('consent', { decision: 'agreed', version: 1, decidedAt: '2025-01-01T00:00:00.000Z' })
    remember('city', { current: DEYANG, source: 'picker' })
    fakeTaro.getPrivacySetting.mockImplementation((option: { success: (r: { needAuthorization: boolean }) => void }) =>
      option.success({ needAuthorization: true }),
    )
    const { HomePage } = await loadHome()
    view = await render(<HomePage />)
    await flush()
    expect(view.container.querySelector('[role="dialog"]')).not.toBeNull()
  })

  it('不同意 refuses WeChat\'s request and leaves the city picker, asking for no location', async () => {
    const { HomePage } = await loadHome()
    view = await render(<HomePage />)
    const resolve = await wechatAsks()
    await view.click(view.getByText('不同意', '[role="button"]'))
    await flush()
    expect(resolve).toHaveBeenLastCalledWith({ event: 'disagree' })
    expect(fakeTaro.getLocation).not.toHaveBeenCalled()
    expect(fakeTaro.getFuzzyLocation).not.toHaveBeenCalled()
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: '/pages/city/index' })
    expect(view.getByText('选择城市', '[role="button"]')).toBeTruthy()
  })
})
