import { Text, View } from '@tarojs/components'
import { Pressable } from './pressable'

/** Which calendar year of records to show: one chip per year, newest first, the chosen one marked. */
export function YearChips({ years, value, onChange }: { years: number[]; value: number; onChange: (year: number) => void }) {
  return (
    <View className="year-chips">
      <Text id="year-chips-label" className="year-chips__label">
        年份
      </Text>
      <View className="choice-chips" role="group" aria-labelledby="year-chips-label">
        {years.map((year) => (
          <Pressable key={year} className={year === value ? 'choice-chip choice-chip--on' : 'choice-chip'} current={year === value} onPress={() => onChange(year)}>
            {`${year}年`}
          </Pressable>
        ))}
      </View>
    </View>
  )
}
