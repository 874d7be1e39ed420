import { HttpError } from '../../server/errors'
import { monthsBetween } from './china-time'

/** Checks a from–to month range of a records query: in order, at most `max` months, not after `latest`. */
export function checkMonthRange(from: string, to: string, latest: string, max = 60): string[] {
  const problems: { path: string; message: string }[] = []
  if (from > to) problems.push({ path: 'body.from', message: 'from must not be after to / 起始月份不能晚于结束月份' })
  if (to > latest) problems.push({ path: 'body.to', message: `to must not be after ${latest} / 结束月份不能晚于 ${latest}` })
  const months = from <= to ? monthsBetween(from, to) : []
  if (months.length > max) problems.push({ path: 'body.to', message: `at most ${max} months per query / 每次最多查询 ${max} 个月` })
  if (problems.length > 0) throw new HttpError(422, 'INVALID_RANGE', problems.map((p) => p.message).join('; '), problems)
  return months
}
