import { Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import type { PaymentT } from '../../../../api/payments'
import { DetailList } from '../../../../components/detail-list'
import { FormAlert } from '../../../../components/form-alert'
import { Pressable } from '../../../../components/pressable'
import { ErrorView, LoadingView } from '../../../../components/status-view'
import { formatChinaDateTime } from '../../../../domain/china-time'
import { formatPrice } from '../../../../domain/money'
import { isPaymentSettled } from '../../../../domain/payment-outcome'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { getPayment, paySimulated } from '../../../../services/payment-api'
import { goBackOr, HOME_PAGE, showNotice } from '../../../../services/navigation'
import { isAppPageUrl } from '../../../../services/routes'
import { errorMessage } from '../../../../services/request'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import './index.scss'

/** Why this order cannot be paid here, or undefined when it can. */
function blocker(payment: PaymentT): string | undefined {
  if (isPaymentSettled(payment.status)) return '该订单已支付，无需重复支付'
  if (payment.status === 'closed') return '该订单已关闭，未扣款。请返回重新缴款'
  if (!payment.simulatedCashier) return '该订单需在微信中支付'
  return undefined
}

/**
 * The simulated WeChat Pay cashier for H5, where there is no wallet:
 * 确认支付 has the simulated wallet pay (the platform gets the signed notify
 * before the answer), 取消支付 goes back and nothing is charged. The page that
 * opened it reads the order's status when it shows again. Everything it needs
 * is in its URL (order, back): after a reload in H5 there is no page to go
 * back to, so it opens `back` in its place.
 */
export default function CashierPage() {
  const pageClass = usePageClass('page cashier')
  const { order, back } = useRouteParams('order', 'back')
  const payment = useRemote(() => getPayment(order), [order])
  const [failure, setFailure] = useState<string | null>(null)
  const [paying, setPaying] = useState(false)
  const busy = useRef(false)
  const leave = () => goBackOr(isAppPageUrl(back) ? back : HOME_PAGE)

  const confirm = () => {
    if (busy.current) return
    busy.current = true
    setPaying(true)
    setFailure(null)
    paySimulated(order).then(
      (paid) => {
        // Still busy while the page goes away: a late tap must not pay again.
        showNotice(isPaymentSettled(paid.status) ? '支付成功' : '支付未完成')
        leave()
      },
      (error: unknown) => {
        setFailure(errorMessage(error))
        busy.current = false
        setPaying(false)
      },
    )
  }

  const { state } = payment
  const blocked = state.status === 'ready' ? blocker(state.data) : undefined
  return (
    <View className={pageClass} role="main">
      <PageTitle>模拟微信支付</PageTitle>
      <View className="cashier__notice" role="note">
        这是用于演示和测试的模拟收银台，不连接真实的微信支付，不会产生任何真实扣款。
      </View>
      {state.status === 'loading' && <LoadingView text="正在读取订单…" />}
      {state.status === 'error' && (
        <>
          <ErrorView message={state.message} onRetry={payment.retry} />
          <Pressable className="button button--secondary" onPress={leave}>
            返回
          </Pressable>
        </>
      )}
      {state.status === 'ready' && (
        <>
          <View className="subpage-card card">
            <Text className="cashier__amount">{formatPrice(state.data.amountFen)}</Text>
            <DetailList
              rows={[
                { label: '商品', value: state.data.description },
                { label: '订单号', value: state.data.orderId },
                { label: '支付截止', value: formatChinaDateTime(state.data.expiresAt) },
              ]}
            />
          </View>
          {blocked && <Text className="subpage-notice">{blocked}</Text>}
          {failure && <FormAlert message={failure} />}
          <View className="subpage-actions">
            {paying && (
              <View className="subpage-lead" role="status">
                正在支付…
              </View>
            )}
            {!blocked && (
              <Pressable className="button cashier__confirm" disabled={paying} onPress={confirm}>
                确认支付
              </Pressable>
            )}
            <Pressable className="button button--secondary cashier__cancel" disabled={paying} onPress={leave}>
              {blocked ? '返回' : '取消支付'}
            </Pressable>
          </View>
        </>
      )}
    </View>
  )
}
