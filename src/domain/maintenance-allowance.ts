import { type EpochMs, type Interval, chinaMonthOf, chinaMonthPeriod, totalMs, unionIntervals } from './downtime'

const HOUR = 60 * 60 * 1000

/**
 * 03-index.md, maintenance limits: a window lasts at most 8 hours, and at
 * most 24 hours a month (China time) count as maintenance; beyond that the
 * time is monitored like any other, so chained windows cannot hide a service
 * from measurement.
 */
export const MAINTENANCE_ALLOWANCE = { maxWindowMs: 8 * HOUR, maxPerMonthMs: 24 * HOUR } as const

/** An interval cut at the China month boundaries it crosses. */
function splitByChinaMonth(i: Interval): Interval[] {
  const parts: Interval[] = []
  for (let start = i.start; start < i.end; ) {
    const end = Math.min(i.end, chinaMonthPeriod(chinaMonthOf(start)).end)
    parts.push({ start, end })
    start = end
  }
  return parts
}

/**
 * The part of a service's announced windows that counts as maintenance: each
 * window's first 8 hours, and in each month only the first 24 hours of
 * those (in time order, overlapping windows counted once).
 */
export function countedMaintenance(windows: readonly Interval[]): Interval[] {
  const capped = unionIntervals(windows.map((w) => ({ start: w.start, end: Math.min(w.end, w.start + MAINTENANCE_ALLOWANCE.maxWindowMs) })))
  const used = new Map<string, number>()
  const counted: Interval[] = []
  for (const part of capped.flatMap(splitByChinaMonth)) {
    const month = chinaMonthOf(part.start)
    const left = MAINTENANCE_ALLOWANCE.maxPerMonthMs - (used.get(month) ?? 0)
    if (left <= 0) continue
    const end = Math.min(part.end, part.start + left)
    used.set(month, (used.get(month) ?? 0) + (end - part.start))
    counted.push({ start: part.start, end })
  }
  return counted
}

/**
 * The months in which adding `window` to the already announced windows would
 * take the maintenance time past 24 hours, with how much was already used.
 */
export function monthsOverAllowance(announced: readonly Interval[], window: Interval): { month: string; usedMs: EpochMs; addedMs: EpochMs }[] {
  const capped = announced.map((w) => ({ start: w.start, end: Math.min(w.end, w.start + MAINTENANCE_ALLOWANCE.maxWindowMs) }))
  return splitByChinaMonth(window).flatMap((part) => {
    const month = chinaMonthOf(part.start)
    const period = chinaMonthPeriod(month)
    const inMonth = (list: readonly Interval[]) =>
      unionIntervals(list.map((w) => ({ start: Math.max(w.start, period.start), end: Math.min(w.end, period.end) })).filter((w) => w.end > w.start))
    const usedMs = totalMs(inMonth(capped))
    const withNew = totalMs(inMonth([...capped, part]))
    return withNew > MAINTENANCE_ALLOWANCE.maxPerMonthMs ? [{ month, usedMs, addedMs: withNew - usedMs }] : []
  })
}
