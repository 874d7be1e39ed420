import pg from 'pg'
import type { Db, Executable } from './db'

/** Opens a pool to a PostgreSQL server and checks that it answers. */
export async function openPgDb(connectionString: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max: 10 })
  // Surface a wrong URL or a server that is down at start, not at the first request.
  await pool.query('SELECT 1')
  return {
    kind: 'pg',
    async query<T>(sql: string, params: readonly unknown[] = []) {
      const res = await pool.query(sql, params as unknown[])
      return res.rows as T[]
    },
    async exec(sql) {
      await pool.query(sql)
    },
    async transaction(fn) {
      const client = await pool.connect()
      const tx: Executable = {
        async query<T>(sql: string, params: readonly unknown[] = []) {
          return (await client.query(sql, params as unknown[])).rows as T[]
        },
        async exec(sql) {
          // Without parameters pg uses the simple protocol, which takes several statements.
          await client.query(sql)
        },
      }
      try {
        await client.query('BEGIN')
        const result = await fn(tx)
        await client.query('COMMIT')
        return result
      } catch (err) {
        await client.query('ROLLBACK')
        throw err
      } finally {
        client.release()
      }
    },
    async close() {
      await pool.end()
    },
  }
}
