import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { MyPaymentT } from '../../src/api/my-payments'
import { fakeTaro, resetFakeTaro } from '../unit/helpers/fake-taro'
import { flush, render, type Rendered } from './render'
import { payment } from './traffic-fixtures'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/packages/pay/my-payments-api', () => ({ listMyPayments: vi.fn(), closeMyPayment: vi.fn() }))
vi.mock('../../src/services/payment-api', () => ({ getPayment: vi.fn(), paySimulated: vi.fn() }))

function mine(orderId: string, state: MyPaymentT['state'], over: Partial<MyPaymentT> = {}): MyPaymentT {
  return {
    orderId,
    serviceId: 'chengdu-traffic',
    serviceName: '交通违法处理',
    cityName: '成都',
    item: { kind: 'fine', name: '交通违法罚款', plate: '川A***45' },
    amountFen: 20000,
    state,
    createdAt: '2026-12-07T02:00:00.000Z',
    expiresAt: '2026-12-07T02:30:00.000Z',
    ...(state === 'paid' ? { paidAt: '2026-12-07T02:01:00.000Z', receiptNo: '51010000000000000001' } : {}),
    ...over,
  }
}

let view: Rendered | undefined

async function renderPage(pages: { payments: MyPaymentT[]; nextCursor?: string }[]) {
  vi.resetModules()
  const api = vi.mocked(await import('../../src/packages/pay/my-payments-api'))
  const payApi = vi.mocked(await import('../../src/services/payment-api'))
  for (const page of pages) api.listMyPayments.mockResolvedValueOnce(page)
  const { default: Page } = await import('../../src/packages/pay/pages/payments/index')
  view = await render(<Page />)
  await flush()
  return { api, payApi }
}

const rows = () => [...view!.container.querySelectorAll('.my-payment')]
const button = (text: string) => view!.queryByText(text, '[role="button"]')

describe('我的支付', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  it('lists each payment with its state in words, the city, service, plate (masked) and amount; loads more', async () => {
    const refunded = mine('o3', 'refunded', { serviceName: '预约挂号', item: { kind: 'registration', name: '挂号费' }, amountFen: 2500, refundFen: 2500, refundedAt: '2026-12-07T03:00:00.000Z' })
    const { api } = await renderPage([{ payments: [mine('o1', 'open'), mine('o2', 'paid')], nextCursor: 'c1' }, { payments: [refunded, mine('o4', 'closed')] }])
    expect(rows().map((r) => r.querySelector('.status-tag')?.textContent)).toEqual(['待支付', '已支付'])
    expect(rows()[0]?.querySelector('.list-row__title')?.textContent).toBe('成都 · 交通违法处理')
    expect(rows()[0]?.textContent).toContain('交通违法罚款 · 川A***45 · ¥200.00')
    await view!.click(button('加载更多')!)
    await flush()
    expect(api.listMyPayments).toHaveBeenLastCalledWith('c1')
    expect(rows().map((r) => r.querySelector('.status-tag')?.textContent)).toEqual(['待支付', '已支付', '已退款', '已关闭'])
    expect(button('加载更多')).toBeNull()
    expect(view!.container.textContent).toContain('没有更多了')
  })

  it('a tap shows the receipt: amount, service, city, order number, paid time, refund', async () => {
    const refunded = mine('o3', 'refunded', { serviceName: '预约挂号', item: { kind: 'registration', name: '挂号费' }, amountFen: 2500, paidAt: '2026-12-07T02:01:00.000Z', refundFen: 2500, refundedAt: '2026-12-07T03:00:00.000Z' })
    await renderPage([{ payments: [refunded] }])
    await view!.click(view!.container.querySelector('.my-payment__summary')!)
    const receipt = view!.container.querySelector('.my-payment__receipt')!.textContent
    for (const text of ['¥25.00', '成都 · 预约挂号', '挂号费', 'o3', '支付时间2026-12-07 10:01', '退款金额¥25.00', '退款时间2026-12-07 11:00']) expect(receipt).toContain(text)
    expect(button('去支付')).toBeNull()
  })

  it('a 待支付 one is paid through the cashier, or closed after a confirmation', async () => {
    const { api, payApi } = await renderPage([{ payments: [mine('ord_0001', 'open')] }])
    await view!.click(view!.container.querySelector('.my-payment__summary')!)
    // 去支付 is the primary action, drawn as a button like 关闭订单 (not bare text).
    expect(button('去支付')!.className).toContain('button--primary')
    payApi.getPayment.mockResolvedValue(payment())
    await view!.click(button('去支付')!)
    await flush()
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/packages\/pay\/pages\/cashier\/index\?order=ord_0001&back=/) })

    api.closeMyPayment.mockResolvedValue(mine('ord_0001', 'closed'))
    api.listMyPayments.mockResolvedValue({ payments: [mine('ord_0001', 'closed')] })
    await view!.click(button('关闭订单')!)
    await flush()
    expect(fakeTaro.showModal).toHaveBeenCalled()
    expect(api.closeMyPayment).toHaveBeenCalledWith('ord_0001')
    expect(rows()[0]?.querySelector('.status-tag')?.textContent).toBe('已关闭')
  })

  it('says when there is nothing yet', async () => {
    await renderPage([{ payments: [] }])
    expect(view!.container.textContent).toContain('暂无支付记录')
  })
})
