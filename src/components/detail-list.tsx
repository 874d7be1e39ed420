import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './detail-list.scss'

export interface DetailRow {
  label: string
  value: ReactNode
  /** Highlights the row, e.g. 应缴金额. */
  strong?: boolean
}

/** Label–value rows of one record (a violation, a licence, an order). */
export function DetailList({ rows, className }: { rows: DetailRow[]; className?: string }) {
  return (
    <View className={className ? `detail-list ${className}` : 'detail-list'} role="list">
      {rows.map((row) => (
        <View key={row.label} className={row.strong ? 'detail-list__row detail-list__row--strong' : 'detail-list__row'} role="listitem">
          <Text className="detail-list__label">{row.label}</Text>
          <Text className="detail-list__value">{row.value}</Text>
        </View>
      ))}
    </View>
  )
}
