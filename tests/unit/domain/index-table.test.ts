import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { indexTable } from '../../../src/domain/index-table'
import type { PlaceIndicators } from '../../../src/domain/place-indicators'
import { type Indicator, type IndicatorValues, expertWeights } from '../../../src/domain/smart-index'

// Hand-computed fixtures for the index table of 03-index.md: I = 100 × Σj α[j] t[c][j],
// t = share of the national total, failure rate entering as availability (1 − rate).

const ALL: Indicator[] = ['value', 'stars', 'mau', 'returnRate', 'failureRate', 'richness']
const EQUAL: Record<Indicator, number> = { value: 1 / 6, stars: 1 / 6, mau: 1 / 6, returnRate: 1 / 6, failureRate: 1 / 6, richness: 1 / 6 }

const place = (values: IndicatorValues, suppressed: PlaceIndicators['suppressed'] = []): PlaceIndicators => ({ values, suppressed })

// A and B identical; C lower overall but first on MAU, return rate and availability.
// Inserted C, B, A so the row order has to come from the sort.
const A: IndicatorValues = { value: 30, stars: 4, mau: 100, returnRate: 0.25, failureRate: 0.5, richness: 0.5 }
const C: IndicatorValues = { value: 20, stars: 2, mau: 200, returnRate: 0.5, failureRate: 0, richness: 0 }
const three = new Map<string, PlaceIndicators>([
  ['C', place(C)],
  ['B', place({ ...A })],
  ['A', place(A)],
])
// Totals: value 30+30+20 = 80; stars 4+4+2 = 10; mau 100+100+200 = 400; returnRate 0.25+0.25+0.5 = 1;
// availability (1−0.5)+(1−0.5)+(1−0) = 2; richness 0.5+0.5+0 = 1.

describe('indexTable with equal weights (1/6 each), three places', () => {
  const table = indexTable(three, EQUAL)
  const row = (code: string) => table.rows.find((r) => r.code === code)!

  it('shares of the national total per indicator', () => {
    const shareOf = (code: string) => Object.fromEntries(ALL.map((j) => [j, row(code).indicators[j].share]))
    // A: 30/80, 4/10, 100/400, 0.25/1, 0.5/2 (availability), 0.5/1
    expect(shareOf('A')).toEqual({ value: 0.375, stars: 0.4, mau: 0.25, returnRate: 0.25, failureRate: 0.25, richness: 0.5 })
    expect(shareOf('B')).toEqual(shareOf('A'))
    // C: 20/80, 2/10, 200/400, 0.5/1, 1/2 (availability of failure 0), 0/1
    expect(shareOf('C')).toEqual({ value: 0.25, stars: 0.2, mau: 0.5, returnRate: 0.5, failureRate: 0.5, richness: 0 })
  })

  it('indices 100 × Σ α t, summing to 100', () => {
    // A: 100 × (0.375 + 0.4 + 0.25 + 0.25 + 0.25 + 0.5) / 6 = 100 × 2.025 / 6 = 33.75
    expect(row('A').index).toBeCloseTo(33.75, 10)
    expect(row('B').index).toBeCloseTo(33.75, 10)
    // C: 100 × (0.25 + 0.2 + 0.5 + 0.5 + 0.5 + 0) / 6 = 100 × 1.95 / 6 = 32.5
    expect(row('C').index).toBeCloseTo(32.5, 10)
    // 33.75 + 33.75 + 32.5 = 100
    expect(table.rows.reduce((s, r) => s + r.index, 0)).toBeCloseTo(100, 10)
  })

  it('ranks: the two identical places share rank 1, the next rank skips to 3; rows by rank then code', () => {
    expect(table.rows.map((r) => [r.code, r.rank])).toEqual([
      ['A', 1],
      ['B', 1],
      ['C', 3],
    ])
  })

  it('each indicator’s own rank (failure rate ranked by availability: the lowest failure first)', () => {
    const ranksOf = (j: Indicator) => ['A', 'B', 'C'].map((code) => row(code).indicators[j].rank)
    expect(ranksOf('value')).toEqual([1, 1, 3]) // 30, 30, 20
    expect(ranksOf('stars')).toEqual([1, 1, 3]) // 4, 4, 2
    expect(ranksOf('mau')).toEqual([2, 2, 1]) // 100, 100, 200
    expect(ranksOf('returnRate')).toEqual([2, 2, 1]) // 0.25, 0.25, 0.5
    expect(ranksOf('failureRate')).toEqual([2, 2, 1]) // availability 0.5, 0.5, 1
    expect(ranksOf('richness')).toEqual([1, 1, 3]) // 0.5, 0.5, 0
  })

  it('cells carry the raw value (failure rate as the rate, not the availability), unsuppressed', () => {
    expect(row('A').indicators.failureRate).toEqual({ value: 0.5, share: 0.25, rank: 2, suppressed: false })
    expect(row('C').indicators.failureRate).toEqual({ value: 0, share: 0.5, rank: 1, suppressed: false })
    expect(row('C').indicators.mau).toEqual({ value: 200, share: 0.5, rank: 1, suppressed: false })
  })

  it('concentration of three places: top 10 and top 50 both hold everything', () => {
    expect(table.concentration.top10).toBeCloseTo(100, 10) // 33.75 + 33.75 + 32.5
    expect(table.concentration.top50).toBeCloseTo(100, 10)
  })
})

