import { createHash, createHmac } from 'node:crypto'
import { Type } from 'typebox'
import {
  PAYMENT_ERRORS,
  type OrderT,
  type PaymentNotificationT,
  type PrepayT,
  type RefundT,
  Order,
  OrderParams,
  operations,
} from '../../server/contracts/payment'
import { signRequest } from '../../server/contracts/signing'
import { ErrorBody } from '../../server/errors'
import { type AgencyApp, type AgencyOptions, type AgencyScope, createAgencyApp, fail, implement } from '../shared/agency-app'
import { operation } from '../../server/contracts/common'
import { isoCst } from '../shared/china-time'

/** How a notify callback leaves: a signed POST; tests capture it instead. */
export type Deliver = (url: string, request: { headers: Record<string, string>; body: string }) => Promise<void>

export interface PaymentAgencyOptions extends AgencyOptions {
  /** Sends the signed notify callback; a fetch POST by default (failures are swallowed: the platform can query the order). */
  deliver?: Deliver
  /** Minutes an unpaid order stays open; 30 by default. */
  orderTtlMinutes?: number
}

interface StoredOrder {
  request: { amountFen: number; description: string; notifyUrl: string }
  prepay: PrepayT
  order: OrderT
  refunds: Map<string, { amountFen: number; reason: string; result: RefundT }>
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex')

const defaultDeliver: Deliver = async (url, { headers, body }) => {
  try {
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: AbortSignal.timeout(5000) })
  } catch {
    // The platform reconciles by querying the order.
  }
}

/**
 * The simulated payment agency (WeChat Pay stand-in) implementing payment@1.
 * Orders and refunds live in memory; an orderId or refundId always gets the
 * answer it got first, and no order is paid or refunded twice. Payment itself
 * happens in the citizen's wallet: here `POST /v1/orders/:orderId/simulate-pay`
 * (signed, outside the contract) stands in for it and sends the notify callback.
 */
