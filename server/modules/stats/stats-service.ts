import { addMonths } from '../../../src/domain/calendar-months'
import { chinaMonthOf } from '../../../src/domain/downtime'
import { indexTable } from '../../../src/domain/index-table'
import { type ActivityCell, type IndicatorService, type PlaceIndicators, placeIndicators } from '../../../src/domain/place-indicators'
import { INDICATORS, type Indicator } from '../../../src/domain/smart-index'
import { returningFlag } from '../../../src/domain/plausibility'
import { isSmallCount, publishCount, publishPartition, publishRate } from '../../../src/domain/suppression'
import type { DowntimeRules } from '../../../src/domain/downtime'
import { parseScope } from '../../../src/domain/usage-scope'
import type { Queryable } from '../../db/db'
import { HttpError } from '../../errors'
import { readCities } from '../cities/service'
import { failureRatesOver, monthRange } from '../probes/service'
import { analyseDomains, analyseLocalNational, analyseTypes, sumsByKey, topCitiesPerDomain } from './analyses'
import type { ActivityRow } from '../usage/activity-row'
import { readActivity, readServiceActivity } from '../usage/usage-service'
import { readCityScopeCells, readFirstMonth, readListedServices, readPlaceActivity } from './repository'
import { readWeights } from './uploads-repository'

export interface StatsOptions {
  /** Small-cell threshold. */
  k: number
  rules: DowntimeRules
  /** How long a computed period stays cached: the counters keep growing while phones report. */
  cacheMs: number
}

export interface Period {
  from: string
  to: string
  months: string[]
}

const EQUAL = Object.fromEntries(INDICATORS.map((j) => [j, 1 / INDICATORS.length])) as Record<Indicator, number>

/**
 * The period asked for. By default: up to the last complete month (a month
 * under way would understate its MAU), twelve months back, but not before
 * the first month with any data (`firstMonth`), whose empty months would
 * only dilute every mean.
 */
export function periodOf(q: { from?: string; to?: string }, firstMonth?: string, now = Date.now()): Period {
  const to = q.to ?? addMonths(chinaMonthOf(now), -1)
  const yearBack = addMonths(to, -11)
  const from = q.from ?? (firstMonth && firstMonth > yearBack && firstMonth <= to ? firstMonth : yearBack)
  return { from, to, months: monthRange(from, to) }
}

/** The snapshot's weighting of a `weights` query value: null for equal weights, else an expert score table's id. */
export function weightsIdOf(weights: string | undefined): number | null {
  return weights === undefined || weights === 'equal' ? null : Number(weights)
}

/** A month's return rate as published: withheld below k, and withheld with a flag when implausible (plausibility.ts). */
function monthRate(returning: number, lastMonthActives: number, month: string, k: number) {
  const flag = returningFlag(month, returning, lastMonthActives, k)
  return flag ? { returnRate: null, flags: [flag] } : { returnRate: publishRate(returning, lastMonthActives, k), flags: [] }
}

const activityKey = (scope: string, month: string) => `${scope}|${month}`
const MAX_CACHED = 32

export interface ServiceActivityMonth {
  month: string
  actives: number | null
  returnRate: number | null
  /** Cities whose count was a small cell, left out of `actives` (always 0 for a national service's own scope). */
  citiesWithheld: number
}

/**
 * One service's monthly actives and return rate, as published. A national
 * service has its own scope (svc:<id>): distinct users across the country.
 * Any other service is the sum of its cities' scopes (svc:<id>@<city>):
 * only the cells of at least k are added, so the total is a sum of
 * publishable cells and subtracting the analysts' published city cells
 * gives back no withheld one; a person using it in two cities counts twice.
 * The return rate is returning(M) / actives(M−1) over the cities published
 * in both months, withheld below k either side and whenever a city's
 * returning count is (so one city's figures equal the analysts' activity of
 * its scope).
 */
export function serviceActivityMonths(cells: readonly ActivityRow[], service: { id: string; national: boolean }, months: readonly string[], k: number): ServiceActivityMonth[] {
  const whole = `svc:${service.id}`
  const published = (month: string) => {
    const own = cells.filter((c) => c.month === month && (service.national ? c.scope === whole : c.scope !== whole))
    const shown = own.filter((c) => !isSmallCount(c.actives, k))
    // Each cell's returning as the analysts' activity publishes it: one part of the partition returning + first + the rest.
    const returning = new Map(shown.map((c) => [c.scope, publishPartition(c.actives, [c.returning, c.first, c.actives - c.returning - c.first], k)[0] ?? null]))
    return { actives: new Map(shown.map((c) => [c.scope, c.actives])), returning, withheld: own.length - shown.length }
  }
  return months.map((month) => {
    const now = published(month)
    const before = published(addMonths(month, -1))
    const total = [...now.actives.values()].reduce((sum, n) => sum + n, 0)
    // The rate over the scopes published in both months, so numerator and denominator are the same cities.
    let back = 0
    let base = 0
    let withheldBack = false
    for (const [scope, n] of now.returning) {
      const earlier = before.actives.get(scope)
      if (earlier === undefined) continue
      if (n === null) withheldBack = true
      back += n ?? 0
      base += earlier
    }
    return {
      month,
      // All of it withheld is withheld, not 0: 0 says nobody used it.
      actives: now.withheld > 0 && total === 0 ? null : total,
      returnRate: withheldBack ? null : publishRate(back, base, k),
      citiesWithheld: service.national ? 0 : now.withheld,
    }
  })
}

