import { describe, expect, it } from 'vitest'
import { withDues } from '../../../src/domain/violation-dues'

const NOW = Date.parse('2026-11-22T10:00:00+08:00')
const daysAgo = (d: number) => new Date(NOW - d * 86_400_000).toISOString()
const summary = { count: 3, unpaidCount: 2, unpaidFineFen: 30_000, unpaidPoints: 3 }

describe('withDues', () => {
  it('adds each unpaid violation’s late fee and 应缴, and the unpaid totals to the summary', () => {
    const list = {
      violations: [
        { id: 'fresh', time: daysAgo(3), fineFen: 20_000, status: 'unpaid' },
        { id: 'late', time: daysAgo(25), fineFen: 10_000, status: 'unpaid' },
        { id: 'paid', time: daysAgo(90), fineFen: 5_000, status: 'paid' },
      ],
      summary,
    }
    const { violations, summary: totals } = withDues(list, NOW)
    expect(violations.map((v) => [v.id, v.lateFeeFen, v.payableFen])).toEqual([
      ['fresh', 0, 20_000],
      ['late', 3_000, 13_000], // 10 days past the 15 allowed: 3% a day
      ['paid', 0, 0],
    ])
    expect(totals).toEqual({ ...summary, unpaidLateFeeFen: 3_000, unpaidPayableFen: 33_000 })
  })

  it('never charges more late fee than the fine', () => {
    const { violations } = withDues({ violations: [{ time: daysAgo(400), fineFen: 5_000, status: 'unpaid' }], summary }, NOW)
    expect(violations[0]).toMatchObject({ lateFeeFen: 5_000, payableFen: 10_000 })
  })
})
