import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PaymentT } from '../../src/api/payments'
import { coverPage, fakeTaro, resetFakeTaro, setRouteParams, uncoverPage } from '../unit/helpers/fake-taro'
import { flush, render, type Rendered } from './render'
import { deferred, payment, VEHICLE, violationView } from './traffic-fixtures'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/traffic-api', () => ({
  getVehicleViolations: vi.fn(),
  getViolation: vi.fn(),
  getLicence: vi.fn(),
  createViolationPayment: vi.fn(),
}))
vi.mock('../../src/services/payment-api', () => ({ getPayment: vi.fn(), paySimulated: vi.fn() }))

let view: Rendered | undefined

async function renderViolation(first = violationView()) {
  vi.resetModules()
  setRouteParams({ service: 'chengdu-traffic', vehicle: VEHICLE.id, violation: '5101000000000001' })
  const traffic = vi.mocked(await import('../../src/services/traffic-api'))
  const payments = vi.mocked(await import('../../src/services/payment-api'))
  const { ApiError } = await import('../../src/services/request')
  const { default: ViolationPage } = await import('../../src/packages/traffic/pages/violation/index')
  traffic.getViolation.mockResolvedValue(first)
  view = await render(<ViolationPage />)
  await flush()
  return { view, traffic, payments, ApiError }
}

const payButton = () => view!.queryByText('立即缴款', '[role="button"]')
const text = () => view!.container.textContent ?? ''

/** Back from the cashier: the page was covered and shows again. */
async function comeBack() {
  await act(async () => {
    coverPage()
    uncoverPage()
  })
  await flush()
}

