import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Db } from '../../server/db/db'
import { createToken } from '../../server/modules/auth/service'
import { newSessionToken } from '../../server/modules/citizens/citizen-session'
import { addRecord } from '../../server/modules/citizens/records-service'
import { feedbackCheck } from '../../server/modules/ratings/service'
import { ticketDeadlines } from '../../server/modules/ratings/ticket-deadlines'
import { consoleCookie } from './console-cookie'
import { testApp } from './test-app'

let app: FastifyInstance & { db: Db }
let service: { id: string; agencyId: string }
let otherAgency: string
let tokens: { agency: string; otherAgency: string; operator: string; analyst: string }

beforeEach(async () => {
  app = await testApp()
  const [row] = await app.db.query<{ id: string; agency_id: string }>(`SELECT id, agency_id FROM services WHERE contract = 'traffic@1' AND status = 'listed' ORDER BY id LIMIT 1`)
  service = { id: row!.id, agencyId: row!.agency_id }
  const [other] = await app.db.query<{ id: string }>('SELECT id FROM agencies WHERE id <> $1 ORDER BY id LIMIT 1', [service.agencyId])
  otherAgency = other!.id
  tokens = {
    agency: (await createToken(app.db, { role: 'agency', agencyId: service.agencyId })).token,
    otherAgency: (await createToken(app.db, { role: 'agency', agencyId: otherAgency })).token,
    operator: (await createToken(app.db, { role: 'operator' })).token,
    analyst: (await createToken(app.db, { role: 'analyst' })).token,
  }
})
afterEach(() => app.close())

/** A citizen with a session (as a WeChat login leaves one) and a way to call as them. */
async function citizen() {
  const [c] = await app.db.query<{ id: string }>('INSERT INTO citizens (wechat_key) VALUES ($1) RETURNING id', [randomBytes(8).toString('hex')])
  const { token, hash } = newSessionToken()
  await app.db.query(`INSERT INTO citizen_sessions (token_hash, citizen_id, expires_at) VALUES ($1, $2, now() + interval '1 day')`, [hash, c!.id])
  return {
    id: c!.id,
    call: (method: 'GET' | 'POST', url: string, body?: object) =>
      app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(body ? { payload: body } : {}) }),
  }
}

/** A 办事记录 item of the citizen, in a status; answers its id. */
async function record(citizenId: string, status: 'pending' | 'paid' | 'done' | 'failed' | 'cancelled', serviceId = service.id) {
  const ref = `order-${randomBytes(6).toString('hex')}`
  await addRecord(app.db, { citizenId, serviceId, what: '缴纳交通违法罚款', status, amountFen: 20000, ref })
  const [r] = await app.db.query<{ id: string }>('SELECT id FROM citizen_records WHERE ref = $1', [ref])
  return r!.id
}

const as = (token: string, method: 'GET' | 'POST', url: string, body?: object) =>
  app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(body ? { payload: body } : {}) })

