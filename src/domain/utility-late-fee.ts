/** 违约金 rate: 0.1% (千分之一) of the bill's amount per day overdue, as 供电营业规则 art. 98 sets it for households. */
export const LATE_FEE_PER_DAY = 0.001

const DAY_MS = 86_400_000

/** Whole days from one calendar date to another (YYYY-MM-DD), computed in UTC so no clock or time zone moves it. */
function daysFrom(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS)
}

/**
 * 违约金 of a household utility bill (utilities@1): 0.1% of the amount for
 * each whole day after the due date (paying on the due date costs nothing),
 * rounded to the fen, never more than the bill itself. Dates are China
 * calendar dates; amounts integer fen. A paid bill owes none: pass only
 * unpaid ones.
 */
export function utilityLateFeeFen(amountFen: number, dueDate: string, today: string): number {
  const days = daysFrom(dueDate, today)
  if (days <= 0 || amountFen <= 0) return 0
  return Math.min(amountFen, Math.round(amountFen * LATE_FEE_PER_DAY * days))
}
