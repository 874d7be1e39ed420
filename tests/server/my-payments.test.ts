import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type CitizenPlatform, type Citizen, startCitizenPlatform } from './citizen-platform'
import { freshPerson } from './fresh-person'

// A resident the simulated registry knows by name (mock/identity/app.ts).

let p: CitizenPlatform
let traffic: { id: string; name: string; city: string }

beforeAll(async () => {
  p = await startCitizenPlatform()
  ;[traffic = { id: '', name: '', city: '' }] = await p.db.query<{ id: string; name: string; city: string }>(
    `SELECT s.id, s.name, c.name AS city FROM services s JOIN cities c ON c.code = s.coverage_code
     WHERE s.contract = 'traffic@1' AND s.status = 'listed' AND s.coverage_level = 'city' ORDER BY s.id LIMIT 1`,
  )
}, 60_000)
afterAll(() => p?.stop())

let plates = 0
const freshPlate = () => `川A${String(20000 + ++plates * 7919).slice(-5)}`

/** A verified citizen with a car that has at least two fines payable online at the traffic service. */
async function citizenWithFines() {
  const c = await p.citizen()
  expect((await c.call('POST', '/v1/me/identity', freshPerson())).statusCode).toBe(200)
  // The simulated police derive fines from the plate: some plates have fewer than two payable.
  for (;;) {
    const plate = freshPlate()
    const bound = await c.call('POST', '/v1/me/vehicles', { plateType: '02', plate, engineTail: '73215B' })
    expect(bound.statusCode).toBe(201)
    const vehicleId = bound.json().vehicle.id as string
    const { violations } = (await c.call('GET', `/v1/services/${traffic.id}/vehicles/${vehicleId}/violations`)).json()
    const payable = violations.filter((v: { payableOnline: boolean; status: string }) => v.payableOnline && v.status === 'unpaid') as { id: string }[]
    if (payable.length < 2) {
      expect((await c.call('DELETE', `/v1/me/vehicles/${vehicleId}`)).statusCode).toBe(204)
      continue
    }
    const open = async (i: number) => {
      const answer = await c.call('POST', `/v1/services/${traffic.id}/vehicles/${vehicleId}/violations/${payable[i]!.id}/payments`, {})
      expect(answer.statusCode).toBe(201)
      return answer.json().payment as { orderId: string; amountFen: number }
    }
    return { c, plate, open }
  }
}

const list = async (c: Citizen, query = '') => {
  const answer = await c.call('GET', `/v1/me/payments${query}`)
  expect(answer.statusCode).toBe(200)
  return answer.json() as { payments: Record<string, unknown>[]; nextCursor?: string }
}

