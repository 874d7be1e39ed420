import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { LoanScheduleViewT, LoansViewT } from '../../src/api/housing-fund'
import { equalInstalmentSchedule } from '../../src/domain/loan-calculator'
import { fakeTaro, resetFakeTaro, setRouteParams } from '../unit/helpers/fake-taro'
import { flush, render, type Rendered } from './render'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/housing-fund-api', async () => (await import('./housing-fund-mocks')).housingFundApiMock())

const SERVICE = 'chengdu-housing-fund'
const LOAN: LoansViewT['loans'][number] = {
  loanId: '0123456789abcdef',
  loanNo: '************4321',
  status: 'repaying',
  principalFen: 60_000_000,
  balanceFen: 55_000_000,
  annualRateBp: 285,
  termMonths: 360,
  paidMonths: 14,
  method: 'equal-instalment',
  nextPaymentFen: 248_134,
  nextPaymentDate: '2026-12-20',
  startMonth: '2025-10',
}
const SETTLED: LoansViewT['loans'][number] = {
  ...LOAN,
  loanId: 'fedcba9876543210',
  loanNo: '************8765',
  status: 'settled',
  balanceFen: 0,
  termMonths: 120,
  paidMonths: 120,
  method: 'equal-principal',
  nextPaymentFen: 0,
  nextPaymentDate: undefined,
}

/** Every period of LOAN, the first 14 paid. */
function schedule(): LoanScheduleViewT {
  const rows = equalInstalmentSchedule({ principalFen: LOAN.principalFen, rateMilliPercent: 2850, months: 360 }).rows
  return {
    loanId: LOAN.loanId,
    rows: rows.map((r) => {
      const due = new Date(Date.UTC(2025, 9 + r.month - 1, 20))
      return {
        period: r.month,
        dueDate: due.toISOString().slice(0, 10),
        paymentFen: r.paymentFen,
        principalFen: r.principalFen,
        interestFen: r.interestFen,
        balanceFen: r.balanceFen,
        status: r.month <= 14 ? ('paid' as const) : ('upcoming' as const),
      }
    }),
  }
}

let view: Rendered | undefined

async function load(params: Record<string, string>) {
  vi.resetModules()
  setRouteParams(params)
  const api = vi.mocked(await import('../../src/services/housing-fund-api'))
  const { ApiError } = await import('../../src/services/request')
  return { api, ApiError }
}

const text = () => view!.container.textContent ?? ''
const rowsOf = (root: Element) =>
  Object.fromEntries(
    [...root.querySelectorAll('.detail-list__row')].map((r) => [r.querySelector('.detail-list__label')?.textContent, r.querySelector('.detail-list__value')?.textContent]),
  )

describe('贷款查询', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  async function renderLoans(loans: LoansViewT['loans']) {
    const { api } = await load({ service: SERVICE })
    api.listFundLoans.mockResolvedValue(loans)
    const { default: LoansPage } = await import('../../src/packages/housing-fund/pages/loans/index')
    view = await render(<LoansPage />)
    await flush()
    return api
  }

  it('shows each loan: masked number, status, amounts, rate, term, paid months, method, next payment', async () => {
    const api = await renderLoans([LOAN, SETTLED])
    expect(api.listFundLoans).toHaveBeenCalledWith(SERVICE)
    const cards = [...view!.container.querySelectorAll('.loan-card')]
    expect(cards).toHaveLength(2)
    expect(cards[0]!.querySelector('.loan-card__no')?.textContent).toBe('贷款编号 ************4321')
    expect(cards[0]!.textContent).toContain('还款中')
    expect(rowsOf(cards[0]!)).toEqual({
      贷款金额: '600000.00 元',
      剩余本金: '550000.00 元',
      年利率: '2.85%',
      贷款期限: '30 年（360 期）',
      已还期数: '14 / 360 期',
      还款方式: '等额本息',
      首次还款: '2025年10月',
      下期还款: '2481.34 元（2026年12月20日）',
    })
    expect(cards[1]!.textContent).toContain('已结清')
    expect(rowsOf(cards[1]!)['还款方式']).toBe('等额本金')
    expect(rowsOf(cards[1]!)['下期还款']).toBeUndefined()

    await view!.click(cards[0]!.querySelector('.loan-card__open')!)
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: `/packages/housing-fund/pages/loan/index?service=${SERVICE}&loan=${LOAN.loanId}` })
  })

  it('without a loan, says so kindly and offers 贷款试算', async () => {
    await renderLoans([])
    expect(text()).toContain('你目前没有公积金贷款')
    await view!.click(view!.getByText('贷款试算', '[role="button"]'))
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: '/packages/housing-fund/pages/calculator/index' })
  })

  it('asks for 实名认证 first', async () => {
    const { api, ApiError } = await load({ service: SERVICE })
    api.listFundLoans.mockRejectedValue(new ApiError('IDENTITY_REQUIRED', '请先完成实名认证', 403))
    const { default: LoansPage } = await import('../../src/packages/housing-fund/pages/loans/index')
    view = await render(<LoansPage />)
    await flush()
    expect(text()).toContain('查询公积金需要先完成实名认证')
    await view.click(view.getByText('去认证', '[role="button"]'))
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/identity/index' })
  })
})

