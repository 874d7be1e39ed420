import { execFile, spawn } from 'node:child_process'
import { lstatSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../server/app'
import { signRequest, verifyRequest } from '../../server/contracts/signing'
import type { Db } from '../../server/db/db'
import { openPgliteDb } from '../../server/db/pglite-db'
import { platformAgency } from '../../server/modules/gateway/agency-targets'
import { createToken } from '../../server/modules/auth/service'
import { findSealedSigningSecret } from '../../server/modules/agencies/repository'
import { freshDb, testBox, testConfig } from '../server/test-app'

/**
 * Issue 16 finding 16: tokens never land in world-readable output at the
 * first start, they expire (401 TOKEN_EXPIRED), and an agency's signing
 * secret can be rotated with an overlap in which both the old and the new one verify.
 */
const run = promisify(execFile)
const dirs: string[] = []
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'onecity-tokens-'))
  dirs.push(dir)
  return dir
}
const TOKEN = /oc_[a-z0-9]{10}_[A-Za-z0-9_-]{43}/
const BASE_ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? tmpdir(), TZ: 'Asia/Shanghai' }
const DAY = 86_400_000

let app: FastifyInstance & { db: Db }
let operator: string
const as = (token: string) => ({ authorization: `Bearer ${token}` })

beforeAll(async () => {
  const db = await freshDb()
  // Configured lifetimes: 30 days for agencies, 200 for staff.
  const config = { ...testConfig, tokens: { ...testConfig.tokens, ttlDays: { agency: 30, operator: 200, analyst: 200 } } }
  app = Object.assign(await buildApp(config, { db, catalogCacheMaxAgeMs: 0 }), { db })
  app.addHook('onClose', () => db.close())
  operator = (await createToken(db, { role: 'operator' })).token
})
afterAll(() => app.close())

const daysFromNow = (iso: string) => Math.round((Date.parse(iso.replace(' ', 'T').replace(/\+00$/, 'Z')) - Date.now()) / DAY)

