import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertService } from '../../server/modules/catalog/repository'
import { type CitizenPlatform, startCitizenPlatform } from './citizen-platform'
import { freshPerson } from './fresh-person'

// A resident the simulated registry knows by name (mock/identity/app.ts).
const CAR = { plateType: '02', plate: '川A5N3K8', engineTail: '73215B' }

interface TrafficService {
  id: string
  agency_id: string
  coverage_code: string
  endpoint: string
}
interface ListedViolation {
  id: string
  payableOnline: boolean
}

let p: CitizenPlatform
let first: TrafficService
let otherCity: TrafficService
/** A second listing of the first city's traffic police (the same agency, another service id). */
const SECOND = 'second-listing-traffic'

beforeAll(async () => {
  p = await startCitizenPlatform()
  const services = await p.db.query<TrafficService>(
    `SELECT id, agency_id, coverage_code, endpoint FROM services WHERE contract = 'traffic@1' AND status = 'listed' ORDER BY id`,
  )
  first = services[0]!
  otherCity = services.find((s) => s.coverage_code !== first.coverage_code)!
  await insertService(p.db, {
    id: SECOND,
    agencyId: first.agency_id,
    name: '交通违法',
    summary: '违法查询、罚款缴纳',
    icon: 'traffic',
    domain: 'traffic',
    type: 'vehicle',
    coverage: { level: 'city', code: first.coverage_code },
    items: [{ id: `${SECOND}-1`, name: '违法缴款', kind: 'transaction' }],
    contract: 'traffic@1',
    endpoint: first.endpoint,
    status: 'listed',
    stars: null,
  })
}, 60_000)
afterAll(() => p?.stop())

async function verifiedCitizenWithCar(car = CAR) {
  const c = await p.citizen()
  expect((await c.call('POST', '/v1/me/identity', freshPerson())).statusCode).toBe(200)
  const bound = await c.call('POST', '/v1/me/vehicles', car)
  expect(bound.statusCode).toBe(201)
  return { c, vehicleId: bound.json().vehicle.id as string }
}

const violationsUrl = (serviceId: string, vehicleId: string) => `/v1/services/${serviceId}/vehicles/${vehicleId}/violations`

describe('a traffic violation belongs to one city and is paid once', () => {
  it("two cities' traffic services list other violations of the same vehicle; one city's cannot be paid through the other", async () => {
    const { c, vehicleId } = await verifiedCitizenWithCar()
    const here = (await c.call('GET', violationsUrl(first.id, vehicleId))).json().violations as ListedViolation[]
    const there = (await c.call('GET', violationsUrl(otherCity.id, vehicleId))).json().violations as ListedViolation[]
    expect(here.length).toBeGreaterThan(0)
    expect(there.length).toBeGreaterThan(0)
    expect(here.filter((v) => there.some((w) => w.id === v.id))).toEqual([])
    const fine = here.find((v) => v.payableOnline)!
    const elsewhere = await c.call('POST', `${violationsUrl(otherCity.id, vehicleId)}/${fine.id}/payments`, {})
    expect(elsewhere.statusCode).toBe(404)
    expect(elsewhere.json().error.code).toBe('VIOLATION_NOT_FOUND')
  })

  it('a fine with an open or finished payment in one listing is refused in another: 409 ALREADY_PAID with a Chinese message', async () => {
    const { c, vehicleId } = await verifiedCitizenWithCar()
    const listed = (await c.call('GET', violationsUrl(SECOND, vehicleId))).json().violations as ListedViolation[]
    const fine = listed.find((v) => v.payableOnline)!
    const opened = await c.call('POST', `${violationsUrl(first.id, vehicleId)}/${fine.id}/payments`, {})
    expect(opened.statusCode).toBe(201)
    const { orderId } = opened.json().payment

    const whileOpen = await c.call('POST', `${violationsUrl(SECOND, vehicleId)}/${fine.id}/payments`, {})
    expect(whileOpen.statusCode).toBe(409)
    expect(whileOpen.json().error).toMatchObject({ code: 'ALREADY_PAID', message: expect.stringContaining('该违法已在其他服务中发起缴款') })

    expect((await c.call('POST', `/v1/me/payments/${orderId}/simulated-pay`, {})).json().payment.status).toBe('done')
    const afterPaid = await c.call('POST', `${violationsUrl(SECOND, vehicleId)}/${fine.id}/payments`, {})
    expect(afterPaid.statusCode).toBe(409)
    expect(afterPaid.json().error.code).toBe('ALREADY_PAID')
    expect(afterPaid.json().error.message).toMatch(/[\u4e00-\u9fff]/)
    expect(await p.db.query(`SELECT order_id FROM payments WHERE subject = $1`, [`violation:${fine.id}`])).toHaveLength(1)
  })
})

