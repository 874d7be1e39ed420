import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDb } from '../../server/db/open-db'
import { loadConfig } from '../../server/config'
import { readActivity } from '../../server/modules/usage/usage-service'

const dataDir = mkdtempSync(join(tmpdir(), 'onecity-crash-'))
let child: ChildProcess | undefined
afterAll(() => {
  child?.kill('SIGKILL')
  rmSync(dataDir, { recursive: true, force: true })
})

/** The platform in its own process on the test's data directory; resolves with its URL. */
function startServer(): Promise<string> {
  child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/usage-server.ts', dataDir], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    child!.stdout!.once('data', (chunk: Buffer) => resolve(String(chunk).trim()))
    child!.once('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}) before listening`)))
  })
}

interface Phone {
  /** The one batch this phone is sending, resent unchanged until acknowledged. */
  batch: { v: 1; batch: string; actives: { scope: string; month: string; returning: boolean; first: boolean }[] } | undefined
  acknowledged: number
}

describe('kill -9 during sustained ingestion', () => {
  it('after a restart every acknowledged record is counted, and every retried one once', async () => {
    let url = await startServer()
    const month = (await (await fetch(`${url}/v1/usage`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"v":1}' })).json()).month as string
    const phones: Phone[] = Array.from({ length: 40 }, () => ({ batch: undefined, acknowledged: 0 }))
    let sending = true
    let killedAt = 0
    let failuresAfterKill = 0

    // Each phone sends batches one after another; a batch without an answer is resent with the same id.
    const run = async (phone: Phone) => {
      while (sending || phone.batch) {
        phone.batch ??= { v: 1, batch: randomBytes(16).toString('base64url'), actives: [{ scope: 'city:510600', month, returning: false, first: false }, { scope: 'all', month, returning: false, first: false }] }
        try {
          const res = await fetch(`${url}/v1/usage`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(phone.batch), signal: AbortSignal.timeout(2000) })
          if (res.status === 200) {
            await res.json()
            phone.acknowledged += 1
            phone.batch = undefined
          }
        } catch {
          if (killedAt) failuresAfterKill += 1
          await new Promise((r) => setTimeout(r, 50))
        }
      }
    }
    const running = phones.map(run)

    await new Promise((r) => setTimeout(r, 1500))
    const before = phones.reduce((n, p) => n + p.acknowledged, 0)
    killedAt = Date.now()
    child!.kill('SIGKILL')
    await new Promise((r) => child!.once('exit', r))
    url = await startServer()
    await new Promise((r) => setTimeout(r, 1000))
    sending = false
    await Promise.all(running)

    const acknowledged = phones.reduce((n, p) => n + p.acknowledged, 0)
    expect(before).toBeGreaterThan(100)
    expect(failuresAfterKill).toBeGreaterThan(0)
    expect(acknowledged).toBeGreaterThan(before)
    child!.kill('SIGTERM')
    await new Promise((r) => child!.once('exit', r))
    child = undefined

    const db = await openDb(loadConfig({ ONECITY_DATA_DIR: dataDir, LOG_LEVEL: 'silent' }))
    try {
      expect((await readActivity(db, 'city:510600', month, month))[0]?.actives).toBe(acknowledged)
      expect((await readActivity(db, 'all', month, month))[0]?.actives).toBe(acknowledged)
    } finally {
      await db.close()
    }
  }, 120_000)
})
