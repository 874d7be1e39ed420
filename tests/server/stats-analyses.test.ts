import { describe, expect, it } from 'vitest'
import { analyseDomains, analyseLocalNational, analyseTypes, sumsByKey, topCitiesPerDomain, usersAndReturn } from '../../server/modules/stats/analyses'
import type { KeyCityMonth, ListedService } from '../../server/modules/stats/repository'
import { DOMAINS, type Coverage } from '../../src/domain/catalog'

/**
 * The report's analyses (03-index.md "Analyses the report makes";
 * docs/statistics.md "The report's analyses") on hand-made per-city cells.
 * Cells are as readCityScopeCells returns them: a cell exists only when its
 * actives reached k, and a returning count below k is already 0. Every
 * expected number is worked out by hand in the comment beside it.
 */

const A = '110100' // 北京
const B = '310100' // 上海
const C = '440100' // 广州
const D = '440300' // 深圳
const E = '320100' // 南京

const cell = (key: string, city: string, month: string, actives: number, returning = 0): KeyCityMonth => ({ key, city, month, actives, returning })

const service = (id: string, domain: string, coverage: Coverage, type = 'life'): ListedService => ({ id, domain, type, coverage, items: [], stars: null })

describe('sumsByKey and usersAndReturn: users, returning and the return rate over a period', () => {
  // Period Feb–May 2025; January is the month before the period (the first month's M−1).
  const months = ['2025-02', '2025-03', '2025-04', '2025-05']
  const cells = [
    cell('traffic', A, '2025-01', 100),
    cell('traffic', B, '2025-01', 50),
    cell('traffic', A, '2025-02', 120, 30), // known: 30 returning over January's 100
    cell('traffic', B, '2025-02', 40, 0), // returning withheld: must not add January's 50 to the denominator
    cell('traffic', C, '2025-02', 20, 10), // no January cell: no M−1 users, left out of the rate
    // March: no cell at all
    cell('traffic', A, '2025-04', 60, 12), // March had no A cell: left out of the rate, so April has no rate
    cell('traffic', A, '2025-05', 80, 30), // known: 30 over April's 60
    cell('traffic', B, '2025-05', 25, 15), // no April B cell: left out
    // Another key in the same city: its cells must not serve as traffic's M−1 nor the other way round.
    cell('medical', A, '2025-02', 40, 20),
  ]
  const sums = sumsByKey(cells)

  it('sums per key and month over cities; the rate’s numerator and denominator come from the same cities', () => {
    expect([...sums.keys()].sort()).toEqual(['medical', 'traffic'])
    const traffic = sums.get('traffic')!
    expect([...traffic.keys()].sort()).toEqual(['2025-01', '2025-02', '2025-04', '2025-05'])
    // January: 100 + 50 = 150 actives; nothing returning; no M−1
    expect(traffic.get('2025-01')).toEqual({ actives: 150, returning: 0, returningOfKnown: 0, lastMonthOfKnown: 0 })
    // February: actives 120 + 40 + 20 = 180; returning 30 + 0 + 10 = 40; known only A: 30 / 100
    expect(traffic.get('2025-02')).toEqual({ actives: 180, returning: 40, returningOfKnown: 30, lastMonthOfKnown: 100 })
    // April: A 60 returning 12, but no March A cell: nothing known
    expect(traffic.get('2025-04')).toEqual({ actives: 60, returning: 12, returningOfKnown: 0, lastMonthOfKnown: 0 })
    // May: actives 80 + 25 = 105; returning 30 + 15 = 45; known only A: 30 / April's 60 (B has no April cell)
    expect(traffic.get('2025-05')).toEqual({ actives: 105, returning: 45, returningOfKnown: 30, lastMonthOfKnown: 60 })
    // medical February: A has no medical January cell (traffic's January 100 is another key): nothing known
    expect(sums.get('medical')!.get('2025-02')).toEqual({ actives: 40, returning: 20, returningOfKnown: 0, lastMonthOfKnown: 0 })
  })

  it('users and returning are means over every month of the period, a month without cells counting 0; the rate is the mean over months with known cities', () => {
    expect(usersAndReturn(sums.get('traffic'), months)).toEqual({
      users: 86.25, // (180 + 0 + 60 + 105) / 4 = 345 / 4; January (before the period) not counted
      returning: 24.25, // (40 + 0 + 12 + 45) / 4 = 97 / 4
      returnRate: 0.4, // mean of February 30/100 = 0.3 and May 30/60 = 0.5; March (no cells) and April (no known city) skipped
    })
  })

  it('a city whose returning count was withheld does not dilute the rate', () => {
    // February alone: 30 / 100 = 0.3; with B's January 50 in the denominator it would be 30 / 150 = 0.2
    expect(usersAndReturn(sums.get('traffic'), ['2025-02']).returnRate).toBe(0.3)
  })

  it('the month before the period serves as the first month’s M−1', () => {
    // Period May alone: April (outside the period) gives A's 60: 30 / 60 = 0.5; users 105, returning 45
    expect(usersAndReturn(sums.get('traffic'), ['2025-05'])).toEqual({ users: 105, returning: 45, returnRate: 0.5 })
  })

  it('no month with a known city gives no rate (null, not 0)', () => {
    // March: no cells → users 0; April: no known city → rate skipped; so March–April: users (0 + 60) / 2 = 30, returning 12 / 2 = 6
    expect(usersAndReturn(sums.get('traffic'), ['2025-03', '2025-04'])).toEqual({ users: 30, returning: 6, returnRate: null })
    // medical February: returning 20 but no M−1 cell
    expect(usersAndReturn(sums.get('medical'), ['2025-02'])).toEqual({ users: 40, returning: 20, returnRate: null })
    // a key without any cell
    expect(usersAndReturn(sums.get('weather'), months)).toEqual({ users: 0, returning: 0, returnRate: null })
    expect(usersAndReturn(undefined, [])).toEqual({ users: 0, returning: 0, returnRate: null })
  })
})

