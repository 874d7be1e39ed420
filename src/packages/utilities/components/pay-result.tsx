import { Text, View } from '@tarojs/components'
import { FormAlert } from '../../../components/form-alert'
import type { PaymentOutcome } from '../../../hooks/use-payment'

/** What came of a payment: 缴费成功 with the company's receipt, refunded, not finished, or why it failed. */
export function PayResult({ outcome, what, onRetry }: { outcome: PaymentOutcome; what: string; onRetry: () => void }) {
  if (outcome.kind === 'error') return <FormAlert message={outcome.message} onRetry={outcome.retryable ? onRetry : undefined} />
  if (outcome.kind === 'unfinished' && outcome.payment.status === 'refunded') {
    // The company refused it after the citizen paid: the payments module sent the money back.
    return (
      <View className="pay-outcome pay-outcome--unfinished" role="alert">
        <Text className="pay-outcome__text">缴费单位未能入账（账单可能已在其他渠道缴纳），款项已原路退回</Text>
      </View>
    )
  }
  if (outcome.kind === 'unfinished') {
    return (
      <View className="pay-outcome pay-outcome--unfinished" role="alert">
        <Text className="pay-outcome__text">支付未完成，未扣款，可重新缴费</Text>
      </View>
    )
  }
  const { receiptNo } = outcome.payment
  return (
    <View className="pay-outcome pay-outcome--paid" role="status">
      <Text className="pay-outcome__title">缴费成功</Text>
      <Text className="pay-outcome__text">{receiptNo ? `${what}已到账，缴费凭证号 ${receiptNo}。` : `${what}已支付，缴费单位确认后记录会同步更新。`}</Text>
    </View>
  )
}
