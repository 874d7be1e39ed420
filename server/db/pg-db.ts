import pg from 'pg'
import type { Db, Executable } from './db'

// The first key of every lock whileLocked takes (the second is the name's hash), apart from migrate's.
const JOB_LOCK_SPACE = 2026_1207

/** Opens a pool to a PostgreSQL server and checks that it answers. */
export async function openPgDb(connectionString: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max: 10 })
  // Surface a wrong URL or a server that is down at start, not at the first request.
  await pool.query('SELECT 1')
  // Session locks belong to a connection: one of its own, so the pool's connections never carry one,
  // and the server frees them all when this process dies and the connection drops.
  let lockClient: Promise<pg.Client> | undefined
  const lockConnection = () => {
    lockClient ??= (async () => {
      const client = new pg.Client({ connectionString })
      client.on('error', () => {
        lockClient = undefined
      })
      client.on('end', () => {
        lockClient = undefined
      })
      await client.connect()
      return client
    })().catch((err) => {
      lockClient = undefined
      throw err
    })
    return lockClient
  }
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
    async whileLocked(name, fn) {
      const client = await lockConnection()
      const key = [JOB_LOCK_SPACE, name]
      const [{ got }] = (await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1, hashtext($2)) AS got', key)).rows as [{ got: boolean }]
      if (!got) return undefined
      try {
        return { value: await fn() }
      } finally {
        // A dropped connection has freed the lock already.
        await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', key).catch(() => undefined)
      }
    },
    async close() {
      const client = lockClient
      lockClient = undefined
      if (client) await (await client.catch(() => undefined))?.end().catch(() => undefined)
      await pool.end()
    },
  }
}
