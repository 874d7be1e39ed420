import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { addMonths } from '../../../src/domain/calendar-months'
import type { ActiveRecord, InteractionEvent, UsageBatch } from '../../../src/domain/usage-batch'
import type { UsageReporter, UsageReporterOptions } from '../../../src/services/usage-reporter'
import type { UsageService } from '../../../src/services/usage-services'
import type { UsageTransportAnswer } from '../../../src/services/usage-transport'
import { deviceStorage, fakeTaro, resetFakeTaro } from '../helpers/fake-taro'

vi.mock('@tarojs/taro', () => import('../helpers/fake-taro'))

const SZ_TRAFFIC: UsageService = { id: 'sz-traffic', domain: 'traffic', type: 'government', coverage: { level: 'city', code: '440300' } }
const TAX: UsageService = { id: 'tax-national', domain: 'tax', type: 'government', coverage: { level: 'national' } }
const SZ_SCOPES = ['all', 'prov:44', 'city:440300', 'type:government@440300', 'domain:traffic@440300', 'svc:sz-traffic@440300']

type Answer = UsageTransportAnswer | ((batch: UsageBatch) => UsageTransportAnswer)

/**
 * A usage endpoint as the server behaves: a batch id counted once, the month
 * it is told. `next` answers lined up take precedence (offline, 429, 5xx, 4xx).
 */
function fakeServer(month = '2026-11') {
  const counted = new Map<string, UsageBatch>()
  const payloads: string[] = []
  const queue: Answer[] = []
  let down = false
  const server = {
    month,
    payloads,
    counted,
    setDown(value: boolean) {
      down = value
    },
    next(...answers: Answer[]) {
      queue.push(...answers)
    },
    transport: vi.fn(async (payload: string): Promise<UsageTransportAnswer> => {
      payloads.push(payload)
      const body = JSON.parse(payload) as UsageBatch
      const queued = queue.shift()
      if (queued) return typeof queued === 'function' ? queued(body) : queued
      if (down) return { status: 0, body: null }
      const records = (body.actives?.length ?? 0) + (body.events?.length ?? 0)
      if (records === 0) return { status: 200, body: { month: server.month, accepted: 0, duplicates: 0 } }
      if (body.actives?.some((a) => a.month !== server.month && a.month !== addMonths(server.month, -1))) {
        return { status: 422, body: { error: { code: 'MONTH_NOT_ACCEPTED', message: 'only this month or the previous / 只接受本月或上月的记录' } } }
      }
      if (counted.has(body.batch!)) return { status: 200, body: { month: server.month, accepted: 0, duplicates: records } }
      counted.set(body.batch!, body)
      return { status: 200, body: { month: server.month, accepted: records, duplicates: 0 } }
    }),
    actives: (): ActiveRecord[] => [...counted.values()].flatMap((b) => b.actives ?? []),
    events: (): InteractionEvent[] => [...counted.values()].flatMap((b) => b.events ?? []),
    batchIds: () => payloads.map((p) => (JSON.parse(p) as UsageBatch).batch),
  }
  return server
}

let reporter: UsageReporter | undefined
let clock = Date.parse('2026-11-10T02:00:00Z')

async function load(consent: 'agreed' | 'refused' | null = 'agreed') {
  if (consent) deviceStorage.set('onecity:consent', JSON.stringify({ state: { decision: consent, version: 1, decidedAt: '2026-11-01T00:00:00.000Z' }, version: 1 }))
  vi.resetModules()
  const mod = await import('../../../src/services/usage-reporter')
  const usageStore = await import('../../../src/stores/usage-store')
  const consentStore = await import('../../../src/stores/consent-store')
  let id = 0
  const start = (server: ReturnType<typeof fakeServer>, options: UsageReporterOptions = {}) => {
    reporter = mod.createUsageReporter({
      transport: server.transport,
      now: () => clock,
      random: () => 0.999999,
      newBatchId: () => `test-batch-${String(++id).padStart(8, '0')}`,
      ...options,
    })
    return reporter
  }
  return { mod, usageStore, consentStore, start }
}

/** Lets the fake clock and the timers move together, 100 ms at a time. */
async function advance(ms: number) {
  let left = ms
  do {
    const step = Math.min(100, left)
    clock += step
    await vi.advanceTimersByTimeAsync(step)
    left -= step
  } while (left > 0)
}

