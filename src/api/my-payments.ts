import { type Static, Type } from 'typebox'
import type { MyPaymentItemKind, MyPaymentState } from '../domain/my-payment'
import { DateTime, Fen, literals, strict } from './common'

const STATES: readonly MyPaymentState[] = ['open', 'paid', 'refunded', 'closed']
const ITEM_KINDS: readonly MyPaymentItemKind[] = ['fine', 'registration', 'bill', 'top-up', 'other']

/** One payment in 我的支付: what the citizen paid (or may still pay) through any service, with its receipt. */
export const MyPayment = Type.Object(
  {
    orderId: Type.String({ description: 'the order number (订单号)' }),
    serviceId: Type.String(),
    serviceName: Type.String({ examples: ['交通违法处理'] }),
    cityName: Type.String({ description: "the city (or province, or 全国) the service belongs to", examples: ['成都'] }),
    item: Type.Object(
      {
        kind: literals(ITEM_KINDS, { description: 'fine 交通违法罚款, registration 挂号费, bill 生活缴费账单, top-up 预付费充值, other' }),
        name: Type.String({ description: 'what was paid for, e.g. 交通违法罚款', examples: ['交通违法罚款'] }),
        plate: Type.Optional(Type.String({ description: "a fine's vehicle, masked (川A***45)" })),
      },
      strict,
    ),
    amountFen: Fen(),
    state: literals(STATES, { description: 'open 待支付 (can be paid or closed), paid 已支付, refunded 已退款, closed 已关闭 (nothing was charged)' }),
    createdAt: DateTime(),
    expiresAt: DateTime({ description: 'an open order closes after this' }),
    paidAt: Type.Optional(DateTime()),
    receiptNo: Type.Optional(Type.String({ description: "the agency's receipt (缴款书编号) once confirmed" })),
    refundedAt: Type.Optional(DateTime()),
    refundFen: Type.Optional(Fen({ description: 'refunded in full: the amount' })),
  },
  strict,
)

export const MyPaymentsQuery = Type.Object(
  {
    cursor: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9_-]{1,200}$', description: 'nextCursor of the previous page; without it the newest page' })),
    size: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20, description: 'payments per page' })),
  },
  strict,
)

export const MyPaymentList = Type.Object(
  {
    payments: Type.Array(MyPayment, { description: 'newest first' }),
    nextCursor: Type.Optional(Type.String({ description: 'pass as cursor for the next (older) page; absent on the last page' })),
  },
  strict,
)
export const MyPaymentAnswer = Type.Object({ payment: MyPayment }, strict)

export type MyPaymentT = Static<typeof MyPayment>
export type MyPaymentListT = Static<typeof MyPaymentList>
