import chineseDays from 'chinese-days'
import { chinaToday } from '../../../src/domain/china-time'

/** How many working days an agency has for a poor rating (02-services.md; ONECITY_RATING_*_WORKDAYS). */
export interface RatingConfig {
  callbackWorkdays: number
  fixWorkdays: number
}

/** The end (23:59:59.999 in China) of the `n`th working day after the China date of `at`, by the official calendar. */
export function endOfWorkdayAfter(at: Date, n: number): Date {
  const day = chineseDays.findWorkday(n, chinaToday(at))
  return new Date(`${day}T23:59:59.999+08:00`)
}

/**
 * A rectification ticket's deadlines from the time of the rating: the
 * callback (回访) and the fix (整改) are due at the end of the Nth working
 * day after the day it was rated (Asia/Shanghai), holidays and make-up
 * workdays (调休) as the State Council publishes them (`chinese-days`).
 */
export function ticketDeadlines(ratedAt: Date, config: RatingConfig): { callbackDue: Date; fixDue: Date } {
  return { callbackDue: endOfWorkdayAfter(ratedAt, config.callbackWorkdays), fixDue: endOfWorkdayAfter(ratedAt, config.fixWorkdays) }
}
