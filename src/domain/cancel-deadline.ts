import type { BookingRulesT } from '../api/hospital'

const HOUR_MS = 3600_000
const DAY_MS = 24 * HOUR_MS

/** A China date and clock time (UTC+8, no daylight saving) as epoch milliseconds. */
const chinaInstant = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`)

/**
 * Until when a visit on `date` at `start` can be cancelled under the
 * campus's rule, as epoch milliseconds: the same reading as the hospital
 * contract's `cancelDeadline`, so the confirm page can warn before booking.
 */
export function cancelDeadlineOf(rule: BookingRulesT['cancelRule'], date: string, start: string): number {
  if ('hoursBefore' in rule) return chinaInstant(date, start) - rule.hoursBefore * HOUR_MS
  return chinaInstant(date, rule.at) - rule.daysBefore * DAY_MS
}

/** Whether a booking made at `now` could no longer be cancelled: its deadline is already behind it. */
export function isPastCancelDeadline(rule: BookingRulesT['cancelRule'], date: string, start: string, now: Date = new Date()): boolean {
  return now.getTime() >= cancelDeadlineOf(rule, date, start)
}
