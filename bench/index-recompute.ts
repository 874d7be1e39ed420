import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../server/app'
import { loadConfig } from '../server/config'
import { openPgliteDb } from '../server/db/pglite-db'
import { createToken } from '../server/modules/auth/service'
import { insertService, listServicesForCity } from '../server/modules/catalog/repository'
import { listCities } from '../server/modules/cities/repository'
import { rulesOf } from '../server/modules/probes/service'
import { createStatsService } from '../server/modules/stats/stats-service'
import { postThroughRoute, runSimulation } from '../server/simulate/run-simulation'
import type { Db } from '../server/db/db'
import { demoTypedServices } from '../server/seed/seed'
import { scopesOfUse } from '../src/domain/usage-scope'

const CITIZENS = 30_000
/** 13 simulated months: the 12-month period's first month has its month before, so return rates exist throughout. */
const MONTHS = 13
const RECOMPUTES = 5
const REQUESTS = 400
const CONCURRENCY = 8

/** National volume (04-platform.md): every scope of every city for every month, at least this many counter rows. */
const NATIONAL_ROWS = 200_000

/**
 * Gives every scope of every city (all, province, city, type, domain and
 * service scopes of the services each city has) a counter row in every
 * simulated month the simulated people left empty, with small synthetic
 * counts: the index then computes over the rows a whole country's usage
 * makes, which the 30,000 simulated people alone do not reach.
 */
async function fillNationalVolume(db: Db, cities: string[]): Promise<void> {
  const months = (await db.query<{ month: string }>('SELECT DISTINCT month FROM usage_activity ORDER BY month')).map((r) => r.month)
  const scopes = new Set<string>()
  for (const city of cities) {
    for (const s of await listServicesForCity(db, city)) {
      for (const scope of scopesOfUse({ city, type: s.type, domain: s.domain, service: s.id, national: s.coverage.level === 'national' })) scopes.add(scope)
    }
  }
  const list = [...scopes]
  for (const month of months) {
    // Deterministic small counts that differ between scopes (a hash of the scope's place in the list).
    const actives = list.map((_, i) => 10 + ((i * 7919 + month.charCodeAt(6) * 31) % 400))
    await db.query(
      `INSERT INTO usage_activity (scope, month, actives, returning_actives, first_actives)
       SELECT scope, $2, a, a / 3, a / 10 FROM unnest($1::text[], $3::bigint[]) AS t(scope, a)
       ON CONFLICT (scope, month) DO NOTHING`,
      [list, month, actives],
    )
  }
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!

/**
 * The index budgets (04-platform.md): a full recompute of every figure for
 * all cities over 12 months at national volume (simulated usage, every
 * scope of every city filled: ≥ 200,000 counter rows) on the embedded
 * database (≤ 1 s), and the warm index API's p95 over HTTP (≤ 100 ms).
 */
export async function indexRecompute() {
  const dataDir = mkdtempSync(join(tmpdir(), 'onecity-bench-index-'))
  const config = loadConfig({ LOG_LEVEL: 'silent', ONECITY_DATA_DIR: dataDir, PORT: '0', ONECITY_USAGE_RATE_PER_MIN: '1000000', ONECITY_PROBE_INTERVAL_S: '0', ONECITY_REVIEW_INTERVAL_H: '0' })
  const db = await openPgliteDb(join(dataDir, 'db'))
  const app = await buildApp(config, { db })
  try {
    // The catalog a first start lists: its typed services come in through onboarding there, listed directly here.
    for (const service of await demoTypedServices(db)) await insertService(db, { ...service, status: 'listed' })
    const simulatedAt = Date.now()
    await runSimulation({ db, citizens: CITIZENS, months: MONTHS, post: postThroughRoute(app), seed: 'bench-index' })
    const simulationSeconds = (Date.now() - simulatedAt) / 1000
    const cityCodes = (await listCities(db)).map((c) => c.code)
    const cities = cityCodes.length
    await fillNationalVolume(db, cityCodes)
    const [{ n: activityRows } = { n: 0 }] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM usage_activity')

    const stats = createStatsService(db, { k: config.usage.smallCellK, rules: rulesOf(config.review), cacheMs: 0 })
    const period = await stats.period({})
    const times: number[] = []
    for (let i = 0; i < RECOMPUTES; i++) {
      const started = performance.now()
      await stats.snapshot(period, null)
      times.push(performance.now() - started)
    }
    const recomputeMs = percentile(times, 50)

    const url = await app.listen({ port: 0, host: '127.0.0.1' })
    const { token } = await createToken(db, { role: 'analyst' })
    const get = async () => {
      const started = performance.now()
      const res = await fetch(`${url}/v1/stats/index?level=city`, { headers: { authorization: `Bearer ${token}` } })
      await res.arrayBuffer()
      if (res.status !== 200) throw new Error(`GET /v1/stats/index answered ${res.status}`)
      return performance.now() - started
    }
    await get() // the cold request computes and caches the period
    const latencies: number[] = []
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (latencies.length < REQUESTS) latencies.push(await get())
    }))
    const warmP95Ms = percentile(latencies, 95)
    return {
      citizens: CITIZENS,
      months: MONTHS - 1,
      cities,
      activityRows,
      simulationSeconds,
      recomputeMs: Math.round(recomputeMs),
      recomputeRunsMs: times.map(Math.round),
      warmIndex: { requests: latencies.length, concurrency: CONCURRENCY, p50Ms: Math.round(percentile(latencies, 50)), p95Ms: Math.round(warmP95Ms) },
      // Reported: the demo catalog gives a city about 20 scopes, a national catalog (WeChat's cities had dozens of services each) more than 50.
      nationalVolume: { rows: activityRows, target: NATIONAL_ROWS, reached: activityRows >= NATIONAL_ROWS },
      budget: { recomputeMs: 1000, warmP95Ms: 100 },
      withinBudget: recomputeMs <= 1000 && warmP95Ms <= 100,
    }
  } finally {
    await app.close()
  }
}
