import { randomBytes, randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { remindVisits } from '../../server/modules/hospital/visit-reminders'
import { caseMessages, notifyCaseChange } from '../../server/modules/messages/messages-service'
import { DEV_TEMPLATES } from '../../server/modules/messages/subscribe-templates'
import { deliverSubscriptionMessages } from '../../server/modules/messages/subscriptions-service'
import { createSubscribeClient } from '../../server/modules/messages/wechat-subscribe-client'
import { type CitizenPlatform, listedServiceOf, startCitizenPlatform } from './citizen-platform'
import { freshPerson } from './fresh-person'
import { NOTIFY, paidTransaction, signedNotification } from './wechatpay-notifications'
import { testBox, testConfig } from './test-app'

let p: CitizenPlatform
let trafficService: string
let hospitalService: string

beforeAll(async () => {
  p = await startCitizenPlatform()
  trafficService = await listedServiceOf(p, 'traffic@1')
  hospitalService = await listedServiceOf(p, 'hospital@1')
}, 60_000)
afterAll(() => p?.stop())

const quiet = { warn: () => {}, error: () => {}, info: () => {} } as never
const wechatBase = () => `${p.mocks!.url}/wechat`
const deps = () => ({ db: p.db, box: testBox, config: testConfig })
const client = () => createSubscribeClient(() => ({ appId: testConfig.wechat.appId, appSecret: testConfig.wechat.appSecret, base: wechatBase(), timeoutMs: 2000 }))

/** A citizen of a named simulated WeChat user (the user answers WeChat's subscription dialog in these tests). */
async function citizenOf(user = `msg-${randomBytes(6).toString('hex')}`) {
  const code = async () => (await p.app.inject({ method: 'POST', url: '/v1/sessions/simulated-code', payload: { user } })).json().code as string
  const { token } = (await p.app.inject({ method: 'POST', url: '/v1/sessions', payload: { code: await code() } })).json()
  const call = (method: 'GET' | 'POST', url: string, body?: unknown) =>
    p.app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(body === undefined ? {} : { payload: body as object }) })
  const [row] = await p.db.query<{ id: string }>('SELECT citizen_id AS id FROM citizen_sessions ORDER BY created_at DESC LIMIT 1')
  return { user, code, call, id: row!.id }
}

let plates = 0
const verified = new Set<string>()
const freshPlate = () => `川A${String(20000 + ++plates * 6151).slice(-5)}`

/** Opens the payment of a payable fine of a fresh car of the citizen's. */
async function openFine(c: Awaited<ReturnType<typeof citizenOf>>) {
  if (!verified.has(c.id)) expect((await c.call('POST', '/v1/me/identity', freshPerson())).statusCode).toBe(200)
  verified.add(c.id)
  const bound = await c.call('POST', '/v1/me/vehicles', { plateType: '02', plate: freshPlate(), engineTail: '73215B' })
  const vehicleId = bound.json().vehicle.id as string
  const url = `/v1/services/${trafficService}/vehicles/${vehicleId}/violations`
  const fine = (await c.call('GET', url)).json().violations.find((v: { payableOnline: boolean }) => v.payableOnline)
  const { payment } = (await c.call('POST', `${url}/${fine.id}/payments`, {})).json()
  return payment as { orderId: string; amountFen: number }
}

/** WeChat Pay's signed notification that an order was paid (a fresh signature each time: a redelivery). */
async function notify(order: { orderId: string; amountFen: number }) {
  const keys = p.simulatedWechatPay!.keys
  const n = signedNotification(keys, paidTransaction(keys, order.orderId, order.amountFen))
  return p.app.inject({ method: 'POST', url: NOTIFY, headers: { 'content-type': 'application/json', ...n.headers }, payload: n.body })
}

/** What WeChat's dialog on the phone answered (the simulated WeChat keeps the quota). */
const dialog = async (user: string, choices: Record<string, string>) =>
  (await fetch(`${wechatBase()}/dev/subscribe`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user, choices }) })).json()
const deliveredTo = async (user: string) => ((await (await fetch(`${wechatBase()}/dev/messages?user=${user}`)).json()) as { messages: unknown[] }).messages

