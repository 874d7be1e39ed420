import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type MockAgencies, startMockAgencies } from '../../mock/serve'

const APP = { appId: 'wxd0e1c2b3a4f5e6d7', appSecret: 'dev-app-secret' }
let mocks: MockAgencies
let clock = Date.parse('2026-11-22T10:00:00+08:00')

beforeAll(async () => {
  mocks = await startMockAgencies({ tenants: [], wechat: { ...APP, now: () => clock } })
})
afterAll(() => mocks.stop())

const login = async (user: string) =>
  ((await (await fetch(`${mocks.url}/wechat/dev/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user }) })).json()) as { code: string }).code
const exchange = async (code: string, app = APP) => {
  const q = new URLSearchParams({ appid: app.appId, secret: app.appSecret, js_code: code, grant_type: 'authorization_code' })
  return (await fetch(`${mocks.url}/wechat/sns/jscode2session?${q}`)).json()
}

describe('simulated WeChat login (wx.login → jscode2session)', () => {
  it('a code gives the user’s stable openid once', async () => {
    const first = await exchange(await login('alice'))
    expect(first).toEqual({ openid: expect.stringMatching(/^o[A-Za-z0-9_-]{27}$/), session_key: expect.any(String) })
    const again = await exchange(await login('alice'))
    expect(again.openid).toBe(first.openid)
    expect((await exchange(await login('bob'))).openid).not.toBe(first.openid)
  })

  it('refuses a used, unknown or expired code and wrong app credentials with WeChat’s error codes', async () => {
    const code = await login('alice')
    await exchange(code)
    expect(await exchange(code)).toEqual({ errcode: 40163, errmsg: 'code been used' })
    expect(await exchange('no-such-code')).toMatchObject({ errcode: 40029 })
    expect(await exchange(await login('alice'), { ...APP, appSecret: 'wrong' })).toMatchObject({ errcode: 40125 })
    expect(await exchange(await login('alice'), { ...APP, appId: 'wx0000000000000000' })).toMatchObject({ errcode: 40013 })
    const old = await login('alice')
    clock += 5 * 60_000 + 1
    expect(await exchange(old)).toMatchObject({ errcode: 40029 })
  })
})
