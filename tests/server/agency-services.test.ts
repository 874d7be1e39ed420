import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../server/db/db'
import { insertAgency } from '../../server/modules/agencies/repository'
import { createToken } from '../../server/modules/auth/service'
import { validManifest } from '../fixtures/manifests'
import { testApp } from './test-app'

let app: FastifyInstance & { db: Db }
const tokens: Record<string, string> = {}

beforeAll(async () => {
  app = await testApp()
  await insertAgency(app.db, { id: 'dy-jj', name: '德阳市公安局交警支队', region: '510600', domains: ['traffic', 'vehicle'] })
  await insertAgency(app.db, { id: 'dy-hospital', name: '德阳市人民医院', region: '510600', domains: ['medical'] })
  tokens.a = (await createToken(app.db, { role: 'agency', agencyId: 'dy-jj' })).token
  tokens.b = (await createToken(app.db, { role: 'agency', agencyId: 'dy-hospital' })).token
  tokens.owner = (await createToken(app.db, { role: 'agency', agencyId: 'deyang-traffic' })).token
  tokens.operator = (await createToken(app.db, { role: 'operator' })).token
  tokens.analyst = (await createToken(app.db, { role: 'analyst' })).token
})
afterAll(() => app.close())

const headers = (who?: string) => (who ? { authorization: `Bearer ${tokens[who]}` } : {})
const submit = (who: string | undefined, manifest: unknown) =>
  app.inject({ method: 'POST', url: '/v1/agency/services', headers: headers(who), payload: manifest as object })
const get = (who: string, url: string) => app.inject({ method: 'GET', url, headers: headers(who) })
const count = async (table: string) =>
  (await app.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n

const newTraffic = () => ({ ...validManifest('traffic@1'), id: 'dy-traffic-new', name: '德阳违法处理' })

describe('POST /v1/agency/services', () => {
  it('takes a valid manifest into review: the agency sees it, citizens do not yet', async () => {
    const res = await submit('a', newTraffic())
    expect(res.statusCode).toBe(201)
    expect(res.json()).toMatchObject({ serviceId: 'dy-traffic-new', status: 'in-review', created: true })

    const own = (await get('a', '/v1/agency/services')).json().services
    expect(own).toEqual([expect.objectContaining({ id: 'dy-traffic-new', status: 'in-review', submission: expect.objectContaining({ status: 'in-review' }) })])
    const detail = (await get('a', '/v1/agency/services/dy-traffic-new')).json()
    expect(detail.manifest).toMatchObject({ id: 'dy-traffic-new', contract: 'traffic@1' })

    const catalog = await app.inject('/v1/catalog?city=510600')
    expect(catalog.body).not.toContain('dy-traffic-new')
  })

  it('a changed manifest supersedes the undecided one', async () => {
    const res = await submit('a', { ...newTraffic(), summary: '改过的说明' })
    expect(res.statusCode).toBe(200)
    expect(res.json().created).toBe(false)
    const rows = await app.db.query<{ status: string }>(`SELECT status FROM service_submissions WHERE service_id = 'dy-traffic-new' ORDER BY id`)
    expect(rows.map((r) => r.status)).toEqual(['superseded', 'in-review'])
  })

  it('answers every problem at once with 422 and its path, and stores nothing', async () => {
    const before = await count('service_submissions')
    const broken = { ...newTraffic(), id: 'Bad Id', items: [{ id: 'x', name: '查询', kind: 'lookup' }], endpoint: 'http://example.com/api', extra: 1 }
    const res = await submit('a', broken)
    expect(res.statusCode).toBe(422)
    const paths = res.json().error.details.map((d: { path: string }) => d.path)
    expect(paths).toEqual(expect.arrayContaining(['id', 'items[0].kind', 'endpoint', 'extra']))
    expect(await count('service_submissions')).toBe(before)
  })

  it.each([
    ['a body that is not JSON object', '"just a string"'],
    ['an empty object', '{}'],
  ])('answers 422 for %s', async (_name, payload) => {
    const res = await app.inject({ method: 'POST', url: '/v1/agency/services', headers: { ...headers('a'), 'content-type': 'application/json' }, payload })
    expect(res.statusCode).toBe(422)
    expect(res.json().error.details.length).toBeGreaterThan(0)
  })

  it('refuses a domain the agency may not list in (403, path domain)', async () => {
    const res = await submit('a', { ...validManifest('hospital@1'), id: 'dy-jj-clinic', coverage: { level: 'city', code: '510600' } })
    expect(res.statusCode).toBe(403)
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['domain'])
  })

  it('refuses a coverage outside the agency’s region (403, path coverage.code)', async () => {
    const res = await submit('a', { ...newTraffic(), id: 'dy-in-shenzhen', coverage: { level: 'city', code: '440300' } })
    expect(res.statusCode).toBe(403)
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toEqual(['coverage.code'])
  })

  it('agency B can neither take over nor read agency A’s service', async () => {
    const takeover = await submit('b', { ...validManifest('hospital@1'), id: 'dy-traffic-new' })
    expect(takeover.statusCode).toBe(409)
    expect((await get('b', '/v1/agency/services/dy-traffic-new')).statusCode).toBe(404)
    expect((await get('b', '/v1/agency/services')).json().services).toEqual([])
  })

  it('a listed service stays in the catalog while its changed manifest is reviewed', async () => {
    const res = await submit('owner', validManifest('traffic@1')) // id deyang-traffic, listed in the demo catalog
    expect(res.statusCode).toBe(200)
    expect((await app.inject('/v1/catalog?city=510600')).body).toContain('"deyang-traffic"')
  })

  it.each([
    [undefined, 401],
    ['operator', 403],
    ['analyst', 403],
  ])('%s may not submit (%i)', async (who, status) => {
    expect((await submit(who, newTraffic())).statusCode).toBe(status)
    if (who) expect((await get(who, '/v1/agency/services')).statusCode).toBe(403)
  })

  it('keeps an audit trail of submissions', async () => {
    const rows = await app.db.query<{ actor: string; action: string; subject: string }>(
      `SELECT actor, action, subject FROM audit_log WHERE action = 'service.submit' ORDER BY id`,
    )
    expect(rows).toContainEqual({ actor: 'agency:dy-jj', action: 'service.submit', subject: 'dy-traffic-new' })
    expect(rows).toContainEqual({ actor: 'agency:deyang-traffic', action: 'service.submit', subject: 'deyang-traffic' })
  })
})