describe('rating a case', () => {
  it('only once, only after 办结, only one’s own record', async () => {
    const me = await citizen()
    const pending = await record(me.id, 'pending')
    const early = await me.call('POST', `/v1/me/records/${pending}/rating`, { level: 5 })
    expect(early.statusCode).toBe(409)
    expect(early.json().error.code).toBe('CASE_NOT_CONCLUDED')
    const failed = await record(me.id, 'failed')
    expect((await me.call('POST', `/v1/me/records/${failed}/rating`, { level: 5 })).statusCode).toBe(409)

    const paid = await record(me.id, 'paid')
    const first = await me.call('POST', `/v1/me/records/${paid}/rating`, { level: 5, tags: ['办事快捷'] })
    expect(first.statusCode).toBe(201)
    expect(first.json().rating).toMatchObject({ recordId: paid, level: 5, tags: ['办事快捷'], ticket: null })
    const again = await me.call('POST', `/v1/me/records/${paid}/rating`, { level: 1 })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('ALREADY_RATED')
    // Two at once still make one rating.
    const done = await record(me.id, 'done')
    const racing = await Promise.all([1, 2, 3].map(() => me.call('POST', `/v1/me/records/${done}/rating`, { level: 4 })))
    expect(racing.map((r) => r.statusCode).sort()).toEqual([201, 409, 409])

    const cancelled = await record(me.id, 'cancelled')
    expect((await me.call('POST', `/v1/me/records/${cancelled}/rating`, { level: 3 })).statusCode).toBe(201)

    const someoneElse = await citizen()
    const theirs = await someoneElse.call('POST', `/v1/me/records/${(await record(me.id, 'done'))}/rating`, { level: 1 })
    expect(theirs.statusCode).toBe(404)
    expect((await me.call('GET', '/v1/me/ratings')).json().ratings).toHaveLength(3)
  })

  it('stores the comment with ID and phone numbers masked, refuses tags of another level and comments over 200 characters', async () => {
    const me = await citizen()
    const id = await record(me.id, 'paid')
    const comment = '罚款缴了三天还没销，身份证510603199003071238，电话 138 1234 5678 请回电'
    const res = await me.call('POST', `/v1/me/records/${id}/rating`, { level: 2, tags: ['办理太慢'], comment })
    expect(res.statusCode).toBe(201)
    const [stored] = await app.db.query<{ comment: string }>('SELECT comment FROM ratings')
    expect(stored!.comment).toBe('罚款缴了三天还没销，身份证5106**********1238，电话 138****5678 请回电')
    expect(JSON.stringify(await app.db.query('SELECT * FROM ratings'))).not.toContain('510603199003071238')
    expect(res.json().rating.comment).toBe(stored!.comment)

    const other = await record(me.id, 'paid')
    const wrongTag = await me.call('POST', `/v1/me/records/${other}/rating`, { level: 5, tags: ['态度差'] })
    expect(wrongTag.statusCode).toBe(422)
    const long = await me.call('POST', `/v1/me/records/${other}/rating`, { level: 5, comment: '好'.repeat(201) })
    expect(long.statusCode).toBe(422)
    expect(long.json().error.message).toContain('最多 200 个字')
    expect((await me.call('POST', `/v1/me/records/${other}/rating`, { level: 6 })).statusCode).toBe(400)
  })
})

