import { join } from 'node:path'
import { restrictDataDir } from '../private-files'
import type { Db } from './db'
import { openPgDb } from './pg-db'
import { openPgliteDb } from './pglite-db'

/**
 * The configured database: a PostgreSQL server when DATABASE_URL is set, else
 * PGlite in the data directory, which is made owner-only (0700, files 0600).
 */
export async function openDb(config: { databaseUrl?: string; dataDir: string }): Promise<Db> {
  if (config.databaseUrl) return openPgDb(config.databaseUrl)
  restrictDataDir(config.dataDir)
  const db = await openPgliteDb(join(config.dataDir, 'pglite'))
  // A new PGlite directory is unpacked with chmod 0666/0644, which no umask narrows; files the
  // database makes later get the umask (restrictNewFiles) and PostgreSQL's own 0600.
  restrictDataDir(config.dataDir)
  return db
}
