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
