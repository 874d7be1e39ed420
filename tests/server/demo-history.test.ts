import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Db } from '../../server/db/db'
import { createToken } from '../../server/modules/auth/service'
import { type DemoProbeHistory, fillDemoProbeHistory } from '../../server/seed/demo-probe-history'
import { addMonths } from '../../src/domain/calendar-months'
import { chinaMonthOf, chinaMonthPeriod, probeRuns } from '../../src/domain/downtime'
import { recordScheduledProbe } from '../../server/modules/probes/repository'
import { failureRatesOver, getServiceFailureRates, rulesOf } from '../../server/modules/probes/service'
import { testApp, testConfig } from './test-app'

// The history must go through the prober's own recording: counted here, behaviour unchanged.
const recorded = vi.hoisted(() => ({ calls: 0 }))
vi.mock('../../server/modules/probes/repository', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../server/modules/probes/repository')>()
  return {
    ...original,
    recordScheduledProbes: (...args: Parameters<typeof original.recordScheduledProbes>) => {
      recorded.calls++
      return original.recordScheduledProbes(...args)
    },
  }
})

const INTERVAL_MS = 300_000
let app: FastifyInstance & { db: Db }
let analyst: string
let operator: string
let history: DemoProbeHistory
const current = chinaMonthOf(Date.now())
const from = addMonths(current, -12)
const to = addMonths(current, -1)

beforeAll(async () => {
  // The database of a real first start (the demo onboarded), then the first start's probe history on it.
  app = await testApp()
  analyst = (await createToken(app.db, { role: 'analyst' })).token
  operator = (await createToken(app.db, { role: 'operator' })).token
  history = await fillDemoProbeHistory(app.db, { intervalMs: INTERVAL_MS })
  console.log(`demo probe history: ${history.services} services, ${history.runs} runs, ${history.incidents} incidents, ${history.windows} maintenance windows in ${history.ms} ms`)
}, 60_000)
afterAll(() => app.close())

const get = (url: string, token: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } })

interface ServiceRow {
  serviceId: string
  failureRate: number | null
  downS: number
  maintenanceS: number
  maintenance: { startsAt: string; endsAt: string; announcedBy: string; announcedAt: string }[]
}

