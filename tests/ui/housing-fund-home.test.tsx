import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AccountViewT } from '../../src/api/housing-fund'
import { coverPage, fakeTaro, resetFakeTaro, setRouteParams, uncoverPage } from '../unit/helpers/fake-taro'
import { flush, render, type Rendered } from './render'
import { deferred } from './traffic-fixtures'

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
  openedMonth: '2019-07',
  employer: '成都某某科技有限公司',
}

let view: Rendered | undefined

async function renderHome(params: Record<string, string> = { service: SERVICE, name: encodeURIComponent('成都住房公积金') }) {
  vi.resetModules()
  setRouteParams(params)
  const api = vi.mocked(await import('../../src/services/housing-fund-api'))
  const { ApiError } = await import('../../src/services/request')
  const { default: HomePage } = await import('../../src/packages/housing-fund/pages/index/index')
  return {
    api,
    ApiError,
    show: async () => {
      view = await render(<HomePage />)
      await flush()
    },
  }
}

const text = () => view!.container.textContent ?? ''
const eye = () => view!.container.querySelector<HTMLElement>('.eye-toggle')!
const shownNumber = () => view!.container.querySelector('.account-number__value')?.textContent
const rows = () =>
  Object.fromEntries(
    [...view!.container.querySelectorAll('.fund-monthly .detail-list__row')].map((r) => [
      r.querySelector('.detail-list__label')?.textContent,
      r.querySelector('.detail-list__value')?.textContent,
    ]),
  )

