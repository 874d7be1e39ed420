import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../server/db/db'
import { createToken } from '../../server/modules/auth/service'
import { insertMaintenanceWindow, recordScheduledProbe } from '../../server/modules/probes/repository'
import { getCityFailureRates, rulesOf } from '../../server/modules/probes/service'
import { probeStats } from '../../server/modules/review/repository'
import { addMonths } from '../../src/domain/calendar-months'
import { chinaMonthOf, chinaMonthPeriod } from '../../src/domain/downtime'
import { testApp, testConfig } from './test-app'

let app: FastifyInstance & { db: Db }
const tokens: Record<string, string> = {}
let cityService: { id: string; agencyId: string; city: string; province: string }
let nationalService: string
let otherAgency: string

const MINUTE = 60_000
const month = addMonths(chinaMonthOf(Date.now()), -2)
const monthStart = chinaMonthPeriod(month).start
const HOUR = 60 * MINUTE
// Probing is off in tests: gaps are judged against the default 300 s schedule.
const MAX_GAP_MS = 3 * 300_000

const call = (method: 'GET' | 'POST', url: string, who?: string, payload?: object) =>
  app.inject({ method, url, headers: who ? { authorization: `Bearer ${tokens[who]}` } : {}, ...(payload ? { payload } : {}) })
const window = (startInMs: number, lengthMs: number, note = '系统升级', now = Date.now()) => ({
  startsAt: new Date(now + startInMs).toISOString(),
  endsAt: new Date(now + startInMs + lengthMs).toISOString(),
  note,
})

/** Probes every 5 minutes for 100 minutes from 10:00 on the 2nd of the month; the given minutes fail. */
async function probeHistory(serviceId: string, failing: number[]) {
  const t0 = monthStart + 34 * HOUR
  for (let minute = 0; minute <= 100; minute += 5) {
    const ok = !failing.includes(minute)
    await recordScheduledProbe(app.db, { serviceId, at: t0 + minute * MINUTE, ok, note: ok ? 'HTTP 401' : 'could not connect (ECONNREFUSED)' }, MAX_GAP_MS)
  }
  return t0
}

beforeAll(async () => {
  app = await testApp()
  const [c] = await app.db.query<{ id: string; agency_id: string; coverage_code: string }>(
    `SELECT id, agency_id, coverage_code FROM services WHERE status = 'listed' AND coverage_level = 'city' AND endpoint IS NOT NULL ORDER BY id LIMIT 1`,
  )
  const [p] = await app.db.query<{ province_code: string }>('SELECT province_code FROM cities WHERE code = $1', [c!.coverage_code])
  cityService = { id: c!.id, agencyId: c!.agency_id, city: c!.coverage_code, province: p!.province_code }
  ;[{ id: nationalService } = { id: '' }] = await app.db.query<{ id: string }>(
    `SELECT id FROM services WHERE status = 'listed' AND coverage_level = 'national' AND endpoint IS NOT NULL ORDER BY id LIMIT 1`,
  )
  ;[{ id: otherAgency } = { id: '' }] = await app.db.query<{ id: string }>('SELECT id FROM agencies WHERE id <> $1 ORDER BY id LIMIT 1', [cityService.agencyId])
  tokens.agencyA = (await createToken(app.db, { role: 'agency', agencyId: cityService.agencyId })).token
  tokens.agencyB = (await createToken(app.db, { role: 'agency', agencyId: otherAgency })).token
  tokens.operator = (await createToken(app.db, { role: 'operator' })).token
  tokens.analyst = (await createToken(app.db, { role: 'analyst' })).token
})
afterAll(() => app.close())

