import { Value } from 'typebox/value'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PayViolationResult } from '../../server/contracts/traffic'
import { LicencePoints, ViolationDetail, ViolationList, type Violation } from '../../src/api/traffic'
import { NOT_PAYABLE, generateViolations } from '../../mock/traffic/data'
import { buildTrafficAgency } from '../../mock/traffic/app'
import { cityOfTenant } from '../../mock/shared/tenant-city'
import { itEnforcesSignatures } from '../fixtures/agency-security'
import { expectError, signedClient, unmaskedPii } from '../fixtures/signed-inject'
import { validManifest } from '../fixtures/manifests'

const SECRET = 'traffic-secret-for-tests'
const NOW = Date.parse('2025-06-18T10:00:00+08:00')
const clock = () => NOW
// Only the vehicle: the fixture may carry more (e.g. a licence number) than the list operation accepts.
const { plate, plateType, engineTail } = validManifest('traffic@1').fixtures as { plate: string; plateType: string; engineTail: string }
const vehicle = { plate, plateType, engineTail }

let app: ReturnType<typeof buildTrafficAgency>
let client: ReturnType<typeof signedClient>
beforeAll(async () => {
  app = buildTrafficAgency({ secret: SECRET, now: clock })
  await app.ready()
  client = signedClient(app, SECRET, clock)
})
afterAll(() => app.close())

const list = async (body: unknown = vehicle) => client.post('/v1/violations/query', body)

describe('traffic@1 mock: violations', () => {
  it('lists the fixture vehicle’s violations, valid against the shared schema', async () => {
    const res = await list()
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(Value.Check(ViolationList, body)).toBe(true)
    expect(body.violations.length).toBeGreaterThanOrEqual(2)
    expect(body.summary.count).toBe(body.violations.length)
  })

  it('is deterministic: the same vehicle gives the same records, another plate other records', async () => {
    const a = (await list()).json()
    const b = (await list()).json()
    expect(b).toEqual(a)
    const other = (await list({ ...vehicle, plate: '粤B8K7N2' })).json()
    expect(other.violations.map((v: Violation) => v.id)).not.toEqual(a.violations.map((v: Violation) => v.id))
  })

  it('every vehicle has a payable fine and one that is not payable online, with its reason', async () => {
    for (const plate of ['川A12345', '粤B8K7N2', '京AD12345', '沪C99999', '川F6E5D4']) {
      const { violations } = (await list({ ...vehicle, plate })).json() as { violations: Violation[] }
      expect(violations.some((v) => v.payableOnline && v.status === 'unpaid')).toBe(true)
      const notPayable = violations.filter((v) => !v.payableOnline)
      expect(notPayable.length).toBeGreaterThan(0)
      for (const v of violations) {
        if (v.payableOnline) expect(v.notPayableReason).toBeUndefined()
        else expect(v.notPayableReason).toMatch(/\S/)
      }
    }
  })

  it('the summary adds up the unpaid fines and points', async () => {
    const { violations, summary } = (await list({ ...vehicle, plate: '川F6E5D4' })).json() as { violations: Violation[]; summary: any }
    const unpaid = violations.filter((v) => v.status === 'unpaid')
    expect(summary).toEqual({
      count: violations.length,
      unpaidCount: unpaid.length,
      unpaidFineFen: unpaid.reduce((s, v) => s + v.fineFen, 0),
      unpaidPoints: unpaid.reduce((s, v) => s + v.points, 0),
    })
  })

  it('an unregistered vehicle → 404 VEHICLE_NOT_FOUND', async () => {
    expectError(await list({ ...vehicle, plate: '川A00000' }), 404, 'VEHICLE_NOT_FOUND')
    expectError(await list({ ...vehicle, engineTail: '000000' }), 404, 'VEHICLE_NOT_FOUND')
  })

  it.each([
    ['a malformed plate', { ...vehicle, plate: '川A1234' }],
    ['a plate with the letter O', { ...vehicle, plate: '川AO1234' }],
    ['a missing engine tail', { plate: vehicle.plate, plateType: vehicle.plateType }],
    ['an unknown field', { ...vehicle, vin: 'x' }],
    ['a number for the plate type', { ...vehicle, plateType: 2 }],
  ])('%s → 400 VALIDATION_FAILED with details', async (_name, body) => {
    const res = await list(body)
    expectError(res, 400, 'VALIDATION_FAILED')
    expect(res.json().error.details.length).toBeGreaterThan(0)
  })

  it('malformed JSON → 400 INVALID_JSON, a missing body → 400', async () => {
    expectError(await client.call({ method: 'POST', url: '/v1/violations/query', rawBody: '{"plate":' }), 400, 'INVALID_JSON')
    expectError(await client.call({ method: 'POST', url: '/v1/violations/query' }), 400, 'VALIDATION_FAILED')
  })

  it('violation detail validates and says why a violation cannot be paid online', async () => {
    const { violations } = (await list()).json() as { violations: Violation[] }
    for (const v of violations) {
      const res = await client.get(`/v1/violations/${v.id}`)
      expect(res.statusCode).toBe(200)
      const detail = res.json()
      expect(Value.Check(ViolationDetail, detail)).toBe(true)
      expect(detail).toMatchObject({ id: v.id, fineFen: v.fineFen, payableOnline: v.payableOnline })
      if (!v.payableOnline) expect(detail.notPayableReason).toBeTruthy()
      expect(detail.payableFen).toBe(v.status === 'unpaid' ? v.fineFen + detail.lateFeeFen : 0)
    }
  })

  it('unknown or malformed violation ids → 404 / 400', async () => {
    expectError(await client.get('/v1/violations/1234567890123456'), 404, 'VIOLATION_NOT_FOUND')
    expectError(await client.get('/v1/violations/abc'), 400, 'VALIDATION_FAILED')
  })
})