describe('还款计划', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  async function renderPlan() {
    const { api, ApiError } = await load({ service: SERVICE, loan: LOAN.loanId })
    api.listFundLoans.mockResolvedValue([LOAN, SETTLED])
    api.getLoanSchedule.mockResolvedValue(schedule())
    const { default: LoanPage } = await import('../../src/packages/housing-fund/pages/loan/index')
    view = await render(<LoanPage />)
    await flush()
    return { api, ApiError }
  }

  it('puts the next period first, marked 下一期 in words, with totals repaid and to pay', async () => {
    const { api } = await renderPlan()
    expect(api.getLoanSchedule).toHaveBeenCalledWith(SERVICE, LOAN.loanId)
    const rows = schedule().rows
    const next = rows[14]!
    expect(view!.container.querySelector('.loan-next')?.textContent).toContain('下一期还款：第 15 期')
    expect(view!.container.querySelector('.loan-next__text')?.textContent).toContain('2026年12月20日')
    const marked = view!.container.querySelectorAll('.schedule-row--marked')
    expect(marked).toHaveLength(1)
    expect(marked[0]!.textContent).toContain('第 15 期')
    expect(marked[0]!.textContent).toContain('下一期')

    const sum = (list: typeof rows) => list.reduce((n, r) => n + r.paymentFen, 0)
    const totals = rowsOf(view!.container.querySelector('.loan-totals')!)
    expect(totals['已还']).toBe(`14 期，共 ${(sum(rows.slice(0, 14)) / 100).toFixed(2)} 元`)
    expect(totals['待还']).toBe(`346 期，共 ${(sum(rows.slice(14)) / 100).toFixed(2)} 元`)
    expect(next.paymentFen).toBe(rows[0]!.paymentFen)
    expect(text()).toContain('贷款编号 ************4321')
  })

  it('renders 12 periods at a time: 展开全部 shows every one', async () => {
    await renderPlan()
    const upcoming = () => view!.container.querySelectorAll('[aria-label="待还期数"] .schedule-row')
    const paid = () => [...view!.container.querySelectorAll('[aria-label="已还期数"] .schedule-row')]
    expect(upcoming()).toHaveLength(12)
    expect(paid()).toHaveLength(12)
    // The latest paid period first.
    expect(paid()[0]!.textContent).toContain('第 14 期')
    expect(paid()[0]!.textContent).toContain('已还')
    await view!.click(view!.getByText('展开全部（共 346 期）', '[role="button"]'))
    expect(upcoming()).toHaveLength(346)
    await view!.click(view!.getByText('收起', '[role="button"]'))
    expect(upcoming()).toHaveLength(12)
  })

  it('says when the loan is not found, without 重试', async () => {
    const { api, ApiError } = await load({ service: SERVICE, loan: LOAN.loanId })
    api.listFundLoans.mockResolvedValue([])
    api.getLoanSchedule.mockRejectedValue(new ApiError('LOAN_NOT_FOUND', '未找到贷款', 404))
    const { default: LoanPage } = await import('../../src/packages/housing-fund/pages/loan/index')
    view = await render(<LoanPage />)
    await flush()
    expect(text()).toContain('未找到这笔贷款')
    expect(view.queryByText('重试', '[role="button"]')).toBeNull()
  })
})
