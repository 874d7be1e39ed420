import type { DatesT } from '../api/hospital'
import { relativeDayLabel, releaseText, shortDateLabel, visitDateText } from './booking-dates'

/** One date of a hospital's booking window, as GET …/dates answers it. */
export type BookingDay = DatesT['dates'][number]

/** A date as the date strip shows it. */
export interface DayChip {
  date: string
  /** 今天, 明天 or the weekday. */
  top: string
  /** 11-21 */
  day: string
  /** One short word under the date: 余 12, 约满, 08:00 放号, 休, or the holiday's name. */
  note: string
  /** 班 on a make-up workday (调休), 休 on a public holiday. */
  mark?: '班' | '休'
  bookable: boolean
  /** Why nothing can be booked, in a sentence (empty when bookable). */
  reason: string
  /** What a screen reader says for the date. */
  label: string
}

const CLOSED_NOTES: Record<Exclude<BookingDay['status'], 'bookable' | 'not-released' | 'holiday-closed'>, string> = {
  full: '约满',
  passed: '已过',
  'no-clinic': '停诊',
}

/** The short word for a date that cannot be booked; the hospital's own reason is the sentence behind it. */
function closedNote(day: BookingDay, now: Date): string {
  if (day.status === 'holiday-closed') return day.holidayName ?? '休'
  if (day.status === 'not-released') return releaseText(day.releaseAt, now)
  if (day.status === 'no-clinic' && day.dayType === 'weekend') return '休'
  return day.status === 'bookable' ? '' : CLOSED_NOTES[day.status]
}

function closedReason(day: BookingDay, now: Date): string {
  if (day.reason) return day.reason
  if (day.dayType === 'holiday') return `${day.holidayName ?? '法定节假日'}门诊停诊`
  if (!day.released) return releaseText(day.releaseAt, now)
  return day.remaining === 0 ? '号源已约满' : '当日不可预约'
}

/**
 * A date of the booking window for the date strip: bookable dates show how
 * many numbers remain; the others are greyed with a word saying why (休, the
 * holiday, 08:00 放号, 约满). 调休 make-up workdays carry 班 and book as usual.
 */
export function describeBookingDay(day: BookingDay, now: Date = new Date()): DayChip {
  const mark = day.dayType === 'makeup-workday' ? '班' : day.dayType === 'holiday' ? '休' : undefined
  const top = relativeDayLabel(day.date, now)
  const kind = day.dayType === 'makeup-workday' ? '，调休上班' : day.holidayName ? `，${day.holidayName}` : ''
  if (day.bookable) {
    const note = `余 ${day.remaining}`
    return { date: day.date, top, day: shortDateLabel(day.date), note, mark, bookable: true, reason: '', label: `${visitDateText(day.date)}${kind}，${note}` }
  }
  const reason = closedReason(day, now)
  return {
    date: day.date,
    top,
    day: shortDateLabel(day.date),
    note: closedNote(day, now),
    mark,
    bookable: false,
    reason,
    label: `${visitDateText(day.date)}${kind}，不可预约：${reason}`,
  }
}

/** The date to show first: the one asked for when it can be booked, else the first bookable one, else none. */
export function firstBookableDate(days: BookingDay[], preferred?: string): string | undefined {
  if (preferred && days.some((d) => d.date === preferred && d.bookable)) return preferred
  return days.find((d) => d.bookable)?.date
}
