import { PGlite } from '@electric-sql/pglite'
import type { Db, Executable } from './db'

/** Wraps a PGlite instance (already open) as a Db. */
export function wrapPglite(pg: PGlite): Db & { pglite: PGlite } {
  const executable = (q: Pick<PGlite, 'query' | 'exec'>): Executable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const res = await q.query<T>(sql, params as unknown[])
      return res.rows
    },
    async exec(sql) {
      await q.exec(sql)
    },
  })
  return {
    kind: 'pglite',
    pglite: pg,
    ...executable(pg),
    transaction(fn) {
      return pg.transaction((tx) => fn(executable(tx)))
    },
    async whileLocked(_name, fn) {
      return { value: await fn() }
    },
    async close() {
      if (!pg.closed) await pg.close()
    },
  }
}

/**
 * Opens the embedded database. `dir` is a data directory (it belongs to one
 * process at a time) or undefined for an in-memory database (tests).
 */
export async function openPgliteDb(dir?: string): Promise<Db & { pglite: PGlite }> {
  const pg = dir ? await PGlite.create(dir) : await PGlite.create()
  return wrapPglite(pg)
}
