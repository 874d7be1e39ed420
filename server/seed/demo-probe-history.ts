import { seeded } from '../../mock/shared/seeded'
import { addMonths } from '../../src/domain/calendar-months'
import { type EpochMs, chinaMonthOf, chinaMonthPeriod } from '../../src/domain/downtime'
import { MAINTENANCE_ALLOWANCE } from '../../src/domain/maintenance-allowance'
import type { Db } from '../db/db'
import { serviceOwner } from '../modules/onboarding/service'
import { type ScheduledProbe, probeTargets, recordScheduledProbes } from '../modules/probes/repository'
import { announceMaintenance } from '../modules/probes/service'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** What the demo history did: how many services, runs written, incidents and maintenance windows. */
export interface DemoProbeHistory {
  services: number
  runs: number
  incidents: number
  windows: number
  /** Services already probed live past the history's moments (their history is dropped as late, as the prober drops overtaken probes). */
  late: number
  ms: number
}

/** Something that took a service down for a while: an unannounced incident or an announced maintenance window. */
interface Outage {
  start: EpochMs
  end: EpochMs
  kind: 'incident' | 'maintenance'
}

const INCIDENT_NOTES = ['could not connect (ECONNREFUSED)', 'timed out after 5000 ms', 'HTTP 502', 'HTTP 500']

/**
 * A year of one service's outages, seeded by its id (the same on every
 * machine): most services have none; some have incidents of a few hours;
 * some announce maintenance windows (at night, 2–6 h each, at most one a
 * month: well within 8 h a window and 24 h a month, 03-index.md).
 */
export function demoOutages(serviceId: string, months: readonly string[], intervalMs: number): Outage[] {
  const rng = seeded('demo-probe-history', serviceId)
  const align = (t: EpochMs) => Math.floor(t / intervalMs) * intervalMs
  const outages: Outage[] = []
  const fits = (o: Outage) => outages.every((x) => o.end + DAY <= x.start || x.end + DAY <= o.start)
  if (rng.chance(0.12)) {
    for (let i = rng.int(1, 3); i > 0; i--) {
      const month = chinaMonthPeriod(rng.pick(months)).start
      const start = align(month + rng.int(1, 26) * DAY + rng.int(0, 23) * HOUR + rng.int(0, 11) * 300_000)
      const o: Outage = { start, end: align(start + rng.int(60, 8 * 60) * 60_000), kind: 'incident' }
      if (fits(o)) outages.push(o)
    }
  }
  if (rng.chance(0.12)) {
    const announced = new Set<string>()
    for (let i = rng.int(1, 4); i > 0; i--) {
      const month = rng.pick(months)
      if (announced.has(month)) continue
      // From 23:00 to 05:00 at the latest, China time (a month's days start at 16:00 UTC).
      const start = align(chinaMonthPeriod(month).start + rng.int(1, 26) * DAY + rng.int(0, 2) * HOUR + 7 * HOUR)
      const o: Outage = { start, end: start + Math.min(MAINTENANCE_ALLOWANCE.maxWindowMs, rng.int(2, 6) * HOUR), kind: 'maintenance' }
      if (fits(o)) {
        outages.push(o)
        announced.add(month)
      }
    }
  }
  return outages.sort((a, b) => a.start - b.start)
}

/**
 * The first start's probe history (03-index.md, "Demo history"): the twelve
 * complete months before `now` and the current month up to it, for every
 * service the prober probes, written through the prober's own recording
 * (recordScheduledProbes, which recordScheduledProbe is one probe of) as if
 * each probe had been sent on the schedule at its simulated moment, and maintenance announced through the agency's own
 * path (announceMaintenance, its clock set two days before each window).
 * Consecutive probes of one outcome go in as one run (first, last, n), as
 * the schedule stores them, all services' years in one transaction, so a
 * year of ~650 services takes seconds (the maintenance announcements, one
 * transaction each, take most of it). Run it before the prober's first tick: a probe already recorded
 * at `now` makes older ones late.
 */
export async function fillDemoProbeHistory(db: Db, o: { intervalMs: number; now?: EpochMs }): Promise<DemoProbeHistory> {
  const started = Date.now()
  const now = o.now ?? Date.now()
  const { intervalMs } = o
  const maxGapMs = 3 * intervalMs
  const current = chinaMonthOf(now)
  const months = Array.from({ length: 12 }, (_, i) => addMonths(current, i - 12))
  const first = chinaMonthPeriod(months[0]!).start
  const lastProbe = first + Math.floor((now - first) / intervalMs) * intervalMs
  const result: DemoProbeHistory = { services: 0, runs: 0, incidents: 0, windows: 0, late: 0, ms: 0 }

  const batches: { serviceId: string; probes: ScheduledProbe[] }[] = []
  for (const target of await probeTargets(db)) {
    const upNote = target.contract === 'webview' ? 'HTTP 200' : 'HTTP 401'
    const rng = seeded('demo-probe-notes', target.serviceId)
    const outages = demoOutages(target.serviceId, months, intervalMs)
    const owner = outages.some((x) => x.kind === 'maintenance') ? await serviceOwner(db, target.serviceId) : undefined
    const probes: ScheduledProbe[] = []
    const record = (from: EpochMs, to: EpochMs, ok: boolean, note: string) => {
      if (to >= from) probes.push({ at: from, last: to, n: Math.round((to - from) / intervalMs) + 1, ok, note })
    }
    let cursor = first
    for (const x of outages) {
      if (x.kind === 'maintenance') {
        if (!owner) continue
        await announceMaintenance(
          db,
          { tokenId: 'demo', role: 'agency', agencyId: owner },
          target.serviceId,
          { startsAt: new Date(x.start).toISOString(), endsAt: new Date(x.end).toISOString(), note: '系统升级维护，期间暂停服务' },
          x.start - 2 * DAY,
        )
        result.windows++
      } else {
        result.incidents++
      }
      record(cursor, x.start - intervalMs, true, upNote)
      record(x.start, x.end - intervalMs, false, x.kind === 'maintenance' ? 'HTTP 503' : rng.pick(INCIDENT_NOTES))
      cursor = x.end
    }
    record(cursor, lastProbe, true, upNote)
    batches.push({ serviceId: target.serviceId, probes })
  }
  const places = await recordScheduledProbes(db, batches, maxGapMs)
  result.services = batches.length
  result.runs = places.flat().filter((p) => p === 'new').length
  result.late = places.filter((p) => p.includes('late')).length
  result.ms = Date.now() - started
  return result
}
