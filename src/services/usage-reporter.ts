import Taro from '@tarojs/taro'
import type { CityCode } from '../domain/city'
import { classifyUsageAnswer, retryAfterMs, type UsageOutcome } from '../domain/usage-answer'
import { retryDelayMs } from '../domain/usage-backoff'
import { type InteractionEvent, type UsageAction, type UsageBatch, USAGE_ACTIONS, USAGE_VERSION } from '../domain/usage-batch'
import { logTry, markDropped, type UsageLogAnswer, type UsageLogOutcome } from '../domain/usage-log'
import {
  acknowledgeBatch,
  addEvent,
  batchPayload,
  boundQueue,
  clearQueue,
  type Dropped,
  EMPTY_USAGE_QUEUE,
  formWaiting,
  isQueueEmpty,
  learnServerMonth,
  noteUse,
  type QueueLimits,
  queuedRecordCount,
  removeBatch,
  takeBatch,
  type UsageQueue,
  USAGE_QUEUE_LIMITS,
} from '../domain/usage-queue'
import { parseScope, scopesOfUse } from '../domain/usage-scope'
import { useConsentStore } from '../stores/consent-store'
import { addDroppedRecords, selectStatsAllowed, setUsageLog, useUsageQueueStore, useUsageStore } from '../stores/usage-store'
import { randomToken } from './random-token'
import { readStorage, writeStorage } from './storage'
import { rememberServices, type UsageService } from './usage-services'
import { postUsage, type UsageTransport } from './usage-transport'

const QUEUE_KEY = 'usage-queue'
/** Uses and events of a moment (a page's open and its first taps) travel in one batch. */
export const FLUSH_DELAY_MS = 2000
const BATCH_ID_LENGTH = 24
// Room for every batch of a full queue plus month requests in one run; a run never loops for ever.
const MAX_STEPS_PER_RUN = 40
const SERVICE_ID = /^[a-z0-9-]{1,64}$/
const CITY = /^[0-9]{6}$/
const MAX_MS = 600_000

export interface UsageReporterOptions {
  /** POST /v1/usage; tests give a fake one. */
  transport?: UsageTransport
  /** The phone's clock (ms): dates the log and says when a learned month is stale, never a record's month. */
  now?: () => number
  /** [0, 1) for the retry jitter. */
  random?: () => number
  /** A fresh random batch id (CSPRNG where the platform has one). */
  newBatchId?: () => string
  flushDelayMs?: number
  limits?: QueueLimits
}

/** An interaction event as the app reports it (no time, no user key). */
export interface UsageEventInput {
  service: string
  city: CityCode
  action: UsageAction
  /** Latency in ms (rounded, at most 10 min). */
  ms?: number
}

export interface UsageReporter {
  /** One use of `service` in `city`: makes each of its scopes active this month (recorded once per scope and month). */
  recordServiceUse(service: UsageService, city: CityCode): void
  /** Queues an interaction event. */
  recordEvent(event: UsageEventInput): void
  /** Sends what is queued now (ignoring any wait), resolving when this run is over. */
  flush(): Promise<void>
  /** The app came back or the network did: tries again now unless the server asked to wait. */
  retrySoon(): void
  /** Drops everything queued (statistics off). */
  clear(): void
  /** The queue as it is (for tests and the privacy page). */
  queue(): UsageQueue
  /** Stops listening and cancels the timer. */
  stop(): void
}

function isQueue(value: unknown): value is UsageQueue {
  if (typeof value !== 'object' || value === null) return false
  const q = value as Record<string, unknown>
  return ['waiting', 'actives', 'events', 'batches'].every((k) => Array.isArray(q[k])) && typeof q.memories === 'object' && q.memories !== null
}

function loadQueue(): UsageQueue {
  const saved = readStorage<unknown>(QUEUE_KEY)
  return isQueue(saved) ? { ...EMPTY_USAGE_QUEUE, ...saved } : EMPTY_USAGE_QUEUE
}

function statsAllowed(): boolean {
  return selectStatsAllowed(useConsentStore.getState(), useUsageStore.getState())
}

function logAnswer(status: number, outcome: UsageOutcome): UsageLogAnswer {
  if (outcome.kind === 'acknowledged') return { status, ...outcome.answer }
  return { status, ...(outcome.code ? { code: outcome.code } : {}) }
}

const LOG_OUTCOME: Record<UsageOutcome['kind'], UsageLogOutcome> = { acknowledged: 'acknowledged', rejected: 'rejected', retry: 'retrying' }

/**
 * The anonymous usage reporter (03-index.md): records uses and events only
 * while statistics are allowed, keeps them in a persisted, bounded queue,
 * sends them in immutable batches, and writes a scope's lastActive only
 * after the server acknowledged the batch that carried its record. Failed
 * tries are repeated with the same batch, with exponential backoff and
 * jitter, and at once when the app shows again or the network comes back.
 */
