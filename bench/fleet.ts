import type { ChildProcess } from 'node:child_process'
import pg from 'pg'
import { serve } from './serve'

/** One or more server processes of the same kind, started one after the other (the first makes the schema). */
export interface Fleet {
  urls: string[]
  stop(): Promise<void>
}

export async function startFleet(script: string, processes: number, args: string[] = [], env: Record<string, string> = {}): Promise<Fleet> {
  const children: ChildProcess[] = []
  const urls: string[] = []
  for (let i = 0; i < processes; i++) {
    const s = await serve(script, args, env)
    children.push(s.child)
    urls.push(s.url)
  }
  return {
    urls,
    async stop() {
      await Promise.all(children.map((c) => new Promise((resolve) => (c.exitCode !== null ? resolve(null) : (c.once('exit', resolve), c.kill())))))
    },
  }
}

/** Where the platform's benchmarks run: the embedded database, or a throwaway database on the PostgreSQL server. */
export interface BenchDatabase {
  label: string
  env: Record<string, string>
  drop(): Promise<void>
}

export const embedded: BenchDatabase = { label: 'embedded PGlite', env: {}, drop: async () => {} }

/** A fresh database on the server `url` names, for one benchmark; drop() removes it. */
export async function throwawayPostgres(url: string, name: string): Promise<BenchDatabase> {
  const dbName = `onecity_bench_${name}_${process.pid}`
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: url })
    await c.connect()
    await c.query(sql)
    await c.end()
  }
  await admin(`CREATE DATABASE ${dbName}`)
  const u = new URL(url)
  u.pathname = `/${dbName}`
  return {
    label: 'PostgreSQL server',
    env: { DATABASE_URL: u.toString(), ONECITY_DATA_KEY: Buffer.alloc(32, 9).toString('base64') },
    drop: () => admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`),
  }
}