describe('tokens expire', () => {
  it('every new token has an expiry: the configured lifetime of its role, or the one asked for', async () => {
    const post = (body: object) => app.inject({ method: 'POST', url: '/v1/admin/tokens', headers: as(operator), payload: body })
    const agency = (await post({ role: 'agency', agencyId: 'deyang-traffic' })).json()
    expect(daysFromNow(agency.expiresAt)).toBe(30)
    expect(daysFromNow((await post({ role: 'analyst' })).json().expiresAt)).toBe(200)
    expect(daysFromNow((await post({ role: 'analyst', expiresInDays: 7 })).json().expiresAt)).toBe(7)
    expect((await post({ role: 'analyst', expiresInDays: 0 })).statusCode).toBe(400)
    expect((await post({ role: 'analyst', expiresInDays: 100_000 })).statusCode).toBe(400)
    // The list shows when each one ends.
    const listed = (await app.inject({ url: '/v1/admin/tokens', headers: as(operator) })).json().tokens
    expect(listed.find((t: { id: string }) => t.id === agency.id).expiresAt).toBe(agency.expiresAt)
    // Without a configured lifetime (seed, scripts): 90 days for an agency, a year for staff.
    expect(daysFromNow((await createToken(app.db, { role: 'agency', agencyId: 'deyang-traffic' })).expiresAt)).toBe(90)
    expect(daysFromNow((await createToken(app.db, { role: 'operator' })).expiresAt)).toBe(365)
  })

  it('an expired token answers 401 TOKEN_EXPIRED everywhere; a revoked or unknown one stays UNAUTHENTICATED', async () => {
    const t = await createToken(app.db, { role: 'agency', agencyId: 'deyang-traffic' })
    expect((await app.inject({ url: '/v1/whoami', headers: as(t.token) })).statusCode).toBe(200)
    await app.db.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [t.id])
    for (const url of ['/v1/whoami', '/v1/agency/services']) {
      const res = await app.inject({ url, headers: as(t.token) })
      expect([url, res.statusCode, res.json().error.code]).toEqual([url, 401, 'TOKEN_EXPIRED'])
    }
    const revoked = await createToken(app.db, { role: 'operator' })
    await app.inject({ method: 'DELETE', url: `/v1/admin/tokens/${revoked.id}`, headers: as(operator) })
    expect((await app.inject({ url: '/v1/whoami', headers: as(revoked.token) })).json().error.code).toBe('UNAUTHENTICATED')
    // A revoked token that has also expired says nothing about its expiry.
    await app.db.query(`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [revoked.id])
    expect((await app.inject({ url: '/v1/whoami', headers: as(revoked.token) })).json().error.code).toBe('UNAUTHENTICATED')
  })

  it('the migration gave tokens made before it an expiry', async () => {
    expect(await app.db.query(`SELECT id FROM api_tokens WHERE expires_at IS NULL`)).toEqual([])
  })
})

describe('signing-secret rotation', () => {
  it('an operator rotates: the new secret verifies at once, the old one until the overlap ends, the platform signs with both meanwhile', async () => {
    const pay = (await platformAgency(app.db, testBox, 'payment@1')).agencyId
    const old = testBox.open((await findSealedSigningSecret(app.db, pay))!)
    const res = await app.inject({ method: 'POST', url: `/v1/admin/agencies/${pay}/signing-secret?overlapHours=2`, headers: as(operator) })
    expect(res.statusCode).toBe(200)
    const { signingSecret, previousValidUntil } = res.json()
    expect(signingSecret).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(signingSecret).not.toBe(old)
    expect(Date.parse(previousValidUntil) - Date.now()).toBeGreaterThan(2 * 3_600_000 - 60_000)
    // Stored sealed only.
    const stored = (await app.db.query<Record<string, string>>(`SELECT signing_secret, previous_signing_secret FROM agencies WHERE id = $1`, [pay]))[0]!
    expect(JSON.stringify(stored)).not.toContain(signingSecret)
    expect(JSON.stringify(stored)).not.toContain(old)

    // Outbound (the platform's calls): signed with both, so the agency verifies with whichever it has deployed.
    const target = await platformAgency(app.db, testBox, 'payment@1')
    expect(target.secret).toEqual([signingSecret, old])
    const req = { method: 'GET', target: '/v1/orders/x', body: '' }
    const headers = signRequest(req, target.secret)
    expect(verifyRequest(req, headers, old)).toEqual({ ok: true })
    expect(verifyRequest(req, headers, signingSecret)).toEqual({ ok: true })
    expect(verifyRequest(req, headers, 'some-other-secret')).toEqual({ ok: false, reason: 'bad-signature' })

    // After the overlap only the new one is used and accepted.
    await app.db.query(`UPDATE agencies SET previous_signing_secret_until = now() - interval '1 second' WHERE id = $1`, [pay])
    expect((await platformAgency(app.db, testBox, 'payment@1')).secret).toBe(signingSecret)

    // The rotation is in the audit log, without the secret.
    const [entry] = await app.db.query<{ actor: string; detail: object }>(`SELECT actor, detail FROM audit_log WHERE action = 'agency.rotate-secret' AND subject = $1`, [pay])
    expect(entry!.actor).toMatch(/^operator:/)
    expect(JSON.stringify(entry)).not.toContain(signingSecret)
  })

  it('a leaked secret is rotated with no overlap: the old one stops at once', async () => {
    const pay = (await platformAgency(app.db, testBox, 'payment@1')).agencyId
    const old = testBox.open((await findSealedSigningSecret(app.db, pay))!)
    const res = await app.inject({ method: 'POST', url: `/v1/admin/agencies/${pay}/signing-secret?overlapHours=0`, headers: as(operator) })
    expect(res.json().previousValidUntil).toBeNull()
    const after = (await platformAgency(app.db, testBox, 'payment@1')).secret
    expect(after).toBe(res.json().signingSecret)
    expect(after).not.toContain(old)
  })

  it('an agency rotates its own secret (only its own); unknown agencies are 404', async () => {
    const before = await app.db.query<{ id: string; signing_secret: string }>(`SELECT id, signing_secret FROM agencies ORDER BY id`)
    const agency = await createToken(app.db, { role: 'agency', agencyId: 'deyang-traffic' })
    const res = await app.inject({ method: 'POST', url: '/v1/agency/signing-secret?overlapHours=24', headers: as(agency.token) })
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ agencyId: 'deyang-traffic', previousValidUntil: expect.any(String) })
    const after = await app.db.query<{ id: string; signing_secret: string }>(`SELECT id, signing_secret FROM agencies ORDER BY id`)
    const changed = after.filter((a, i) => a.signing_secret !== before[i]!.signing_secret).map((a) => a.id)
    expect(changed).toEqual(['deyang-traffic'])
    expect(testBox.open(after.find((a) => a.id === 'deyang-traffic')!.signing_secret)).toBe(res.json().signingSecret)
    expect((await app.inject({ method: 'POST', url: '/v1/admin/agencies/no-such-agency/signing-secret?overlapHours=24', headers: as(operator) })).statusCode).toBe(404)
    expect((await app.inject({ method: 'POST', url: '/v1/admin/agencies/deyang-traffic/signing-secret?overlapHours=24', headers: as(agency.token) })).statusCode).toBe(403)
  })
})

describe('the first start and the CLI', () => {
  it('a first development start writes the demo tokens owner-only and prints none into redirected output', async () => {
    const root = tempDir()
    const dataDir = join(root, 'data')
    const h5Dir = join(root, 'h5')
    mkdirSync(h5Dir)
    writeFileSync(join(h5Dir, 'index.html'), '<!doctype html><title>OneCity</title>')
    const env = {
      ...BASE_ENV,
      ONECITY_DATA_DIR: dataDir,
      ONECITY_H5_DIR: h5Dir,
      PORT: '0',
      ONECITY_MOCK_PORT: 'off',
      ONECITY_DEMO_USAGE_CITIZENS: '0',
      ONECITY_REVIEW_INTERVAL_H: '0',
      ONECITY_PROBE_INTERVAL_S: '0',
    }
    // stdout is a pipe here, as when `npm start > platform.log` writes a log file.
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (c) => (output += String(c)))
    child.stderr.on('data', (c) => (output += String(c)))
    const exited = new Promise((resolve) => child.once('exit', resolve))
    for (const until = Date.now() + 240_000; !output.includes('Stop with Ctrl+C') && Date.now() < until; ) await new Promise((r) => setTimeout(r, 100))
    child.kill('SIGTERM')
    await exited
    expect(output).toContain('Stop with Ctrl+C')
    expect(output).toContain('demo-tokens.json, readable by you only')
    expect(output).not.toMatch(TOKEN)
    const tokens = JSON.parse(readFileSync(join(dataDir, 'demo-tokens.json'), 'utf8'))
    expect(tokens.operator).toMatch(TOKEN)
    expect(lstatSync(join(dataDir, 'demo-tokens.json')).mode & 0o777).toBe(0o600)
    expect(lstatSync(join(dataDir, 'dev-data-key')).mode & 0o777).toBe(0o600)
    expect(lstatSync(dataDir).mode & 0o777).toBe(0o700)
  }, 300_000)

  it('npm run cli issues a token with a chosen lifetime and rotates a secret (the old one kept for the overlap)', async () => {
    const dataDir = join(tempDir(), 'data')
    const cli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { env: { ...BASE_ENV, ONECITY_DATA_DIR: dataDir } })
    const created = await cli('token', 'create', '--role', 'analyst', '--expires-days', '7')
    expect(created.stdout).toMatch(TOKEN)
    expect(created.stdout).toMatch(/valid until \d{4}-\d\d-\d\d/)
    const rotated = await cli('agency', 'rotate-secret', '--agency', 'deyang-traffic', '--overlap-hours', '3')
    const secret = /\n([A-Za-z0-9_-]{43})\n/.exec(rotated.stdout)?.[1]
    expect(secret).toBeDefined()
    expect(rotated.stdout).toMatch(/previous one verifies until/)
    await expect(cli('token', 'create', '--role', 'analyst', '--expires-days', '0')).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--expires-days must be') })

    const db = await openPgliteDb(join(dataDir, 'pglite'))
    try {
      const [t] = await db.query<{ days: number }>(`SELECT round(extract(epoch FROM expires_at - now()) / 86400)::int AS days FROM api_tokens WHERE label <> 'demo'`)
      expect(t!.days).toBe(7)
      const [a] = await db.query<{ hours: number; current: string }>(
        `SELECT round(extract(epoch FROM previous_signing_secret_until - now()) / 3600)::int AS hours, signing_secret AS current FROM agencies WHERE id = 'deyang-traffic'`,
      )
      expect(a!.hours).toBe(3)
      expect(a!.current).not.toContain(secret!)
    } finally {
      await db.close()
    }
  }, 300_000)
})