describe('traffic@1 mock: a violation belongs to the city where it happened', () => {
  it("two cities' police know the same plate's violations apart: other records, other record numbers, each unknown to the other", async () => {
    const cities = ['deyang-traffic', 'shenzhen-traffic', 'beijing-traffic'].map((tenantId) => buildTrafficAgency({ secret: SECRET, now: clock, tenantId }))
    try {
      const clients = cities.map((a) => signedClient(a, SECRET, clock))
      const lists = await Promise.all(clients.map(async (c) => (await c.post('/v1/violations/query', vehicle)).json() as { violations: Violation[] }))
      const ids = lists.map((l) => l.violations.map((v) => v.id))
      expect(new Set(ids.flat()).size).toBe(ids.flat().length)
      // 深圳's police have no record of 德阳's violation, even for a vehicle they know.
      expectError(await clients[1]!.get(`/v1/violations/${ids[0]![0]}`), 404, 'VIOLATION_NOT_FOUND')
      const detail = (await clients[1]!.get(`/v1/violations/${ids[1]![0]}`)).json()
      expect(detail.authority).toMatch(/^深圳市公安局交通警察支队/)
      // Still the same records in one city on every request.
      expect(((await clients[0]!.post('/v1/violations/query', vehicle)).json() as { violations: Violation[] }).violations.map((v) => v.id)).toEqual(ids[0])
    } finally {
      await Promise.all(cities.map((a) => a.close()))
    }
  })

  it('the records depend on the city, for any plate', () => {
    const now = Date.parse('2026-11-22T10:00:00+08:00')
    const deyang = cityOfTenant('deyang-traffic', 'traffic')
    const xining = cityOfTenant('xining-traffic', 'traffic')
    expect(xining.name).toBe('西宁')
    for (let i = 0; i < 50; i++) {
      const plate = `川A${String(20000 + i)}`
      const a = generateViolations(plate, '02', deyang, now).map((v) => v.id)
      const b = generateViolations(plate, '02', xining, now).map((v) => v.id)
      expect(a.filter((id) => b.includes(id))).toEqual([])
    }
  })
})

describe('traffic@1 mock: paying a fine', () => {
  const payable = async (plate: string) => {
    const { violations } = (await list({ ...vehicle, plate })).json() as { violations: Violation[] }
    const v = violations.find((x) => x.payableOnline)!
    const detail = (await client.get(`/v1/violations/${v.id}`)).json()
    return { v, due: detail.payableFen as number, others: violations }
  }

  it('pays once; the same orderId gets the same answer and is never charged twice', async () => {
    const { v, due } = await payable('川A12345')
    const order = { violationId: v.id, orderId: 'ORD-traffic-0001', amountFen: due }
    const first = await client.post('/v1/violations/pay', order)
    expect(first.statusCode).toBe(200)
    expect(Value.Check(PayViolationResult, first.json())).toBe(true)
    const again = await client.post('/v1/violations/pay', order)
    expect(again.statusCode).toBe(200)
    expect(again.json()).toEqual(first.json())
    // Concurrent retries of the same order: all the same answer.
    const retries = await Promise.all(Array.from({ length: 20 }, () => client.post('/v1/violations/pay', order)))
    expect(new Set(retries.map((r) => r.body))).toEqual(new Set([first.body]))

    const listed = ((await list()).json() as { violations: Violation[] }).violations.find((x) => x.id === v.id)!
    expect(listed).toMatchObject({ status: 'paid', payableOnline: false })
    const detail = (await client.get(`/v1/violations/${v.id}`)).json()
    expect(detail).toMatchObject({ status: 'paid', orderId: order.orderId, payableFen: 0 })
  })

  it('another order for a paid fine → 409 ALREADY_PAID; the same orderId for something else → 409 ORDER_CONFLICT', async () => {
    const { violations } = (await list()).json() as { violations: Violation[] }
    const paid = violations.find((x) => x.status === 'paid' && x.notPayableReason)!
    expectError(await client.post('/v1/violations/pay', { violationId: paid.id, orderId: 'ORD-traffic-0002', amountFen: paid.fineFen }), 409, 'ALREADY_PAID')
    expectError(await client.post('/v1/violations/pay', { violationId: paid.id, orderId: 'ORD-traffic-0001', amountFen: 1 }), 409, 'ORDER_CONFLICT')
  })

  it('a wrong amount → 422 AMOUNT_MISMATCH and nothing is paid', async () => {
    const { v, due } = await payable('粤B8K7N2')
    expectError(await client.post('/v1/violations/pay', { violationId: v.id, orderId: 'ORD-traffic-0003', amountFen: due - 1 }), 422, 'AMOUNT_MISMATCH')
    const ok = await client.post('/v1/violations/pay', { violationId: v.id, orderId: 'ORD-traffic-0004', amountFen: due })
    expect(ok.statusCode).toBe(200)
  })

  it('a fine that is not payable online → 422 NOT_PAYABLE_ONLINE', async () => {
    const { others } = await payable('沪C99999')
    const v = others.find((x) => !x.payableOnline && x.status === 'unpaid')!
    expectError(await client.post('/v1/violations/pay', { violationId: v.id, orderId: 'ORD-traffic-0005', amountFen: v.fineFen }), 422, 'NOT_PAYABLE_ONLINE')
  })

  it('concurrent payments of one fine with different orders: exactly one succeeds', async () => {
    const { v, due } = await payable('京AD12345')
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => client.post('/v1/violations/pay', { violationId: v.id, orderId: `ORD-race-${i}`, amountFen: due })),
    )
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1)
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().error.code === 'ALREADY_PAID')).toBe(true)
    expect(results.filter((r) => r.statusCode === 409)).toHaveLength(29)
  })

  it('bad pay input → 400 with details', async () => {
    expectError(await client.post('/v1/violations/pay', { violationId: '1', orderId: 'x', amountFen: -5 }), 400, 'VALIDATION_FAILED')
    expectError(await client.post('/v1/violations/pay', { violationId: '1234567890123456', orderId: 'ORD-traffic-0006', amountFen: 100 }), 404, 'VIOLATION_NOT_FOUND')
  })
})

