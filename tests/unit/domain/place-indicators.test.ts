import { describe, expect, it } from 'vitest'
import type { Coverage, ServiceItem } from '../../../src/domain/catalog'
import {
  type ActivityCell,
  type ActivityLookup,
  type IndicatorService,
  placeIndicators,
  servicesOfCity,
  servicesOfProvince,
  serviceValue,
  supplyIndicators,
  usageIndicators,
} from '../../../src/domain/place-indicators'

// Hand-computed fixtures for 03-index.md: every expected number below is worked
// out in the comment next to it, never by calling the code under test.

const K = 10

let itemSeq = 0
/** A query item (value 1); `keyItem` is one of the 21 names in key-industry.ts. */
const q = (name: string, keyItem?: string): ServiceItem => ({ id: `i${++itemSeq}`, name, kind: 'query', ...(keyItem ? { keyItem } : {}) })
/** A transaction item (value 3). */
const tx = (name: string, keyItem?: string): ServiceItem => ({ id: `i${++itemSeq}`, name, kind: 'transaction', ...(keyItem ? { keyItem } : {}) })

const svc = (id: string, coverage: Coverage, items: ServiceItem[], stars: number | null, failureRate: number | null): IndicatorService => ({
  id,
  coverage,
  items,
  stars,
  failureRate,
})

// Province 51 has three cities: 510100, 510300, 510400. Province 44 (city 440100) is elsewhere.
// value: query ×1, transaction ×3
const nat = svc('nat', { level: 'national' }, [q('违法查询', '机动车违法查询'), tx('违法缴款', '交通违法缴款')], 5, 0.125) // 1 + 3 = 4
const prov51 = svc('prov51', { level: 'province', code: '51' }, [q('参保查询', '参保信息查询'), q('缴费记录', '缴费记录查询'), tx('申领社保卡', '电子社保卡')], 3, null) // 1 + 1 + 3 = 5
const c1 = svc('c1', { level: 'city', code: '510100' }, [tx('挂号', '预约挂号'), tx('缴费', '门诊缴费'), q('停车查询')], null, 0.375) // 3 + 3 + 1 = 7
const c3 = svc('c3', { level: 'city', code: '510300' }, [q('本地违法查询', '机动车违法查询')], 2, 0.625) // 1 (key item already offered by `nat`)
const c4 = svc('c4', { level: 'city', code: '510400' }, [tx('公积金提取', '提取申请')], 1, null) // 3
const gz = svc('gz', { level: 'city', code: '440100' }, [tx('广州挂号', '就诊卡办理'), tx('广州缴费')], 4, 0.5) // 3 + 3 = 6
const prov44 = svc('prov44', { level: 'province', code: '44' }, [q('公积金账户', '账户查询')], 5, 0) // 1
const ALL = [nat, prov51, c1, c3, c4, gz, prov44]

/** An activity lookup over a table of `scope|month` → counters. */
function activityOf(cells: Record<string, Partial<ActivityCell>>): ActivityLookup {
  return (scope, month) => {
    const c = cells[`${scope}|${month}`]
    return c ? { actives: c.actives ?? 0, returning: c.returning ?? 0, first: c.first ?? 0 } : undefined
  }
}

const FEB_APR = ['2026-02', '2026-03', '2026-04']

describe('serviceValue: query ×1, transaction ×3', () => {
  it('adds 1 per query item and 3 per transaction item', () => {
    expect(serviceValue([q('a'), tx('b'), tx('c')])).toBe(7) // 1 + 3 + 3 = 7
    expect(serviceValue([q('a'), q('b'), q('c')])).toBe(3) // 1 × 3 = 3
    expect(serviceValue([tx('a'), tx('b')])).toBe(6) // 3 × 2 = 6
    expect(serviceValue([])).toBe(0)
  })
})

