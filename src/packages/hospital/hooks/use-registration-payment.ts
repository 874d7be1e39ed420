import Taro from '@tarojs/taro'
import { useCallback, useRef } from 'react'
import type { PaymentT } from '../../../../server/modules/payments/schemas'
import { usePageReturn } from '../../../hooks/use-page-return'
import { openPage } from '../../../services/navigation'
import { cashierUrl } from '../../../services/routes'

/**
 * How paying started: the cashier page opened on top (wait for the page to
 * show again), the payment is over one way or the other (read the
 * appointment again), or this environment cannot pay.
 */
export type PayStart = 'cashier' | 'finished' | 'unsupported'

/** What the citizen is told when neither WeChat Pay nor the simulated cashier is available. */
export const CANNOT_PAY_MESSAGE = '当前环境无法完成支付，请在微信中打开本服务支付挂号费'

/**
 * Pays a registration fee: WeChat Pay's sheet in the mini-program, the
 * simulated cashier page in H5. `onBack` runs when this page shows again
 * after the cashier, paid or not: the appointment itself says which.
 */
export function useRegistrationPayment(onBack?: () => void): (payment: PaymentT) => Promise<PayStart> {
  const awaiting = useRef(false)
  usePageReturn(() => {
    if (!awaiting.current) return
    awaiting.current = false
    onBack?.()
  })
  return useCallback(async (payment: PaymentT): Promise<PayStart> => {
    // Already paid (the same booking sent again) or closed: nothing to pay here.
    if (payment.status !== 'created') return 'finished'
    if (process.env.TARO_ENV === 'weapp' && payment.payParams) {
      try {
        await Taro.requestPayment({ ...payment.payParams })
      } catch {
        // Cancelled or failed in the wallet: the appointment stays 待支付 and says so.
      }
      return 'finished'
    }
    if (payment.simulatedCashier) {
      awaiting.current = true
      openPage(cashierUrl(payment.orderId))
      return 'cashier'
    }
    return 'unsupported'
  }, [])
}
