/**
 * Failure rate from availability probes (03-index.md, "Failure rate"): a
 * service is down from the first of N consecutive failed probes until the next
 * success; failure rate = down time / monitored time, time-weighted, with
 * announced maintenance windows taken out of both.
 *
 * Monitored time is the time covered by probing. Two probes further apart than
 * `maxGapMs` (the platform was off or not probing) are not consecutive: the
 * time between them is neither up nor down, and a streak of failures does not
 * continue across it (after the gap, N failures are needed again). Everything
 * works on half-open intervals [start, end) in epoch milliseconds, so China's
 * months (UTC+8, no daylight saving) are just two instants each.
 */

/** Milliseconds since the epoch. */
export type EpochMs = number

export interface ProbeResult {
  at: EpochMs
  ok: boolean
}

/** A half-open interval [start, end). */
export interface Interval {
  start: EpochMs
  end: EpochMs
}

export interface DowntimeRules {
  /** Down from the first of this many consecutive failed probes (03-index.md: 2 by default); at least 1. */
  downAfter: number
  /** Consecutive probes further apart than this leave the time between them unmonitored. */
  maxGapMs: number
}

/** A gap longer than this many probe intervals is not monitored. */
export const MAX_GAP_INTERVALS = 3

/** The rules for probes every `probeIntervalMs`: a gap of more than three intervals is not monitored. */
export function downtimeRules(probeIntervalMs: number, downAfter: number): DowntimeRules {
  return { downAfter, maxGapMs: MAX_GAP_INTERVALS * probeIntervalMs }
}

/** What the probes showed: when the service was watched and when it was down (down ⊆ monitored). */
export interface Observation {
  monitored: Interval[]
  down: Interval[]
}

/**
 * Consecutive probes with the same outcome and no gap longer than the rules
 * allow, as one record: what is stored per probe schedule. Nothing the rules
 * read is lost (a failed run of n ≥ N is down from its first probe; one of
 * n < N is not down at all).
 */
export interface ProbeRun {
  first: EpochMs
  last: EpochMs
  ok: boolean
  /** How many probes. */
  n: number
}

/**
 * Where a new probe goes given the service's latest run: it extends the run
 * (same outcome, no gap), starts a new one, or is `late` (sent before the
 * latest run's last probe with another outcome, e.g. a slow answer overtaken
 * by a newer probe: the newer one stands).
 */
export function placeProbe(latest: ProbeRun | undefined, probe: ProbeResult, maxGapMs: number): 'extend' | 'new' | 'late' {
  if (!latest) return 'new'
  if (probe.ok === latest.ok && probe.at - latest.last <= maxGapMs && probe.at >= latest.first - maxGapMs) return 'extend'
  return probe.at < latest.last ? 'late' : 'new'
}

/** Time-ordered probes as runs (what the schedule stores). */
export function probeRuns(probes: readonly ProbeResult[], maxGapMs: number): ProbeRun[] {
  const runs: ProbeRun[] = []
  for (const p of probes) {
    const latest = runs[runs.length - 1]
    const place = placeProbe(latest, p, maxGapMs)
    if (place === 'extend') {
      latest!.last = Math.max(latest!.last, p.at)
      latest!.n++
    } else if (place === 'new') {
      runs.push({ first: p.at, last: p.at, ok: p.ok, n: 1 })
    }
  }
  return runs
}

/**
 * Reads runs (by first probe): runs no further apart than the gap allowed
 * form a chain, monitored from its first probe to its end; a chain ends at
 * its last probe, except the last chain, which goes on to `asOf` (when the
 * series was read) unless probing has stopped for longer than the gap
 * allowed. A failed run of at least N probes is down from its first probe to
 * the next run's first probe (a success), or to the chain's end.
 */
export function observeRuns(runs: readonly ProbeRun[], rules: DowntimeRules, asOf: EpochMs): Observation {
  if (!(rules.downAfter >= 1)) throw new RangeError(`downAfter must be at least 1, got ${rules.downAfter}`)
  // Adjacent runs with one outcome (written by two server processes) count as one.
  const merged: ProbeRun[] = []
  for (const r of [...runs].sort((a, b) => a.first - b.first)) {
    const prev = merged[merged.length - 1]
    if (prev && prev.ok === r.ok && r.first - prev.last <= rules.maxGapMs) {
      prev.last = Math.max(prev.last, r.last)
      prev.n += r.n
    } else {
      merged.push({ ...r })
    }
  }
  const monitored: Interval[] = []
  const down: Interval[] = []
  let i = 0
  while (i < merged.length) {
    let j = i
    let chainLast = merged[i]!.last
    while (j + 1 < merged.length && merged[j + 1]!.first - chainLast <= rules.maxGapMs) chainLast = Math.max(chainLast, merged[++j]!.last)
    const isFinal = j === merged.length - 1
    const end = isFinal && asOf >= chainLast && asOf - chainLast <= rules.maxGapMs ? asOf : chainLast
    push(monitored, merged[i]!.first, end)
    for (let k = i; k <= j; k++) {
      const r = merged[k]!
      if (!r.ok && r.n >= rules.downAfter) push(down, r.first, k < j ? merged[k + 1]!.first : end)
    }
    i = j + 1
  }
  return { monitored, down }
}

