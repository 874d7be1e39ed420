import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { coverPage, fakeTaro, resetFakeTaro, setRouteParams, uncoverPage } from '../unit/helpers/fake-taro'
import { flush, render, type Rendered } from './render'
import { BILLS, utilityBills } from './utilities-fixtures'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/packages/utilities/api', () => ({
  listProviders: vi.fn(),
  listAccounts: vi.fn(),
  checkAccount: vi.fn(),
  bindAccount: vi.fn(),
  unbindAccount: vi.fn(),
  getBills: vi.fn(),
  payBills: vi.fn(),
  topUp: vi.fn(),
  getHistory: vi.fn(),
}))
vi.mock('../../src/services/payment-api', () => ({ getPayment: vi.fn(), paySimulated: vi.fn() }))

const PAYMENT = {
  orderId: 'ocorder000001',
  serviceId: 'deyang-utilities',
  description: '生活缴费（水费）',
  amountFen: 9_643,
  status: 'created' as const,
  createdAt: '2026-11-20T02:00:00.000Z',
  expiresAt: '2026-11-20T02:30:00.000Z',
  simulatedCashier: true,
}

let view: Rendered | undefined

async function renderBills() {
  vi.resetModules()
  setRouteParams({ service: 'deyang-utilities', account: '00000000-0000-4000-8000-000000000011' })
  const api = vi.mocked(await import('../../src/packages/utilities/api'))
  api.getBills.mockResolvedValue(utilityBills())
  const payments = vi.mocked(await import('../../src/services/payment-api'))
  const { ApiError } = await import('../../src/services/request')
  const { default: BillsPage } = await import('../../src/packages/utilities/pages/bills/index')
  view = await render(<BillsPage />)
  await flush()
  await flush()
  return { api, payments, ApiError }
}

async function comeBack() {
  await act(async () => {
    coverPage()
    uncoverPage()
  })
  await flush()
}

const rows = () => [...view!.container.querySelectorAll('.bill-row')]
const total = () => view!.container.querySelector('.utilities-total__amount')?.textContent
const payButton = () => view!.getByText('一键缴清', '[role="button"]')

describe('账单', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  it('lists bills by year with usage, amount, due date, status and late fee, and the arrears total', async () => {
    await renderBills()
    expect([...view!.container.querySelectorAll('.utilities-year')].map((y) => y.textContent)).toEqual(['2026年', '2025年'])
    expect(rows()).toHaveLength(4)
    const overdue = rows()[1]!.textContent!
    expect(overdue).toContain('9月账单')
    expect(overdue).toContain('用量 14 吨 · 金额 51.10 元')
    expect(overdue).toContain('缴费截止 2026年9月20日')
    expect(overdue).toContain('违约金 1.53 元')
    expect(overdue).toContain('待缴费')
    expect(rows()[2]!.textContent).toContain('已缴清')
    expect(view!.container.querySelector('.utilities-bills__summary')?.textContent).toBe('待缴 2 笔，合计 96.43 元（含违约金 1.53 元）')
    expect(total()).toBe('¥96.43')
  })

  it('every unpaid bill starts chosen; unchoosing one changes the total', async () => {
    await renderBills()
    expect(rows().filter((r) => r.getAttribute('aria-current') === 'true')).toHaveLength(2)
    await view!.click(rows()[0]!)
    expect(total()).toBe('¥52.63')
    await view!.click(rows()[1]!)
    expect(total()).toBe('¥0.00')
    expect(payButton().getAttribute('aria-disabled')).toBe('true')
  })

  it('一键缴清 pays the chosen arrears in one payment at the cashier', async () => {
    const { api } = await renderBills()
    api.payBills.mockResolvedValueOnce(PAYMENT)
    await view!.click(payButton())
    await flush()
    expect(api.payBills).toHaveBeenCalledTimes(1)
    expect(api.payBills).toHaveBeenCalledWith('deyang-utilities', '00000000-0000-4000-8000-000000000011', [BILLS[0]!.id, BILLS[1]!.id])
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/packages\/pay\/pages\/cashier\/index\?order=ocorder000001&back=%2F/) })
  })

  it('a bill paid elsewhere meanwhile: the Chinese message shows and the bills are read again', async () => {
    const { api, ApiError } = await renderBills()
    api.payBills.mockRejectedValueOnce(new ApiError('BILL_ALREADY_PAID', '2026年9月的账单已在其他渠道缴纳，本次未扣款，请刷新账单后重新选择', 409))
    await view!.click(payButton())
    await flush()
    expect(view!.container.querySelector('.form-alert')?.textContent).toContain('已在其他渠道缴纳，本次未扣款')
    expect(api.getBills).toHaveBeenCalledTimes(2)
  })

  it('back from the cashier after the company refused the paid order: says the money went back and reads the bills again', async () => {
    const { api, payments } = await renderBills()
    api.payBills.mockResolvedValueOnce(PAYMENT)
    await view!.click(payButton())
    await flush()
    payments.getPayment.mockResolvedValue({ ...PAYMENT, status: 'refunded' as const, paidAt: '2026-11-20T02:05:00.000Z', refundedAt: '2026-11-20T02:05:01.000Z' })
    await comeBack()
    expect(payments.getPayment).toHaveBeenCalledWith('ocorder000001')
    expect(view!.container.querySelector('.pay-outcome--unfinished')?.textContent).toContain('款项已原路退回')
    expect(view!.container.querySelector('.pay-outcome--paid')).toBeNull()
    expect(api.getBills).toHaveBeenCalledTimes(2)
  })
})