describe('我的支付 (GET /v1/me/payments)', () => {
  it('lists a paid fine with the city, the service and the plate masked, and an open order, newest first', async () => {
    const { c, plate, open } = await citizenWithFines()
    const paid = await open(0)
    expect((await c.call('POST', `/v1/me/payments/${paid.orderId}/simulated-pay`, {})).statusCode).toBe(200)
    const unpaid = await open(1)

    const { payments, nextCursor } = await list(c)
    expect(nextCursor).toBeUndefined()
    expect(payments.map((x) => x.orderId)).toEqual([unpaid.orderId, paid.orderId])
    const masked = `${plate.slice(0, 2)}***${plate.slice(-2)}`
    expect(payments[1]).toMatchObject({
      serviceId: traffic.id,
      serviceName: traffic.name,
      cityName: traffic.city,
      item: { kind: 'fine', name: '交通违法罚款', plate: masked },
      amountFen: paid.amountFen,
      state: 'paid',
      paidAt: expect.any(String),
      receiptNo: expect.any(String),
    })
    expect(payments[0]).toMatchObject({ state: 'open', item: { kind: 'fine', plate: masked } })
    expect(payments[0]).not.toHaveProperty('paidAt')
    expect(JSON.stringify(payments)).not.toContain(plate)

    // 办事记录 names the city and the plate, masked, too.
    const records = (await c.call('GET', '/v1/me/records')).json().records as Record<string, unknown>[]
    expect(records.find((r) => r.ref === paid.orderId)).toMatchObject({ cityName: traffic.city, plate: masked })
  })

  it('pages newest first with a cursor, each payment once', async () => {
    const { c, open } = await citizenWithFines()
    const orders = [await open(0), await open(1)]
    // A third, older payment of another kind: a refunded registration fee.
    const [hospital] = await p.db.query<{ id: string }>(`SELECT id FROM services WHERE contract = 'hospital@1' AND status = 'listed' ORDER BY id LIMIT 1`)
    const [{ citizen_id: citizenId } = { citizen_id: '' }] = await p.db.query<{ citizen_id: string }>('SELECT citizen_id FROM payments WHERE order_id = $1', [orders[0]!.orderId])
    await p.db.query(
      `INSERT INTO payments (order_id, citizen_id, service_id, subject, description, amount_fen, pay_agency_id, status, paid_at, refund_id, refunded_at, created_at)
       SELECT 'octestrefunded01', $1, $2, 'appointment:test-1', '预约挂号费', 2500, pay_agency_id, 'refunded', now() - interval '1 day', 'octestrefunded01-r', now(), now() - interval '1 day'
       FROM payments WHERE order_id = $3`,
      [citizenId, hospital!.id, orders[0]!.orderId],
    )

    const first = await list(c, '?size=2')
    expect(first.payments.map((x) => x.orderId)).toEqual([orders[1]!.orderId, orders[0]!.orderId])
    expect(first.nextCursor).toEqual(expect.any(String))
    const second = await list(c, `?size=2&cursor=${first.nextCursor}`)
    expect(second.nextCursor).toBeUndefined()
    expect(second.payments).toEqual([
      expect.objectContaining({ orderId: 'octestrefunded01', state: 'refunded', item: { kind: 'registration', name: '挂号费' }, amountFen: 2500, refundFen: 2500, refundedAt: expect.any(String) }),
    ])

    const bad = await c.call('GET', '/v1/me/payments?cursor=bm90LWEtY3Vyc29y')
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.code).toBe('BAD_CURSOR')
    expect((await c.call('GET', '/v1/me/payments?size=51')).statusCode).toBe(400)
  })

  it("never returns another citizen's payments, in the list, the receipt or closing", async () => {
    const { open } = await citizenWithFines()
    const mine = await open(0)
    const other = await p.citizen()
    expect((await list(other)).payments).toEqual([])
    for (const [method, url] of [['GET', `/v1/me/payments/${mine.orderId}/receipt`], ['POST', `/v1/me/payments/${mine.orderId}/close`]] as const) {
      const answer = await other.call(method, url, method === 'POST' ? {} : undefined)
      expect(answer.statusCode).toBe(404)
      expect(answer.json().error.code).toBe('PAYMENT_NOT_FOUND')
    }
    expect((await p.db.query<{ status: string }>('SELECT status FROM payments WHERE order_id = $1', [mine.orderId]))[0]!.status).toBe('created')
    expect((await p.app.inject({ method: 'GET', url: '/v1/me/payments' })).statusCode).toBe(401)
  })
})

describe('关闭订单 (POST /v1/me/payments/:orderId/close)', () => {
  it('closes an open order once: it is 已关闭, cannot be paid afterwards, its record is cancelled; a paid one cannot be closed', async () => {
    const { c, open } = await citizenWithFines()
    const order = await open(0)
    const closed = await c.call('POST', `/v1/me/payments/${order.orderId}/close`, {})
    expect(closed.statusCode).toBe(200)
    expect(closed.json().payment).toMatchObject({ orderId: order.orderId, state: 'closed' })
    // Idempotent: closing again answers the same.
    const again = await c.call('POST', `/v1/me/payments/${order.orderId}/close`, {})
    expect(again.statusCode).toBe(200)
    expect(again.json()).toEqual(closed.json())

    const pay = await c.call('POST', `/v1/me/payments/${order.orderId}/simulated-pay`, {})
    expect(pay.json().payment.status).toBe('closed')
    expect((await c.call('GET', `/v1/me/payments/${order.orderId}/receipt`)).json().payment.state).toBe('closed')
    const records = (await c.call('GET', '/v1/me/records')).json().records as { ref: string; status: string }[]
    expect(records.find((r) => r.ref === order.orderId)?.status).toBe('cancelled')

    const paid = await open(1)
    await c.call('POST', `/v1/me/payments/${paid.orderId}/simulated-pay`, {})
    const refused = await c.call('POST', `/v1/me/payments/${paid.orderId}/close`, {})
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error).toMatchObject({ code: 'PAYMENT_NOT_OPEN', message: expect.stringMatching(/[\u4e00-\u9fff]/) })
  })
})