describe('rectification tickets', () => {
  it('a 差评 on the last workday before 国庆 2026 is due after the holiday (working days, Asia/Shanghai)', () => {
    const config = { callbackWorkdays: 1, fixWorkdays: 15 }
    // Wednesday 30 September 2026, 23:30 in China (15:30 UTC): still the 30th there; 1–7 October are the holiday.
    const { callbackDue, fixDue } = ticketDeadlines(new Date('2026-09-30T15:30:00Z'), config)
    expect(callbackDue.toISOString()).toBe(new Date('2026-10-08T23:59:59.999+08:00').toISOString())
    // 8, 9, 10 (Saturday, a make-up workday), 12–16, 19–23, 26, 27 October.
    expect(fixDue.toISOString()).toBe(new Date('2026-10-27T23:59:59.999+08:00').toISOString())
    // Rated on a holiday: the first working day after it.
    expect(ticketDeadlines(new Date('2026-10-03T02:00:00Z'), config).callbackDue.toISOString()).toBe(new Date('2026-10-08T23:59:59.999+08:00').toISOString())
    // Configurable.
    expect(ticketDeadlines(new Date('2026-09-30T02:00:00Z'), { callbackWorkdays: 2, fixWorkdays: 5 }).fixDue.toISOString()).toBe(
      new Date('2026-10-13T23:59:59.999+08:00').toISOString(),
    )
  })

  it('opens a ticket for a poor rating with those deadlines; overdue ones are listed for operators', async () => {
    const me = await citizen()
    const late = await record(me.id, 'paid')
    await app.ratings.rate(me.id, late, { level: 1, tags: ['态度差'] }, new Date('2026-09-30T10:00:00+08:00'))
    const fresh = await record(me.id, 'done')
    expect((await me.call('POST', `/v1/me/records/${fresh}/rating`, { level: 2 })).statusCode).toBe(201)
    const good = await record(me.id, 'done')
    expect((await me.call('POST', `/v1/me/records/${good}/rating`, { level: 4 })).statusCode).toBe(201)

    const all = (await as(tokens.agency, 'GET', '/v1/agency/tickets')).json().tickets
    expect(all).toHaveLength(2)
    const old = all.find((t: { ratedAt: string }) => t.ratedAt.startsWith('2026-09-30'))
    expect(old).toMatchObject({ callbackDue: '2026-10-08T15:59:59.999Z', fixDue: '2026-10-27T15:59:59.999Z', state: 'overdue', level: 1, what: '缴纳交通违法罚款' })
    // The agency sees the case, never who rated it or which record.
    expect(Object.keys(old).sort()).not.toContain('recordId')
    expect(JSON.stringify(all)).not.toContain(me.id)
    expect(JSON.stringify(all)).not.toContain(late)

    const overdue = await as(tokens.operator, 'GET', '/v1/admin/tickets?state=overdue')
    expect(overdue.statusCode).toBe(200)
    expect(overdue.json().tickets.map((t: { id: string }) => t.id)).toEqual([old.id])
    // Answering both takes it off the list.
    expect((await as(tokens.agency, 'POST', `/v1/agency/tickets/${old.id}/callback`, { text: '已电话回访，致歉' })).statusCode).toBe(200)
    expect((await as(tokens.agency, 'POST', `/v1/agency/tickets/${old.id}/fix`, { text: '已优化销分流程' })).json().ticket.state).toBe('answered')
    expect((await as(tokens.operator, 'GET', '/v1/admin/tickets?state=overdue')).json().tickets).toEqual([])
    // Another agency neither lists nor reaches it.
    expect((await as(tokens.otherAgency, 'GET', '/v1/agency/tickets')).json().tickets).toEqual([])
    expect((await as(tokens.otherAgency, 'GET', `/v1/agency/tickets/${old.id}`)).statusCode).toBe(404)
    expect((await as(tokens.otherAgency, 'POST', `/v1/agency/tickets/${old.id}/callback`, { text: 'x' })).statusCode).toBe(404)
  })

  it('the citizen sees the answer and adds one 追评; the messages hook hears each answer', async () => {
    const heard: string[] = []
    app.ratings.onTicketAnswered((e) => void heard.push(`${e.which}:${e.recordId}`))
    // A listener that fails (the inbox is down) does not fail or undo the answer.
    app.ratings.onTicketAnswered(() => {
      throw new Error('inbox down')
    })
    const me = await citizen()
    const id = await record(me.id, 'paid')
    await me.call('POST', `/v1/me/records/${id}/rating`, { level: 1, comment: '太慢' })
    expect((await me.call('POST', `/v1/me/records/${id}/rating/follow-up`, { level: 3 })).json().error.code).toBe('NOT_ANSWERED')
    const [ticket] = (await as(tokens.agency, 'GET', '/v1/agency/tickets')).json().tickets
    expect((await as(tokens.agency, 'POST', `/v1/agency/tickets/${ticket.id}/callback`, { text: '已回电，罚款已销' })).statusCode).toBe(200)
    expect((await as(tokens.agency, 'POST', `/v1/agency/tickets/${ticket.id}/callback`, { text: '再说一次' })).statusCode).toBe(409)
    expect(heard).toEqual([`callback:${id}`])

    const seen = (await me.call('GET', `/v1/me/records/${id}/rating`)).json().rating
    expect(seen.ticket.callback.text).toBe('已回电，罚款已销')
    const followed = await me.call('POST', `/v1/me/records/${id}/rating/follow-up`, { level: 4, comment: '处理及时' })
    expect(followed.statusCode).toBe(201)
    expect(followed.json().rating.followUp).toMatchObject({ level: 4, comment: '处理及时' })
    expect((await me.call('POST', `/v1/me/records/${id}/rating/follow-up`, { level: 5 })).json().error.code).toBe('ALREADY_FOLLOWED_UP')
    expect((await as(tokens.agency, 'GET', `/v1/agency/tickets/${ticket.id}`)).json().ticket.followUp.level).toBe(4)
  })

  it('an appeal is upheld or voided by an operator, with the reason in the audit log', async () => {
    const me = await citizen()
    for (let i = 0; i < 2; i++) await me.call('POST', `/v1/me/records/${await record(me.id, 'paid')}/rating`, { level: 1 })
    const [a, b] = (await as(tokens.agency, 'GET', '/v1/agency/tickets')).json().tickets
    const appealA = (await as(tokens.agency, 'POST', `/v1/agency/tickets/${a.id}/appeal`, { reason: '罚款由交警现场处理，非线上办理' })).json().ticket.appeal
    const appealB = (await as(tokens.agency, 'POST', `/v1/agency/tickets/${b.id}/appeal`, { reason: '评价内容与本事项无关' })).json().ticket.appeal
    expect((await as(tokens.agency, 'POST', `/v1/agency/tickets/${a.id}/appeal`, { reason: '再申诉' })).statusCode).toBe(409)
    expect((await as(tokens.operator, 'GET', '/v1/admin/appeals?pending=true')).json().tickets).toHaveLength(2)

    expect((await as(tokens.operator, 'POST', `/v1/admin/appeals/${appealA.id}/decision`, { decision: 'upheld', reason: '线上缴款确有延迟，评价成立' })).statusCode).toBe(204)
    expect((await as(tokens.operator, 'POST', `/v1/admin/appeals/${appealB.id}/decision`, { decision: 'voided', reason: '评价与事项无关' })).statusCode).toBe(204)
    expect((await as(tokens.operator, 'POST', `/v1/admin/appeals/${appealB.id}/decision`, { decision: 'upheld', reason: '改判' })).statusCode).toBe(409)
    expect((await as(tokens.operator, 'POST', '/v1/admin/appeals/99999/decision', { decision: 'upheld', reason: '无' })).statusCode).toBe(404)

    const audit = await app.db.query<{ actor: string; action: string; detail: { reason: string } }>(`SELECT actor, action, detail FROM audit_log WHERE action LIKE 'rating.%' ORDER BY id`)
    expect(audit.map((e) => e.action)).toEqual(['rating.appeal', 'rating.appeal', 'rating.appeal.upheld', 'rating.appeal.voided'])
    expect(audit[0]!.actor).toBe(`agency:${service.agencyId}`)
    expect(audit[2]).toMatchObject({ actor: expect.stringMatching(/^operator:/), detail: { reason: '线上缴款确有延迟，评价成立' } })
    expect(audit[3]!.detail.reason).toBe('评价与事项无关')

    const after = (await as(tokens.agency, 'GET', '/v1/agency/tickets')).json().tickets
    expect(after.find((t: { id: string }) => t.id === a.id)).toMatchObject({ state: 'open', appeal: { decision: 'upheld' } })
    expect(after.find((t: { id: string }) => t.id === b.id)).toMatchObject({ state: 'voided', appeal: { decision: 'voided' } })
    expect((await as(tokens.agency, 'POST', `/v1/agency/tickets/${b.id}/fix`, { text: '无需整改' })).statusCode).toBe(409)
    const mine = (await me.call('GET', '/v1/me/ratings')).json().ratings
    expect(mine.filter((r: { voided: boolean }) => r.voided)).toHaveLength(1)
  })
})

