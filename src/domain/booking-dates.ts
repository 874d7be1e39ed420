import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)

/** A calendar date, YYYY-MM-DD, as the hospital names the day of a visit. */
export type IsoDate = string
/** A time of day in China, HH:mm. */
export type ClockTime = string

/**
 * China's fixed offset. utcOffset(480) rather than the timezone plugin: that
 * one needs Intl time-zone data, which the mini-program runtime lacks.
 */
const CHINA_OFFSET_MINUTES = 480
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const

function chinaClock(instant: Date | string) {
  return dayjs(instant).utcOffset(CHINA_OFFSET_MINUTES)
}

/** A calendar date as a dayjs at its UTC midnight, so no device offset can move it to another day. */
function calendarDay(date: IsoDate) {
  return dayjs.utc(date)
}

/** The date in China at `now` (YYYY-MM-DD). */
export function chinaDateOf(now: Date = new Date()): IsoDate {
  return chinaClock(now).format('YYYY-MM-DD')
}

/** 周一…周日 of a calendar date. */
export function weekdayLabel(date: IsoDate): string {
  return WEEKDAYS[calendarDay(date).day()] ?? ''
}

/** Whole days from China's today to `date`: 0 today, 1 tomorrow, negative in the past. */
export function daysFromToday(date: IsoDate, now: Date = new Date()): number {
  return calendarDay(date).diff(calendarDay(chinaDateOf(now)), 'day')
}

/** 今天 and 明天 by China's calendar, else the weekday: the top line of a date in the date strip. */
export function relativeDayLabel(date: IsoDate, now: Date = new Date()): string {
  const days = daysFromToday(date, now)
  if (days === 0) return '今天'
  if (days === 1) return '明天'
  return weekdayLabel(date)
}

/** The short date of the date strip: 2026-11-21 → "11-21". */
export function shortDateLabel(date: IsoDate): string {
  return calendarDay(date).format('MM-DD')
}

/** A visit's day in full: 2026-11-21 → "2026年11月21日 周六". */
export function visitDateText(date: IsoDate): string {
  return `${calendarDay(date).format('YYYY年M月D日')} ${weekdayLabel(date)}`
}

/** A visit's day and time: "2026年11月21日 周六 08:00–08:30". */
export function visitTimeText(date: IsoDate, start: ClockTime, end: ClockTime): string {
  return `${visitDateText(date)} ${start}–${end}`
}

/** An instant (ISO) as China's date, weekday and minute, e.g. a cancel deadline: "2026年11月20日 周五 17:00". */
export function chinaMomentText(iso: string): string {
  const moment = chinaClock(iso)
  if (!moment.isValid()) return iso
  return `${visitDateText(moment.format('YYYY-MM-DD'))} ${moment.format('HH:mm')}`
}

/** An instant (ISO) as China's time of day: "08:00". */
export function chinaClockText(iso: string): ClockTime {
  const moment = chinaClock(iso)
  return moment.isValid() ? moment.format('HH:mm') : iso
}

/** When a date's numbers open, as the date strip says it: "08:00 放号", "明天 08:00 放号" when not today. */
export function releaseText(releaseAtIso: string, now: Date = new Date()): string {
  const releaseDate = chinaClock(releaseAtIso).format('YYYY-MM-DD')
  const day = daysFromToday(releaseDate, now)
  const prefix = day === 0 ? '' : day === 1 ? '明天 ' : `${shortDateLabel(releaseDate)} `
  return `${prefix}${chinaClockText(releaseAtIso)} 放号`
}

export type HalfDay = '上午' | '下午' | '晚上'

/** Which part of the day a slot starting at `start` belongs to: before 12:00 上午, before 18:00 下午, then 晚上 (夜间门诊). */
export function halfDayOf(start: ClockTime): HalfDay {
  if (start < '12:00') return '上午'
  return start < '18:00' ? '下午' : '晚上'
}
