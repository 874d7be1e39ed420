import { type ChildProcess, execFile, spawn } from 'node:child_process'
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app'
import { ConfigError, loadConfig } from '../../server/config'
import { openPgliteDb } from '../../server/db/pglite-db'
import { authenticate } from '../../server/modules/auth/service'
import { freshDb, testConfig } from '../server/test-app'
import { testMerchantEnv } from '../fixtures/wechat-pay-merchant'

/**
 * Production mode (04-platform.md, issue 16 finding 3): NODE_ENV=production
 * refuses everything meant for development, naming each setting at once,
 * prints no token, and the first operator token comes from the CLI. The
 * platform runs as a real child process, as `npm start` and `npm run cli` run it.
 */
const run = promisify(execFile)
const dirs: string[] = []
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'onecity-prod-'))
  dirs.push(dir)
  return dir
}

const DATA_KEY = Buffer.alloc(32, 9).toString('base64')
/** What a real production deployment sets (nothing here is contacted at start). */
const REAL = {
  ...testMerchantEnv(),
  ONECITY_DATA_KEY: DATA_KEY,
  WECHAT_APP_ID: 'wx1234567890abcdef',
  WECHAT_APP_SECRET: 'a-real-app-secret',
  WECHAT_API_BASE: 'https://api.weixin.qq.com',
}
/** Only what a shell gives any process, so nothing of the test runner's environment leaks into the platform's. */
const BASE_ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), TZ: 'Asia/Shanghai' }
const TOKEN = /oc_[a-z0-9]{10}_[A-Za-z0-9_-]{43}/

/** Every path under dir (itself included) whose mode lets anyone but the owner in. */
function openToOthers(dir: string): string[] {
  const found: string[] = []
  const walk = (path: string) => {
    const stat = lstatSync(path)
    if (stat.isSymbolicLink()) return
    if ((stat.mode & 0o077) !== 0) found.push(`${path} ${(stat.mode & 0o777).toString(8)}`)
    if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name))
  }
  walk(dir)
  return found
}

describe('production configuration', () => {
  it('with the development defaults, names each missing setting in one message', () => {
    try {
      loadConfig({ NODE_ENV: 'production' })
      expect.unreachable()
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError)
      const text = (err as ConfigError).message
      expect(text).toContain('ONECITY_DATA_KEY')
      expect(text).toMatch(/WECHAT_APP_ID, WECHAT_APP_SECRET and WECHAT_API_BASE/)
    }
  })

  it('refuses each development setting asked for, by name', () => {
    try {
      loadConfig({
        NODE_ENV: 'production',
        ...REAL,
        WECHAT_API_BASE: 'http://127.0.0.1:4100/wechat',
        ONECITY_MOCK_PORT: '4100',
        ONECITY_DEMO: 'on',
        ONECITY_DEMO_USAGE_CITIZENS: '100',
        ONECITY_PAYMENT_SIMULATOR: 'on',
      })
      expect.unreachable()
    } catch (err) {
      const { problems } = err as ConfigError
      for (const name of ['WECHAT_API_BASE', 'ONECITY_MOCK_PORT', 'ONECITY_DEMO ', 'ONECITY_DEMO_USAGE_CITIZENS', 'ONECITY_PAYMENT_SIMULATOR']) {
        expect([name, problems.some((p) => p.startsWith(name))]).toEqual([name, true])
      }
      expect(problems).toHaveLength(5)
    }
  })

  it('with real settings: no demo, no simulated agencies or usage, no payment simulator, https endpoints only', () => {
    const c = loadConfig({ NODE_ENV: 'production', ...REAL })
    expect(c).toMatchObject({ production: true, demo: false, mockPort: null, usage: { demoCitizens: 0 }, citizen: { paymentSimulator: false } })
    // Development keeps today's defaults.
    expect(loadConfig({})).toMatchObject({ production: false, demo: true, mockPort: 4100, usage: { demoCitizens: 50_000 }, citizen: { paymentSimulator: true } })
  })

  it('refuses a database a development start seeded with the demo (its tokens were printed and written to files)', async () => {
    const db = await freshDb()
    try {
      await expect(buildApp({ ...testConfig, production: true, demo: false }, { db })).rejects.toThrow(/demo seed/)
    } finally {
      await db.close()
    }
  })
})

