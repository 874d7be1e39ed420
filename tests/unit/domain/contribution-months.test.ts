import { describe, expect, it } from 'vitest'
import { contributionMonths } from '../../../src/domain/contribution-months'

type Rec = { month: string; type: 'pension' | 'medical' | 'unemployment' | 'injury' | 'maternity'; baseFen: number; personalFen: number; employerFen: number; employer: string }

const EMPLOYER = '德阳市第一中学'
function month(m: string, baseFen = 500_000, employer = EMPLOYER): Rec[] {
  return [
    { month: m, type: 'medical', baseFen, personalFen: baseFen * 0.02, employerFen: baseFen * 0.08, employer },
    { month: m, type: 'pension', baseFen, personalFen: baseFen * 0.08, employerFen: baseFen * 0.16, employer },
    { month: m, type: 'injury', baseFen, personalFen: 0, employerFen: baseFen * 0.004, employer },
  ]
}

describe('contributionMonths', () => {
  it('lists every month of a past year, December first', () => {
    const records = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].flatMap((m) => month(`2024-${m}`))
    const rows = contributionMonths({ from: '2024-01', to: '2024-12', records })
    expect(rows.map((r) => r.month)).toEqual(['2024-12', '2024-11', '2024-10', '2024-09', '2024-08', '2024-07', '2024-06', '2024-05', '2024-04', '2024-03', '2024-02', '2024-01'])
    expect(rows[11]!.label).toBe('2024年01月')
    expect(rows.every((r) => r.paid)).toBe(true)
  })

  it('gives each month its insurances in the bureaus’ order, with the totals', () => {
    const [row] = contributionMonths({ from: '2024-03', to: '2024-03', records: month('2024-03') })
    expect(row!.parts.map((p) => p.typeName)).toEqual(['养老保险', '医疗保险', '工伤保险'])
    expect(row!.parts[0]).toEqual({ type: 'pension', typeName: '养老保险', baseFen: 500_000, personalFen: 40_000, employerFen: 80_000 })
    expect(row!.personalFen).toBe(40_000 + 10_000)
    expect(row!.employerFen).toBe(80_000 + 40_000 + 2_000)
    expect(row!.baseFen).toBe(500_000)
    expect(row!.employers).toEqual([EMPLOYER])
  })

  it('marks a month without records as unpaid (a gap), with nothing in it', () => {
    const rows = contributionMonths({ from: '2024-01', to: '2024-03', records: [...month('2024-01'), ...month('2024-03')] })
    const gap = rows.find((r) => r.month === '2024-02')!
    expect(gap).toMatchObject({ paid: false, label: '2024年02月', parts: [], employers: [], personalFen: 0, employerFen: 0 })
    expect(gap.baseFen).toBeUndefined()
    expect(rows.filter((r) => r.paid).map((r) => r.month)).toEqual(['2024-03', '2024-01'])
  })

  it('stops at the year’s last month for the current year', () => {
    const rows = contributionMonths({ from: '2026-01', to: '2026-04', records: month('2026-04') })
    expect(rows.map((r) => r.month)).toEqual(['2026-04', '2026-03', '2026-02', '2026-01'])
  })

  it('leaves out this month while it has no records: it is recorded next month, not a gap', () => {
    const rows = contributionMonths({ from: '2026-01', to: '2026-05', records: ['01', '02', '04'].flatMap((m) => month(`2026-${m}`)) }, { currentMonth: '2026-05' })
    expect(rows.map((r) => [r.month, r.paid])).toEqual([
      ['2026-04', true],
      ['2026-03', false],
      ['2026-02', true],
      ['2026-01', true],
    ])
  })

  it('lists this month once it has records', () => {
    const rows = contributionMonths({ from: '2026-05', to: '2026-05', records: month('2026-05') }, { currentMonth: '2026-05' })
    expect(rows.map((r) => r.month)).toEqual(['2026-05'])
  })

  it('has no months in January of the current year before anything is recorded', () => {
    expect(contributionMonths({ from: '2026-01', to: '2026-01', records: [] }, { currentMonth: '2026-01' })).toEqual([])
    expect(contributionMonths({ from: '2026-01', to: '2025-12', records: [] })).toEqual([])
  })

  it('leaves out the months before the first contribution ever, which are not gaps', () => {
    const rows = contributionMonths({ from: '2015-01', to: '2015-12', records: ['10', '11', '12'].flatMap((m) => month(`2015-${m}`)) }, { firstMonth: '2015-09' })
    expect(rows.map((r) => r.month)).toEqual(['2015-12', '2015-11', '2015-10', '2015-09'])
    expect(rows[3]!.paid).toBe(false)
  })

  it('keeps a paid month even when it is before the given first month', () => {
    const rows = contributionMonths({ from: '2015-01', to: '2015-02', records: month('2015-01') }, { firstMonth: '2015-02' })
    expect(rows.map((r) => r.month)).toEqual(['2015-02', '2015-01'])
  })

  it('names both employers of a month with a job change, and leaves the base to each part when they differ', () => {
    const records = [...month('2024-05', 500_000, '甲公司').slice(0, 1), ...month('2024-05', 600_000, '乙公司').slice(1, 2)]
    const [row] = contributionMonths({ from: '2024-05', to: '2024-05', records })
    expect(row!.employers).toEqual(['甲公司', '乙公司'])
    expect(row!.baseFen).toBeUndefined()
    expect(row!.parts.map((p) => p.baseFen)).toEqual([600_000, 500_000])
  })

  it('ignores records outside the year’s months', () => {
    const rows = contributionMonths({ from: '2024-01', to: '2024-01', records: [...month('2024-01'), ...month('2023-12')] })
    expect(rows).toHaveLength(1)
  })
})
