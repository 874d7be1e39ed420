import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../server/db/db'
import { runSimulation } from '../../server/simulate/run-simulation'
import type { GroundTruth } from '../../server/simulate/ground-truth'
import type { UsageAnswer, UsageBatch } from '../../src/domain/usage-batch'
import { testApp } from './test-app'

let app: FastifyInstance & { db: Db }
let url: string
let truth: GroundTruth
const posted: number[] = []

beforeAll(async () => {
  app = await testApp()
  url = await app.listen({ port: 0, host: '127.0.0.1' })
  const post = async (batch: UsageBatch): Promise<UsageAnswer> => {
    const res = await fetch(`${url}/v1/usage`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(batch) })
    if (res.status !== 200) throw new Error(`POST /v1/usage answered ${res.status}: ${await res.text()}`)
    posted.push((batch.actives?.length ?? 0) + (batch.events?.length ?? 0))
    return (await res.json()) as UsageAnswer
  }
  truth = await runSimulation({ db: app.db, citizens: 5000, months: 6, post, seed: 'ground-truth-test' })
}, 600_000)
afterAll(() => app?.close())

describe('the simulator against the real ingestion', () => {
  it('5,000 people over 6 months in many cities: the server’s actives, returning and first equal the ground truth for every scope and month', async () => {
    const expected = truth.toJSON().activity
    const scopes = Object.keys(expected)
    const cities = new Set(scopes.filter((s) => s.startsWith('city:')))
    expect(cities.size).toBeGreaterThan(50)
    expect(new Set(scopes.map((s) => s.split(':')[0]))).toEqual(new Set(['all', 'prov', 'city', 'type', 'domain', 'svc']))
    const months = new Set(Object.values(expected).flatMap((byMonth) => Object.keys(byMonth)))
    expect(months.size).toBe(6)

    const rows = await app.db.query<{ scope: string; month: string; actives: string; returning_actives: string; first_actives: string }>(
      'SELECT scope, month, actives, returning_actives, first_actives FROM usage_activity',
    )
    const server: Record<string, Record<string, { actives: number; returning: number; first: number }>> = {}
    for (const r of rows) (server[r.scope] ??= {})[r.month] = { actives: Number(r.actives), returning: Number(r.returning_actives), first: Number(r.first_actives) }
    expect(server).toEqual(expected)
    // Not a trivial agreement: people came back and some scopes are large.
    expect(expected.all![[...months].sort()[5]!]!.returning).toBeGreaterThan(100)
  })

  it('the current and previous month came over HTTP; the interaction events add up to what the people did', async () => {
    expect(posted.length).toBeGreaterThan(1000)
    const rows = await app.db.query<{ action: string; n: string }>('SELECT action, sum(n)::bigint AS n FROM usage_interactions GROUP BY action')
    expect(Object.fromEntries(rows.map((r) => [r.action, Number(r.n)]))).toEqual(truth.toJSON().events)
  })
})
