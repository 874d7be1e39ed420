import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../server/db/db'
import { createToken } from '../../server/modules/auth/service'
import { recordScheduledProbe } from '../../server/modules/probes/repository'
import { createUsageService } from '../../server/modules/usage/usage-service'
import type { UsageBatchT } from '../../src/api/usage'
import { addMonths } from '../../src/domain/calendar-months'
import { parseCsv } from '../../src/domain/csv'
import { chinaMonthOf, chinaMonthPeriod } from '../../src/domain/downtime'
import { consoleCookie } from './console-cookie'
import { testApp } from './test-app'

let app: FastifyInstance & { db: Db }
const tokens: Record<string, string> = {}
let mine: { id: string; name: string; agencyId: string; city: string }
let theirs: string
let national: string

const MINUTE = 60_000
const NOW = chinaMonthOf(Date.now())
// Three complete months: the first with usage, the second with people back, the last with few.
const [M1, M2, M3] = [addMonths(NOW, -3), addMonths(NOW, -2), addMonths(NOW, -1)] as [string, string, string]
const period = `from=${M1}&to=${M3}`

const get = (url: string, who?: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'GET', url, headers: { ...(who ? { authorization: `Bearer ${tokens[who]}` } : {}), ...headers } })

/** Phones reporting in `month` through the real ingestion, its clock set to that month (as the simulator does for older months). */
async function report(month: string, batches: Omit<UsageBatchT, 'v' | 'batch'>[]) {
  const usage = await createUsageService(app.db, () => Date.parse(`${month}-15T12:00:00+08:00`))
  for (const b of batches) await usage.accept({ v: 1, batch: randomBytes(16).toString('base64url'), ...b })
  await usage.idle()
}
const person = (scopes: string[], month: string, kind: 'first' | 'returning' | 'again') =>
  ({ actives: scopes.map((scope) => ({ scope, month, returning: kind === 'returning', first: kind === 'first' })) })
const times = <T>(n: number, f: () => T): T[] => Array.from({ length: n }, f)

/**
 * The ground truth seeded below, for agency A's city service:
 * M1: 30 people, all new; 5 opens. M2: 25 people (15 back from M1, 10 new); 40 opens, 12 submits,
 * 11 successes, 1 error; 12 timed (5 × 80 ms, 5 × 250, 1 × 2500, the error 700 ms). M3: 7 people.
 * And 12 people in M2 on agency B's service, which agency A must not see.
 */
