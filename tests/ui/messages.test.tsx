import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { MessageT, SubscriptionsT } from '../../src/api/messages'
import { deviceStorage, fakeTaro, resetFakeTaro, setRouteParams } from '../unit/helpers/fake-taro'
import { flush, render, type Rendered } from './render'
import { payment, VEHICLE, violationView } from './traffic-fixtures'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/messages-api', () => ({
  listMessages: vi.fn(),
  getUnreadCount: vi.fn(),
  markMessagesRead: vi.fn(),
  getSubscriptions: vi.fn(),
  recordSubscriptions: vi.fn(),
}))
vi.mock('../../src/services/citizen-api', () => ({ getMe: vi.fn(() => Promise.resolve({ identity: null, vehicles: 0 })), listRecords: vi.fn() }))
vi.mock('../../src/services/traffic-api', () => ({ getVehicleViolations: vi.fn(), getViolation: vi.fn(), getLicence: vi.fn(), createViolationPayment: vi.fn() }))
vi.mock('../../src/services/payment-api', () => ({ getPayment: vi.fn(), paySimulated: vi.fn() }))

const PAYMENT_TEMPLATE = 'tpl-payment'
const SUBSCRIPTIONS: SubscriptionsT = {
  templates: [
    { kind: 'payment', templateId: PAYMENT_TEMPLATE, choice: 'none', quota: 0 },
    { kind: 'booking', templateId: 'tpl-booking', choice: 'none', quota: 0 },
  ],
}

function message(id: string, read: boolean): MessageT {
  return {
    id,
    recordId: `0000000${id}-0000-0000-0000-000000000000`.slice(0, 36),
    serviceId: 'chengdu-traffic',
    serviceName: '交通违法',
    state: 'paid',
    title: '缴费成功',
    body: '缴纳交通违法罚款，已支付 200.00 元。',
    read,
    createdAt: '2026-12-07T02:00:00.000Z',
  }
}

let view: Rendered | undefined

async function api() {
  return vi.mocked(await import('../../src/services/messages-api'))
}

function loggedIn() {
  deviceStorage.set('onecity:session', JSON.stringify({ state: { token: 't1', expiresAt: '2099-01-01T00:00:00.000Z', loggedOut: false }, version: 1 }))
}

describe('消息', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => {
    view?.unmount()
    vi.unstubAllEnvs()
  })

  it('我的 shows the unread count on the 消息 entry, in words and as a number, and on the 我的 tab', async () => {
    vi.resetModules()
    loggedIn()
    ;(await api()).getUnreadCount.mockResolvedValue(3)
    const { default: MePage } = await import('../../src/pages/me/index')
    view = await render(<MePage />)
    await flush()
    const entry = view.getByText('消息', '.me-entry__title').closest('[role="button"]')!
    expect(entry.textContent).toContain('3 条未读消息')
    expect(entry.querySelector('.me-entry__badge')?.textContent).toBe('3')
    expect(fakeTaro.setTabBarBadge).toHaveBeenCalledWith({ index: 1, text: '3' })
  })

  it('no session: no badge and nothing asked (the page does not log in for it)', async () => {
    vi.resetModules()
    const messages = await api()
    const { default: MePage } = await import('../../src/pages/me/index')
    deviceStorage.set('onecity:session', JSON.stringify({ state: { token: null, expiresAt: null, loggedOut: true }, version: 1 }))
    view = await render(<MePage />)
    await flush()
    expect(messages.getUnreadCount).not.toHaveBeenCalled()
    expect(fakeTaro.setTabBarBadge).not.toHaveBeenCalled()
  })

  it('lists the messages with 未读 in words; opening one marks it read and opens its case in 办事记录', async () => {
    vi.resetModules()
    const messages = await api()
    messages.listMessages.mockResolvedValue({ messages: [message('1', false), message('2', true)], unread: 1 })
    messages.markMessagesRead.mockResolvedValue(0)
    const { default: MessagesPage } = await import('../../src/packages/account/pages/messages/index')
    view = await render(<MessagesPage />)
    await flush()
    const rows = view.container.querySelectorAll('[role="list"] [role="button"]')
    expect(rows).toHaveLength(2)
    expect(rows[0]!.textContent).toContain('未读')
    expect(rows[1]!.textContent).not.toContain('未读')
    expect(view.container.querySelector('.page.messages')).not.toBeNull()
    await view.click(rows[0]!)
    expect(messages.markMessagesRead).toHaveBeenCalledWith([message('1', false).id])
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: `/packages/account/pages/records/index?record=${message('1', false).recordId}` }))
    // H5 has the inbox only: no WeChat reminders switch and nothing asked of WeChat.
    expect(view.container.textContent).not.toContain('微信提醒')
    expect(messages.getSubscriptions).not.toHaveBeenCalled()
  })
})

