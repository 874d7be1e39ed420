import { type Month, addMonths, monthsApart } from '../../../src/domain/calendar-months'
import {
  type DowntimeRules,
  type EpochMs,
  type Interval,
  type ProbeRun,
  chinaMonthPeriod,
  combineMeasures,
  downtimeRules,
  intersectIntervals,
  measurePeriod,
  observeRuns,
  totalMs,
} from '../../../src/domain/downtime'
import { MAINTENANCE_ALLOWANCE, countedMaintenance, monthsOverAllowance } from '../../../src/domain/maintenance-allowance'
import type { ReviewConfig } from '../../config'
import type { Db, Queryable } from '../../db/db'
import { HttpError } from '../../errors'
import type { Principal } from '../auth/token'
import { GATEWAY_ERROR_KINDS, type GatewayErrorKind } from '../gateway/gateway-error-kind'
import { recordAudit, serviceOwner } from '../onboarding/service'
import {
  type MaintenanceWindowRow,
  type MonitoredServiceRow,
  citiesWithProvince,
  gatewayErrorCounts,
  insertMaintenanceWindow,
  lockMaintenanceWindows,
  maintenanceWindows,
  monitoredServices,
  probeRunsAround,
} from './repository'

// With probing switched off in this process, gaps are still judged against the default schedule.
const DEFAULT_PROBE_INTERVAL_S = 300

/** The failure-rate rules of this configuration: N from ONECITY_PROBE_DOWN_AFTER, gaps from the probe interval. */
export function rulesOf(config: Pick<ReviewConfig, 'probeIntervalS' | 'probeDownAfter'>): DowntimeRules {
  return downtimeRules((config.probeIntervalS || DEFAULT_PROBE_INTERVAL_S) * 1000, config.probeDownAfter)
}

export interface FailureRateQuery {
  /** First and last month, China time, inclusive (one month: from = to). */
  from: Month
  to: Month
  rules: DowntimeRules
  /** When the figures are read: a month under way is measured up to this instant. */
  asOf: EpochMs
}

const seconds = (ms: number) => Math.round(ms) / 1000
const iso = (ms: EpochMs) => new Date(ms).toISOString()

export interface PeriodFigures {
  /** Down / monitored, maintenance left out of both; null when nothing was monitored. */
  failureRate: number | null
  monitoredS: number
  downS: number
  maintenanceS: number
}

export interface ServiceFailure extends PeriodFigures {
  serviceId: string
  name: string
  agencyId: string
  status: string
  coverage: MonitoredServiceRow['coverage']
  months: (PeriodFigures & { month: Month })[]
  /** Each down interval as observed; `end` null while still down; the part inside maintenance windows is not counted. */
  down: { start: string; end: string | null; seconds: number; inMaintenanceS: number }[]
  maintenance: { id: number; startsAt: string; endsAt: string; note: string; announcedBy: string; announcedAt: string }[]
  /** Failed calls for citizens (shown beside the failure rate, never part of it). */
  gatewayErrors: Record<GatewayErrorKind, number> & { total: number }
}

/** The months from `from` to `to` inclusive; 422 when `to` comes first. */
export function monthRange(from: Month, to: Month, max = 24): Month[] {
  const n = monthsApart(from, to)
  if (n < 0) throw new HttpError(422, 'MONTH_RANGE_INVALID', `${to} is before ${from} / 结束月份早于开始月份`, [{ path: 'querystring.to', message: 'must not be before from / 不能早于开始月份' }])
  if (n >= max) throw new HttpError(422, 'MONTH_RANGE_TOO_LONG', `At most ${max} months at a time / 一次最多查询 ${max} 个月`, [{ path: 'querystring.to', message: `at most ${max} months / 最多 ${max} 个月` }])
  return Array.from({ length: n + 1 }, (_, i) => addMonths(from, i))
}

