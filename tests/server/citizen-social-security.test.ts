import { createServer } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { piiInDatabase } from '../fixtures/pii-audit'
import { type CitizenPlatform, startCitizenPlatform } from './citizen-platform'
import { freshPerson } from './fresh-person'

// A resident the simulated registry knows by name (mock/identity/app.ts).
const PERSON = { name: '张伟', idNumber: '510603199003071238' }

let p: CitizenPlatform
let service: string
const base = () => `/v1/services/${service}/social-security`

beforeAll(async () => {
  p = await startCitizenPlatform({ agencyTimeoutMs: 1000 })
  ;[{ id: service } = { id: '' }] = await p.db.query<{ id: string }>(`SELECT id FROM services WHERE contract = 'social-security@1' AND status = 'listed' ORDER BY id LIMIT 1`)
}, 60_000)
afterAll(() => p?.stop())

const used: string[] = [PERSON.idNumber]

/** A verified citizen, each another person of the 张伟 kind (one identity binds one account). */
async function verified() {
  const c = await p.citizen()
  const person = freshPerson()
  used.push(person.idNumber)
  expect((await c.call('POST', '/v1/me/identity', person)).statusCode).toBe(200)
  return c
}

describe('社保', () => {
  it('needs 实名认证: every endpoint answers 403 IDENTITY_REQUIRED before it', async () => {
    const c = await p.citizen()
    for (const path of ['insured', 'contributions?year=2025', 'medical-account', 'e-card']) {
      const res = await c.call('GET', `${base()}/${path}`)
      expect(res.statusCode, path).toBe(403)
      expect(res.json().error).toMatchObject({ code: 'IDENTITY_REQUIRED', message: expect.stringContaining('请先完成实名认证') })
    }
  })

  it('insured status of the verified citizen, masked; contribution periods newest first', async () => {
    const res = await (await verified()).call('GET', `${base()}/insured`)
    expect(res.statusCode).toBe(200)
    expect(res.json().idNumber).toBe('5106**********1238')
    expect(res.json().insurances.map((i: { typeName: string }) => i.typeName)).toEqual(['养老保险', '医疗保险', '失业保险', '工伤保险', '生育保险'])
    const periods = res.json().employments as { from: string }[]
    expect(periods.length).toBeGreaterThan(0)
    expect(periods.map((e) => e.from)).toEqual([...periods.map((e) => e.from)].sort().reverse())
  })

  it('contributions by calendar year: January to December for a past year, to this month for this one, totals that add up; a year not begun → 422', async () => {
    const c = await verified()
    const year = new Date().getFullYear()
    const past = await c.call('GET', `${base()}/contributions?year=${year - 1}`)
    expect(past.statusCode).toBe(200)
    expect(past.json()).toMatchObject({ year: year - 1, from: `${year - 1}-01`, to: `${year - 1}-12` })
    const records = past.json().records as { month: string; personalFen: number }[]
    expect(records.every((r) => r.month.startsWith(`${year - 1}-`))).toBe(true)
    expect(past.json().totals.personalFen).toBe(records.reduce((s, r) => s + r.personalFen, 0))
    const current = (await c.call('GET', `${base()}/contributions?year=${year}`)).json()
    expect(current.to <= new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)).toBe(true)
    const future = await c.call('GET', `${base()}/contributions?year=${year + 1}`)
    expect(future.statusCode).toBe(422)
    expect(future.json().error.code).toBe('YEAR_IN_FUTURE')
    expect((await c.call('GET', `${base()}/contributions?year=1980`)).statusCode).toBe(400)
  })

  it('medical account; the e-card with masked holder and a QR payload, never cached', async () => {
    const c = await verified()
    const medical = await c.call('GET', `${base()}/medical-account`)
    expect(medical.statusCode).toBe(200)
    expect(medical.json().transactions[0].balanceAfterFen).toBe(medical.json().balanceFen)
    const card = await c.call('GET', `${base()}/e-card`)
    expect(card.statusCode).toBe(200)
    expect(card.headers['cache-control']).toBe('no-store')
    expect(card.json().person).toEqual({ name: '*伟', idNumber: '5106**********1238' })
    expect(card.json().qrPayload).toMatch(/^OCSSC1:/)
  })

  it('a bureau that does not answer → 504 with a message to retry; the retry after it is back answers', async () => {
    const c = await verified()
    const server = createServer(() => {}).listen(0, '127.0.0.1')
    await new Promise((r) => server.once('listening', r))
    const [before] = await p.db.query<{ endpoint: string }>('SELECT endpoint FROM services WHERE id = $1', [service])
    await p.db.query('UPDATE services SET endpoint = $2 WHERE id = $1', [service, `http://127.0.0.1:${(server.address() as { port: number }).port}/hang`])
    try {
      const res = await c.call('GET', `${base()}/insured`)
      expect(res.statusCode).toBe(504)
      expect(res.json().error).toMatchObject({ code: 'AGENCY_TIMEOUT', message: expect.stringContaining('稍后重试') })
    } finally {
      await p.db.query('UPDATE services SET endpoint = $2 WHERE id = $1', [service, before!.endpoint])
      server.closeAllConnections()
      server.close()
    }
    expect((await c.call('GET', `${base()}/insured`)).statusCode).toBe(200)
  })

  it('no name or ID number in any table outside the sealed columns, nor in any log line', async () => {
    expect(await piiInDatabase(p.db, [PERSON.name, ...used])).toEqual([])
    const logs = p.logs.join('')
    for (const idNumber of used) expect(logs).not.toContain(idNumber)
    expect(logs).not.toContain(PERSON.name)
  })
})
