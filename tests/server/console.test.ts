import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatTime } from '../../server/console/format'
import type { Db } from '../../server/db/db'
import { createToken } from '../../server/modules/auth/service'
import { validManifest } from '../fixtures/manifests'
import { consoleCookie } from './console-cookie'
import { testApp } from './test-app'

let app: FastifyInstance & { db: Db }
const tokens: Record<'operator' | 'analyst' | 'agency' | 'otherAgency', string> = { operator: '', analyst: '', agency: '', otherAgency: '' }

// app.inject() sends Host: localhost:80, so a page of this server has this origin.
const ORIGIN = 'http://localhost'
const AGENCY = { id: 'dy-jj', name: '德阳市公安局交警支队', region: '510600', domains: ['traffic', 'vehicle'] }

beforeAll(async () => {
  app = await testApp()
  tokens.operator = (await createToken(app.db, { role: 'operator', label: '值班运营' })).token
  tokens.analyst = (await createToken(app.db, { role: 'analyst' })).token
  const created = await app.inject({ method: 'POST', url: '/v1/admin/agencies', headers: { authorization: `Bearer ${tokens.operator}` }, payload: AGENCY })
  expect(created.statusCode).toBe(201)
  tokens.agency = (await createToken(app.db, { role: 'agency', agencyId: AGENCY.id, label: '交警支队信息科' })).token
  // A second agency allowed the same region and domains, so only ownership tells them apart.
  const other = await app.inject({ method: 'POST', url: '/v1/admin/agencies', headers: { authorization: `Bearer ${tokens.operator}` }, payload: { ...AGENCY, id: 'dy-jj-2', name: '德阳市交警二大队' } })
  expect(other.statusCode).toBe(201)
  tokens.otherAgency = (await createToken(app.db, { role: 'agency', agencyId: 'dy-jj-2' })).token
})
afterAll(async () => {
  // Submissions queue reviews: let them finish before the app and its database close.
  await app.reviews.idle()
  await app.close()
})

const cookieOf = (token: string) => consoleCookie(app, token)
const page = async (url: string, token?: string) => app.inject({ method: 'GET', url, headers: token ? { cookie: await cookieOf(token) } : {} })
const form = (fields: Record<string, string | string[]>) => {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) params.append(name, v)
  return params.toString()
}
const post = async (url: string, fields: Record<string, string | string[]>, token?: string, headers: Record<string, string> = { origin: ORIGIN }) =>
  app.inject({
    method: 'POST',
    url,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(token ? { cookie: await cookieOf(token) } : {}), ...headers },
    payload: form(fields),
  })
const api = (method: 'GET' | 'POST' | 'DELETE', url: string, token: string, payload?: object) =>
  app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) })

// What a browser shows: HTML entities decoded (enough of them for these pages).
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
const textareaOf = (body: string, name: string) => {
  const match = new RegExp(`<textarea[^>]*name="${name}"[^>]*>\\n([\\s\\S]*?)</textarea>`).exec(body)
  return match ? decode(match[1]!) : undefined
}

describe('GET /v1/whoami', () => {
  it.each([
    ['operator', 'operator', null],
    ['analyst', 'analyst', null],
    ['agency', 'agency', 'dy-jj'],
  ] as const)('tells a %s token who it is', async (which, role, agencyId) => {
    const res = await api('GET', '/v1/whoami', tokens[which])
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ role, agencyId, tokenId: tokens[which].slice(3, 13) })
    expect(typeof body.label).toBe('string')
    if (role === 'agency') expect(body.agency).toEqual(AGENCY)
    else expect(body.agency).toBeNull()
  })

  it('carries the label given when the token was issued', async () => {
    expect((await api('GET', '/v1/whoami', tokens.operator)).json().label).toBe('值班运营')
  })

  it('is 401 without a token or with an unknown one', async () => {
    const none = await app.inject('/v1/whoami')
    expect(none.statusCode).toBe(401)
    expect(none.json().error.code).toBe('UNAUTHENTICATED')
    expect((await app.inject({ url: '/v1/whoami', headers: { authorization: `Bearer oc_aaaaaaaaaa_${'x'.repeat(43)}` } })).statusCode).toBe(401)
  })

  it('is in the OpenAPI document, and no console page is', async () => {
    const paths = Object.keys((await app.inject('/openapi.json')).json().paths)
    expect(paths).toContain('/v1/whoami')
    expect(paths.filter((p) => p.startsWith('/console'))).toEqual([])
  })
})

