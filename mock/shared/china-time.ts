/**
 * Dates and times as the agencies see them: China Standard Time (UTC+8, no
 * daylight saving), computed by offset so the mocks do not depend on the
 * machine's TZ.
 */
const OFFSET_MS = 8 * 3600_000
export const DAY_MS = 24 * 3600_000

/** 2025-03-01T08:30:00+08:00 */
export function isoCst(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 19) + '+08:00'
}

/** The calendar date in China: 2025-03-01 */
export function dateCst(ms: number): string {
  return new Date(ms + OFFSET_MS).toISOString().slice(0, 10)
}

/** YYYY-MM in China. */
export function monthCst(ms: number): string {
  return dateCst(ms).slice(0, 7)
}

/** The instant of a China date and HH:mm. */
export function atCst(date: string, time = '00:00'): number {
  return Date.parse(`${date}T${time}:00+08:00`)
}

/** Whole days from date a to date b (YYYY-MM-DD). */
export function daysBetween(a: string, b: string): number {
  return Math.round((atCst(b) - atCst(a)) / DAY_MS)
}

export function addDays(date: string, days: number): string {
  return dateCst(atCst(date) + days * DAY_MS)
}

/** Day of week of a China date, 0 = Sunday. */
export function weekday(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay()
}

export { isRealDate } from '../../src/domain/real-date'

/** Months from `from` to `to` inclusive (YYYY-MM), oldest first. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = []
  let [y, m] = from.split('-').map(Number) as [number, number]
  const [ty, tm] = to.split('-').map(Number) as [number, number]
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`)
    m += 1
    if (m > 12) {
      m = 1
      y += 1
    }
  }
  return out
}

/** The month `n` months before `month`. */
export function monthMinus(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const total = y * 12 + (m - 1) - n
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`
}