describe('who may read and announce', () => {
  const ENDPOINTS = () =>
    [
      ['GET', '/v1/admin/probes', 'operator'],
      ['GET', '/v1/admin/probes/cities', 'operator'],
      ['POST', `/v1/admin/services/${cityService.id}/maintenance`, 'operator'],
      ['GET', '/v1/agency/probes', 'agencyA'],
      ['POST', `/v1/agency/services/${cityService.id}/maintenance`, 'agencyA'],
    ] as const

  it('anonymous → 401, analysts → 403, the other side → 403', async () => {
    for (const [method, url, role] of ENDPOINTS()) {
      expect([url, (await call(method, url, undefined, method === 'POST' ? window(HOUR, HOUR) : undefined)).statusCode]).toEqual([url, 401])
      expect([url, (await call(method, url, 'analyst', method === 'POST' ? window(HOUR, HOUR) : undefined)).statusCode]).toEqual([url, 403])
      const wrong = role === 'operator' ? 'agencyA' : 'operator'
      expect([url, (await call(method, url, wrong, method === 'POST' ? window(HOUR, HOUR) : undefined)).statusCode]).toEqual([url, 403])
    }
    expect(await app.db.query('SELECT id FROM maintenance_windows')).toEqual([])
  })

  it("agency B cannot announce maintenance for agency A's service (404, nothing stored); agency A can", async () => {
    const refused = await call('POST', `/v1/agency/services/${cityService.id}/maintenance`, 'agencyB', window(HOUR, HOUR))
    expect(refused.statusCode).toBe(404)
    expect(refused.json().error.code).toBe('SERVICE_NOT_FOUND')
    expect(await app.db.query('SELECT id FROM maintenance_windows')).toEqual([])

    const body = window(HOUR, 2 * HOUR, '机房搬迁，暂停服务')
    const ok = await call('POST', `/v1/agency/services/${cityService.id}/maintenance`, 'agencyA', body)
    expect(ok.statusCode).toBe(201)
    expect(ok.json().window).toMatchObject({ serviceId: cityService.id, startsAt: body.startsAt, endsAt: body.endsAt, note: body.note, announcedBy: `agency:${cityService.agencyId}` })
    const [audit] = await app.db.query<{ actor: string; action: string; subject: string }>(`SELECT actor, action, subject FROM audit_log WHERE action = 'service.maintenance'`)
    expect(audit).toEqual({ actor: `agency:${cityService.agencyId}`, action: 'service.maintenance', subject: cityService.id })

    // B's own list does not show A's service; A's does, with the window.
    const mine = (await call('GET', '/v1/agency/probes', 'agencyA')).json()
    expect(mine.services.map((s: { serviceId: string }) => s.serviceId)).toEqual([cityService.id])
    expect(mine.services[0].maintenance).toEqual([ok.json().window].map(({ serviceId: _, ...w }) => w))
    const theirs = (await call('GET', '/v1/agency/probes', 'agencyB')).json()
    expect(theirs.services.map((s: { serviceId: string }) => s.serviceId)).not.toContain(cityService.id)
  })

  it('an operator records a window for any service, also one that began up to 7 days ago', async () => {
    const res = await call('POST', `/v1/admin/services/${nationalService}/maintenance`, 'operator', window(-24 * HOUR, HOUR))
    expect(res.statusCode).toBe(201)
    expect(res.json().window.announcedBy).toMatch(/^operator:[a-z0-9]{10}$/)
    expect((await call('POST', '/v1/admin/services/no-such-service/maintenance', 'operator', window(HOUR, HOUR))).statusCode).toBe(404)
  })
})

describe('maintenance windows are checked', () => {
  const expect422 = async (who: string, body: object, path: string) => {
    const url = who === 'operator' ? `/v1/admin/services/${cityService.id}/maintenance` : `/v1/agency/services/${cityService.id}/maintenance`
    const res = await call('POST', url, who, body)
    expect([res.statusCode, res.json().error.code]).toEqual([422, 'MAINTENANCE_WINDOW_INVALID'])
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path)
  }

  it('the end comes after the start; at most 8 hours long (03-index.md); not too far ahead', async () => {
    await expect422('agencyA', window(2 * HOUR, -HOUR), 'body.endsAt')
    await expect422('agencyA', window(HOUR, 0), 'body.endsAt')
    await expect422('operator', window(HOUR, 7 * 24 * HOUR + MINUTE), 'body.endsAt')
    await expect422('agencyA', window(HOUR, 8 * HOUR + MINUTE), 'body.endsAt')
    await expect422('agencyA', window(91 * 24 * HOUR, HOUR), 'body.startsAt')
  })

  it('an agency announces before the window starts (not afterwards); an operator at most 7 days back', async () => {
    await expect422('agencyA', window(-HOUR, 2 * HOUR), 'body.startsAt')
    expect((await call('POST', `/v1/agency/services/${cityService.id}/maintenance`, 'agencyA', window(-MINUTE, HOUR))).statusCode).toBe(201)
    await expect422('operator', window(-8 * 24 * HOUR, HOUR), 'body.startsAt')
  })

  it('malformed bodies are 400', async () => {
    const url = `/v1/agency/services/${cityService.id}/maintenance`
    for (const body of [{}, { ...window(HOUR, HOUR), note: '' }, { ...window(HOUR, HOUR), startsAt: 'tomorrow' }, { ...window(HOUR, HOUR), extra: 1 }, { ...window(HOUR, HOUR), startsAt: '2026-11-22T10:00:00' }]) {
      expect([body, (await call('POST', url, 'agencyA', body)).statusCode]).toEqual([body, 400])
    }
  })
})

