import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app'
import type { Db } from '../../server/db/db'
import { createIngestion } from '../../server/modules/usage/ingestion'
import { readActivity } from '../../server/modules/usage/usage-service'
import { chinaToday } from '../../src/domain/china-time'
import { addMonths } from '../../src/domain/calendar-months'
import { freshDb, testApp, testConfig } from './test-app'

let app: FastifyInstance & { db: Db }
let service: string
const MONTH = chinaToday().slice(0, 7)
const LAST = addMonths(MONTH, -1)

beforeAll(async () => {
  app = await testApp()
  ;[{ id: service } = { id: '' }] = await app.db.query<{ id: string }>(`SELECT id FROM services WHERE coverage_code = '510600' ORDER BY id LIMIT 1`)
})
afterAll(() => app.close())

const batchId = () => randomBytes(16).toString('base64url')
const post = (body: unknown) => app.inject({ method: 'POST', url: '/v1/usage', payload: body as object })
const counters = async (scope: string, month = MONTH) =>
  (await readActivity(app.db, scope, month, month)).map(({ actives, returning, first }) => ({ actives, returning, first }))[0] ?? { actives: 0, returning: 0, first: 0 }
const allCounts = async () => (await app.db.query<{ n: string }>('SELECT coalesce(sum(actives), 0) + (SELECT coalesce(sum(n), 0) FROM usage_interactions) AS n FROM usage_activity'))[0]!.n

