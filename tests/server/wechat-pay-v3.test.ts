import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWechatPayClient } from '../../server/modules/payments/wechat-pay-client'
import { type CitizenPlatform, listedServiceOf, startCitizenPlatform } from './citizen-platform'
import { freshPerson } from './fresh-person'

// WeChat Pay API v3 end to end against the simulated WeChat Pay (mock/payment/wechat-pay.ts): every call signed
// by the merchant and checked there, every answer signed by WeChat Pay and checked here.

let p: CitizenPlatform
let trafficService: string
let plates = 0

beforeAll(async () => {
  // The payment sweep runs every second and touches payments older than 2 × 1 s.
  p = await startCitizenPlatform({ bookingSweepSeconds: 1, agencyTimeoutMs: 1000 })
  trafficService = await listedServiceOf(p, 'traffic@1')
}, 60_000)
afterAll(() => p?.stop())

const log = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, fatal() {}, child: () => log, level: 'silent', silent() {} } as never
const client = () => createWechatPayClient({ merchant: p.simulatedWechatPay!.merchant, baseUrl: () => p.simulatedWechatPay!.url }, 2000)

/** A citizen's open fine payment (a JSAPI order at WeChat Pay). */
async function openFinePayment() {
  const c = await p.citizen()
  expect((await c.call('POST', '/v1/me/identity', freshPerson())).statusCode).toBe(200)
  const bound = await c.call('POST', '/v1/me/vehicles', { plateType: '02', plate: `川B${String(20000 + ++plates * 7331).slice(-5)}`, engineTail: '73215B' })
  const vehicle = `/v1/services/${trafficService}/vehicles/${bound.json().vehicle.id}`
  const fine = (await c.call('GET', `${vehicle}/violations`)).json().violations.find((v: { payableOnline: boolean }) => v.payableOnline)
  const opened = await c.call('POST', `${vehicle}/violations/${fine.id}/payments`, {})
  expect(opened.statusCode).toBe(201)
  return { c, payment: opened.json().payment }
}

const stored = async (orderId: string) =>
  (await p.db.query<{ status: string }>('SELECT status FROM payments WHERE order_id = $1', [orderId]))[0]!.status

describe('WeChat Pay v3 orders', () => {
  it('a JSAPI order: requestPayment parameters signed RSA for the prepay_id; WeChat Pay knows the order, its amount in fen and payer', async () => {
    const { payment } = await openFinePayment()
    expect(payment.payParams).toMatchObject({ signType: 'RSA', package: expect.stringMatching(/^prepay_id=wx[0-9a-f]{30}$/), timeStamp: expect.stringMatching(/^\d{10}$/) })
    const order = await client().query(payment.orderId, log)
    expect(order).toMatchObject({ out_trade_no: payment.orderId, trade_state: 'NOTPAY', amount: { total: payment.amountFen } })
  })

  it('an order past its time_expire is closed by the payment sweep at WeChat Pay (关单) and here; the wallet can no longer pay it', async () => {
    const { c, payment } = await openFinePayment()
    // 30 minutes pass: the platform's copy of the order says it expired (WeChat Pay still has it open).
    await p.db.query(
      `UPDATE payments SET created_at = now() - interval '31 minutes', expires_at = now() - interval '1 minute',
         prepay = jsonb_set(prepay, '{expiresAt}', to_jsonb($2::text)) WHERE order_id = $1`,
      [payment.orderId, new Date(Date.now() - 60_000).toISOString()],
    )
    for (let i = 0; i < 40 && (await stored(payment.orderId)) !== 'closed'; i++) await new Promise((r) => setTimeout(r, 250))
    expect(await stored(payment.orderId)).toBe('closed')
    expect((await client().query(payment.orderId, log)).trade_state).toBe('CLOSED')
    expect(await p.db.query('SELECT status FROM citizen_records WHERE ref = $1', [payment.orderId])).toEqual([{ status: 'cancelled' }])
    const pay = await c.call('POST', `/v1/me/payments/${payment.orderId}/simulated-pay`, {})
    expect(pay.json().payment?.status ?? pay.json().error.code).toMatch(/closed|ORDER_CLOSED/)
  }, 30_000)

  it('a refund retried with the same out_refund_no refunds once', async () => {
    const { c, payment } = await openFinePayment()
    expect((await c.call('POST', `/v1/me/payments/${payment.orderId}/simulated-pay`, {})).json().payment.status).toBe('done')
    const wechat = client()
    const refund = { outTradeNo: payment.orderId, outRefundNo: `${payment.orderId}-r`, refundFen: payment.amountFen, totalFen: payment.amountFen, reason: '测试' }
    // The answer is lost twice: the platform sends the same refund again.
    const answers = [await wechat.refund(refund, log), await wechat.refund(refund, log), await wechat.refund(refund, log)]
    expect(answers.map((a) => a.status)).toEqual(['SUCCESS', 'SUCCESS', 'SUCCESS'])
    expect(new Set(answers.map((a) => a.refund_id)).size).toBe(1)
    // Had it refunded three times, nothing would be left; one refund of the whole amount leaves nothing either, so a new refund number is refused.
    await expect(wechat.refund({ ...refund, outRefundNo: `${payment.orderId}-x` }, log)).rejects.toMatchObject({ code: 'NOT_ENOUGH' })
    expect((await wechat.query(payment.orderId, log)).trade_state).toBe('REFUND')
  })

  it('WeChat Pay refuses calls the merchant did not sign, and the platform refuses answers WeChat Pay did not sign', async () => {
    const unsigned = await fetch(`${p.simulatedWechatPay!.url}/v3/pay/transactions/out-trade-no/ocnosuchorder01?mchid=${p.simulatedWechatPay!.merchant.mchid}`)
    expect(unsigned.status).toBe(401)
    expect(await unsigned.json()).toEqual({ code: 'SIGN_ERROR', message: '签名错误' })
    // An answer signed by another key than WeChat Pay's is not used.
    const impostor = createWechatPayClient({ merchant: { ...p.simulatedWechatPay!.merchant, wechatpayKeys: new Map() }, baseUrl: () => p.simulatedWechatPay!.url }, 2000)
    await expect(impostor.query('ocnosuchorder01', log)).rejects.toMatchObject({ statusCode: 502, code: 'AGENCY_UNAVAILABLE' })
    await expect(client().query('ocnosuchorder01', log)).rejects.toMatchObject({ code: 'ORDER_NOT_EXIST' })
  })
})