describe('which services a place has', () => {
  it('a city: its own, its province’s and national services, nothing of other cities or provinces', () => {
    expect(servicesOfCity(ALL, '510100').map((s) => s.id)).toEqual(['nat', 'prov51', 'c1'])
    expect(servicesOfCity(ALL, '510300').map((s) => s.id)).toEqual(['nat', 'prov51', 'c3'])
    expect(servicesOfCity(ALL, '440100').map((s) => s.id)).toEqual(['nat', 'gz', 'prov44'])
  })

  it('a province: national, its own province-wide ones and those of any of its cities, each once', () => {
    expect(servicesOfProvince(ALL, '51').map((s) => s.id)).toEqual(['nat', 'prov51', 'c1', 'c3', 'c4'])
    expect(servicesOfProvince(ALL, '44').map((s) => s.id)).toEqual(['nat', 'gz', 'prov44'])
  })
})

describe('supply indicators of a city and a province', () => {
  it('city 510100: value sums own + province + national; stars and failure rate are means ignoring nulls; richness = distinct key items / 21', () => {
    expect(supplyIndicators(servicesOfCity(ALL, '510100'))).toEqual({
      value: 16, // nat 4 + prov51 5 + c1 7 = 16
      stars: 4, // (5 + 3) / 2 = 4; c1 has no stars (null) and is ignored
      failureRate: 0.25, // (0.125 + 0.375) / 2 = 0.25; prov51 not monitored (null) and ignored
      richness: 7 / 21, // 机动车违法查询, 交通违法缴款, 参保信息查询, 缴费记录查询, 电子社保卡, 预约挂号, 门诊缴费 = 7 of 21
    })
  })

  it('city 510300: a key item offered by two services (机动车违法查询 by nat and c3) counts once', () => {
    const v = supplyIndicators(servicesOfCity(ALL, '510300'))
    expect(v.value).toBe(10) // 4 + 5 + 1 = 10
    expect(v.stars).toBeCloseTo(10 / 3, 12) // (5 + 3 + 2) / 3
    expect(v.failureRate).toBe(0.375) // (0.125 + 0.625) / 2 = 0.375
    expect(v.richness).toBe(5 / 21) // 机动车违法查询 (once), 交通违法缴款, 参保信息查询, 缴费记录查询, 电子社保卡 = 5; 6/21 if the duplicate counted twice
  })

  it('city 510400', () => {
    const v = supplyIndicators(servicesOfCity(ALL, '510400'))
    expect(v.value).toBe(12) // 4 + 5 + 3 = 12
    expect(v.stars).toBe(3) // (5 + 3 + 1) / 3 = 3
    expect(v.failureRate).toBe(0.125) // only nat is monitored: 0.125 / 1
    expect(v.richness).toBe(6 / 21) // the 5 of nat + prov51, plus 提取申请 = 6
  })

  it('province 51: counts the province-wide and national services once and includes every city’s own services', () => {
    const v = supplyIndicators(servicesOfProvince(ALL, '51'))
    expect(v.value).toBe(20) // nat 4 + prov51 5 + c1 7 + c3 1 + c4 3 = 20
    expect(v.stars).toBe(2.75) // (5 + 3 + 2 + 1) / 4 = 11/4; c1 null ignored
    expect(v.failureRate).toBe(0.375) // (0.125 + 0.375 + 0.625) / 3 = 1.125 / 3; prov51, c4 null ignored
    expect(v.richness).toBe(8 / 21) // 7 of 510100 + 提取申请 (c4); 机动车违法查询 of c3 already counted = 8
  })

  it('province value = Σ city values − 2 × (province-wide + national value) for a province of 3 cities', () => {
    const cities = ['510100', '510300', '510400'].map((c) => supplyIndicators(servicesOfCity(ALL, c)).value!)
    expect(cities).toEqual([16, 10, 12])
    const sumOfCities = cities.reduce((s, v) => s + v, 0) // 16 + 10 + 12 = 38
    const province = supplyIndicators(servicesOfProvince(ALL, '51')).value! // 20
    // each of the 3 cities counts prov51 (5) and nat (4); the province counts them once: 38 − 20 = 2 × (5 + 4) = 18
    expect(sumOfCities - province).toBe(18)
    expect(province).not.toBe(sumOfCities)
  })

  it('no reviewed service → stars undefined; no monitored service → failure rate undefined', () => {
    const unreviewed = [svc('u1', { level: 'national' }, [q('a'), tx('b', '驾驶证换证')], null, null), svc('u2', { level: 'national' }, [tx('c')], null, null)]
    const v = supplyIndicators(unreviewed)
    expect(v).toEqual({ value: 7, richness: 1 / 21 }) // 1 + 3 + 3 = 7; 驾驶证换证 = 1 of 21
    expect('stars' in v).toBe(false)
    expect('failureRate' in v).toBe(false)
    expect(supplyIndicators([])).toEqual({ value: 0, richness: 0 })
  })

  it('stars and failure of 0 are data, not missing', () => {
    const v = supplyIndicators([svc('z1', { level: 'national' }, [q('a')], 1, 0), svc('z2', { level: 'national' }, [q('b')], 3, 0.5)])
    expect(v.stars).toBe(2) // (1 + 3) / 2
    expect(v.failureRate).toBe(0.25) // (0 + 0.5) / 2
  })

  it('richness: all 21 key items → 1; a keyItem name not on the list is not counted', () => {
    const names = [
      ['机动车违法查询', '交通违法缴款', '驾驶人记分查询', '随手拍举报', '事故快撤快赔'],
      ['机动车检验预约', '驾驶证换证', '车辆信息查询', '机动车选号'],
      ['账户查询', '缴存明细', '提取申请', '贷款查询与试算'],
      ['参保信息查询', '缴费记录查询', '医保余额查询', '电子社保卡'],
      ['预约挂号', '门诊缴费', '检查报告查询', '就诊卡办理'],
    ].flat() // 5 + 4 + 4 + 4 + 4 = 21
    const everything = svc('all', { level: 'national' }, names.map((n) => q(n, n)), null, null)
    expect(supplyIndicators([everything]).richness).toBe(1) // 21 / 21
    // 20 of them plus a made-up name: 20 / 21
    const almost = svc('almost', { level: 'national' }, [...names.slice(1).map((n) => q(n, n)), q('x', '不存在的事项')], null, null)
    expect(supplyIndicators([almost]).richness).toBe(20 / 21)
  })
})

