import { addMonths } from '../../../src/domain/calendar-months'
import { DOMAINS, type Domain, SERVICE_TYPES, type ServiceType } from '../../../src/domain/catalog'
import type { KeyCityMonth, ListedService } from './repository'

/**
 * The report's analyses (03-index.md) from per-city cells whose small cells
 * are already left out: domains by MAU and the quadrant, service types,
 * local vs national services, top cities per domain, monthly trends. Pure
 * functions of the cells, so each is checked against hand-made cells.
 */

const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length)
const ratio = (a: number, b: number) => (b > 0 ? a / b : null)

/** Whether a cell's returning count is as counted: a published 0 is, a zeroed small cell is not (older callers: above 0 only). */
const isKnown = (c: KeyCityMonth) => c.returningKnown ?? c.returning > 0

const lastMonths = new WeakMap<readonly KeyCityMonth[], number[]>()

/**
 * Each cell's users in its key and city the month before (0 when that cell
 * is not among `cells`), in the order of `cells`. Computed once per list:
 * several analyses read the same national list of 100,000s of cells.
 */
function lastMonthActives(cells: readonly KeyCityMonth[]): number[] {
  let out = lastMonths.get(cells)
  if (!out) {
    const activesOf = new Map(cells.map((c) => [`${c.key}|${c.city}|${c.month}`, c.actives]))
    const monthBefore = new Map(cells.map((c) => [c.month, addMonths(c.month, -1)]))
    out = cells.map((c) => activesOf.get(`${c.key}|${c.city}|${monthBefore.get(c.month)}`) ?? 0)
    lastMonths.set(cells, out)
  }
  return out
}

/** Returning users over the cells that can say it, with those cells' users this month and last month. */
export interface ReturningBase {
  /** Σ returning(M) over the cells whose returning count is published and whose M−1 has published users, and which are plausible. */
  returning: number
  /** Σ actives(M) over those same cells. */
  actives: number
  /** Σ actives(M−1) over those same cells. */
  lastMonth: number
}

/**
 * Pooled over the months and the cells that `include` picks: returning,
 * this month's and last month's users, all from the same cells (those whose
 * returning count is published, whose M−1 has users, and where returning
 * does not exceed them). Returning share = returning / actives and return
 * rate = returning / lastMonth are then two views of one count: share =
 * rate × lastMonth / actives. Cells with a withheld returning count are left
 * out of both sides, never counted as 0 returning.
 */
export function returningBase(cells: readonly KeyCityMonth[], months: readonly string[], include: (c: KeyCityMonth) => boolean): ReturningBase {
  const inPeriod = new Set(months)
  const lastMonthOf = lastMonthActives(cells)
  const base = { returning: 0, actives: 0, lastMonth: 0 }
  for (const [i, c] of cells.entries()) {
    if (!inPeriod.has(c.month) || !include(c) || !isKnown(c)) continue
    const lastMonth = lastMonthOf[i]!
    if (lastMonth === 0 || c.returning > lastMonth) continue
    base.returning += c.returning
    base.actives += c.actives
    base.lastMonth += lastMonth
  }
  return base
}

export interface MonthSums {
  /** Σ over cities of users. */
  actives: number
  /** Σ over cities of returning users. */
  returning: number
  /** Σ of returning users over the cities whose returning and last month's users are both published. */
  returningOfKnown: number
  /** Σ of last month's users over those same cities: the denominator of the return rate. */
  lastMonthOfKnown: number
}

/**
 * Per key and month, sums over cities. The return rate's numerator and
 * denominator come from the same cities, those where both were published:
 * a city whose returning count was withheld would otherwise add its users
 * to the denominator and nothing to the numerator.
 */
export function sumsByKey(cells: readonly KeyCityMonth[]): Map<string, Map<string, MonthSums>> {
  const lastMonthOf = lastMonthActives(cells)
  const out = new Map<string, Map<string, MonthSums>>()
  for (const [i, c] of cells.entries()) {
    const byMonth = out.get(c.key) ?? new Map<string, MonthSums>()
    const s = byMonth.get(c.month) ?? { actives: 0, returning: 0, returningOfKnown: 0, lastMonthOfKnown: 0 }
    s.actives += c.actives
    s.returning += c.returning
    const lastMonth = lastMonthOf[i]!
    // A city whose returning count exceeds its last month's users is implausible (plausibility.ts): left out of the rate.
    if (isKnown(c) && lastMonth > 0 && c.returning <= lastMonth) {
      s.returningOfKnown += c.returning
      s.lastMonthOfKnown += lastMonth
    }
    byMonth.set(c.month, s)
    out.set(c.key, byMonth)
  }
  return out
}

const NO_SUMS: MonthSums = { actives: 0, returning: 0, returningOfKnown: 0, lastMonthOfKnown: 0 }

/** Mean users and returning users over the months, and the mean over months with known cities of their return rate. */
export function usersAndReturn(byMonth: ReadonlyMap<string, MonthSums> | undefined, months: readonly string[]) {
  const at = (m: string) => byMonth?.get(m) ?? NO_SUMS
  const rates = months.flatMap((m) => {
    const r = ratio(at(m).returningOfKnown, at(m).lastMonthOfKnown)
    return r === null ? [] : [r]
  })
  return {
    users: mean(months.map((m) => at(m).actives)),
    returning: mean(months.map((m) => at(m).returning)),
    returnRate: rates.length > 0 ? mean(rates) : null,
  }
}

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  if (s.length === 0) return 0
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2
}

