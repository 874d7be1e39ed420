/**
 * Calendar months as the bureaus write them, on YYYY-MM strings (no dates,
 * so no time zone can shift a month).
 */
export type Month = string // YYYY-MM

function parts(month: Month): [number, number] {
  return [Number(month.slice(0, 4)), Number(month.slice(5, 7))]
}

/** 2025-03 → "2025年03月"; a value that is not YYYY-MM is returned as it is. */
export function monthText(month: Month): string {
  return /^\d{4}-\d{2}$/.test(month) ? `${month.slice(0, 4)}年${month.slice(5, 7)}月` : month
}

/** The month `n` months after `month` (n may be negative): addMonths('2025-12', 1) → '2026-01'. */
export function addMonths(month: Month, n: number): Month {
  const [y, m] = parts(month)
  const index = y * 12 + (m - 1) + n
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
}

/** Months from `from` to `to`: 0 for the same month, negative when `to` comes first. */
export function monthsApart(from: Month, to: Month): number {
  const [fy, fm] = parts(from)
  const [ty, tm] = parts(to)
  return (ty - fy) * 12 + (tm - fm)
}
