import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from './db'
import { openPgDb } from './pg-db'
import { openPgliteDb } from './pglite-db'

/** The configured database: a PostgreSQL server when DATABASE_URL is set, else PGlite in the data directory. */
export function openDb(config: { databaseUrl?: string; dataDir: string }): Promise<Db> {
  if (config.databaseUrl) return openPgDb(config.databaseUrl)
  mkdirSync(config.dataDir, { recursive: true })
  return openPgliteDb(join(config.dataDir, 'pglite'))
}
