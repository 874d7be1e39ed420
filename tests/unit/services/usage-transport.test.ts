import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { UsageBatch } from '../../../src/domain/usage-batch'
import { deviceStorage, fakeTaro, httpAnswer, resetFakeTaro } from '../helpers/fake-taro'

vi.mock('@tarojs/taro', () => import('../helpers/fake-taro'))

const TOKEN = `cs_${'A'.repeat(43)}`
const DEVICE_USER = 'deviceUser0123456789abcd'
const SERVICE = { id: 'sz-traffic', domain: 'traffic', type: 'government', coverage: { level: 'city', code: '440300' } } as const

/** A citizen who agreed, is logged in, and whose phone has its simulated WeChat user. */
function rememberCitizen() {
  deviceStorage.set('onecity:consent', JSON.stringify({ state: { decision: 'agreed', version: 1, decidedAt: '2026-11-01T00:00:00.000Z' }, version: 1 }))
  deviceStorage.set('onecity:session', JSON.stringify({ state: { token: TOKEN, expiresAt: '2099-01-01T00:00:00.000Z', loggedOut: false }, version: 1 }))
  deviceStorage.set('onecity:device-user', JSON.stringify(DEVICE_USER))
  deviceStorage.set('onecity:city', JSON.stringify({ state: { current: { code: '440300', name: '深圳' }, source: 'picker' }, version: 1 }))
}

const ALLOWED_KEYS = { batch: ['v', 'batch', 'actives', 'events'], active: ['scope', 'month', 'returning', 'first'], event: ['service', 'city', 'action', 'ms'] }

/** Nothing but the batch: no token, no openid or device user, no key outside the batch shape. */
function expectOnlyTheBatch(payload: string) {
  expect(payload).not.toContain('cs_')
  expect(payload).not.toContain(DEVICE_USER)
  expect(payload.toLowerCase()).not.toContain('openid')
  const body = JSON.parse(payload) as UsageBatch
  for (const k of Object.keys(body)) expect(ALLOWED_KEYS.batch).toContain(k)
  for (const a of body.actives ?? []) for (const k of Object.keys(a)) expect(ALLOWED_KEYS.active).toContain(k)
  for (const e of body.events ?? []) for (const k of Object.keys(e)) expect(ALLOWED_KEYS.event).toContain(k)
  if (body.batch !== undefined) expect(body.batch).toMatch(/^[A-Za-z0-9_-]{16,64}$/)
}

async function sendSomeUsage() {
  vi.resetModules()
  // Log in state as the app has it: the session store holds the token.
  const session = await import('../../../src/stores/session-store')
  expect(session.useSessionStore.getState().token).toBe(TOKEN)
  const { createUsageReporter } = await import('../../../src/services/usage-reporter')
  const reporter = createUsageReporter()
  reporter.recordServiceUse(SERVICE, '440300')
  reporter.recordEvent({ service: 'sz-traffic', city: '440300', action: 'submit' })
  reporter.recordEvent({ service: 'sz-traffic', city: '440300', action: 'success', ms: 180 })
  await reporter.flush()
  reporter.stop()
}

describe('POST /v1/usage carries nothing but the batch', () => {
  beforeEach(() => {
    resetFakeTaro()
    rememberCitizen()
  })
  afterEach(() => {
    vi.unstubAllGlobals()
    vi.unstubAllEnvs()
  })

  it('mini-program: no Authorization, no cookie, no identifier in the headers or the body', async () => {
    fakeTaro.request.mockImplementation(async () => httpAnswer(200, { month: '2026-11', accepted: 3, duplicates: 0 }))
    await sendSomeUsage()
    const calls = fakeTaro.request.mock.calls as unknown as [{ url: string; method: string; header: Record<string, string>; data: unknown }][]
    expect(calls.length).toBeGreaterThanOrEqual(2)
    for (const [options] of calls) {
      expect(options.url).toMatch(/\/v1\/usage$/)
      expect(options.method).toBe('POST')
      expect(Object.keys(options.header).sort()).toEqual(['Accept', 'Content-Type'])
      expect(JSON.stringify(options.header)).not.toContain('cs_')
      expect(typeof options.data).toBe('string')
      expectOnlyTheBatch(options.data as string)
      expect(JSON.stringify(Object.keys(options).sort())).not.toMatch(/cookie|credential/i)
    }
    // What was sent is what the privacy page shows.
    const { useUsageStore } = await import('../../../src/stores/usage-store')
    const payloads = calls.map(([o]) => o.data as string)
    for (const entry of useUsageStore.getState().log) expect(payloads).toContain(entry.payload)
  })

  it('H5: fetch without credentials or referrer, and the same nothing-but-the-batch body', async () => {
    vi.stubEnv('TARO_ENV', 'h5')
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => new Response(JSON.stringify({ month: '2026-11', accepted: 1, duplicates: 0 }), { status: 200 }))
    vi.stubGlobal('fetch', fetchMock)
    await sendSomeUsage()
    expect(fetchMock.mock.calls.length).toBeGreaterThanOrEqual(2)
    for (const [url, init] of fetchMock.mock.calls) {
      expect(url).toMatch(/\/v1\/usage$/)
      expect(init.credentials).toBe('omit')
      expect(init.referrerPolicy).toBe('no-referrer')
      expect(Object.keys(init.headers as Record<string, string>).sort()).toEqual(['Accept', 'Content-Type'])
      expectOnlyTheBatch(init.body as string)
    }
  })

  it("reads the server's Retry-After, in either transport", async () => {
    const { postUsage } = await import('../../../src/services/usage-transport')
    fakeTaro.request.mockResolvedValueOnce({ ...httpAnswer(429, { error: { code: 'RATE_LIMITED', message: 'x' } }), header: { 'Retry-After': '12' } })
    expect(await postUsage('{"v":1}')).toEqual({ status: 429, body: { error: { code: 'RATE_LIMITED', message: 'x' } }, retryAfter: '12' })
    vi.stubEnv('TARO_ENV', 'h5')
    vi.stubGlobal('fetch', vi.fn(async () => new Response('{}', { status: 429, headers: { 'Retry-After': '7' } })))
    expect((await postUsage('{"v":1}')).retryAfter).toBe('7')
  })

  it('answers status 0 instead of throwing when there is no network', async () => {
    const { postUsage } = await import('../../../src/services/usage-transport')
    fakeTaro.request.mockRejectedValueOnce(new Error('request:fail'))
    expect(await postUsage('{"v":1}')).toEqual({ status: 0, body: null })
    vi.stubEnv('TARO_ENV', 'h5')
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))))
    expect(await postUsage('{"v":1}')).toEqual({ status: 0, body: null })
  })
})
