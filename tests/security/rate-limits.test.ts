import type { FastifyInstance, InjectOptions } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app'
import { ConfigError, loadConfig } from '../../server/config'
import type { Db } from '../../server/db/db'
import { createToken } from '../../server/modules/auth/service'
import { freshDb, testConfig } from '../server/test-app'
import { testMerchantEnv } from '../fixtures/wechat-pay-merchant'

// Issue 16 findings 6 (session creation, console sign-in and bad tokens per address) and 9 (trusted proxy).
const LIMITS = { loginPerMinute: 3, consoleSignInPerMinute: 2, badTokensPerMinute: 3 }
const PROXY = '10.1.2.3'

let direct: FastifyInstance
let proxied: FastifyInstance
const dbs: Db[] = []
let operator: string

async function appWith(trustProxy: string[]) {
  const db = await freshDb()
  dbs.push(db)
  const app = await buildApp({ ...testConfig, http: { ...testConfig.http, ...LIMITS, trustProxy } }, { db })
  operator ??= (await createToken(db, { role: 'operator' })).token
  return app
}

beforeAll(async () => {
  direct = await appWith([])
  proxied = await appWith(['10.0.0.0/8'])
})
afterAll(async () => {
  await direct.close()
  await proxied.close()
  for (const db of dbs) await db.close()
})

// A body the schema refuses: the limit counts attempts before anything is read, and no test reaches WeChat.
const login = (app: FastifyInstance, remoteAddress: string, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url: '/v1/sessions', remoteAddress, headers, payload: {} })

function expectTooMany(res: { statusCode: number; headers: Record<string, unknown>; json(): { error: { code: string; message: string } } }) {
  expect(res.statusCode).toBe(429)
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
  expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60)
  expect(res.json().error.code).toBe('RATE_LIMITED')
  expect(res.json().error.message).toMatch(/秒后重试/)
}

describe('citizen login (session creation) per client address', () => {
  it('past the limit → 429 with Retry-After and the error body; another address is not affected', async () => {
    for (let i = 0; i < LIMITS.loginPerMinute; i++) expect((await login(direct, '203.0.113.1')).statusCode).toBe(400)
    expectTooMany(await login(direct, '203.0.113.1'))
    expect((await login(direct, '203.0.113.2')).statusCode).toBe(400)
  })
})

describe('console sign-in per client address', () => {
  const signIn = (remoteAddress: string) =>
    direct.inject({
      method: 'POST',
      url: '/console/login',
      remoteAddress,
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      payload: 'token=',
    })

  it('past the limit → a 429 page with Retry-After', async () => {
    for (let i = 0; i < LIMITS.consoleSignInPerMinute; i++) expect((await signIn('203.0.113.10')).statusCode).toBe(400)
    const res = await signIn('203.0.113.10')
    expect(res.statusCode).toBe(429)
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0)
    expect(res.body).toContain('秒后重试')
    expect((await signIn('203.0.113.11')).statusCode).toBe(400)
  })
})

describe('bad tokens per client address', () => {
  const whoami = (remoteAddress: string, token: string) => direct.inject({ url: '/v1/whoami', remoteAddress, headers: { authorization: `Bearer ${token}` } })
  const wrong = `oc_aaaaaaaaaa_${'x'.repeat(43)}`

  it('past the limit, every request from that address presenting a token is 429, even a valid one', async () => {
    for (let i = 0; i < LIMITS.badTokensPerMinute; i++) expect((await whoami('203.0.113.20', wrong)).statusCode).toBe(401)
    expectTooMany(await whoami('203.0.113.20', wrong))
    expectTooMany(await whoami('203.0.113.20', operator))
    // Anonymous requests from there, and tokens from elsewhere, still work.
    expect((await direct.inject({ url: '/v1/cities?q=cd', remoteAddress: '203.0.113.20' })).statusCode).toBe(200)
    expect((await whoami('203.0.113.21', operator)).statusCode).toBe(200)
  })

  it('a citizen session token that is not valid counts too', async () => {
    const session = `cs_${'y'.repeat(43)}`
    const me = () => direct.inject({ url: '/v1/me', remoteAddress: '203.0.113.22', headers: { authorization: `Bearer ${session}` } })
    for (let i = 0; i < LIMITS.badTokensPerMinute; i++) expect((await me()).statusCode).toBe(401)
    expectTooMany(await me())
  })

  it('a valid token does not count', async () => {
    for (let i = 0; i < LIMITS.badTokensPerMinute + 2; i++) expect((await whoami('203.0.113.23', operator)).statusCode).toBe(200)
  })
})

describe('behind a reverse proxy (ONECITY_TRUST_PROXY)', () => {
  const through = (forwardedFor: string): InjectOptions['headers'] => ({ 'x-forwarded-for': forwardedFor })

  it('without it, X-Forwarded-For is ignored: a client cannot pick a fresh address per request', async () => {
    for (let i = 0; i < LIMITS.loginPerMinute; i++) expect((await login(direct, '203.0.113.30', through(`198.51.100.${i}`) as Record<string, string>)).statusCode).toBe(400)
    expectTooMany(await login(direct, '203.0.113.30', through('198.51.100.99') as Record<string, string>))
  })

  it('with it, the limit keys on the real client behind the proxy: one client’s 429 is not everyone’s', async () => {
    for (let i = 0; i < LIMITS.loginPerMinute; i++) expect((await login(proxied, PROXY, { 'x-forwarded-for': '198.51.100.1' })).statusCode).toBe(400)
    expectTooMany(await login(proxied, PROXY, { 'x-forwarded-for': '198.51.100.1' }))
    expect((await login(proxied, PROXY, { 'x-forwarded-for': '198.51.100.2' })).statusCode).toBe(400)
  })

  it('X-Forwarded-For from an address that is not a trusted proxy is still ignored', async () => {
    for (let i = 0; i < LIMITS.loginPerMinute; i++) expect((await login(proxied, '203.0.113.40', { 'x-forwarded-for': `198.51.100.${50 + i}` })).statusCode).toBe(400)
    expectTooMany(await login(proxied, '203.0.113.40', { 'x-forwarded-for': '198.51.100.60' }))
  })

  it('ONECITY_TRUST_PROXY takes addresses and CIDRs and names a bad entry', () => {
    expect(loadConfig({ ONECITY_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1,::1' }).http.trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1', '::1'])
    expect(loadConfig({}).http.trustProxy).toEqual([])
    expect(() => loadConfig({ ONECITY_TRUST_PROXY: 'proxy.example.cn' })).toThrow(ConfigError)
    expect(() => loadConfig({ ONECITY_TRUST_PROXY: '10.0.0.0/33' })).toThrow(/ONECITY_TRUST_PROXY/)
  })

  it('production defaults are strict, development ones generous', () => {
    const dev = loadConfig({}).http
    const prod = loadConfig({ NODE_ENV: 'production', ONECITY_DATA_KEY: Buffer.alloc(32, 7).toString('base64'), WECHAT_APP_ID: 'wx1234567890abcdef', WECHAT_APP_SECRET: 's', WECHAT_API_BASE: 'https://api.weixin.qq.com', ...testMerchantEnv() }).http
    expect(prod.loginPerMinute).toBeLessThan(dev.loginPerMinute)
    expect(prod.badTokensPerMinute).toBeLessThan(dev.badTokensPerMinute)
    expect(prod.maxConnectionsPerAddress).toBeGreaterThan(0)
  })
})
