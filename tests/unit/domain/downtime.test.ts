import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type Interval,
  type ProbeResult,
  chinaMonthOf,
  chinaMonthPeriod,
  combineMeasures,
  downtimeRules,
  intersectIntervals,
  measureDowntime,
  observeProbes,
  observeRuns,
  placeProbe,
  probeRuns,
  subtractIntervals,
  totalMs,
  unionIntervals,
} from '../../../src/domain/downtime'

// Probes every 10 ms here: a gap of more than 30 ms is not monitored.
const RULES = downtimeRules(10, 2)
/** "ok F F ok" at 0, 10, 20, 30… (spaces only separate). */
const series = (pattern: string, start = 0, step = 10): ProbeResult[] =>
  pattern.split(/\s+/).filter(Boolean).map((s, i) => ({ at: start + i * step, ok: s === 'ok' }))
const at = (...parts: [number, boolean][]) => parts.map(([t, ok]) => ({ at: t, ok }))

describe('down intervals (N = 2)', () => {
  it('a single failed probe is not down', () => {
    const m = measureDowntime(series('ok F ok ok'), RULES, { start: 0, end: 40 })
    expect(m).toMatchObject({ down: [], downMs: 0, monitoredMs: 40, failureRate: 0 })
  })

  it('two consecutive failures: down from the first of them until the next success', () => {
    const m = measureDowntime(series('ok F F ok ok'), RULES, { start: 0, end: 50 })
    expect(m.down).toEqual([{ start: 10, end: 30 }])
    expect(m).toMatchObject({ downMs: 20, monitoredMs: 50, failureRate: 0.4 })
  })

  it('failures that are not consecutive never make a service down', () => {
    const m = measureDowntime(series('F ok F ok F ok'), RULES, { start: 0, end: 60 })
    expect(m.downMs).toBe(0)
  })

  it('still down at the end of the period: down until the period ends', () => {
    const m = measureDowntime(series('ok F F F'), RULES, { start: 0, end: 40 })
    expect(m.down).toEqual([{ start: 10, end: 40 }])
    expect(m.failureRate).toBe(0.75)
  })

  it('still down when probing stopped: down and monitored end at the last probe', () => {
    const m = measureDowntime(series('ok F F F'), RULES, { start: 0, end: 100 }, [], 100)
    expect(m).toMatchObject({ down: [{ start: 10, end: 30 }], downMs: 20, monitoredMs: 30 })
  })

  it('the current period is measured up to now (asOf), not to its end', () => {
    const m = measureDowntime(series('ok ok F F'), RULES, { start: 0, end: 1000 }, [], 35)
    expect(m).toMatchObject({ downMs: 15, monitoredMs: 35 })
  })

  it('N = 3 needs three; N = 1 takes every failure', () => {
    const probes = series('ok F F ok F F F ok')
    expect(measureDowntime(probes, downtimeRules(10, 3), { start: 0, end: 80 }).down).toEqual([{ start: 40, end: 70 }])
    expect(measureDowntime(series('ok F ok'), downtimeRules(10, 1), { start: 0, end: 30 }).down).toEqual([{ start: 10, end: 20 }])
  })

  it('no probes: nothing monitored, the failure rate is undefined (not 0)', () => {
    expect(measureDowntime([], RULES, { start: 0, end: 100 })).toMatchObject({ monitoredMs: 0, downMs: 0, failureRate: undefined })
  })

  it('refuses N below 1', () => {
    expect(() => observeProbes(series('ok'), { downAfter: 0, maxGapMs: 30 }, 0)).toThrow(RangeError)
  })
})