describe('usage indicators: MAU', () => {
  it('is the mean of actives over the months, a month with no data counting 0', () => {
    const activity = activityOf({ 'city:510100|2026-02': { actives: 30 }, 'city:510100|2026-04': { actives: 60 } })
    const u = usageIndicators(activity, 'city:510100', FEB_APR, K)
    expect(u.values.mau).toBe(30) // (30 + 0 + 60) / 3 = 30
    expect(u.suppressed).toEqual([])
  })

  it('reads only its own scope', () => {
    const activity = activityOf({ 'city:510100|2026-02': { actives: 30 }, 'city:510300|2026-02': { actives: 900 } })
    expect(usageIndicators(activity, 'city:510100', ['2026-02'], K).values.mau).toBe(30) // 30 / 1
  })

  it('a month with exactly k actives is published', () => {
    const activity = activityOf({ 'city:510100|2026-02': { actives: 10 }, 'city:510100|2026-03': { actives: 20 }, 'city:510100|2026-04': { actives: 30 } })
    expect(usageIndicators(activity, 'city:510100', FEB_APR, K).values.mau).toBe(20) // (10 + 20 + 30) / 3
  })

  it('any month with 1..k−1 actives withholds MAU whole: suppressed and absent from values', () => {
    for (const small of [1, 9]) {
      const activity = activityOf({ 'city:510100|2026-02': { actives: 500 }, 'city:510100|2026-03': { actives: small }, 'city:510100|2026-04': { actives: 400 } })
      const u = usageIndicators(activity, 'city:510100', FEB_APR, K)
      expect(u.suppressed).toContain('mau')
      expect('mau' in u.values).toBe(false)
    }
  })

  it('all months zero (or no data) → absent, not suppressed', () => {
    const activity = activityOf({ 'city:510100|2026-03': { actives: 0 } })
    const u = usageIndicators(activity, 'city:510100', FEB_APR, K)
    expect('mau' in u.values).toBe(false)
    expect(u.suppressed).toEqual([])
  })
})