describe('the subscription request comes from the tap', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => {
    view?.unmount()
    vi.unstubAllEnvs()
  })

  async function renderViolation() {
    vi.resetModules()
    vi.stubEnv('TARO_ENV', 'weapp')
    setRouteParams({ service: 'chengdu-traffic', vehicle: VEHICLE.id, violation: '5101000000000001' })
    const messages = await api()
    messages.getSubscriptions.mockResolvedValue(SUBSCRIPTIONS)
    messages.recordSubscriptions.mockResolvedValue(SUBSCRIPTIONS)
    const traffic = vi.mocked(await import('../../src/services/traffic-api'))
    const payments = vi.mocked(await import('../../src/services/payment-api'))
    traffic.getViolation.mockResolvedValue(violationView())
    traffic.createViolationPayment.mockResolvedValue(payment({ simulatedCashier: false, payParams: { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=wx1', signType: 'RSA', paySign: 's' } }))
    payments.getPayment.mockResolvedValue(payment({ status: 'paid' }))
    const { default: ViolationPage } = await import('../../src/packages/traffic/pages/violation/index')
    view = await render(<ViolationPage />)
    await flush()
    return messages
  }

  it('opening the page asks nothing; 立即缴款 asks for the payment template first, then pays, and the answer is recorded with a fresh login code', async () => {
    const messages = await renderViolation()
    expect(messages.getSubscriptions).toHaveBeenCalled()
    expect(fakeTaro.requestSubscribeMessage).not.toHaveBeenCalled()
    fakeTaro.requestSubscribeMessage.mockImplementation((options) => {
      options.success?.({ errMsg: 'requestSubscribeMessage:ok', [PAYMENT_TEMPLATE]: 'accept' })
      return undefined
    })
    await view!.click(view!.getByText('立即缴款', '[role="button"]'))
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0))
    })
    expect(fakeTaro.requestSubscribeMessage).toHaveBeenCalledTimes(1)
    expect(fakeTaro.requestSubscribeMessage.mock.calls[0]![0].tmplIds).toEqual([PAYMENT_TEMPLATE])
    expect(fakeTaro.requestSubscribeMessage.mock.invocationCallOrder[0]).toBeLessThan(fakeTaro.requestPayment.mock.invocationCallOrder[0] ?? Infinity)
    expect(messages.recordSubscriptions).toHaveBeenCalledWith({ code: 'wx-code', choices: [{ templateId: PAYMENT_TEMPLATE, choice: 'accept' }] })
  })

  it('a template the citizen refused is not asked for again from a payment', async () => {
    const messages = await renderViolation()
    messages.getSubscriptions.mockResolvedValue({ templates: [{ kind: 'payment', templateId: PAYMENT_TEMPLATE, choice: 'reject', quota: 0 }] })
    const { prefetchSubscriptions } = await import('../../src/services/subscription-request')
    await prefetchSubscriptions()
    await view!.click(view!.getByText('立即缴款', '[role="button"]'))
    expect(fakeTaro.requestSubscribeMessage).not.toHaveBeenCalled()
  })
})