/**
 * The index of one period and weighting, for cities and provinces, from the
 * place counters (all, prov:, city:), the catalog and the probes: the
 * budget's "full index recompute" (bench/index-recompute.ts).
 */
async function computeSnapshot(db: Queryable, o: StatsOptions, period: Period, weightsId: number | null) {
  const [cities, services, placeCells, failures, weights] = await Promise.all([
    readCities(db),
    readListedServices(db),
    readPlaceActivity(db, addMonths(period.from, -1), period.to),
    failureRatesOver(db, { from: period.from, to: period.to, rules: o.rules, asOf: Date.now() }),
    weightsId === null ? null : readWeights(db, weightsId),
  ])
  if (weightsId !== null && !weights) throw new HttpError(404, 'WEIGHTS_NOT_FOUND', `No expert score table ${weightsId} / 没有这份专家打分表`)
  const indicatorServices: IndicatorService[] = services.map((s) => ({ ...s, failureRate: failures.get(s.id) ?? null }))
  const cells = new Map(placeCells.map((c) => [activityKey(c.scope, c.month), c as ActivityCell]))
  const lookup = (scope: string, month: string) => cells.get(activityKey(scope, month))

  const alpha = weights?.weights ?? EQUAL
  const table = (level: 'city' | 'province', codes: string[]) =>
    indexTable(new Map<string, PlaceIndicators>(codes.map((code) => [code, placeIndicators({ level, code }, indicatorServices, lookup, period.months, o.k)])), alpha)
  const provinces = [...new Map(cities.map((c) => [c.provinceCode, c.provinceName]))]
  return {
    period,
    weights: { source: weights ? ('experts' as const) : ('equal' as const), id: weightsId, experts: weights?.experts ?? 0, values: alpha },
    cities: new Map(cities.map((c) => [c.code, c])),
    provinceNames: new Map(provinces),
    cityIndex: table('city', cities.map((c) => c.code)),
    provinceIndex: table('province', provinces.map(([code]) => code)),
    /** The country's actives and return rate per month. */
    national: period.months.map((month) => ({
      month,
      actives: publishCount(lookup('all', month)?.actives ?? 0, o.k),
      ...monthRate(lookup('all', month)?.returning ?? 0, lookup('all', addMonths(month, -1))?.actives ?? 0, month, o.k),
    })),
  }
}

/**
 * The analyses of one period beside the index (domains, types, local and
 * national services, top cities, trends), from the per-city type, domain and
 * service counters: most of a country's counter rows, read only when an
 * analyst asks for one of these.
 */
async function computeAnalyses(db: Queryable, o: StatsOptions, period: Period, index: Snapshot) {
  const before = addMonths(period.from, -1)
  const [services, typeCells, domainCells, svcCells] = await Promise.all([
    readListedServices(db),
    readCityScopeCells(db, 'type', before, period.to, o.k),
    readCityScopeCells(db, 'domain', before, period.to, o.k),
    readCityScopeCells(db, 'svc', before, period.to, o.k),
  ])
  const typeSums = sumsByKey(typeCells)
  const domainSums = sumsByKey(domainCells)
  return {
    domains: analyseDomains(domainCells, services, period.months),
    types: analyseTypes(typeCells, period.months),
    localNational: analyseLocalNational(svcCells, services, period.months),
    topCities: topCitiesPerDomain(domainCells, period.months, 50),
    trends: index.national.map((n) => ({
      ...n,
      types: Object.fromEntries([...typeSums].map(([key, byMonth]) => [key, byMonth.get(n.month)?.actives ?? 0])),
      domains: Object.fromEntries([...domainSums].map(([key, byMonth]) => [key, byMonth.get(n.month)?.actives ?? 0])),
    })),
  }
}

export type Snapshot = Awaited<ReturnType<typeof computeSnapshot>>
export type Analyses = Awaited<ReturnType<typeof computeAnalyses>>

/**
 * Everything the analysts' endpoints show for one period: the index of a
 * weighting (one pass, the "full recompute" of the budgets) and the analyses
 * beside it (another), each cached for `cacheMs`; concurrent requests for the
 * same period share one computation.
 */
