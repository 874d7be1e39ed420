import { describe, expect, it } from 'vitest'
import { analyseLocalNational } from '../../server/modules/stats/analyses'
import type { KeyCityMonth, ListedService } from '../../server/modules/stats/repository'

// Issue 19 item 3: the local/national returning share reconciles with the return rate (docs/statistics.md).
const svc = (id: string, level: 'city' | 'national'): ListedService => ({
  id,
  domain: 'traffic',
  type: 'vehicle',
  coverage: level === 'national' ? { level: 'national' } : { level: 'city', code: '510600' },
  items: [],
  stars: null,
})
const cell = (key: string, city: string, month: string, actives: number, returning: number, returningKnown = true): KeyCityMonth => ({ key, city, month, actives, returning, returningKnown })

describe('local vs national: returning share and return rate from the same cells', () => {
  const services = [svc('local-a', 'city'), svc('nat-a', 'national')]
  const cells = [
    cell('local-a', '510600', '2026-01', 100, 0),
    cell('local-a', '510600', '2026-02', 120, 40),
    // A small cell's returning count (1..k−1) was zeroed: it must count on neither side, not as 0 returning.
    cell('local-a', '510100', '2026-01', 50, 0),
    cell('local-a', '510100', '2026-02', 60, 0, false),
    cell('nat-a', '510600', '2026-01', 200, 0),
    cell('nat-a', '510600', '2026-02', 180, 60),
    // Forged: 40 returning after 30 users: left out as implausible.
    cell('nat-a', '510100', '2026-01', 30, 0),
    cell('nat-a', '510100', '2026-02', 40, 40),
    cell('nat-a', '510300', '2026-01', 20, 0),
    cell('nat-a', '510300', '2026-02', 90, 90),
  ]

  it('share = returning / this month’s users, rate = returning / last month’s users, over the same cells; share = rate × last / this', () => {
    const ln = analyseLocalNational(cells, services, ['2026-02'])
    expect(ln.local.returningBase).toEqual({ returning: 40, actives: 120, lastMonth: 100 })
    expect(ln.local.returningShare).toBeCloseTo(40 / 120, 12)
    expect(ln.local.returnRate).toBeCloseTo(40 / 100, 12)
    // 510300's 90 returning after 20 users is implausible and left out; 510100's 40 after 30 too.
    expect(ln.national.returningBase).toEqual({ returning: 60, actives: 180, lastMonth: 200 })
    for (const side of [ln.local, ln.national]) {
      expect(side.returningShare!).toBeCloseTo((side.returnRate! * side.returningBase.lastMonth) / side.returningBase.actives, 12)
      expect(side.returnRate!).toBeLessThanOrEqual(1)
    }
    // Before issue 19: Σ published returning / Σ users over every cell, a withheld count as 0: 40 / 180 = 22 % against a 40 % rate.
    expect(ln.local.returningShare!).toBeGreaterThan(40 / 180)
  })
})
