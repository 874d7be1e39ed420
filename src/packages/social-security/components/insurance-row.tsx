import { Text, View } from '@tarojs/components'
import type { InsuredViewT } from '../../../api/social-security'
import { monthText } from '../../../domain/calendar-months'
import { insuredStatusLabel, insuredStatusTone } from '../../../domain/insurance-labels'

type Insurance = InsuredViewT['insurances'][number]

/** One insurance type: its status in words, since when, the last month paid and for which employer. */
export function InsuranceRow({ insurance: i }: { insurance: Insurance }) {
  const dates = [i.since && `参保起始 ${monthText(i.since)}`, i.lastPaidMonth && `最近缴费 ${monthText(i.lastPaidMonth)}`].filter((d): d is string => Boolean(d))
  return (
    <View className="list-row insurance-row" role="listitem">
      <View className="list-row__top">
        <Text className="list-row__title">{i.typeName}</Text>
        <Text className={`status-tag status-tag--${insuredStatusTone(i.status)}`}>{insuredStatusLabel(i.status)}</Text>
      </View>
      {dates.length > 0 && (
        // Each date stays whole on one line; in 关怀模式 the second one moves below the first.
        <View className="insurance-row__dates">
          {dates.map((d) => (
            <Text key={d} className="list-row__text insurance-row__date">
              {d}
            </Text>
          ))}
        </View>
      )}
      {i.employer && <Text className="list-row__text">参保单位 {i.employer}</Text>}
    </View>
  )
}