const figures = (m: { downMs: number; monitoredMs: number; maintenanceMs: number; failureRate: number | undefined }): PeriodFigures => ({
  failureRate: m.failureRate ?? null,
  monitoredS: seconds(m.monitoredMs),
  downS: seconds(m.downMs),
  maintenanceS: seconds(m.maintenanceMs),
})

/**
 * Failure rate per service for a month or a range of months (03-index.md):
 * from the scheduled probes' runs, down from the first of N failures until the next
 * success, time-weighted over monitored time, maintenance windows left out;
 * over a range, total down / total monitored. Gateway errors are counted
 * beside it. The services: those probed now and those probed in the range;
 * with `agencyId`, that agency's only.
 */
export async function getServiceFailureRates(db: Queryable, q: FailureRateQuery & { agencyId?: string }): Promise<ServiceFailure[]> {
  const months = monthRange(q.from, q.to)
  const periods = months.map(chinaMonthPeriod)
  const span = spanOf(periods)
  const services = await monitoredServices(db, span, q.agencyId)
  const ids = services.map((s) => s.id)
  if (ids.length === 0) return []
  const [runs, windows, errors] = await Promise.all([
    probeRunsAround(db, span, q.rules.maxGapMs, ids),
    maintenanceWindows(db, span, ids),
    gatewayErrorCounts(db, span, ids),
  ])
  const windowsOf = byService(windows)

  return services.map((s) => {
    const own = windowsOf.get(s.id) ?? []
    const { maintenance, observation, perMonth, whole } = measureService(runs.get(s.id) ?? [], own, periods, q)
    const counts = Object.fromEntries(GATEWAY_ERROR_KINDS.map((k) => [k, 0])) as Record<GatewayErrorKind, number>
    for (const e of errors) if (e.serviceId === s.id) counts[e.kind] += e.n
    return {
      serviceId: s.id,
      name: s.name,
      agencyId: s.agencyId,
      status: s.status,
      coverage: s.coverage,
      ...figures(whole),
      months: months.map((month, i) => ({ month, ...figures(perMonth[i]!) })),
      down: intersectIntervals(observation.down, [{ start: span.from, end: span.to }]).map((d) => ({
        start: iso(d.start),
        end: d.end >= q.asOf ? null : iso(d.end),
        seconds: seconds(d.end - d.start),
        inMaintenanceS: seconds(totalMs(intersectIntervals([d], maintenance))),
      })),
      maintenance: own.map((w) => ({ id: w.id, startsAt: iso(w.startsAt), endsAt: iso(w.endsAt), note: w.note, announcedBy: w.announcedBy, announcedAt: iso(w.announcedAt) })),
      gatewayErrors: { ...counts, total: GATEWAY_ERROR_KINDS.reduce((sum, k) => sum + counts[k], 0) },
    }
  })
}

const spanOf = (periods: readonly { start: EpochMs; end: EpochMs }[]) => ({ from: periods[0]!.start, to: periods[periods.length - 1]!.end })

function byService<T extends { serviceId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const r of rows) {
    const list = out.get(r.serviceId)
    if (list) list.push(r)
    else out.set(r.serviceId, [r])
  }
  return out
}

/** One service's runs measured month by month and over the whole range, only the maintenance allowance left out. */
function measureService(runs: readonly ProbeRun[], windows: readonly MaintenanceWindowRow[], periods: readonly { start: EpochMs; end: EpochMs }[], q: Pick<FailureRateQuery, 'rules' | 'asOf'>) {
  // Only the allowance counts (8 h a window, 24 h a month): chained windows do not hide a service from measurement.
  const maintenance: Interval[] = countedMaintenance(windows.map((w) => ({ start: w.startsAt, end: w.endsAt })))
  const observation = observeRuns(runs, q.rules, q.asOf)
  const perMonth = periods.map((p) => measurePeriod(observation, p, maintenance))
  return { maintenance, observation, perMonth, whole: combineMeasures(perMonth) }
}

