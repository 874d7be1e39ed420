import { Text, View } from '@tarojs/components'
import { Pressable } from '../../../../components/pressable'
import { RemoteStatus } from '../../../../components/remote-status'
import { canPayOnline, notPayableReason } from '../../../../domain/violation-status'
import { useRemote } from '../../../../hooks/use-remote'
import { useRouteParams } from '../../../../hooks/use-route-params'
import { type PaymentOutcome, usePayment } from '../../../../hooks/use-payment'
import { useServiceUsage } from '../../../../hooks/use-service-usage'
import { ApiError, chineseMessage } from '../../../../services/request'
import { createViolationPayment, getViolation } from '../../../../services/traffic-api'
import { PayOutcomeView } from '../../components/pay-outcome-view'
import { ViolationDetails } from '../../components/violation-details'
import { PageTitle } from '../../../../components/page-title'
import { usePageClass } from '../../../../hooks/use-care-mode'
import { useSubscriptionOffer } from '../../../../hooks/use-subscription-offer'
import { askForSubscriptionsOnTap } from '../../../../services/subscription-request'
import './index.scss'

/** Whether a payment attempt changed what the violation shows: it ended, or the police said it is paid or not payable online. */
const changesViolation = (outcome: PaymentOutcome) =>
  outcome.kind !== 'error' || (outcome.error instanceof ApiError && (outcome.error.code === 'ALREADY_PAID' || outcome.error.code === 'NOT_PAYABLE_ONLINE'))

/**
 * One violation: its facts, why it cannot be paid online when it cannot, and
 * 立即缴款 when it can (the open order for the fine, paid in the wallet or the
 * simulated cashier; the violation is read again after).
 */
export default function ViolationPage() {
  const pageClass = usePageClass('page violation')
  const ids = useRouteParams('service', 'vehicle', 'violation')
  const view = useRemote(() => getViolation(ids.service, ids.vehicle, ids.violation), [ids])
  // Anonymous submit/success/error with latency (to the paid status); the use was counted on the service's first page.
  const usage = useServiceUsage(ids.service, { open: false })
  const payment = usePayment({
    open: () => createViolationPayment(ids.service, ids.vehicle, ids.violation),
    usage,
    cannotPayMessage: '当前环境无法完成支付，请在微信中打开本服务缴款',
    onDone: (outcome) => {
      if (changesViolation(outcome)) view.reload()
    },
  })
  useSubscriptionOffer()
  // 立即缴款 is the citizen's tap: WeChat's subscription dialog for the 缴费成功 message comes first, then the wallet.
  const onPayTap = () => {
    askForSubscriptionsOnTap(['payment'])
    payment.pay()
  }
  const { state } = view
  const reason = state.status === 'ready' ? notPayableReason(state.data.violation) : undefined
  // Another account bound the same car and pays (or paid) this one: say so without showing its order.
  const elsewhere = state.status === 'ready' ? state.data.paymentElsewhere : undefined

  return (
    <View className={pageClass} role="main">
      <PageTitle>违法详情</PageTitle>
      <RemoteStatus remote={view} />
      {state.status === 'ready' && (
        <Text className="subpage-lead">
          {state.data.vehicle.plate} · {state.data.vehicle.plateTypeName}
        </Text>
      )}
      {payment.outcome && <PayOutcomeView outcome={payment.outcome} onRetry={payment.pay} />}
      {state.status === 'ready' && (
        <>
          <View className="subpage-card card">
            <ViolationDetails view={state.data} />
          </View>
          {reason && (
            <View className="violation-not-payable" role="note">
              <Text className="violation-not-payable__title">不能在线缴款</Text>
              <Text className="violation-not-payable__reason">{chineseMessage(reason)}</Text>
            </View>
          )}
          {state.data.violation.status === 'processing' && <Text className="subpage-notice">这条违法正在处理中，处理完成前不能缴款。</Text>}
          {elsewhere && (
            <Text className="subpage-notice">
              {elsewhere === 'paid'
                ? '这条违法已由绑定同一车辆的另一个微信账号缴款，交管部门确认后显示为已缴款。'
                : '绑定同一车辆的另一个微信账号正在为这条违法缴款，请稍后再来查看。'}
            </Text>
          )}
          {!elsewhere && canPayOnline(state.data.violation, state.data.payment?.status) && (
            <View className="subpage-actions">
              {payment.paying && (
                <View className="subpage-lead" role="status">
                  正在处理缴款…
                </View>
              )}
              <Pressable className="button button--primary violation__pay" disabled={payment.paying} onPress={onPayTap}>
                立即缴款
              </Pressable>
            </View>
          )}
        </>
      )}
    </View>
  )
}
