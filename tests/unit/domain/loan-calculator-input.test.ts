import { describe, expect, it } from 'vitest'
import { equalPrincipalSchedule, loanProblems } from '../../../src/domain/loan-calculator'
import { monthlyDecreaseFen, parseTermMonths, parseWanYuan, readLoanForm } from '../../../src/domain/loan-calculator-input'

describe('loan calculator input', () => {
  it('万元 to fen, exactly', () => {
    expect(parseWanYuan('100')).toBe(100_000_000)
    expect(parseWanYuan('35.5')).toBe(35_500_000)
    expect(parseWanYuan('0.000001')).toBe(1)
    expect(parseWanYuan('１００')).toBe(100_000_000)
    expect(parseWanYuan('')).toBeNaN()
    expect(parseWanYuan('abc')).toBeNaN()
    expect(parseWanYuan('1.0000001')).toBeNaN()
  })

  it('years or months to months', () => {
    expect(parseTermMonths('30', 'years')).toBe(360)
    expect(parseTermMonths('31', 'years')).toBe(372)
    expect(parseTermMonths('240', 'months')).toBe(240)
    expect(parseTermMonths('2.5', 'years')).toBeNaN()
    expect(parseTermMonths('', 'years')).toBeNaN()
  })

  it('a form the calculator refuses names the fields', () => {
    const fields = (form: Parameters<typeof readLoanForm>[0]) => loanProblems(readLoanForm(form)).map((p) => p.field)
    expect(fields({ amountWan: '100', ratePercent: '2.85', term: '30', termUnit: 'years' })).toEqual([])
    expect(fields({ amountWan: '', ratePercent: '2.85', term: '30', termUnit: 'years' })).toEqual(['principal'])
    expect(fields({ amountWan: '100', ratePercent: '0', term: '30', termUnit: 'years' })).toEqual(['rate'])
    expect(fields({ amountWan: '100', ratePercent: '2.85', term: '0', termUnit: 'years' })).toEqual(['months'])
    expect(fields({ amountWan: '100', ratePercent: '2.85', term: '31', termUnit: 'years' })).toEqual(['months'])
    expect(fields({ amountWan: '100', ratePercent: '2.85', term: '361', termUnit: 'months' })).toEqual(['months'])
  })

  it('等额本金 decreases by the monthly principal’s interest: 11.34 元 in the textbook case', () => {
    const schedule = equalPrincipalSchedule(readLoanForm({ amountWan: '100', ratePercent: '4.9', term: '30', termUnit: 'years' }))
    expect(monthlyDecreaseFen(schedule)).toBe(1134)
    expect(monthlyDecreaseFen({ ...schedule, rows: schedule.rows.slice(0, 1) })).toBe(0)
  })
})
