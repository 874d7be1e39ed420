import { Value } from 'typebox/value'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { Order, PaymentNotification, Prepay, Refund } from '../../server/contracts/payment'
import { verifyRequest } from '../../server/contracts/signing'
import { buildPaymentAgency } from '../../mock/payment/app'
import { itEnforcesSignatures } from '../fixtures/agency-security'
import { validManifest } from '../fixtures/manifests'
import { expectError, signedClient, unmaskedPii } from '../fixtures/signed-inject'

const SECRET = 'payment-secret-for-tests'
const START = Date.parse('2025-06-18T10:00:00+08:00')
let nowMs = START
const clock = () => nowMs
const delivered: { url: string; headers: Record<string, string>; body: string }[] = []
const { amountFen } = validManifest('payment@1').fixtures as { amountFen: number }
const NOTIFY = 'http://127.0.0.1:3000/v1/payments/notify?agency=pay'

let app: ReturnType<typeof buildPaymentAgency>
let client: ReturnType<typeof signedClient>
beforeAll(async () => {
  app = buildPaymentAgency({ secret: SECRET, now: clock, deliver: async (url, req) => void delivered.push({ url, ...req }) })
  await app.ready()
  client = signedClient(app, SECRET, clock)
})
afterAll(() => app.close())
beforeEach(() => {
  nowMs = START
})

const create = (orderId: string, amount = amountFen, description = '交通违法罚款') =>
  client.post('/v1/orders', { orderId, amountFen: amount, description, notifyUrl: NOTIFY })
const pay = (orderId: string) => client.post(`/v1/orders/${orderId}/simulate-pay`, {})

describe('payment@1 mock: orders', () => {
  it('creates an order with prepay parameters; the same orderId gets the same answer', async () => {
    const res = await create('ORD-pay-0001')
    expect(res.statusCode).toBe(200)
    expect(Value.Check(Prepay, res.json())).toBe(true)
    expect(res.json().amountFen).toBe(amountFen)
    nowMs += 60_000
    expect((await create('ORD-pay-0001')).json()).toEqual(res.json())
    expectError(await create('ORD-pay-0001', amountFen + 1), 409, 'ORDER_CONFLICT')
  })

  it('queries an order: created, then paid after the citizen pays, with a signed notify sent once', async () => {
    await create('ORD-pay-0002', 20_000)
    const before = await client.get('/v1/orders/ORD-pay-0002')
    expect(Value.Check(Order, before.json())).toBe(true)
    expect(before.json()).toMatchObject({ status: 'created', refundedFen: 0 })

    const sent = delivered.length
    expect((await pay('ORD-pay-0002')).statusCode).toBe(200)
    expect((await pay('ORD-pay-0002')).statusCode).toBe(200)
    expect(delivered.length).toBe(sent + 1)
    const after = (await client.get('/v1/orders/ORD-pay-0002')).json()
    expect(Value.Check(Order, after)).toBe(true)
    expect(after).toMatchObject({ status: 'paid', amountFen: 20_000 })

    const note = delivered[delivered.length - 1]!
    expect(note.url).toBe(NOTIFY)
    const body = JSON.parse(note.body)
    expect(Value.Check(PaymentNotification, body)).toBe(true)
    expect(body).toMatchObject({ event: 'order.paid', orderId: 'ORD-pay-0002', amountFen: 20_000, transactionId: after.transactionId })
    const target = '/v1/payments/notify?agency=pay'
    expect(verifyRequest({ method: 'POST', target, body: note.body }, note.headers, SECRET, { now: nowMs })).toEqual({ ok: true })
    expect(verifyRequest({ method: 'POST', target, body: note.body.replace('20000', '1') }, note.headers, SECRET, { now: nowMs })).toMatchObject({ ok: false })
  })

  it('an unpaid order closes after 30 minutes and cannot be paid then', async () => {
    await create('ORD-pay-0003')
    nowMs = START + 31 * 60_000
    expect((await client.get('/v1/orders/ORD-pay-0003')).json().status).toBe('closed')
    expectError(await pay('ORD-pay-0003'), 409, 'ORDER_CLOSED')
  })

  it('unknown order → 404; bad input → 400', async () => {
    expectError(await client.get('/v1/orders/ORD-missing'), 404, 'ORDER_NOT_FOUND')
    expectError(await client.post('/v1/orders', { orderId: 'x', amountFen: 0, description: '', notifyUrl: 'ftp://x' }), 400, 'VALIDATION_FAILED')
    expectError(await client.post('/v1/orders', { orderId: 'ORD-pay-0004', amountFen: 1.5, description: 'a', notifyUrl: NOTIFY }), 400, 'VALIDATION_FAILED')
  })
})

describe('payment@1 mock: refunds', () => {
  it('refunds part then the rest; a refundId gets the same answer; no more than was paid', async () => {
    await create('ORD-pay-0010', 10_000)
    expectError(await client.post('/v1/orders/ORD-pay-0010/refunds', { refundId: 'RF-0010-a', amountFen: 100, reason: '重复缴费' }), 409, 'ORDER_NOT_PAID')
    await pay('ORD-pay-0010')
    const first = await client.post('/v1/orders/ORD-pay-0010/refunds', { refundId: 'RF-0010-a', amountFen: 4_000, reason: '重复缴费' })
    expect(first.statusCode).toBe(200)
    expect(Value.Check(Refund, first.json())).toBe(true)
    expect(first.json().orderRefundedFen).toBe(4_000)
    const retries = await Promise.all(Array.from({ length: 10 }, () => client.post('/v1/orders/ORD-pay-0010/refunds', { refundId: 'RF-0010-a', amountFen: 4_000, reason: '重复缴费' })))
    for (const r of retries) expect(r.json()).toEqual(first.json())
    expectError(await client.post('/v1/orders/ORD-pay-0010/refunds', { refundId: 'RF-0010-a', amountFen: 5_000, reason: '重复缴费' }), 409, 'REFUND_CONFLICT')
    expectError(await client.post('/v1/orders/ORD-pay-0010/refunds', { refundId: 'RF-0010-b', amountFen: 6_001, reason: '重复缴费' }), 422, 'REFUND_EXCEEDS_PAID')
    const rest = await client.post('/v1/orders/ORD-pay-0010/refunds', { refundId: 'RF-0010-b', amountFen: 6_000, reason: '重复缴费' })
    expect(rest.json().orderRefundedFen).toBe(10_000)
    expect((await client.get('/v1/orders/ORD-pay-0010')).json().refundedFen).toBe(10_000)
  })

  it('concurrent refunds never exceed what was paid', async () => {
    await create('ORD-pay-0011', 1_000)
    await pay('ORD-pay-0011')
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => client.post('/v1/orders/ORD-pay-0011/refunds', { refundId: `RF-0011-${i}`, amountFen: 300, reason: '退款' })),
    )
    expect(results.filter((r) => r.statusCode === 200)).toHaveLength(3)
    expect((await client.get('/v1/orders/ORD-pay-0011')).json().refundedFen).toBe(900)
  })
})

describe('payment@1 mock: signatures and PII', () => {
  itEnforcesSignatures(() => app, SECRET, { method: 'POST', url: '/v1/orders', body: { orderId: 'ORD-sig-0001', amountFen, description: '测试', notifyUrl: NOTIFY } }, clock)
  itEnforcesSignatures(() => app, SECRET, { method: 'GET', url: '/v1/orders/ORD-pay-0001' }, clock)

  it('no response body contained a full ID number or phone', () => {
    expect(client.bodies.flatMap(unmaskedPii)).toEqual([])
  })
})
