import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fakeTaro, resetFakeTaro, setRouteParams } from '../unit/helpers/fake-taro'
import { flush, render, type Rendered } from './render'
import { payment } from './traffic-fixtures'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/payment-api', () => ({ getPayment: vi.fn(), paySimulated: vi.fn() }))

let view: Rendered | undefined

async function renderCashier(order = payment(), back?: string) {
  vi.resetModules()
  setRouteParams({ order: order.orderId, ...(back === undefined ? {} : { back: encodeURIComponent(back) }) })
  const api = vi.mocked(await import('../../src/services/payment-api'))
  const { ApiError } = await import('../../src/services/request')
  const { default: CashierPage } = await import('../../src/packages/pay/pages/cashier/index')
  api.getPayment.mockResolvedValue(order)
  view = await render(<CashierPage />)
  await flush()
  return { api, ApiError }
}

const button = (text: string) => view!.queryByText(text, '[role="button"]')

describe('模拟微信支付', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  it('says it is a simulation and shows what is paid and how much', async () => {
    const { api } = await renderCashier()
    expect(api.getPayment).toHaveBeenCalledWith('ord_0001')
    expect(view!.container.querySelector('[role="heading"]')?.textContent).toBe('模拟微信支付')
    expect(view!.container.querySelector('.cashier__notice')?.textContent).toContain('模拟')
    expect(view!.container.querySelector('.cashier__amount')?.textContent).toBe('¥260.00')
    expect(view!.container.textContent).toContain('交通违法罚款')
    expect(button('确认支付')).not.toBeNull()
    expect(button('取消支付')).not.toBeNull()
  })

  it('确认支付 pays once and goes back', async () => {
    const { api } = await renderCashier()
    api.paySimulated.mockResolvedValue(payment({ status: 'paid' }))
    await view!.click(button('确认支付')!)
    await view!.click(button('确认支付')!)
    await flush()
    expect(api.paySimulated).toHaveBeenCalledTimes(1)
    expect(api.paySimulated).toHaveBeenCalledWith('ord_0001')
    expect(fakeTaro.navigateBack).toHaveBeenCalledTimes(1)
  })

  it('取消支付 goes back without paying', async () => {
    const { api } = await renderCashier()
    await view!.click(button('取消支付')!)
    expect(api.paySimulated).not.toHaveBeenCalled()
    expect(fakeTaro.navigateBack).toHaveBeenCalled()
  })

  describe('after a reload (H5: no page under it)', () => {
    const back = '/packages/traffic/pages/violation/index?service=chengdu-traffic&vehicle=v1&violation=x1'
    beforeEach(() => fakeTaro.getCurrentPages.mockReturnValue([{}]))
    afterEach(() => fakeTaro.getCurrentPages.mockReturnValue([{}, {}]))

    it('确认支付 still pays its order and opens the page it came from, from its URL', async () => {
      const { api } = await renderCashier(payment(), back)
      expect(api.getPayment).toHaveBeenCalledWith('ord_0001')
      api.paySimulated.mockResolvedValue(payment({ status: 'paid' }))
      await view!.click(button('确认支付')!)
      await flush()
      expect(fakeTaro.redirectTo).toHaveBeenCalledWith({ url: back })
      expect(fakeTaro.switchTab).not.toHaveBeenCalled()
    })

    it('取消支付 opens the page it came from', async () => {
      await renderCashier(payment(), back)
      await view!.click(button('取消支付')!)
      expect(fakeTaro.redirectTo).toHaveBeenCalledWith({ url: back })
    })

    it('a `back` that is not a page of the app is ignored: home instead', async () => {
      await renderCashier(payment(), 'https://evil.example/pay')
      await view!.click(button('取消支付')!)
      expect(fakeTaro.redirectTo).not.toHaveBeenCalled()
      expect(fakeTaro.switchTab).toHaveBeenCalledWith({ url: '/pages/home/index' })
    })
  })

  it('stays and says why when paying fails', async () => {
    const { api, ApiError } = await renderCashier()
    api.paySimulated.mockRejectedValue(new ApiError('PAYMENT_UNAVAILABLE', '支付服务暂时不可用，请稍后重试', 502))
    await view!.click(button('确认支付')!)
    await flush()
    expect(view!.container.querySelector('.form-alert')?.textContent).toContain('支付服务暂时不可用')
    expect(fakeTaro.navigateBack).not.toHaveBeenCalled()
  })

  it('does not offer to pay an order that is already paid or closed', async () => {
    await renderCashier(payment({ status: 'done' }))
    expect(button('确认支付')).toBeNull()
    expect(view!.container.textContent).toContain('已支付')
    view!.unmount()
    await renderCashier(payment({ status: 'closed' }))
    expect(button('确认支付')).toBeNull()
    expect(button('返回')).not.toBeNull()
  })
})
