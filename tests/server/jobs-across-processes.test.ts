import { type Server, createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { setTimeout as sleep } from 'node:timers/promises'
import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app'
import { loadConfig } from '../../server/config'
import type { Db } from '../../server/db/db'
import { openPgDb } from '../../server/db/pg-db'
import { migrate } from '../../server/db/migrate'
import { runEvery } from '../../server/jobs/run-every'
import { TEST_DATA_KEY } from './test-app'

/**
 * Background work runs once across processes (04-platform.md, "Beyond one
 * machine"). Two platforms on one PostgreSQL server, each with its own
 * connections and locks as two server processes have, run every job once per
 * interval between them, and count usage exactly. Runs when DATABASE_URL names
 * a server (CI starts one); on the embedded database (one process) every tick
 * runs, as the rest of the suite shows.
 */
const url = process.env.DATABASE_URL
const silent = { error() {}, warn() {}, info() {}, debug() {}, trace() {}, fatal() {}, child() { return silent }, level: 'silent', silent() {} } as never

describe.skipIf(!url)('two server processes on one PostgreSQL server', () => {
  const dbName = `onecity_jobs_${process.pid}_${Date.now()}`
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: url })
    await c.connect()
    await c.query(sql)
    await c.end()
  }
  const dbUrl = () => {
    const u = new URL(url!)
    u.pathname = `/${dbName}`
    return u.toString()
  }
  const dbs: Db[] = []
  const open = async () => {
    const db = await openPgDb(dbUrl())
    dbs.push(db)
    return db
  }

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${dbName}`)
    await migrate(await open())
  })
  afterAll(async () => {
    for (const db of dbs) await db.close().catch(() => undefined)
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)
  })

  it('run a job once per interval between them, never two runs at once', async () => {
    const [a, b] = [await open(), await open()]
    let runs = 0
    let under = 0
    let most = 0
    const work = async () => {
      runs++
      most = Math.max(most, ++under)
      await sleep(60)
      under--
    }
    const started = Date.now()
    const jobs = [runEvery({ name: 'sweep', intervalMs: 200, log: silent, db: a }, work)]
    // The other process started a little later: its ticks fall between the first one's.
    await sleep(90)
    jobs.push(runEvery({ name: 'sweep', intervalMs: 200, log: silent, db: b }, work))
    await sleep(2100)
    for (const job of jobs) await job.stop()
    const intervals = (Date.now() - started) / 200
    // Each process alone would run it ~10 times: together they must not run it ~20 times.
    expect(runs).toBeGreaterThanOrEqual(Math.floor(intervals) - 2)
    expect(runs).toBeLessThanOrEqual(Math.ceil(intervals) + 1)
    expect(most).toBe(1)
  })

  it('a lock held by a process that died is free again: its connection is gone', async () => {
    const dying = await open()
    const survivor = await open()
    let release!: () => void
    const held = dying.whileLocked('review schedule', () => new Promise<void>((resolve) => (release = resolve)))
    await sleep(100)
    expect(await survivor.whileLocked('review schedule', async () => 'ran')).toBeUndefined()
    await dying.close()
    release()
    await held.catch(() => undefined)
    expect(await survivor.whileLocked('review schedule', async () => 'ran')).toEqual({ value: 'ran' })
  })

  describe('two platforms', () => {
    let apps: FastifyInstance[] = []
    let agency: Server
    const hits = new Map<string, number>()

    beforeAll(async () => {
      // Every listed service's endpoint is this loopback server, which counts the probes per service.
      agency = createServer((req, res) => {
        const id = req.url!.split('/')[1]!
        hits.set(id, (hits.get(id) ?? 0) + 1)
        res.writeHead(401).end()
      })
      await new Promise<void>((resolve) => agency.listen(0, '127.0.0.1', resolve))
      const origin = `http://127.0.0.1:${(agency.address() as AddressInfo).port}`
      const config = loadConfig({
        LOG_LEVEL: 'silent',
        ONECITY_DATA_DIR: '/nonexistent',
        ONECITY_H5_DIR: '/nonexistent',
        ONECITY_DATA_KEY: TEST_DATA_KEY,
        ONECITY_DEMO_USAGE_CITIZENS: '0',
        ONECITY_REVIEW_INTERVAL_H: '0',
        ONECITY_PROBE_INTERVAL_S: '1',
        ONECITY_USAGE_RATE_PER_MIN: '1000000',
      })
      // One after the other, as servers behind a load balancer start; the second finds the schema made.
      for (let i = 0; i < 2; i++) apps.push(await buildApp(config, { db: await open() }))
      const db = dbs[0]!
      const [{ agencyId }] = (await db.query<{ agencyId: string }>(`SELECT agency_id AS "agencyId" FROM services LIMIT 1`)) as [{ agencyId: string }]
      await db.query(`UPDATE services SET status = 'suspended' WHERE status = 'listed'`)
      await db.query(
        `INSERT INTO services (id, agency_id, name, summary, icon, domain, type, coverage_level, items, status, contract, endpoint)
         SELECT 'jobs-' || n, $2, '测试服务' || n, '两进程测试', 'other', 'other', 'life', 'national', '[]', 'listed', 'webview', $1 || '/jobs-' || n || '/'
         FROM generate_series(1, 3) AS n`,
        [origin, agencyId],
      )
    })
    afterAll(async () => {
      for (const app of apps) await app.close()
      apps = []
      await new Promise((resolve) => agency?.close(resolve))
    })

    it('probe each service once per interval between them', async () => {
      hits.clear()
      const started = Date.now()
      await sleep(4200)
      const intervals = (Date.now() - started) / 1000
      expect([...hits.keys()].sort()).toEqual(['jobs-1', 'jobs-2', 'jobs-3'])
      for (const n of hits.values()) {
        expect(n).toBeGreaterThanOrEqual(Math.floor(intervals) - 1)
        expect(n).toBeLessThanOrEqual(Math.ceil(intervals) + 1)
      }
    })

    it('count usage exactly, a batch resent to the other process once', async () => {
      const month = (await apps[0]!.inject({ method: 'POST', url: '/v1/usage', payload: { v: 1, actives: [], events: [] } })).json().month as string
      const batch = (i: number) => ({ v: 1, batch: `two-processes-batch-${String(i).padStart(4, '0')}`, actives: [{ scope: 'city:510600', month, returning: false, first: true }], events: [] })
      const sends = Array.from({ length: 40 }, (_, i) => [apps[i % 2]!, batch(i)] as const)
      // Every batch again, to the other process, as a phone that got no answer resends.
      const resends = Array.from({ length: 40 }, (_, i) => [apps[(i + 1) % 2]!, batch(i)] as const)
      const answers = await Promise.all([...sends, ...resends].map(([app, body]) => app.inject({ method: 'POST', url: '/v1/usage', payload: body })))
      expect(answers.every((r) => r.statusCode === 200)).toBe(true)
      expect(answers.reduce((sum, r) => sum + r.json().accepted, 0)).toBe(40)
      const [row] = await dbs[0]!.query<{ actives: number }>(`SELECT actives::int FROM usage_activity WHERE scope = 'city:510600' AND month = $1`, [month])
      expect(row?.actives).toBe(40)
    })
  })
})
