import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildApp } from '../server/app'
import { loadConfig } from '../server/config'

// The platform as `npm start` runs it (embedded database, logging off), on a
// free port, in its own process so the load generator doesn't share its CPU.
const dataDir = mkdtempSync(join(tmpdir(), 'onecity-bench-'))
// The load generator is one address: the per-address usage rate limit is lifted.
const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', ONECITY_DATA_DIR: dataDir, PORT: '0', ONECITY_USAGE_RATE_PER_MIN: '1000000' }))
const url = await app.listen({ port: 0, host: '127.0.0.1' })
process.stdout.write(`${url}\n`)
