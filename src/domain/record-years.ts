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
