import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ActiveRecord, InteractionEvent } from '../../../src/domain/usage-batch'
import { MAX_USAGE_BYTES, MAX_USAGE_RECORDS } from '../../../src/domain/usage-batch'
import { learnMonth } from '../../../src/domain/usage-month'
import {
  acknowledgeBatch,
  addEvent,
  batchPayload,
  boundQueue,
  clearQueue,
  EMPTY_USAGE_QUEUE,
  learnServerMonth,
  noteUse,
  queuedRecordCount,
  removeBatch,
  takeBatch,
  type UsageQueue,
} from '../../../src/domain/usage-queue'

const NOW = Date.parse('2026-11-10T02:00:00Z')
let n = 0
const newId = () => `batch-${String(++n).padStart(12, '0')}`
const knownNov: UsageQueue = { ...EMPTY_USAGE_QUEUE, known: learnMonth('2026-11', NOW) }
const event = (i: number): InteractionEvent => ({ service: `svc-${i}`, city: '440300', action: 'open' })
const active = (scope: string, month = '2026-11'): ActiveRecord => ({ scope, month, returning: false, first: true })

describe('noteUse', () => {
  it('waits for the server month when it is unknown, then forms records with it', () => {
    const waiting = noteUse(EMPTY_USAGE_QUEUE, ['all', 'city:440300'], NOW)
    expect(waiting.waiting).toEqual(['all', 'city:440300'])
    expect(waiting.actives).toEqual([])
    const { queue } = learnServerMonth(waiting, '2026-11', NOW)
    expect(queue.waiting).toEqual([])
    expect(queue.actives).toEqual([active('all'), active('city:440300')])
  })

  it("dates records with the server's month, not the phone's clock", () => {
    const phoneSays2031 = Date.parse('2031-05-03T02:00:00Z')
    const { queue } = learnServerMonth(noteUse(EMPTY_USAGE_QUEUE, ['all'], phoneSays2031), '2026-11', phoneSays2031)
    expect(queue.actives.map((r) => r.month)).toEqual(['2026-11'])
  })

  it('waits again when the learned month is stale (the phone month turned)', () => {
    const dec1 = Date.parse('2026-11-30T16:10:00Z')
    expect(noteUse(knownNov, ['all'], dec1).waiting).toEqual(['all'])
  })

  it('records a scope once a month, however often it is used', () => {
    let q = noteUse(knownNov, ['all', 'prov:44'], NOW)
    q = noteUse(q, ['all', 'prov:44', 'city:440300'], NOW + 1000)
    expect(q.actives.map((r) => r.scope)).toEqual(['all', 'prov:44', 'city:440300'])
  })
})

describe('takeBatch: immutable batches of at most 200 records', () => {
  it('forms a batch of the oldest records, actives first', () => {
    let q = noteUse(knownNov, ['all'], NOW)
    q = addEvent(q, event(1))
    const { queue, batch } = takeBatch(q, () => 'aaaaaaaaaaaaaaaaaaaa')
    expect(batch).toEqual({ id: 'aaaaaaaaaaaaaaaaaaaa', actives: [active('all')], events: [event(1)] })
    expect(queue.actives).toEqual([])
    expect(queue.events).toEqual([])
    expect(batchPayload(batch!)).toEqual({ v: 1, batch: 'aaaaaaaaaaaaaaaaaaaa', actives: [active('all')], events: [event(1)] })
  })

  it('resends the same batch, unchanged, until it is answered; new records wait for the next batch', () => {
    const first = takeBatch(addEvent(knownNov, event(1)), newId)
    const more = addEvent(noteUse(first.queue, ['all'], NOW), event(2))
    const again = takeBatch(more, newId)
    expect(again.batch).toEqual(first.batch)
    expect(again.queue.actives).toHaveLength(1)
    const next = takeBatch(removeBatch(again.queue, first.batch!.id), newId)
    expect(next.batch?.id).not.toBe(first.batch?.id)
    expect(next.batch?.events).toEqual([event(2)])
  })

  it('leaves out empty lists', () => {
    const { batch } = takeBatch(addEvent(knownNov, event(1)), newId)
    expect(Object.keys(batchPayload(batch!))).toEqual(['v', 'batch', 'events'])
  })

  it('has nothing to send from an empty queue', () => {
    expect(takeBatch(knownNov, newId).batch).toBeUndefined()
  })

  it('property: every record is sent exactly once, in order, in batches within the count and size limits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 650 }), fc.integer({ min: 0, max: 60 }), (events, scopes) => {
        let q = knownNov
        for (let i = 0; i < scopes; i++) q = noteUse(q, [`svc:long-service-name-${'x'.repeat(30)}-${i}@440300`], NOW)
        for (let i = 0; i < events; i++) q = addEvent(q, { ...event(i), ms: 1234 })
        const sentActives: ActiveRecord[] = []
        const sentEvents: InteractionEvent[] = []
        for (;;) {
          const { queue, batch } = takeBatch(q, newId)
          if (!batch) break
          expect(batch.actives.length + batch.events.length).toBeGreaterThan(0)
          expect(batch.actives.length + batch.events.length).toBeLessThanOrEqual(MAX_USAGE_RECORDS)
          expect(JSON.stringify(batchPayload(batch)).length).toBeLessThanOrEqual(MAX_USAGE_BYTES)
          sentActives.push(...batch.actives)
          sentEvents.push(...batch.events)
          q = acknowledgeBatch(queue, batch, '2026-11', NOW).queue
        }
        expect(sentActives.map((r) => r.scope)).toEqual(Array.from({ length: scopes }, (_, i) => `svc:long-service-name-${'x'.repeat(30)}-${i}@440300`))
        expect(sentEvents.map((e) => e.service)).toEqual(Array.from({ length: events }, (_, i) => `svc-${i}`))
      }),
      { numRuns: 40 },
    )
  })
})