beforeAll(async () => {
  app = await testApp()
  const [c] = await app.db.query<{ id: string; name: string; agency_id: string; coverage_code: string }>(
    `SELECT id, name, agency_id, coverage_code FROM services WHERE status = 'listed' AND coverage_level = 'city' AND endpoint IS NOT NULL ORDER BY id LIMIT 1`,
  )
  mine = { id: c!.id, name: c!.name, agencyId: c!.agency_id, city: c!.coverage_code }
  const [b] = await app.db.query<{ id: string; agency_id: string }>(`SELECT id, agency_id FROM services WHERE status = 'listed' AND agency_id <> $1 ORDER BY id LIMIT 1`, [mine.agencyId])
  theirs = b!.id
  const [n] = await app.db.query<{ id: string; agency_id: string }>(`SELECT id, agency_id FROM services WHERE status = 'listed' AND coverage_level = 'national' ORDER BY id LIMIT 1`)
  national = n!.id
  tokens.agencyA = (await createToken(app.db, { role: 'agency', agencyId: mine.agencyId })).token
  tokens.agencyB = (await createToken(app.db, { role: 'agency', agencyId: b!.agency_id })).token
  tokens.nationalOwner = (await createToken(app.db, { role: 'agency', agencyId: n!.agency_id })).token
  tokens.analyst = (await createToken(app.db, { role: 'analyst' })).token

  const scope = `svc:${mine.id}@${mine.city}`
  const event = (action: 'open' | 'submit' | 'success' | 'error', ms?: number) => ({ service: mine.id, city: mine.city, action, ...(ms === undefined ? {} : { ms }) })
  await report(M1, [...times(30, () => person([scope], M1, 'first')), { events: times(5, () => event('open')) }])
  await report(M2, [
    ...times(15, () => person([scope], M2, 'returning')),
    ...times(10, () => person([scope], M2, 'first')),
    ...times(12, () => person([`svc:${theirs}@${mine.city}`], M2, 'first')),
    {
      events: [
        ...times(40, () => event('open')),
        ...times(12, () => event('submit')),
        ...times(5, () => event('success', 80)),
        ...times(5, () => event('success', 250)),
        event('success', 2500),
        event('error', 700),
      ],
    },
  ])
  await report(M3, times(7, () => person([scope], M3, 'returning')))
  // A national service: 40 people across the country in M2 (its own scope), 20 of them also seen in two cities.
  await report(M2, [
    ...times(40, () => person([`svc:${national}`], M2, 'first')),
  ])

  // Probes every 5 minutes for 100 minutes on the 2nd of M2, failing at minutes 20 and 25: down 10 of 100 minutes.
  const t0 = chinaMonthPeriod(M2).start + 34 * 60 * MINUTE
  for (let minute = 0; minute <= 100; minute += 5) {
    const ok = minute !== 20 && minute !== 25
    await recordScheduledProbe(app.db, { serviceId: mine.id, at: t0 + minute * MINUTE, ok, note: ok ? 'HTTP 401' : 'could not connect (ECONNREFUSED)' }, 3 * 300_000)
  }
})
afterAll(() => app.close())

