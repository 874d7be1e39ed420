import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { Pressable } from '../../../components/pressable'
import { formatYuan } from '../../../domain/money'
import type { WithdrawalReason } from '../../../services/housing-fund-api'
import { chineseMessage } from '../../../services/request'

export interface ReasonItemProps {
  reason: WithdrawalReason
  chosen: boolean
  onChoose: (reason: WithdrawalReason) => void
  /** The application form, under the chosen reason. */
  children?: ReactNode
}

/**
 * One withdrawal reason. An eligible one shows its maximum and materials and
 * can be chosen; an ineligible one says why and cannot. Both say so in words.
 */
export function ReasonItem({ reason, chosen, onChoose, children }: ReasonItemProps) {
  if (!reason.eligible) {
    return (
      <View className="reason-item reason-item--off" role="listitem">
        <View className="reason-item__top">
          <Text className="reason-item__name">{reason.name}</Text>
          <Text className="status-tag status-tag--cancelled">不可办理</Text>
        </View>
        <Text className="reason-item__why">{`原因：${chineseMessage(reason.why ?? '暂不符合提取条件')}`}</Text>
      </View>
    )
  }
  return (
    <View className={chosen ? 'reason-item reason-item--on' : 'reason-item'} role="listitem">
      <Pressable className="reason-item__choose" current={chosen} onPress={() => onChoose(reason)}>
        <View className="reason-item__top">
          <Text className="reason-item__name">{reason.name}</Text>
          <Text className={`status-tag ${chosen ? 'status-tag--paid' : 'status-tag--done'}`}>{chosen ? '✓ 已选择' : '可办理'}</Text>
        </View>
        <Text className="reason-item__text">{`最多可提取 ${formatYuan(reason.maxAmountFen)}`}</Text>
        {reason.materials.length > 0 && <Text className="reason-item__text">{`所需材料：${reason.materials.join('、')}`}</Text>}
      </Pressable>
      {children}
    </View>
  )
}
