import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../server/app'
import { loadConfig } from '../server/config'

// The platform as `npm start` runs it (logging off), on a free port, in its own process so the load generator
// doesn't share its CPU: on the embedded database, or on the PostgreSQL server DATABASE_URL names (then
// ONECITY_DATA_KEY too; several of these processes may share one database, as behind a load balancer).
// ONECITY_BENCH_DATA_DIR: a database a benchmark filled (bench/index-recompute.ts), served with probing and the
// review schedule off as it was filled (its thousands of synthetic services have no agency to reach).
const given = process.env.ONECITY_BENCH_DATA_DIR
const dataDir = given ?? mkdtempSync(join(tmpdir(), 'onecity-bench-'))
// The load generator is one address: the per-address usage rate limit is lifted.
const app = await buildApp(
  loadConfig({
    LOG_LEVEL: 'silent',
    ONECITY_DATA_DIR: dataDir,
    PORT: '0',
    ONECITY_USAGE_RATE_PER_MIN: '1000000',
    ...(given ? { ONECITY_PROBE_INTERVAL_S: '0', ONECITY_REVIEW_INTERVAL_H: '0' } : {}),
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL, ONECITY_DATA_KEY: process.env.ONECITY_DATA_KEY } : {}),
  }),
)
const url = await app.listen({ port: 0, host: '127.0.0.1' })
process.stdout.write(`${url}\n`)