describe('maintenance windows', () => {
  it('are taken out of both down and monitored time', () => {
    // Down [10, 30); window [5, 25): counted down [25, 30) = 5 of monitored 50 − 20.
    const m = measureDowntime(series('ok F F ok ok'), RULES, { start: 0, end: 50 }, [{ start: 5, end: 25 }])
    expect(m).toMatchObject({ downMs: 5, monitoredMs: 30, maintenanceMs: 20 })
    expect(m.failureRate).toBeCloseTo(5 / 30)
    // The outage itself is still shown as observed.
    expect(m.down).toEqual([{ start: 10, end: 30 }])
  })

  it('a window covering the whole outage makes the failure rate 0', () => {
    const m = measureDowntime(series('ok ok F F F ok ok ok'), RULES, { start: 0, end: 80 }, [{ start: 15, end: 55 }])
    expect(m).toMatchObject({ downMs: 0, monitoredMs: 40, maintenanceMs: 40, failureRate: 0 })
  })

  it('overlapping windows count once; a window outside the period changes nothing', () => {
    const probes = series('ok F F ok ok')
    const m = measureDowntime(probes, RULES, { start: 0, end: 50 }, [{ start: 10, end: 20 }, { start: 15, end: 25 }, { start: 500, end: 600 }])
    expect(m).toMatchObject({ downMs: 5, monitoredMs: 35, maintenanceMs: 15 })
  })

  it('everything in maintenance: nothing monitored, rate undefined', () => {
    expect(measureDowntime(series('ok F F ok'), RULES, { start: 0, end: 40 }, [{ start: -5, end: 45 }]).failureRate).toBeUndefined()
  })
})

describe('gaps in probing (the platform was off)', () => {
  it('a gap longer than three probe intervals is not monitored', () => {
    const m = measureDowntime(at([0, true], [10, true], [100, true], [110, true]), RULES, { start: 0, end: 120 })
    expect(m.monitoredMs).toBe(10 + 20)
  })

  it('a gap of up to three intervals still counts (a quick restart)', () => {
    expect(measureDowntime(at([0, true], [30, true], [40, true]), RULES, { start: 0, end: 50 }).monitoredMs).toBe(50)
  })

  it('a streak of failures does not continue across a gap', () => {
    const m = measureDowntime(at([0, true], [10, false], [100, false], [110, true]), RULES, { start: 0, end: 120 })
    expect(m.downMs).toBe(0)
  })

  it('down before a gap ends at the last probe before it; after it N failures are needed again', () => {
    const probes = at([0, true], [10, false], [20, false], [100, false], [110, true], [120, false], [130, false], [140, true])
    const m = measureDowntime(probes, RULES, { start: 0, end: 150 })
    expect(m.down).toEqual([{ start: 10, end: 20 }, { start: 120, end: 140 }])
    expect(m.monitoredMs).toBe(20 + 50)
  })
})

describe('China months', () => {
  it('are UTC+8 instants', () => {
    expect(chinaMonthPeriod('2026-03')).toEqual({ start: Date.parse('2026-02-28T16:00:00Z'), end: Date.parse('2026-03-31T16:00:00Z') })
    expect(chinaMonthPeriod('2025-12').end).toBe(Date.parse('2026-01-01T00:00:00+08:00'))
    expect(chinaMonthOf(Date.parse('2026-01-31T15:59:59.999Z'))).toBe('2026-01')
    expect(chinaMonthOf(Date.parse('2026-01-31T16:00:00Z'))).toBe('2026-02')
    expect(() => chinaMonthPeriod('2026-13')).toThrow(RangeError)
  })

  it('an outage across midnight of the 1st is split between the two months', () => {
    const minute = 60_000
    const start = Date.parse('2026-01-31T23:50:00+08:00')
    // Probes every minute 23:50 … 00:10; failures from 23:58 to 00:03; back at 00:04.
    const probes = Array.from({ length: 21 }, (_, i) => ({ at: start + i * minute, ok: i < 8 || i > 13 }))
    const rules = downtimeRules(minute, 2)
    const asOf = Date.parse('2026-03-01T00:00:00+08:00')
    const jan = measureDowntime(probes, rules, chinaMonthPeriod('2026-01'), [], asOf)
    const feb = measureDowntime(probes, rules, chinaMonthPeriod('2026-02'), [], asOf)
    expect([jan.downMs / minute, jan.monitoredMs / minute]).toEqual([2, 10])
    expect([feb.downMs / minute, feb.monitoredMs / minute]).toEqual([4, 10])
    // Taken together, time-weighted: 6 of 20 minutes.
    expect(combineMeasures([jan, feb]).failureRate).toBeCloseTo(6 / 20)
  })
})

