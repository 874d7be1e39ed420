import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { catalogRead } from './catalog-read'
import { throwawayPostgres } from './fleet'
import { h5FirstLoad } from './h5-first-load'
import { indexRecompute } from './index-recompute'
import { lighthouseHome } from './lighthouse-home'
import { pinLoadGenerator, pinning, unpinLoadGenerator } from './serve'
import { usageIngest } from './usage-ingest'

/**
 * With DATABASE_URL: usage ingestion and catalog reads on the PostgreSQL
 * server with one and with two server processes, each against as many bare
 * servers. The budgets are per process (04-platform.md), so the one-process
 * run is held to them; the two-process run shows that processes add up (on
 * two cores they share the servers' one core) and is reported.
 */
async function onPostgres(url: string) {
  const runs = []
  for (const processes of [1, 2]) {
    const usageDb = await throwawayPostgres(url, `usage${processes}`)
    try {
      const usage = await usageIngest({ database: usageDb, processes, rounds: 5, halfLoadRuns: 1 })
      const catalogDb = await throwawayPostgres(url, `catalog${processes}`)
      try {
        runs.push({ processes, usage, catalog: await catalogRead({ database: catalogDb, processes }) })
      } finally {
        await catalogDb.drop()
      }
    } finally {
      await usageDb.drop()
    }
  }
  return runs
}

/**
 * `npm run bench`: measures the budgets of 04-platform.md that exist so far and
 * writes them to bench/results/. Exits non-zero when a budget is exceeded.
 */
async function main() {
  mkdirSync('bench/results', { recursive: true })
  for (const [dir, type] of [['dist', 'weapp'], ['dist-h5', 'h5']] as const) {
    if (!existsSync(`${dir}/app.json`) && !existsSync(`${dir}/index.html`)) {
      spawnSync('npx', ['taro', 'build', '--type', type], { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } })
    }
  }

  const size = spawnSync('npx', ['tsx', 'scripts/weapp-size.ts'], { stdio: 'inherit' })
  const weapp = JSON.parse(readFileSync('bench/results/weapp-size.json', 'utf8')) as { mainBytes: number; budgetBytes: number }

  const firstLoad = h5FirstLoad()
  const lighthouse = await lighthouseHome()
  // The load benchmarks: this process (the load generator) on one core, the servers on the others.
  pinLoadGenerator()
  const pinned = pinning()
  const catalog = await catalogRead()
  const usage = await usageIngest()
  const postgres = process.env.DATABASE_URL ? await onPostgres(process.env.DATABASE_URL) : undefined
  unpinLoadGenerator()
  const index = await indexRecompute()
  const measuredAt = new Date().toISOString()
  writeFileSync('bench/results/usage-ingest.json', JSON.stringify({ ...usage, pinning: pinned, measuredAt }, null, 2) + '\n')
  if (postgres) writeFileSync('bench/results/postgres-load.json', JSON.stringify({ runs: postgres, pinning: pinned, measuredAt }, null, 2) + '\n')
  writeFileSync('bench/results/index-recompute.json', JSON.stringify({ ...index, measuredAt }, null, 2) + '\n')
  writeFileSync('bench/results/catalog-read.json', JSON.stringify({ ...catalog, pinning: pinned, measuredAt }, null, 2) + '\n')
  writeFileSync('bench/results/h5-first-load.json', JSON.stringify({ ...firstLoad, measuredAt }, null, 2) + '\n')
  writeFileSync('bench/results/lighthouse-home.json', JSON.stringify({ ...lighthouse, measuredAt }, null, 2) + '\n')

  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
  console.log(`
budget                          measured        budget
weapp main package              ${kb(weapp.mainBytes).padEnd(16)}≤ ${kb(weapp.budgetBytes)}
H5 first-load JS (gzip)         ${kb(firstLoad.gzipBytes).padEnd(16)}≤ ${kb(firstLoad.budgetGzipBytes)}
Lighthouse mobile performance   ${String(lighthouse.performance).padEnd(16)}≥ ${lighthouse.budget.performance}, or ≤ ${lighthouse.budget.maxPointsBelowBare} below a bare Taro app (this run: ${lighthouse.pointsBelowBare} below; bare ${lighthouse.bareRuns.join(', ')})
Lighthouse accessibility        ${String(lighthouse.accessibility).padEnd(16)}≥ ${lighthouse.budget.accessibility}
Lighthouse best practices       ${String(lighthouse.bestPractices).padEnd(16)}≥ ${lighthouse.budget.bestPractices}
catalog read vs bare node:http  ${`${Math.round(catalog.ratio * 100)}% (${Math.round(catalog.platform.requestsPerSecond)}/s)`.padEnd(16)}≥ 50% (bare: ${Math.round(catalog.bare.requestsPerSecond)}/s)
usage records vs bare node:http ${`${Math.round(usage.ratio * 100)}% (${Math.round(usage.platform.recordsPerSecond)}/s)`.padEnd(16)}≥ 50% (bare: ${Math.round(usage.bare.recordsPerSecond)}/s)
usage ack p99 at half load      ${`${usage.halfLoad.p99Ms} ms`.padEnd(16)}≤ 200 ms
index full recompute            ${`${index.recomputeMs} ms`.padEnd(16)}≤ 1000 ms (${index.cities} cities × ${index.months} months, ${index.activityRows} counter rows; analyses beside it ${index.analysesMs} ms)
index API warm p95              ${`${index.warmIndex.p95Ms} ms`.padEnd(16)}≤ 100 ms
load generator ${pinned.loadGenerator}, servers ${pinned.servers}${(postgres ?? [])
    .map(
      (r) => `
PostgreSQL, ${r.processes} process${r.processes > 1 ? 'es' : ''}: usage ${Math.round(r.usage.ratio * 100)}% of bare (${Math.round(r.usage.platform.recordsPerSecond)} records/s), p99 ${r.usage.halfLoad.p99Ms} ms at half load; catalog ${Math.round(r.catalog.ratio * 100)}% of bare (${Math.round(r.catalog.platform.requestsPerSecond)}/s)`,
    )
    .join('')}
${lighthouse.failedAudits.length ? `failed audits: ${lighthouse.failedAudits.join('; ')}` : ''}`)

  const onePostgres = postgres?.find((r) => r.processes === 1)
  const ok =
    size.status === 0 &&
    firstLoad.withinBudget &&
    lighthouse.withinBudget &&
    catalog.withinBudget &&
    usage.withinBudget &&
    (!onePostgres || (onePostgres.usage.withinBudget && onePostgres.catalog.withinBudget)) &&
    index.withinBudget
  if (!ok) {
    console.error('A budget is exceeded (see above and bench/results/).')
    process.exitCode = 1
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
