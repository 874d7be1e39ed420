import { describe, expect, it } from 'vitest'
import { serviceActivityMonths } from '../../../server/modules/stats/stats-service'
import type { ActivityRow } from '../../../server/modules/usage/activity-row'

const cell = (scope: string, month: string, actives: number, returning: number, first: number): ActivityRow => ({ scope, month, actives, returning, first })
const K = 10

describe('serviceActivityMonths', () => {
  it('a city service: its one city scope, published as the analysts publish that scope', () => {
    const cells = [cell('svc:a@510600', '2026-01', 30, 0, 30), cell('svc:a@510600', '2026-02', 25, 15, 10), cell('svc:a@510600', '2026-03', 7, 7, 0)]
    expect(serviceActivityMonths(cells, { id: 'a', national: false }, ['2026-02', '2026-03'], K)).toEqual([
      { month: '2026-02', actives: 25, returnRate: 0.5, citiesWithheld: 0 },
      // 7 people: withheld (null, not 0), and no rate from them.
      { month: '2026-03', actives: null, returnRate: null, citiesWithheld: 1 },
    ])
  })

  it('a returning count the analysts withhold (complementary suppression) withholds the rate too', () => {
    // 24 = 18 returning + 6 first: 6 is small, so the smallest other part (18) is withheld with it.
    const cells = [cell('svc:a@510600', '2026-01', 30, 0, 30), cell('svc:a@510600', '2026-02', 24, 18, 6)]
    expect(serviceActivityMonths(cells, { id: 'a', national: false }, ['2026-02'], K)).toEqual([{ month: '2026-02', actives: 24, returnRate: null, citiesWithheld: 0 }])
  })

  it('a province service: the sum of its published cities only, so no small city can be recovered by subtraction', () => {
    const cells = [
      cell('svc:p@510100', '2026-01', 40, 0, 40),
      cell('svc:p@510600', '2026-01', 20, 0, 20),
      cell('svc:p@510100', '2026-02', 30, 20, 10),
      cell('svc:p@510600', '2026-02', 4, 4, 0),
      cell('svc:p@510400', '2026-02', 12, 0, 12),
    ]
    // 30 + 12 published, 510600's 4 left out; the rate over the cities published in both months: 20 / 40.
    expect(serviceActivityMonths(cells, { id: 'p', national: false }, ['2026-02'], K)).toEqual([{ month: '2026-02', actives: 42, returnRate: 0.5, citiesWithheld: 1 }])
  })

  it('a national service: its own country-wide scope, not the sum of cities', () => {
    const cells = [cell('svc:n', '2026-02', 50, 0, 50), cell('svc:n@510100', '2026-02', 30, 0, 30), cell('svc:n@510600', '2026-02', 30, 0, 30)]
    expect(serviceActivityMonths(cells, { id: 'n', national: true }, ['2026-02'], K)).toEqual([{ month: '2026-02', actives: 50, returnRate: null, citiesWithheld: 0 }])
    expect(serviceActivityMonths([cell('svc:n', '2026-02', 3, 0, 3)], { id: 'n', national: true }, ['2026-02'], K)).toEqual([{ month: '2026-02', actives: null, returnRate: null, citiesWithheld: 0 }])
  })

  it('no usage at all is 0, not withheld', () => {
    expect(serviceActivityMonths([], { id: 'a', national: false }, ['2026-02'], K)).toEqual([{ month: '2026-02', actives: 0, returnRate: null, citiesWithheld: 0 }])
  })
})