describe('GET /v1/agency/services/{id}/stats', () => {
  it('agency A sees its own service month by month, equal to the seeded usage, with small counts withheld', async () => {
    const res = await get(`/v1/agency/services/${mine.id}/stats?${period}`, 'agencyA')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ service: { id: mine.id, name: mine.name, national: false }, from: M1, to: M3, months: [M1, M2, M3], k: 10, activityBasis: 'cities', ratings: null })
    expect(body.rows).toEqual([
      // 5 opens are a small cell: withheld (null), never 0. No month before M1: no return rate.
      { month: M1, actives: 30, returnRate: null, citiesWithheld: 0, opens: null, submits: 0, successes: 0, errors: 0, timed: 0, latencyP50Ms: null, latencyP95Ms: null, failureRate: null, suppressed: true },
      // 15 of M1's 30 came back; the one error is withheld; p50 of 12 timed is in ≤300 ms, p95 (the 12th) in ≤3000 ms.
      { month: M2, actives: 25, returnRate: 0.5, citiesWithheld: 0, opens: 40, submits: 12, successes: 11, errors: null, timed: 12, latencyP50Ms: 300, latencyP95Ms: 3000, failureRate: 0.1, suppressed: true },
      // 7 people: withheld, and so is the rate they would give.
      { month: M3, actives: null, returnRate: null, citiesWithheld: 1, opens: 0, submits: 0, successes: 0, errors: 0, timed: 0, latencyP50Ms: null, latencyP95Ms: null, failureRate: null, suppressed: true },
    ])
    const t0 = chinaMonthPeriod(M2).start + 34 * 60 * MINUTE
    expect(body.probes).toMatchObject({
      serviceId: mine.id,
      failureRate: 0.1,
      downS: 600,
      monitoredS: 6000,
      down: [{ start: new Date(t0 + 20 * MINUTE).toISOString(), end: new Date(t0 + 30 * MINUTE).toISOString(), seconds: 600 }],
      maintenance: [],
    })
    // Agency B's 12 people in the same city are not in agency A's figures.
    expect(JSON.stringify(body)).not.toContain(theirs)
  })

  it("agency A gets 404 for agency B's service, exactly as for one that does not exist; B sees its own", async () => {
    const other = await get(`/v1/agency/services/${theirs}/stats?${period}`, 'agencyA')
    const missing = await get(`/v1/agency/services/no-such-service/stats?${period}`, 'agencyA')
    expect(other.statusCode).toBe(404)
    expect(missing.statusCode).toBe(404)
    expect(other.json().error.code).toBe('SERVICE_NOT_FOUND')
    expect(other.json().error.message.replaceAll(theirs, 'X')).toBe(missing.json().error.message.replaceAll('no-such-service', 'X'))
    const own = await get(`/v1/agency/services/${theirs}/stats?${period}`, 'agencyB')
    expect(own.statusCode).toBe(200)
    expect(own.json().rows.map((r: { actives: number | null }) => r.actives)).toEqual([0, 12, 0])
    expect(JSON.stringify(own.json())).not.toContain(mine.id)
  })

  it('a national service counts distinct users across the country from its own scope', async () => {
    const res = await get(`/v1/agency/services/${national}/stats?${period}`, 'nationalOwner')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ service: { id: national, national: true }, activityBasis: 'national' })
    expect(res.json().rows.map((r: { actives: number | null }) => r.actives)).toEqual([0, 40, 0])
  })

  it('only agencies: anonymous 401, analysts 403; bad periods 422', async () => {
    expect((await get(`/v1/agency/services/${mine.id}/stats`)).statusCode).toBe(401)
    expect((await get(`/v1/agency/services/${mine.id}/stats`, 'analyst')).statusCode).toBe(403)
    const backwards = await get(`/v1/agency/services/${mine.id}/stats?from=${M3}&to=${M1}`, 'agencyA')
    expect(backwards.statusCode).toBe(422)
    expect(backwards.json().error.code).toBe('MONTH_RANGE_INVALID')
    expect((await get(`/v1/agency/services/${mine.id}/stats?from=2025-13`, 'agencyA')).statusCode).toBe(400)
  })

  it('as CSV: the same months, withheld figures written <k, never 0', async () => {
    const res = await get(`/v1/agency/services/${mine.id}/stats?${period}&format=csv`, 'agencyA')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/csv')
    const [head, ...rows] = parseCsv(res.body)
    expect(head![0]).toBe('月份 month')
    expect(rows.map((r) => [r[0], r[1], r[4], r[7]])).toEqual([
      [M1, '30', '<k', '0'],
      [M2, '25', '40', '<k'],
      [M3, '<k', '0', '0'],
    ])
  })
})

describe('the console page', () => {
  it('renders the figures for an agency session: a month table, a chart, the down periods; another agency gets 404', async () => {
    await app.db.query('UPDATE services SET name = $2 WHERE id = $1', [mine.id, '<b>德阳</b>办事'])
    const cookie = await consoleCookie(app, tokens.agencyA!)
    const res = await app.inject({ method: 'GET', url: `/console/agency/services/${mine.id}/stats?${period}`, headers: { cookie } })
    expect(res.statusCode).toBe(200)
    const page = res.body
    expect(page).toContain('<h1>')
    expect(page).toContain('使用情况')
    expect(page).toContain('<svg')
    expect(page).toMatch(/<td>25<\/td>/)
    expect(page).toContain('50.0%')
    expect(page).toContain('≤ 3000 ms')
    expect(page).toContain('故障')
    expect(page).toContain('统计期故障率：<strong>10.00%</strong>')
    expect(page).toContain('<td>2026-10-02 10:20:00</td><td>2026-10-02 10:30:00</td><td>10 分钟</td>'.replaceAll('2026-10', M2))
    // The service's name is escaped like everything else.
    expect(page).toContain('&lt;b&gt;德阳&lt;/b&gt;办事 · 使用情况')
    expect(page).not.toContain('<b>德阳</b>')
    const other = await app.inject({ method: 'GET', url: `/console/agency/services/${theirs}/stats`, headers: { cookie } })
    expect(other.statusCode).toBe(404)
  })
})