export function createUsageReporter(options: UsageReporterOptions = {}): UsageReporter {
  const transport = options.transport ?? postUsage
  const now = options.now ?? Date.now
  const random = options.random ?? Math.random
  const newBatchId = options.newBatchId ?? (() => randomToken(BATCH_ID_LENGTH))
  const flushDelay = options.flushDelayMs ?? FLUSH_DELAY_MS
  const limits = options.limits ?? USAGE_QUEUE_LIMITS

  let queue = loadQueue()
  let failures = 0
  /** No automatic try before this (backoff after a failure). */
  let backoffUntil = 0
  /** No automatic try before this either, app show included (the server's Retry-After). */
  let serverUntil = 0
  let timer: ReturnType<typeof setTimeout> | undefined
  let timerDue = 0
  let running: Promise<void> | undefined
  let again = false

  const publish = () => useUsageQueueStore.setState({ queued: queuedRecordCount(queue) + queue.waiting.length })
  const save = (next: UsageQueue) => {
    queue = next
    writeStorage(QUEUE_KEY, queue)
    publish()
  }
  const noteDropped = (dropped: Dropped) => {
    addDroppedRecords(dropped.actives + dropped.events)
    if (dropped.batches.length > 0) setUsageLog(dropped.batches.reduce((log, b) => markDropped(log, b.id), useUsageStore.getState().log))
  }
  const bounded = (next: UsageQueue) => {
    const { queue: kept, dropped } = boundQueue(next, limits)
    noteDropped(dropped)
    save(kept)
  }

  const cancelTimer = () => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    timerDue = 0
  }
  /** A run in `delay` ms, not earlier than the waits allow; an earlier run already planned is kept. */
  const schedule = (delay: number, ignoreBackoff = false) => {
    const due = Math.max(now() + delay, serverUntil, ignoreBackoff ? 0 : backoffUntil)
    if (timer !== undefined && timerDue <= due) return
    cancelTimer()
    timerDue = due
    timer = setTimeout(
      () => {
        timer = undefined
        timerDue = 0
        void flush()
      },
      Math.max(0, due - now()),
    )
  }

  const clear = () => {
    cancelTimer()
    failures = 0
    backoffUntil = 0
    save(clearQueue(queue))
  }
  /** False (and the queue cleared) when statistics are not allowed. */
  const allowed = () => {
    if (statsAllowed()) return true
    if (!isQueueEmpty(queue) || timer !== undefined) clear()
    return false
  }

  const failed = (retryAfter?: number) => {
    failures += 1
    const wait = retryDelayMs(failures, random(), retryAfter)
    backoffUntil = now() + wait
    // The server's own wait holds even when the app shows again; the backoff's jitter on top does not.
    if (retryAfter !== undefined) serverUntil = now() + Math.min(wait, retryAfter)
    schedule(0)
  }
  const succeeded = () => {
    failures = 0
    backoffUntil = 0
  }

  /** One try of `body`; its exact text is what the log shows. */
  const send = async (body: UsageBatch): Promise<UsageOutcome> => {
    const payload = JSON.stringify(body)
    const res = await transport(payload).catch(() => ({ status: 0, body: null, retryAfter: null }))
    const outcome = classifyUsageAnswer(res.status, res.body, retryAfterMs(res.retryAfter, now()))
    setUsageLog(
      logTry(useUsageStore.getState().log, {
        at: new Date(now()).toISOString(),
        ...(body.batch ? { batch: body.batch } : {}),
        payload,
        answer: logAnswer(res.status, outcome),
        outcome: LOG_OUTCOME[outcome.kind],
      }),
    )
    return outcome
  }

  /** Sends batch after batch until the queue is empty or a try fails. */
  const run = async () => {
    for (let step = 0; step < MAX_STEPS_PER_RUN; step++) {
      if (!allowed()) return
      const formed = takeBatch(formWaiting(queue, now()), newBatchId)
      save(formed.queue)
      const batch = formed.batch
      if (batch) {
        const outcome = await send(batchPayload(batch))
        if (outcome.kind === 'acknowledged') {
          succeeded()
          const { queue: next, dropped } = acknowledgeBatch(queue, batch, outcome.answer.month, now())
          noteDropped(dropped)
          save(next)
        } else if (outcome.kind === 'rejected') {
          // Never accepted, whatever is resent: dropped; its scopes are not recorded again this month.
          addDroppedRecords(batch.actives.length + batch.events.length)
          save(removeBatch(queue, batch.id))
        } else return failed(outcome.retryAfterMs)
      } else if (queue.waiting.length > 0) {
        // Uses wait for the server's month: an empty batch asks for it.
        const outcome = await send({ v: USAGE_VERSION })
        if (outcome.kind !== 'acknowledged') return failed(outcome.kind === 'retry' ? outcome.retryAfterMs : undefined)
        succeeded()
        const { queue: next, dropped } = learnServerMonth(queue, outcome.answer.month, now())
        noteDropped(dropped)
        save(next)
      } else return
    }
    schedule(flushDelay)
  }

  const flush = (): Promise<void> => {
    if (running) {
      again = true
      return running
    }
    cancelTimer()
    running = (async () => {
      try {
        do {
          again = false
          await run()
        } while (again && timer === undefined)
      } finally {
        running = undefined
      }
    })()
    return running
  }

  const retrySoon = () => {
    if (!allowed() || isQueueEmpty(queue)) return
    backoffUntil = 0
    schedule(0, true)
  }

  // The mini-program and H5 both tell when the app is shown again and when the network is back.
  const onShow = () => retrySoon()
  const onNetwork = (res: { isConnected: boolean }) => {
    if (res.isConnected) retrySoon()
  }
  const taro = Taro as Partial<typeof Taro>
  if (typeof taro.onAppShow === 'function') taro.onAppShow(onShow)
  if (typeof taro.onNetworkStatusChange === 'function') taro.onNetworkStatusChange(onNetwork)
  const unsubscribe = [useConsentStore.subscribe(() => void allowed()), useUsageStore.subscribe(() => void allowed())]

  publish()
  if (allowed() && !isQueueEmpty(queue)) schedule(flushDelay)

  return {
    recordServiceUse(service, city) {
      if (!allowed() || !CITY.test(city) || !SERVICE_ID.test(service.id)) return
      const national = service.coverage.level === 'national'
      const scopes = scopesOfUse({ city, type: service.type, domain: service.domain, service: service.id, national }).filter((s) => parseScope(s))
      bounded(noteUse(queue, scopes, now()))
      schedule(flushDelay)
    },
    recordEvent({ service, city, action, ms }) {
      if (!allowed() || !CITY.test(city) || !SERVICE_ID.test(service) || !USAGE_ACTIONS.includes(action)) return
      const event: InteractionEvent = { service, city, action }
      if (ms !== undefined && Number.isFinite(ms)) event.ms = Math.min(MAX_MS, Math.max(0, Math.round(ms)))
      bounded(addEvent(queue, event))
      schedule(flushDelay)
    },
    flush,
    retrySoon,
    clear,
    queue: () => queue,
    stop() {
      cancelTimer()
      if (typeof taro.offAppShow === 'function') taro.offAppShow(onShow)
      if (typeof taro.offNetworkStatusChange === 'function') taro.offNetworkStatusChange(onNetwork)
      for (const off of unsubscribe) off()
    },
  }
}

