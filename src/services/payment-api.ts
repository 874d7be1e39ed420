import type { PaymentT } from '../api/payments'
import { authedRequest } from './session'

const paymentPath = (orderId: string) => `/v1/me/payments/${encodeURIComponent(orderId)}`

/** GET /v1/me/payments/:orderId: the order with its status refreshed from the payment agency. */
export async function getPayment(orderId: string): Promise<PaymentT> {
  const body = await authedRequest<{ payment: PaymentT }>(paymentPath(orderId))
  return body.payment
}

/**
 * Pays an order with the simulated WeChat Pay wallet (only when
 * payment.simulatedCashier). The platform has received the signed notify
 * before this answers, so the order comes back paid or done.
 */
export async function paySimulated(orderId: string): Promise<PaymentT> {
  const body = await authedRequest<{ payment: PaymentT }>(`${paymentPath(orderId)}/simulated-pay`, { method: 'POST', data: {} })
  return body.payment
}
