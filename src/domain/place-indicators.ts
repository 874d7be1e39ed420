import { addMonths } from './calendar-months'
import { type Coverage, type ServiceItem, coversCity } from './catalog'
import { type PlausibilityFlag, returningFlag } from './plausibility'
import { computeRichness } from './richness'
import type { IndicatorValues } from './smart-index'
import { publishCount, publishRate } from './suppression'

/** One scope's counters in one month (03-index.md). */
export interface ActivityCell {
  actives: number
  returning: number
  first: number
}

/** The counters of a scope in a month; undefined when nothing was counted. */
export type ActivityLookup = (scope: string, month: string) => ActivityCell | undefined

/** What the indicators need of a listed service. */
export interface IndicatorService {
  id: string
  coverage: Coverage
  items: readonly ServiceItem[]
  stars: number | null
  /** Down / monitored over the period; null when it was not monitored. */
  failureRate: number | null
}

export interface PlaceIndicators {
  values: IndicatorValues
  /** Indicators withheld because a count behind them is below k (they enter the shares as 0). */
  suppressed: Array<'mau' | 'returnRate'>
  /** Months whose return rate was left out as implausible (returning above last month's actives), with the reason. */
  flags?: PlausibilityFlag[]
}

/** 服务项目价值 of one service: query items × 1 + transaction items × 3. */
export function serviceValue(items: readonly ServiceItem[]): number {
  return items.reduce((sum, item) => sum + (item.kind === 'transaction' ? 3 : 1), 0)
}

const mean = (xs: readonly number[]): number | undefined => (xs.length === 0 ? undefined : xs.reduce((s, x) => s + x, 0) / xs.length)

/**
 * MAU and return rate of one scope over the months (03-index.md): MAU is the
 * mean of actives(M); return rate the mean over months with an M−1 of
 * returning(M) / actives(M−1). Both are withheld whole when any month behind
 * them is a small cell, so no published mean can be combined with other
 * published figures to recover a withheld month. A month whose returning
 * count exceeds the month before's actives (plausibility.ts) is left out of
 * the return rate's mean and flagged; when every month is, there is no
 * return rate, only the flags.
 */
export function usageIndicators(activity: ActivityLookup, scope: string, months: readonly string[], k: number): PlaceIndicators {
  const values: IndicatorValues = {}
  const suppressed: PlaceIndicators['suppressed'] = []
  const actives = months.map((m) => activity(scope, m)?.actives ?? 0)
  if (actives.some((n) => publishCount(n, k) === null)) suppressed.push('mau')
  else if (actives.some((n) => n > 0)) values.mau = mean(actives)

  const rates: number[] = []
  const flags: PlausibilityFlag[] = []
  let withheld = false
  for (const m of months) {
    const before = activity(scope, addMonths(m, -1))?.actives ?? 0
    const returning = activity(scope, m)?.returning ?? 0
    const flag = returningFlag(m, returning, before, k)
    if (flag) {
      flags.push(flag)
      continue
    }
    if (before === 0) continue
    const rate = publishRate(returning, before, k)
    if (rate === null) withheld = true
    else rates.push(rate)
  }
  if (withheld) suppressed.push('returnRate')
  else if (rates.length > 0) values.returnRate = mean(rates)
  return flags.length > 0 ? { values, suppressed, flags } : { values, suppressed }
}

/**
 * The supply side of a place from the services available there: value (sum),
 * stars (mean of reviewed services), failure rate (mean of monitored
 * services) and key-industry richness. A service counts once however many of
 * the place's cities it covers.
 */
export function supplyIndicators(services: readonly IndicatorService[]): IndicatorValues {
  const values: IndicatorValues = { value: 0, richness: computeRichness(services).share }
  for (const s of services) values.value! += serviceValue(s.items)
  const stars = mean(services.flatMap((s) => (s.stars === null ? [] : [s.stars])))
  if (stars !== undefined) values.stars = stars
  const failure = mean(services.flatMap((s) => (s.failureRate === null ? [] : [s.failureRate])))
  if (failure !== undefined) values.failureRate = failure
  return values
}

/** The services available to a city's citizens: its own, its province's and national ones. */
export function servicesOfCity(services: readonly IndicatorService[], city: string): IndicatorService[] {
  return services.filter((s) => coversCity(s.coverage, city))
}

/**
 * The services available anywhere in a province, each once: national ones,
 * the province's own and those of any of its cities. This is why a
 * province's value is not the sum of its cities' values.
 */
export function servicesOfProvince(services: readonly IndicatorService[], province: string): IndicatorService[] {
  return services.filter((s) => s.coverage.level === 'national' || (s.coverage.level === 'province' ? s.coverage.code === province : s.coverage.code.slice(0, 2) === province))
}

/** All six indicators of a city (scope city:<code>) or a province (scope prov:<code>) over the months. */
export function placeIndicators(
  place: { level: 'city' | 'province'; code: string },
  services: readonly IndicatorService[],
  activity: ActivityLookup,
  months: readonly string[],
  k: number,
): PlaceIndicators {
  const available = place.level === 'city' ? servicesOfCity(services, place.code) : servicesOfProvince(services, place.code)
  const usage = usageIndicators(activity, place.level === 'city' ? `city:${place.code}` : `prov:${place.code}`, months, k)
  return { values: { ...supplyIndicators(available), ...usage.values }, suppressed: usage.suppressed, ...(usage.flags ? { flags: usage.flags } : {}) }
}
