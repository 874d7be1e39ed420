import { Text, View } from '@tarojs/components'
import type { RecordT } from '../../../api/citizens'
import { formatChinaDateTime } from '../../../domain/china-time'
import { formatPrice } from '../../../domain/money'
import { recordStatusLabel } from '../../../domain/record-status'

/** One 办事记录: which service in which city, what was done (a fine's plate, masked), its status in words, the amount and when. */
export function RecordRow({ record }: { record: RecordT }) {
  return (
    <View className="list-row record-row" role="listitem">
      <View className="list-row__top">
        <Text className="list-row__title">{`${record.cityName} · ${record.serviceName}`}</Text>
        <Text className={`status-tag status-tag--${record.status}`}>{recordStatusLabel(record.status)}</Text>
      </View>
      <Text className="list-row__text">
        {record.what}
        {record.amountFen !== undefined && ` · ${formatPrice(record.amountFen)}`}
      </Text>
      {record.plate && <Text className="list-row__text record-row__plate">{`车辆 ${record.plate}`}</Text>}
      <Text className="list-row__text">{formatChinaDateTime(record.createdAt)}</Text>
    </View>
  )
}
