import { Text, View } from '@tarojs/components'
import { depositKindLabel, isOutgoing, signedYuanText } from '../../../domain/fund-deposits'
import { formatYuan } from '../../../domain/money'
import { monthText } from '../../../domain/calendar-months'
import type { FundDepositRecord } from '../../../services/housing-fund-api'

/** One line of 缴存明细: month, kind (a word), the amount with + or −, and the balance after it. */
export function DepositRow({ record }: { record: FundDepositRecord }) {
  const kind = depositKindLabel(record.kind)
  const out = isOutgoing(record)
  return (
    <View className="list-row deposit-row" role="listitem">
      <View className="list-row__top">
        <Text className="list-row__title">{monthText(record.month)}</Text>
        <Text className={`status-tag status-tag--${out ? 'pending' : 'done'} deposit-row__kind`}>{kind}</Text>
        <Text className={out ? 'deposit-row__amount deposit-row__amount--out' : 'deposit-row__amount'}>{`${signedYuanText(record)} 元`}</Text>
      </View>
      <Text className="list-row__text">
        {`余额 ${formatYuan(record.balanceAfterFen)}${record.note && record.note !== kind ? ` · ${record.note}` : ''}`}
      </Text>
    </View>
  )
}