describe('analyseDomains: domains by MAU, share, richness, cities and the quadrant', () => {
  // Period Feb–Mar 2025, January the month before.
  const months = ['2025-02', '2025-03']
  const cells = [
    // traffic: MAU (400 + 400) / 2 = 400; rate mean(100/200, 150/300) = 0.5; cities A, B = 2
    cell('traffic', A, '2025-01', 200),
    cell('traffic', A, '2025-02', 300, 100),
    cell('traffic', A, '2025-03', 300, 150),
    cell('traffic', B, '2025-02', 100, 0),
    cell('traffic', B, '2025-03', 100, 0),
    // social-security: MAU 300; rate mean(20/100 = 0.2, 120/300 = 0.4) = 0.3
    cell('social-security', A, '2025-01', 100),
    cell('social-security', A, '2025-02', 300, 20),
    cell('social-security', A, '2025-03', 300, 120),
    // medical: MAU 200; rate mean(10/100, 20/200) = 0.1
    cell('medical', A, '2025-01', 100),
    cell('medical', A, '2025-02', 200, 10),
    cell('medical', A, '2025-03', 200, 20),
    // tax: MAU (300 + 0) / 2 = 150; no rate (returning withheld, no M−1 cell): no quadrant, not in the medians
    cell('tax', B, '2025-02', 300, 0),
    // weather: MAU 100; rate mean(30/50, 60/100) = 0.6
    cell('weather', A, '2025-01', 50),
    cell('weather', A, '2025-02', 100, 30),
    cell('weather', A, '2025-03', 100, 60),
    // housing-fund: MAU 50; rate: February 10/200 = 0.05, March returning 0 skipped → 0.05
    cell('housing-fund', A, '2025-01', 200),
    cell('housing-fund', A, '2025-02', 50, 10),
    cell('housing-fund', A, '2025-03', 50, 0),
    // culture: only the month before the period: MAU 0, cities 0
    cell('culture', C, '2025-01', 500),
  ]
  const services = [
    service('bj-traffic', 'traffic', { level: 'city', code: A }),
    service('national-traffic', 'traffic', { level: 'national' }),
    service('bj-hospital', 'medical', { level: 'city', code: A }),
    service('gd-museum', 'culture', { level: 'province', code: '44' }),
  ]
  const result = analyseDomains(cells, services, months)
  const row = (domain: string) => result.rows.find((r) => r.domain === domain)!

  it('every domain, sorted by MAU descending, ties by domain id', () => {
    expect(result.rows.map((r) => r.domain)).toEqual([
      'traffic', // 400
      'social-security', // 300
      'medical', // 200
      'tax', // 150
      'weather', // 100
      'housing-fund', // 50
      // MAU 0, by id:
      'culture',
      'education',
      'environment',
      'exit-entry',
      'household',
      'justice',
      'mobility',
      'other',
      'public-transport',
      'utilities',
      'vehicle',
    ])
    expect(result.rows).toHaveLength(Object.keys(DOMAINS).length)
  })

  it('MAU, share of the total, return rate, richness and cities per domain', () => {
    // total MAU 400 + 300 + 200 + 150 + 100 + 50 = 1200
    expect(row('traffic')).toEqual({ domain: 'traffic', label: '交管', mau: 400, share: 400 / 1200, returnRate: 0.5, richness: 2, cities: 2, quadrant: 1 })
    expect(row('social-security')).toMatchObject({ mau: 300, share: 0.25, richness: 0, cities: 1 }) // 300 / 1200
    expect(row('social-security').returnRate).toBeCloseTo(0.3, 12) // (0.2 + 0.4) / 2
    expect(row('medical')).toMatchObject({ mau: 200, share: 200 / 1200, richness: 1, cities: 1 })
    expect(row('medical').returnRate).toBeCloseTo(0.1, 12) // 10/100 and 20/200
    expect(row('tax')).toMatchObject({ mau: 150, share: 0.125, returnRate: null, richness: 0, cities: 1 }) // 150 / 1200
    expect(row('weather')).toMatchObject({ mau: 100, share: 100 / 1200, returnRate: 0.6, cities: 1 }) // 30/50 and 60/100
    expect(row('housing-fund')).toMatchObject({ mau: 50, share: 50 / 1200, returnRate: 0.05, cities: 1 }) // 10/200
    // culture: a listed service but only a January cell: the month before the period adds no city and no MAU
    expect(row('culture')).toEqual({ domain: 'culture', label: '文化生活', mau: 0, share: 0, returnRate: null, richness: 1, cities: 0, quadrant: null })
    expect(row('vehicle')).toMatchObject({ mau: 0, share: 0, returnRate: null, richness: 0, cities: 0, quadrant: null })
    const shares = result.rows.reduce((s, r) => s + (r.share ?? 0), 0)
    expect(shares).toBeCloseTo(1, 12)
    // the six domains with data plus four with 0 are the top 10: 1200 / 1200
    expect(result.top10Share).toBe(1)
  })

  it('quadrants against the medians of the domains with data (MAU > 0 and a return rate)', () => {
    // with data: traffic, social-security, medical, weather, housing-fund (tax has no rate)
    // MAU 50, 100, 200, 300, 400 → median 200 (with tax it would be (150 + 200) / 2 = 175)
    // rate 0.05, 0.1, 0.3, 0.5, 0.6 → median 0.3 (social-security's)
    expect(result.medians.mau).toBe(200)
    expect(result.medians.returnRate).toBeCloseTo(0.3, 12)
    expect(Object.fromEntries(result.rows.map((r) => [r.domain, r.quadrant]))).toEqual({
      traffic: 1, // 400 ≥ 200, 0.5 ≥ 0.3
      'social-security': 1, // 300 ≥ 200, rate at the median counts as high
      medical: 4, // MAU at the median counts as large; 0.1 < 0.3
      weather: 2, // 100 < 200, 0.6 ≥ 0.3
      'housing-fund': 3, // 50 < 200, 0.05 < 0.3
      tax: null, // no rate
      culture: null, // no data
      education: null,
      environment: null,
      'exit-entry': null,
      household: null,
      justice: null,
      mobility: null,
      other: null,
      'public-transport': null,
      utilities: null,
      vehicle: null,
    })
  })

  it('top10Share: the top ten domains’ MAU over all; ties in MAU ordered by domain id', () => {
    // one month; traffic 300, eleven other domains 100 each
    const others = ['vehicle', 'mobility', 'public-transport', 'exit-entry', 'social-security', 'medical', 'housing-fund', 'tax', 'utilities', 'justice', 'household']
    const twelve = [cell('traffic', A, '2025-02', 300), ...others.map((d) => cell(d, A, '2025-02', 100))]
    const r = analyseDomains(twelve, [], ['2025-02'])
    // total 300 + 11 × 100 = 1400; top 10 = 300 + 9 × 100 = 1200 → 1200 / 1400 = 6 / 7
    expect(r.top10Share).toBe(1200 / 1400)
    expect(r.rows.slice(0, 12).map((x) => x.domain)).toEqual([
      'traffic',
      'exit-entry',
      'household',
      'housing-fund',
      'justice',
      'medical',
      'mobility',
      'public-transport',
      'social-security',
      'tax',
      'utilities',
      'vehicle',
    ])
    // no return rate anywhere: no domain with data, no quadrant
    expect(r.rows.every((x) => x.quadrant === null)).toBe(true)
  })

  it('no cells at all: every domain MAU 0, shares and top10Share null, no quadrant', () => {
    const r = analyseDomains([], services, months)
    expect(r.rows).toHaveLength(Object.keys(DOMAINS).length)
    expect(r.top10Share).toBeNull()
    expect(r.rows.every((x) => x.mau === 0 && x.share === null && x.quadrant === null && x.cities === 0)).toBe(true)
    expect(r.rows.find((x) => x.domain === 'traffic')!.richness).toBe(2)
  })
})