describe('the agency reads the operator’s decision on its services', () => {
  // Submissions queue reviews: let them finish before the app and its database close.
  afterAll(() => app.reviews.idle())

  it('an undecided submission has no decision yet', async () => {
    const row = (await get('a', '/v1/agency/services')).json().services.find((s: { id: string }) => s.id === 'dy-traffic-new')
    expect(row.submission).toMatchObject({ status: 'in-review', decidedAt: null, reasons: null })
  })

  it('a rejected submission carries the reasons and when, in the list and the detail', async () => {
    const submissionId = (await get('a', '/v1/agency/services/dy-traffic-new')).json().submission.id
    const reasons = ['办事指南缺少收费标准', '客服电话无法接通']
    const rejected = await app.inject({ method: 'POST', url: `/v1/admin/submissions/${submissionId}/reject`, headers: headers('operator'), payload: { reasons } })
    expect(rejected.statusCode).toBe(200)

    const detail = (await get('a', '/v1/agency/services/dy-traffic-new')).json()
    expect(detail.submission).toEqual({ id: submissionId, status: 'rejected', submittedAt: expect.any(String), decidedAt: expect.any(String), reasons })
    const row = (await get('a', '/v1/agency/services')).json().services.find((s: { id: string }) => s.id === 'dy-traffic-new')
    expect(row.submission).toEqual(detail.submission)
  })

  it('a new manifest starts a fresh submission without the old reasons', async () => {
    await submit('a', { ...newTraffic(), summary: '补充了收费标准' })
    const detail = (await get('a', '/v1/agency/services/dy-traffic-new')).json()
    expect(detail.submission).toMatchObject({ status: 'in-review', decidedAt: null, reasons: null })
  })

  it('the OpenAPI document describes the decision fields', async () => {
    const doc = (await app.inject('/openapi.json')).json()
    const list = doc.paths['/v1/agency/services'].get.responses['200'].content['application/json'].schema
    const submission = JSON.stringify(list)
    expect(submission).toContain('"reasons"')
    expect(submission).toContain('"decidedAt"')
  })
})
