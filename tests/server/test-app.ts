import type { PGlite } from '@electric-sql/pglite'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app'
import { loadConfig } from '../../server/config'
import type { Db } from '../../server/db/db'
import { migrate } from '../../server/db/migrate'
import { openPgliteDb, wrapPglite } from '../../server/db/pglite-db'
import { seed } from '../../server/seed/seed'

export const testConfig = loadConfig({ LOG_LEVEL: 'silent', ONECITY_DATA_DIR: '/nonexistent', ONECITY_H5_DIR: '/nonexistent' })

let template: Promise<PGlite> | undefined

/** A migrated and seeded in-memory database, made once per test file and cloned per test. */
export async function freshDb(): Promise<Db & { pglite: PGlite }> {
  template ??= (async () => {
    const db = await openPgliteDb()
    await migrate(db)
    await seed(db)
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
