import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { PaymentT } from '../../../../server/modules/payments/schemas'
import { isPaymentSettled } from '../../../domain/payment-outcome'
import { usePageReturn } from '../../../hooks/use-page-return'
import { useServiceUsage } from '../../../hooks/use-service-usage'
import { openPage } from '../../../services/navigation'
import { getPayment } from '../../../services/payment-api'
import { ApiError, errorMessage, isTemporaryFailure } from '../../../services/request'
import { cashierUrl } from '../../../services/routes'
import { createViolationPayment } from '../../../services/traffic-api'

export type PayOutcome =
  | { kind: 'paid'; receiptNo?: string }
  /** Back without paying (cancelled, closed): nothing was charged. */
  | { kind: 'unfinished' }
  | { kind: 'error'; message: string; retryable: boolean }

export interface ViolationIds {
  service: string
  vehicle: string
  violation: string
}

// WeChat Pay's signed notify can reach the platform a moment after the wallet says ok.
const CONFIRM_TRIES = 5
const CONFIRM_DELAY_MS = 1000

async function confirmedPayment(orderId: string): Promise<PaymentT> {
  let payment = await getPayment(orderId)
  for (let i = 1; i < CONFIRM_TRIES && payment.status === 'created'; i++) {
    await new Promise((resolve) => setTimeout(resolve, CONFIRM_DELAY_MS))
    payment = await getPayment(orderId)
  }
  return payment
}

/**
 * 立即缴款: opens the order (the server returns the same open order for a
 * repeated tap), then pays with WeChat Pay in the mini-program or the
 * simulated cashier in H5, and reads the order's status when done or back.
 * One payment at a time: taps while one runs are ignored. `onChanged`
 * reloads the violation so its status follows.
 */
export function usePayViolation(ids: ViolationIds, onChanged: () => void) {
  const [paying, setPaying] = useState(false)
  const [outcome, setOutcome] = useState<PayOutcome | null>(null)
  const busy = useRef(false)
  const awaitingOrder = useRef<string | null>(null)
  // Anonymous submit/success/error with latency (to the paid status); the use was counted on the service's first page.
  const usage = useServiceUsage(ids.service, { open: false })

  const finish = (payment: PaymentT) => {
    const paid = isPaymentSettled(payment.status)
    if (paid) usage.success()
    setOutcome(paid ? { kind: 'paid', receiptNo: payment.receiptNo } : { kind: 'unfinished' })
    onChanged()
  }
  const fail = (error: unknown) => {
    usage.error()
    // The agency's answer changed what the page should show (paid meanwhile, or not payable online).
    if (error instanceof ApiError && (error.code === 'ALREADY_PAID' || error.code === 'NOT_PAYABLE_ONLINE')) onChanged()
    setOutcome({ kind: 'error', message: errorMessage(error), retryable: isTemporaryFailure(error) })
  }

  const run = async () => {
    const payment = await createViolationPayment(ids.service, ids.vehicle, ids.violation)
    if (isPaymentSettled(payment.status)) return finish(payment)
    if (process.env.TARO_ENV === 'weapp' && payment.payParams) {
      try {
        await Taro.requestPayment({ ...payment.payParams })
      } catch {
        // Cancelled or failed in the wallet: the order's own status says what happened.
      }
      return finish(await confirmedPayment(payment.orderId))
    }
    if (payment.simulatedCashier) {
      awaitingOrder.current = payment.orderId
      openPage(cashierUrl(payment.orderId))
      return
    }
    setOutcome({ kind: 'error', message: '当前环境无法完成支付，请在微信中打开本服务缴款', retryable: false })
  }

  const pay = () => {
    if (busy.current) return
    busy.current = true
    setPaying(true)
    setOutcome(null)
    usage.submit()
    run()
      .catch(fail)
      .finally(() => {
        busy.current = false
        setPaying(false)
      })
  }

  usePageReturn(() => {
    const orderId = awaitingOrder.current
    if (!orderId) return
    awaitingOrder.current = null
    busy.current = true
    setPaying(true)
    getPayment(orderId)
      .then(finish, fail)
      .finally(() => {
        busy.current = false
        setPaying(false)
      })
  })

  return { paying, outcome, pay }
}