describe('usage reporter', () => {
  beforeEach(() => {
    resetFakeTaro()
    vi.useFakeTimers()
    clock = Date.parse('2026-11-10T02:00:00Z')
  })
  afterEach(() => {
    reporter?.stop()
    reporter = undefined
    vi.useRealTimers()
  })

  it('learns the month with an empty batch, then sends one record per scope and an open event in one batch', async () => {
    const { start } = await load()
    const server = fakeServer()
    const r = start(server)
    r.recordServiceUse(SZ_TRAFFIC, '440300')
    r.recordEvent({ service: 'sz-traffic', city: '440300', action: 'open' })
    await r.flush()
    // Events go first (they need no month); their answer teaches the month, then the actives follow.
    expect(server.actives()).toEqual(SZ_SCOPES.map((scope) => ({ scope, month: '2026-11', returning: false, first: true })))
    expect(server.events()).toEqual([{ service: 'sz-traffic', city: '440300', action: 'open' }])
    expect(r.queue().batches).toEqual([])
    expect(r.queue().memories['city:440300']?.lastActive).toBe('2026-11')
  })

  it('asks the month with an empty batch when only uses wait for it', async () => {
    const { start } = await load()
    const server = fakeServer()
    const r = start(server)
    r.recordServiceUse(TAX, '510600')
    await r.flush()
    expect(JSON.parse(server.payloads[0]!)).toEqual({ v: 1 })
    expect(server.actives().map((a) => a.scope)).toEqual(['all', 'prov:51', 'city:510600', 'type:government@510600', 'domain:tax@510600', 'svc:tax-national@510600', 'svc:tax-national'])
  })

  it("dates records with the server's month even when the phone's clock is years off", async () => {
    clock = Date.parse('2031-05-03T02:00:00Z')
    const { start } = await load()
    const server = fakeServer('2026-11')
    const r = start(server)
    r.recordServiceUse(SZ_TRAFFIC, '440300')
    await r.flush()
    expect(new Set(server.actives().map((a) => a.month))).toEqual(new Set(['2026-11']))
  })

  it('records a scope once a month; the next month it is returning, after the acknowledgement', async () => {
    const { start } = await load()
    const server = fakeServer('2026-11')
    const r = start(server)
    r.recordServiceUse(SZ_TRAFFIC, '440300')
    await r.flush()
    r.recordServiceUse(SZ_TRAFFIC, '440300')
    await r.flush()
    expect(server.actives()).toHaveLength(SZ_SCOPES.length)
    clock = Date.parse('2026-12-02T02:00:00Z')
    server.month = '2026-12'
    r.recordServiceUse(SZ_TRAFFIC, '440300')
    await r.flush()
    const december = server.actives().filter((a) => a.month === '2026-12')
    expect(december).toEqual(SZ_SCOPES.map((scope) => ({ scope, month: '2026-12', returning: true, first: false })))
  })

  it('offline then online: every record is sent once, in batches that never change', async () => {
    const { start } = await load()
    const server = fakeServer()
    server.setDown(true)
    const r = start(server)
    r.recordServiceUse(SZ_TRAFFIC, '440300')
    for (let i = 0; i < 230; i++) r.recordEvent({ service: 'sz-traffic', city: '440300', action: i % 2 ? 'submit' : 'open', ms: i % 2 ? 250 : undefined })
    await r.flush()
    await advance(60_000)
    const offlineTries = server.payloads.length
    expect(offlineTries).toBeGreaterThan(2)
    // While offline, only one batch is formed, and every resend is byte for byte the same.
    expect(new Set(server.payloads).size).toBe(1)
    expect(JSON.parse(server.payloads[0]!).events).toHaveLength(200)
    r.recordServiceUse(TAX, '440300')

    server.setDown(false)
    await advance(10 * 60_000)
    expect(r.queue().batches).toEqual([])
    expect(r.queue().events).toEqual([])
    expect(r.queue().waiting).toEqual([])
    expect(server.events()).toHaveLength(230)
    const scopes = server.actives().map((a) => a.scope)
    expect(new Set(scopes).size).toBe(scopes.length)
    expect(scopes.sort()).toEqual([...new Set([...SZ_SCOPES, 'type:government@440300', 'domain:tax@440300', 'svc:tax-national@440300', 'svc:tax-national'])].sort())
    // Every batch id was sent with one and the same payload, however often.
    const byId = new Map<string, Set<string>>()
    for (const p of server.payloads) {
      const id = (JSON.parse(p) as UsageBatch).batch
      if (id) byId.set(id, (byId.get(id) ?? new Set()).add(p))
    }
    for (const variants of byId.values()) expect(variants.size).toBe(1)
    for (const b of server.counted.values()) expect((b.actives?.length ?? 0) + (b.events?.length ?? 0)).toBeLessThanOrEqual(200)
  })

  it('drops a 4xx batch without retrying, and notes it for the privacy page', async () => {
    const { start, usageStore } = await load()
    const server = fakeServer()
    server.next({ status: 422, body: { error: { code: 'UNKNOWN_SERVICE', message: 'no service / 没有这项服务' } } })
    const r = start(server)
    r.recordEvent({ service: 'gone-service', city: '440300', action: 'open' })
    await r.flush()
    await advance(60 * 60_000)
    expect(server.transport).toHaveBeenCalledTimes(1)
    expect(r.queue().batches).toEqual([])
    const { log, dropped } = usageStore.useUsageStore.getState()
    expect(log[0]).toMatchObject({ outcome: 'rejected', answer: { status: 422, code: 'UNKNOWN_SERVICE' } })
    expect(dropped).toBe(1)
  })

  it("retries a 429 with the same batch after the server's Retry-After", async () => {
    const { start } = await load()
    const server = fakeServer()
    server.next({ status: 429, body: { error: { code: 'RATE_LIMITED', message: 'x' } }, retryAfter: '30' })
    const r = start(server)
    r.recordEvent({ service: 'sz-traffic', city: '440300', action: 'open' })
    await r.flush()
    await advance(29_000)
    expect(server.transport).toHaveBeenCalledTimes(1)
    r.retrySoon() // the app shows again: the server's wait still holds
    await advance(0)
    expect(server.transport).toHaveBeenCalledTimes(1)
    await advance(1_500)
    expect(server.transport).toHaveBeenCalledTimes(2)
    expect(server.payloads[1]).toBe(server.payloads[0])
    expect(server.events()).toHaveLength(1)
  })

  it('retries 5xx with the same batch, backing off 2 s, 4 s, 8 s …; lastActive waits for the acknowledgement', async () => {
    const { start } = await load()
    const server = fakeServer()
    const r = start(server)
    r.recordServiceUse(SZ_TRAFFIC, '440300')
    await r.flush() // the month, then the actives
    r.recordEvent({ service: 'sz-traffic', city: '440300', action: 'open' })
    const before = server.payloads.length
    const failing: UsageTransportAnswer = { status: 503, body: null }
    server.next(failing, failing, failing)
    await r.flush()
    const times: number[] = []
    const start0 = clock
    for (let t = 0; t < 20_000; t += 100) {
      const n = server.payloads.length
      await advance(100)
      if (server.payloads.length > n) times.push(clock - start0)
    }
    expect(times).toEqual([2000, 6000, 14000])
    const tries = server.payloads.slice(before)
    expect(new Set(tries).size).toBe(1)
    expect(server.events()).toHaveLength(1)
  })

  it('does not write lastActive before the acknowledgement', async () => {
    const { start } = await load()
    const server = fakeServer()
    const r = start(server)
    r.recordEvent({ service: 'sz-traffic', city: '440300', action: 'open' })
    await r.flush() // the month is known now
    server.setDown(true)
    r.recordServiceUse(SZ_TRAFFIC, '440300')
    await r.flush()
    expect(r.queue().batches).toHaveLength(1)
    expect(r.queue().memories.all?.lastActive).toBeUndefined()
    // A second use the same month while the first record waits: nothing new.
    r.recordServiceUse(SZ_TRAFFIC, '440300')
    expect(r.queue().actives).toEqual([])
    server.setDown(false)
    await r.flush()
    expect(r.queue().memories.all?.lastActive).toBe('2026-11')
    expect(server.actives()).toHaveLength(SZ_SCOPES.length)
  })

  it('still sends records of the previous month after the month turned; drops those older', async () => {
    const { start } = await load()
    const server = fakeServer('2026-11')
    const r = start(server)
    r.recordEvent({ service: 'sz-traffic', city: '440300', action: 'open' })
    await r.flush()
    server.setDown(true)
    r.recordServiceUse(SZ_TRAFFIC, '440300')
    await r.flush()
    // Back online in December: the November batch is still accepted.
    clock = Date.parse('2026-12-02T02:00:00Z')
    server.month = '2026-12'
    server.setDown(false)
    await r.flush()
    expect(server.actives().every((a) => a.month === '2026-11')).toBe(true)
    expect(server.actives()).toHaveLength(SZ_SCOPES.length)
  })

  it('drops a batch whose month can no longer be accepted, and dates the next records with the new month', async () => {
    const { start, usageStore } = await load()
    const server = fakeServer('2026-11')
    const r = start(server)
    r.recordEvent({ service: 'sz-traffic', city: '440300', action: 'open' })
    await r.flush()
    server.setDown(true)
    r.recordServiceUse(SZ_TRAFFIC, '440300')
    await r.flush()
    const novemberBatch = r.queue().batches[0]!.id
    r.stop()
    // Two months later, after a restart: the server refuses November now.
    clock = Date.parse('2027-01-20T02:00:00Z')
    server.month = '2027-01'
    server.setDown(false)
    const r2 = start(server)
    expect(r2.queue().batches[0]?.id).toBe(novemberBatch)
    r2.recordServiceUse(TAX, '440300')
    await r2.flush()
    expect(r2.queue().batches).toEqual([])
    expect(server.counted.has(novemberBatch)).toBe(false)
    expect(usageStore.useUsageStore.getState().log.find((e) => e.batch === novemberBatch)).toMatchObject({ outcome: 'rejected', answer: { status: 422, code: 'MONTH_NOT_ACCEPTED' } })
    expect(usageStore.useUsageStore.getState().dropped).toBe(SZ_SCOPES.length)
    // The January records: the scopes November never got acknowledged for are first again.
    const january = server.actives().filter((a) => a.month === '2027-01')
    expect(january.find((a) => a.scope === 'all')).toEqual({ scope: 'all', month: '2027-01', returning: false, first: true })
    expect(january.map((a) => a.scope)).toContain('svc:tax-national')
  })

  it('retries at once when the network comes back or the app shows again', async () => {
    const handlers: { show?: () => void; network?: (r: { isConnected: boolean }) => void } = {}
    const taro = fakeTaro as unknown as Record<string, unknown>
    taro.onAppShow = vi.fn((cb: () => void) => (handlers.show = cb))
    taro.offAppShow = vi.fn()
    taro.onNetworkStatusChange = vi.fn((cb: (r: { isConnected: boolean }) => void) => (handlers.network = cb))
    taro.offNetworkStatusChange = vi.fn()
    try {
      const { start } = await load()
      const server = fakeServer()
      server.setDown(true)
      const r = start(server)
      r.recordEvent({ service: 'sz-traffic', city: '440300', action: 'open' })
      await r.flush()
      await advance(60_000) // several failures: the next try is minutes away
      const tries = server.payloads.length
      server.setDown(false)
      handlers.network?.({ isConnected: true })
      await advance(0)
      expect(server.payloads.length).toBe(tries + 1)
      expect(server.events()).toHaveLength(1)
      r.recordEvent({ service: 'sz-traffic', city: '440300', action: 'success', ms: 420 })
      server.setDown(true)
      await r.flush()
      const more = server.payloads.length
      server.setDown(false)
      handlers.show?.()
      await advance(0)
      expect(server.payloads.length).toBe(more + 1)
      expect(server.events()).toEqual([
        { service: 'sz-traffic', city: '440300', action: 'open' },
        { service: 'sz-traffic', city: '440300', action: 'success', ms: 420 },
      ])
    } finally {
      for (const k of ['onAppShow', 'offAppShow', 'onNetworkStatusChange', 'offNetworkStatusChange']) delete taro[k]
    }
  })

  it('keeps the queue across restarts (persisted) and sends it then', async () => {
    const { start } = await load()
    const server = fakeServer()
    server.setDown(true)
    const r = start(server)
    r.recordEvent({ service: 'sz-traffic', city: '440300', action: 'open' })
    await r.flush()
    r.stop()
    server.setDown(false)
    const again = await load(null)
    again.start(server)
    await advance(5000)
    expect(server.events()).toHaveLength(1)
  })

  it('bounds the offline queue, dropping the oldest events first', async () => {
    const { start, usageStore } = await load()
    const server = fakeServer()
    server.setDown(true)
    const r = start(server, { limits: { maxBatches: 10, maxRecords: 20 } })
    r.recordEvent({ service: 'sz-traffic', city: '440300', action: 'open' })
    await r.flush() // month unknown and offline: the scopes below wait
    r.recordServiceUse(SZ_TRAFFIC, '440300')
    for (let i = 0; i < 40; i++) r.recordEvent({ service: 'sz-traffic', city: '440300', action: 'submit', ms: i })
    expect(r.queue().events.length + r.queue().batches.reduce((n, b) => n + b.events.length, 0)).toBeLessThanOrEqual(20)
    expect(r.queue().waiting).toEqual(SZ_SCOPES)
    expect(usageStore.useUsageStore.getState().dropped).toBeGreaterThan(0)
    expect(r.queue().events.at(-1)?.ms).toBe(39)
  })

  describe('statistics off: nothing is recorded or sent, and the queue is cleared', () => {
    it('records nothing without consent', async () => {
      const { start } = await load('refused')
      const server = fakeServer()
      const r = start(server)
      r.recordServiceUse(SZ_TRAFFIC, '440300')
      r.recordEvent({ service: 'sz-traffic', city: '440300', action: 'open' })
      await r.flush()
      await advance(60_000)
      expect(server.transport).not.toHaveBeenCalled()
      expect(r.queue().waiting).toEqual([])
      expect(deviceStorage.get('onecity:usage-queue') ?? '').not.toContain('sz-traffic')
    })

    it('records nothing before the citizen decided', async () => {
      const { start } = await load(null)
      const server = fakeServer()
      const r = start(server)
      r.recordServiceUse(SZ_TRAFFIC, '440300')
      await r.flush()
      expect(server.transport).not.toHaveBeenCalled()
    })

    it('clears the queue when the switch goes off, and sends nothing more', async () => {
      const { start, usageStore } = await load()
      const server = fakeServer()
      server.setDown(true)
      const r = start(server)
      r.recordServiceUse(SZ_TRAFFIC, '440300')
      r.recordEvent({ service: 'sz-traffic', city: '440300', action: 'open' })
      await r.flush()
      const tries = server.payloads.length
      usageStore.setStatsOn(false)
      expect(r.queue().batches).toEqual([])
      expect(r.queue().events).toEqual([])
      expect(r.queue().waiting).toEqual([])
      server.setDown(false)
      r.recordServiceUse(TAX, '440300')
      await r.flush()
      await advance(30 * 60_000)
      expect(server.payloads.length).toBe(tries)
    })

    it('clears the queue when consent is withdrawn', async () => {
      const { start, consentStore } = await load()
      const server = fakeServer()
      server.setDown(true)
      const r = start(server)
      r.recordEvent({ service: 'sz-traffic', city: '440300', action: 'open' })
      await r.flush()
      consentStore.refusePrivacyNotice()
      expect(r.queue().batches).toEqual([])
      server.setDown(false)
      await advance(30 * 60_000)
      expect(server.counted.size).toBe(0)
    })
  })

  it('ignores what the server would refuse: bad city codes, service ids, actions; clamps ms', async () => {
    const { start } = await load()
    const server = fakeServer()
    const r = start(server)
    r.recordEvent({ service: 'SZ Traffic', city: '440300', action: 'open' })
    r.recordEvent({ service: 'sz-traffic', city: '4403', action: 'open' })
    r.recordEvent({ service: 'sz-traffic', city: '440300', action: 'clicked' as 'open' })
    r.recordServiceUse({ ...SZ_TRAFFIC, id: 'Bad Id' }, '440300')
    r.recordEvent({ service: 'sz-traffic', city: '440300', action: 'error', ms: 1e9 })
    r.recordEvent({ service: 'sz-traffic', city: '440300', action: 'success', ms: 12.7 })
    await r.flush()
    expect(server.events()).toEqual([
      { service: 'sz-traffic', city: '440300', action: 'error', ms: 600_000 },
      { service: 'sz-traffic', city: '440300', action: 'success', ms: 13 },
    ])
    expect(server.actives()).toEqual([])
  })

  it('logs each batch actually sent with the exact payload and the answer, newest first', async () => {
    const { start, usageStore } = await load()
    const server = fakeServer()
    const r = start(server)
    server.next({ status: 0, body: null })
    r.recordEvent({ service: 'sz-traffic', city: '440300', action: 'open' })
    const t0 = clock
    await r.flush()
    await advance(5000)
    const log = usageStore.useUsageStore.getState().log
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({ tries: 2, outcome: 'acknowledged', answer: { status: 200, month: '2026-11', accepted: 1, duplicates: 0 } })
    expect(log[0]!.payload).toBe(server.payloads[1])
    expect(log[0]!.at).toBe(new Date(t0 + 2000).toISOString())
  })
})