describe('acknowledgeBatch: lastActive only after the server acknowledged', () => {
  it('writes lastActive for the batch records, and not before', () => {
    const q = noteUse(knownNov, ['all'], NOW)
    expect(q.memories.all?.lastActive).toBeUndefined()
    const { queue, batch } = takeBatch(q, newId)
    expect(queue.memories.all?.lastActive).toBeUndefined()
    const acked = acknowledgeBatch(queue, batch!, '2026-11', NOW).queue
    expect(acked.memories.all?.lastActive).toBe('2026-11')
    expect(acked.batches).toEqual([])
  })

  it('a batch dropped unacknowledged leaves lastActive as it was', () => {
    const { queue, batch } = takeBatch(noteUse(knownNov, ['all'], NOW), newId)
    expect(removeBatch(queue, batch!.id).memories.all?.lastActive).toBeUndefined()
  })

  it('the next month, a scope acknowledged this month is returning', () => {
    const { queue, batch } = takeBatch(noteUse(knownNov, ['all'], NOW), newId)
    const acked = acknowledgeBatch(queue, batch!, '2026-11', NOW).queue
    const dec = Date.parse('2026-12-02T02:00:00Z')
    const next = learnServerMonth(noteUse(acked, ['all'], dec), '2026-12', dec).queue
    expect(next.actives).toEqual([{ scope: 'all', month: '2026-12', returning: true, first: false }])
  })
})

describe('learnServerMonth: the server moved on', () => {
  it('still sends records of the previous month, drops older ones', () => {
    const q: UsageQueue = { ...knownNov, actives: [active('all', '2026-09'), active('prov:44', '2026-10'), active('city:440300', '2026-11')] }
    const { queue, dropped } = learnServerMonth(q, '2026-11', NOW)
    expect(queue.actives.map((r) => r.month)).toEqual(['2026-10', '2026-11'])
    expect(dropped.actives).toBe(1)
  })

  it('drops a formed batch whole when it holds a record that can no longer be accepted', () => {
    const old: UsageQueue = { ...knownNov, batches: [{ id: 'old-batch-0000000001', actives: [active('all', '2026-09')], events: [event(1)] }] }
    const { queue, dropped } = learnServerMonth(old, '2026-11', NOW)
    expect(queue.batches).toEqual([])
    expect(dropped).toEqual({ actives: 1, events: 1, batches: [old.batches[0]] })
  })

  it('keeps a batch of the previous month', () => {
    const q: UsageQueue = { ...knownNov, batches: [{ id: 'prev-batch-000000001', actives: [active('all', '2026-10')], events: [] }] }
    expect(learnServerMonth(q, '2026-11', NOW).queue.batches).toHaveLength(1)
  })
})

