import { act } from 'react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ContributionYearT, InsuredViewT } from '../../src/api/social-security'
import { coverPage, fakeTaro, resetFakeTaro, setRouteParams, uncoverPage } from '../unit/helpers/fake-taro'
import { flush, render, type Rendered } from './render'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/social-security-api', async () => (await import('./social-security-mocks')).socialSecurityApiMock())

const SERVICE = 'deyang-social-security'
// 2026-05-15 10:00 in China.
const NOW = new Date('2026-05-15T02:00:00Z')
const EMPLOYER = '德阳市第一中学'

const INSURED: InsuredViewT = {
  idNumber: '5106**********1238',
  employments: [
    { employer: EMPLOYER, from: '2024-01', flexible: false },
    { employer: '东方电气集团东方电机有限公司', from: '2022-09', to: '2023-10', flexible: false },
  ],
  insurances: [
    { type: 'pension', typeName: '养老保险', status: 'active', since: '2022-09', lastPaidMonth: '2026-04', employer: EMPLOYER },
    { type: 'medical', typeName: '医疗保险', status: 'active', since: '2022-09', lastPaidMonth: '2026-04', employer: EMPLOYER },
  ],
}

type Rec = ContributionYearT['records'][number]
function monthRecords(month: string, baseFen: number, employer = EMPLOYER): Rec[] {
  return [
    { month, type: 'pension', baseFen, personalFen: baseFen * 0.08, employerFen: baseFen * 0.16, employer },
    { month, type: 'medical', baseFen, personalFen: baseFen * 0.02, employerFen: baseFen * 0.08, employer },
  ]
}
function yearOf(year: number, months: string[], baseFen: number, to = `${year}-12`): ContributionYearT {
  const records = months.flatMap((m) => monthRecords(`${year}-${m}`, baseFen))
  return {
    year,
    from: `${year}-01`,
    to,
    records,
    totals: {
      personalFen: records.reduce((s, r) => s + r.personalFen, 0),
      employerFen: records.reduce((s, r) => s + r.employerFen, 0),
      months: months.length,
    },
  }
}
// This year, asked up to this month (May): January to April paid, base 5000 元; May is recorded only in June.
const Y2026 = yearOf(2026, ['01', '02', '03', '04'], 500_000, '2026-05')
// 2023: from the first contribution (2022-09) on, paid to October, then the gap before the next employer.
const Y2023 = yearOf(2023, ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'], 400_000)

let view: Rendered | undefined

async function renderRecords(params: Record<string, string> = {}) {
  vi.resetModules()
  setRouteParams({ service: SERVICE, ...params })
  const api = vi.mocked(await import('../../src/services/social-security-api'))
  const { ApiError } = await import('../../src/services/request')
  const { default: ContributionsPage } = await import('../../src/packages/social-security/pages/records/index')
  api.getInsured.mockResolvedValue(INSURED)
  api.getContributions.mockImplementation(async (_service, year) => (year === 2023 ? Y2023 : year === 2026 ? Y2026 : yearOf(year, [], 0)))
  return { api, ApiError, show: async () => {
    view = await render(<ContributionsPage />)
    await flush()
  } }
}

const monthRows = () => [...view!.container.querySelectorAll<HTMLElement>('.contribution-month')]
const monthTitles = () => monthRows().map((r) => r.querySelector('.list-row__title')?.textContent)
const chipTexts = () => [...view!.container.querySelectorAll('.year-chips [role="button"]')].map((c) => c.textContent)
const chosenChip = () => view!.container.querySelector('.year-chips [aria-current="true"]')?.textContent
const totals = () => view!.container.querySelector('.contribution-totals')?.textContent ?? ''

describe('缴费记录', () => {
  beforeEach(() => {
    resetFakeTaro()
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
  })
  afterEach(() => {
    view?.unmount()
    view = undefined
    vi.useRealTimers()
  })

  it("shows this year's months, newest first, with the base, per-insurance amounts and the year's totals", async () => {
    const { api, show } = await renderRecords()
    await show()
    expect(api.getContributions).toHaveBeenCalledWith(SERVICE, 2026)
    expect(chipTexts()).toEqual(['2026年', '2025年', '2024年', '2023年', '2022年'])
    expect(chosenChip()).toBe('2026年')
    expect(monthTitles()).toEqual(['2026年04月', '2026年03月', '2026年02月', '2026年01月'])
    const march = monthRows()[1]!
    expect(march.textContent).toContain('已缴费')
    expect(march.textContent).toContain('参保单位 德阳市第一中学')
    expect(march.textContent).toContain('缴费基数 5000.00 元')
    const parts = [...march.querySelectorAll('.contribution-part')].map((p) => p.textContent)
    expect(parts).toEqual(['养老保险个人 400.00 元单位 800.00 元', '医疗保险个人 100.00 元单位 400.00 元'])
    expect([...march.querySelectorAll('.contribution-month__total-item')].map((t) => t.textContent)).toEqual(['本月合计', '个人 500.00 元', '单位 1200.00 元'])
    expect(view!.container.textContent).toContain('2026年合计')
    expect(totals()).toContain('个人缴纳2000.00 元')
    expect(totals()).toContain('单位缴纳4800.00 元')
    expect(totals()).toContain('缴费月数4 个月')
    expect(totals()).not.toContain('未缴费')
  })

  it('loads another year when its chip is tapped', async () => {
    const { api, show } = await renderRecords()
    await show()
    await view!.click(view!.getByText('2023年', '.year-chips [role="button"]'))
    await flush()
    expect(api.getContributions).toHaveBeenLastCalledWith(SERVICE, 2023)
    expect(chosenChip()).toBe('2023年')
    expect(monthTitles()).toHaveLength(12)
    expect(monthTitles()[0]).toBe('2023年12月')
    expect(view!.container.textContent).toContain('2023年合计')
    expect(totals()).toContain('缴费月数10 个月')
    expect(view!.container.querySelector('.contribution-month')?.textContent).not.toContain('2026')
  })

  it('says 未缴费 for a month without records (a gap), and counts the gaps', async () => {
    const { show } = await renderRecords({ year: '2023' })
    await show()
    expect(chosenChip()).toBe('2023年')
    const [december, november, october] = monthRows()
    for (const gap of [december!, november!]) {
      expect(gap.querySelector('.status-tag')?.textContent).toBe('未缴费')
      expect(gap.textContent).toContain('本月没有缴费记录')
      expect(gap.querySelector('.contribution-part')).toBeNull()
    }
    expect(october!.querySelector('.status-tag')?.textContent).toBe('已缴费')
    expect(totals()).toContain('未缴费2 个月')
  })

  it('starts the first year at the first contribution month: earlier months are not gaps', async () => {
    const { show } = await renderRecords({ year: '2022' })
    await show()
    // yearOf(2022, []) has no records: September to December are gaps, January to August are left out.
    expect(monthTitles()).toEqual(['2022年12月', '2022年11月', '2022年10月', '2022年09月'])
  })

  it('asks for 实名认证 first, and loads the records once the citizen is back verified', async () => {
    const { api, ApiError, show } = await renderRecords()
    api.getInsured.mockRejectedValueOnce(new ApiError('IDENTITY_REQUIRED', '请先完成实名认证', 403))
    api.getContributions.mockRejectedValueOnce(new ApiError('IDENTITY_REQUIRED', '请先完成实名认证', 403))
    await show()
    expect(view!.container.textContent).toContain('查询缴费记录需要先完成实名认证')
    expect(view!.container.querySelectorAll('.identity-needed')).toHaveLength(1)
    expect(view!.container.querySelector('.year-chips')).toBeNull()
    await view!.click(view!.getByText('去认证', '[role="button"]'))
    expect(fakeTaro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/identity/index' })
    await act(async () => {
      coverPage()
      uncoverPage()
    })
    await flush()
    expect(view!.container.querySelector('.identity-needed')).toBeNull()
    expect(monthTitles()).toHaveLength(4)
  })

  it("shows the agency's timeout message with 重试, which asks again", async () => {
    const { api, ApiError, show } = await renderRecords()
    api.getContributions.mockRejectedValueOnce(new ApiError('AGENCY_TIMEOUT', '办理机构暂时没有响应，请稍后重试', 504))
    await show()
    expect(view!.container.querySelector('[role="alert"]')?.textContent).toContain('办理机构暂时没有响应，请稍后重试')
    expect(monthRows()).toHaveLength(0)
    // The years are still there to choose from.
    expect(chipTexts()).toHaveLength(5)
    await view!.click(view!.getByText('重试', '[role="button"]'))
    await flush()
    expect(api.getContributions).toHaveBeenCalledTimes(2)
    expect(view!.container.querySelector('[role="alert"]')).toBeNull()
    expect(monthTitles()).toHaveLength(4)
  })

  it('opens on this year when the link asks for a year it cannot have', async () => {
    const { api, show } = await renderRecords({ year: '2031' })
    await show()
    expect(api.getContributions).toHaveBeenCalledWith(SERVICE, 2026)
    expect(chosenChip()).toBe('2026年')
  })
})
