import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type MockAgencies, type MockTenant, startMockAgencies } from '../../mock/serve'
import { buildApp } from '../../server/app'
import type { Db } from '../../server/db/db'
import { createToken } from '../../server/modules/auth/service'
import { chinaMonthOf } from '../../src/domain/downtime'
import { freshDb, testConfig } from './test-app'

/**
 * The failure rate measured for real (03-index.md): the platform probes two
 * services every 200 ms; their simulated agencies are switched off for a
 * measured time and on again, and the computed failure rate must match
 * outage / monitored time within one probe interval.
 */
const INTERVAL_MS = 200
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface Host {
  serviceId: string
  agencyId: string
  tenants: MockTenant[]
  port: number
  mocks: MockAgencies
}

let db: Db
let app: FastifyInstance
let operator: string
let hostA: Host
let hostB: Host
let started: number
/** When the last figures read were computed. */
let asOf: number

async function host(serviceId: string, agencyId: string): Promise<Host> {
  const tenants: MockTenant[] = [{ agencyId, contract: 'traffic@1', secret: 'probe-test-secret' }]
  const mocks = await startMockAgencies({ tenants })
  await db.query('UPDATE services SET endpoint = $2 WHERE id = $1', [serviceId, mocks.endpointOf(agencyId)])
  return { serviceId, agencyId, tenants, port: Number(new URL(mocks.url).port), mocks }
}

/** Switches the agency's server off; back on on the same port after `ms`. Answers the outage as [off, on] by the test's clock. */
async function outage(h: Host, ms: number): Promise<{ off: number; on: number }> {
  const off = Date.now()
  await h.mocks.stop()
  await sleep(ms)
  h.mocks = await startMockAgencies({ tenants: h.tenants, port: h.port })
  return { off, on: Date.now() }
}

async function figures(token: string, url: string, serviceId: string) {
  const res = await app.inject({ url, headers: { authorization: `Bearer ${token}` } })
  expect(res.statusCode).toBe(200)
  asOf = Date.parse(res.json().asOf)
  return (res.json().services as { serviceId: string; failureRate: number | null; downS: number; monitoredS: number; maintenanceS: number; down: { start: string; end: string | null; seconds: number; inMaintenanceS: number }[] }[]).find(
    (s) => s.serviceId === serviceId,
  )!
}

beforeAll(async () => {
  db = await freshDb()
  // Two listed typed services of different agencies; everything else is parked so that only these two are probed.
  const [a, b] = await db.query<{ id: string; agency_id: string }>(
    `SELECT DISTINCT ON (agency_id) id, agency_id FROM services WHERE status = 'listed' AND contract NOT IN ('webview', 'miniprogram') ORDER BY agency_id, id LIMIT 2`,
  )
  await db.query(`UPDATE services SET status = 'suspended' WHERE status = 'listed' AND id NOT IN ($1, $2)`, [a!.id, b!.id])
  hostA = await host(a!.id, 'probe-a')
  hostB = await host(b!.id, 'probe-b')
  app = await buildApp({ ...testConfig, review: { ...testConfig.review, probeIntervalS: INTERVAL_MS / 1000 } }, { db, catalogCacheMaxAgeMs: 0 })
  // Getting ready compiles every route's schemas, holding the event loop for a while: probing counts from after it.
  await app.ready()
  started = Date.now()
  operator = (await createToken(db, { role: 'operator' })).token
}, 60_000)

afterAll(async () => {
  await app?.close()
  await hostA?.mocks.stop()
  await hostB?.mocks.stop()
  await db?.close()
})

describe('probing a simulated agency that goes down', () => {
  it('a known outage yields its failure rate within one probe interval', async () => {
    await sleep(1500)
    const { off, on } = await outage(hostA, 2000)
    await sleep(1500)

    const s = await figures(operator, `/v1/admin/probes?month=${chinaMonthOf(Date.now())}`, hostA.serviceId)
    const outageMs = on - off
    const elapsedMs = asOf - started
    // One down interval, starting at the first failed probe after the switch-off and ending at the first success after it is back.
    expect(s.down).toHaveLength(1)
    const [d] = s.down
    expect(Date.parse(d!.start)).toBeGreaterThanOrEqual(off)
    expect(Date.parse(d!.start)).toBeLessThanOrEqual(off + INTERVAL_MS + 50)
    expect(d!.end).not.toBeNull()
    expect(Date.parse(d!.end!)).toBeGreaterThanOrEqual(on - 50)
    expect(Date.parse(d!.end!)).toBeLessThanOrEqual(on + INTERVAL_MS + 50)
    // Monitored from the first probe (one interval after the start) until the figures were computed.
    expect(s.monitoredS * 1000).toBeGreaterThan(elapsedMs - 2 * INTERVAL_MS - 100)
    expect(s.monitoredS * 1000).toBeLessThanOrEqual(elapsedMs)
    // The measured down time and failure rate match the outage within one probe interval.
    expect(Math.abs(s.downS * 1000 - outageMs)).toBeLessThanOrEqual(INTERVAL_MS)
    expect(Math.abs(s.failureRate! - outageMs / (s.monitoredS * 1000))).toBeLessThanOrEqual(INTERVAL_MS / (s.monitoredS * 1000))
    expect(s.failureRate).toBeGreaterThan(0.2)
    // Stored as runs: up, down, up.
    const runs = await db.query<{ ok: boolean; n: number }>('SELECT ok, n FROM probe_runs WHERE service_id = $1 ORDER BY first_at', [hostA.serviceId])
    expect(runs.map((r) => r.ok)).toEqual([true, false, true])
    expect(runs[1]!.n).toBeGreaterThanOrEqual(Math.floor(outageMs / INTERVAL_MS) - 1)

    // The other agency stayed up the whole time: monitored, never down.
    const other = await figures(operator, '/v1/admin/probes', hostB.serviceId)
    expect(other).toMatchObject({ failureRate: 0, downS: 0, down: [] })
    expect(other.monitoredS).toBeGreaterThan(3)
  })

  it('an outage inside a maintenance window the agency announced before it leaves the failure rate at 0', async () => {
    const agency = (await createToken(db, { role: 'agency', agencyId: (await db.query<{ agency_id: string }>('SELECT agency_id FROM services WHERE id = $1', [hostB.serviceId]))[0]!.agency_id })).token
    const windowStart = Date.now() + 200
    const windowEnd = windowStart + 3500
    const announced = await app.inject({
      method: 'POST',
      url: `/v1/agency/services/${hostB.serviceId}/maintenance`,
      headers: { authorization: `Bearer ${agency}` },
      payload: { startsAt: new Date(windowStart).toISOString(), endsAt: new Date(windowEnd).toISOString(), note: '数据库升级' },
    })
    expect(announced.statusCode).toBe(201)

    await sleep(500)
    const { off, on } = await outage(hostB, 1500)
    expect(on + INTERVAL_MS + 100).toBeLessThan(windowEnd)
    await sleep(windowEnd - Date.now() + 1000)

    const s = await figures(agency, '/v1/agency/probes', hostB.serviceId)
    expect(s.down).toHaveLength(1)
    expect(s.down[0]!.seconds * 1000).toBeGreaterThanOrEqual(on - off - INTERVAL_MS)
    expect(s.down[0]!.inMaintenanceS).toBe(s.down[0]!.seconds)
    expect(s.downS).toBe(0)
    expect(s.failureRate).toBe(0)
    expect(s.maintenanceS * 1000).toBeGreaterThan(3500 - 100)
    expect(s.monitoredS).toBeGreaterThan(2)
  }, 30_000)
})