describe('analyseTypes: users per service type, share and returning share', () => {
  const months = ['2025-02', '2025-03']
  const cells = [
    cell('life', A, '2025-01', 1000), // before the period: not counted
    cell('life', A, '2025-02', 300, 30),
    cell('life', B, '2025-02', 100, 20),
    cell('life', A, '2025-03', 100, 10),
    cell('government', A, '2025-03', 150, 45),
    cell('vehicle', A, '2025-02', 200, 0),
    cell('vehicle', A, '2025-03', 150, 0),
  ]

  it('all four types in order, users and returning as means over the months, shares of all types’ users', () => {
    // life: users (300 + 100 + 100) / 2 = 250, returning (30 + 20 + 10) / 2 = 30
    // government: users (0 + 150) / 2 = 75, returning 45 / 2 = 22.5
    // vehicle: users (200 + 150) / 2 = 175, returning 0
    // travel: nothing
    // total 250 + 75 + 175 = 500
    expect(analyseTypes(cells, months)).toMatchObject([
      { type: 'life', label: '生活服务', users: 250, returning: 30, share: 0.5}, // 250/500, 30/250
      { type: 'government', label: '政务办事', users: 75, returning: 22.5, share: 0.15}, // 75/500, 22.5/75
      { type: 'vehicle', label: '车辆服务', users: 175, returning: 0, share: 0.35}, // 175/500, 0/175
      { type: 'travel', label: '交通出行', users: 0, returning: 0, share: 0}, // 0/500; 0/0 → null
    ])
  })

  it('no cells: every type with users 0 and shares null, not NaN', () => {
    expect(analyseTypes([], months)).toMatchObject([
      { type: 'life', label: '生活服务', users: 0, returning: 0, share: null},
      { type: 'government', label: '政务办事', users: 0, returning: 0, share: null},
      { type: 'vehicle', label: '车辆服务', users: 0, returning: 0, share: null},
      { type: 'travel', label: '交通出行', users: 0, returning: 0, share: null},
    ])
  })
})

