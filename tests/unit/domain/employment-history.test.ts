import { describe, expect, it } from 'vitest'
import { employmentHistory, firstContributionMonth } from '../../../src/domain/employment-history'

const job = (employer: string, from: string, to?: string, flexible = false) => ({ employer, from, ...(to ? { to } : {}), flexible })

describe('employmentHistory', () => {
  it('lists the periods newest first with the gap between them', () => {
    expect(employmentHistory([job('乙公司', '2020-01'), job('甲公司', '2015-07', '2019-06')])).toEqual([
      { kind: 'period', employer: '乙公司', from: '2020-01', flexible: false },
      { kind: 'gap', from: '2019-07', to: '2019-12', months: 6 },
      { kind: 'period', employer: '甲公司', from: '2015-07', to: '2019-06', flexible: false },
    ])
  })

  it('has no gap between periods that touch', () => {
    const entries = employmentHistory([job('乙公司', '2019-07'), job('甲公司', '2015-07', '2019-06')])
    expect(entries.map((e) => e.kind)).toEqual(['period', 'period'])
  })

  it('counts a one-month gap across a year end', () => {
    const entries = employmentHistory([job('灵活就业人员', '2021-01', undefined, true), job('甲公司', '2019-01', '2020-11')])
    expect(entries[1]).toEqual({ kind: 'gap', from: '2020-12', to: '2020-12', months: 1 })
    expect(entries[0]).toMatchObject({ flexible: true })
  })

  it('does not trust the agency’s order', () => {
    const entries = employmentHistory([job('甲公司', '2015-07', '2019-06'), job('乙公司', '2020-01')])
    expect(entries.map((e) => (e.kind === 'period' ? e.employer : 'gap'))).toEqual(['乙公司', 'gap', '甲公司'])
  })

  it('measures a gap from the latest end of all earlier periods, so overlaps leave none', () => {
    const entries = employmentHistory([job('丙公司', '2022-01', '2023-12'), job('乙公司', '2018-01', '2019-12'), job('甲公司', '2010-01', '2021-06')])
    expect(entries.filter((e) => e.kind === 'gap')).toEqual([{ kind: 'gap', from: '2021-07', to: '2021-12', months: 6 }])
  })

  it('sees no gap after an ongoing period', () => {
    const entries = employmentHistory([job('乙公司', '2020-01', '2020-06'), job('甲公司', '2010-01')])
    expect(entries.map((e) => e.kind)).toEqual(['period', 'period'])
  })

  it('is empty without periods', () => {
    expect(employmentHistory([])).toEqual([])
  })
})

describe('firstContributionMonth', () => {
  it('is the earliest period start', () => {
    expect(firstContributionMonth({ employments: [job('乙公司', '2020-01'), job('甲公司', '2015-07', '2019-06')], insurances: [] })).toBe('2015-07')
  })
  it('falls back to the earliest insurance start without periods', () => {
    const insurances = [
      { type: 'pension' as const, typeName: '养老保险', status: 'active' as const, since: '2016-03' },
      { type: 'medical' as const, typeName: '医疗保险', status: 'active' as const, since: '2014-11' },
      { type: 'injury' as const, typeName: '工伤保险', status: 'not-insured' as const },
    ]
    expect(firstContributionMonth({ employments: [], insurances })).toBe('2014-11')
  })
  it('is undefined for someone never insured', () => {
    expect(firstContributionMonth({ employments: [], insurances: [] })).toBeUndefined()
  })
})
