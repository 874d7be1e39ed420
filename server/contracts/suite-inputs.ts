/** Ids that no agency holds but that match the contracts' formats, for the suites' "not found" cases. */
export const UNKNOWN = {
  violation: '0000000000000000',
  slot: 'none.none.2000-01-01.0800',
  appointment: 'A20000101000000',
  order: 'onecity-review-none',
  loan: '0000000000000000',
} as const

/** Today, this month and the same month a year ago in China time, for date-shaped suite inputs. */
export function chinaDates(now: number): { day: string; month: string; yearAgo: string } {
  const day = new Date(now + 8 * 3600_000).toISOString().slice(0, 10)
  const month = day.slice(0, 7)
  const year = Number(month.slice(0, 4))
  return { day, month, yearAgo: `${year - 1}${month.slice(4)}` }
}