describe('failure rates per service and per city', () => {
  it('per service for a month: down from the first of two failures until the next success, over monitored time', async () => {
    const t0 = await probeHistory(cityService.id, [20, 25])
    await probeHistory(nationalService, [20, 25, 30, 35, 40, 45, 95])
    const res = await call('GET', `/v1/admin/probes?month=${month}`, 'operator')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ from: month, to: month, rules: { downAfter: 2, probeIntervalS: 0, maxGapS: 900 } })
    const byId = new Map(res.json().services.map((s: { serviceId: string }) => [s.serviceId, s]))
    expect(byId.get(cityService.id)).toMatchObject({
      failureRate: 0.1,
      monitoredS: 6000,
      downS: 600,
      maintenanceS: 0,
      down: [{ start: new Date(t0 + 20 * MINUTE).toISOString(), end: new Date(t0 + 30 * MINUTE).toISOString(), seconds: 600, inMaintenanceS: 0 }],
      months: [{ month, failureRate: 0.1, monitoredS: 6000, downS: 600, maintenanceS: 0 }],
      gatewayErrors: { total: 0 },
    })
    // A single failure at minute 95 is not down.
    expect(byId.get(nationalService)).toMatchObject({ failureRate: 0.3, downS: 1800 })
    // Services not probed that month: listed, no rate.
    const unprobed = res.json().services.find((s: { serviceId: string }) => s.serviceId !== cityService.id && s.serviceId !== nationalService)
    expect(unprobed).toMatchObject({ failureRate: null, monitoredS: 0 })
  })

  it('per city: the mean over the monitored services available there (city, province, national)', async () => {
    const res = await call('GET', `/v1/admin/probes/cities?month=${month}`, 'operator')
    expect(res.statusCode).toBe(200)
    const cities = new Map(res.json().cities.map((c: { cityCode: string }) => [c.cityCode, c]))
    expect(cities.get(cityService.city)).toMatchObject({ failureRate: 0.2, services: 2 })
    const elsewhere = res.json().cities.find((c: { cityCode: string }) => c.cityCode !== cityService.city)
    expect(elsewhere).toMatchObject({ failureRate: 0.3, services: 1 })
    // The function the index uses says the same.
    const direct = await getCityFailureRates(app.db, { from: month, to: month, rules: rulesOf(testConfig.review), asOf: Date.now() })
    expect(direct.find((c) => c.cityCode === cityService.city)?.failureRate).toBeCloseTo(0.2)
  })

  it('over a range of months: time-weighted, with each month apart; a month with no probes has no rate', async () => {
    const res = await call('GET', `/v1/admin/probes?from=${addMonths(month, -1)}&to=${month}`, 'operator')
    const s = res.json().services.find((x: { serviceId: string }) => x.serviceId === cityService.id)
    expect(s).toMatchObject({ failureRate: 0.1, monitoredS: 6000 })
    expect(s.months.map((m: { month: string; failureRate: number | null }) => [m.month, m.failureRate])).toEqual([
      [addMonths(month, -1), null],
      [month, 0.1],
    ])
  })

  it('a maintenance window over the outage takes it out of both down and monitored time', async () => {
    const t0 = monthStart + 34 * HOUR
    await insertMaintenanceWindow(app.db, { serviceId: cityService.id, startsAt: t0 + 20 * MINUTE, endsAt: t0 + 30 * MINUTE, note: '升级', announcedBy: `agency:${cityService.agencyId}` })
    const s = (await call('GET', `/v1/admin/probes?month=${month}`, 'operator')).json().services.find((x: { serviceId: string }) => x.serviceId === cityService.id)
    expect(s).toMatchObject({ failureRate: 0, downS: 0, monitoredS: 5400, maintenanceS: 600 })
    expect(s.down).toEqual([expect.objectContaining({ seconds: 600, inMaintenanceS: 600 })])
  })

  it('stores the schedule as runs: 21 probes with one outage are three rows; the review\'s uptime check counts every probe', async () => {
    const runs = await app.db.query<{ ok: boolean; n: number }>('SELECT ok, n FROM probe_runs WHERE service_id = $1 ORDER BY first_at', [cityService.id])
    expect(runs).toEqual([{ ok: true, n: 4 }, { ok: false, n: 2 }, { ok: true, n: 15 }])
    const before = await probeStats(app.db, cityService.id)
    const recent = Date.now() - 10 * MINUTE
    for (const [i, ok] of [true, false, true].entries()) await recordScheduledProbe(app.db, { serviceId: cityService.id, at: recent + i * 5 * MINUTE, ok, note: 'x' }, MAX_GAP_MS)
    expect(await probeStats(app.db, cityService.id)).toEqual({ total: before.total + 3, failed: before.failed + 1 })
  })

  it('bad months and ranges are refused', async () => {
    expect((await call('GET', '/v1/admin/probes?month=2026-13', 'operator')).statusCode).toBe(400)
    expect((await call('GET', '/v1/admin/probes?from=2026-05&to=2026-04', 'operator')).json().error.code).toBe('MONTH_RANGE_INVALID')
    expect((await call('GET', '/v1/admin/probes?from=2024-01&to=2026-01', 'operator')).json().error.code).toBe('MONTH_RANGE_TOO_LONG')
  })
})