describe('indexTable: failure rate as availability, suppressed and missing values', () => {
  // X: failure 0.5 → availability 0.5; Y: failure 0.1 → 0.9; Z: not monitored → 0. Sum of availabilities 1.4.
  // Y's MAU and return rate are withheld (small cells): absent from values and listed as suppressed.
  const places = new Map<string, PlaceIndicators>([
    ['X', place({ value: 10, stars: 4, mau: 100, returnRate: 0.5, failureRate: 0.5, richness: 0.25 })],
    ['Y', place({ value: 10, stars: 4, failureRate: 0.1, richness: 0.25 }, ['mau', 'returnRate'])],
    ['Z', place({ value: 20, stars: 2, mau: 300, returnRate: 0.5, richness: 0.5 })],
  ])
  // Totals: value 40, stars 10, mau 100+0+300 = 400, returnRate 0.5+0+0.5 = 1, availability 1.4, richness 1.
  const table = indexTable(places, EQUAL)
  const row = (code: string) => table.rows.find((r) => r.code === code)!

  it('a place with failure 0.5 gets 0.5 / (sum of availabilities); one with no failure data gets 0', () => {
    expect(row('X').indicators.failureRate.share).toBeCloseTo(0.5 / 1.4, 12) // 5/14 (failure itself would give 0.5/0.6)
    expect(row('Y').indicators.failureRate.share).toBeCloseTo(0.9 / 1.4, 12) // 9/14
    expect(row('Z').indicators.failureRate).toEqual({ value: null, share: 0, rank: 3, suppressed: false })
    expect(row('Y').indicators.failureRate.rank).toBe(1) // availability 0.9 > 0.5 > 0
    expect(row('X').indicators.failureRate.rank).toBe(2)
  })

  it('suppressed values: value null, share 0, suppressed true; the others’ shares are of the published total', () => {
    expect(row('Y').indicators.mau).toEqual({ value: null, share: 0, rank: 3, suppressed: true })
    expect(row('Y').indicators.returnRate).toEqual({ value: null, share: 0, rank: 3, suppressed: true })
    expect(row('X').indicators.mau).toEqual({ value: 100, share: 0.25, rank: 2, suppressed: false }) // 100 / 400
    expect(row('Z').indicators.mau).toEqual({ value: 300, share: 0.75, rank: 1, suppressed: false }) // 300 / 400
    expect(row('X').indicators.returnRate.share).toBe(0.5) // 0.5 / 1
    expect(row('Y').indicators.value.suppressed).toBe(false)
  })

  it('indices by hand', () => {
    // X: (0.25 + 0.4 + 0.25 + 0.5 + 5/14 + 0.25) / 6 × 100 = (1.65 + 5/14) × 100/6
    expect(row('X').index).toBeCloseTo(((1.65 + 5 / 14) * 100) / 6, 10) // ≈ 33.452
    // Y: (0.25 + 0.4 + 0 + 0 + 9/14 + 0.25) / 6 × 100 = (0.9 + 9/14) × 100/6
    expect(row('Y').index).toBeCloseTo(((0.9 + 9 / 14) * 100) / 6, 10) // ≈ 25.714
    // Z: (0.5 + 0.2 + 0.75 + 0.5 + 0 + 0.5) / 6 × 100 = 2.45 × 100/6
    expect(row('Z').index).toBeCloseTo((2.45 * 100) / 6, 10) // ≈ 40.833
    // Σ = (1.65 + 0.9 + 2.45 + 14/14) × 100/6 = 6 × 100/6 = 100
    expect(table.rows.reduce((s, r) => s + r.index, 0)).toBeCloseTo(100, 10)
    expect(table.rows.map((r) => [r.code, r.rank])).toEqual([
      ['Z', 1],
      ['X', 2],
      ['Y', 3],
    ])
  })
})