export function createStatsService(db: Queryable, o: StatsOptions) {
  const cache = new Map<string, { at: number; value: Promise<unknown> }>()
  /** The value cached under `key`, computed by `compute` when missing or older than cacheMs. */
  function cached<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = cache.get(key)
    if (hit && Date.now() - hit.at < o.cacheMs) return hit.value as Promise<T>
    const value = compute()
    // Periods and weightings an analyst tried once are not kept: expired entries go, and at most MAX_CACHED stay.
    for (const [k, entry] of cache) if (Date.now() - entry.at >= o.cacheMs || cache.size >= MAX_CACHED) cache.delete(k)
    cache.set(key, { at: Date.now(), value })
    value.catch(() => cache.delete(key))
    return value
  }
  // The first counted month is read as often as snapshots are computed: every warm request asked the database before.
  let firstMonth: { at: number; value: Promise<string | undefined> } | undefined
  /** The period of a query, defaulting as periodOf says from the first month anything was counted. */
  async function queryPeriod(q: { from?: string; to?: string }): Promise<Period> {
    if (q.from && q.to) return periodOf(q)
    if (!firstMonth || Date.now() - firstMonth.at >= o.cacheMs) {
      const value = readFirstMonth(db)
      firstMonth = { at: Date.now(), value }
      value.catch(() => (firstMonth = undefined))
    }
    return periodOf(q, await firstMonth.value)
  }
  /** The index of a period and weighting (equal when weightsId is null). */
  const cachedSnapshot = (p: Period, weightsId: number | null): Promise<Snapshot> =>
    cached(`index|${p.from}|${p.to}|${weightsId ?? 'equal'}`, () => computeSnapshot(db, o, p, weightsId))
  /** The analyses of a period (they use the equal-weight index's national figures). */
  const cachedAnalyses = (p: Period): Promise<Analyses> =>
    cached(`analyses|${p.from}|${p.to}`, async () => computeAnalyses(db, o, p, await cachedSnapshot(p, null)))
  return {
    k: o.k,
    /** The failure-rate rules the snapshots use. */
    rules: o.rules,
    period: queryPeriod,

    /** One service's monthly actives and return rate over a period, as serviceActivityMonths publishes them. */
    async serviceActivity(service: { id: string; national: boolean }, period: Period): Promise<ServiceActivityMonth[]> {
      const cells = await readServiceActivity(db, service.id, addMonths(period.from, -1), period.to)
      return serviceActivityMonths(cells, service, period.months, o.k)
    },
    snapshot: cachedSnapshot,
    analyses: cachedAnalyses,

    /**
     * One scope's months. Returning, first and the rest (active before, not
     * last month) add up to actives, so they are published as a partition:
     * when one is withheld a second is too, and subtraction recovers neither.
     * A month whose returning count exceeds the month before's actives has no
     * return rate, only a flag saying why (plausibility.ts).
     * The scope is checked before the period, so a bad scope is the error shown.
     */
    async activity(q: { scope: string; from?: string; to?: string }) {
      if (!parseScope(q.scope)) {
        throw new HttpError(422, 'UNKNOWN_SCOPE', `Not a usage scope: ${JSON.stringify(q.scope)} / 不是统计范围（例如 all、prov:44、city:440300、domain:traffic@440300）`, [{ path: 'querystring.scope', message: 'all, prov:<2 digits>, city:<6 digits>, type:<type>@<city>, domain:<domain>@<city>, svc:<id>[@<city>]' }])
      }
      const period = await queryPeriod(q)
      const cellsOf = new Map((await readActivity(db, q.scope, addMonths(period.from, -1), period.to)).map((c) => [c.month, c]))
      const rows = period.months.map((month) => {
        const c = cellsOf.get(month) ?? { actives: 0, returning: 0, first: 0 }
        const actives = publishCount(c.actives, o.k)
        const [returning = null, first = null] = publishPartition(c.actives, [c.returning, c.first, c.actives - c.returning - c.first], o.k)
        const rate = monthRate(c.returning, cellsOf.get(addMonths(month, -1))?.actives ?? 0, month, o.k)
        const returnRate = returning === null ? null : rate.returnRate
        return { month, actives, returning, first, returnRate, suppressed: actives === null || returning === null || first === null, flags: returning === null ? [] : rate.flags }
      })
      return { period, rows }
    },

    /** The first `n` (default 10) cities of each domain, or of the one domain asked for (DOMAIN_NOT_FOUND when it has none). */
    async topCities(q: { from?: string; to?: string; domain?: string; n?: number }) {
      const period = await queryPeriod(q)
      const [snapshot, analyses] = await Promise.all([cachedSnapshot(period, null), cachedAnalyses(period)])
      const n = q.n ?? 10
      const domains = analyses.topCities
        .filter((d) => q.domain === undefined || d.domain === q.domain)
        .map((d) => ({ ...d, cities: d.cities.slice(0, n).map((c, i) => ({ rank: i + 1, code: c.code, name: snapshot.cities.get(c.code)?.name ?? c.code, mau: c.mau })) }))
      if (q.domain !== undefined && domains.length === 0) throw new HttpError(404, 'DOMAIN_NOT_FOUND', `No domain ${q.domain} / 没有这个领域`)
      return { period, domains }
    },
  }
}

export type StatsService = ReturnType<typeof createStatsService>