export function registerPaymentAgency(scope: AgencyScope, options: PaymentAgencyOptions): void {
  const now = options.now ?? Date.now
  const ttlMs = (options.orderTtlMinutes ?? 30) * 60_000
  const deliver = options.deliver ?? defaultDeliver
  const orders = new Map<string, StoredOrder>()

  /** The order as it is now (an unpaid order past its expiry is closed). */
  const current = (orderId: string): StoredOrder => {
    const stored = orders.get(orderId)
    if (!stored) throw fail(PAYMENT_ERRORS, 'ORDER_NOT_FOUND', `No order ${orderId} / 未找到该订单`)
    if (stored.order.status === 'created' && now() > Date.parse(stored.prepay.expiresAt)) stored.order = { ...stored.order, status: 'closed' }
    return stored
  }

  implement(scope, operation(operations, 'createOrder'), ({ body }) => {
    const existing = orders.get(body.orderId)
    if (existing) {
      const r = existing.request
      if (r.amountFen !== body.amountFen || r.description !== body.description || r.notifyUrl !== body.notifyUrl) {
        throw fail(PAYMENT_ERRORS, 'ORDER_CONFLICT', `Order ${body.orderId} exists with other details / 订单号已存在且内容不同`)
      }
      return existing.prepay
    }
    const prepayId = `wx${digest(`prepay|${body.orderId}`).slice(0, 30)}`
    const timeStamp = String(Math.floor(now() / 1000))
    const nonceStr = digest(`nonce|${body.orderId}`).slice(0, 32)
    const pkg = `prepay_id=${prepayId}`
    const prepay: PrepayT = {
      orderId: body.orderId,
      prepayId,
      amountFen: body.amountFen,
      expiresAt: isoCst(now() + ttlMs),
      payParams: {
        timeStamp,
        nonceStr,
        package: pkg,
        signType: 'HMAC-SHA256',
        paySign: createHmac('sha256', options.secret).update([timeStamp, nonceStr, pkg].join('\n')).digest('hex').toUpperCase(),
      },
    }
    orders.set(body.orderId, {
      request: { amountFen: body.amountFen, description: body.description, notifyUrl: body.notifyUrl },
      prepay,
      order: { orderId: body.orderId, amountFen: body.amountFen, description: body.description, status: 'created', refundedFen: 0, createdAt: isoCst(now()) },
      refunds: new Map(),
    })
    return prepay
  })

  implement(scope, operation(operations, 'getOrder'), ({ params }) => current(params.orderId).order)

  implement(scope, operation(operations, 'refund'), ({ params, body }) => {
    const stored = current(params.orderId)
    const prior = stored.refunds.get(body.refundId)
    if (prior) {
      if (prior.amountFen !== body.amountFen) throw fail(PAYMENT_ERRORS, 'REFUND_CONFLICT', `Refund ${body.refundId} exists with another amount / 退款单号已存在且金额不同`)
      return prior.result
    }
    for (const [otherOrderId, other] of orders) {
      if (otherOrderId !== params.orderId && other.refunds.has(body.refundId)) {
        throw fail(PAYMENT_ERRORS, 'REFUND_CONFLICT', `Refund ${body.refundId} belongs to another order / 退款单号已用于其他订单`)
      }
    }
    if (stored.order.status !== 'paid') throw fail(PAYMENT_ERRORS, 'ORDER_NOT_PAID', 'Only a paid order can be refunded / 订单未支付，无法退款')
    const left = stored.order.amountFen - stored.order.refundedFen
    if (body.amountFen > left) {
      throw fail(PAYMENT_ERRORS, 'REFUND_EXCEEDS_PAID', `At most ${left} fen can still be refunded / 退款金额超过可退金额`, [
        { path: 'body.amountFen', message: `at most ${left}` },
      ])
    }
    stored.order = { ...stored.order, refundedFen: stored.order.refundedFen + body.amountFen }
    const result: RefundT = {
      refundId: body.refundId,
      orderId: params.orderId,
      amountFen: body.amountFen,
      status: 'succeeded',
      refundedAt: isoCst(now()),
      orderRefundedFen: stored.order.refundedFen,
    }
    stored.refunds.set(body.refundId, { amountFen: body.amountFen, reason: body.reason, result })
    return result
  })

  // Outside the contract: the citizen confirms in the wallet. Paying twice answers the paid order again.
  scope.post(
    '/v1/orders/:orderId/simulate-pay',
    { schema: { hide: true, params: OrderParams, response: { 200: Type.Object({ order: Type.Object(Order.properties, { additionalProperties: false }) }), '4xx': ErrorBody } } },
    async (req) => {
      const { orderId } = req.params as { orderId: string }
      const stored = current(orderId)
      if (stored.order.status === 'closed') throw fail(PAYMENT_ERRORS, 'ORDER_CLOSED', 'The order expired unpaid / 订单已关闭')
      if (stored.order.status === 'created') {
        const transactionId = `4200${BigInt('0x' + digest(`tx|${orderId}`).slice(0, 20)).toString().padStart(24, '0').slice(-24)}`
        const paidAt = isoCst(now())
        stored.order = { ...stored.order, status: 'paid', paidAt, transactionId }
        const notification: PaymentNotificationT = { event: 'order.paid', orderId, transactionId, amountFen: stored.order.amountFen, paidAt }
        const body = JSON.stringify(notification)
        const url = new URL(stored.request.notifyUrl)
        const headers = signRequest({ method: 'POST', target: url.pathname + url.search, body }, options.secret, now())
        await deliver(stored.request.notifyUrl, { headers, body })
      }
      return { order: stored.order }
    },
  )
}

/** The payment agency as a standalone app, its operations at the root. */
export function buildPaymentAgency(options: PaymentAgencyOptions): AgencyApp {
  return createAgencyApp(registerPaymentAgency, options)
}
