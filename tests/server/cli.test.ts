import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { openPgliteDb } from '../../server/db/pglite-db'
import { writeServerLock } from '../../server/server-lock'

const run = promisify(execFile)
const dataDir = mkdtempSync(join(tmpdir(), 'onecity-cli-'))
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

/** Runs `npm run cli -- …` as a newcomer would, on its own data directory. */
async function cli(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
      env: { ...process.env, ONECITY_DATA_DIR: dataDir, DATABASE_URL: '' },
    })
    return { code: 0, stdout, stderr }
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

describe('npm run cli -- token create', () => {
  it('prints a new token once and stores only its hash', async () => {
    const { code, stdout } = await cli('token', 'create', '--role', 'operator', '--label', 'first operator')
    expect(code).toBe(0)
    const token = /oc_[a-z0-9]{10}_[A-Za-z0-9_-]{43}/.exec(stdout)?.[0]
    expect(token).toBeDefined()
    const db = await openPgliteDb(join(dataDir, 'pglite'))
    const rows = await db.query<Record<string, unknown>>(`SELECT * FROM api_tokens WHERE label <> 'demo'`)
    await db.close()
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({ role: 'operator', label: 'first operator' })
    expect(JSON.stringify(rows)).not.toContain(token!)
  }, 60_000)

  it('explains the usage and the rules instead of failing obscurely', async () => {
    expect((await cli('token', 'make')).stderr).toContain('Usage: npm run cli -- token create')
    expect((await cli('token', 'create', '--role', 'root')).stderr).toContain('--role must be one of')
    const noAgency = await cli('token', 'create', '--role', 'agency')
    expect(noAgency.code).toBe(1)
    expect(noAgency.stderr).toContain('机构令牌必须指定机构')
  }, 60_000)

  it('refuses to open the embedded database while a server holds it, and says how to do it instead', async () => {
    writeServerLock(dataDir, 'http://127.0.0.1:39999') // this test process stands in for a running server
    const { code, stderr } = await cli('token', 'create', '--role', 'analyst')
    expect(code).toBe(1)
    expect(stderr).toContain('in use by the running server')
    expect(stderr).toContain('http://127.0.0.1:39999/v1/admin/tokens')
  }, 60_000)
})
