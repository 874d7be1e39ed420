import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { utilityLateFeeFen } from '../../../src/domain/utility-late-fee'

describe('utilityLateFeeFen (违约金: 0.1% a day after the due date, at most the bill)', () => {
  it.each([
    ['on the due date', 10_000, '2025-06-20', '2025-06-20', 0],
    ['before the due date', 10_000, '2025-06-20', '2025-06-01', 0],
    ['one day late', 10_000, '2025-06-20', '2025-06-21', 10],
    ['29 days late', 8_760, '2025-05-20', '2025-06-18', 254],
    ['across a year end', 10_000, '2024-12-20', '2025-01-19', 300],
    ['across February of a leap year', 10_000, '2024-02-20', '2024-03-20', 290],
    ['rounded to the fen', 1_234, '2025-06-20', '2025-06-23', 4],
    ['capped at the amount after 1000 days', 5_000, '2020-01-20', '2025-01-20', 5_000],
    ['nothing on a zero bill', 0, '2025-01-20', '2025-06-18', 0],
  ])('%s', (_label, amount, due, today, expected) => {
    expect(utilityLateFeeFen(amount, due, today)).toBe(expected)
  })

  const date = fc.date({ min: new Date('2015-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))

  it('is between 0 and the amount, grows with every day late, and is 0 until the due date', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), date, date, (amount, due, today) => {
        const fee = utilityLateFeeFen(amount, due, today)
        expect(fee).toBeGreaterThanOrEqual(0)
        expect(fee).toBeLessThanOrEqual(amount)
        expect(Number.isInteger(fee)).toBe(true)
        if (today <= due) expect(fee).toBe(0)
        const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
        expect(utilityLateFeeFen(amount, due, tomorrow)).toBeGreaterThanOrEqual(fee)
      }),
    )
  })
})
