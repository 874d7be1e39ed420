import { Text, View } from '@tarojs/components'
import { FormAlert } from '../../../components/form-alert'
import { PAYMENT_UNFINISHED_MESSAGE } from '../../../domain/payment-outcome'
import type { PaymentOutcome } from '../../../hooks/use-payment'

/** What came of 立即缴款: 已缴款 (with the receipt number once the police issued it), not finished, or why it failed. */
export function PayOutcomeView({ outcome, onRetry }: { outcome: PaymentOutcome; onRetry: () => void }) {
  if (outcome.kind === 'error') return <FormAlert message={outcome.message} onRetry={outcome.retryable ? onRetry : undefined} />
  if (outcome.kind === 'unfinished') {
    return (
      <View className="pay-outcome pay-outcome--unfinished" role="alert">
        <Text className="pay-outcome__text">{PAYMENT_UNFINISHED_MESSAGE}</Text>
      </View>
    )
  }
  return (
    <View className="pay-outcome pay-outcome--paid" role="status">
      <Text className="pay-outcome__title">已缴款</Text>
      {outcome.payment.receiptNo ? (
        <Text className="pay-outcome__text">罚款已缴纳，交管部门已出具缴款书，编号 {outcome.payment.receiptNo}。</Text>
      ) : (
        <Text className="pay-outcome__text">罚款已缴纳，交管部门确认后记录会同步更新。</Text>
      )}
    </View>
  )
}