/** The same reading from single probes (time-ordered): see observeRuns. */
export function observeProbes(probes: readonly ProbeResult[], rules: DowntimeRules, asOf: EpochMs): Observation {
  return observeRuns(probeRuns(probes, rules.maxGapMs), rules, asOf)
}

function push(list: Interval[], start: EpochMs, end: EpochMs) {
  if (end > start) list.push({ start, end })
}

/** Sorted, non-overlapping, non-empty intervals covering the same time as the given ones. */
export function unionIntervals(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((x) => x.end > x.start).sort((a, b) => a.start - b.start)
  const out: Interval[] = []
  for (const x of sorted) {
    const last = out[out.length - 1]
    if (last && x.start <= last.end) last.end = Math.max(last.end, x.end)
    else out.push({ ...x })
  }
  return out
}

/** The time in both (inputs in any order, may overlap). */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const x = unionIntervals(a)
  const y = unionIntervals(b)
  const out: Interval[] = []
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    const start = Math.max(x[i]!.start, y[j]!.start)
    const end = Math.min(x[i]!.end, y[j]!.end)
    push(out, start, end)
    if (x[i]!.end < y[j]!.end) i++
    else j++
  }
  return out
}

/** The time in `a` and not in `b`. */
export function subtractIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const cut = unionIntervals(b)
  const out: Interval[] = []
  for (const x of unionIntervals(a)) {
    let start = x.start
    for (const c of cut) {
      if (c.end <= start || c.start >= x.end) continue
      push(out, start, c.start)
      start = Math.max(start, c.end)
    }
    push(out, start, x.end)
  }
  return out
}

/** Total length (ms) of the time covered. */
export function totalMs(intervals: readonly Interval[]): number {
  return unionIntervals(intervals).reduce((sum, x) => sum + (x.end - x.start), 0)
}

export interface DowntimeMeasure {
  /** Down time within the period, each interval as observed (maintenance not taken out). */
  down: Interval[]
  /** Down time counted: observed down outside maintenance windows. */
  downMs: number
  /** Monitored time counted: inside the period, outside maintenance windows. */
  monitoredMs: number
  /** Monitored time inside maintenance windows, left out of both. */
  maintenanceMs: number
  /** downMs / monitoredMs; undefined when nothing was monitored. */
  failureRate: number | undefined
}

/** The failure rate of one period (e.g. a month) from an observation and the maintenance windows announced. */
export function measurePeriod(observation: Observation, period: Interval, maintenance: readonly Interval[]): DowntimeMeasure {
  const monitored = intersectIntervals(observation.monitored, [period])
  const down = intersectIntervals(observation.down, monitored)
  const windows = unionIntervals(maintenance)
  const monitoredMs = totalMs(subtractIntervals(monitored, windows))
  const downMs = totalMs(subtractIntervals(down, windows))
  return {
    down,
    downMs,
    monitoredMs,
    maintenanceMs: totalMs(intersectIntervals(monitored, windows)),
    failureRate: monitoredMs > 0 ? downMs / monitoredMs : undefined,
  }
}

/** From probes to one period's failure rate in one step. */
export function measureDowntime(
  probes: readonly ProbeResult[],
  rules: DowntimeRules,
  period: Interval,
  maintenance: readonly Interval[] = [],
  asOf: EpochMs = period.end,
): DowntimeMeasure {
  return measurePeriod(observeProbes(probes, rules, asOf), period, maintenance)
}

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/

/** A month (YYYY-MM) in China time as instants: 2026-03 → [2026-02-28T16:00Z, 2026-03-31T16:00Z). */
export function chinaMonthPeriod(month: string): Interval {
  const m = MONTH.exec(month)
  if (!m) throw new RangeError(`not a month (YYYY-MM): ${month}`)
  const y = Number(m[1])
  const mo = Number(m[2]) - 1
  return { start: Date.UTC(y, mo, 1) - CHINA_OFFSET_MS, end: Date.UTC(y, mo + 1, 1) - CHINA_OFFSET_MS }
}

/** The China month (YYYY-MM) an instant falls in. */
export function chinaMonthOf(at: EpochMs): string {
  const d = new Date(at + CHINA_OFFSET_MS)
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`
}

/**
 * A service's failure rate over several periods taken together: time-weighted
 * (total down / total monitored), so a month with little monitoring weighs little.
 */
export function combineMeasures(measures: readonly Pick<DowntimeMeasure, 'downMs' | 'monitoredMs' | 'maintenanceMs'>[]) {
  const downMs = measures.reduce((s, m) => s + m.downMs, 0)
  const monitoredMs = measures.reduce((s, m) => s + m.monitoredMs, 0)
  const maintenanceMs = measures.reduce((s, m) => s + m.maintenanceMs, 0)
  return { downMs, monitoredMs, maintenanceMs, failureRate: monitoredMs > 0 ? downMs / monitoredMs : undefined }
}
