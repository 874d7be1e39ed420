import { PGlite } from '@electric-sql/pglite'
import type { Db, Queryable } from './db'

/** Wraps a PGlite instance (already open) as a Db. */
export function wrapPglite(pg: PGlite): Db & { pglite: PGlite } {
  const asQueryable = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const res = await q.query<T>(sql, params as unknown[])
      return res.rows
    },
  })
  return {
    kind: 'pglite',
    pglite: pg,
    ...asQueryable(pg),
    async exec(sql) {
      await pg.exec(sql)
    },
    transaction(fn) {
      return pg.transaction((tx) => fn(asQueryable(tx)))
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
