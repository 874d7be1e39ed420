import chineseDays from 'chinese-days'
import type { DAY_TYPES } from '../../src/api/hospital'

export interface DayKind {
  dayType: (typeof DAY_TYPES)[number]
  /** 国庆节, on a public holiday or the make-up workday (调休) that pays for it. */
  holidayName?: string
}

/**
 * A date in China's official calendar, from the State Council's published
 * schedule (chinese-days). Holiday names come as "National Day,国庆节,3";
 * ordinary days as the English weekday. Years the package does not know yet
 * fall back to plain weekdays and weekends.
 */
export function dayKind(date: string): DayKind {
  const { work, name } = chineseDays.getDayDetail(date)
  const holidayName = name.includes(',') ? name.split(',')[1] : undefined
  if (holidayName) return { dayType: work ? 'makeup-workday' : 'holiday', holidayName }
  return { dayType: work ? 'workday' : 'weekend' }
}
