import type { DayScheduleT } from '../../../api/hospital'
import { DetailList } from '../../../components/detail-list'
import { visitTimeText } from '../../../domain/booking-dates'
import { formatPrice } from '../../../domain/money'
import type { Slot } from '../../../domain/slot-groups'
import type { Department, Hospital } from '../../../services/hospital-api'

export interface BookingSummaryProps {
  hospital: Hospital
  department: Department
  day: Pick<DayScheduleT, 'date' | 'holidayName' | 'dayType'>
  slot: Slot
}

/** What is about to be booked: where, with whom, when (weekday and time) and the fee. */
export function BookingSummary({ hospital, department, day, slot }: BookingSummaryProps) {
  const kind = day.dayType === 'makeup-workday' ? '（调休上班）' : day.holidayName ? `（${day.holidayName}）` : ''
  return (
    <DetailList
      className="booking-summary"
      rows={[
        { label: '医院', value: hospital.name },
        { label: '科室', value: department.name },
        { label: '医生', value: `${slot.doctorName} ${slot.doctorTitle}` },
        { label: '就诊时间', value: `${visitTimeText(day.date, slot.start, slot.end)}${kind}` },
        { label: '挂号费', value: formatPrice(slot.feeFen), strong: true },
      ]}
    />
  )
}
