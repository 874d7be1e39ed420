import { createHash, randomBytes } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { rawJsonBody } from '../../server/contracts/raw-json-body'
import { encryptResource, verifyMerchantRequest, wechatpayHeaders } from '../../server/contracts/wechat-pay/protocol'
import type { SimulatorKeys } from '../../server/contracts/wechat-pay/dev-keys'
import {
  JsapiOrderRequest,
  type JsapiOrderRequestT,
  type NotificationT,
  RefundRequest,
  type RefundRequestT,
  type RefundAnswerT,
  type TransactionT,
} from '../../server/contracts/wechat-pay/schemas'
import { isoCst } from '../shared/china-time'

/** How a notification leaves: a POST to notify_url; tests capture it instead. Answers the HTTP status the merchant gave (0: none). */
export type WechatPayDeliver = (url: string, request: { headers: Record<string, string>; body: string }) => Promise<number>

export interface WechatPayOptions {
  keys: SimulatorKeys
  now?: () => number
  /** Minutes an unpaid order stays open (30 by default, when the merchant gives no time_expire); set, it also shortens a later time_expire (tests). */
  orderTtlMinutes?: number
  deliver?: WechatPayDeliver
  /** Answers every API call 503, as an unreachable WeChat Pay would fail (tests). */
  down?: () => boolean
}

interface StoredOrder {
  request: JsapiOrderRequestT
  prepayId: string
  expiresAt: number
  state: TransactionT
  refunds: Map<string, RefundAnswerT>
  refundedFen: number
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex')

const defaultDeliver: WechatPayDeliver = async (url, { headers, body }) => {
  try {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: AbortSignal.timeout(5000) })
    return res.status
  } catch {
    return 0
  }
}

class WechatPayError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/**
 * The simulated WeChat Pay (API v3, JSAPI / mini-program) on the mock host:
 * JSAPI orders, query and close by out_trade_no, refunds by out_refund_no,
 * with WeChat's request signatures checked (the merchant's public key and
 * serial), every answer signed with its own key (Wechatpay-* headers) and the
 * TRANSACTION.SUCCESS notification encrypted with the APIv3 key. Errors are
 * WeChat's `{ code, message }`. `POST /dev/pay/{out_trade_no}` (signed by the
 * merchant too, outside v3) stands in for the citizen confirming in the
 * wallet and sends the notification before it answers.
 */
