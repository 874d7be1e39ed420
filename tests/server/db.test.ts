import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../server/db/db'
import { migrate } from '../../server/db/migrate'
import { openPgDb } from '../../server/db/pg-db'
import { openPgliteDb } from '../../server/db/pglite-db'
import { seed } from '../../server/seed/seed'
import { testBox } from './test-app'

/**
 * The same database tests on every adapter: PGlite always, and a real
 * PostgreSQL server when DATABASE_URL is set (CI starts one). On the server
 * each run gets a throwaway database, so a configured database is never touched.
 */
interface Target {
  name: string
  open(): Promise<Db>
  cleanup(): Promise<void>
}

function pgTarget(url: string): Target {
  const dbName = `onecity_test_${process.pid}_${Date.now()}`
  const admin = () => new pg.Client({ connectionString: url })
  return {
    name: 'postgresql server',
    async open() {
      const c = admin()
      await c.connect()
      await c.query(`CREATE DATABASE ${dbName}`)
      await c.end()
      const u = new URL(url)
      u.pathname = `/${dbName}`
      return openPgDb(u.toString())
    },
    async cleanup() {
      const c = admin()
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`)
      await c.end()
    },
  }
}

const targets: Target[] = [{ name: 'pglite', open: () => openPgliteDb(), cleanup: async () => {} }]
if (process.env.DATABASE_URL) targets.push(pgTarget(process.env.DATABASE_URL))

describe.each(targets)('database on $name', (target) => {
  let db: Db
  beforeAll(async () => {
    db = await target.open()
  })
  afterAll(async () => {
    await db?.close()
    await target.cleanup()
  })

  it('applies every migration once; a second run applies none', async () => {
    const first = await migrate(db)
    expect(first.length).toBeGreaterThan(0)
    expect(first).toEqual([...first].sort())
    expect(await migrate(db)).toEqual([])
  })

  it('seeds cities and the demo catalog on first start only', async () => {
    const first = await seed(db, testBox)
    expect(first.demoCatalog).toBe(true)
    expect(first.demoTokens?.operator).toMatch(/^oc_/)
    const [{ n: cityCount }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cities')) as [{ n: number }]
    expect(cityCount).toBeGreaterThan(330)
    const [{ n: before }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM services')) as [{ n: number }]
    expect(before).toBeGreaterThan(100)

    // An operator removes a demo service; a restart must not bring it back.
    await db.query(`DELETE FROM services WHERE id = 'cn-heatmap'`)
    expect(await seed(db, testBox)).toEqual({ demoCatalog: false })
    const [{ n: after }] = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM services')) as [{ n: number }]
    expect(after).toBe(before - 1)
  })

  it('rolls a failed transaction back completely', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO seeds (name) VALUES ('rollback-probe')`)
        throw new Error('boom')
      }),
    ).rejects.toThrow('boom')
    expect(await db.query(`SELECT name FROM seeds WHERE name = 'rollback-probe'`)).toEqual([])
  })

  it('returns numbers and JSON as JavaScript values on both adapters', async () => {
    const [row] = await db.query<{ lat: number; items: unknown[] }>(
      `SELECT c.lat, s.items FROM cities c, services s WHERE c.code = '510600' AND s.id = 'cn-weather'`,
    )
    expect(typeof row!.lat).toBe('number')
    expect(Array.isArray(row!.items)).toBe(true)
  })

  it('refuses rows that break the schema’s rules', async () => {
    await expect(db.query(`INSERT INTO cities (code, name, full_name, province_code, province_name, pinyin, initials, kind, lat, lng)
      VALUES ('12345', 'x', 'x', '12', 'x', 'x', 'x', 'prefecture', 0, 0)`)).rejects.toThrow()
    await expect(db.query(`UPDATE services SET stars = 6 WHERE id = 'cn-weather'`)).rejects.toThrow()
  })
})