describe('check 20 (feedback) from data', () => {
  it('passes with no poor ratings, fails when fewer than 95% were answered on time, counts open tickets only once late', async () => {
    const now = new Date('2026-11-20T12:00:00+08:00')
    expect((await feedbackCheck(app.db, service.id, now)).outcome).toBe('pass')
    const me = await citizen()
    const answered = await record(me.id, 'paid')
    await app.ratings.rate(me.id, answered, { level: 2 }, new Date('2026-11-02T10:00:00+08:00'))
    const [t] = await app.db.query<{ id: string }>('SELECT id::text FROM rating_tickets')
    await app.ratings.answer(service.agencyId, t!.id, 'callback', '已回访', new Date('2026-11-03T09:00:00+08:00'))
    await app.ratings.answer(service.agencyId, t!.id, 'fix', '已整改', new Date('2026-11-10T09:00:00+08:00'))
    // Rated yesterday: within its deadlines, not judged yet.
    await app.ratings.rate(me.id, await record(me.id, 'paid'), { level: 1 }, new Date('2026-11-19T10:00:00+08:00'))
    const pass = await feedbackCheck(app.db, service.id, now)
    expect(pass).toMatchObject({ id: 'feedback', outcome: 'pass' })
    expect(pass.evidence.join(' ')).toContain('1 of 1')
    // Rated a month ago and never called back.
    await app.ratings.rate(me.id, await record(me.id, 'paid'), { level: 1 }, new Date('2026-10-20T10:00:00+08:00'))
    const fail = await feedbackCheck(app.db, service.id, now)
    expect(fail.outcome).toBe('fail')
    expect(fail.evidence[0]).toContain('1 of 2')
    // More than 90 days back: out of the window.
    expect((await feedbackCheck(app.db, service.id, new Date('2027-02-20T12:00:00+08:00'))).outcome).toBe('pass')
  })
})