describe('usage indicators: return rate', () => {
  it('is the mean over months of returning(M) / actives(M−1), the month before the period serving as February’s M−1', () => {
    const activity = activityOf({
      'city:510100|2026-01': { actives: 40 },
      'city:510100|2026-02': { actives: 50, returning: 10 }, // 10 / 40 = 0.25 (January is before the period)
      'city:510100|2026-03': { actives: 80, returning: 25 }, // 25 / 50 = 0.5
      'city:510100|2026-04': { actives: 100, returning: 60 }, // 60 / 80 = 0.75
    })
    const u = usageIndicators(activity, 'city:510100', FEB_APR, K)
    expect(u.values.returnRate).toBe(0.5) // (0.25 + 0.5 + 0.75) / 3 = 0.5; without January: (0.5 + 0.75) / 2 = 0.625
    expect(u.values.mau).toBeCloseTo(230 / 3, 12) // (50 + 80 + 100) / 3; January's 40 not in MAU
    expect(u.suppressed).toEqual([])
  })

  it('a month whose M−1 had 0 actives is skipped, not counted as a 0 rate', () => {
    const activity = activityOf({
      // 2026-01: no data → February skipped
      'city:510100|2026-02': { actives: 40 },
      'city:510100|2026-03': { actives: 50, returning: 20 }, // 20 / 40 = 0.5
      'city:510100|2026-04': { actives: 60, returning: 10 }, // 10 / 50 = 0.2
    })
    const u = usageIndicators(activity, 'city:510100', FEB_APR, K)
    expect(u.values.returnRate).toBeCloseTo(0.35, 12) // (0.5 + 0.2) / 2 = 0.35; 0.7 / 3 if February counted as 0
    expect(u.suppressed).toEqual([])
  })

  it('a zero month in the middle: the month after it is skipped', () => {
    const activity = activityOf({
      'city:510100|2026-01': { actives: 20 },
      'city:510100|2026-02': { actives: 40, returning: 15 }, // 15 / 20 = 0.75
      'city:510100|2026-03': { actives: 0 }, // 0 / 40 = 0 (a published zero rate)
      'city:510100|2026-04': { actives: 30 }, // M−1 = March had 0 actives → skipped
    })
    const u = usageIndicators(activity, 'city:510100', FEB_APR, K)
    expect(u.values.returnRate).toBe(0.375) // (0.75 + 0) / 2 = 0.375
  })

  it('a denominator actives(M−1) in 1..k−1 withholds the return rate (even when M−1 is the month before the period); MAU stays', () => {
    const activity = activityOf({
      'city:510100|2026-01': { actives: 5 },
      'city:510100|2026-02': { actives: 40 }, // 0 / 5: denominator below k
      'city:510100|2026-03': { actives: 50, returning: 20 },
      'city:510100|2026-04': { actives: 60, returning: 30 },
    })
    const u = usageIndicators(activity, 'city:510100', FEB_APR, K)
    expect(u.suppressed).toEqual(['returnRate'])
    expect('returnRate' in u.values).toBe(false)
    expect(u.values.mau).toBe(50) // (40 + 50 + 60) / 3 = 50
  })

  it('a numerator returning(M) in 1..k−1 withholds the return rate', () => {
    const activity = activityOf({
      'city:510100|2026-01': { actives: 40 },
      'city:510100|2026-02': { actives: 50, returning: 20 },
      'city:510100|2026-03': { actives: 50, returning: 3 }, // 3 < k with denominator 50
      'city:510100|2026-04': { actives: 50, returning: 20 },
    })
    const u = usageIndicators(activity, 'city:510100', FEB_APR, K)
    expect(u.suppressed).toEqual(['returnRate'])
    expect('returnRate' in u.values).toBe(false)
  })

  it('a numerator of 0 with a denominator ≥ k is a published rate of 0', () => {
    const activity = activityOf({ 'city:510100|2026-01': { actives: 40 }, 'city:510100|2026-02': { actives: 50, returning: 0 } })
    const u = usageIndicators(activity, 'city:510100', ['2026-02'], K)
    expect(u.values.returnRate).toBe(0) // 0 / 40
    expect('returnRate' in u.values).toBe(true)
    expect(u.suppressed).toEqual([])
  })

  it('no month with an active M−1 → absent, not suppressed', () => {
    const activity = activityOf({ 'city:510100|2026-03': { actives: 40 } })
    const u = usageIndicators(activity, 'city:510100', ['2026-03'], K)
    expect('returnRate' in u.values).toBe(false)
    expect(u.suppressed).toEqual([])
    expect(u.values.mau).toBe(40)
  })

  it('MAU and return rate both withheld', () => {
    const activity = activityOf({ 'city:510100|2026-01': { actives: 40 }, 'city:510100|2026-02': { actives: 4, returning: 4 } })
    const u = usageIndicators(activity, 'city:510100', ['2026-02'], K)
    expect([...u.suppressed].sort()).toEqual(['mau', 'returnRate'])
    expect(u.values).toEqual({})
  })
})