/** Waits until no subscription message is pending or being sent (the platform's own delivery job may be the one sending). */
async function settled() {
  for (let i = 0; i < 100; i++) {
    await deliverSubscriptionMessages(deps(), client(), quiet)
    const [row] = await p.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM citizen_messages WHERE wechat IN ('pending', 'sending')`)
    if (row!.n === 0) return
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('subscription messages still pending')
}

describe('消息: one message per change of a case', () => {
  it('paying a fine gives one 缴费成功 message; a resent notify and a repeated call add none; the badge counts it until read', async () => {
    const c = await citizenOf()
    const order = await openFine(c)
    expect((await c.call('GET', '/v1/me/messages/unread-count')).json()).toEqual({ unread: 0 })
    expect((await notify(order)).statusCode).toBe(204)
    expect((await notify(order)).statusCode).toBe(204)
    expect(await notifyCaseChange(deps(), { ref: order.orderId, state: 'paid' })).toBe(0)

    const { messages, unread } = (await c.call('GET', '/v1/me/messages')).json()
    expect(unread).toBe(1)
    expect(messages).toEqual([
      expect.objectContaining({ state: 'paid', title: '缴费成功', serviceId: trafficService, read: false, body: expect.stringContaining('交通违法罚款') }),
    ])
    const [record] = (await c.call('GET', '/v1/me/records')).json().records
    expect(messages[0].recordId).toBe(record.id)
    expect((await c.call('GET', '/v1/me/messages/unread-count')).json()).toEqual({ unread: 1 })

    // Another citizen cannot mark it read.
    const other = await citizenOf()
    expect((await other.call('POST', '/v1/me/messages/read', { ids: [messages[0].id] })).json()).toEqual({ unread: 0 })
    expect((await c.call('GET', '/v1/me/messages/unread-count')).json()).toEqual({ unread: 1 })
    expect((await c.call('POST', '/v1/me/messages/read', { ids: [messages[0].id] })).json()).toEqual({ unread: 0 })
    expect((await c.call('GET', '/v1/me/messages')).json().messages[0].read).toBe(true)
  })

  it('the reminder the day before a visit is sent once, from 09:00, for confirmed visits only', async () => {
    const c = await citizenOf()
    const now = new Date('2026-12-07T10:00:00+08:00')
    const book = async (date: string, recordStatus: string) => {
      const id = randomUUID()
      await p.db.query(
        `INSERT INTO appointments (id, citizen_id, service_id, idem_key, appointment_no, details) VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, c.id, hospitalService, `k-${id}`, `no-${id}`, JSON.stringify({ date, start: '09:00', end: '09:30' })],
      )
      await p.db.query(`INSERT INTO citizen_records (citizen_id, service_id, what, status, amount_fen, ref) VALUES ($1, $2, $3, $4, 0, $5)`, [
        c.id, hospitalService, `预约挂号：测试医院 ${date}`, recordStatus, id,
      ])
    }
    await book('2026-12-08', 'done')
    await book('2026-12-09', 'done')
    await book('2026-12-08', 'pending')

    expect(await remindVisits(deps(), new Date('2026-12-07T08:59:00+08:00'))).toBe(0)
    expect(await remindVisits(deps(), now)).toBe(1)
    expect(await remindVisits(deps(), now)).toBe(0)
    expect(await remindVisits(deps(), new Date('2026-12-07T22:00:00+08:00'))).toBe(0)
    const { messages } = (await c.call('GET', '/v1/me/messages')).json()
    expect(messages).toEqual([expect.objectContaining({ state: 'reminder', title: '就诊提醒', body: expect.stringContaining('2026-12-08') })])
  })

  it('the ratings module’s call when an agency answers (by record id) gives one 评价已回复 message', async () => {
    const c = await citizenOf()
    const [record] = await p.db.query<{ id: string }>(
      `INSERT INTO citizen_records (citizen_id, service_id, what, status, ref) VALUES ($1, $2, '预约挂号：已评价', 'done', $3) RETURNING id`,
      [c.id, hospitalService, randomUUID()],
    )
    expect(await notifyCaseChange(deps(), { recordId: record!.id, state: 'rating-answered' })).toBe(1)
    expect(await notifyCaseChange(deps(), { recordId: record!.id, state: 'rating-answered' })).toBe(0)
    expect((await c.call('GET', '/v1/me/messages')).json().messages).toEqual([expect.objectContaining({ state: 'rating-answered', title: '评价已回复', recordId: record!.id })])
  })

  it('check 17 counts the cases changed in 90 days and those with a message', async () => {
    const c = await citizenOf()
    const before = await caseMessages(p.db, hospitalService)
    await p.db.query(`INSERT INTO citizen_records (citizen_id, service_id, what, status, ref) VALUES ($1, $2, '预约挂号：无消息', 'done', $3)`, [c.id, hospitalService, randomUUID()])
    await p.db.query(`INSERT INTO citizen_records (citizen_id, service_id, what, status, ref) VALUES ($1, $2, '预约挂号：待支付', 'pending', $3)`, [c.id, hospitalService, randomUUID()])
    const after = await caseMessages(p.db, hospitalService)
    expect(after).toEqual({ changed: before.changed + 1, notified: before.notified })
  })
})