let current: UsageReporter | undefined
let currentOptions: UsageReporterOptions = {}

/** The app's reporter, started on first use (it then listens for app show, network back and the privacy choices). */
export function usageReporter(): UsageReporter {
  current ??= createUsageReporter(currentOptions)
  return current
}

/** Replaces the app's reporter, e.g. with a fake transport and clock in tests; the queue stays on the device. */
export function configureUsageReporter(options: UsageReporterOptions = {}): UsageReporter {
  current?.stop()
  currentOptions = options
  current = createUsageReporter(options)
  return current
}

/** Starts the reporter: whatever the last run left in the queue is sent. */
export function startUsageReporter(): void {
  usageReporter()
}

/** One use of a catalog service in a city (all, province, city, type, domain and service scopes). */
export function recordServiceUse(service: UsageService, city: CityCode): void {
  usageReporter().recordServiceUse(service, city)
}

/** An interaction event: open, submit, success or error, with latency for the last two. */
export function recordEvent(event: UsageEventInput): void {
  usageReporter().recordEvent(event)
}

/** Sends what is queued now. */
export function flush(): Promise<void> {
  return usageReporter().flush()
}

/**
 * A tap on a service tile on the home page: remembers the service's catalog
 * facts for its pages and records the use. A service the app has no page of
 * (web-view, mini-program) is also counted as opened here; one with a page is
 * counted by that page (useServiceUsage), so it is not counted twice.
 */
export function recordServiceOpen(service: UsageService, city: CityCode, hasPage: boolean): void {
  if (!statsAllowed()) return
  rememberServices([service])
  recordServiceUse(service, city)
  if (!hasPage) recordEvent({ service: service.id, city, action: 'open' })
}

/** 发送匿名使用统计 on or off; off clears the queue at once. */
export function setUsageStatistics(on: boolean): void {
  useUsageStore.setState({ statsOn: on })
  if (!on) usageReporter().clear()
}
