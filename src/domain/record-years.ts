/**
 * The calendar years a record reaches over, newest first: from the year of
 * its first month (YYYY-MM) to the current year in China, at most `max` of
 * them (older years are still open to a typed query, not to a chip).
 */
export function recordYears(firstMonth: string | undefined, currentYear: number, max = 40): number[] {
  const first = firstMonth ? Number(firstMonth.slice(0, 4)) : currentYear
  const from = Math.max(Number.isInteger(first) && first <= currentYear ? first : currentYear, currentYear - max + 1)
  const years: number[] = []
  for (let y = currentYear; y >= from; y--) years.push(y)
  return years
}

/**
 * The months of a calendar year that can have records yet: January to
 * December, or to `currentMonth` (YYYY-MM) in the current year; undefined for
 * a year that has not begun.
 */
export function yearMonthRange(year: number, currentMonth: string): { from: string; to: string } | undefined {
  const from = `${year}-01`
  if (from > currentMonth) return undefined
  const december = `${year}-12`
  return { from, to: december < currentMonth ? december : currentMonth }
}

/** The first year the platform answers yearly record queries for (YearQuery in the server's schemas). */
export const FIRST_RECORD_YEAR = 1990

/**
 * The year a records page opens on: the `year` page parameter when it is a
 * whole year from 1990 to this year (China time), otherwise this year. A bad
 * link then shows records instead of the agency's 422.
 */
export function recordYearParam(param: string | undefined, currentYear: number): number {
  const year = param && /^\d{4}$/.test(param) ? Number(param) : Number.NaN
  return year >= FIRST_RECORD_YEAR && year <= currentYear ? year : currentYear
}

/** The year chips: `years` (from recordYears) plus the chosen year when a link asked for one outside them, newest first. */
export function yearChoices(years: readonly number[], chosen: number): number[] {
  return years.includes(chosen) ? [...years] : [...years, chosen].sort((a, b) => b - a)
}
