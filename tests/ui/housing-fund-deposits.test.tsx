import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AccountViewT, DepositYearT } from '../../src/api/housing-fund'
import { chinaToday } from '../../src/domain/china-time'
import { resetFakeTaro, setRouteParams } from '../unit/helpers/fake-taro'
import { flush, render, type Rendered } from './render'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/housing-fund-api', async () => (await import('./housing-fund-mocks')).housingFundApiMock())

const SERVICE = 'chengdu-housing-fund'
const ACCOUNT: AccountViewT = {
  accountNo: '********9012',
  status: 'normal',
  balanceFen: 8_654_321,
  monthlyDepositFen: 240_000,
  personalMonthlyFen: 120_000,
  employerMonthlyFen: 120_000,
  depositBaseFen: 1_000_000,
  personalRateBp: 1200,
  employerRateBp: 1200,
  lastDepositMonth: '2026-10',
  openedMonth: '2022-07',
  employer: '成都某某科技有限公司',
}

function year(y: number): DepositYearT {
  if (y !== 2023) return { year: y, records: [] }
  return {
    year: 2023,
    records: [
      { month: '2023-05', kind: 'deposit', amountFen: 240_000, balanceAfterFen: 2_240_000, note: '汇缴' },
      { month: '2023-06', kind: 'deposit', amountFen: 240_000, balanceAfterFen: 2_480_000, note: '汇缴' },
      { month: '2023-06', kind: 'interest', amountFen: 35_960, balanceAfterFen: 2_515_960, note: '年度结息' },
      { month: '2023-07', kind: 'withdrawal', amountFen: 1_000_000, balanceAfterFen: 1_515_960, note: '租房提取' },
      { month: '2023-07', kind: 'deposit', amountFen: 240_000, balanceAfterFen: 1_755_960, note: '汇缴' },
    ],
  }
}

let view: Rendered | undefined

async function renderDeposits(params: Record<string, string>) {
  vi.resetModules()
  setRouteParams(params)
  const api = vi.mocked(await import('../../src/services/housing-fund-api'))
  const { ApiError } = await import('../../src/services/request')
  const { default: DepositsPage } = await import('../../src/packages/housing-fund/pages/deposits/index')
  api.getFundAccount.mockResolvedValue(ACCOUNT)
  api.getDeposits.mockImplementation((_s, y) => Promise.resolve(year(y)))
  return {
    api,
    ApiError,
    show: async () => {
      view = await render(<DepositsPage />)
      await flush()
    },
  }
}

const text = () => view!.container.textContent ?? ''
const chips = () => [...view!.container.querySelectorAll('.choice-chip')].map((c) => c.textContent)
const chosenChip = () => view!.container.querySelector('.choice-chip[aria-current="true"]')?.textContent
const totals = () =>
  Object.fromEntries(
    [...view!.container.querySelectorAll('.deposit-totals .detail-list__row')].map((r) => [
      r.querySelector('.detail-list__label')?.textContent,
      r.querySelector('.detail-list__value')?.textContent,
    ]),
  )

describe('缴存明细', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  it('opens on this year by default, with a chip for every year since the account was opened', async () => {
    const current = Number(chinaToday().slice(0, 4))
    const { api, show } = await renderDeposits({ service: SERVICE })
    await show()
    expect(api.getDeposits).toHaveBeenCalledWith(SERVICE, current)
    expect(chosenChip()).toBe(`${current}年`)
    expect(chips()[0]).toBe(`${current}年`)
    expect(chips().at(-1)).toBe('2022年')
    expect(text()).toContain(`${current}年没有缴存记录`)
  })

  it('shows a chosen year’s records with kind, signed amount and balance after, and the year’s totals', async () => {
    const { api, show } = await renderDeposits({ service: SERVICE, year: '2024' })
    await show()
    expect(api.getDeposits).toHaveBeenCalledWith(SERVICE, 2024)
    expect(chosenChip()).toBe('2024年')

    await view!.click(view!.getByText('2023年', '.choice-chip'))
    await flush()
    expect(api.getDeposits).toHaveBeenLastCalledWith(SERVICE, 2023)
    expect(chosenChip()).toBe('2023年')
    const records = [...view!.container.querySelectorAll('.deposit-row')]
    expect(records).toHaveLength(5)
    expect(records[0]!.textContent).toContain('2023年05月')
    expect(records[0]!.querySelector('.deposit-row__kind')?.textContent).toBe('汇缴')
    expect(records[0]!.querySelector('.deposit-row__amount')?.textContent).toBe('+2400.00 元')
    expect(records[0]!.textContent).toContain('余额 22400.00 元')
    expect(records[2]!.querySelector('.deposit-row__kind')?.textContent).toBe('结息')
    expect(records[2]!.textContent).toContain('年度结息')
    expect(records[3]!.querySelector('.deposit-row__kind')?.textContent).toBe('提取')
    expect(records[3]!.querySelector('.deposit-row__amount')?.textContent).toBe('-10000.00 元')
    expect(records[3]!.textContent).toContain('租房提取')
    expect(totals()).toEqual({
      汇缴合计: '+7200.00 元',
      结息: '+359.60 元',
      提取合计: '-10000.00 元',
      年内最后余额: '17559.60 元',
    })
  })

  it('asks for 实名认证 first', async () => {
    const { api, ApiError, show } = await renderDeposits({ service: SERVICE })
    api.getFundAccount.mockRejectedValue(new ApiError('IDENTITY_REQUIRED', '请先完成实名认证', 403))
    api.getDeposits.mockRejectedValue(new ApiError('IDENTITY_REQUIRED', '请先完成实名认证', 403))
    await show()
    expect(text()).toContain('查询公积金需要先完成实名认证')
    expect(view!.queryByText('去认证', '[role="button"]')).not.toBeNull()
    expect(view!.container.querySelector('.choice-chip')).toBeNull()
  })

  it('a year that failed can be asked again', async () => {
    const { api, ApiError, show } = await renderDeposits({ service: SERVICE, year: '2023' })
    api.getDeposits.mockRejectedValueOnce(new ApiError('AGENCY_TIMEOUT', '公积金中心响应超时，请稍后重试', 504))
    await show()
    expect(text()).toContain('公积金中心响应超时，请稍后重试')
    expect(chosenChip()).toBe('2023年')
    await view!.click(view!.getByText('重试', '[role="button"]'))
    await flush()
    expect(view!.container.querySelectorAll('.deposit-row')).toHaveLength(5)
  })
})
