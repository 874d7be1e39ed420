import type { FastifyBaseLogger } from 'fastify'
import type { Static, TSchema } from 'typebox'
import { Value } from 'typebox/value'
import { type MerchantKeys, generateDevWechatPayKeys } from '../../contracts/wechat-pay/dev-keys'
import type { Config } from '../../config'
import { authorization, verifyWechatpay } from '../../contracts/wechat-pay/protocol'
import {
  PrepayAnswer,
  RefundAnswer,
  type RefundAnswerT,
  Transaction,
  type TransactionT,
  type JsapiOrderRequestT,
} from '../../contracts/wechat-pay/schemas'
import { HttpError } from '../../errors'

/** Where the platform's WeChat Pay is and who it is there. */
export interface WechatPaySettings {
  merchant: MerchantKeys
  /** The API base (https://api.mch.weixin.qq.com, or the simulated WeChat Pay); undefined while unknown. */
  baseUrl(): string | undefined
}

/**
 * The configured merchant (config.wechatPay); without one (development
 * without the mock host) keys are made at first use and every call answers
 * 503 PAYMENT_UNAVAILABLE, since there is no WeChat Pay to call.
 */
export function wechatPaySettings(config: Pick<Config, 'wechatPay' | 'wechat'>): WechatPaySettings {
  const configured = config.wechatPay
  if (configured) return { merchant: configured.merchant, baseUrl: () => configured.baseUrl }
  let merchant: MerchantKeys | undefined
  return {
    get merchant() {
      return (merchant ??= generateDevWechatPayKeys(config.wechat.appId).merchant)
    },
    baseUrl: () => undefined,
  }
}

/** WeChat Pay's refusal of a call, with its own code (ORDER_NOT_EXIST, ORDERPAID, …). */
export class WechatPayRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`)
  }
}

/** The merchant's calls to WeChat Pay API v3 (JSAPI). */
export interface WechatPayClient {
  readonly merchant: MerchantKeys
  /** JSAPI order (下单); answers the prepay_id. Repeating it with the same details answers the same prepay_id. */
  jsapi(order: Omit<JsapiOrderRequestT, 'appid' | 'mchid'>, log: FastifyBaseLogger): Promise<string>
  /** The order by out_trade_no; WechatPayRefused ORDER_NOT_EXIST when WeChat Pay has none. */
  query(outTradeNo: string, log: FastifyBaseLogger): Promise<TransactionT>
  /** Closes an unpaid order (关单); WechatPayRefused ORDERPAID when it was paid meanwhile. */
  close(outTradeNo: string, log: FastifyBaseLogger): Promise<void>
  /** Refund (退款); the same out_refund_no refunds once, however often it is sent. */
  refund(r: { outTradeNo: string; outRefundNo: string; refundFen: number; totalFen: number; reason: string }, log: FastifyBaseLogger): Promise<RefundAnswerT>
  /** Development only: the simulated WeChat Pay's wallet pays the order (it sends the notification before it answers). */
  simulatePay(outTradeNo: string, log: FastifyBaseLogger): Promise<void>
}

const unavailable = () => new HttpError(502, 'AGENCY_UNAVAILABLE', 'WeChat Pay gave no usable answer / 支付服务暂时不可用，请稍后重试')

/**
 * A WeChat Pay v3 client: every request signed with the merchant key
 * (WECHATPAY2-SHA256-RSA2048), every answer's signature checked with the
 * WeChat Pay public key its Wechatpay-Serial names before it is read. A
 * timeout is 504 AGENCY_TIMEOUT, no or an unsigned answer 502
 * AGENCY_UNAVAILABLE, a 4xx WechatPayRefused.
 */
export function createWechatPayClient(settings: WechatPaySettings, timeoutMs: number): WechatPayClient {

  async function call<S extends TSchema | undefined>(method: 'GET' | 'POST', path: string, body: object | undefined, schema: S, log: FastifyBaseLogger): Promise<S extends TSchema ? Static<S> : undefined> {
    const base = settings.baseUrl()
    const { merchant } = settings
    if (!base) throw new HttpError(503, 'PAYMENT_UNAVAILABLE', 'WeChat Pay is not configured / 支付服务暂不可用')
    const url = new URL(base.replace(/\/+$/, '') + path)
    const text = body === undefined ? '' : JSON.stringify(body)
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: authorization(merchant, method, url.pathname + url.search, text, Math.floor(Date.now() / 1000)),
      'user-agent': 'onecity-platform',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    }
    let res: Response
    let answer: string
    try {
      res = await fetch(url, { method, headers, ...(body === undefined ? {} : { body: text }), signal: AbortSignal.timeout(timeoutMs) })
      answer = await res.text()
    } catch (err) {
      if ((err as Error).name === 'TimeoutError') {
        throw new HttpError(504, 'AGENCY_TIMEOUT', `WeChat Pay did not answer within ${timeoutMs / 1000} s / 支付服务暂时没有响应，请稍后重试`)
      }
      log.warn({ path: url.pathname, err: (err as Error).message }, 'WeChat Pay unreachable')
      throw unavailable()
    }
    const verified = verifyWechatpay(Object.fromEntries(res.headers), answer, merchant.wechatpayKeys, Math.floor(Date.now() / 1000))
    if (!verified.ok) {
      log.error({ path: url.pathname, status: res.status, reason: verified.reason }, 'a WeChat Pay answer failed its signature check; not used')
      throw unavailable()
    }
    let json: unknown
    try {
      json = answer === '' ? undefined : JSON.parse(answer)
    } catch {
      throw unavailable()
    }
    if (res.status >= 400 && res.status < 500) {
      const { code, message } = (json ?? {}) as { code?: unknown; message?: unknown }
      throw new WechatPayRefused(res.status, typeof code === 'string' ? code : 'UNKNOWN', typeof message === 'string' ? message : '')
    }
    if (res.status >= 300) throw unavailable()
    if (schema && !Value.Check(schema, json)) {
      log.error({ path: url.pathname }, 'a WeChat Pay answer does not have the documented shape')
      throw unavailable()
    }
    return json as never
  }

  const tradePath = (outTradeNo: string) => `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}`
  return {
    get merchant() {
      return settings.merchant
    },
    async jsapi(order, log) {
      const { merchant } = settings
      const answer = await call('POST', '/v3/pay/transactions/jsapi', { appid: merchant.appid, mchid: merchant.mchid, ...order }, PrepayAnswer, log)
      return answer.prepay_id
    },
    query: (outTradeNo, log) => call('GET', `${tradePath(outTradeNo)}?mchid=${encodeURIComponent(settings.merchant.mchid)}`, undefined, Transaction, log),
    async close(outTradeNo, log) {
      await call('POST', `${tradePath(outTradeNo)}/close`, { mchid: settings.merchant.mchid }, undefined, log)
    },
    refund: (r, log) =>
      call(
        'POST',
        '/v3/refund/domestic/refunds',
        { out_trade_no: r.outTradeNo, out_refund_no: r.outRefundNo, reason: r.reason.slice(0, 80), amount: { refund: r.refundFen, total: r.totalFen, currency: 'CNY' } },
        RefundAnswer,
        log,
      ),
    async simulatePay(outTradeNo, log) {
      await call('POST', `/dev/pay/${encodeURIComponent(outTradeNo)}`, undefined, undefined, log)
    },
  }
}
