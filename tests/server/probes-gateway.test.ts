import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createToken } from '../../server/modules/auth/service'
import { recordScheduledProbe } from '../../server/modules/probes/repository'
import { chinaMonthOf } from '../../src/domain/downtime'
import { type CitizenPlatform, startCitizenPlatform } from './citizen-platform'

/**
 * Gateway errors (03-index.md: passive signals shown beside the failure rate):
 * a citizen's call the agency does not answer is counted under the service,
 * the hour and its kind, and the failure rate does not move.
 */
let p: CitizenPlatform
let hospital: string
let operator: string
let hanging: Server
let hangingUrl: string

beforeAll(async () => {
  p = await startCitizenPlatform({ agencyTimeoutMs: 300 })
  ;[{ id: hospital } = { id: '' }] = await p.db.query<{ id: string }>(`SELECT id FROM services WHERE contract = 'hospital@1' AND status = 'listed' ORDER BY id LIMIT 1`)
  operator = (await createToken(p.db, { role: 'operator' })).token
  // Accepts connections and never answers.
  hanging = createServer(() => {})
  await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve))
  hangingUrl = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}/hang`
}, 60_000)
afterAll(async () => {
  hanging?.closeAllConnections()
  hanging?.close()
  await p?.stop()
})

async function withEndpoint(serviceId: string, endpoint: string, fn: () => Promise<void>) {
  const [before] = await p.db.query<{ endpoint: string }>('SELECT endpoint FROM services WHERE id = $1', [serviceId])
  await p.db.query('UPDATE services SET endpoint = $2 WHERE id = $1', [serviceId, endpoint])
  try {
    await fn()
  } finally {
    await p.db.query('UPDATE services SET endpoint = $2 WHERE id = $1', [serviceId, before!.endpoint])
  }
}

/** The counters of a service, once the fire-and-forget writes have landed. */
async function countsOf(serviceId: string, expected: number): Promise<{ hour: string; kind: string; n: number }[]> {
  for (let i = 0; i < 50; i++) {
    const rows = await p.db.query<{ hour: string; kind: string; n: number }>(
      `SELECT to_char(hour AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS hour, kind, n::int AS n FROM gateway_errors WHERE service_id = $1 ORDER BY kind`,
      [serviceId],
    )
    if (rows.reduce((s, r) => s + r.n, 0) >= expected) return rows
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  throw new Error(`fewer than ${expected} gateway errors counted for ${serviceId}`)
}

const failureOf = async (serviceId: string) => {
  const res = await p.app.inject({ url: `/v1/admin/probes?month=${chinaMonthOf(Date.now())}`, headers: { authorization: `Bearer ${operator}` } })
  expect(res.statusCode).toBe(200)
  return res.json().services.find((s: { serviceId: string }) => s.serviceId === serviceId)
}

describe('gateway errors', () => {
  it('a citizen call that times out is counted under the service, the hour and `timeout`; the failure rate is unchanged', async () => {
    // A probed history for the service this month, ended more than 3 intervals ago (so "now" does not extend it):
    // up, down for two minutes (two failures), up again: 2 of 9 minutes.
    const t0 = Date.now() - 40 * 60_000
    const probes = [true, true, false, false, true, true, true, true, true, true]
    for (const [i, ok] of probes.entries()) await recordScheduledProbe(p.db, { serviceId: hospital, at: t0 + i * 60_000, ok, note: ok ? 'HTTP 404' : 'could not connect' }, 900_000)
    const before = await failureOf(hospital)
    expect(before.failureRate).toBeCloseTo(2 / 9)
    expect(before.gatewayErrors.total).toBe(0)

    const c = await p.citizen()
    const hourStart = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000).toISOString().replace('.000Z', 'Z')
    await withEndpoint(hospital, hangingUrl, async () => {
      const res = await c.call('GET', `/v1/services/${hospital}/hospitals`)
      expect(res.statusCode).toBe(504)
      expect(res.json().error.code).toBe('AGENCY_TIMEOUT')
    })
    expect(await countsOf(hospital, 1)).toEqual([{ hour: hourStart, kind: 'timeout', n: 1 }])

    const after = await failureOf(hospital)
    expect(after.gatewayErrors).toEqual({ timeout: 1, unreachable: 0, 'server-error': 0, invalid: 0, total: 1 })
    expect(after.failureRate).toBe(before.failureRate)
    expect(after.down).toEqual(before.down)
  })

  it('counts add up per kind: a second timeout and an unreachable agency', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const closedUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/gone`
    await new Promise((resolve) => closed.close(resolve))

    const c = await p.citizen()
    await withEndpoint(hospital, hangingUrl, async () => {
      expect((await c.call('GET', `/v1/services/${hospital}/hospitals`)).statusCode).toBe(504)
    })
    await withEndpoint(hospital, closedUrl, async () => {
      const res = await c.call('GET', `/v1/services/${hospital}/hospitals`)
      expect(res.statusCode).toBe(502)
      expect(res.json().error.code).toBe('AGENCY_UNAVAILABLE')
    })
    const rows = await countsOf(hospital, 3)
    expect(rows.map((r) => [r.kind, r.n])).toEqual([
      ['timeout', 2],
      ['unreachable', 1],
    ])
    // A call that works counts nothing.
    expect((await c.call('GET', `/v1/services/${hospital}/hospitals`)).statusCode).toBe(200)
    expect((await failureOf(hospital)).gatewayErrors.total).toBe(3)
  })
})