/**
 * The failure rate over the months of every service probed in them, as
 * getServiceFailureRates measures it, without the per-month, interval and
 * error detail: what the index reads, for the whole country's catalog at
 * once. A service never probed in the range has none.
 */
export async function failureRatesOver(db: Queryable, q: FailureRateQuery): Promise<Map<string, number | null>> {
  const periods = monthRange(q.from, q.to).map(chinaMonthPeriod)
  const span = spanOf(periods)
  const [runs, windows] = await Promise.all([probeRunsAround(db, span, q.rules.maxGapMs), maintenanceWindows(db, span)])
  const windowsOf = byService(windows)
  return new Map([...runs].map(([serviceId, own]) => [serviceId, measureService(own, windowsOf.get(serviceId) ?? [], periods, q).whole.failureRate ?? null]))
}

export interface CityFailure {
  cityCode: string
  name: string
  /** Mean of the failure rates of the monitored services available in the city (city, province, national coverage). */
  failureRate: number
  /** How many services the mean is over. */
  services: number
}

/**
 * Failure rate per city (03-index.md: "averaged over services"): the mean of
 * the failure rates of the services available in the city that have
 * monitored time in the months. Cities with none are left out (no data).
 */
export async function getCityFailureRates(db: Queryable, q: FailureRateQuery): Promise<CityFailure[]> {
  const rates = (await getServiceFailureRates(db, q)).filter((s): s is ServiceFailure & { failureRate: number } => s.failureRate !== null)
  const sum = new Map<string, { total: number; n: number }>()
  const add = (key: string, rate: number) => {
    const acc = sum.get(key) ?? { total: 0, n: 0 }
    acc.total += rate
    acc.n += 1
    sum.set(key, acc)
  }
  for (const s of rates) add(s.coverage.level === 'national' ? 'national' : `${s.coverage.level}:${s.coverage.code}`, s.failureRate)
  const none = { total: 0, n: 0 }
  const out: CityFailure[] = []
  for (const city of await citiesWithProvince(db)) {
    const parts = [sum.get('national') ?? none, sum.get(`province:${city.provinceCode}`) ?? none, sum.get(`city:${city.code}`) ?? none]
    const n = parts.reduce((a, p) => a + p.n, 0)
    if (n > 0) out.push({ cityCode: city.code, name: city.name, failureRate: parts.reduce((a, p) => a + p.total, 0) / n, services: n })
  }
  return out
}

// Announcements (maintenance windows): an agency announces ahead (a few minutes of clock skew allowed), so it
// cannot excuse an outage afterwards; an operator may record one announced elsewhere up to a week back.
const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE
export const MAINTENANCE_LIMITS = {
  maxLengthMs: MAINTENANCE_ALLOWANCE.maxWindowMs,
  agencyEarliestStartMs: 5 * MINUTE,
  operatorEarliestStartMs: 7 * DAY,
  latestStartMs: 90 * DAY,
} as const

/** Checks an announced window; every problem at once as 422 with the field it is about. */
export function checkMaintenanceWindow(w: { startsAt: string; endsAt: string }, by: 'agency' | 'operator', now: EpochMs): Interval {
  const start = Date.parse(w.startsAt)
  const end = Date.parse(w.endsAt)
  const problems: { path: string; message: string }[] = []
  if (Number.isNaN(start)) problems.push({ path: 'body.startsAt', message: 'not a date-time / 不是有效的时间' })
  if (Number.isNaN(end)) problems.push({ path: 'body.endsAt', message: 'not a date-time / 不是有效的时间' })
  if (problems.length === 0) {
    const earliest = by === 'agency' ? MAINTENANCE_LIMITS.agencyEarliestStartMs : MAINTENANCE_LIMITS.operatorEarliestStartMs
    if (end <= start) problems.push({ path: 'body.endsAt', message: 'must be after startsAt / 结束时间必须晚于开始时间' })
    else if (end - start > MAINTENANCE_LIMITS.maxLengthMs) problems.push({ path: 'body.endsAt', message: 'a window lasts at most 8 hours (03-index.md) / 维护窗口最长 8 小时' })
    if (start < now - earliest) {
      problems.push({
        path: 'body.startsAt',
        message: by === 'agency' ? 'maintenance is announced before it starts / 维护须提前公告，不能补报' : 'at most 7 days in the past / 最多补录 7 天内的维护',
      })
    }
    if (start > now + MAINTENANCE_LIMITS.latestStartMs) problems.push({ path: 'body.startsAt', message: 'at most 90 days ahead / 最多提前 90 天公告' })
  }
  if (problems.length > 0) throw new HttpError(422, 'MAINTENANCE_WINDOW_INVALID', 'The maintenance window cannot be announced / 维护窗口不符合要求', problems)
  return { start, end }
}

