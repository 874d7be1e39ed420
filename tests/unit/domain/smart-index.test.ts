import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { INDICATORS, type Indicator, type IndicatorValues, concentration, expertWeights, indexOf, ranks, shares } from '../../../src/domain/smart-index'

const equal = expertWeights([])

describe('the sub-index arithmetic (03-index.md)', () => {
  it('hand-computed: shares of the national total, availability for the failure rate, equal weights, ×100', () => {
    const rows = new Map<string, IndicatorValues>([
      ['A', { value: 60, stars: 4, mau: 300, returnRate: 0.2, failureRate: 0.1, richness: 0.5 }],
      ['B', { value: 30, stars: 4, mau: 100, returnRate: 0.2, failureRate: 0.3, richness: 0.5 }],
      ['C', { value: 10, stars: 2, mau: 0, failureRate: 1 }],
    ])
    const t = shares(rows)
    // value 60/100, stars 4/10, mau 300/400, returnRate 0.2/0.4, availability 0.9/(0.9+0.7+0), richness 0.5/1
    expect(t.get('A')).toEqual({ value: 0.6, stars: 0.4, mau: 0.75, returnRate: 0.5, failureRate: 0.9 / 1.6, richness: 0.5 })
    expect(t.get('C')).toEqual({ value: 0.1, stars: 0.2, mau: 0, returnRate: 0, failureRate: 0, richness: 0 })
    expect(indexOf(t.get('A')!, equal)).toBeCloseTo((100 * (0.6 + 0.4 + 0.75 + 0.5 + 0.9 / 1.6 + 0.5)) / 6, 10)
    const total = [...t.values()].reduce((s, share) => s + indexOf(share, equal), 0)
    expect(total).toBeCloseTo(100, 10)
  })

  it('expert weights by the report’s formula: α[j] = Σi a[i][j] / Σi Σj a[i][j]', () => {
    const expert = (scores: number[]) => Object.fromEntries(INDICATORS.map((j, k) => [j, scores[k]])) as Record<Indicator, number>
    const w = expertWeights([expert([5, 3, 5, 4, 2, 1]), expert([4, 3, 5, 5, 1, 2])])
    // column sums 9, 6, 10, 9, 3, 3 of 40
    expect(w).toEqual({ value: 9 / 40, stars: 6 / 40, mau: 10 / 40, returnRate: 9 / 40, failureRate: 3 / 40, richness: 3 / 40 })
    expect(Object.values(equal)).toEqual(Array(6).fill(1 / 6))
  })

  it('any data and any weights: the indices of all cities add up to 100 (when every indicator has data)', () => {
    const positive = fc.double({ min: 0.01, max: 1e6, noNaN: true })
    const row = fc.record(Object.fromEntries(INDICATORS.map((j) => [j, j === 'failureRate' ? fc.double({ min: 0, max: 0.9, noNaN: true }) : positive])) as Record<Indicator, fc.Arbitrary<number>>)
    const scores = fc.array(fc.record(Object.fromEntries(INDICATORS.map((j) => [j, fc.integer({ min: 1, max: 5 })])) as Record<Indicator, fc.Arbitrary<number>>), { maxLength: 8 })
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), scores, (cities, experts) => {
        const t = shares(new Map(cities.map((c, i) => [String(i), c])))
        const w = expertWeights(experts)
        expect([...t.values()].reduce((s, share) => s + indexOf(share, w), 0)).toBeCloseTo(100, 6)
      }),
    )
  })

  it('ranks: highest first, ties share a rank and the next rank skips', () => {
    expect([...ranks(new Map([['a', 3], ['b', 5], ['c', 3], ['d', 1]]))]).toEqual([['b', 1], ['a', 2], ['c', 2], ['d', 4]])
  })

  it('the 2016 report’s published top 100 (percent of 351 cities): top 10 = 13.51%, top 50 = 37.40%; 广州 = 1.55 × 长沙; 青岛 = 40.30% of 深圳', () => {
    const rows = readFileSync(new URL('../../../server/reference/internet-plus-2016-city-top100.csv', import.meta.url), 'utf8').trim().split('\n').slice(1).map((line) => line.split(','))
    const value = new Map(rows.map(([, city, v]) => [city!, Number(v)]))
    expect(concentration([...value.values()], 10).toFixed(2)).toBe('13.51')
    expect(concentration([...value.values()], 50).toFixed(2)).toBe('37.40')
    expect((value.get('广州')! / value.get('长沙')!).toFixed(2)).toBe('1.55')
    // The published values are rounded to 4 decimals: 40.30% is within that rounding (40.303–40.309%).
    expect(Math.abs((100 * value.get('青岛')!) / value.get('深圳')! - 40.3)).toBeLessThan(0.01)
  })
})
