import { describe, expect, it } from 'vitest'
import { fundLoanStatusLabel, loanTermText, nextPeriod, repaymentMethodLabel, repaymentTotals } from '../../../src/domain/fund-loan'

const row = (period: number, status: 'paid' | 'upcoming', principalFen = 1000, interestFen = 200) => ({
  period,
  status,
  principalFen,
  interestFen,
  paymentFen: principalFen + interestFen,
})

describe('fund loans', () => {
  it('labels', () => {
    expect(fundLoanStatusLabel('repaying')).toBe('还款中')
    expect(fundLoanStatusLabel('settled')).toBe('已结清')
    expect(repaymentMethodLabel('equal-instalment')).toBe('等额本息')
    expect(repaymentMethodLabel('equal-principal')).toBe('等额本金')
  })

  it('terms in years when they are whole years', () => {
    expect(loanTermText(360)).toBe('30 年（360 期）')
    expect(loanTermText(12)).toBe('1 年（12 期）')
    expect(loanTermText(18)).toBe('18 个月')
  })

  it('totals repaid and to pay, and the next period', () => {
    const rows = [row(1, 'paid'), row(2, 'paid', 1000, 190), row(3, 'upcoming', 1000, 180), row(4, 'upcoming', 1000, 170)]
    expect(repaymentTotals(rows)).toEqual({
      paidCount: 2,
      paidFen: 2390,
      upcomingCount: 2,
      upcomingFen: 2350,
      upcomingPrincipalFen: 2000,
      upcomingInterestFen: 350,
      totalFen: 4740,
      totalInterestFen: 740,
    })
    expect(nextPeriod(rows)?.period).toBe(3)
    expect(nextPeriod([row(1, 'paid')])).toBeUndefined()
  })
})
