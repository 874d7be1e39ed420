import { encryptResource, wechatpayHeaders } from '../../server/contracts/wechat-pay/protocol'
import type { SimulatorKeys } from '../../server/contracts/wechat-pay/dev-keys'
import type { NotificationT, TransactionT } from '../../server/contracts/wechat-pay/schemas'

/** Where the platform takes WeChat Pay's notifications. */
export const NOTIFY = '/v1/payments/wechatpay/notify'

/** The decrypted resource of a TRANSACTION.SUCCESS notification for an order (WeChat's field names). */
export function paidTransaction(keys: Pick<SimulatorKeys, 'appid' | 'mchid'>, outTradeNo: string, totalFen: number): TransactionT {
  return {
    appid: keys.appid,
    mchid: keys.mchid,
    out_trade_no: outTradeNo,
    transaction_id: '4200000000202612070000000001',
    trade_type: 'JSAPI',
    trade_state: 'SUCCESS',
    trade_state_desc: '支付成功',
    success_time: '2026-12-07T10:00:00+08:00',
    payer: { openid: 'oTestPayer0000000000000000000' },
    amount: { total: totalFen, payer_total: totalFen, currency: 'CNY' },
  }
}

/** A notification as WeChat Pay sends it: the resource encrypted with the APIv3 key, the envelope signed with WeChat Pay's key. */
export function signedNotification(
  keys: Pick<SimulatorKeys, 'apiV3Key' | 'publicKeyId' | 'privateKey'>,
  tx: TransactionT,
  { nowS = Math.floor(Date.now() / 1000), id = `EV-${Math.random().toString(36).slice(2)}` }: { nowS?: number; id?: string } = {},
): { headers: Record<string, string>; body: string } {
  const envelope: NotificationT = {
    id,
    create_time: '2026-12-07T10:00:01+08:00',
    event_type: 'TRANSACTION.SUCCESS',
    resource_type: 'encrypt-resource',
    summary: '支付成功',
    resource: encryptResource(JSON.stringify(tx), keys.apiV3Key, 'transaction'),
  }
  const body = JSON.stringify(envelope)
  return { headers: wechatpayHeaders({ serial: keys.publicKeyId, privateKey: keys.privateKey }, body, nowS), body }
}