describe('signing in and out', () => {
  it('a valid token signs in: an HttpOnly, SameSite=Strict cookie for /console, then the role’s home', async () => {
    const res = await post('/console/login', { token: tokens.agency })
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/console/agency')
    const cookie = res.cookies.find((c) => c.name === 'oc_console')!
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/console' })
    // The cookie holds a session id, never the API token.
    expect(cookie.value).toMatch(/^ocs_[A-Za-z0-9_-]{43}$/)
    // Served over plain http here: a Secure cookie would never come back.
    expect(cookie.secure).toBeFalsy()
  })

  it.each([
    ['operator', '/console/admin'],
    ['analyst', '/console/analyst'],
  ] as const)('a %s lands on %s', async (which, home) => {
    const res = await post('/console/login', { token: ` ${tokens[which]}\n` })
    expect(res.headers.location).toBe(home)
    expect((await page('/console', tokens[which])).headers.location).toBe(home)
  })

  it('an invalid token re-shows the form with a Chinese message and no cookie', async () => {
    const res = await post('/console/login', { token: 'oc_nope' })
    expect(res.statusCode).toBe(401)
    expect(res.body).toContain('令牌无效或已被吊销')
    expect(res.body).toContain('<form method="post" action="/console/login">')
    expect(res.cookies).toEqual([])
  })

  it('the login page labels its input and is Chinese', async () => {
    const res = await page('/console/login')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('text/html')
    expect(res.body).toContain('<html lang="zh-CN">')
    expect(res.body).toMatch(/<label for="token">[^<]+<\/label>\s*<input[^>]*id="token"/)
  })

  it('logging out clears the cookie', async () => {
    // A session of its own: logging out ends it on the server.
    const t = await createToken(app.db, { role: 'agency', agencyId: AGENCY.id })
    const res = await post('/console/logout', {}, t.token)
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/console/login?out=1')
    const cookie = res.cookies.find((c) => c.name === 'oc_console')!
    expect(cookie.value).toBe('')
    expect(cookie.path).toBe('/console')
  })

  it('without a cookie every page sends to the login', async () => {
    for (const url of ['/console', '/console/agency', '/console/admin', '/console/admin/tokens', '/console/analyst']) {
      const res = await page(url)
      expect(res.statusCode, url).toBe(303)
      expect(res.headers.location, url).toBe('/console/login')
    }
  })

  it('a revoked token is signed out at the next page', async () => {
    const t = await createToken(app.db, { role: 'operator' })
    expect((await page('/console/admin', t.token)).statusCode).toBe(200)
    await app.inject({ method: 'DELETE', url: `/v1/admin/tokens/${t.id}`, headers: { authorization: `Bearer ${tokens.operator}` } })
    const res = await page('/console/admin', t.token)
    expect(res.headers.location).toBe('/console/login?expired=1')
    expect(res.cookies.find((c) => c.name === 'oc_console')!.value).toBe('')
  })
})

