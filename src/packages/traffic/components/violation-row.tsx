import { Text, View } from '@tarojs/components'
import type { ListedViolation } from '../../../api/traffic'
import { Pressable } from '../../../components/pressable'
import { formatChinaDateTime } from '../../../domain/china-time'
import { notPayableReason, violationStatusLabel } from '../../../domain/violation-status'
import { dueText } from '../../../domain/violation-summary'
import { chineseMessage } from '../../../services/request'

/** One violation in the list: when (China time), where, what, the fine in 元 (with the late fee and 应缴 when there is one), points, status, and why it cannot be paid online. */
export function ViolationRow({ violation, onOpen }: { violation: ListedViolation; onOpen: (violation: ListedViolation) => void }) {
  const reason = notPayableReason(violation)
  return (
    <View role="listitem">
      <Pressable className="list-row violation-row" onPress={() => onOpen(violation)}>
        <View className="list-row__top">
          <Text className="list-row__title">{violation.behaviour}</Text>
          <Text className={`status-tag status-tag--${violation.status}`}>{violationStatusLabel(violation.status)}</Text>
        </View>
        <Text className="list-row__text">{formatChinaDateTime(violation.time)}</Text>
        <Text className="list-row__text">{violation.place}</Text>
        <Text className="list-row__text">
          {dueText(violation.fineFen, violation.lateFeeFen)} · 记 {violation.points} 分
        </Text>
        {reason && <Text className="list-row__warn">不能在线缴款：{chineseMessage(reason)}</Text>}
      </Pressable>
    </View>
  )
}
