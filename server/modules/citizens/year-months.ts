import { chinaToday } from '../../../src/domain/china-time'
import { yearMonthRange } from '../../../src/domain/record-years'
import { HttpError } from '../../errors'

/** The months of `year` to ask an agency for (up to this month in China), or 422 YEAR_IN_FUTURE. */
export function yearMonths(year: number, now = new Date()): { from: string; to: string } {
  const range = yearMonthRange(year, chinaToday(now).slice(0, 7))
  if (!range) throw new HttpError(422, 'YEAR_IN_FUTURE', `No records for a year that has not begun / ${year} 年尚无记录，请选择今年或以前的年份`)
  return range
}
