import { type Static, Type } from 'typebox'
import { defineOperations } from '../common'
import { DateTime, Fen, literals, strict } from '../../../src/api/common'
import { PAYMENT_ERRORS } from './errors'

/**
 * payment@1 (WeChat Pay-like): create an order, query it, refund; the agency
 * tells the platform about payments with a signed callback (notify) to the
 * order's notifyUrl, signed like every platform↔agency request.
 */
export const CONTRACT = 'payment@1'

export const ORDER_STATUSES = ['created', 'paid', 'closed'] as const

const OrderId = () => Type.String({ pattern: '^[A-Za-z0-9_-]{6,64}$', description: "the platform's order id" })
const RefundId = () => Type.String({ pattern: '^[A-Za-z0-9_-]{6,64}$', description: "the platform's refund id" })
const Amount = () => Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'fen (分)' })
const TransactionId = () => Type.String({ pattern: '^[0-9]{28}$', description: "the payment agency's transaction number" })

export const CreateOrderRequest = Type.Object(
  {
    orderId: OrderId(),
    amountFen: Amount(),
    description: Type.String({ minLength: 1, maxLength: 127, description: 'what the citizen pays for, e.g. 交通违法罚款' }),
    notifyUrl: Type.String({ pattern: '^https?://[^\\s/?#@]+([/?#]\\S*)?$', maxLength: 2048, description: 'where the signed notify callback goes' }),
  },
  { ...strict, $id: 'payment.CreateOrderRequest' },
)

export const Prepay = Type.Object(
  {
    orderId: OrderId(),
    prepayId: Type.String({ pattern: '^wx[0-9a-f]{30}$' }),
    amountFen: Fen(),
    expiresAt: DateTime({ description: 'unpaid orders close after this' }),
    payParams: Type.Object(
      {
        timeStamp: Type.String({ pattern: '^[0-9]{10}$' }),
        nonceStr: Type.String({ minLength: 16, maxLength: 32 }),
        package: Type.String({ pattern: '^prepay_id=wx[0-9a-f]{30}$' }),
        signType: Type.Literal('HMAC-SHA256'),
        paySign: Type.String({ minLength: 16 }),
      },
      { ...strict, description: 'what the mini-program passes to Taro.requestPayment' },
    ),
  },
  { ...strict, $id: 'payment.Prepay' },
)

export const OrderParams = Type.Object({ orderId: OrderId() }, { ...strict, $id: 'payment.OrderParams' })

export const Order = Type.Object(
  {
    orderId: OrderId(),
    amountFen: Fen(),
    description: Type.String(),
    status: literals(ORDER_STATUSES, { description: 'created → paid; created → closed when it expires unpaid' }),
    refundedFen: Fen({ description: 'refunded so far' }),
    createdAt: DateTime(),
    paidAt: Type.Optional(DateTime()),
    transactionId: Type.Optional(TransactionId()),
  },
  { ...strict, $id: 'payment.Order' },
)

export const RefundRequest = Type.Object(
  { refundId: RefundId(), amountFen: Amount(), reason: Type.String({ minLength: 1, maxLength: 80 }) },
  { ...strict, $id: 'payment.RefundRequest' },
)

export const Refund = Type.Object(
  {
    refundId: RefundId(),
    orderId: OrderId(),
    amountFen: Fen(),
    status: Type.Literal('succeeded'),
    refundedAt: DateTime(),
    orderRefundedFen: Fen({ description: 'the order’s refunded total after this refund' }),
  },
  { ...strict, $id: 'payment.Refund' },
)

/** The body of the notify callback the platform receives at the order's notifyUrl (signed with the agency's secret). */
export const PaymentNotification = Type.Object(
  {
    event: Type.Literal('order.paid'),
    orderId: OrderId(),
    transactionId: TransactionId(),
    amountFen: Fen(),
    paidAt: DateTime(),
  },
  { ...strict, $id: 'payment.PaymentNotification' },
)

/** What the platform answers a notify with; anything else (or no answer) makes the agency retry. */
export const NotifyAck = Type.Object({ received: Type.Literal(true) }, { ...strict, $id: 'payment.NotifyAck' })

export const operations = defineOperations(PAYMENT_ERRORS, [
  {
    name: 'createOrder',
    summary: 'Create an order and get the prepay parameters; idempotent by orderId',
    method: 'POST',
    path: '/v1/orders',
    kind: 'call',
    body: CreateOrderRequest,
    response: Prepay,
    errors: ['ORDER_CONFLICT'],
  },
  {
    name: 'getOrder',
    summary: 'Query an order',
    method: 'GET',
    path: '/v1/orders/:orderId',
    kind: 'call',
    params: OrderParams,
    response: Order,
    errors: ['ORDER_NOT_FOUND'],
  },
  {
    name: 'refund',
    summary: 'Refund part or all of a paid order; idempotent by refundId',
    method: 'POST',
    path: '/v1/orders/:orderId/refunds',
    kind: 'call',
    params: OrderParams,
    body: RefundRequest,
    response: Refund,
    errors: ['ORDER_NOT_FOUND', 'ORDER_NOT_PAID', 'REFUND_CONFLICT', 'REFUND_EXCEEDS_PAID'],
  },
  {
    name: 'notify',
    summary: 'Callback to the platform: the order was paid (signed; the platform answers { received: true })',
    method: 'POST',
    path: '{notifyUrl}',
    kind: 'callback',
    body: PaymentNotification,
    response: NotifyAck,
    errors: [],
  },
] as const)

export type PrepayT = Static<typeof Prepay>
export type OrderT = Static<typeof Order>
export type RefundT = Static<typeof Refund>
export type PaymentNotificationT = Static<typeof PaymentNotification>
