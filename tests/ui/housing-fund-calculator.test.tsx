import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { equalInstalmentSchedule } from '../../src/domain/loan-calculator'
import { yuanText } from '../../src/domain/money'
import { resetFakeTaro, setRouteParams } from '../unit/helpers/fake-taro'
import { render, type Rendered } from './render'

vi.mock('@tarojs/taro', () => import('../unit/helpers/fake-taro'))
vi.mock('../../src/services/http', () => ({ httpRequest: vi.fn(() => Promise.reject(new Error('no network in this test'))) }))

let view: Rendered | undefined

async function renderCalculator() {
  vi.resetModules()
  setRouteParams({})
  const http = vi.mocked(await import('../../src/services/http'))
  const { default: CalculatorPage } = await import('../../src/packages/housing-fund/pages/calculator/index')
  view = await render(<CalculatorPage />)
  return http
}

const input = (label: string) => view!.container.querySelector<HTMLInputElement>(`input[aria-label="${label}"]`)!
const termInput = () => input('贷款期限（年）')
const errorOf = (id: string) => view!.container.querySelector(`#${id}-note.text-field__error`)?.textContent
const result = () => view!.container.querySelector('.calculator-result__value')?.textContent
const scheduleRows = () => view!.container.querySelectorAll('.calculator-schedule .schedule-row')
const detail = () =>
  Object.fromEntries(
    [...view!.container.querySelectorAll('.calculator-result .detail-list__row')].map((r) => [
      r.querySelector('.detail-list__label')?.textContent,
      r.querySelector('.detail-list__value')?.textContent,
    ]),
  )

async function fill(amountWan: string, rate: string, years: string) {
  await view!.type(input('贷款金额（万元）'), amountWan)
  await view!.type(input('年利率（%）'), rate)
  await view!.type(termInput(), years)
}

describe('贷款试算', () => {
  beforeEach(() => resetFakeTaro())
  afterEach(() => view?.unmount())

  it('works without login or service, starting at the current fund rate over 30 years', async () => {
    const http = await renderCalculator()
    expect(input('年利率（%）').value).toBe('2.85')
    expect(input('贷款期限（年）').value).toBe('30')
    expect(input('贷款金额（万元）').value).toBe('')
    // Nothing typed yet: no scolding and no result.
    expect(view!.container.querySelector('.text-field__error')).toBeNull()
    expect(result()).toBeUndefined()
    await view!.type(input('贷款金额（万元）'), '60')
    expect(result()).toBe('2481.34')
    expect(http.httpRequest).not.toHaveBeenCalled()
  })

  it('the textbook case: 100 万元, 30 年, 4.9% → 等额本息 5307.27 a month; 等额本金 6861.11 first, 11.34 less each month', async () => {
    await renderCalculator()
    await fill('100', '4.9', '30')
    expect(view!.container.querySelector('.calculator-result__caption')?.textContent).toBe('每月月供（元）')
    expect(result()).toBe('5307.27')
    // The totals are the domain's own (tests/unit/domain/loan-calculator.test.ts checks them against the annuity).
    const s = equalInstalmentSchedule({ principalFen: 100_000_000, rateMilliPercent: 4900, months: 360 })
    expect(detail()).toEqual({
      贷款总额: '1000000.00 元',
      支付利息: `${yuanText(s.totalInterestFen)} 元`,
      还款总额: `${yuanText(s.totalPaymentFen)} 元`,
      还款期数: '30 年（360 期）',
    })
    expect(detail()['支付利息']).toMatch(/^910615\.\d\d 元$/)

    await view!.click(view!.getByText('等额本金', '[role="button"]'))
    expect(view!.container.querySelector('.choice-group__equal-principal')?.getAttribute('aria-current')).toBe('true')
    expect(view!.container.querySelector('.calculator-result__caption')?.textContent).toBe('首月月供（元）')
    expect(result()).toBe('6861.11')
    expect(view!.container.querySelector('.calculator-result__note')?.textContent).toBe('之后每月约减少 11.34 元')
    expect(detail()['支付利息']).toMatch(/^737041\.\d\d 元$/)
  })

  it('renders the first 12 months of 360, and all of them after 展开全部', async () => {
    await renderCalculator()
    await fill('100', '4.9', '30')
    expect(scheduleRows()).toHaveLength(12)
    expect(scheduleRows()[0]!.textContent).toContain('第 1 期')
    expect(scheduleRows()[0]!.textContent).toContain('5307.27 元')
    expect(scheduleRows()[0]!.textContent).toContain('利息 4083.33 元')
    await view!.click(view!.getByText('展开全部（共 360 期）', '[role="button"]'))
    expect(scheduleRows()).toHaveLength(360)
    expect(scheduleRows()[359]!.textContent).toContain('剩余本金 0.00 元')
  })

  it('takes the term in months too', async () => {
    await renderCalculator()
    await view!.type(input('贷款金额（万元）'), '100')
    await view!.type(input('年利率（%）'), '4.9')
    await view!.click(view!.getByText('按月', '[role="button"]'))
    // 30 years become 360 months.
    expect(input('贷款期限（月）').value).toBe('360')
    expect(result()).toBe('5307.27')
    await view!.type(input('贷款期限（月）'), '361')
    expect(errorOf('calculator-term')).toBe('贷款期限须为 1–360 个月（最长 30 年）')
    expect(result()).toBeUndefined()
  })

  const refusals: [string, [string, string, string], string, string][] = [
    ['rate 0', ['100', '0', '30'], 'calculator-rate', '年利率须大于 0 且不超过 24%，最多 3 位小数，例如 2.85'],
    ['term 0', ['100', '4.9', '0'], 'calculator-term', '贷款期限须为 1–360 个月（最长 30 年）'],
    ['31 years', ['100', '4.9', '31'], 'calculator-term', '贷款期限须为 1–360 个月（最长 30 年）'],
    ['an empty amount', ['', '4.9', '30'], 'calculator-amount', '贷款金额须大于 0 元且不超过 1 亿元'],
  ]
  for (const [name, [amountWan, rate, years], field, message] of refusals) {
    it(`${name}: the field says why, no schedule, and the typed text stays`, async () => {
      await renderCalculator()
      await fill('100', '4.9', '30')
      expect(result()).toBe('5307.27')
      await fill(amountWan, rate, years)
      expect(errorOf(field)).toBe(message)
      expect(result()).toBeUndefined()
      expect(scheduleRows()).toHaveLength(0)
      expect(input('贷款金额（万元）').value).toBe(amountWan)
      expect(input('年利率（%）').value).toBe(rate)
      expect(termInput().value).toBe(years)
    })
  }
})
