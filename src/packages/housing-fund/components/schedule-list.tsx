import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Pressable } from '../../../components/pressable'
import { formatYuan, type Fen } from '../../../domain/money'

/** One line of a repayment schedule, as the calculator and a loan's plan both show it. */
export interface ScheduleItem {
  key: string | number
  /** 第 3 期 */
  title: string
  /** The due date, when there is one. */
  date?: string
  paymentFen: Fen
  principalFen: Fen
  interestFen: Fen
  balanceFen: Fen
  /** A word that marks the line, e.g. 下一期: the highlight never rests on colour. */
  tag?: string
}

/** Rows rendered before 展开全部: a 30-year schedule has 360, too many to lay out at once on a phone. */
export const SCHEDULE_PREVIEW_ROWS = 12

/**
 * A repayment schedule: the first {@link SCHEDULE_PREVIEW_ROWS} periods, and
 * the rest only after 展开全部.
 */
export function ScheduleList({ items, label }: { items: ScheduleItem[]; label: string }) {
  const [expanded, setExpanded] = useState(false)
  const visible = expanded ? items : items.slice(0, SCHEDULE_PREVIEW_ROWS)
  return (
    <View className="schedule-list">
      <View role="list" aria-label={label}>
        {visible.map((item) => (
          <View key={item.key} className={item.tag ? 'schedule-row schedule-row--marked' : 'schedule-row'} role="listitem">
            <View className="schedule-row__top">
              <Text className="schedule-row__title">{item.title}</Text>
              {item.tag && <Text className="status-tag status-tag--pending schedule-row__tag">{item.tag}</Text>}
              <Text className="schedule-row__payment">{formatYuan(item.paymentFen)}</Text>
            </View>
            <Text className="schedule-row__text">
              {[item.date, `本金 ${formatYuan(item.principalFen)}`, `利息 ${formatYuan(item.interestFen)}`, `剩余本金 ${formatYuan(item.balanceFen)}`]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </View>
        ))}
      </View>
      {items.length > SCHEDULE_PREVIEW_ROWS && (
        <Pressable className="subpage-link schedule-list__toggle" onPress={() => setExpanded((v) => !v)}>
          {expanded ? '收起' : `展开全部（共 ${items.length} 期）`}
        </Pressable>
      )}
    </View>
  )
}