export function registerWechatPay(scope: FastifyInstance, options: WechatPayOptions): void {
  const { keys } = options
  const now = options.now ?? Date.now
  const nowS = () => Math.floor(now() / 1000)
  const ttlMs = (options.orderTtlMinutes ?? 30) * 60_000
  const deliver = options.deliver ?? defaultDeliver
  const orders = new Map<string, StoredOrder>()
  const refundOwners = new Map<string, string>()

  const signer = { serial: keys.publicKeyId, privateKey: keys.privateKey }
  const merchant = { mchid: keys.mchid, serial: keys.merchantSerial, publicKey: keys.merchantPublicKey }

  scope.setErrorHandler((err: Error & { statusCode?: number; validation?: unknown }, _req, reply) => {
    if (err instanceof WechatPayError) return reply.code(err.status).send({ code: err.code, message: err.message })
    if (err.validation || (err.statusCode && err.statusCode < 500)) return reply.code(400).send({ code: 'PARAM_ERROR', message: err.message })
    return reply.code(500).send({ code: 'SYSTEM_ERROR', message: '系统错误' })
  })
  scope.setNotFoundHandler((_req, reply) => reply.code(404).send({ code: 'NOT_FOUND', message: '资源不存在' }))

  scope.addHook('preValidation', async (req: FastifyRequest) => {
    if (options.down?.()) throw new WechatPayError(503, 'SYSTEM_ERROR', '系统繁忙，请稍后重试')
    const ok = verifyMerchantRequest(req.headers.authorization, { method: req.method, uri: req.url, body: rawJsonBody(req).text }, merchant, nowS())
    if (!ok) throw new WechatPayError(401, 'SIGN_ERROR', '签名错误')
  })
  // Every answer is signed by WeChat Pay: the merchant checks it with the WeChat Pay public key.
  scope.addHook('onSend', async (_req, reply: FastifyReply, payload: unknown) => {
    const body = typeof payload === 'string' ? payload : ''
    for (const [name, value] of Object.entries(wechatpayHeaders(signer, body, nowS()))) reply.header(name, value)
    reply.header('request-id', randomBytes(12).toString('hex'))
    return payload
  })

  /** The order as it is now: an unpaid one past its time_expire is closed. */
  const current = (outTradeNo: string): StoredOrder => {
    const stored = orders.get(outTradeNo)
    if (!stored) throw new WechatPayError(404, 'ORDER_NOT_EXIST', '订单不存在')
    if (stored.state.trade_state === 'NOTPAY' && now() > stored.expiresAt) stored.state = { ...stored.state, trade_state: 'CLOSED', trade_state_desc: '订单已关闭' }
    return stored
  }
  const checkMchid = (mchid: unknown) => {
    if (mchid !== keys.mchid) throw new WechatPayError(400, 'MCH_NOT_EXISTS', '商户号不存在')
  }

  scope.post('/v3/pay/transactions/jsapi', { schema: { body: JsapiOrderRequest } }, async (req) => {
    const body = req.body as JsapiOrderRequestT
    checkMchid(body.mchid)
    if (body.appid !== keys.appid) throw new WechatPayError(400, 'APPID_MCHID_NOT_MATCH', 'appid和mch_id不匹配')
    const existing = orders.get(body.out_trade_no)
    if (existing) {
      const r = existing.request
      if (r.amount.total !== body.amount.total || r.description !== body.description || r.payer.openid !== body.payer.openid) {
        throw new WechatPayError(400, 'INVALID_REQUEST', '201 商户订单号重复')
      }
      if (existing.state.trade_state === 'SUCCESS') throw new WechatPayError(400, 'ORDERPAID', '该订单已支付')
      return { prepay_id: existing.prepayId }
    }
    // A shortened lifetime (tests) closes an order sooner than its time_expire.
    const expiresAt = Math.min(body.time_expire ? Date.parse(body.time_expire) : Infinity, options.orderTtlMinutes !== undefined || !body.time_expire ? now() + ttlMs : Infinity)
    const prepayId = `wx${digest(`prepay|${body.out_trade_no}|${keys.mchid}`).slice(0, 30)}`
    orders.set(body.out_trade_no, {
      request: body,
      prepayId,
      expiresAt,
      state: { appid: body.appid, mchid: body.mchid, out_trade_no: body.out_trade_no, trade_type: 'JSAPI', trade_state: 'NOTPAY', trade_state_desc: '订单未支付', amount: { total: body.amount.total, currency: 'CNY' } },
      refunds: new Map(),
      refundedFen: 0,
    })
    return { prepay_id: prepayId }
  })

  scope.get('/v3/pay/transactions/out-trade-no/:out_trade_no', { schema: { querystring: Type.Object({ mchid: Type.String() }) } }, async (req) => {
    checkMchid((req.query as { mchid: string }).mchid)
    return current((req.params as { out_trade_no: string }).out_trade_no).state
  })

  scope.post(
    '/v3/pay/transactions/out-trade-no/:out_trade_no/close',
    { schema: { body: Type.Object({ mchid: Type.String() }) } },
    async (req, reply) => {
      checkMchid((req.body as { mchid: string }).mchid)
      const stored = current((req.params as { out_trade_no: string }).out_trade_no)
      if (stored.state.trade_state === 'SUCCESS' || stored.state.trade_state === 'REFUND') throw new WechatPayError(400, 'ORDERPAID', '订单已支付')
      stored.state = { ...stored.state, trade_state: 'CLOSED', trade_state_desc: '订单已关闭' }
      return reply.code(204).send()
    },
  )

  scope.post('/v3/refund/domestic/refunds', { schema: { body: RefundRequest } }, async (req) => {
    const body = req.body as RefundRequestT
    const owner = refundOwners.get(body.out_refund_no)
    if (owner !== undefined && owner !== body.out_trade_no) throw new WechatPayError(400, 'INVALID_REQUEST', '退款单号已用于其他订单')
    const stored = current(body.out_trade_no)
    const prior = stored.refunds.get(body.out_refund_no)
    // The same out_refund_no is the same refund: a retry answers it again and refunds nothing more.
    if (prior) {
      if (prior.amount.refund !== body.amount.refund) throw new WechatPayError(400, 'INVALID_REQUEST', '退款单号已存在且金额不同')
      return prior
    }
    if (stored.state.trade_state !== 'SUCCESS' && stored.state.trade_state !== 'REFUND') throw new WechatPayError(400, 'INVALID_REQUEST', '订单未支付，无法退款')
    if (body.amount.total !== stored.request.amount.total) throw new WechatPayError(400, 'PARAM_ERROR', '订单金额与原订单不符')
    if (body.amount.refund > stored.request.amount.total - stored.refundedFen) throw new WechatPayError(403, 'NOT_ENOUGH', '可退金额不足')
    stored.refundedFen += body.amount.refund
    stored.state = { ...stored.state, trade_state: 'REFUND', trade_state_desc: '转入退款' }
    const at = isoCst(now())
    const answer: RefundAnswerT = {
      refund_id: `50${BigInt('0x' + digest(`refund|${body.out_refund_no}`).slice(0, 24)).toString().padStart(30, '0').slice(-30)}`,
      out_refund_no: body.out_refund_no,
      ...(stored.state.transaction_id ? { transaction_id: stored.state.transaction_id } : {}),
      out_trade_no: body.out_trade_no,
      status: 'SUCCESS',
      create_time: at,
      success_time: at,
      amount: { total: stored.request.amount.total, refund: body.amount.refund },
    }
    stored.refunds.set(body.out_refund_no, answer)
    refundOwners.set(body.out_refund_no, body.out_trade_no)
    return answer
  })

  /** The TRANSACTION.SUCCESS notification of a paid order, as WeChat Pay sends it (a fresh id, nonce and signature each delivery). */
  const notification = (state: TransactionT): { headers: Record<string, string>; body: string } => {
    const envelope: NotificationT = {
      id: randomBytes(18).toString('hex'),
      create_time: isoCst(now()),
      event_type: 'TRANSACTION.SUCCESS',
      resource_type: 'encrypt-resource',
      summary: '支付成功',
      resource: encryptResource(JSON.stringify(state), keys.apiV3Key, 'transaction'),
    }
    const body = JSON.stringify(envelope)
    return { headers: wechatpayHeaders(signer, body, nowS()), body }
  }

  // Outside v3: the citizen confirms in the wallet. Paying twice answers the paid order again.
  scope.post('/dev/pay/:out_trade_no', async (req) => {
    const stored = current((req.params as { out_trade_no: string }).out_trade_no)
    if (stored.state.trade_state === 'CLOSED') throw new WechatPayError(400, 'ORDER_CLOSED', '订单已关闭')
    if (stored.state.trade_state === 'NOTPAY') {
      const outTradeNo = stored.request.out_trade_no
      stored.state = {
        ...stored.state,
        transaction_id: `4200${BigInt('0x' + digest(`tx|${outTradeNo}`).slice(0, 20)).toString().padStart(24, '0').slice(-24)}`,
        trade_state: 'SUCCESS',
        trade_state_desc: '支付成功',
        success_time: isoCst(now()),
        payer: { openid: stored.request.payer.openid },
        amount: { total: stored.request.amount.total, payer_total: stored.request.amount.total, currency: 'CNY' },
      }
      // WeChat retries an unanswered or refused notification; the platform also queries the order.
      for (let attempt = 0; attempt < 3; attempt++) {
        const status = await deliver(stored.request.notify_url, notification(stored.state))
        if (status >= 200 && status < 300) break
      }
    }
    return stored.state
  })
}

