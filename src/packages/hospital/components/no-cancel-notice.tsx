import { Text, View } from '@tarojs/components'
import { Pressable } from '../../../components/pressable'
import { chinaMomentText } from '../../../domain/booking-dates'

export const NO_CANCEL_TITLE = '取消截止时间已过，预约后不能取消'
export const NO_CANCEL_ACK_MISSING = '请先勾选“我已知晓预约后不能取消”'

export interface NoCancelNoticeProps {
  /** The cancel deadline that has passed (ISO). */
  deadline: string
  acknowledged: boolean
  onToggle: () => void
  /** Shown when the citizen went on without ticking. */
  error?: string
}

/**
 * Said before a booking that can no longer be cancelled is made or paid
 * (a same-day visit under a "the day before" rule): the fee cannot be
 * taken back, so the citizen ticks that they know before going on.
 */
export function NoCancelNotice({ deadline, acknowledged, onToggle, error }: NoCancelNoticeProps) {
  return (
    <View className="subpage-card card no-cancel-notice" role="alert" aria-labelledby="no-cancel-title">
      <Text id="no-cancel-title" className="no-cancel-notice__title">
        ⚠ {NO_CANCEL_TITLE}
      </Text>
      <Text className="no-cancel-notice__text">
        该医院的预约须在 {chinaMomentText(deadline)} 前取消。现在预约，挂号费支付后不能在线取消或退号；如不能按时就诊，请联系医院。
      </Text>
      <Pressable className="no-cancel-notice__ack" checked={acknowledged} onPress={onToggle}>
        <Text className="no-cancel-notice__box" aria-hidden="true">
          {acknowledged ? '☑' : '☐'}
        </Text>
        <Text>我已知晓预约后不能取消</Text>
      </Pressable>
      {error && <Text className="no-cancel-notice__error">{error}</Text>}
    </View>
  )
}
