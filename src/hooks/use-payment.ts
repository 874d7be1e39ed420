import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import type { PaymentT } from '../api/payments'
import { isPaymentSettled } from '../domain/payment-outcome'
import { currentPageUrl, openPage } from '../services/navigation'
import { getPayment } from '../services/payment-api'
import { errorMessage, isTemporaryFailure } from '../services/request'
import { cashierUrl } from '../services/routes'
import { usePageReturn } from './use-page-return'
import type { ServiceUsageMarks } from './use-service-usage'

/** How a payment attempt ended. */
export type PaymentOutcome =
  | { kind: 'paid'; payment: PaymentT }
  /** Back without paying (cancelled in the wallet, or the order closed): nothing was charged. */
  | { kind: 'unfinished'; payment: PaymentT }
  | { kind: 'error'; error: unknown; message: string; retryable: boolean }

export interface PaymentOptions {
  /** Opens the payment for `pay` (the server answers the same open order for a repeated tap). */
  open?: () => Promise<PaymentT>
  /** Every attempt that ended, however: the page reads what was paid for again. Not called while the cashier is on top. */
  onDone?: (outcome: PaymentOutcome) => void
  /** Anonymous submit/success/error marks of the service, when the payment is the page's main transaction. */
  usage?: ServiceUsageMarks
  /** Shown when this environment can pay neither with WeChat Pay nor with the simulated cashier. */
  cannotPayMessage?: string
}

// WeChat Pay's signed notify can reach the platform a moment after the wallet says ok.
const CONFIRM_TRIES = 5
const CONFIRM_DELAY_MS = 1000

/** The payment once the notify had time to arrive: read again while still unpaid, a few times. */
async function confirmedPayment(orderId: string): Promise<PaymentT> {
  let payment = await getPayment(orderId)
  for (let i = 1; i < CONFIRM_TRIES && payment.status === 'created'; i++) {
    await new Promise((resolve) => setTimeout(resolve, CONFIRM_DELAY_MS))
    payment = await getPayment(orderId)
  }
  return payment
}

/**
 * Pays one payment, the same way in every subpackage: WeChat Pay's sheet
 * (Taro.requestPayment with the order's payParams) in the mini-program, then
 * the order read until the notify arrived; the simulated cashier page in H5,
 * then the order read when this page shows again. One attempt at a time:
 * taps while one runs are ignored. `paying` is true while an attempt runs
 * here (not while the cashier is on top); `outcome` says how the last ended.
 */
export function usePayment(options: PaymentOptions) {
  const [paying, setPaying] = useState(false)
  const [outcome, setOutcome] = useState<PaymentOutcome | null>(null)
  const busy = useRef(false)
  const awaitingOrder = useRef<string | null>(null)
  const latest = useRef(options)
  latest.current = options

  const end = (result: PaymentOutcome) => {
    const { usage, onDone } = latest.current
    if (result.kind === 'paid') usage?.success()
    if (result.kind === 'error') usage?.error()
    setOutcome(result)
    onDone?.(result)
  }
  const settled = (payment: PaymentT) => end({ kind: isPaymentSettled(payment.status) ? 'paid' : 'unfinished', payment })
  const failed = (error: unknown) => end({ kind: 'error', error, message: errorMessage(error), retryable: isTemporaryFailure(error) })

  /** Runs one step of an attempt, the only one at a time. */
  const exclusive = (step: () => Promise<void>) => {
    busy.current = true
    setPaying(true)
    step()
      .catch(failed)
      .finally(() => {
        busy.current = false
        setPaying(false)
      })
  }

  const attempt = async (given?: PaymentT) => {
    const { open, cannotPayMessage } = latest.current
    if (!given && !open) throw new Error('usePayment: nothing to pay')
    const payment = given ?? (await open!())
    if (payment.status !== 'created') return settled(payment)
    if (process.env.TARO_ENV === 'weapp' && payment.payParams) {
      try {
        await Taro.requestPayment({ ...payment.payParams })
      } catch {
        // Cancelled or failed in the wallet: the order's own status says what happened.
      }
      return settled(await confirmedPayment(payment.orderId))
    }
    // The simulated cashier is an H5 page only (app.config.ts): never in a mini-program build.
    if (process.env.TARO_ENV === 'h5' && payment.simulatedCashier) {
      awaitingOrder.current = payment.orderId
      openPage(cashierUrl(payment.orderId, currentPageUrl()))
      return
    }
    end({ kind: 'error', error: null, message: cannotPayMessage ?? '当前环境无法完成支付，请在微信中打开本服务完成支付', retryable: false })
  }

  const start = (payment?: PaymentT) => {
    if (busy.current) return
    setOutcome(null)
    latest.current.usage?.submit()
    exclusive(() => attempt(payment))
  }

  usePageReturn(() => {
    const orderId = awaitingOrder.current
    if (!orderId) return
    awaitingOrder.current = null
    exclusive(async () => settled(await getPayment(orderId)))
  })

  return {
    paying,
    outcome,
    /** Pays the payment `open` opens. */
    pay: () => start(),
    /** Pays a payment already at hand (e.g. the one a booking answered). */
    payWith: (payment: PaymentT) => start(payment),
  }
}