describe('runs: how the schedule stores probes', () => {
  it('consecutive probes with one outcome and no gap are one run', () => {
    expect(probeRuns(series('ok ok F F F ok'), 30)).toEqual([
      { first: 0, last: 10, ok: true, n: 2 },
      { first: 20, last: 40, ok: false, n: 3 },
      { first: 50, last: 50, ok: true, n: 1 },
    ])
    expect(probeRuns(at([0, true], [10, true], [100, true]), 30)).toHaveLength(2)
  })

  it('a new probe extends the latest run, starts one, or is late (overtaken by a newer probe)', () => {
    const latest = { first: 0, last: 20, ok: false, n: 3 }
    expect(placeProbe(undefined, { at: 5, ok: true }, 30)).toBe('new')
    expect(placeProbe(latest, { at: 30, ok: false }, 30)).toBe('extend')
    expect(placeProbe(latest, { at: 15, ok: false }, 30)).toBe('extend')
    expect(placeProbe(latest, { at: 30, ok: true }, 30)).toBe('new')
    expect(placeProbe(latest, { at: 60, ok: false }, 30)).toBe('new')
    expect(placeProbe(latest, { at: 15, ok: true }, 30)).toBe('late')
  })

  it('a failed run shorter than N is not down; runs of two processes with one outcome are read as one', () => {
    const rules = downtimeRules(10, 2)
    expect(observeRuns([{ first: 0, last: 0, ok: true, n: 1 }, { first: 10, last: 10, ok: false, n: 1 }, { first: 20, last: 30, ok: true, n: 2 }], rules, 30).down).toEqual([])
    const twoWriters = [
      { first: 0, last: 10, ok: true, n: 2 },
      { first: 20, last: 20, ok: false, n: 1 },
      { first: 25, last: 25, ok: false, n: 1 },
      { first: 40, last: 50, ok: true, n: 2 },
    ]
    expect(observeRuns(twoWriters, rules, 50)).toEqual({ monitored: [{ start: 0, end: 50 }], down: [{ start: 20, end: 40 }] })
  })
})

describe('interval arithmetic', () => {
  it('union, intersection and difference', () => {
    expect(unionIntervals([{ start: 5, end: 8 }, { start: 0, end: 3 }, { start: 2, end: 4 }, { start: 8, end: 9 }, { start: 7, end: 7 }])).toEqual([
      { start: 0, end: 4 },
      { start: 5, end: 9 },
    ])
    expect(intersectIntervals([{ start: 0, end: 10 }], [{ start: 2, end: 3 }, { start: 8, end: 20 }])).toEqual([{ start: 2, end: 3 }, { start: 8, end: 10 }])
    expect(subtractIntervals([{ start: 0, end: 10 }], [{ start: 2, end: 3 }, { start: 8, end: 20 }])).toEqual([{ start: 0, end: 2 }, { start: 3, end: 8 }])
  })
})

// Properties on random probe series (times strictly increasing) and windows.
const probeSeries = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 60 }), fc.boolean()), { maxLength: 60 })
  .map((steps) => {
    let t = 0
    return steps.map(([dt, ok]) => ({ at: (t += dt), ok }))
  })
const interval = fc.tuple(fc.integer({ min: -50, max: 2000 }), fc.integer({ min: 0, max: 500 })).map(([s, len]): Interval => ({ start: s, end: s + len }))
const windows = fc.array(interval, { maxLength: 4 })
const downAfter = fc.integer({ min: 1, max: 4 })