describe('roles', () => {
  it.each([
    ['agency', '/console/admin', '/console/agency'],
    ['agency', '/console/admin/audit', '/console/agency'],
    ['operator', '/console/agency', '/console/admin'],
    ['operator', '/console/analyst', '/console/admin'],
    ['analyst', '/console/admin/tokens', '/console/analyst'],
  ] as const)('a %s opening %s gets a Chinese 403 page with a link home', async (which, url, home) => {
    const res = await page(url, tokens[which])
    expect(res.statusCode).toBe(403)
    expect(res.body).toContain('无权访问')
    expect(res.body).toContain(`href="${home}"`)
  })

  it('each role sees its own navigation and a 退出 button', async () => {
    const operator = (await page('/console/admin', tokens.operator)).body
    for (const href of ['/console/admin/agencies', '/console/admin/tokens', '/console/admin/audit']) expect(operator).toContain(`href="${href}"`)
    expect(operator).toContain('退出')
    const agency = (await page('/console/agency', tokens.agency)).body
    expect(agency).toContain('机构：德阳市公安局交警支队')
    expect(agency).not.toContain('/console/admin/tokens')
    const analyst = await page('/console/analyst', tokens.analyst)
    expect(analyst.statusCode).toBe(200)
    expect(analyst.body).toContain('统计概览')
  })

  it('pages forbid scripts and framing and are not cached', async () => {
    const res = await page('/console/agency', tokens.agency)
    expect(res.headers['content-security-policy']).toContain("default-src 'none'")
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'")
    expect(res.headers['cache-control']).toBe('no-store')
    const css = await page('/console/console.css')
    expect(css.statusCode).toBe(200)
    expect(css.headers['content-type']).toContain('text/css')
  })

  it('a body the console cannot read (too large, wrong type) is an HTML page, not JSON', async () => {
    const big = await post('/console/agency/services/new', { manifest: 'x'.repeat(70 * 1024) }, tokens.agency)
    expect(big.statusCode).toBe(413)
    expect(big.headers['content-type']).toContain('text/html')
    expect(big.body).toContain('内容太大')
    const odd = await app.inject({ method: 'POST', url: '/console/login', headers: { origin: ORIGIN, 'content-type': 'application/xml' }, payload: '<token/>' })
    expect(odd.statusCode).toBe(415)
    expect(odd.headers['content-type']).toContain('text/html')
  })

  it('an unknown console page is a Chinese 404 page', async () => {
    const res = await page('/console/nowhere', tokens.agency)
    expect(res.statusCode).toBe(404)
    expect(res.body).toContain('找不到页面')
  })
})

describe('CSRF defence: form posts must come from this origin', () => {
  it.each([
    ['no Origin or Referer', {}],
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['a foreign Referer', { referer: 'https://evil.example/console/agency' }],
    ['Origin null', { origin: 'null' }],
  ])('%s → 403, nothing done', async (_what, headers) => {
    const before = (await api('GET', '/v1/admin/tokens', tokens.operator)).json().tokens.length
    const res = await post('/console/admin/tokens', { role: 'analyst', label: 'csrf' }, tokens.operator, headers)
    expect(res.statusCode).toBe(403)
    expect(res.body).toContain('请求被拒绝')
    expect((await api('GET', '/v1/admin/tokens', tokens.operator)).json().tokens.length).toBe(before)
    expect((await post('/console/login', { token: tokens.operator }, undefined, headers)).statusCode).toBe(403)
  })

  it('a same-origin Referer is enough when a browser sends no Origin', async () => {
    const res = await post('/console/login', { token: tokens.operator }, undefined, { referer: `${ORIGIN}/console/login` })
    expect(res.statusCode).toBe(303)
  })
})