describe('boundQueue: a bounded offline queue', () => {
  it('drops the oldest events first', () => {
    let q = noteUse(knownNov, ['all', 'prov:44'], NOW)
    for (let i = 0; i < 5; i++) q = addEvent(q, event(i))
    const { queue, dropped } = boundQueue(q, { maxBatches: 10, maxRecords: 4 })
    expect(queue.actives).toHaveLength(2)
    expect(queue.events.map((e) => e.service)).toEqual(['svc-3', 'svc-4'])
    expect(dropped).toMatchObject({ actives: 0, events: 3 })
  })

  it('drops event-only batches before any active record', () => {
    const q: UsageQueue = {
      ...knownNov,
      actives: [active('all')],
      batches: [
        { id: 'with-actives-0000001', actives: [active('prov:44')], events: [] },
        { id: 'events-only-00000001', actives: [], events: [event(1), event(2)] },
      ],
    }
    const { queue } = boundQueue(q, { maxBatches: 10, maxRecords: 2 })
    expect(queue.batches.map((b) => b.id)).toEqual(['with-actives-0000001'])
    expect(queue.actives).toHaveLength(1)
  })

  it('keeps at most maxBatches batches, event-only ones going first', () => {
    const batches = Array.from({ length: 4 }, (_, i) => ({ id: `b-${i}-aaaaaaaaaaaaaa`, actives: i === 0 ? [active('all')] : [], events: [event(i)] }))
    const { queue } = boundQueue({ ...knownNov, batches }, { maxBatches: 2, maxRecords: 100 })
    expect(queue.batches.map((b) => b.id)).toEqual(['b-0-aaaaaaaaaaaaaa', 'b-3-aaaaaaaaaaaaaa'])
  })

  it('property: never over the bounds, and no active record goes while an event could go instead', () => {
    const batchArb = fc.record({
      id: fc.string({ minLength: 16, maxLength: 16 }),
      actives: fc.array(fc.constant(active('all')), { maxLength: 5 }),
      events: fc.array(fc.constant(event(1)), { maxLength: 5 }),
    })
    fc.assert(
      fc.property(
        fc.array(batchArb, { maxLength: 6 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 4 }),
        (batches, actives, events, maxRecords, maxBatches) => {
          const q: UsageQueue = {
            ...knownNov,
            batches: batches.map((b, i) => ({ ...b, id: `${i}-${b.id}` })),
            actives: Array.from({ length: actives }, (_, i) => active(`city:${String(440000 + i)}`)),
            events: Array.from({ length: events }, (_, i) => event(i)),
          }
          const { queue, dropped } = boundQueue(q, { maxBatches, maxRecords })
          expect(queue.batches.length).toBeLessThanOrEqual(maxBatches)
          const activesIn = (x: UsageQueue) => x.actives.length + x.batches.reduce((s, b) => s + b.actives.length, 0)
          const activeDrops = activesIn(q) - activesIn(queue)
          if (queuedRecordCount(q) - maxRecords <= 0 && q.batches.length <= maxBatches) expect(queue).toEqual(q)
          if (activeDrops > 0 && q.batches.length <= maxBatches) {
            // Actives were dropped only if no loose event and no event-only batch was left to drop.
            expect(queue.events).toEqual([])
            expect(queue.batches.every((b) => b.actives.length > 0)).toBe(true)
          }
          const beforeBatchBound = q.batches.length > maxBatches
          if (!beforeBatchBound) expect(queuedRecordCount(queue)).toBeLessThanOrEqual(Math.max(maxRecords, 0))
          expect(dropped.actives + dropped.events).toBe(queuedRecordCount(q) - queuedRecordCount(queue))
        },
      ),
    )
  })
})

describe('clearQueue: statistics off', () => {
  it('drops everything waiting and forgets the formed months, keeps lastActive', () => {
    let q = noteUse(knownNov, ['all', 'prov:44'], NOW)
    q = { ...q, memories: { ...q.memories, all: { lastActive: '2026-10', formed: '2026-11' } } }
    q = addEvent(takeBatch(addEvent(q, event(1)), newId).queue, event(2))
    const cleared = clearQueue(noteUse({ ...q, known: null }, ['city:440300'], NOW))
    expect(queuedRecordCount(cleared)).toBe(0)
    expect(cleared.waiting).toEqual([])
    expect(cleared.memories).toEqual({ all: { lastActive: '2026-10' } })
    // Turned on again the same month, the next use records again.
    expect(noteUse({ ...cleared, known: learnMonth('2026-11', NOW) }, ['all', 'prov:44'], NOW).actives.map((r) => r.scope)).toEqual(['all', 'prov:44'])
  })
})
