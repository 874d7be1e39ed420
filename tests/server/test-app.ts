import { readFileSync } from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { inject } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app'
import { loadConfig } from '../../server/config'
import { createSecretBox } from '../../server/crypto/secret-box'
import type { Db } from '../../server/db/db'
import { migrate } from '../../server/db/migrate'
import { openPgliteDb, wrapPglite } from '../../server/db/pglite-db'
import { seed } from '../../server/seed/seed'

/** A fixed test data key, so nothing is written to a data directory. */
export const TEST_DATA_KEY = Buffer.alloc(32, 7).toString('base64')
// Reviews in tests: a 300 ms load run instead of 10 s, and no timers for the schedule or the probes (tests drive them).
export const testConfig = loadConfig({
  LOG_LEVEL: 'silent',
  ONECITY_DATA_DIR: '/nonexistent',
  ONECITY_H5_DIR: '/nonexistent',
  ONECITY_DATA_KEY: TEST_DATA_KEY,
  ONECITY_REVIEW_LOAD_MS: '300',
  ONECITY_REVIEW_INTERVAL_H: '0',
  ONECITY_PROBE_INTERVAL_S: '0',
  // Tests send many batches from one address; the rate limit has its own test.
  ONECITY_USAGE_RATE_PER_MIN: '1000000',
  // Usage tests drive the simulator themselves.
  ONECITY_DEMO_USAGE_CITIZENS: '0',
})
export const testBox = createSecretBox(Buffer.from(TEST_DATA_KEY, 'base64'))

let template: Promise<PGlite> | undefined

/**
 * The database of a real first start (tests/server/global-setup.ts), loaded
 * once per test file and cloned per test. Without the global setup (a unit
 * project), a migrated and seeded one without the onboarded demo.
 */
export async function freshDb(): Promise<Db & { pglite: PGlite }> {
  template ??= (async () => {
    const dump = inject('templateDbDump')
    if (dump) return PGlite.create({ loadDataDir: new Blob([readFileSync(dump)]) })
    const db = await openPgliteDb()
    await migrate(db)
    await seed(db, testBox)
    return db.pglite
  })()
  return wrapPglite((await (await template).clone()) as PGlite)
}

/** An app on its own fresh database (catalog changes show at once); close it after the test. */
export async function testApp(): Promise<FastifyInstance & { db: Db }> {
  const db = await freshDb()
  const app = await buildApp(testConfig, { db, catalogCacheMaxAgeMs: 0 })
  app.addHook('onClose', () => db.close())
  return Object.assign(app, { db })
}