describe('an agency’s pages', () => {
  it('“new” is prefilled with a valid traffic@1 template in the agency’s region, which submits as is', async () => {
    const res = await page('/console/agency/services/new', tokens.agency)
    expect(res.statusCode).toBe(200)
    expect(res.body).toMatch(/<label for="manifest">/)
    const text = textareaOf(res.body, 'manifest')!
    const template = JSON.parse(text)
    expect(template).toMatchObject({ contract: 'traffic@1', coverage: { level: 'city', code: '510600' }, domain: 'traffic' })
    const submitted = await post('/console/agency/services/new', { manifest: text }, tokens.agency)
    expect(submitted.statusCode).toBe(303)
    expect(submitted.headers.location).toBe(`/console/agency/services/${template.id}?submitted=1`)
  })

  it('submits a manifest through the form: it shows in the agency’s list and in the operator’s queue', async () => {
    const manifest = { ...validManifest('traffic@1'), id: 'dy-jj-fines', name: '德阳罚款缴纳' }
    const res = await post('/console/agency/services/new', { manifest: JSON.stringify(manifest, null, 2) }, tokens.agency)
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe('/console/agency/services/dy-jj-fines?submitted=1')

    const service = await page(res.headers.location as string, tokens.agency)
    expect(service.statusCode).toBe(200)
    expect(service.body).toContain('清单已提交')
    expect(service.body).toContain('审核结果')
    expect(service.body).toContain('机动车违法查询')

    const list = await page('/console/agency', tokens.agency)
    expect(list.body).toContain('href="/console/agency/services/dy-jj-fines"')
    expect(list.body).toContain('德阳罚款缴纳')
    expect(list.body).toContain('审核中')

    const submissionId = (await api('GET', '/v1/agency/services/dy-jj-fines', tokens.agency)).json().submission.id
    const queue = await page('/console/admin', tokens.operator)
    expect(queue.statusCode).toBe(200)
    expect(queue.body).toContain('德阳罚款缴纳')
    expect(queue.body).toContain(`href="/console/admin/submissions/${submissionId}"`)
  })

  it('“edit” is prefilled with the latest manifest', async () => {
    const res = await page('/console/agency/services/dy-jj-fines/edit', tokens.agency)
    expect(res.statusCode).toBe(200)
    expect(JSON.parse(textareaOf(res.body, 'manifest')!)).toMatchObject({ id: 'dy-jj-fines', name: '德阳罚款缴纳' })
  })

  it('a bad manifest comes back exactly as typed, with every problem’s path', async () => {
    const manifest = validManifest('traffic@1')
    manifest.id = 'Bad Id'
    manifest.coverage = { level: 'city', code: '51' }
    manifest.items[1].kind = 'pay'
    delete manifest.docs
    manifest.extra = true
    // Odd spacing, CRLF line ends and characters that need escaping must all survive the round trip.
    const typed = `  ${JSON.stringify(manifest, null, 3).replace(/\n/g, '\r\n')}\r\n  `
    const expected = (await api('POST', '/v1/agency/services', tokens.agency, manifest)).json().error.details as { path: string }[]
    expect(expected.length).toBeGreaterThanOrEqual(5)

    const res = await post('/console/agency/services/new', { manifest: typed }, tokens.agency)
    expect(res.statusCode).toBe(422)
    expect(textareaOf(res.body, 'manifest')).toBe(typed)
    for (const { path } of expected) expect(res.body).toContain(`<code>${path}</code>`)
    expect(res.body).toContain(`共 ${expected.length} 处问题`)
  })

  it('text that is not JSON is refused before the API, kept, and explained', async () => {
    const typed = '{ "id": "x", '
    const res = await post('/console/agency/services/new', { manifest: typed }, tokens.agency)
    expect(res.statusCode).toBe(400)
    expect(textareaOf(res.body, 'manifest')).toBe(typed)
    expect(res.body).toContain('不是有效的 JSON')
  })

  it('outside the agency’s scope (403) and another agency’s id (409) are shown on the form too', async () => {
    const medical = { ...validManifest('hospital@1'), coverage: { level: 'city', code: '510600' } }
    const scope = await post('/console/agency/services/new', { manifest: JSON.stringify(medical) }, tokens.agency)
    expect(scope.statusCode).toBe(403)
    expect(scope.body).toContain('<code>domain</code>')
    const taken = await post('/console/agency/services/new', { manifest: JSON.stringify({ ...validManifest('traffic@1'), id: 'dy-jj-fines' }) }, tokens.otherAgency)
    expect(taken.statusCode).toBe(409)
    expect(taken.body).toContain('SERVICE_ID_TAKEN')
  })

  it('another agency’s service is not found', async () => {
    const res = await page('/console/agency/services/dy-jj-fines', tokens.otherAgency)
    expect(res.statusCode).toBe(404)
    expect(res.body).not.toContain('德阳罚款缴纳')
    expect((await page('/console/agency/services/..%2Fx', tokens.agency)).statusCode).toBe(404)
  })
})

