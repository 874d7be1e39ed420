import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type LoanInput,
  equalInstalmentFen,
  equalInstalmentSchedule,
  equalPrincipalSchedule,
  loanProblems,
  parseRatePercent,
} from '../../../src/domain/loan-calculator'

// The textbook case: 100 万元 over 30 years at 4.9% (the 5-year+ commercial benchmark rate 2015–2019).
const TEXTBOOK: LoanInput = { principalFen: 100_000_000, rateMilliPercent: 4900, months: 360 }

const loans = fc.record({
  principalFen: fc.integer({ min: 1, max: 10_000_000_000 }),
  rateMilliPercent: fc.integer({ min: 1, max: 24_000 }),
  months: fc.integer({ min: 1, max: 360 }),
})

describe('the textbook example, against figures computed here in floating point', () => {
  const r = 0.049 / 12
  const n = 360
  const P = 1_000_000

  it('等额本息: 5307.27 元 a month; the total interest is the annuity’s to within the fen rounding of each month', () => {
    const exactPayment = (P * r * (1 + r) ** n) / ((1 + r) ** n - 1)
    expect(exactPayment.toFixed(2)).toBe('5307.27')
    expect(equalInstalmentFen(TEXTBOOK)).toBe(530_727)
    const s = equalInstalmentSchedule(TEXTBOOK)
    expect(s.rows[0]).toEqual({ month: 1, paymentFen: 530_727, interestFen: 408_333, principalFen: 122_394, balanceFen: 99_877_606 })
    expect(s.rows.slice(0, -1).every((row) => row.paymentFen === 530_727)).toBe(true)
    const exactInterestFen = (exactPayment * n - P) * 100
    expect(Math.abs(s.totalInterestFen - exactInterestFen)).toBeLessThanOrEqual(n)
    expect((s.totalInterestFen / 100).toFixed(0)).toBe('910615')
  })

  it('等额本金: 6861.11 元 the first month, 11.34 元 less each month, 737041 元 of interest', () => {
    const s = equalPrincipalSchedule(TEXTBOOK)
    const monthlyPrincipal = P / n
    expect(s.rows[0]!.paymentFen).toBe(Math.round((monthlyPrincipal + P * r) * 100))
    expect(s.rows[0]!.paymentFen).toBe(686_111)
    expect(s.rows[0]!.paymentFen - s.rows[1]!.paymentFen).toBe(Math.round(monthlyPrincipal * r * 100))
    expect(s.rows[0]!.paymentFen - s.rows[1]!.paymentFen).toBe(1134)
    // Σ interest = P·r·(n+1)/2 without rounding.
    const exactInterestFen = P * r * ((n + 1) / 2) * 100
    expect(Math.abs(s.totalInterestFen - exactInterestFen)).toBeLessThanOrEqual(n / 2)
    expect(Math.floor(s.totalInterestFen / 100)).toBe(737_041)
  })
})

describe('schedules (property tests)', () => {
  it('the principal sums to the loan exactly, balances never go below zero and end at zero, totals add up', () => {
    fc.assert(
      fc.property(loans, fc.constantFrom(equalInstalmentSchedule, equalPrincipalSchedule), (loan, make) => {
        const s = make(loan)
        expect(s.rows).toHaveLength(loan.months)
        expect(s.rows.reduce((sum, row) => sum + row.principalFen, 0)).toBe(loan.principalFen)
        for (const row of s.rows) {
          expect(row.balanceFen).toBeGreaterThanOrEqual(0)
          expect(row.principalFen).toBeGreaterThanOrEqual(0)
          expect(Number.isInteger(row.paymentFen) && Number.isInteger(row.interestFen)).toBe(true)
          expect(row.paymentFen).toBe(row.principalFen + row.interestFen)
        }
        expect(s.rows.at(-1)!.balanceFen).toBe(0)
        expect(s.totalPaymentFen).toBe(s.rows.reduce((sum, row) => sum + row.paymentFen, 0))
        expect(s.totalInterestFen).toBe(s.totalPaymentFen - loan.principalFen)
      }),
    )
  })

  it('each month’s interest is the balance times the monthly rate, to the nearest fen', () => {
    fc.assert(
      fc.property(loans, fc.constantFrom(equalInstalmentSchedule, equalPrincipalSchedule), (loan, make) => {
        let balance = loan.principalFen
        for (const row of make(loan).rows) {
          const exact = (balance * loan.rateMilliPercent) / 1_200_000
          expect(Math.abs(row.interestFen - exact)).toBeLessThanOrEqual(0.5 + 1e-6)
          balance = row.balanceFen
        }
      }),
    )
  })

  it('等额本金 instalments never rise and fall overall; 等额本息 instalments are equal until the last or until the loan is settled', () => {
    fc.assert(
      fc.property(loans, (loan) => {
        const rows = equalPrincipalSchedule(loan).rows
        for (let i = 1; i < rows.length; i++) expect(rows[i]!.paymentFen).toBeLessThanOrEqual(rows[i - 1]!.paymentFen)
        if (rows.length > 1 && rows[0]!.interestFen > 0) expect(rows.at(-1)!.paymentFen).toBeLessThan(rows[0]!.paymentFen)
        const annuity = equalInstalmentSchedule(loan).rows
        const payment = equalInstalmentFen(loan)
        // The rounded instalment can settle a tiny loan a month or more early: from then on nothing is owed.
        let owed = loan.principalFen
        for (const row of annuity.slice(0, -1)) {
          expect(row.paymentFen).toBe(Math.min(owed + row.interestFen, Math.max(payment, row.interestFen)))
          owed = row.balanceFen
        }
      }),
    )
  })
})

describe('bad input', () => {
  it('rate ≤ 0, term 0 or over 360 months, no principal → a message for each field', () => {
    expect(loanProblems({ principalFen: 0, rateMilliPercent: 0, months: 0 })).toEqual([
      { field: 'principal', message: expect.stringContaining('贷款金额须大于 0') },
      { field: 'rate', message: expect.stringContaining('年利率须大于 0') },
      { field: 'months', message: '贷款期限须为 1–360 个月（最长 30 年）' },
    ])
    expect(loanProblems({ ...TEXTBOOK, rateMilliPercent: -100 }).map((p) => p.field)).toEqual(['rate'])
    expect(loanProblems({ ...TEXTBOOK, months: 361 }).map((p) => p.field)).toEqual(['months'])
    expect(loanProblems({ ...TEXTBOOK, months: 12.5 }).map((p) => p.field)).toEqual(['months'])
    expect(loanProblems({ ...TEXTBOOK, rateMilliPercent: Number.NaN }).map((p) => p.field)).toEqual(['rate'])
    expect(loanProblems(TEXTBOOK)).toEqual([])
    expect(() => equalInstalmentSchedule({ ...TEXTBOOK, months: 0 })).toThrow(/贷款期限/)
    expect(() => equalPrincipalSchedule({ ...TEXTBOOK, rateMilliPercent: 0 })).toThrow(/年利率/)
  })

  it('reads rates as typed, with at most three decimals', () => {
    expect(parseRatePercent('3.1')).toBe(3100)
    expect(parseRatePercent('2.85%')).toBe(2850)
    expect(parseRatePercent(' 4.900 % ')).toBe(4900)
    expect(parseRatePercent('3')).toBe(3000)
    for (const bad of ['', 'abc', '3.1415', '-1', '1e2', '.5']) expect(parseRatePercent(bad)).toBeNaN()
  })
})
