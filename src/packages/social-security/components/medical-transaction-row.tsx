import { Text, View } from '@tarojs/components'
import type { MedicalAccountViewT } from '../../../api/social-security'
import { formatChinaDateTime } from '../../../domain/china-time'
import { transactionAmountText, transactionKindLabel } from '../../../domain/medical-transactions'
import { formatYuan } from '../../../domain/money'

type Transaction = MedicalAccountViewT['transactions'][number]

/** One 医保个人账户 transaction: what, when (China time), the signed amount with 划入/支出 in words, and the balance after. */
export function MedicalTransactionRow({ transaction: t }: { transaction: Transaction }) {
  return (
    <View className="list-row medical-tx" role="listitem">
      <View className="list-row__top">
        <Text className="list-row__title medical-tx__description">{t.description}</Text>
        <Text className={`medical-tx__amount medical-tx__amount--${t.kind}`}>{transactionAmountText(t)} 元</Text>
      </View>
      <Text className="list-row__text">
        {formatChinaDateTime(t.time)} · {transactionKindLabel(t.kind)}
      </Text>
      <Text className="list-row__text">余额 {formatYuan(t.balanceAfterFen)}</Text>
    </View>
  )
}