describe('the operator’s pages', () => {
  let submissionId: number

  beforeAll(async () => {
    const res = await api('POST', '/v1/agency/services', tokens.agency, { ...validManifest('traffic@1'), id: 'dy-jj-draft', name: '德阳测试服务' })
    submissionId = res.json().submissionId
  })

  it('a submission page shows the submission, its review section and the decision forms', async () => {
    const res = await page(`/console/admin/submissions/${submissionId}`, tokens.operator)
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('德阳测试服务')
    expect(res.body).toContain('审核结果')
    expect(res.body).toContain(`action="/console/admin/submissions/${submissionId}/list"`)
    expect(res.body).toMatch(/<label for="reasons">[^<]*每行一条/)
    // Only the listed version of a service can be suspended: an undecided submission offers no such form.
    expect(res.body).not.toContain(`action="/console/admin/submissions/${submissionId}/suspend"`)
    // The manifest as submitted: its summary, and the whole JSON folded out below.
    expect(res.body).toContain('提交的清单')
    expect(res.body).toContain('机动车违法查询')
    expect(res.body).toContain('<details><summary>完整清单 JSON</summary>')
    expect(res.body).toContain('&quot;id&quot;: &quot;dy-jj-draft&quot;')
    const missing = await page('/console/admin/submissions/999999', tokens.operator)
    expect(missing.statusCode).toBe(404)
    expect(missing.body).toContain('SUBMISSION_NOT_FOUND')
    expect((await page('/console/admin/submissions/abc', tokens.operator)).statusCode).toBe(404)
  })

  it('rejecting without reasons shows the API’s problem and keeps the page', async () => {
    const res = await post(`/console/admin/submissions/${submissionId}/reject`, { reasons: '\n  \n' }, tokens.operator)
    expect(res.statusCode).toBe(400)
    expect(res.body).toContain('<code>body.reasons</code>')
    expect(res.body).toContain('德阳测试服务')
  })

  it('rejects with reasons, one per line; the page and the audit log show them', async () => {
    const res = await post(`/console/admin/submissions/${submissionId}/reject`, { reasons: '办事指南缺少收费标准\r\n\r\n客服电话无法接通<script>alert(1)</script>\r\n' }, tokens.operator)
    expect(res.statusCode).toBe(303)
    expect(res.headers.location).toBe(`/console/admin/submissions/${submissionId}?done=reject`)

    const after = await page(res.headers.location as string, tokens.operator)
    expect(after.body).toContain('已驳回')
    expect(after.body).toContain('<li>办事指南缺少收费标准</li>')
    expect(after.body).toContain('<li>客服电话无法接通&lt;script&gt;alert(1)&lt;/script&gt;</li>')
    expect(after.body).not.toContain('<script>')

    const rejected = (await api('GET', '/v1/admin/submissions?status=rejected', tokens.operator)).json().submissions
    expect(rejected).toContainEqual(expect.objectContaining({ id: submissionId, reasons: ['办事指南缺少收费标准', '客服电话无法接通<script>alert(1)</script>'] }))

    const audit = await page('/console/admin/audit', tokens.operator)
    expect(audit.statusCode).toBe(200)
    expect(audit.body).toContain('驳回')
    expect(audit.body).toContain('<li>办事指南缺少收费标准</li>')
    expect(audit.body).toContain(`href="/console/admin/submissions/${submissionId}"`)
    expect(audit.body).not.toContain('<script>')

    expect((await page('/console/admin?status=rejected', tokens.operator)).body).toContain('德阳测试服务')
  })

  it('a rejected submission’s page still shows its manifest (read by id, whatever its state)', async () => {
    const res = await page(`/console/admin/submissions/${submissionId}`, tokens.operator)
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('已驳回')
    expect(res.body).toContain('完整清单 JSON')
  })

  it('the agency sees the reasons and when its submission was rejected, and is told to fix and resubmit', async () => {
    const res = await page('/console/agency/services/dy-jj-draft', tokens.agency)
    expect(res.statusCode).toBe(200)
    expect(res.body).toMatch(/<section class="alert"[^>]*>\s*<h2[^>]*>提交 #\d+ 已被驳回<\/h2>/)
    expect(res.body).toContain('<li>办事指南缺少收费标准</li>')
    expect(res.body).toContain('<li>客服电话无法接通&lt;script&gt;alert(1)&lt;/script&gt;</li>')
    expect(res.body).not.toContain('<script>')
    const decidedAt = (await api('GET', '/v1/agency/services/dy-jj-draft', tokens.agency)).json().submission.decidedAt as string
    expect(res.body).toContain(`<dt>处理时间</dt><dd>${formatTime(decidedAt)}</dd>`)
    expect(res.body).toContain('href="/console/agency/services/dy-jj-draft/edit"')
  })

  it('an API refusal of a decision is shown on the page, not as a stack trace', async () => {
    const res = await post(`/console/admin/submissions/${submissionId}/list`, {}, tokens.operator)
    expect(res.statusCode).toBe(409)
    expect(res.body).toContain('role="alert"')
    expect(res.body).toContain('ALREADY_DECIDED')
    expect(res.body).not.toMatch(/at .*\.ts:\d+/)
    const suspend = await post(`/console/admin/submissions/${submissionId}/suspend`, { reason: '接口连续故障' }, tokens.operator)
    expect(suspend.statusCode).toBe(409)
    expect(suspend.body).toContain('NOT_LISTED')
    expect(suspend.body).toContain('value="接口连续故障"')
  })

  it('creating an agency shows its signing secret once, with a warning', async () => {
    const res = await post('/console/admin/agencies', { id: 'sz-hospital', name: '深圳市人民医院', region: '440300', domains: ['medical', 'other'] }, tokens.operator)
    expect(res.statusCode).toBe(201)
    expect(res.body).toContain('只显示这一次')
    const secret = /<code class="secret"[^>]*>([^<]+)<\/code>/.exec(res.body)![1]!
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const listed = (await api('GET', '/v1/admin/agencies', tokens.operator)).json().agencies
    expect(listed).toContainEqual({ id: 'sz-hospital', name: '深圳市人民医院', region: '440300', domains: ['medical', 'other'] })
    const later = await page('/console/admin/agencies?q=sz-hos', tokens.operator)
    expect(later.body).toContain('深圳市人民医院')
    expect(later.body).not.toContain(secret)
  })

  it('the agencies page puts the form first and lists a searchable slice of the hundreds of agencies', async () => {
    const all = (await api('GET', '/v1/admin/agencies', tokens.operator)).json().agencies as { id: string }[]
    expect(all.length).toBeGreaterThan(100)
    const res = await page('/console/admin/agencies', tokens.operator)
    expect(res.body.indexOf('id="create-title"')).toBeLessThan(res.body.indexOf('id="list-title"'))
    expect(res.body).toContain(`全部机构（共 ${all.length} 个，显示前 100 个，请搜索以缩小范围）`)
    expect(res.body.match(/href="\/console\/admin\/tokens\?agency=/g)).toHaveLength(100)
    expect(res.body).toMatch(/<label for="agency-q">搜索机构<\/label>/)

    const found = await page(`/console/admin/agencies?q=${encodeURIComponent('深圳市人民')}`, tokens.operator)
    expect(found.body).toContain('与“深圳市人民”匹配的机构（共 1 个）')
    expect(found.body).toContain('<code>sz-hospital</code>')
    expect(found.body).toContain('value="深圳市人民"')
    expect((await page('/console/admin/agencies?q=440300', tokens.operator)).body).toContain('<code>sz-hospital</code>')
    expect((await page('/console/admin/agencies?q=nothing-like-this', tokens.operator)).body).toContain('没有与“nothing-like-this”匹配的机构')
  })

  it('a refused agency keeps what was typed and lists the problems', async () => {
    const res = await post('/console/admin/agencies', { id: 'sz-hospital', name: '重复的机构', region: '440300', domains: 'medical' }, tokens.operator)
    expect(res.statusCode).toBe(409)
    expect(res.body).toContain('<code>id</code>')
    expect(res.body).toContain('value="重复的机构"')
    const bad = await post('/console/admin/agencies', { id: 'x', name: '某机构', region: '999999' }, tokens.operator)
    expect(bad.statusCode).toBe(400)
    expect(bad.body).toContain('body.domains')
  })

  it('issues a token (shown once) that signs in, and revokes it', async () => {
    const res = await post('/console/admin/tokens', { role: 'agency', agencyId: 'sz-hospital', label: '医院信息科' }, tokens.operator)
    expect(res.statusCode).toBe(201)
    expect(res.body).toContain('只显示这一次')
    const token = /<code class="secret"[^>]*>(oc_[^<]+)<\/code>/.exec(res.body)![1]!
    const id = token.slice(3, 13)
    expect((await post('/console/login', { token })).headers.location).toBe('/console/agency')
    const list = await page('/console/admin/tokens', tokens.operator)
    expect(list.body).toContain('医院信息科')
    expect(list.body).not.toContain(token)
    expect(list.body).toContain(`action="/console/admin/tokens/${id}/revoke"`)

    const revoked = await post(`/console/admin/tokens/${id}/revoke`, {}, tokens.operator)
    expect(revoked.statusCode).toBe(303)
    expect((await page(revoked.headers.location as string, tokens.operator)).body).toContain('已吊销')
    expect((await api('GET', '/v1/whoami', token)).statusCode).toBe(401)
    const again = await post(`/console/admin/tokens/${id}/revoke`, {}, tokens.operator)
    expect(again.statusCode).toBe(404)
    expect(again.body).toContain('TOKEN_NOT_FOUND')
  })

  it('the tokens page lists live tokens newest first, searchable, revoked ones on request', async () => {
    const live = await createToken(app.db, { role: 'analyst', label: '最新的分析令牌' })
    const revoked = await createToken(app.db, { role: 'analyst', label: '已停用的分析令牌' })
    await api('DELETE', `/v1/admin/tokens/${revoked.id}`, tokens.operator)

    const res = await page('/console/admin/tokens', tokens.operator)
    expect(res.body).toMatch(/<tbody><tr><td><code>[a-z0-9]{10}<\/code><\/td>/)
    expect(res.body.indexOf(live.id)).toBeLessThan(res.body.indexOf(tokens.operator.slice(3, 13)))
    expect(res.body).not.toContain(revoked.id)
    expect(res.body).toMatch(/<label for="token-q">搜索令牌<\/label>/)

    const found = await page(`/console/admin/tokens?q=${encodeURIComponent('分析令牌')}`, tokens.operator)
    expect(found.body).toContain('与“分析令牌”匹配的有效令牌（共 1 个')
    expect(found.body).toContain(live.id)
    const all = await page(`/console/admin/tokens?q=${encodeURIComponent('分析令牌')}&all=1`, tokens.operator)
    expect(all.body).toContain('与“分析令牌”匹配的令牌（共 2 个')
    expect(all.body).toContain(revoked.id)
    expect(all.body).toMatch(/name="all" value="1" checked/)
  })

  it('a token the API refuses shows why, with the form kept', async () => {
    const res = await post('/console/admin/tokens', { role: 'agency', agencyId: '', label: '缺机构' }, tokens.operator)
    expect(res.statusCode).toBe(422)
    expect(res.body).toContain('<code>agencyId</code>')
    expect(res.body).toContain('value="缺机构"')
  })
})

describe('hostile text is never markup', () => {
  const hostile = '<script>alert("x")</script>'

  it('in a typed manifest (service name) re-shown after refusal', async () => {
    const manifest = { ...validManifest('traffic@1'), id: 'dy-jj-xss', name: `罚款${hostile}` }
    const res = await post('/console/agency/services/new', { manifest: JSON.stringify(manifest) }, tokens.agency)
    expect(res.statusCode).toBe(422)
    expect(res.body).not.toContain('<script>')
    expect(res.body).toContain('罚款&lt;script&gt;alert(')
    expect(res.body).toContain('<code>name</code>')
  })

  it('in agency names and token labels', async () => {
    const created = await post('/console/admin/agencies', { id: 'xss-agency', name: `机构${hostile}`, region: '510600', domains: 'traffic' }, tokens.operator)
    expect(created.statusCode).toBe(201)
    await post('/console/admin/tokens', { role: 'agency', agencyId: 'xss-agency', label: `"><img src=x onerror=alert(1)>` }, tokens.operator)
    for (const url of ['/console/admin/agencies?q=xss', '/console/admin/tokens']) {
      const body = (await page(url, tokens.operator)).body
      expect(body, url).not.toContain('<script>')
      expect(body, url).not.toContain('<img')
    }
    expect((await page('/console/admin/agencies?q=xss', tokens.operator)).body).toContain('机构&lt;script&gt;')
    const agencyToken = (await createToken(app.db, { role: 'agency', agencyId: 'xss-agency' })).token
    const home = await page('/console/agency', agencyToken)
    expect(home.body).toContain('机构：机构&lt;script&gt;')
    expect(home.body).not.toContain('<script>')
  })
})