describe('the first start’s probe history', () => {
  it('gives every city a failure rate over the default period, twelve complete months', async () => {
    const res = await get('/v1/stats/index', analyst)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ from, to })
    expect(body.weights.omitted).not.toContain('failureRate')
    expect(body.rows.length).toBeGreaterThan(300)
    const without = body.rows.filter((r: { indicators: { failureRate?: { value: number | null } } }) => typeof r.indicators.failureRate?.value !== 'number')
    expect(without.map((r: { code: string }) => r.code)).toEqual([])
  })

  it('is written through the prober’s recording (recordScheduledProbes), one run per up or down period, quickly', async () => {
    expect(history.services).toBeGreaterThan(300)
    expect(history.late).toBe(0)
    // One call for every service's year of probes, folded into runs as the schedule folds them.
    expect(recorded.calls).toBe(1)
    const [{ n }] = (await app.db.query<{ n: number }>('SELECT count(*)::int AS n FROM probe_runs')) as [{ n: number }]
    expect(n).toBe(history.runs)
    expect(history.runs).toBeLessThan(history.services * 4)
    expect(history.ms).toBeLessThan(20_000)
  })

  it('stores exactly what probing every 5 minutes would have stored', async () => {
    const [svc] = await app.db.query<{ id: string }>(`SELECT service_id AS id FROM probe_runs WHERE NOT ok GROUP BY service_id ORDER BY count(*) DESC, service_id LIMIT 1`)
    const runs = await app.db.query<{ first: number; last: number; ok: boolean; n: number }>(
      `SELECT round(extract(epoch FROM first_at) * 1000)::float8 AS first, round(extract(epoch FROM last_at) * 1000)::float8 AS last, ok, n FROM probe_runs WHERE service_id = $1 ORDER BY first_at`,
      [svc!.id],
    )
    expect(runs.length).toBeGreaterThanOrEqual(3)
    // Probe by probe over the same moments and outcomes, the schedule's own folding gives the same runs.
    const probes = runs.flatMap((r) => Array.from({ length: r.n }, (_, i) => ({ at: r.first + i * INTERVAL_MS, ok: r.ok })))
    expect(runs.every((r) => r.first + (r.n - 1) * INTERVAL_MS === r.last)).toBe(true)
    expect(probeRuns(probes, 3 * INTERVAL_MS)).toEqual(runs)
    expect(runs[0]!.first).toBe(chinaMonthPeriod(from).start)
  })

  it('ends where the live prober carries on: its next probe extends the last run', async () => {
    const [svc] = await app.db.query<{ id: string }>(`SELECT service_id AS id FROM probe_runs ORDER BY service_id LIMIT 1`)
    expect(await recordScheduledProbe(app.db, { serviceId: svc!.id, at: Date.now(), ok: true, note: 'HTTP 401' }, 3 * INTERVAL_MS)).toBe('extend')
  })

  it('has incidents of hours at a few services, announced maintenance (within the limits) at others, and most up', async () => {
    const res = await get(`/v1/admin/probes?from=${from}&to=${to}`, operator)
    expect(res.statusCode).toBe(200)
    const services: ServiceRow[] = res.json().services
    const rated = services.filter((s) => s.failureRate !== null)
    const failing = rated.filter((s) => s.failureRate! > 0)
    expect(failing.length).toBeGreaterThan(10)
    expect(failing.length).toBeLessThan(rated.length / 4)
    expect(rated.filter((s) => s.failureRate === 0).length).toBeGreaterThan(rated.length / 2)
    // An incident: hours down, a small rate over a year.
    for (const s of failing) {
      expect(s.downS).toBeGreaterThanOrEqual(3600)
      expect(s.failureRate!).toBeLessThan(0.01)
    }
    // Maintenance: announced by the agency before it began, ≤ 8 h each, ≤ 24 h a month, its down time not counted.
    const maintained = services.filter((s) => s.maintenance.length > 0)
    expect(maintained.length).toBeGreaterThan(10)
    for (const s of maintained) {
      expect(s.maintenanceS).toBeGreaterThan(0)
      const perMonth = new Map<string, number>()
      for (const w of s.maintenance) {
        const ms = Date.parse(w.endsAt) - Date.parse(w.startsAt)
        expect(ms).toBeLessThanOrEqual(8 * 3_600_000)
        expect(Date.parse(w.announcedAt)).toBeLessThan(Date.parse(w.startsAt))
        expect(w.announcedBy).toMatch(/^agency:/)
        perMonth.set(chinaMonthOf(Date.parse(w.startsAt)), (perMonth.get(chinaMonthOf(Date.parse(w.startsAt))) ?? 0) + ms)
      }
      for (const ms of perMonth.values()) expect(ms).toBeLessThanOrEqual(24 * 3_600_000)
    }
    const onlyMaintenance = maintained.filter((s) => !failing.includes(s))
    expect(onlyMaintenance.length).toBeGreaterThan(5)
    for (const s of onlyMaintenance) expect(s.failureRate).toBe(0)
  })

  it('the index reads the same failure rates as the failure-rate page, through its leaner path (failureRatesOver)', async () => {
    const q = { from, to, rules: rulesOf(testConfig.review), asOf: Date.now() }
    const page = await getServiceFailureRates(app.db, q)
    const index = await failureRatesOver(app.db, q)
    expect(page.filter((s) => s.failureRate !== null).length).toBeGreaterThan(100)
    for (const s of page) expect(index.get(s.serviceId) ?? null, s.serviceId).toBe(s.failureRate)
  })
})

describe('the demo catalog', () => {
  it('differs between cities as in reality: many levels of richness, a big city above a small one', async () => {
    const rows: { code: string; indicators: { richness: { value: number } } }[] = (await get('/v1/stats/index', analyst)).json().rows
    const richness = new Map(rows.map((r) => [r.code, r.indicators.richness.value]))
    expect(new Set(richness.values()).size).toBeGreaterThan(8)
    // 深圳 offers all 21 key items; 凉山 (unranked) only what the Sichuan-wide 社保 offers; a city ranked 16–40 something between.
    expect(richness.get('440300')).toBe(1)
    expect(richness.get('513400')!).toBeLessThan(richness.get('440300')!)
    const middle = [...richness.values()].filter((v) => v > 15 / 21 && v < 1)
    expect(middle.length).toBeGreaterThan(10)
  })
})