describe('the database keeps one open or paid payment per violation (migration 017)', () => {
  it('two listings racing to open the same fine: one order, the others 409 ALREADY_PAID or that same order', async () => {
    // Another car: the fines of CAR were paid above.
    const { c, vehicleId } = await verifiedCitizenWithCar({ ...CAR, plate: '川A5M3K8' })
    const listed = (await c.call('GET', violationsUrl(first.id, vehicleId))).json().violations as ListedViolation[]
    await c.call('GET', violationsUrl(SECOND, vehicleId))
    const fine = listed.find((v) => v.payableOnline)!
    const attempts = await Promise.all(
      [first.id, SECOND, first.id, SECOND, first.id, SECOND].map((serviceId) => c.call('POST', `${violationsUrl(serviceId, vehicleId)}/${fine.id}/payments`, {})),
    )
    const opened = attempts.filter((r) => r.statusCode === 201 || r.statusCode === 200)
    const refused = attempts.filter((r) => r.statusCode === 409)
    expect(opened.length + refused.length).toBe(attempts.length)
    expect(new Set(opened.map((r) => r.json().payment.orderId)).size).toBe(1)
    for (const r of refused) expect(r.json().error.code).toBe('ALREADY_PAID')
    expect(await p.db.query(`SELECT order_id FROM payments WHERE subject = $1 AND status <> 'closed'`, [`violation:${fine.id}`])).toHaveLength(1)
  })

  it('refuses a second open payment of a violation in another service, but not once the first is closed', async () => {
    const [row] = await p.db.query<{ citizen_id: string; pay_agency_id: string }>(`SELECT citizen_id, pay_agency_id FROM payments LIMIT 1`)
    const insert = (orderId: string, serviceId: string) =>
      p.db.query(
        `INSERT INTO payments (order_id, citizen_id, service_id, subject, description, amount_fen, pay_agency_id) VALUES ($1, $2, $3, 'violation:9000000000000017', '交通违法罚款', 5000, $4)`,
        [orderId, row!.citizen_id, serviceId, row!.pay_agency_id],
      )
    await insert('oc017a', first.id)
    await expect(insert('oc017b', SECOND)).rejects.toMatchObject({ code: '23505', constraint: 'payments_one_per_violation' })
    await p.db.query(`UPDATE payments SET status = 'closed' WHERE order_id = 'oc017a'`)
    await insert('oc017c', SECOND)
  })

  it('applies over data that already paid a violation twice: the later payment names the first, and new ones are refused', async () => {
    const [row] = await p.db.query<{ citizen_id: string; pay_agency_id: string }>(`SELECT citizen_id, pay_agency_id FROM payments LIMIT 1`)
    const db = p.db
    await db.exec('DROP INDEX payments_one_per_violation; ALTER TABLE payments DROP COLUMN duplicate_of')
    for (const [orderId, serviceId, minutesAgo] of [['oc017old1', first.id, 60], ['oc017old2', SECOND, 30]] as const) {
      await db.query(
        `INSERT INTO payments (order_id, citizen_id, service_id, subject, description, amount_fen, pay_agency_id, status, paid_at, created_at)
         VALUES ($1, $2, $3, 'violation:9000000000000018', '交通违法罚款', 5000, $4, 'done', now(), now() - make_interval(mins => $5))`,
        [orderId, row!.citizen_id, serviceId, row!.pay_agency_id, minutesAgo],
      )
    }
    await db.exec(readFileSync('server/db/migrations/017_pay15.sql', 'utf8'))
    expect(await db.query(`SELECT order_id, duplicate_of FROM payments WHERE subject = 'violation:9000000000000018' ORDER BY created_at`)).toEqual([
      { order_id: 'oc017old1', duplicate_of: null },
      { order_id: 'oc017old2', duplicate_of: 'oc017old1' },
    ])
    expect(await db.query(`SELECT count(*)::int AS n FROM payments WHERE duplicate_of IS NOT NULL`)).toEqual([{ n: 1 }])
  })
})

describe('the list says what the violation page says', () => {
  it("each unpaid violation's 应缴 in the list equals its detail's payableFen (fine + late fee), and the summary adds them up", async () => {
    const { c, vehicleId } = await verifiedCitizenWithCar()
    const { violations, summary } = (await c.call('GET', violationsUrl(first.id, vehicleId))).json() as {
      violations: (ListedViolation & { status: string; fineFen: number; lateFeeFen: number; payableFen: number })[]
      summary: { unpaidFineFen: number; unpaidLateFeeFen: number; unpaidPayableFen: number }
    }
    for (const v of violations) {
      const detail = (await c.call('GET', `${violationsUrl(first.id, vehicleId)}/${v.id}`)).json().violation
      expect([v.lateFeeFen, v.payableFen]).toEqual([detail.lateFeeFen, detail.payableFen])
    }
    const unpaid = violations.filter((v) => v.status === 'unpaid')
    expect(unpaid.some((v) => v.lateFeeFen > 0)).toBe(true)
    expect(summary.unpaidLateFeeFen).toBe(unpaid.reduce((n, v) => n + v.lateFeeFen, 0))
    expect(summary.unpaidPayableFen).toBe(summary.unpaidFineFen + summary.unpaidLateFeeFen)
  })
})
