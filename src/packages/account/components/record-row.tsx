import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { RecordT } from '../../../api/citizens'
import type { MyRatingT } from '../../../api/ratings'
import { formatChinaDateTime } from '../../../domain/china-time'
import { formatPrice } from '../../../domain/money'
import { isConcluded, ratingLabel } from '../../../domain/rating-levels'
import { recordStatusLabel } from '../../../domain/record-status'
import { Pressable } from '../../../components/pressable'
import { ratingUrl } from '../../../services/routes'

/** What a rated record says of its rating: the level, and whether the agency has answered a poor one. */
function ratingNote(rating: MyRatingT): string {
  if (rating.voided) return '评价已作废'
  const answered = rating.ticket && (rating.ticket.callback || rating.ticket.fix)
  return `已评价：${ratingLabel(rating.level)}${answered ? ' · 部门已答复' : rating.ticket ? ' · 部门处理中' : ''}`
}

/**
 * One 办事记录: which service in which city, what was done (a fine's plate,
 * masked), its status in words, the amount and when; once 办结, 评价 (or the
 * rating given and the agency's answer). `opened`: the case a 消息 opened,
 * said in words and outlined.
 */
export function RecordRow({ record, rating, opened = false }: { record: RecordT; rating?: MyRatingT; opened?: boolean }) {
  const open = () => void Taro.navigateTo({ url: ratingUrl(record.id, record.what) })
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
      {rating && <Text className="list-row__text record-row__rated">{ratingNote(rating)}</Text>}
      {(rating || isConcluded(record.status)) && (
        <Pressable className="button button--secondary record-row__rate" onPress={open} label={`${rating ? '查看评价' : '评价'}：${record.what}`}>
          {rating ? '查看评价' : '评价'}
        </Pressable>
      )}
    </View>
  )
}
