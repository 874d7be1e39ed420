import { latencyPercentile } from '../../../src/domain/latency-percentile'
import { publishCount } from '../../../src/domain/suppression'
import type { AgencyRatingsFiguresT, AgencyStatsAnswerT, AgencyStatsMonthT } from '../../../src/api/agency-stats'
import type { Queryable } from '../../db/db'
import { getOwnService } from '../onboarding/service'
import { getServiceFailureRates } from '../probes/service'
import { type MonthInteractions, readMonthlyInteractions } from '../usage/usage-service'
import type { ServiceActivityMonth, StatsService } from './stats-service'

const ACTIONS = { opens: 'open', submits: 'submit', successes: 'success', errors: 'error' } as const

/**
 * A month's interactions as published: each action's count withheld below k;
 * the latency percentiles over every timed interaction of the month, withheld
 * when fewer than k were timed (a percentile of few is close to one person's).
 */
export function interactionFigures(rows: readonly MonthInteractions[], k: number) {
  const count = (action: string) => rows.filter((r) => r.action === action).reduce((sum, r) => sum + r.n, 0)
  const buckets = [0, 0, 0, 0, 0, 0]
  for (const r of rows) for (const [i, n] of r.buckets.entries()) buckets[i]! += n
  const timed = buckets.reduce((sum, n) => sum + n, 0)
  const enough = timed >= k
  return {
    opens: publishCount(count(ACTIONS.opens), k),
    submits: publishCount(count(ACTIONS.submits), k),
    successes: publishCount(count(ACTIONS.successes), k),
    errors: publishCount(count(ACTIONS.errors), k),
    timed: publishCount(timed, k),
    latencyP50Ms: enough ? (latencyPercentile(buckets, 0.5) ?? null) : null,
    latencyP95Ms: enough ? (latencyPercentile(buckets, 0.95) ?? null) : null,
  }
}

/** A service's 好差评 per month, k-suppressed (the ratings module's `serviceMonths`). */
export type RatingMonths = (serviceId: string, months: readonly string[], k: number, now: Date) => Promise<AgencyRatingsFiguresT | null>

/**
 * Every figure of one of the calling agency's services over a period
 * (02-services.md: an agency sees its own services' figures, and only those):
 * monthly actives and return rate, interactions and latency, failure rate
 * with the probe history. Another agency's service is 404 SERVICE_NOT_FOUND,
 * exactly like a missing one, so its existence is not disclosed. Usage
 * figures are published as for analysts (k-suppressed), and so are its
 * 好差评 (`ratings`: null while it has none in the period).
 */
export async function getAgencyServiceFigures(
  db: Queryable,
  stats: StatsService,
  ratingsOf: RatingMonths,
  agencyId: string,
  serviceId: string,
  q: { from?: string; to?: string },
): Promise<AgencyStatsAnswerT> {
  const service = await getOwnService(db, agencyId, serviceId)
  const period = await stats.period(q)
  const national = service.coverage.level === 'national'
  const [activity, interactions, failures, ratings] = await Promise.all([
    stats.serviceActivity({ id: service.id, national }, period),
    readMonthlyInteractions(db, service.id, period.from, period.to),
    getServiceFailureRates(db, { from: period.from, to: period.to, rules: stats.rules, asOf: Date.now(), agencyId }),
    ratingsOf(service.id, period.months, stats.k, new Date()),
  ])
  const probes = failures.find((f) => f.serviceId === service.id) ?? null
  const activityOf = new Map<string, ServiceActivityMonth>(activity.map((a) => [a.month, a]))
  const rows = period.months.map((month): AgencyStatsMonthT => {
    const a = activityOf.get(month) ?? { month, actives: 0, returnRate: null, citiesWithheld: 0 }
    const i = interactionFigures(interactions.filter((r) => r.month === month), stats.k)
    const withheld = a.actives === null || a.citiesWithheld > 0 || [i.opens, i.submits, i.successes, i.errors, i.timed].includes(null)
    return {
      month,
      actives: a.actives,
      returnRate: a.returnRate,
      citiesWithheld: a.citiesWithheld,
      ...i,
      failureRate: probes?.months.find((m) => m.month === month)?.failureRate ?? null,
      suppressed: withheld,
    }
  })
  return {
    service: { id: service.id, name: service.name, status: service.status, national },
    from: period.from,
    to: period.to,
    months: period.months,
    k: stats.k,
    activityBasis: national ? 'national' : 'cities',
    rows,
    probes,
    ratings,
  }
}
