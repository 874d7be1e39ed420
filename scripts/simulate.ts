import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { buildApp } from '../server/app'
import { ConfigError, loadConfig } from '../server/config'
import { openDb } from '../server/db/open-db'
import { readServerLock } from '../server/server-lock'
import { postThroughRoute, runSimulation } from '../server/simulate/run-simulation'

const USAGE = `npm run simulate -- [--citizens 20000] [--months 12] [--seed text] [--truth file]

Simulated citizens in every city (sized by the 2016 index) use services month
by month; their phones' usage reporter sends through the platform's real
ingestion (POST /v1/usage for this and last month, the same ingestion with a
clock set to the month for older ones). Counts ADD to what the database holds.
The ground truth goes to --truth (default <data dir>/simulation-truth.json).`

async function main(): Promise<number> {
  let values
  try {
    ;({ values } = parseArgs({ options: { citizens: { type: 'string', default: '20000' }, months: { type: 'string', default: '12' }, seed: { type: 'string' }, truth: { type: 'string' }, help: { type: 'boolean' } } }))
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`)
    return 2
  }
  const citizens = Number(values.citizens)
  const months = Number(values.months)
  if (values.help || !Number.isInteger(citizens) || citizens < 1 || citizens > 1_000_000 || !Number.isInteger(months) || months < 1 || months > 36) {
    console.error(`--citizens must be 1–1000000 and --months 1–36.\n\n${USAGE}`)
    return values.help ? 0 : 2
  }
  let config
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message)
      return 2
    }
    throw err
  }
  // The embedded database belongs to one process at a time.
  const running = config.databaseUrl ? undefined : readServerLock(config.dataDir)
  if (running) {
    console.error(`The embedded database in ${config.dataDir} is in use by the running server (pid ${running.pid}). Stop it first, or set DATABASE_URL to simulate into a PostgreSQL server next to running servers.`)
    return 1
  }
  const db = await openDb(config)
  const app = await buildApp({ ...config, logLevel: 'warn', review: { ...config.review, probeIntervalS: 0, intervalHours: 0 }, usage: { ...config.usage, demoCitizens: 0 } }, { db })
  try {
    const truth = await runSimulation({ db, citizens, months, post: postThroughRoute(app), ...(values.seed ? { seed: values.seed } : {}), log: (line) => console.log(line) })
    const file = values.truth ?? join(config.dataDir, 'simulation-truth.json')
    writeFileSync(file, JSON.stringify(truth.toJSON(), null, 1) + '\n')
    console.log(`Ground truth: ${file}`)
    return 0
  } finally {
    await app.close()
    await db.close()
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err)
    process.exit(1)
  },
)
