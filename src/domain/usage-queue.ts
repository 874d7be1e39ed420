import { addMonths, type Month } from './calendar-months'
import { acknowledgeActives, forgetFormed, formActives, laterMonth, type ScopeMemories } from './usage-activity'
import { type ActiveRecord, type InteractionEvent, MAX_USAGE_BYTES, MAX_USAGE_RECORDS, type UsageBatch, USAGE_VERSION } from './usage-batch'
import { isMonthFresh, type KnownMonth, learnMonth } from './usage-month'

/** A batch as formed: its id and records never change, a resend sends exactly this. */
export interface QueuedBatch {
  id: string
  actives: ActiveRecord[]
  events: InteractionEvent[]
}

/**
 * Everything the usage reporter keeps on the phone, as one value: the month
 * as last learned, what it remembers per scope, and what waits to be sent.
 * Records go through three stages: scopes used while the month is not known
 * (`waiting`), loose records (`actives`, `events`: not in a batch yet, so
 * they may still be dropped one by one), and formed batches (immutable).
 */
export interface UsageQueue {
  known: KnownMonth | null
  memories: ScopeMemories
  waiting: string[]
  actives: ActiveRecord[]
  events: InteractionEvent[]
  batches: QueuedBatch[]
}

export const EMPTY_USAGE_QUEUE: UsageQueue = { known: null, memories: {}, waiting: [], actives: [], events: [], batches: [] }

/** The queue's bounds: a phone offline for weeks keeps at most this much. */
export interface QueueLimits {
  maxBatches: number
  maxRecords: number
}
export const USAGE_QUEUE_LIMITS: QueueLimits = { maxBatches: 10, maxRecords: 2000 }

/** What a step dropped, for the privacy page's note. */
export interface Dropped {
  actives: number
  events: number
  /** Formed batches dropped without an answer (their records are in the counts above). */
  batches: QueuedBatch[]
}
export const NOTHING_DROPPED: Dropped = { actives: 0, events: 0, batches: [] }

function addDropped(a: Dropped, b: Dropped): Dropped {
  return { actives: a.actives + b.actives, events: a.events + b.events, batches: [...a.batches, ...b.batches] }
}

/** Records waiting to be sent: loose ones and those in formed batches. */
export function queuedRecordCount(q: UsageQueue): number {
  return q.actives.length + q.events.length + q.batches.reduce((n, b) => n + b.actives.length + b.events.length, 0)
}

/** True when nothing waits to be formed or sent. */
export function isQueueEmpty(q: UsageQueue): boolean {
  return q.waiting.length === 0 && queuedRecordCount(q) === 0
}

/** Per scope, the latest month of an active record still in the queue (loose or batched). */
export function queuedMonths(q: UsageQueue): Map<string, Month> {
  const months = new Map<string, Month>()
  for (const r of [...q.batches.flatMap((b) => b.actives), ...q.actives]) months.set(r.scope, laterMonth(months.get(r.scope), r.month)!)
  return months
}

/** Turns the waiting scopes into active records when the learned month is fresh at `now`; otherwise they keep waiting. */
export function formWaiting(q: UsageQueue, now: number): UsageQueue {
  if (q.waiting.length === 0 || !isMonthFresh(q.known, now)) return q
  const { records, memories } = formActives(q.waiting, q.known.month, q.memories, queuedMonths(q))
  return { ...q, memories, waiting: [], actives: [...q.actives, ...records] }
}

/** One use that makes `scopes` active: each scope is recorded at most once per month; without a fresh month the scopes wait for one. */
export function noteUse(q: UsageQueue, scopes: readonly string[], now: number): UsageQueue {
  const waiting = [...q.waiting]
  for (const s of scopes) if (!waiting.includes(s)) waiting.push(s)
  return formWaiting({ ...q, waiting }, now)
}

/** Queues an interaction event (no time, no user key: the server counts it in the hour it arrives). */
export function addEvent(q: UsageQueue, event: InteractionEvent): UsageQueue {
  return { ...q, events: [...q.events, event] }
}

/** The JSON body of a batch, as POST /v1/usage takes it (empty lists left out). */
export function batchPayload(b: QueuedBatch): UsageBatch {
  return {
    v: USAGE_VERSION,
    batch: b.id,
    ...(b.actives.length > 0 ? { actives: b.actives } : {}),
    ...(b.events.length > 0 ? { events: b.events } : {}),
  }
}

const byteLength = (value: unknown) => JSON.stringify(value).length

/**
 * The batch to send next: the oldest formed one (resent unchanged), or else a
 * new one formed from the oldest loose records, actives first, at most
 * MAX_USAGE_RECORDS records and MAX_USAGE_BYTES of JSON (records are ASCII).
 * A new batch is kept in the queue from then on, unchanged, until the server
 * answers it.
 */