describe('indexTable: concentration', () => {
  it('top 10 of 12 places = the sum of the 10 highest indices; top 50 = all of them', () => {
    // Place i (1..12) has i of every indicator and availability i/12 (failure 1 − i/12):
    // every share is i / (1 + … + 12) = i/78, so its index is 100 × i/78 whatever the weights.
    const places = new Map<string, PlaceIndicators>()
    for (let i = 1; i <= 12; i++) {
      places.set(`P${String(i).padStart(2, '0')}`, place({ value: i, stars: i, mau: i, returnRate: i, failureRate: 1 - i / 12, richness: i }))
    }
    const table = indexTable(places, EQUAL)
    expect(table.rows[0]!.code).toBe('P12')
    expect(table.rows[0]!.index).toBeCloseTo((100 * 12) / 78, 10)
    expect(table.rows[11]!.index).toBeCloseTo(100 / 78, 10)
    // top 10 = 100 × (12 + 11 + … + 3) / 78 = 100 × 75 / 78 ≈ 96.1538
    expect(table.concentration.top10).toBeCloseTo((100 * 75) / 78, 10)
    expect(table.concentration.top50).toBeCloseTo(100, 10) // 100 × 78 / 78
  })
})

describe('indexTable with expert weights', () => {
  it('two experts: α[j] = Σi a[i][j] / Σi Σj a[i][j], changing the index exactly', () => {
    //          value stars mau returnRate failureRate richness
    // expert 1:   4     1    1      1          2          1     (10)
    // expert 2:   5     1    1      1          1          1     (10)
    // columns:    9     2    2      2          3          2  of 20
    const w = expertWeights([
      { value: 4, stars: 1, mau: 1, returnRate: 1, failureRate: 2, richness: 1 },
      { value: 5, stars: 1, mau: 1, returnRate: 1, failureRate: 1, richness: 1 },
    ])
    expect(w).toEqual({ value: 9 / 20, stars: 2 / 20, mau: 2 / 20, returnRate: 2 / 20, failureRate: 3 / 20, richness: 2 / 20 })
    const table = indexTable(three, w)
    const row = (code: string) => table.rows.find((r) => r.code === code)!
    // A: 100 × (0.45×0.375 + 0.1×0.4 + 0.1×0.25 + 0.1×0.25 + 0.15×0.25 + 0.1×0.5)
    //  = 100 × (0.16875 + 0.04 + 0.025 + 0.025 + 0.0375 + 0.05) = 100 × 0.34625 = 34.625
    expect(row('A').index).toBeCloseTo(34.625, 10)
    expect(row('B').index).toBeCloseTo(34.625, 10)
    // C: 100 × (0.45×0.25 + 0.1×0.2 + 0.1×0.5 + 0.1×0.5 + 0.15×0.5 + 0.1×0)
    //  = 100 × (0.1125 + 0.02 + 0.05 + 0.05 + 0.075 + 0) = 100 × 0.3075 = 30.75
    expect(row('C').index).toBeCloseTo(30.75, 10)
    // 34.625 + 34.625 + 30.75 = 100; shares do not depend on the weights
    expect(table.rows.reduce((s, r) => s + r.index, 0)).toBeCloseTo(100, 10)
    expect(row('A').indicators.value.share).toBe(0.375)
  })

  it('weights putting everything on MAU turn the ranking around', () => {
    const mauOnly: Record<Indicator, number> = { value: 0, stars: 0, mau: 1, returnRate: 0, failureRate: 0, richness: 0 }
    const table = indexTable(three, mauOnly)
    // index = 100 × mau share: A 25, B 25, C 50
    expect(table.rows.map((r) => [r.code, r.index, r.rank])).toEqual([
      ['C', 50, 1],
      ['A', 25, 2],
      ['B', 25, 2],
    ])
  })
})