describe('satisfaction for analysts', () => {
  it('per service, agency, domain and city, withholding counts below k and what subtraction would give back', async () => {
    const [two, three] = await app.db.query<{ id: string }>(`SELECT id FROM services WHERE status = 'listed' AND id <> $1 ORDER BY id LIMIT 2`, [service.id])
    const me = await citizen()
    const rate = async (serviceId: string, n: number, level: number) => {
      for (let i = 0; i < n; i++) await app.ratings.rate(me.id, await record(me.id, 'done', serviceId), { level }, new Date())
    }
    await rate(service.id, 10, 5)
    await rate(service.id, 2, 1)
    await rate(two!.id, 11, 4)
    await rate(three!.id, 3, 2)
    const res = await as(tokens.analyst, 'GET', '/v1/stats/satisfaction?by=service')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    const row = (id: string) => body.rows.find((r: { key: string }) => r.key === id)
    expect(row(service.id)).toMatchObject({ ratings: 12, satisfiedShare: 10 / 12, mean: 4.33, suppressed: false })
    expect(row(three!.id)).toMatchObject({ ratings: null, satisfiedShare: null, mean: null, suppressed: true })
    // 26 − 12 would give 14 = 11 + 3: the next smallest is withheld too.
    expect(row(two!.id)).toMatchObject({ ratings: null, suppressed: true })
    expect(body).toMatchObject({ k: 10, total: 26 })

    const csv = await app.inject({ method: 'GET', url: '/v1/stats/satisfaction?by=agency&format=csv', headers: { authorization: `Bearer ${tokens.analyst}` } })
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.body.split('\n')[0]).toContain('满意率')
    for (const by of ['agency', 'domain', 'city']) expect((await as(tokens.analyst, 'GET', `/v1/stats/satisfaction?by=${by}`)).statusCode).toBe(200)
    expect((await as(tokens.agency, 'GET', '/v1/stats/satisfaction')).statusCode).toBe(403)
  })
})

describe('the console', () => {
  const page = async (token: string, url: string) => app.inject({ method: 'GET', url, headers: { cookie: await consoleCookie(app, token) } })
  const post = async (token: string, url: string, form: Record<string, string>) =>
    app.inject({
      method: 'POST',
      url,
      headers: { cookie: await consoleCookie(app, token), 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      payload: new URLSearchParams(form).toString(),
    })

  it('the agency answers and appeals; the operator sees the overdue ticket and decides the appeal; the analyst reads satisfaction', async () => {
    const me = await citizen()
    await app.ratings.rate(me.id, await record(me.id, 'paid'), { level: 1, comment: '电话13812345678' }, new Date('2026-09-30T10:00:00+08:00'))
    const [ticket] = (await as(tokens.agency, 'GET', '/v1/agency/tickets')).json().tickets

    const list = await page(tokens.agency, '/console/agency/tickets')
    expect(list.statusCode).toBe(200)
    expect(list.body).toContain(`#${ticket.id}`)
    const answered = await post(tokens.agency, `/console/agency/tickets/${ticket.id}/callback`, { text: '已回访' })
    expect(answered.statusCode).toBe(303)
    const detail = await page(tokens.agency, `/console/agency/tickets/${ticket.id}?done=callback`)
    expect(detail.body).toContain('回访结果已提交')
    expect(detail.body).toContain('138****5678')
    expect(detail.body).not.toContain(me.id)
    expect((await page(tokens.otherAgency, `/console/agency/tickets/${ticket.id}`)).statusCode).toBe(404)
    expect((await post(tokens.agency, `/console/agency/tickets/${ticket.id}/appeal`, { reason: '与事实不符' })).statusCode).toBe(303)

    const admin = await page(tokens.operator, '/console/admin/tickets')
    expect(admin.statusCode).toBe(200)
    expect(admin.body).toContain('超期未答复的工单')
    expect(admin.body).toContain('与事实不符')
    const appealId = (await as(tokens.operator, 'GET', '/v1/admin/appeals?pending=true')).json().tickets[0].appeal.id
    expect((await post(tokens.operator, `/console/admin/appeals/${appealId}`, { decision: 'upheld', reason: '评价属实' })).statusCode).toBe(303)
    expect((await page(tokens.operator, '/console/admin/audit')).body).toContain('申诉裁定：维持评价')

    const analyst = await page(tokens.analyst, '/console/analyst/satisfaction')
    expect(analyst.statusCode).toBe(200)
    expect(analyst.body).toContain('好差评满意度')
    const csv = await page(tokens.analyst, '/console/analyst/satisfaction/city.csv')
    expect(csv.headers['content-type']).toContain('text/csv')
  })
})
