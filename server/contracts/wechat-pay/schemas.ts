import { type Static, Type } from 'typebox'
import { literals } from '../../../src/api/common'

/**
 * The parts of WeChat Pay API v3 (JSAPI / mini-program) the platform uses, as
 * WeChat documents them (field names are WeChat's). The simulated WeChat Pay
 * validates requests with these; the platform reads answers with them.
 */

const OutTradeNo = () => Type.String({ pattern: '^[A-Za-z0-9_*|-]{6,32}$', description: "the merchant's order number" })
const OutRefundNo = () => Type.String({ pattern: '^[A-Za-z0-9_*|@-]{1,64}$', description: "the merchant's refund number: the same one always refunds once" })
const Rfc3339 = () => Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?([+-]\\d{2}:\\d{2}|Z)$' })

/** POST /v3/pay/transactions/jsapi */
export const JsapiOrderRequest = Type.Object(
  {
    appid: Type.String({ minLength: 1, maxLength: 32 }),
    mchid: Type.String({ minLength: 1, maxLength: 32 }),
    description: Type.String({ minLength: 1, maxLength: 127 }),
    out_trade_no: OutTradeNo(),
    time_expire: Type.Optional(Rfc3339()),
    attach: Type.Optional(Type.String({ maxLength: 128 })),
    notify_url: Type.String({ pattern: '^https?://\\S+$', maxLength: 255 }),
    amount: Type.Object({ total: Type.Integer({ minimum: 1 }), currency: Type.Optional(Type.Literal('CNY')) }),
    payer: Type.Object({ openid: Type.String({ minLength: 1, maxLength: 128 }) }),
  },
  { $id: 'wechatpay.JsapiOrderRequest' },
)
export type JsapiOrderRequestT = Static<typeof JsapiOrderRequest>

export const PrepayAnswer = Type.Object({ prepay_id: Type.String({ minLength: 1, maxLength: 64 }) })

export const TRADE_STATES = ['SUCCESS', 'REFUND', 'NOTPAY', 'CLOSED', 'REVOKED', 'USERPAYING', 'PAYERROR'] as const

/** GET /v3/pay/transactions/out-trade-no/{out_trade_no}?mchid=…, and the decrypted resource of a TRANSACTION.SUCCESS notification. */
export const Transaction = Type.Object({
  appid: Type.String(),
  mchid: Type.String(),
  out_trade_no: Type.String(),
  transaction_id: Type.Optional(Type.String()),
  trade_type: Type.Optional(Type.String()),
  trade_state: literals(TRADE_STATES),
  trade_state_desc: Type.Optional(Type.String()),
  success_time: Type.Optional(Rfc3339()),
  payer: Type.Optional(Type.Object({ openid: Type.Optional(Type.String()) })),
  amount: Type.Optional(Type.Object({ total: Type.Optional(Type.Integer()), payer_total: Type.Optional(Type.Integer()), currency: Type.Optional(Type.String()) })),
})
export type TransactionT = Static<typeof Transaction>

/** POST /v3/refund/domestic/refunds */
export const RefundRequest = Type.Object(
  {
    out_trade_no: OutTradeNo(),
    out_refund_no: OutRefundNo(),
    reason: Type.Optional(Type.String({ maxLength: 80 })),
    notify_url: Type.Optional(Type.String({ maxLength: 255 })),
    amount: Type.Object({ refund: Type.Integer({ minimum: 1 }), total: Type.Integer({ minimum: 1 }), currency: Type.Literal('CNY') }),
  },
  { $id: 'wechatpay.RefundRequest' },
)
export type RefundRequestT = Static<typeof RefundRequest>

export const REFUND_STATUSES = ['SUCCESS', 'CLOSED', 'PROCESSING', 'ABNORMAL'] as const

export const RefundAnswer = Type.Object({
  refund_id: Type.String(),
  out_refund_no: Type.String(),
  transaction_id: Type.Optional(Type.String()),
  out_trade_no: Type.String(),
  status: literals(REFUND_STATUSES),
  success_time: Type.Optional(Rfc3339()),
  create_time: Type.Optional(Rfc3339()),
  amount: Type.Object({ total: Type.Integer(), refund: Type.Integer() }),
})
export type RefundAnswerT = Static<typeof RefundAnswer>

/** The envelope WeChat Pay POSTs to notify_url; `resource` is AEAD_AES_256_GCM-encrypted. */
export const Notification = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  create_time: Type.String(),
  event_type: Type.String(),
  resource_type: Type.Literal('encrypt-resource'),
  summary: Type.Optional(Type.String()),
  resource: Type.Object({
    algorithm: Type.Literal('AEAD_AES_256_GCM'),
    ciphertext: Type.String({ minLength: 1 }),
    associated_data: Type.Optional(Type.String()),
    nonce: Type.String({ minLength: 1, maxLength: 64 }),
    original_type: Type.String(),
  }),
})
export type NotificationT = Static<typeof Notification>

/** WeChat Pay's error body (and what a notify_url answers on failure). */
export const WechatpayError = Type.Object({ code: Type.String(), message: Type.String() })
