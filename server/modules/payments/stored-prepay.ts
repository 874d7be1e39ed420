import type { RequestPaymentParams } from '../../contracts/wechat-pay/protocol'

/** What the platform keeps of a WeChat Pay JSAPI order (payments.prepay): its prepay_id, expiry and the signed requestPayment parameters. */
export interface StoredPrepay {
  prepayId: string
  /** The order's time_expire (ISO). */
  expiresAt: string
  payParams: RequestPaymentParams
}