describe('indexTable property', () => {
  it('random places (non-negative values, some missing) and random positive weights summing to 1: indices add up to 100', () => {
    const nonNegative = fc.oneof(fc.constant(0), fc.double({ min: 1e-3, max: 1e6, noNaN: true }))
    const rate = fc.double({ min: 0, max: 1, noNaN: true })
    const values = fc.record(
      {
        value: nonNegative,
        stars: fc.double({ min: 0, max: 5, noNaN: true }),
        mau: nonNegative,
        returnRate: rate,
        failureRate: rate,
        richness: rate,
      },
      { requiredKeys: [] }, // any indicator may be missing
    )
    const weights = fc.tuple(...ALL.map(() => fc.double({ min: 0.01, max: 10, noNaN: true })))
    fc.assert(
      fc.property(fc.array(values, { minLength: 1, maxLength: 30 }), weights, (rows, raw) => {
        // every indicator needs a non-zero national total (availability 1 − rate for the failure rate)
        for (const j of ALL) {
          const total = rows.reduce((s, r) => s + (r[j] === undefined ? 0 : j === 'failureRate' ? 1 - r[j]! : r[j]!), 0)
          fc.pre(total > 0)
        }
        const sum = raw.reduce((s, x) => s + x, 0)
        const w = Object.fromEntries(ALL.map((j, i) => [j, raw[i]! / sum])) as Record<Indicator, number>
        const table = indexTable(new Map(rows.map((r, i) => [`c${i}`, place(r)])), w)
        expect(table.rows).toHaveLength(rows.length)
        expect(Math.abs(table.rows.reduce((s, r) => s + r.index, 0) - 100)).toBeLessThan(1e-9)
      }),
      { numRuns: 300 },
    )
  })

  it('leaves out an indicator no place has data for and rescales the other weights, so the indices still add up to 100', () => {
    // No return rate anywhere (a first month) and no probes: value, stars, mau, richness share the weight, 1/4 each.
    const p = new Map([
      ['a', place({ value: 30, stars: 4, mau: 100, richness: 0.5 })],
      ['b', place({ value: 10, stars: 4, mau: 300, richness: 0.5 })],
    ])
    const table = indexTable(p, EQUAL)
    expect(table.omitted).toEqual(['returnRate', 'failureRate'])
    expect(table.applied).toEqual({ value: 0.25, stars: 0.25, mau: 0.25, returnRate: 0, failureRate: 0, richness: 0.25 })
    // a: 100 × (0.75 + 0.5 + 0.25 + 0.5) / 4 = 50; b: 100 × (0.25 + 0.5 + 0.75 + 0.5) / 4 = 50
    expect(table.rows.map((r) => [r.code, r.index])).toEqual([['a', 50], ['b', 50]])
    expect(table.rows.map((r) => r.rank)).toEqual([1, 1])
  })
})