/**
 * Announces a maintenance window for a service: an operator for any service,
 * an agency for its own only (another agency's service is answered 404, as if
 * it did not exist). Recorded with who announced it and in the audit log.
 */
export async function announceMaintenance(
  db: Db,
  who: Principal,
  serviceId: string,
  body: { startsAt: string; endsAt: string; note: string },
  now: EpochMs = Date.now(),
): Promise<ServiceFailure['maintenance'][number] & { serviceId: string }> {
  const owner = await serviceOwner(db, serviceId)
  if (owner === undefined || (who.role === 'agency' && owner !== who.agencyId)) {
    throw new HttpError(404, 'SERVICE_NOT_FOUND', who.role === 'agency' ? `You have no service ${serviceId} / 找不到本机构的服务 ${serviceId}` : `No service ${serviceId} / 找不到服务 ${serviceId}`)
  }
  const by = who.role === 'agency' ? 'agency' : 'operator'
  const { start, end } = checkMaintenanceWindow(body, by, now)
  const announcedBy = by === 'agency' ? `agency:${who.agencyId}` : `operator:${who.tokenId}`
  const row: MaintenanceWindowRow = await db.transaction(async (tx) => {
    const announced = await lockMaintenanceWindows(tx, serviceId, { from: start - 31 * DAY, to: end + 31 * DAY })
    const over = monthsOverAllowance(announced.map((w) => ({ start: w.startsAt, end: w.endsAt })), { start, end })
    if (over.length > 0) {
      const hours = (ms: number) => Math.round((ms / 3_600_000) * 10) / 10
      throw new HttpError(
        409,
        'MAINTENANCE_ALLOWANCE_EXCEEDED',
        `At most 24 hours of maintenance a month count (03-index.md); ${over.map((o) => `${o.month}: ${hours(o.usedMs)} h announced`).join(', ')} / 每月维护时间最多 24 小时，本月已公告的维护加上本次将超出`,
        over.map((o) => ({ path: 'body.endsAt', message: `${o.month}: ${hours(o.usedMs)} h already announced, this window adds ${hours(o.addedMs)} h (at most 24 h a month) / ${o.month} 已公告 ${hours(o.usedMs)} 小时，本次 ${hours(o.addedMs)} 小时，每月最多 24 小时` })),
      )
    }
    // Announced at `now`: the clock of the caller (the demo history announces its windows at simulated moments).
    const w = await insertMaintenanceWindow(tx, { serviceId, startsAt: start, endsAt: end, note: body.note, announcedBy, announcedAt: now })
    await recordAudit(tx, { actor: announcedBy, action: 'service.maintenance', subject: serviceId, detail: { windowId: w.id, startsAt: iso(start), endsAt: iso(end) } })
    return w
  })
  return { id: row.id, serviceId, startsAt: iso(row.startsAt), endsAt: iso(row.endsAt), note: row.note, announcedBy: row.announcedBy, announcedAt: iso(row.announcedAt) }
}
