import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../server/db/db'
import { createToken } from '../../server/modules/auth/service'
import type { GroundTruth } from '../../server/simulate/ground-truth'
import { postThroughRoute, runSimulation } from '../../server/simulate/run-simulation'
import { addMonths } from '../../src/domain/calendar-months'
import { chinaMonthOf } from '../../src/domain/downtime'
import { publishCount, publishPartition, publishRate } from '../../src/domain/suppression'
import { testApp } from './test-app'

let app: FastifyInstance & { db: Db }
let truth: ReturnType<GroundTruth['toJSON']>['activity']
const NOW = chinaMonthOf(Date.now())
const MONTHS = [addMonths(NOW, -2), addMonths(NOW, -1), NOW]
const K = 10

beforeAll(async () => {
  app = await testApp()
  truth = (await runSimulation({ db: app.db, citizens: 2000, months: MONTHS.length, post: postThroughRoute(app), seed: 'agency-figures' })).toJSON().activity
}, 300_000)
afterAll(() => app?.close())

/** The figures of a service as its agency reads them. */
async function figuresOf(serviceId: string) {
  const [s] = await app.db.query<{ agency_id: string }>('SELECT agency_id FROM services WHERE id = $1', [serviceId])
  const { token } = await createToken(app.db, { role: 'agency', agencyId: s!.agency_id })
  const res = await app.inject({ method: 'GET', url: `/v1/agency/services/${serviceId}/stats?from=${MONTHS[0]}&to=${NOW}`, headers: { authorization: `Bearer ${token}` } })
  expect(res.statusCode).toBe(200)
  return res.json() as { rows: { month: string; actives: number | null; returnRate: number | null; citiesWithheld: number }[] }
}

/** What the simulated people did in one scope, published as 03-index.md says. */
function expected(scope: string) {
  const cell = (m: string) => truth[scope]?.[m] ?? { actives: 0, returning: 0, first: 0 }
  return MONTHS.map((month) => {
    const c = cell(month)
    const [returning] = publishPartition(c.actives, [c.returning, c.first, c.actives - c.returning - c.first], K)
    const before = cell(addMonths(month, -1)).actives
    return { month, actives: publishCount(c.actives, K), returnRate: returning === null || returning === undefined ? null : publishRate(c.returning, before, K) }
  })
}

describe('agency figures against the simulation’s ground truth', () => {
  it('the busiest national service: its distinct users and return rate each month equal what the simulated people did', async () => {
    // Only national services have a scope without a city.
    const busiest = Object.keys(truth).filter((s) => /^svc:[a-z0-9-]+$/.test(s)).sort((a, b) => (truth[b]![NOW]?.actives ?? 0) - (truth[a]![NOW]?.actives ?? 0))[0]!
    const figures = await figuresOf(busiest.slice(4))
    expect(figures.rows.map(({ month, actives, returnRate }) => ({ month, actives, returnRate }))).toEqual(expected(busiest))
    // Not a trivial agreement: published counts, and a few people back each month, withheld as a small cell.
    expect(figures.rows.filter((r) => (r.actives ?? 0) >= K)).toHaveLength(MONTHS.length)
  })

  it('city services: each one city scope, month by month, small months withheld', async () => {
    const cityServices = new Set((await app.db.query<{ id: string }>(`SELECT id FROM services WHERE status = 'listed' AND coverage_level = 'city'`)).map((r) => r.id))
    const scopes = Object.keys(truth).filter((s) => cityServices.has(/^svc:([a-z0-9-]+)@/.exec(s)?.[1] ?? ''))
    // The five busiest (2,000 people over 300 cities leave each city service a small cell: withheld, never 0).
    const total = (scope: string) => Object.values(truth[scope]!).reduce((sum, c) => sum + c.actives, 0)
    scopes.sort((a, b) => total(b) - total(a))
    const checked: (number | null)[] = []
    for (const scope of scopes.slice(0, 5)) {
      const figures = await figuresOf(/^svc:([a-z0-9-]+)@/.exec(scope)![1]!)
      expect([scope, figures.rows.map(({ month, actives, returnRate }) => ({ month, actives, returnRate }))]).toEqual([scope, expected(scope)])
      checked.push(...figures.rows.map((r) => r.actives))
    }
    expect(checked).toContain(null)
  })
})
