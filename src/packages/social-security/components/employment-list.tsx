import { Text, View } from '@tarojs/components'
import type { InsuredViewT } from '../../../api/social-security'
import { monthText } from '../../../domain/calendar-months'
import { type EmploymentEntry, employmentHistory } from '../../../domain/employment-history'

function periodText(from: string, to?: string): string {
  return to ? `${monthText(from)} 至 ${monthText(to)}` : `${monthText(from)} 至今`
}

function EntryRow({ entry }: { entry: EmploymentEntry }) {
  if (entry.kind === 'gap') {
    return (
      <View className="list-row employment-gap" role="listitem">
        <Text className="list-row__warn employment-gap__title">断缴 {entry.months} 个月</Text>
        <Text className="list-row__text">{periodText(entry.from, entry.to)} 未缴费</Text>
      </View>
    )
  }
  return (
    <View className="list-row employment-period" role="listitem">
      <View className="list-row__top">
        <Text className="list-row__title">{entry.employer}</Text>
        {entry.flexible && <Text className="tag">灵活就业</Text>}
      </View>
      <Text className="list-row__text">{periodText(entry.from, entry.to)}</Text>
    </View>
  )
}

/** 参保单位: the contribution periods newest first, with each gap between them said as 断缴 N 个月. */
export function EmploymentList({ employments }: { employments: InsuredViewT['employments'] }) {
  const entries = employmentHistory(employments)
  return (
    <View className="card" role="list" aria-label="参保单位">
      {entries.map((entry) => (
        <EntryRow key={`${entry.kind}-${entry.from}-${entry.kind === 'period' ? entry.employer : ''}`} entry={entry} />
      ))}
    </View>
  )
}
