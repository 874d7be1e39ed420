import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../../server/config'
import { DEV_TEMPLATES, readSubscribeTemplates, templateData } from '../../../server/modules/messages/subscribe-templates'
import { notifyCheck } from '../../../server/modules/review/checks/notify-check'
import type { ServiceManifest } from '../../../server/modules/onboarding/manifest-schema'
import { validManifest } from '../../fixtures/manifests'
import { testMerchantEnv } from '../../fixtures/wechat-pay-merchant'

const PRODUCTION = {
  NODE_ENV: 'production',
  ONECITY_DATA_KEY: Buffer.alloc(32, 3).toString('base64'),
  WECHAT_APP_ID: 'wx0123456789abcdef',
  WECHAT_APP_SECRET: 'secret',
  WECHAT_API_BASE: 'https://api.weixin.qq.com',
  ...testMerchantEnv(),
}

describe('WECHAT_SUBSCRIBE_TEMPLATES', () => {
  it('development defaults to the simulated WeChat’s five templates; production to none (the inbox only)', () => {
    expect(readSubscribeTemplates(undefined, false, [])).toEqual(DEV_TEMPLATES)
    expect(Object.keys(DEV_TEMPLATES)).toHaveLength(5)
    expect(readSubscribeTemplates(undefined, true, [])).toEqual({})
    expect(readSubscribeTemplates('off', false, [])).toEqual({})
  })

  it('reads kind=id pairs and names a bad pair', () => {
    expect(readSubscribeTemplates('payment=AbC-1_x, visit=Zz9', true, [])).toEqual({ payment: 'AbC-1_x', visit: 'Zz9' })
    const problems: string[] = []
    readSubscribeTemplates('payment=ok,weather=x', false, problems)
    expect(problems).toEqual([expect.stringContaining('"weather=x"')])
  })

  it('production refuses the development template ids', () => {
    expect(() => loadConfig({ ...PRODUCTION, WECHAT_SUBSCRIBE_TEMPLATES: `payment=${DEV_TEMPLATES.payment}` }, '/tmp')).toThrow(ConfigError)
    expect(loadConfig({ ...PRODUCTION, WECHAT_SUBSCRIBE_TEMPLATES: 'payment=RealTemplate1' }, '/tmp').wechat.subscribeTemplates).toEqual({ payment: 'RealTemplate1' })
  })
})

describe('subscription message data', () => {
  it('fits WeChat’s keyword limits: thing ≤ 20 characters, phrase ≤ 5, time as China minute', () => {
    const data = templateData('预约挂号：四川大学华西医院 心血管内科 张医生，12月8日 08:00', '明日就诊', new Date('2026-12-07T02:05:00Z'))
    expect([...data.thing1.value]).toHaveLength(20)
    expect(data.thing1.value.endsWith('…')).toBe(true)
    expect(data.phrase2.value).toBe('明日就诊')
    expect(data.time3.value).toBe('2026-12-07 10:05')
  })
})

describe('check 17 (notify) from data', () => {
  const m = validManifest('traffic@1') as ServiceManifest
  it('passes with no changed cases or every changed case notified; fails when one was not', () => {
    expect(notifyCheck(m, { changed: 0, notified: 0 }).outcome).toBe('pass')
    expect(notifyCheck(m, { changed: 12, notified: 12 }).outcome).toBe('pass')
    const failed = notifyCheck(m, { changed: 12, notified: 11 })
    expect(failed.outcome).toBe('fail')
    expect(failed.evidence.join(' ')).toContain('11 of 12 cases')
  })
  it('a declaration of no notifications fails; no transaction items does not apply', () => {
    expect(notifyCheck({ ...m, notify: { ...m.notify, subscribeMessage: false } }, { changed: 0, notified: 0 }).outcome).toBe('fail')
    expect(notifyCheck({ ...m, items: m.items.map((i) => ({ ...i, kind: 'query' as const })) }, { changed: 3, notified: 0 }).outcome).toBe('not-applicable')
  })
})