describe('公积金 account', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  it('shows the balance big, the status in words, the monthly split with rates and base, the months and the employer', async () => {
    const { api, show } = await renderHome()
    api.getFundAccount.mockResolvedValue(ACCOUNT)
    await show()
    expect(api.getFundAccount).toHaveBeenCalledWith(SERVICE)
    expect(view!.container.querySelector('[role="heading"][aria-level="1"]')?.textContent).toBe('成都住房公积金')
    expect(view!.container.querySelector('.fund-balance__value')?.textContent).toBe('86543.21')
    expect(text()).toContain('账户状态：正常缴存')
    expect(rows()).toEqual({
      月缴存额: '2400.00 元',
      个人缴存: '1200.00 元（比例 12%）',
      单位缴存: '1200.00 元（比例 12%）',
      缴存基数: '10000.00 元',
      最近缴存: '2026年10月',
      开户时间: '2019年07月',
      缴存单位: '成都某某科技有限公司',
    })
  })

  it('keeps the account number masked and unrequested until the eye is tapped; tapping again masks it', async () => {
    const { api, show } = await renderHome()
    api.getFundAccount.mockResolvedValue(ACCOUNT)
    const number = deferred<string>()
    api.getFundAccountNumber.mockReturnValue(number.promise)
    await show()
    expect(shownNumber()).toBe('********9012')
    expect(text()).not.toContain('123456789012')
    expect(api.getFundAccountNumber).not.toHaveBeenCalled()
    expect(eye().getAttribute('aria-label')).toBe('显示账号')
    expect(eye().getAttribute('role')).toBe('button')

    await view!.click(eye())
    // A second tap while it is on its way asks once.
    await view!.click(eye())
    expect(api.getFundAccountNumber).toHaveBeenCalledTimes(1)
    expect(api.getFundAccountNumber).toHaveBeenCalledWith(SERVICE)
    expect(text()).toContain('正在获取完整账号')
    await act(async () => number.resolve('123456789012'))
    await flush()
    expect(shownNumber()).toBe('123456789012')
    expect(eye().getAttribute('aria-label')).toBe('隐藏账号')

    await view!.click(eye())
    expect(shownNumber()).toBe('********9012')
    expect(text()).not.toContain('123456789012')
    expect(eye().getAttribute('aria-label')).toBe('显示账号')

    // Shown again: asked again, since the full number was forgotten.
    api.getFundAccountNumber.mockResolvedValue('123456789012')
    await view!.click(eye())
    await flush()
    expect(api.getFundAccountNumber).toHaveBeenCalledTimes(2)
    expect(shownNumber()).toBe('123456789012')
  })

  it('keeps the mask and says why when the full number cannot be had', async () => {
    const { api, ApiError, show } = await renderHome()
    api.getFundAccount.mockResolvedValue(ACCOUNT)
    api.getFundAccountNumber.mockRejectedValue(new ApiError('AGENCY_TIMEOUT', '公积金中心响应超时，请稍后重试', 504))
    await show()
    await view!.click(eye())
    await flush()
    expect(shownNumber()).toBe('********9012')
    expect(view!.container.querySelector('.account-number [role="alert"]')?.textContent).toBe('公积金中心响应超时，请稍后重试')
    expect(eye().getAttribute('aria-label')).toBe('显示账号')
  })

  it('leads to 缴存明细, 贷款查询, 提取申请 and 贷款试算', async () => {
    const { api, show } = await renderHome()
    api.getFundAccount.mockResolvedValue(ACCOUNT)
    await show()
    const open = async (title: string) => view!.click(view!.getByText(title, '.list-row__title').closest('[role="button"]')!)
    await open('缴存明细')
    await open('贷款查询')
    await open('提取申请')
    await open('贷款试算')
    expect(fakeTaro.navigateTo.mock.calls.map((c) => c[0].url)).toEqual([
      `/packages/housing-fund/pages/deposits/index?service=${SERVICE}`,
      `/packages/housing-fund/pages/loans/index?service=${SERVICE}`,
      `/packages/housing-fund/pages/withdraw/index?service=${SERVICE}`,
      '/packages/housing-fund/pages/calculator/index',
    ])
  })

  it('is titled 公积金 without a name', async () => {
    const { api, show } = await renderHome({ service: SERVICE })
    api.getFundAccount.mockResolvedValue(ACCOUNT)
    await show()
    expect(view!.container.querySelector('[role="heading"][aria-level="1"]')?.textContent).toBe('公积金')
  })

  it('asks for 实名认证 (去认证) and reads the account again on the way back', async () => {
    const { api, ApiError, show } = await renderHome()
    api.getFundAccount.mockRejectedValueOnce(new ApiError('IDENTITY_REQUIRED', '请先完成实名认证', 403))
    await show()
    expect(text()).toContain('查询公积金需要先完成实名认证')
    expect(view!.queryByText('重试', '[role="button"]')).toBeNull()
    // 贷款试算 needs no 实名认证.
    expect(view!.queryByText('贷款试算', '.list-row__title')).not.toBeNull()
    await view!.click(view!.getByText('去认证', '[role="button"]'))
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/identity/index' })

    api.getFundAccount.mockResolvedValue(ACCOUNT)
    await act(async () => {
      coverPage()
      uncoverPage()
    })
    await flush()
    expect(api.getFundAccount).toHaveBeenCalledTimes(2)
    expect(view!.container.querySelector('.fund-balance__value')?.textContent).toBe('86543.21')
    expect(text()).not.toContain('去认证')
  })

  it('says when the fund centre did not answer, with 重试', async () => {
    const { api, ApiError, show } = await renderHome()
    api.getFundAccount.mockRejectedValueOnce(new ApiError('AGENCY_TIMEOUT', '公积金中心响应超时，请稍后重试', 504)).mockResolvedValueOnce(ACCOUNT)
    await show()
    expect(view!.container.querySelector('[role="alert"]')?.textContent).toContain('公积金中心响应超时，请稍后重试')
    await view!.click(view!.getByText('重试', '[role="button"]'))
    await flush()
    expect(api.getFundAccount).toHaveBeenCalledTimes(2)
    expect(view!.container.querySelector('.fund-balance__value')?.textContent).toBe('86543.21')
  })
})
