import type { MyPaymentListT, MyPaymentT } from '../../api/my-payments'
import { authedRequest } from '../../services/session'

/** GET /v1/me/payments: one page of 我的支付, newest first; `cursor` is the previous page's nextCursor. */
export function listMyPayments(cursor?: string): Promise<MyPaymentListT> {
  return authedRequest<MyPaymentListT>(cursor ? `/v1/me/payments?cursor=${encodeURIComponent(cursor)}` : '/v1/me/payments')
}

/** POST /v1/me/payments/:orderId/close: 关闭订单 (idempotent); the order as 我的支付 shows it after. */
export async function closeMyPayment(orderId: string): Promise<MyPaymentT> {
  const body = await authedRequest<{ payment: MyPaymentT }>(`/v1/me/payments/${encodeURIComponent(orderId)}/close`, { method: 'POST', data: {} })
  return body.payment
}