describe('placeIndicators', () => {
  const activity = activityOf({
    'city:510100|2026-02': { actives: 25 },
    'city:510100|2026-03': { actives: 30, returning: 15 }, // 15 / 25 = 0.6
    'city:510300|2026-02': { actives: 20 },
    'city:510300|2026-03': { actives: 20, returning: 10 }, // 10 / 20 = 0.5
    // 5 people were active in both cities in March: province distinct = 30 + 20 − 5 = 45
    'prov:51|2026-02': { actives: 40 },
    'prov:51|2026-03': { actives: 45, returning: 30 }, // 30 / 40 = 0.75
  })

  it('province MAU and return rate come from the prov:51 scope, not the sum of its cities', () => {
    const p = placeIndicators({ level: 'province', code: '51' }, ALL, activity, ['2026-03'], K)
    expect(p.values.mau).toBe(45) // distinct users across the province; 30 + 20 = 50 would double-count 5
    expect(p.values.returnRate).toBe(0.75) // 30 / 40 from prov:51
    expect(p.values.value).toBe(20) // as above: 4 + 5 + 7 + 1 + 3
    expect(p.suppressed).toEqual([])
  })

  it('a city merges its supply values with its own usage scope', () => {
    const p = placeIndicators({ level: 'city', code: '510100' }, ALL, activity, ['2026-03'], K)
    expect(p).toEqual({
      values: {
        value: 16, // 4 + 5 + 7
        stars: 4, // (5 + 3) / 2
        failureRate: 0.25, // (0.125 + 0.375) / 2
        richness: 7 / 21,
        mau: 30, // city:510100, March
        returnRate: 0.6, // 15 / 25
      },
      suppressed: [],
    })
    expect(placeIndicators({ level: 'city', code: '510300' }, ALL, activity, ['2026-03'], K).values.mau).toBe(20)
  })

  it('a suppressed usage indicator is reported and absent; the supply indicators stay', () => {
    const small = activityOf({ 'city:510400|2026-03': { actives: 7 } })
    const p = placeIndicators({ level: 'city', code: '510400' }, ALL, small, ['2026-03'], K)
    expect(p.suppressed).toEqual(['mau'])
    expect(p.values).toEqual({ value: 12, stars: 3, failureRate: 0.125, richness: 6 / 21 }) // as for 510400 above
  })
})