/** Domains by MAU (Σ over cities), their return rate, richness (listed services) and quadrant against the medians. */
export function analyseDomains(cells: readonly KeyCityMonth[], services: readonly ListedService[], months: readonly string[]) {
  const sums = sumsByKey(cells)
  const inPeriod = new Set(months)
  const rows = (Object.keys(DOMAINS) as Domain[]).map((domain) => {
    const { users, returnRate } = usersAndReturn(sums.get(domain), months)
    const cities = new Set(cells.filter((c) => c.key === domain && inPeriod.has(c.month)).map((c) => c.city)).size
    return { domain, label: DOMAINS[domain], mau: users, returnRate, richness: services.filter((s) => s.domain === domain).length, cities }
  })
  const total = rows.reduce((s, r) => s + r.mau, 0)
  const withData = rows.filter((r) => r.mau > 0 && r.returnRate !== null)
  const medians = { mau: median(withData.map((r) => r.mau)), returnRate: median(withData.map((r) => r.returnRate!)) }
  const quadrant = (r: (typeof rows)[number]): 1 | 2 | 3 | 4 | null => {
    if (r.mau === 0 || r.returnRate === null) return null
    const big = r.mau >= medians.mau
    const frequent = r.returnRate >= medians.returnRate
    return big ? (frequent ? 1 : 4) : frequent ? 2 : 3
  }
  const sorted = rows.map((r) => ({ ...r, share: ratio(r.mau, total), quadrant: quadrant(r) })).sort((a, b) => b.mau - a.mau || a.domain.localeCompare(b.domain))
  const top10 = sorted.slice(0, 10).reduce((s, r) => s + r.mau, 0)
  return { rows: sorted, top10Share: ratio(top10, total), medians }
}

/**
 * Users per service type (Σ over cities), their share of all types' users,
 * and the returning share within each: returning / users over the cells that
 * can say it (returningBase), with the return rate of the same cells beside it.
 */
export function analyseTypes(cells: readonly KeyCityMonth[], months: readonly string[]) {
  const sums = sumsByKey(cells)
  const rows = (Object.keys(SERVICE_TYPES) as ServiceType[]).map((type) => ({ type, label: SERVICE_TYPES[type], ...usersAndReturn(sums.get(type), months), base: returningBase(cells, months, (c) => c.key === type) }))
  const total = rows.reduce((s, r) => s + r.users, 0)
  return rows.map((r) => ({
    type: r.type,
    label: r.label,
    users: r.users,
    returning: r.returning,
    share: ratio(r.users, total),
    returningShare: ratio(r.base.returning, r.base.actives),
    returnRate: ratio(r.base.returning, r.base.lastMonth),
  }))
}

/**
 * Local (city and province) against national services: share of users,
 * users per service and its ratio, and returning: the returning share
 * (returning / users) and the return rate (returning / last month's users)
 * of the same svc:<id>@<city> cells (returningBase), so the two reconcile:
 * share = rate × last month's users / this month's users.
 */
export function analyseLocalNational(svcCells: readonly KeyCityMonth[], services: readonly ListedService[], months: readonly string[]) {
  const national = new Set(services.filter((s) => s.coverage.level === 'national').map((s) => s.id))
  const known = new Set(services.map((s) => s.id))
  const side = (isNational: boolean) => {
    const inPeriod = new Set(months)
    const cells = svcCells.filter((c) => inPeriod.has(c.month) && known.has(c.key) && national.has(c.key) === isNational)
    // Means over the months of the sums over services and cities.
    const users = cells.reduce((n, c) => n + c.actives, 0) / months.length
    const returning = cells.reduce((n, c) => n + c.returning, 0) / months.length
    const count = services.filter((s) => national.has(s.id) === isNational).length
    const base = returningBase(svcCells, months, (c) => known.has(c.key) && national.has(c.key) === isNational)
    return {
      users,
      returning,
      services: count,
      perService: count > 0 ? users / count : null,
      returningShare: ratio(base.returning, base.actives),
      returnRate: ratio(base.returning, base.lastMonth),
      returningBase: base,
    }
  }
  const local = side(false)
  const nationwide = side(true)
  const all = local.users + nationwide.users
  return {
    local: { ...local, share: ratio(local.users, all) },
    national: { ...nationwide, share: ratio(nationwide.users, all) },
    perServiceRatio: local.perService !== null && nationwide.perService ? local.perService / nationwide.perService : null,
  }
}

/** The top n cities of each domain by mean users over the months (months without a publishable cell count 0). */
export function topCitiesPerDomain(cells: readonly KeyCityMonth[], months: readonly string[], n: number) {
  const inPeriod = new Set(months)
  const totals = new Map<string, Map<string, number>>()
  for (const c of cells) {
    if (!inPeriod.has(c.month)) continue
    const byCity = totals.get(c.key) ?? new Map<string, number>()
    byCity.set(c.city, (byCity.get(c.city) ?? 0) + c.actives)
    totals.set(c.key, byCity)
  }
  return (Object.keys(DOMAINS) as Domain[]).map((domain) => ({
    domain,
    label: DOMAINS[domain],
    cities: [...(totals.get(domain) ?? [])]
      .map(([code, sum]) => ({ code, mau: sum / months.length }))
      .sort((a, b) => b.mau - a.mau || a.code.localeCompare(b.code))
      .slice(0, n),
  }))
}
