import { Text, View } from '@tarojs/components'
import type { RecordT } from '../../../api/citizens'
import { formatChinaDateTime } from '../../../domain/china-time'
import { formatPrice } from '../../../domain/money'
import { recordStatusLabel } from '../../../domain/record-status'

/** One 办事记录 (`opened`: the case a 消息 opened, said in words and outlined): which service in which city, what was done (a fine's plate, masked), its status in words, the amount and when. */
export function RecordRow({ record, opened = false }: { record: RecordT; opened?: boolean }) {
  return (
    <View className={opened ? 'list-row record-row record-row--opened' : 'list-row record-row'} role="listitem" aria-current={opened ? 'true' : undefined}>
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
      {opened && <Text className="list-row__text record-row__opened">来自消息</Text>}
    </View>
  )
}
