import { ScrollView, Text, View } from '@tarojs/components'
import { Pressable } from '../../../components/pressable'
import { describeBookingDay, type BookingDay } from '../../../domain/booking-day'

export interface DateStripProps {
  days: BookingDay[]
  selected?: string
  onSelect: (date: string) => void
  now?: Date
}

/**
 * Every date of the booking window in a row: bookable dates with the numbers
 * left; the others greyed and not selectable, with a word saying why (休, the
 * holiday, 08:00 放号, 约满) and the hospital's reason in their label.
 */
export function DateStrip({ days, selected, onSelect, now }: DateStripProps) {
  const chips = days.map((day) => describeBookingDay(day, now))
  return (
    <ScrollView className="date-strip" scrollX enhanced showScrollbar={false}>
      <View className="date-strip__row" role="group" aria-label="就诊日期">
        {chips.map((chip) => {
          const on = chip.date === selected
          const className = ['date-chip', on && 'date-chip--on', !chip.bookable && 'date-chip--off'].filter(Boolean).join(' ')
          return (
            <Pressable
              key={chip.date}
              className={className}
              // WCAG 2.5.3: the spoken name starts with the words on the chip, then says the date in full.
              label={`${chip.mark ?? ''}${chip.top}${chip.day}${chip.note}，${chip.label}`}
              description={chip.reason || undefined}
              current={on}
              disabled={!chip.bookable}
              onPress={() => onSelect(chip.date)}
            >
              {chip.mark && <Text className={chip.mark === '班' ? 'date-chip__mark date-chip__mark--work' : 'date-chip__mark'}>{chip.mark}</Text>}
              <Text className="date-chip__top">{chip.top}</Text>
              <Text className="date-chip__day">{chip.day}</Text>
              <Text className="date-chip__note">{chip.note}</Text>
            </Pressable>
          )
        })}
      </View>
    </ScrollView>
  )
}