describe('traffic@1 mock: licence points', () => {
  it('answers points and the scoring cycle, with the licence number masked', async () => {
    const res = await client.post('/v1/licence/points', { licenceNo: '510600199001010011' })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(Value.Check(LicencePoints, body)).toBe(true)
    expect(body.licenceNo).toBe('5106**********0011')
    expect(body.cycleStart <= '2025-06-18' && '2025-06-18' <= body.cycleEnd).toBe(true)
    expect(body.status).toBe(body.points >= 12 ? 'full' : 'normal')
  })

  it('the cycle is one year from an anniversary of first issue', async () => {
    for (const id of ['510600199001010011', '440301198512120035', '110101197003070016', '320102200201310022']) {
      const body = (await client.post('/v1/licence/points', { licenceNo: id })).json()
      const start = new Date(body.cycleStart)
      const end = new Date(body.cycleEnd)
      start.setFullYear(start.getFullYear() + 1)
      expect(start.getTime() - end.getTime()).toBe(24 * 3600_000)
    }
  })

  it('a minor has no licence → 404 LICENCE_NOT_FOUND; a bad number → 400', async () => {
    expectError(await client.post('/v1/licence/points', { licenceNo: '510600201501010011' }), 404, 'LICENCE_NOT_FOUND')
    expectError(await client.post('/v1/licence/points', { licenceNo: '5106001990' }), 400, 'VALIDATION_FAILED')
  })
})

describe('traffic@1 mock: signatures', () => {
  itEnforcesSignatures(() => app, SECRET, { method: 'POST', url: '/v1/violations/query', body: vehicle }, clock)
  itEnforcesSignatures(() => app, SECRET, { method: 'GET', url: '/v1/violations/1234567890123456' }, clock)
})

describe('traffic@1 mock: PII', () => {
  it('no response body contained a full ID number or phone', () => {
    expect(client.bodies.length).toBeGreaterThan(20)
    expect(client.bodies.flatMap(unmaskedPii)).toEqual([])
  })
})

describe('traffic@1 mock: the 12-point rule', () => {
  it('a fine with points is not payable online once the vehicle’s unhandled points would reach 12; the newest stays payable', () => {
    const now = Date.parse('2026-11-22T10:00:00+08:00')
    const lists = Array.from({ length: 400 }, (_, i) => generateViolations(`川A${String(10000 + i)}`, '02', cityOfTenant('deyang-traffic', 'traffic'), now))
    const full = lists.filter((l) => l.some((v) => v.notPayableReason === NOT_PAYABLE.pointsFull))
    expect(full.length).toBeGreaterThan(0)
    for (const list of lists) {
      expect(list[0]!.payableOnline).toBe(true)
      let unhandled = 0
      for (const v of list.slice(1).reverse()) {
        if (v.status !== 'unpaid') continue
        unhandled += v.points
        if (v.notPayableReason === NOT_PAYABLE.pointsFull) expect(v.points > 0 && unhandled >= 12).toBe(true)
      }
    }
  })
})