describe('违法详情', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  it('a fine another account (same car) is paying or paid: says so and offers no 立即缴款', async () => {
    await renderViolation({ ...violationView(), paymentElsewhere: 'in-progress' })
    expect(text()).toContain('另一个微信账号正在为这条违法缴款')
    expect(payButton()).toBeNull()
    view!.unmount()
    await renderViolation({ ...violationView(), paymentElsewhere: 'paid' })
    expect(text()).toContain('已由绑定同一车辆的另一个微信账号缴款')
    expect(payButton()).toBeNull()
  })

  it('shows the fine, late fee, what paying costs, points, legal basis and authority', async () => {
    const { traffic } = await renderViolation()
    expect(traffic.getViolation).toHaveBeenCalledWith('chengdu-traffic', VEHICLE.id, '5101000000000001')
    const rows = Object.fromEntries(
      [...view!.container.querySelectorAll('.detail-list__row')].map((r) => [
        r.querySelector('.detail-list__label')?.textContent,
        r.querySelector('.detail-list__value')?.textContent,
      ]),
    )
    expect(rows).toMatchObject({
      状态: '未缴款',
      违法时间: '2026-10-01 09:30',
      罚款: '200.00 元',
      滞纳金: '60.00 元',
      应缴金额: '260.00 元',
      记分: '6 分',
      处罚依据: '《道路交通安全法》第九十条',
      处理机关: '成都市公安局交通管理局',
    })
    expect(payButton()).not.toBeNull()
  })

  it('sends one POST for a double tap on 立即缴款', async () => {
    const { traffic } = await renderViolation()
    const order = deferred<PaymentT>()
    traffic.createViolationPayment.mockReturnValue(order.promise)
    await view!.click(payButton()!)
    await view!.click(payButton()!)
    expect(traffic.createViolationPayment).toHaveBeenCalledTimes(1)
    expect(payButton()?.getAttribute('aria-disabled')).toBe('true')
    await act(async () => order.resolve(payment()))
    await flush()
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/packages\/pay\/pages\/cashier\/index\?order=ord_0001&back=%2F/) })
    // Where to come back to is in the cashier's URL, so a reload there does not lose it.
    const { url } = fakeTaro.navigateTo.mock.calls[0]![0]
    expect(decodeURIComponent(new URLSearchParams(url.split('?')[1]).get('back')!)).toBe(`/pages/test/index?service=chengdu-traffic&vehicle=${VEHICLE.id}&violation=5101000000000001`)
    expect(traffic.createViolationPayment).toHaveBeenCalledTimes(1)
  })

  it('back from the cashier reads the order, shows 已缴款 and reloads the violation', async () => {
    const { traffic, payments } = await renderViolation()
    traffic.createViolationPayment.mockResolvedValue(payment())
    await view!.click(payButton()!)
    await flush()
    payments.getPayment.mockResolvedValue(payment({ status: 'done', paidAt: '2026-11-20T02:05:00.000Z', receiptNo: '51010000000000000001' }))
    traffic.getViolation.mockResolvedValue(
      violationView({ status: 'paid', payableOnline: false, notPayableReason: '已缴款', paidAt: '2026-11-20T02:05:00.000Z' }, payment({ status: 'done' })),
    )
    await comeBack()
    expect(payments.getPayment).toHaveBeenCalledWith('ord_0001')
    expect(view!.container.querySelector('.pay-outcome--paid')?.textContent).toContain('已缴款')
    expect(text()).toContain('编号 51010000000000000001')
    expect(traffic.getViolation).toHaveBeenCalledTimes(2)
    expect(view!.container.querySelector('.detail-list__value')?.textContent).toBe('已缴款')
    expect(payButton()).toBeNull()
    expect(view!.container.querySelector('.violation-not-payable')).toBeNull()
  })

  it('back without paying says the fine is still unpaid and offers 立即缴款 again', async () => {
    const { traffic, payments } = await renderViolation()
    traffic.createViolationPayment.mockResolvedValue(payment())
    await view!.click(payButton()!)
    await flush()
    payments.getPayment.mockResolvedValue(payment({ status: 'created' }))
    await comeBack()
    expect(view!.container.querySelector('.pay-outcome--unfinished')?.textContent).toBe('支付未完成，罚款仍未缴纳，可重新缴款')
    expect(payButton()).not.toBeNull()
  })

  it('shows why a violation cannot be paid online, and no pay button', async () => {
    await renderViolation(violationView({ payableOnline: false, notPayableReason: '该违法需到交管窗口接受处理后缴款' }))
    expect(view!.container.querySelector('.violation-not-payable')?.textContent).toBe('不能在线缴款该违法需到交管窗口接受处理后缴款')
    expect(payButton()).toBeNull()
  })

  it('shows the agency refusing online payment and reloads', async () => {
    const { traffic, ApiError } = await renderViolation()
    traffic.createViolationPayment.mockRejectedValue(new ApiError('NOT_PAYABLE_ONLINE', '记分满 12 分，需到窗口处理', 422))
    traffic.getViolation.mockResolvedValue(violationView({ payableOnline: false, notPayableReason: '记分满 12 分，需到窗口处理' }))
    await view!.click(payButton()!)
    await flush()
    expect(view!.container.querySelector('.form-alert')?.textContent).toContain('记分满 12 分')
    expect(traffic.getViolation).toHaveBeenCalledTimes(2)
    expect(payButton()).toBeNull()
  })

  it('pays with WeChat Pay in the mini-program and waits for the notify', async () => {
    const { traffic, payments } = await renderViolation()
    const payParams = { timeStamp: '1', nonceStr: 'n', package: 'prepay_id=wx1', signType: 'RSA' as const, paySign: 's' }
    traffic.createViolationPayment.mockResolvedValue(payment({ simulatedCashier: false, payParams }))
    payments.getPayment.mockResolvedValueOnce(payment({ status: 'created' })).mockResolvedValueOnce(payment({ status: 'paid' }))
    vi.stubEnv('TARO_ENV', 'weapp')
    // Fake timers only now: rendering and flush() need the real setTimeout.
    vi.useFakeTimers({ toFake: ['setTimeout'] })
    try {
      await view!.click(payButton()!)
      await act(async () => {
        await vi.advanceTimersByTimeAsync(1500)
      })
    } finally {
      vi.useRealTimers()
      vi.unstubAllEnvs()
    }
    await flush()
    expect(fakeTaro.requestPayment).toHaveBeenCalledWith(payParams)
    expect(payments.getPayment).toHaveBeenCalledTimes(2)
    expect(view!.container.querySelector('.pay-outcome--paid')).not.toBeNull()
    expect(fakeTaro.navigateTo).not.toHaveBeenCalled()
  })

  it('shows a load error with 重试', async () => {
    vi.resetModules()
    setRouteParams({ service: 'chengdu-traffic', vehicle: VEHICLE.id, violation: '5101000000000001' })
    const traffic = vi.mocked(await import('../../src/services/traffic-api'))
    const { ApiError } = await import('../../src/services/request')
    const { default: ViolationPage } = await import('../../src/packages/traffic/pages/violation/index')
    traffic.getViolation.mockRejectedValueOnce(new ApiError('AGENCY_TIMEOUT', '交管部门响应超时，请稍后重试', 504)).mockResolvedValueOnce(violationView())
    view = await render(<ViolationPage />)
    await flush()
    expect(view.container.querySelector('[role="alert"]')?.textContent).toContain('交管部门响应超时')
    await view.click(view.getByText('重试', '[role="button"]'))
    await flush()
    expect(payButton()).not.toBeNull()
  })
})