describe('POST /v1/usage', () => {
  it('an empty batch learns the server’s month (Asia/Shanghai)', async () => {
    const res = await post({ v: 1 })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ month: MONTH, accepted: 0, duplicates: 0 })
  })

  it('counts actives, returning and first per scope and month; events per hour with latency buckets', async () => {
    const res = await post({
      v: 1,
      batch: batchId(),
      actives: [
        { scope: 'city:510600', month: MONTH, returning: true, first: false },
        { scope: 'prov:51', month: MONTH, returning: false, first: true },
        { scope: `svc:${service}@510600`, month: LAST, returning: false, first: false },
      ],
      events: [
        { service, city: '510600', action: 'open', ms: 80 },
        { service, city: '510600', action: 'open', ms: 2500 },
        { service, city: '510600', action: 'success' },
      ],
    })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ month: MONTH, accepted: 6, duplicates: 0 })
    expect(await counters('city:510600')).toEqual({ actives: 1, returning: 1, first: 0 })
    expect(await counters('prov:51')).toEqual({ actives: 1, returning: 0, first: 1 })
    expect(await counters(`svc:${service}@510600`, LAST)).toEqual({ actives: 1, returning: 0, first: 0 })
    const opens = await app.db.query<Record<string, string>>(`SELECT n, ms_sum, le_100, le_3000 FROM usage_interactions WHERE service = $1 AND action = 'open'`, [service])
    expect(opens.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Number(v)])))).toEqual([{ n: 2, ms_sum: 2580, le_100: 1, le_3000: 1 }])
  })

  it('every batch sent twice (in turn and at the same time) is counted once; the resend says duplicates', async () => {
    const before = await counters('city:510100')
    const batches = Array.from({ length: 20 }, () => ({ v: 1, batch: batchId(), actives: [{ scope: 'city:510100', month: MONTH, returning: false, first: false }] }))
    const answers = await Promise.all([...batches, ...batches].map(post))
    expect(answers.every((a) => a.statusCode === 200)).toBe(true)
    expect(answers.reduce((s, a) => s + a.json().accepted, 0)).toBe(20)
    expect(answers.reduce((s, a) => s + a.json().duplicates, 0)).toBe(20)
    const again = await post(batches[0])
    expect(again.json()).toEqual({ month: MONTH, accepted: 0, duplicates: 1 })
    expect((await counters('city:510100')).actives - before.actives).toBe(20)
  })

  it('a bad batch (one invalid record among valid ones) → 4xx with code and message, and nothing is counted', async () => {
    const before = await allCounts()
    const good = { scope: 'city:510600', month: MONTH, returning: false, first: false }
    const cases: [unknown, number, string][] = [
      [{ v: 1, batch: batchId(), actives: [good, { ...good, scope: 'city:999999' }] }, 422, 'UNKNOWN_CITY'],
      [{ v: 1, batch: batchId(), actives: [good, { ...good, scope: 'person:42' }] }, 422, 'UNKNOWN_SCOPE'],
      [{ v: 1, batch: batchId(), actives: [good, { ...good, scope: 'svc:no-such-service@510600' }] }, 422, 'UNKNOWN_SERVICE'],
      [{ v: 1, batch: batchId(), actives: [good, { ...good, scope: 'domain:astrology@510600' }] }, 422, 'UNKNOWN_SCOPE'],
      [{ v: 1, batch: batchId(), actives: [good, { ...good, scope: 'city:510100', month: addMonths(MONTH, 1) }] }, 422, 'MONTH_NOT_ACCEPTED'],
      [{ v: 1, batch: batchId(), actives: [good, { ...good, scope: 'city:510100', month: addMonths(MONTH, -2) }] }, 422, 'MONTH_NOT_ACCEPTED'],
      [{ v: 1, batch: batchId(), actives: [good, { ...good, scope: 'city:510100', first: true, returning: true }] }, 422, 'IMPLAUSIBLE_RECORD'],
      [{ v: 1, batch: batchId(), actives: [good, good] }, 422, 'IMPLAUSIBLE_RECORD'],
      [{ v: 1, actives: [good] }, 422, 'BATCH_ID_REQUIRED'],
      [{ v: 1, batch: batchId(), actives: [good], events: [{ service, city: '510600', action: 'open', ms: -1 }] }, 400, 'VALIDATION_FAILED'],
      [{ v: 1, batch: batchId(), actives: [good], events: [{ service, city: '510600', action: 'delete' }] }, 400, 'VALIDATION_FAILED'],
      [{ v: 1, batch: batchId(), actives: [{ ...good, userId: 'u1' }] }, 400, 'VALIDATION_FAILED'],
      [{ v: 1, batch: batchId(), actives: [{ ...good, returning: 'yes' }] }, 400, 'VALIDATION_FAILED'],
      [{ v: 2, batch: batchId(), actives: [good] }, 400, 'VALIDATION_FAILED'],
      [{ v: 1, batch: 'short', actives: [good] }, 400, 'VALIDATION_FAILED'],
      [{ v: 1, batch: batchId(), actives: Array.from({ length: 120 }, (_, i) => ({ ...good, scope: `svc:${service}@510600`, month: i % 2 ? MONTH : LAST })), events: Array.from({ length: 100 }, () => ({ service, city: '510600', action: 'open' })) }, 422, 'TOO_MANY_RECORDS'],
    ]
    for (const [body, status, code] of cases) {
      const res = await post(body)
      expect(res.statusCode, JSON.stringify(body).slice(0, 200)).toBe(status)
      expect(res.json().error.code).toBe(code)
      expect(res.json().error.message).toBeTruthy()
    }
    expect(await allCounts()).toBe(before)
  })

  it('malformed JSON and oversize bodies → 400 and 413, and the server keeps serving', async () => {
    const broken = await app.inject({ method: 'POST', url: '/v1/usage', headers: { 'content-type': 'application/json' }, payload: '{"v":1,"batch":' })
    expect(broken.statusCode).toBe(400)
    expect(broken.json().error.code).toBe('INVALID_JSON')
    // Parsed with plain JSON.parse: a __proto__ key is an unknown field, refused before anything reads it.
    const poisoned = await app.inject({ method: 'POST', url: '/v1/usage', headers: { 'content-type': 'application/json' }, payload: '{"v":1,"__proto__":{"polluted":true}}' })
    expect(poisoned.statusCode).toBe(400)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const huge = await app.inject({ method: 'POST', url: '/v1/usage', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ v: 1, batch: batchId(), pad: 'x'.repeat(70 * 1024) }) })
    expect(huge.statusCode).toBe(413)
    expect(huge.json().error).toMatchObject({ code: 'BODY_TOO_LARGE', message: expect.stringContaining('64 KiB') })
    expect((await post({ v: 1 })).statusCode).toBe(200)
  })

  it('stores no address, user agent or identifier: only scopes, months, hours, places, services and counts', async () => {
    const columns = await app.db.query<{ table_name: string; column_name: string }>(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name LIKE 'usage\\_%' ORDER BY table_name, ordinal_position`,
    )
    expect(columns.map((c) => `${c.table_name}.${c.column_name}`)).toEqual([
      'usage_activity.scope', 'usage_activity.month', 'usage_activity.actives', 'usage_activity.returning_actives', 'usage_activity.first_actives',
      'usage_batches.id', 'usage_batches.received_at',
      'usage_interactions.hour', 'usage_interactions.city', 'usage_interactions.service', 'usage_interactions.action', 'usage_interactions.n', 'usage_interactions.ms_sum',
      'usage_interactions.le_100', 'usage_interactions.le_300', 'usage_interactions.le_1000', 'usage_interactions.le_3000', 'usage_interactions.le_10000', 'usage_interactions.over',
    ])
  })
})

describe('the rate limit per client address', () => {
  it('answers 429 with Retry-After past the rate, counting nothing of the refused', async () => {
    const db = await freshDb()
    const limited = await buildApp({ ...testConfig, usage: { ...testConfig.usage, ratePerMinute: 60 } }, { db })
    try {
      const answers = []
      for (let i = 0; i < 15; i++) answers.push(await limited.inject({ method: 'POST', url: '/v1/usage', payload: { v: 1 } }))
      const refused = answers.filter((a) => a.statusCode === 429)
      expect(answers.filter((a) => a.statusCode === 200)).toHaveLength(10)
      expect(refused).toHaveLength(5)
      expect(refused[0]!.headers['retry-after']).toBe('1')
      expect(refused[0]!.json().error.code).toBe('RATE_LIMITED')
    } finally {
      await limited.close()
      await db.close()
    }
  })
})

describe('group commit', () => {
  it('answers only after the commit: concurrent batches share transactions, and every answered record is in the counters', async () => {
    const db = await freshDb()
    try {
      let transactions = 0
      const counting = { ...db, transaction: <T>(fn: Parameters<Db['transaction']>[0]) => ((transactions += 1), db.transaction(fn)) as Promise<T> } as Db
      const ingestion = createIngestion(counting)
      const results = await Promise.all(
        Array.from({ length: 100 }, () => ingestion.ingest({ v: 1, batch: batchId(), actives: [{ scope: 'all', month: ingestion.month(), returning: false, first: true }] })),
      )
      expect(results.every((r) => r.accepted === 1)).toBe(true)
      expect(transactions).toBeLessThan(10)
      expect(await readActivity(db, 'all', ingestion.month(), ingestion.month())).toMatchObject([{ actives: 100, first: 100, returning: 0 }])
    } finally {
      await db.close()
    }
  })

  it('a group holding both new batches and ones already counted counts only the new ones, with their interactions', async () => {
    const db = await freshDb()
    try {
      const ingestion = createIngestion(db)
      const month = ingestion.month()
      const batch = () => ({ v: 1 as const, batch: batchId(), actives: [{ scope: 'all', month, returning: true, first: false }], events: [{ service: 'x', city: '510600', action: 'open' as const, ms: 50 }] })
      const old = batch()
      await ingestion.ingest(old)
      // In one turn of the event loop, so in one group: a resend of the old batch, two new ones, and one of them twice.
      const fresh = [batch(), batch()]
      const results = await Promise.all([old, fresh[0]!, fresh[1]!, { ...fresh[1]! }].map((b) => ingestion.ingest(b)))
      expect(results).toEqual([{ accepted: 0, duplicates: 2 }, { accepted: 2, duplicates: 0 }, { accepted: 2, duplicates: 0 }, { accepted: 0, duplicates: 2 }])
      expect(await readActivity(db, 'all', month, month)).toMatchObject([{ actives: 3, returning: 3, first: 0 }])
      expect(await db.query('SELECT sum(n)::int AS n, sum(le_100)::int AS fast FROM usage_interactions')).toEqual([{ n: 3, fast: 3 }])
    } finally {
      await db.close()
    }
  })
})