describe('WeChat subscription messages', () => {
  it('an accepted template sends one message per change, however often delivery runs', async () => {
    const c = await citizenOf()
    const templateId = DEV_TEMPLATES.payment
    expect((await c.call('GET', '/v1/me/subscriptions')).json().templates).toHaveLength(5)
    await dialog(c.user, { [templateId]: 'accept' })
    const recorded = await c.call('POST', '/v1/me/subscriptions', { code: await c.code(), choices: [{ templateId, choice: 'accept' }] })
    expect(recorded.statusCode).toBe(200)
    expect(recorded.json().templates.find((t: { kind: string }) => t.kind === 'payment')).toMatchObject({ choice: 'accept', quota: 1 })
    // The openid is kept sealed, never in clear.
    const [sealed] = await p.db.query<{ openid_sealed: string }>('SELECT openid_sealed FROM wechat_recipients WHERE citizen_id = $1', [c.id])
    expect(sealed!.openid_sealed).toMatch(/^v1\./)

    const order = await openFine(c)
    await notify(order)
    await settled()
    await notify(order)
    await settled()
    const delivered = await deliveredTo(c.user)
    expect(delivered).toEqual([
      expect.objectContaining({ template_id: templateId, page: 'packages/account/pages/messages/index', data: expect.objectContaining({ phrase2: { value: '已支付' } }) }),
    ])
  })

  it('WeChat’s 43101 stops sending for that template until the citizen accepts again', async () => {
    const c = await citizenOf()
    const templateId = DEV_TEMPLATES.payment
    // The app reported accept, but WeChat holds no quota (the citizen turned messages off in WeChat's settings).
    await c.call('POST', '/v1/me/subscriptions', { code: await c.code(), choices: [{ templateId, choice: 'accept' }] })
    await c.call('POST', '/v1/me/subscriptions', { code: await c.code(), choices: [{ templateId, choice: 'accept' }] })
    const order = await openFine(c)
    await notify(order)
    await settled()
    const [first] = await p.db.query<{ wechat: string }>(`SELECT m.wechat FROM citizen_messages m JOIN citizen_records r ON r.id = m.record_id WHERE r.ref = $1`, [order.orderId])
    expect(first!.wechat).toBe('refused')
    expect((await c.call('GET', '/v1/me/subscriptions')).json().templates.find((t: { kind: string }) => t.kind === 'payment')).toMatchObject({ choice: 'reject', quota: 0 })

    // The next change of the same kind is not sent to WeChat at all, though a quota of 2 had been reported.
    await dialog(c.user, { [templateId]: 'accept' })
    const second = await openFine(c)
    await notify(second)
    await settled()
    const [next] = await p.db.query<{ wechat: string }>(`SELECT m.wechat FROM citizen_messages m JOIN citizen_records r ON r.id = m.record_id WHERE r.ref = $1`, [second.orderId])
    expect(next!.wechat).toBe('skipped')
    expect(await deliveredTo(c.user)).toEqual([])

    // Accepting again (a tap in 消息) sends again.
    await c.call('POST', '/v1/me/subscriptions', { code: await c.code(), choices: [{ templateId, choice: 'accept' }] })
    const third = await openFine(c)
    await notify(third)
    await settled()
    expect(await deliveredTo(c.user)).toHaveLength(1)
  })

  it('refuses a template that is not the platform’s and a login code of another WeChat user', async () => {
    const c = await citizenOf()
    const other = await citizenOf()
    const unknown = await c.call('POST', '/v1/me/subscriptions', { code: await c.code(), choices: [{ templateId: 'made-up', choice: 'accept' }] })
    expect(unknown.statusCode).toBe(422)
    const stolen = await c.call('POST', '/v1/me/subscriptions', { code: await other.code(), choices: [{ templateId: DEV_TEMPLATES.visit, choice: 'accept' }] })
    expect(stolen.statusCode).toBe(403)
    expect(stolen.json().error.code).toBe('WECHAT_USER_MISMATCH')
  })
})
