import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app'
import type { Db } from '../../server/db/db'
import { createToken } from '../../server/modules/auth/service'
import { freshDb, testConfig } from '../server/test-app'

// Issue 16 finding 14: a server-side console session, not the raw token; it expires and ends on logout; Secure behind TLS; the public host only.
const dbs: Db[] = []
let app: FastifyInstance
let db: Db
let operator: { id: string; token: string }

async function appWith(over: { publicUrl?: string; trustProxy?: string[] } = {}) {
  const fresh = await freshDb()
  dbs.push(fresh)
  const config = {
    ...testConfig,
    citizen: { ...testConfig.citizen, ...(over.publicUrl ? { publicUrl: over.publicUrl } : {}) },
    http: { ...testConfig.http, trustProxy: over.trustProxy ?? [] },
  }
  return { app: await buildApp(config, { db: fresh }), db: fresh }
}

beforeAll(async () => {
  ;({ app, db } = await appWith())
  operator = await createToken(db, { role: 'operator' })
})
afterAll(async () => {
  await app.close()
  for (const d of dbs) await d.close()
})

const signIn = (target: FastifyInstance, token: string, headers: Record<string, string> = {}) =>
  target.inject({
    method: 'POST',
    url: '/console/login',
    headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost', ...headers },
    payload: new URLSearchParams({ token }).toString(),
  })
const sessionCookie = (res: { cookies: { name: string; value: string; secure?: boolean }[] }) => res.cookies.find((c) => c.name === 'oc_console')!
const adminPage = (cookie: string) => app.inject({ url: '/console/admin', headers: { cookie: `oc_console=${cookie}` } })

describe('the console cookie', () => {
  it('holds a random session id, not the token; the database keeps only its hash and the token sealed', async () => {
    const cookie = sessionCookie(await signIn(app, operator.token))
    expect(cookie.value).not.toContain(operator.token)
    expect(cookie.value).toMatch(/^ocs_[A-Za-z0-9_-]{43}$/)
    expect((await adminPage(cookie.value)).statusCode).toBe(200)
    const rows = await db.query<Record<string, string>>('SELECT * FROM console_sessions WHERE token_id = $1', [operator.id])
    expect(rows.length).toBeGreaterThan(0)
    const stored = JSON.stringify(rows)
    expect(stored).not.toContain(operator.token)
    expect(stored).not.toContain(cookie.value)
  })

  it('the raw API token as the cookie no longer signs anyone in', async () => {
    const res = await adminPage(operator.token)
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toMatch(/^\/console\/login/)
  })

  it('logout ends the session on the server: a copy of the cookie opens nothing afterwards', async () => {
    const cookie = sessionCookie(await signIn(app, operator.token)).value
    const out = await app.inject({ method: 'POST', url: '/console/logout', headers: { cookie: `oc_console=${cookie}`, origin: 'http://localhost' } })
    expect(out.statusCode).toBe(303)
    const res = await adminPage(cookie)
    expect(res.headers.location).toBe('/console/login?expired=1')
  })

  it('expires when idle too long', async () => {
    const cookie = sessionCookie(await signIn(app, operator.token)).value
    await db.query(`UPDATE console_sessions SET last_seen_at = now() - make_interval(mins => $1 + 1)`, [testConfig.http.consoleIdleMinutes])
    expect((await adminPage(cookie)).headers.location).toBe('/console/login?expired=1')
  })

  it('expires at its absolute end even when used all the time', async () => {
    const cookie = sessionCookie(await signIn(app, operator.token)).value
    expect((await adminPage(cookie)).statusCode).toBe(200)
    await db.query(`UPDATE console_sessions SET expires_at = now() - interval '1 second'`)
    expect((await adminPage(cookie)).headers.location).toBe('/console/login?expired=1')
  })

  it('is not Secure over plain http, Secure behind a trusted TLS proxy and with an https public origin', { timeout: 120_000 }, async () => {
    expect(sessionCookie(await signIn(app, operator.token)).secure).toBeFalsy()
    const proxied = await appWith({ trustProxy: ['10.0.0.0/8'] })
    const op = await createToken(proxied.db, { role: 'operator' })
    const viaProxy = await proxied.app.inject({
      method: 'POST',
      url: '/console/login',
      remoteAddress: '10.0.0.5',
      headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'localhost', 'x-forwarded-proto': 'https', 'x-forwarded-for': '198.51.100.7', origin: 'https://localhost' },
      payload: new URLSearchParams({ token: op.token }).toString(),
    })
    expect(sessionCookie(viaProxy).secure).toBe(true)
    // The same header from an untrusted address changes nothing.
    const spoofed = await proxied.app.inject({
      method: 'POST',
      url: '/console/login',
      remoteAddress: '203.0.113.5',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-proto': 'https', origin: 'http://localhost' },
      payload: new URLSearchParams({ token: op.token }).toString(),
    })
    expect(sessionCookie(spoofed).secure).toBeFalsy()
    await proxied.app.close()

    const publicHttps = await appWith({ publicUrl: 'https://console.onecity.example.cn' })
    const op2 = await createToken(publicHttps.db, { role: 'operator' })
    const res = await signIn(publicHttps.app, op2.token, { host: 'console.onecity.example.cn', origin: 'https://console.onecity.example.cn' })
    expect(sessionCookie(res).secure).toBe(true)
    await publicHttps.app.close()
  })
})

describe('the console answers only under its public host', () => {
  it('in development any loopback host and port; another Host is refused (421)', async () => {
    for (const host of ['localhost', '127.0.0.1:3000', 'localhost:8080', '[::1]:3000']) {
      expect((await app.inject({ url: '/console/login', headers: { host } })).statusCode, host).toBe(200)
    }
    for (const host of ['evil.example.cn', 'localhost.evil.example.cn', '10.0.0.1:3000']) {
      expect((await app.inject({ url: '/console/login', headers: { host } })).statusCode, host).toBe(421)
    }
  })

  it('with ONECITY_PUBLIC_URL, only its host: a sign-in sent under another name is refused', { timeout: 60_000 }, async () => {
    const configured = await appWith({ publicUrl: 'https://console.onecity.example.cn' })
    const op = await createToken(configured.db, { role: 'operator' })
    expect((await configured.app.inject({ url: '/console/login', headers: { host: 'console.onecity.example.cn' } })).statusCode).toBe(200)
    expect((await configured.app.inject({ url: '/console/login', headers: { host: 'localhost' } })).statusCode).toBe(421)
    const rebound = await signIn(configured.app, op.token, { host: 'attacker.example.cn', origin: 'http://attacker.example.cn' })
    expect(rebound.statusCode).toBe(421)
    expect(rebound.cookies).toEqual([])
    await configured.app.close()
  })
})
