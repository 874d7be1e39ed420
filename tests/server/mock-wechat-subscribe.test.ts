import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type MockAgencies, startMockAgencies } from '../../mock/serve'

const APP = { appId: 'wxd0e1c2b3a4f5e6d7', appSecret: 'dev-app-secret' }
const TEMPLATE = { id: 'tpl-paid', keywords: ['thing1', 'phrase2', 'time3'] }
let mocks: MockAgencies

beforeAll(async () => {
  mocks = await startMockAgencies({ tenants: [], wechat: { ...APP, templates: [TEMPLATE] } })
})
afterAll(() => mocks.stop())

const post = async (path: string, body: unknown) =>
  (await fetch(`${mocks.url}/wechat${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()
const openidOf = async (user: string) => {
  const { code } = await post('/dev/login', { user })
  const q = new URLSearchParams({ appid: APP.appId, secret: APP.appSecret, js_code: code, grant_type: 'authorization_code' })
  return ((await (await fetch(`${mocks.url}/wechat/sns/jscode2session?${q}`)).json()) as { openid: string }).openid
}
const DATA = { thing1: { value: '缴纳交通违法罚款' }, phrase2: { value: '已支付' }, time3: { value: '2026-12-07 10:05' } }

describe('simulated WeChat subscription messages (WeChat’s requests and error codes)', () => {
  it('tokens from /cgi-bin/token and /cgi-bin/stable_token; wrong credentials get 40013 / 40125', async () => {
    const q = (appid: string, secret: string) => new URLSearchParams({ grant_type: 'client_credential', appid, secret })
    expect(await (await fetch(`${mocks.url}/wechat/cgi-bin/token?${q(APP.appId, APP.appSecret)}`)).json()).toMatchObject({ access_token: expect.any(String), expires_in: 7200 })
    expect(await (await fetch(`${mocks.url}/wechat/cgi-bin/token?${q('wxother', APP.appSecret)}`)).json()).toMatchObject({ errcode: 40013 })
    expect(await post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: APP.appId, secret: 'nope' })).toMatchObject({ errcode: 40125 })
  })

  it('one message per accept; then 43101; bad token 40001, unknown template 40037, bad data 47003', async () => {
    const { access_token: token } = await post('/cgi-bin/stable_token', { grant_type: 'client_credential', appid: APP.appId, secret: APP.appSecret })
    const touser = await openidOf('alice')
    const send = (body: unknown, t = token) => post(`/cgi-bin/message/subscribe/send?access_token=${t}`, body)
    const message = { touser, template_id: TEMPLATE.id, page: 'packages/account/pages/messages/index', data: DATA }
    expect(await send(message)).toMatchObject({ errcode: 43101 })
    expect(await post('/dev/subscribe', { user: 'alice', choices: { [TEMPLATE.id]: 'accept' } })).toMatchObject({ [TEMPLATE.id]: 'accept' })
    expect(await send(message, 'forged')).toMatchObject({ errcode: 40001 })
    expect(await send({ ...message, template_id: 'tpl-unknown' })).toMatchObject({ errcode: 40037 })
    expect(await send({ ...message, data: { ...DATA, phrase2: { value: '已经支付成功了' } } })).toMatchObject({ errcode: 47003 })
    expect(await send(message)).toMatchObject({ errcode: 0, errmsg: 'ok', msgid: expect.any(Number) })
    expect(await send(message)).toMatchObject({ errcode: 43101 })
    const delivered = await (await fetch(`${mocks.url}/wechat/dev/messages?user=alice`)).json()
    expect(delivered.messages).toHaveLength(1)
  })
})