export function takeBatch(q: UsageQueue, newId: () => string): { queue: UsageQueue; batch: QueuedBatch | undefined } {
  if (q.batches.length > 0) return { queue: q, batch: q.batches[0] }
  if (q.actives.length === 0 && q.events.length === 0) return { queue: q, batch: undefined }
  const batch: QueuedBatch = { id: newId(), actives: [], events: [] }
  // The envelope with both lists, then each record and its comma: never less than the real size.
  let bytes = byteLength({ v: USAGE_VERSION, batch: batch.id, actives: [], events: [] })
  const fits = (record: unknown) => {
    const n = batch.actives.length + batch.events.length
    return n === 0 || (n < MAX_USAGE_RECORDS && bytes + byteLength(record) + 1 <= MAX_USAGE_BYTES)
  }
  let a = 0
  while (a < q.actives.length && fits(q.actives[a])) {
    bytes += byteLength(q.actives[a]) + 1
    batch.actives.push(q.actives[a++]!)
  }
  let e = 0
  if (a === q.actives.length) {
    while (e < q.events.length && fits(q.events[e])) {
      bytes += byteLength(q.events[e]) + 1
      batch.events.push(q.events[e++]!)
    }
  }
  return { queue: { ...q, actives: q.actives.slice(a), events: q.events.slice(e), batches: [...q.batches, batch] }, batch }
}

/**
 * The server's month is `month` (any 200 answer): the phone learns it, forms
 * what was waiting for it, and drops what can never be accepted any more
 * (records for a month before the previous one). A formed batch holding such
 * a record is dropped whole: it is immutable and the server would refuse it.
 */
export function learnServerMonth(q: UsageQueue, month: Month, now: number): { queue: UsageQueue; dropped: Dropped } {
  const oldest = addMonths(month, -1)
  const tooOld = (r: ActiveRecord) => r.month < oldest
  const doomed = q.batches.filter((b) => b.actives.some(tooOld))
  const looseOld = q.actives.filter(tooOld).length
  const dropped: Dropped = {
    actives: looseOld + doomed.reduce((n, b) => n + b.actives.length, 0),
    events: doomed.reduce((n, b) => n + b.events.length, 0),
    batches: doomed,
  }
  const queue: UsageQueue = {
    ...q,
    known: learnMonth(month, now),
    actives: q.actives.filter((r) => !tooOld(r)),
    batches: q.batches.filter((b) => !doomed.includes(b)),
  }
  return { queue: formWaiting(queue, now), dropped }
}

/** Removes a batch from the queue (answered, or refused for good). */
export function removeBatch(q: UsageQueue, id: string): UsageQueue {
  return { ...q, batches: q.batches.filter((b) => b.id !== id) }
}

/**
 * The server acknowledged `batch` (200) answering `month`: only now does each
 * of its scopes remember the month as lastActive; the batch leaves the queue.
 * Applies even when the queue no longer holds the batch (cleared while it was
 * on its way): the server counted it.
 */
export function acknowledgeBatch(q: UsageQueue, batch: QueuedBatch, month: Month, now: number): { queue: UsageQueue; dropped: Dropped } {
  const acknowledged = { ...removeBatch(q, batch.id), memories: acknowledgeActives(q.memories, batch.actives) }
  return learnServerMonth(acknowledged, month, now)
}

function dropOldestLoose<T>(list: T[], n: number): T[] {
  return n > 0 ? list.slice(n) : list
}

/**
 * Keeps the queue within `limits`. When it is full, the oldest loose events
 * go first, then the oldest formed batches holding events only, and only then
 * active records (oldest loose ones, then the oldest formed batches): an
 * active record is the only trace of a month's use of a scope, an event is
 * one of many. Dropped records are not formed again this month.
 */
export function boundQueue(q: UsageQueue, limits: QueueLimits = USAGE_QUEUE_LIMITS): { queue: UsageQueue; dropped: Dropped } {
  let queue = q
  let dropped = NOTHING_DROPPED
  const dropBatch = (b: QueuedBatch) => {
    queue = removeBatch(queue, b.id)
    dropped = addDropped(dropped, { actives: b.actives.length, events: b.events.length, batches: [b] })
  }
  while (queue.batches.length > limits.maxBatches) dropBatch(queue.batches.find((b) => b.actives.length === 0) ?? queue.batches[0]!)
  let excess = queuedRecordCount(queue) - limits.maxRecords
  if (excess > 0 && queue.events.length > 0) {
    const n = Math.min(excess, queue.events.length)
    queue = { ...queue, events: dropOldestLoose(queue.events, n) }
    dropped = addDropped(dropped, { actives: 0, events: n, batches: [] })
    excess -= n
  }
  for (let b = queue.batches.find((x) => x.actives.length === 0); excess > 0 && b; b = queue.batches.find((x) => x.actives.length === 0)) {
    dropBatch(b)
    excess -= b.events.length
  }
  if (excess > 0 && queue.actives.length > 0) {
    const n = Math.min(excess, queue.actives.length)
    queue = { ...queue, actives: dropOldestLoose(queue.actives, n) }
    dropped = addDropped(dropped, { actives: n, events: 0, batches: [] })
    excess -= n
  }
  while (excess > 0 && queue.batches.length > 0) {
    const b = queue.batches[0]!
    dropBatch(b)
    excess -= b.actives.length + b.events.length
  }
  return { queue, dropped }
}

/** Statistics turned off: nothing waits any more. What the phone remembers of past acknowledged months stays (it never leaves the phone). */
export function clearQueue(q: UsageQueue): UsageQueue {
  return { ...EMPTY_USAGE_QUEUE, known: q.known, memories: forgetFormed(q.memories) }
}
