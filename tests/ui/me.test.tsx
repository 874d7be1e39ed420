import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { MeT } from '../../src/api/citizens'
import { coverPage, deviceStorage, fakeTaro, resetFakeTaro, uncoverPage } from '../unit/helpers/fake-taro'
import { flush, render, type Rendered } from './render'
import { deferred } from './traffic-fixtures'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/citizen-api', () => ({
  getMe: vi.fn(),
  verifyIdentity: vi.fn(),
  listVehicles: vi.fn(),
  bindVehicle: vi.fn(),
  unbindVehicle: vi.fn(),
  listRecords: vi.fn(),
}))
// The session as the page sees it: login and logout change the store the page reads.
vi.mock('../../src/services/session', () => ({
  login: vi.fn(async () => {
    const { saveSession } = await import('../../src/stores/session-store')
    saveSession('t2', '2099-01-01T00:00:00.000Z')
    return 't2'
  }),
  logout: vi.fn(async () => {
    const { clearSession } = await import('../../src/stores/session-store')
    clearSession(true)
  }),
}))

const VERIFIED: MeT = { identity: { name: '*伟', idNumber: '5106**********1238', verifiedAt: '2026-11-20T02:00:00.000Z' }, vehicles: 2 }

let view: Rendered | undefined

function rememberSession(state: { token: string | null; loggedOut: boolean }) {
  deviceStorage.set('onecity:session', JSON.stringify({ state: { expiresAt: '2099-01-01T00:00:00.000Z', ...state }, version: 1 }))
}

async function renderMe(me: MeT | Promise<MeT> = { identity: null, vehicles: 0 }) {
  vi.resetModules()
  const api = vi.mocked(await import('../../src/services/citizen-api'))
  const session = vi.mocked(await import('../../src/services/session'))
  const { default: MePage } = await import('../../src/pages/me/index')
  api.getMe.mockImplementation(() => Promise.resolve(me))
  view = await render(<MePage />)
  await flush()
  return { api, session }
}

const entry = (title: string) => view!.getByText(title, '.me-entry__title').closest('[role="button"]')!

describe('我的', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  it('renders at once and fills in the real-name status when it arrives', async () => {
    const me = deferred<MeT>()
    const { api } = await renderMe(me.promise)
    expect(api.getMe).toHaveBeenCalledTimes(1)
    expect(view!.container.querySelector('.me-identity[role="status"]')?.textContent).toBe('正在读取实名状态…')
    for (const title of ['实名认证', '我的车辆', '就诊人', '办事记录', '隐私与统计']) expect(view!.queryByText(title, '.me-entry__title')).not.toBeNull()
    await act(async () => me.resolve(VERIFIED))
    expect(view!.container.querySelector('.me-identity')?.textContent).toBe('*伟5106**********1238已实名')
  })

  it('shows 未实名 with 去认证, and opens 实名认证, 我的车辆 and 办事记录', async () => {
    await renderMe()
    expect(view!.container.querySelector('.me-identity__title')?.textContent).toBe('未实名')
    await view!.click(view!.getByText('去认证', '[role="button"]'))
    expect(fakeTaro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/account/pages/identity/index' })
    await view!.click(entry('实名认证'))
    expect(fakeTaro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/account/pages/identity/index' })
    expect(entry('我的车辆').textContent).toContain('未绑定车辆')
    await view!.click(entry('我的车辆'))
    expect(fakeTaro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/traffic/pages/index/index' })
    await view!.click(entry('办事记录'))
    expect(fakeTaro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/account/pages/records/index' })
    await view!.click(entry('就诊人'))
    expect(fakeTaro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/hospital/pages/patients/index' })
  })

  it('opens 我的支付, which is no longer 即将上线', async () => {
    await renderMe()
    expect(entry('我的支付').textContent).not.toContain('即将上线')
    await view!.click(entry('我的支付'))
    expect(fakeTaro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/pay/pages/payments/index' })
  })

  it('shows the vehicle count and refreshes when 我的 shows again', async () => {
    const { api } = await renderMe(VERIFIED)
    expect(entry('我的车辆').textContent).toContain('已绑定 2 辆')
    api.getMe.mockResolvedValue({ ...VERIFIED, vehicles: 3 })
    await act(async () => {
      coverPage()
      uncoverPage()
    })
    await flush()
    expect(entry('我的车辆').textContent).toContain('已绑定 3 辆')
  })

  it('退出登录 after confirming; then waits for 登录 instead of logging in by itself', async () => {
    rememberSession({ token: 't1', loggedOut: false })
    const { api, session } = await renderMe(VERIFIED)
    await view!.click(view!.getByText('退出登录', '[role="button"]'))
    await flush()
    expect(fakeTaro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '退出登录' }))
    expect(session.logout).toHaveBeenCalled()
    expect(view!.container.querySelector('.me-identity__title')?.textContent).toBe('未登录')
    expect(view!.queryByText('退出登录', '[role="button"]')).toBeNull()

    api.getMe.mockClear()
    await act(async () => {
      coverPage()
      uncoverPage()
    })
    expect(api.getMe).not.toHaveBeenCalled()

    await view!.click(view!.getByText('登录', '[role="button"]'))
    await flush()
    expect(session.login).toHaveBeenCalled()
    expect(api.getMe).toHaveBeenCalledTimes(1)
    expect(view!.container.querySelector('.me-identity__title')?.textContent).toBe('*伟')
  })

  it('does not log in on opening after 退出登录', async () => {
    rememberSession({ token: null, loggedOut: true })
    const { api } = await renderMe()
    expect(api.getMe).not.toHaveBeenCalled()
    expect(view!.getByText('登录', '[role="button"]')).toBeTruthy()
  })
})
