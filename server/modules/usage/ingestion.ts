import { chinaToday } from '../../../src/domain/china-time'
import { latencyBucket } from '../../../src/domain/usage-batch'
import type { Db } from '../../db/db'
import { type ActivityDelta, type InteractionDelta, claimNewBatchIds, isBatchIdTaken, writeGroup } from './repository'
import type { UsageBatchT } from '../../../src/api/usage'

export interface Ingested {
  accepted: number
  duplicates: number
}

export interface Ingestion {
  /** The server's month now (Asia/Shanghai, YYYY-MM). */
  month(): string
  /** Counts a validated batch; resolves once what it counted is committed (a resent batch id counts nothing). */
  ingest(batch: UsageBatchT): Promise<Ingested>
  /** Resolves when nothing is waiting to be committed. */
  idle(): Promise<void>
}

interface Waiting {
  batch: UsageBatchT
  resolve: (result: Ingested) => void
  reject: (err: unknown) => void
}

/**
 * Ingestion with group commit: batches that arrive while a commit is running
 * wait for the next one, which writes all of them at once (batch ids
 * claimed, counters added, rollups added). Each request is answered only
 * after that write committed, so an acknowledged record is never lost;
 * one durable write per group, not per record, keeps the database off the
 * critical path. `now` is injectable: the simulator replays older months
 * through the same code.
 */
export function createIngestion(db: Db, now: () => number = Date.now): Ingestion {
  let queue: Waiting[] = []
  let running: Promise<void> | undefined

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const group = queue
      queue = []
      try {
        const results = await commitGroup(db, group.map((w) => w.batch), now())
        group.forEach((w, i) => w.resolve(results[i]!))
      } catch (err) {
        for (const w of group) w.reject(err)
      }
    }
    running = undefined
  }

  return {
    month: () => chinaToday(new Date(now())).slice(0, 7),
    ingest(batch) {
      const records = (batch.actives?.length ?? 0) + (batch.events?.length ?? 0)
      if (records === 0) return Promise.resolve({ accepted: 0, duplicates: 0 })
      return new Promise<Ingested>((resolve, reject) => {
        queue.push({ batch, resolve, reject })
        // Start the group after the requests that arrived in the same turn of the event loop: an embedded
        // database commits without yielding, so starting at once would make every group a group of one.
        running ??= new Promise<void>((started) => setImmediate(started)).then(drain)
      })
    },
    async idle() {
      while (running) await running
    },
  }
}

/**
 * One group, all or nothing. Nearly always every batch is new: one statement
 * claims the ids and adds the counters of all of them. When a resent batch
 * was among them that statement changed nothing, and one transaction claims
 * the ids not seen before and adds the counters of those batches only.
 */
async function commitGroup(db: Db, batches: UsageBatchT[], nowMs: number): Promise<Ingested[]> {
  // The same id twice in one group (a resend racing the original) is one batch: the first is counted.
  const firstOf = new Map<string, number>()
  batches.forEach((b, i) => firstOf.has(b.batch!) || firstOf.set(b.batch!, i))
  const hour = hourOf(nowMs)
  let counted: Set<number>
  try {
    await writeGroup(db, { ids: [...firstOf.keys()], hour, ...countsOf([...firstOf.values()].map((i) => batches[i]!)) })
    counted = new Set(firstOf.values())
  } catch (err) {
    if (!isBatchIdTaken(err)) throw err
    counted = await db.transaction(async (tx) => {
      const claimed = new Set(await claimNewBatchIds(tx, [...firstOf.keys()]))
      const fresh = new Set([...firstOf].filter(([id]) => claimed.has(id)).map(([, i]) => i))
      await writeGroup(tx, { ids: [], hour, ...countsOf([...fresh].map((i) => batches[i]!)) })
      return fresh
    })
  }
  return batches.map((b, i) => {
    const records = (b.actives?.length ?? 0) + (b.events?.length ?? 0)
    return counted.has(i) ? { accepted: records, duplicates: 0 } : { accepted: 0, duplicates: records }
  })
}

/** The counter deltas of these batches: actives per scope and month, interactions per city, service and action. */
function countsOf(batches: readonly UsageBatchT[]): { activity: ActivityDelta[]; interactions: InteractionDelta[] } {
  const activity = new Map<string, ActivityDelta>()
  const interactions = new Map<string, InteractionDelta>()
  for (const b of batches) {
    for (const r of b.actives ?? []) {
      const key = `${r.scope}|${r.month}`
      const d = activity.get(key) ?? { scope: r.scope, month: r.month, actives: 0, returning: 0, first: 0 }
      d.actives += 1
      if (r.returning) d.returning += 1
      if (r.first) d.first += 1
      activity.set(key, d)
    }
    for (const e of b.events ?? []) {
      const key = `${e.city}|${e.service}|${e.action}`
      const d = interactions.get(key) ?? { city: e.city, service: e.service, action: e.action, n: 0, msSum: 0, buckets: [0, 0, 0, 0, 0, 0] }
      d.n += 1
      if (e.ms !== undefined) {
        d.msSum += e.ms
        d.buckets[latencyBucket(e.ms)]! += 1
      }
      interactions.set(key, d)
    }
  }
  return { activity: [...activity.values()], interactions: [...interactions.values()] }
}

/** The start of the hour (UTC instant; China's hours start on the same instants). */
function hourOf(ms: number): string {
  return new Date(Math.floor(ms / 3_600_000) * 3_600_000).toISOString()
}