/** Runs the platform's entry point as `npm start` does and collects what it prints. */
function startServer(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...BASE_ENV, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let text = ''
  child.stdout!.on('data', (chunk) => (text += String(chunk)))
  child.stderr!.on('data', (chunk) => (text += String(chunk)))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  return { child, output: () => text, exited }
}

async function waitFor(output: () => string, pattern: RegExp, exited: Promise<unknown>, ms = 240_000): Promise<RegExpExecArray> {
  let done = false
  void exited.then(() => (done = true))
  for (const until = Date.now() + ms; Date.now() < until; await new Promise((r) => setTimeout(r, 100))) {
    const match = pattern.exec(output())
    if (match) return match
    if (done) break
  }
  throw new Error(`no ${pattern} in:\n${output()}`)
}

describe('NODE_ENV=production npm start', () => {
  it('with the demo defaults exits at once, naming each missing setting, and makes nothing', async () => {
    const dataDir = join(tempDir(), 'data')
    const { output, exited } = startServer({ NODE_ENV: 'production', ONECITY_DATA_DIR: dataDir, PORT: '0' })
    expect(await exited).toBe(2)
    expect(output()).toContain('Invalid configuration')
    expect(output()).toContain('ONECITY_DATA_KEY is required in production')
    expect(output()).toContain('WECHAT_APP_ID, WECHAT_APP_SECRET and WECHAT_API_BASE are required in production')
    expect(() => lstatSync(dataDir)).toThrow()
  }, 120_000)

  it('with real settings starts, prints no token, keeps its files to itself; the CLI then gives the first operator token', async () => {
    const root = tempDir()
    const dataDir = join(root, 'data')
    const h5Dir = join(root, 'h5')
    mkdirSync(h5Dir)
    writeFileSync(join(h5Dir, 'index.html'), '<!doctype html><title>OneCity</title>')
    // A data directory left world-readable by an earlier version is closed at start.
    mkdirSync(dataDir, { mode: 0o755 })
    writeFileSync(join(dataDir, 'notes.txt'), 'left by an earlier version\n', { mode: 0o644 })
    chmodSync(dataDir, 0o755)
    chmodSync(join(dataDir, 'notes.txt'), 0o644)
    const env = {
      NODE_ENV: 'production',
      ...REAL,
      ONECITY_DATA_DIR: dataDir,
      ONECITY_H5_DIR: h5Dir,
      PORT: '0',
      HOST: '127.0.0.1',
      ONECITY_REVIEW_INTERVAL_H: '0',
      ONECITY_PROBE_INTERVAL_S: '0',
    }

    const server = startServer(env)
    const [, base] = await waitFor(server.output, /citizen H5 app\s+(http:\/\/127\.0\.0\.1:\d+)\//, server.exited)
    expect((await (await fetch(`${base}/healthz`)).json()).status).toBe('ok')
    expect(server.output()).not.toMatch(TOKEN)
    expect(server.output()).not.toMatch(/demo token|simulated agencies|Demo onboarding/i)
    expect(server.output()).toContain('npm run cli -- token create --role operator')
    expect(openToOthers(dataDir)).toEqual([])
    server.child.kill('SIGTERM')
    expect(await server.exited).toBe(0)
    // PGlite writes its WAL and control files up to the close: they too are the owner's only.
    expect(openToOthers(dataDir)).toEqual([])
    expect(readdirSync(dataDir)).not.toContain('demo-tokens.json')
    expect(readdirSync(dataDir)).not.toContain('dev-data-key')

    const cli = await run(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'token', 'create', '--role', 'operator'], { env: { ...BASE_ENV, ...env } })
    const token = TOKEN.exec(cli.stdout)?.[0]
    expect(token).toBeDefined()
    expect(openToOthers(dataDir)).toEqual([])

    const db = await openPgliteDb(join(dataDir, 'pglite'))
    try {
      expect(await authenticate(db, `Bearer ${token}`)).toMatchObject({ role: 'operator' })
      // The first token is the only one, and there is no demo agency.
      expect(await db.query(`SELECT role FROM api_tokens`)).toEqual([{ role: 'operator' }])
      expect(await db.query(`SELECT id FROM agencies`)).toEqual([])
    } finally {
      await db.close()
    }
    // A shared machine can take a minute to start a fresh embedded database; alone it takes seconds.
  }, 400_000)
})
