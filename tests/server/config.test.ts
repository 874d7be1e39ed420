import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../server/config'
import { testMerchantEnv } from '../fixtures/wechat-pay-merchant'

const REAL_WECHAT = { WECHAT_APP_ID: 'wx1234567890abcdef', WECHAT_APP_SECRET: 'a-real-secret', WECHAT_API_BASE: 'https://api.weixin.qq.com' }
// Production also needs its own data key (tests/security/production-mode.test.ts checks every production rule).
const PRODUCTION = { NODE_ENV: 'production', ONECITY_DATA_KEY: Buffer.alloc(32, 3).toString('base64'), ...REAL_WECHAT, ...testMerchantEnv() }

describe('loadConfig', () => {
  it('has working defaults', () => {
    const c = loadConfig({}, '/srv/onecity')
    expect(c).toMatchObject({ port: 3000, host: '127.0.0.1', dataDir: '/srv/onecity/data', databaseUrl: undefined })
  })

  it('reads PORT, DATABASE_URL and ONECITY_DATA_DIR', () => {
    const c = loadConfig({ PORT: '8080', DATABASE_URL: 'postgres://u:p@localhost/db', ONECITY_DATA_DIR: '/var/lib/onecity', ONECITY_DATA_KEY: Buffer.alloc(32, 2).toString('base64') })
    expect(c).toMatchObject({ port: 8080, databaseUrl: 'postgres://u:p@localhost/db', dataDir: '/var/lib/onecity' })
  })

  it('reports every bad variable at once, by name', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' })
      expect.unreachable()
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError)
      const { problems } = err as ConfigError
      expect(problems).toHaveLength(3)
      expect(problems.join('\n')).toMatch(/PORT[\s\S]*DATABASE_URL[\s\S]*LOG_LEVEL/)
    }
  })

  it('reads the review, probe and simulated-agency settings', () => {
    expect(loadConfig({})).toMatchObject({ production: false, mockPort: 4100, review: { loadMs: 10_000, intervalHours: 24, probeIntervalS: 300 } })
    const c = loadConfig({ ...PRODUCTION, ONECITY_MOCK_PORT: 'off', ONECITY_REVIEW_LOAD_MS: '500', ONECITY_REVIEW_INTERVAL_H: '0', ONECITY_PROBE_INTERVAL_S: '60' })
    expect(c).toMatchObject({ production: true, mockPort: null, review: { loadMs: 500, intervalHours: 0, probeIntervalS: 60 } })
    expect(() => loadConfig({ ONECITY_MOCK_PORT: 'somewhere', ONECITY_REVIEW_LOAD_MS: '-5' })).toThrow(/ONECITY_REVIEW_LOAD_MS[\s\S]*ONECITY_MOCK_PORT|ONECITY_MOCK_PORT[\s\S]*ONECITY_REVIEW_LOAD_MS/)
  })

  it('reads the citizen and WeChat settings; production needs a real WeChat and no payment simulator', () => {
    const dev = loadConfig({})
    expect(dev.citizen).toEqual({ sessionTtlHours: 720, agencyTimeoutMs: 5000, paymentSimulator: true, bookingSweepSeconds: 60, faceCheckSimulator: true, identityFailuresPerHour: 5 })
    expect(loadConfig({ ONECITY_BOOKING_SWEEP_S: '5' }).citizen.bookingSweepSeconds).toBe(5)
    expect(() => loadConfig({ ONECITY_BOOKING_SWEEP_S: 'often' })).toThrow(/ONECITY_BOOKING_SWEEP_S/)
    expect(dev.wechat.apiBase).toBeUndefined()
    expect(dev.wechat.appSecret).toMatch(/^[0-9a-f]{32}$/)
    expect(loadConfig(PRODUCTION).citizen.paymentSimulator).toBe(false)
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/WECHAT_APP_ID/)
    expect(() => loadConfig({ ...PRODUCTION, ONECITY_PAYMENT_SIMULATOR: 'on' })).toThrow(/ONECITY_PAYMENT_SIMULATOR/)
    expect(loadConfig(PRODUCTION).citizen.faceCheckSimulator).toBe(false)
    expect(() => loadConfig({ ...PRODUCTION, ONECITY_FACE_CHECK_SIMULATOR: 'on' })).toThrow(/ONECITY_FACE_CHECK_SIMULATOR/)
    expect(loadConfig({ ONECITY_IDENTITY_FAILURES_PER_H: '3' }).citizen.identityFailuresPerHour).toBe(3)
    expect(() => loadConfig({ ONECITY_PUBLIC_URL: 'onecity.example.cn/x', ONECITY_AGENCY_TIMEOUT_MS: 'soon' })).toThrow(/ONECITY_PUBLIC_URL[\s\S]*ONECITY_AGENCY_TIMEOUT_MS/)
  })

  it.each(['70000', '-1', '3.5'])('rejects PORT=%s', (PORT) => {
    expect(() => loadConfig({ PORT })).toThrow(/PORT/)
  })
})

describe('ONECITY_DATA_KEY', () => {
  it('takes 32 bytes in base64', () => {
    const key = Buffer.alloc(32, 1).toString('base64')
    expect(loadConfig({ ONECITY_DATA_KEY: key }).dataKey).toBe(key)
  })

  it('is required with DATABASE_URL, since every process must open what the others sealed', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres://u:p@localhost/db' })).toThrow(/ONECITY_DATA_KEY is required with DATABASE_URL/)
  })

  it.each(['short', Buffer.alloc(16, 1).toString('base64'), Buffer.alloc(33, 1).toString('base64')])('refuses %s', (ONECITY_DATA_KEY) => {
    expect(() => loadConfig({ ONECITY_DATA_KEY })).toThrow(/ONECITY_DATA_KEY/)
  })
})
