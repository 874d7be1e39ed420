import { type Static, Type } from 'typebox'
import { DateTime, Fen, literals, strict } from './common'

/**
 * A citizen's payment as the platform keeps it: created at the payment agency,
 * paid when its signed notify arrives, done when the service's agency has
 * confirmed (e.g. the traffic police issued a receipt), closed when it expired
 * unpaid, refunded when what it paid for was cancelled (a booking's fee).
 */
export const PAYMENT_STATUSES = ['created', 'paid', 'done', 'closed', 'refunded'] as const
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number]

export const PayParams = Type.Object(
  {
    timeStamp: Type.String(),
    nonceStr: Type.String(),
    package: Type.String({ description: 'prepay_id=… of the WeChat Pay JSAPI order' }),
    signType: Type.Literal('RSA'),
    paySign: Type.String({ description: 'the merchant key’s SHA256withRSA signature over appid, timeStamp, nonceStr and package (WeChat Pay API v3)' }),
  },
  { ...strict, description: 'pass to Taro.requestPayment as is (weapp)' },
)

export const Payment = Type.Object(
  {
    orderId: Type.String(),
    serviceId: Type.String(),
    description: Type.String({ examples: ['交通违法罚款'] }),
    amountFen: Fen(),
    status: literals(PAYMENT_STATUSES),
    createdAt: DateTime(),
    expiresAt: DateTime({ description: 'an unpaid order closes after this' }),
    paidAt: Type.Optional(DateTime()),
    receiptNo: Type.Optional(Type.String({ description: "the agency's receipt (缴款书编号) once done" })),
    refundedAt: Type.Optional(DateTime({ description: 'refunded in full at this instant' })),
    payParams: Type.Optional(PayParams),
    simulatedCashier: Type.Boolean({ description: 'true when the payment agency is the simulated one: the H5 app shows its cashier page' }),
  },
  { ...strict, $id: 'Payment' },
)
export const PaymentAnswer = Type.Object({ payment: Type.Ref('Payment') }, strict)
export const PaymentParams = Type.Object({ orderId: Type.String({ pattern: '^[A-Za-z0-9_-]{6,64}$' }) }, strict)

export type PaymentT = Static<typeof Payment>
export type PaymentAnswerT = { payment: PaymentT }
