import type { FastifyBaseLogger } from 'fastify'
import { MAX_GAP_INTERVALS } from '../../../src/domain/downtime'
import type { Db } from '../../db/db'
import { fetchBounded } from '../gateway/agency-client'
import type { AgencyNetwork } from '../gateway/agency-network'
import { probeTargets, recordScheduledProbe } from './repository'

export interface Prober {
  /** Reads the listed services and sends this interval's probes (the answers come in after it resolves). */
  tick(): Promise<void>
  /** Stops sending and waits for probe records being written (not for answers still awaited: those are dropped). */
  stop(): Promise<void>
}

export interface ProberOptions {
  db: Db
  /** The fixed schedule (config.review.probeIntervalS × 1000): bounds each probe's timeout. */
  intervalMs: number
  log: FastifyBaseLogger
  /** Probes under way at once at least; default 16 (more when needed: see createProber). */
  concurrency?: number
  now?: () => number
  /** Where probes may connect: the configured address policy, checked at connect time. */
  network: AgencyNetwork
}

// 04-platform.md: agency calls time out after 5 s. A probe also gives up within one interval, so a
// hanging endpoint is probed (and found down) on every tick rather than once per timeout.
const PROBE_TIMEOUT_MS = 5000
const MAX_CONCURRENCY = 256

/**
 * Probes every listed service's endpoint, on each tick (server/jobs/probes.ts
 * ticks every `intervalMs`, once across processes), with one unsigned
 * GET and records its outcome, at the time it was sent, into the service's
 * probe runs (the failure rate's series: docs/failure-rate.md). Any answer
 * below 500 shows the server is up (an agency answers an unsigned request
 * with 401); a web-view page must answer below 400. A service whose previous probe has not come back is skipped on this
 * tick. Enough probes run at once that a round fits in one interval even if
 * every endpoint hangs (up to 256), so no service's series gets gaps because
 * of others.
 */
export function createProber(o: ProberOptions): Prober {
  const now = o.now ?? Date.now
  let concurrency = o.concurrency ?? 16
  const timeoutMs = Math.max(1, Math.min(PROBE_TIMEOUT_MS, o.intervalMs))
  const busy = new Set<string>()
  const queue: { serviceId: string; endpoint: string; contract: string }[] = []
  // Database work under way (target reads, probe records): stop() waits for it before the database closes.
  const writes = new Set<Promise<void>>()
  let active = 0
  let stopped = false

  async function probe(t: { serviceId: string; endpoint: string; contract: string }): Promise<void> {
    const at = now()
    const answer = await fetchBounded(t.endpoint, {}, { maxBytes: 64 * 1024, timeoutMs, network: o.network })
    if (stopped) return
    const ok = answer.status !== undefined && answer.status < (t.contract === 'webview' ? 400 : 500)
    const write = recordScheduledProbe(o.db, { serviceId: t.serviceId, at, ok, note: answer.note }, MAX_GAP_INTERVALS * o.intervalMs)
      .then(() => undefined)
      .catch((err) => o.log.error({ err, serviceId: t.serviceId }, 'probe not recorded'))
      .finally(() => writes.delete(write))
    writes.add(write)
    await write
  }

  function pump() {
    while (!stopped && active < concurrency && queue.length > 0) {
      const t = queue.shift()!
      active++
      probe(t)
        .catch((err) => o.log.error({ err, serviceId: t.serviceId }, 'probe failed to run'))
        .finally(() => {
          active--
          busy.delete(t.serviceId)
          pump()
        })
    }
  }

  async function tick() {
    const targets = await probeTargets(o.db)
    if (stopped) return
    concurrency = Math.min(MAX_CONCURRENCY, Math.max(o.concurrency ?? 16, Math.ceil((targets.length * timeoutMs) / o.intervalMs)))
    for (const t of targets) {
      if (busy.has(t.serviceId)) continue
      busy.add(t.serviceId)
      queue.push(t)
    }
    pump()
  }

  return {
    tick() {
      const reading = tick().catch((err) => o.log.error({ err }, 'probe targets not read'))
      const tracked = reading.finally(() => writes.delete(tracked))
      writes.add(tracked)
      return tracked
    },
    async stop() {
      stopped = true
      queue.length = 0
      while (writes.size > 0) await Promise.all(writes)
    },
  }
}