describe('properties', () => {
  it('0 ≤ down ≤ monitored, and the rate is their ratio', () => {
    fc.assert(
      fc.property(probeSeries, downAfter, windows, fc.integer({ min: 0, max: 3000 }), (probes, n, w, asOf) => {
        const m = measureDowntime(probes, downtimeRules(10, n), { start: 0, end: 2500 }, w, asOf)
        expect(m.downMs).toBeGreaterThanOrEqual(0)
        expect(m.downMs).toBeLessThanOrEqual(m.monitoredMs)
        if (m.monitoredMs === 0) expect(m.failureRate).toBeUndefined()
        else expect(m.failureRate).toBeCloseTo(m.downMs / m.monitoredMs)
      }),
    )
  })

  it('periods add up: [a, c) = [a, b) + [b, c)', () => {
    fc.assert(
      fc.property(probeSeries, downAfter, windows, fc.integer({ min: 0, max: 2500 }), (probes, n, w, b) => {
        const rules = downtimeRules(10, n)
        const whole = measureDowntime(probes, rules, { start: 0, end: 2500 }, w, 2500)
        const left = measureDowntime(probes, rules, { start: 0, end: b }, w, 2500)
        const right = measureDowntime(probes, rules, { start: b, end: 2500 }, w, 2500)
        expect(left.downMs + right.downMs).toBe(whole.downMs)
        expect(left.monitoredMs + right.monitoredMs).toBe(whole.monitoredMs)
        expect(left.maintenanceMs + right.maintenanceMs).toBe(whole.maintenanceMs)
      }),
    )
  })

  it('all probes succeed → never down', () => {
    fc.assert(
      fc.property(probeSeries, downAfter, (probes, n) => {
        expect(measureDowntime(probes.map((p) => ({ ...p, ok: true })), downtimeRules(10, n), { start: 0, end: 2500 }).downMs).toBe(0)
      }),
    )
  })

  it('a larger N is never more down', () => {
    fc.assert(
      fc.property(probeSeries, downAfter, (probes, n) => {
        const period = { start: 0, end: 2500 }
        expect(measureDowntime(probes, downtimeRules(10, n + 1), period).downMs).toBeLessThanOrEqual(measureDowntime(probes, downtimeRules(10, n), period).downMs)
      }),
    )
  })

  it('maintenance only takes time away: counted + maintenance = monitored without windows', () => {
    fc.assert(
      fc.property(probeSeries, downAfter, windows, (probes, n, w) => {
        const rules = downtimeRules(10, n)
        const period = { start: 0, end: 2500 }
        const bare = measureDowntime(probes, rules, period)
        const withWindows = measureDowntime(probes, rules, period, w)
        expect(withWindows.monitoredMs + withWindows.maintenanceMs).toBe(bare.monitoredMs)
        expect(withWindows.downMs).toBeLessThanOrEqual(bare.downMs)
      }),
    )
  })

  it('reading runs is reading the probes one by one (the plain rule, written out)', () => {
    // The rule applied to each probe in turn, without runs.
    const plain = (probes: ProbeResult[], n: number, maxGap: number, asOf: number) => {
      const monitored: Interval[] = []
      const down: Interval[] = []
      let i = 0
      while (i < probes.length) {
        let j = i
        while (j + 1 < probes.length && probes[j + 1]!.at - probes[j]!.at <= maxGap) j++
        const last = probes[j]!.at
        const end = j === probes.length - 1 && asOf >= last && asOf - last <= maxGap ? asOf : last
        if (end > probes[i]!.at) monitored.push({ start: probes[i]!.at, end })
        let streak = 0
        let from = 0
        for (let k = i; k <= j; k++) {
          if (probes[k]!.ok) {
            if (streak >= n && probes[k]!.at > from) down.push({ start: from, end: probes[k]!.at })
            streak = 0
          } else if (streak++ === 0) from = probes[k]!.at
        }
        if (streak >= n && end > from) down.push({ start: from, end })
        i = j + 1
      }
      return { monitored, down }
    }
    fc.assert(
      fc.property(probeSeries, downAfter, fc.integer({ min: 0, max: 3000 }), (probes, n, asOf) => {
        const rules = downtimeRules(10, n)
        const viaRuns = observeRuns(probeRuns(probes, rules.maxGapMs), rules, asOf)
        const expected = plain(probes, n, rules.maxGapMs, asOf)
        expect(unionIntervals(viaRuns.monitored)).toEqual(unionIntervals(expected.monitored))
        expect(unionIntervals(viaRuns.down)).toEqual(unionIntervals(expected.down))
      }),
      { numRuns: 500 },
    )
  })

  it('down time always starts at a failed probe and ends at a success or where monitoring ends', () => {
    fc.assert(
      fc.property(probeSeries, downAfter, (probes, n) => {
        const obs = observeProbes(probes, downtimeRules(10, n), 5000)
        const failed = new Set(probes.filter((p) => !p.ok).map((p) => p.at))
        const ok = new Set(probes.filter((p) => p.ok).map((p) => p.at))
        const runEnds = new Set(obs.monitored.map((m) => m.end))
        for (const d of obs.down) {
          expect(failed.has(d.start)).toBe(true)
          expect(ok.has(d.end) || runEnds.has(d.end)).toBe(true)
        }
        expect(totalMs(intersectIntervals(obs.down, obs.monitored))).toBe(totalMs(obs.down))
      }),
    )
  })
})