describe('analyseLocalNational: local (city and province) against national services', () => {
  const months = ['2025-02', '2025-03']
  const services = [
    service('sz-traffic', 'traffic', { level: 'city', code: D }),
    service('gd-fund', 'housing-fund', { level: 'province', code: '44' }),
    service('bj-hospital', 'medical', { level: 'city', code: A }), // listed, no users
    service('national-weather', 'weather', { level: 'national' }),
    service('national-tax', 'tax', { level: 'national' }), // listed, no users
  ]
  const cells = [
    cell('sz-traffic', D, '2025-01', 999), // before the period
    cell('sz-traffic', D, '2025-02', 300, 30),
    cell('sz-traffic', D, '2025-03', 300, 30),
    cell('gd-fund', C, '2025-02', 100, 0),
    cell('gd-fund', D, '2025-03', 200, 20),
    cell('national-weather', A, '2025-02', 200, 40),
    cell('national-weather', D, '2025-02', 100, 20),
    cell('national-weather', A, '2025-03', 100, 0),
    cell('gone-service', D, '2025-02', 1000, 500), // not listed: ignored
  ]

  it('users, returning, services, users per service, shares and the ratio', () => {
    const r = analyseLocalNational(cells, services, months)
    // local: users Feb 300 + 100 = 400, Mar 300 + 200 = 500 → 450; returning Feb 30, Mar 30 + 20 = 50 → 40
    //   3 services (sz-traffic, gd-fund, bj-hospital) → 450 / 3 = 150 per service; returning share 40 / 450
    // national: users Feb 200 + 100 = 300, Mar 100 → 200; returning Feb 40 + 20 = 60, Mar 0 → 30
    //   2 services → 200 / 2 = 100 per service; returning share 30 / 200 = 0.15
    // all 450 + 200 = 650: local 450 / 650 = 9/13, national 200 / 650 = 4/13; ratio 150 / 100 = 1.5
    expect(r).toMatchObject({
      local: { users: 450, returning: 40, services: 3, perService: 150, share: 450 / 650 },
      national: { users: 200, returning: 30, services: 2, perService: 100, share: 200 / 650 },
      perServiceRatio: 1.5,
    })
    expect(r.local.share! + r.national.share!).toBeCloseTo(1, 12)
  })

  it('no national service listed: no users per national service and no ratio', () => {
    const localOnly = services.filter((s) => s.coverage.level !== 'national')
    const r = analyseLocalNational(cells, localOnly, months)
    // national-weather is no longer listed: its cells are ignored like gone-service's
    expect(r.national).toMatchObject({ users: 0, returning: 0, services: 0, perService: null, share: 0 }) // 0 / 450
    expect(r.local).toMatchObject({ users: 450, services: 3, perService: 150, share: 1 }) // 450 / 450
    expect(r.perServiceRatio).toBeNull()
  })

  it('national services listed but without users: per service 0, ratio null rather than a division by 0', () => {
    const r = analyseLocalNational(cells.filter((c) => c.key !== 'national-weather'), services, months)
    expect(r.national).toMatchObject({ users: 0, services: 2, perService: 0, share: 0 }) // 0 / 2; 0 / 450
    expect(r.perServiceRatio).toBeNull()
  })

  it('no cells: shares null', () => {
    const r = analyseLocalNational([], services, months)
    expect(r.local).toMatchObject({ users: 0, returning: 0, services: 3, perService: 0, share: null })
    expect(r.national).toMatchObject({ users: 0, returning: 0, services: 2, perService: 0, share: null })
    expect(r.perServiceRatio).toBeNull()
  })
})

