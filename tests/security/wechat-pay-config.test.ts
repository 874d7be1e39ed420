import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../server/config'
import { testMerchantEnv } from '../fixtures/wechat-pay-merchant'

const PRODUCTION = {
  NODE_ENV: 'production',
  ONECITY_DATA_KEY: Buffer.alloc(32, 5).toString('base64'),
  WECHAT_APP_ID: 'wx1234567890abcdef',
  WECHAT_APP_SECRET: 'a-real-secret',
  WECHAT_API_BASE: 'https://api.weixin.qq.com',
}
const SETTINGS = ['WECHATPAY_MCHID', 'WECHATPAY_SERIAL_NO', 'WECHATPAY_PRIVATE_KEY_FILE', 'WECHATPAY_APIV3_KEY', 'WECHATPAY_PUBLIC_KEY_ID', 'WECHATPAY_PUBLIC_KEY_FILE']

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env)
  } catch (err) {
    if (err instanceof ConfigError) return err.problems
    throw err
  }
  return []
}

describe('WeChat Pay merchant settings (production)', () => {
  it('refuses to start without them, naming each missing one', () => {
    const problems = problemsOf(PRODUCTION)
    for (const name of SETTINGS) expect([name, problems.some((p) => p.startsWith(`${name} is required in production`))]).toEqual([name, true])
  })

  it('refuses invalid ones by name: a key file that is no key, an APIv3 key of the wrong length, a plain-http base URL, the payment simulator', () => {
    const notAKey = join(mkdtempSync(join(tmpdir(), 'onecity-notakey-')), 'apiclient_key.pem')
    writeFileSync(notAKey, 'not a key\n')
    const problems = problemsOf({
      ...PRODUCTION,
      ...testMerchantEnv(),
      WECHATPAY_PRIVATE_KEY_FILE: notAKey,
      WECHATPAY_PUBLIC_KEY_FILE: '/nonexistent/pub_key.pem',
      WECHATPAY_APIV3_KEY: 'too-short',
      WECHATPAY_MCHID: 'merchant',
      WECHATPAY_BASE_URL: 'http://127.0.0.1:4100/wechatpay',
      ONECITY_PAYMENT_SIMULATOR: 'on',
    })
    for (const name of ['WECHATPAY_PRIVATE_KEY_FILE', 'WECHATPAY_PUBLIC_KEY_FILE', 'WECHATPAY_APIV3_KEY', 'WECHATPAY_MCHID', 'WECHATPAY_BASE_URL', 'ONECITY_PAYMENT_SIMULATOR']) {
      expect([name, problems.some((p) => p.startsWith(name))]).toEqual([name, true])
    }
    expect(problems).toHaveLength(6)
  })

  it('with valid settings loads the merchant: keys parsed, the WeChat Pay public key by its id, the real API by default', () => {
    const c = loadConfig({ ...PRODUCTION, ...testMerchantEnv() })
    expect(c.wechatPay).toMatchObject({ baseUrl: 'https://api.mch.weixin.qq.com', merchant: { mchid: '1900000109', appid: 'wx1234567890abcdef', apiV3Key: 'abcdefghijklmnopqrstuvwxyz012345' } })
    expect(c.wechatPay!.merchant.privateKey.type).toBe('private')
    expect([...c.wechatPay!.merchant.wechatpayKeys.keys()]).toEqual(['PUB_KEY_ID_0114232134912410000000000000'])
  })

  it('development: none set means the simulated WeChat Pay; some set means all are needed', () => {
    expect(loadConfig({}).wechatPay).toBeUndefined()
    const problems = problemsOf({ WECHATPAY_MCHID: '1900000109' })
    // The five others, and the appid (no WECHAT_APP_ID to default to).
    expect(problems.filter((p) => p.startsWith('WECHATPAY_'))).toHaveLength(6)
  })
})