describe('topCitiesPerDomain: the top n cities of each domain by mean users over the months', () => {
  const months = ['2025-02', '2025-03']
  const cells = [
    cell('traffic', A, '2025-02', 100),
    cell('traffic', A, '2025-03', 300), // A: (100 + 300) / 2 = 200
    cell('traffic', B, '2025-02', 400), // B: only February: 400 / 2 = 200
    cell('traffic', C, '2025-03', 100), // C: 100 / 2 = 50
    cell('traffic', E, '2025-02', 150),
    cell('traffic', E, '2025-03', 150), // E: (150 + 150) / 2 = 150
    cell('traffic', D, '2025-01', 10000), // D: before the period, ignored
    cell('traffic', D, '2025-04', 10000), // and after it
    cell('medical', B, '2025-02', 60),
    cell('medical', B, '2025-03', 60), // B: 60
    cell('medical', A, '2025-02', 30), // A: 30 / 2 = 15
  ]

  it('ordered by mean users descending, ties by code, cut at n; every domain listed', () => {
    const top2 = topCitiesPerDomain(cells, months, 2)
    expect(top2.map((d) => d.domain)).toEqual(Object.keys(DOMAINS))
    const of = (r: typeof top2, domain: string) => r.find((d) => d.domain === domain)!
    // A and B tie at 200: by code 110100 before 310100
    expect(of(top2, 'traffic')).toEqual({ domain: 'traffic', label: '交管', cities: [{ code: A, mau: 200 }, { code: B, mau: 200 }] })
    expect(of(top2, 'medical').cities).toEqual([{ code: B, mau: 60 }, { code: A, mau: 15 }])
    expect(of(top2, 'weather')).toEqual({ domain: 'weather', label: '气象', cities: [] })
    expect(top2.filter((d) => d.cities.length > 0).map((d) => d.domain)).toEqual(['traffic', 'medical'])

    const top10 = topCitiesPerDomain(cells, months, 10)
    // D's cells are all outside the period: D is not listed
    expect(of(top10, 'traffic').cities).toEqual([
      { code: A, mau: 200 },
      { code: B, mau: 200 },
      { code: E, mau: 150 },
      { code: C, mau: 50 },
    ])
  })

  it('a period of one month: that month’s users', () => {
    // February: B 400, E 150, A 100; D (January, April) and C (March) absent
    expect(topCitiesPerDomain(cells, ['2025-02'], 5).find((d) => d.domain === 'traffic')!.cities).toEqual([
      { code: B, mau: 400 },
      { code: E, mau: 150 },
      { code: A, mau: 100 },
    ])
  })
})
