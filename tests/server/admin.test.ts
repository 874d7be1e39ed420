import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../server/db/db'
import { findToken } from '../../server/modules/auth/repository'
import { createToken } from '../../server/modules/auth/service'
import { validManifest } from '../fixtures/manifests'
import { testApp, testBox } from './test-app'

let app: FastifyInstance & { db: Db }
let operator: string
let analyst: string
let agency: string

beforeAll(async () => {
  app = await testApp()
  operator = (await createToken(app.db, { role: 'operator' })).token
  analyst = (await createToken(app.db, { role: 'analyst' })).token
  agency = (await createToken(app.db, { role: 'agency', agencyId: 'deyang-traffic' })).token
})
afterAll(() => app.close())

const as = (token: string | undefined) => (token ? { authorization: `Bearer ${token}` } : {})
const get = (url: string, token?: string) => app.inject({ method: 'GET', url, headers: as(token) })
const post = (url: string, payload: unknown, token?: string) => app.inject({ method: 'POST', url, payload: payload as object, headers: as(token) })

const newAgency = { id: 'sz-hospital-1', name: '深圳市人民医院', region: '440300', domains: ['medical'] }

describe('who may call the operator endpoints', () => {
  it.each([
    ['nobody', undefined, 401],
    ['a malformed token', 'not-a-token', 401],
    ['an analyst', 'analyst', 403],
    ['an agency', 'agency', 403],
    ['an operator', 'operator', 200],
  ])('%s → %i', async (_who, which, status) => {
    const token = which === 'analyst' ? analyst : which === 'agency' ? agency : which === 'operator' ? operator : which
    const res = await get('/v1/admin/agencies', token)
    expect(res.statusCode).toBe(status)
    if (status !== 200) expect(res.json().error.code).toBe(status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN')
  })

  it('a revoked token no longer works', async () => {
    const t = await createToken(app.db, { role: 'operator' })
    expect((await get('/v1/admin/tokens', t.token)).statusCode).toBe(200)
    expect((await app.inject({ method: 'DELETE', url: `/v1/admin/tokens/${t.id}`, headers: as(operator) })).statusCode).toBe(204)
    expect((await get('/v1/admin/tokens', t.token)).statusCode).toBe(401)
    expect((await app.inject({ method: 'DELETE', url: `/v1/admin/tokens/${t.id}`, headers: as(operator) })).statusCode).toBe(404)
  })
})

describe('POST /v1/admin/agencies', () => {
  it('creates an agency with its region and domains, and hands out its signing secret once, stored sealed', async () => {
    const res = await post('/v1/admin/agencies', newAgency, operator)
    expect(res.statusCode).toBe(201)
    const { signingSecret, ...agency } = res.json()
    expect(agency).toEqual(newAgency)
    expect(signingSecret).toMatch(/^[A-Za-z0-9_-]{43}$/)
    const [row] = await app.db.query<{ signing_secret: string }>('SELECT signing_secret FROM agencies WHERE id = $1', [newAgency.id])
    expect(row!.signing_secret).not.toContain(signingSecret)
    expect(testBox.open(row!.signing_secret)).toBe(signingSecret)
    const list = (await get('/v1/admin/agencies', operator)).json().agencies
    expect(list).toContainEqual(newAgency)
  })

  it('refuses a second agency with the same id (409)', async () => {
    const res = await post('/v1/admin/agencies', { ...newAgency, id: 'deyang-traffic' }, operator)
    expect(res.statusCode).toBe(409)
  })

  it('refuses a region that is no city or province (422), naming region', async () => {
    const res = await post('/v1/admin/agencies', { ...newAgency, id: 'x-1', region: '999999' }, operator)
    expect(res.statusCode).toBe(422)
    expect(res.json().error.details[0].path).toBe('region')
  })

  it.each([
    [{ ...newAgency, id: 'x-2', domains: ['casino'] }, 'body.domains.0'],
    [{ ...newAgency, id: 'x-3', domains: [] }, 'body.domains'],
    [{ ...newAgency, id: 'X Y' }, 'body.id'],
    [{ ...newAgency, id: 'x-4', region: '4403' }, 'body.region'],
    [{ ...newAgency, id: 'x-5', secret: 'x' }, 'body.secret'],
  ])('rejects a malformed agency with 400 naming the field (%#)', async (body, path) => {
    const res = await post('/v1/admin/agencies', body, operator)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path)
  })
})

describe('tokens', () => {
  it('issues a token once, stores only its hash, and the token works for its role', async () => {
    const res = await post('/v1/admin/tokens', { role: 'agency', agencyId: 'deyang-traffic', label: '德阳交警' }, operator)
    expect(res.statusCode).toBe(201)
    const { token, id } = res.json()
    expect(token).toMatch(/^oc_[a-z0-9]{10}_/)

    const stored = await app.db.query<Record<string, unknown>>('SELECT * FROM api_tokens WHERE id = $1', [id])
    expect(JSON.stringify(stored)).not.toContain(token)
    const listed = (await get('/v1/admin/tokens', operator)).body
    expect(listed).toContain(id)
    expect(listed).not.toContain(token)
    expect(listed).not.toContain(stored[0]!.token_hash as string)
  })

  it.each([
    [{ role: 'agency' }, 422, 'agencyId'],
    [{ role: 'analyst', agencyId: 'deyang-traffic' }, 422, 'agencyId'],
    [{ role: 'agency', agencyId: 'nobody-here' }, 404, 'agencyId'],
  ])('refuses %j with %i naming %s', async (body, status, path) => {
    const res = await post('/v1/admin/tokens', body, operator)
    expect(res.statusCode).toBe(status)
    expect(res.json().error.details[0].path).toBe(path)
  })

  it('refuses an unknown role with 400', async () => {
    expect((await post('/v1/admin/tokens', { role: 'root' }, operator)).statusCode).toBe(400)
  })
})

describe('GET /v1/admin/submissions/:id', () => {
  // Submissions queue reviews: let them finish before the app and its database close.
  afterAll(() => app.reviews.idle())

  it('answers the submission as the queue lists it, plus the manifest as submitted', async () => {
    const manifest = { ...validManifest('traffic@1'), summary: '单条读取的测试清单' }
    const submitted = await post('/v1/agency/services', manifest, agency)
    expect(submitted.statusCode).toBe(200) // deyang-traffic exists in the demo catalog: a change
    const id = submitted.json().submissionId

    const res = await get(`/v1/admin/submissions/${id}`, operator)
    expect(res.statusCode).toBe(200)
    const { manifest: stored, ...row } = res.json()
    const queued = (await get('/v1/admin/submissions?status=in-review', operator)).json().submissions.find((s: { id: number }) => s.id === id)
    expect(row).toEqual(queued)
    expect(row).toMatchObject({ id, serviceId: 'deyang-traffic', agencyId: 'deyang-traffic', status: 'in-review', decidedAt: null, reasons: null })
    expect(stored).toEqual(manifest)
  })

  it('answers a decided submission too, with its reasons', async () => {
    const id = (await post('/v1/agency/services', { ...validManifest('traffic@1'), summary: '将被驳回' }, agency)).json().submissionId
    expect((await post(`/v1/admin/submissions/${id}/reject`, { reasons: ['缺少收费标准'] }, operator)).statusCode).toBe(200)
    const res = await get(`/v1/admin/submissions/${id}`, operator)
    expect(res.json()).toMatchObject({ id, status: 'rejected', reasons: ['缺少收费标准'], decidedAt: expect.any(String), manifest: { summary: '将被驳回' } })
  })

  it('is 404 SUBMISSION_NOT_FOUND for an unknown id, 400 for a malformed one, and operator-only', async () => {
    const missing = await get('/v1/admin/submissions/999999', operator)
    expect(missing.statusCode).toBe(404)
    expect(missing.json().error.code).toBe('SUBMISSION_NOT_FOUND')
    expect((await get('/v1/admin/submissions/abc', operator)).statusCode).toBe(400)
    expect((await get('/v1/admin/submissions/1', agency)).statusCode).toBe(403)
    expect((await get('/v1/admin/submissions/1', analyst)).statusCode).toBe(403)
    expect((await get('/v1/admin/submissions/1')).statusCode).toBe(401)
  })
})

describe('findToken', () => {
  it('reads one token by id, live or revoked, without its hash', async () => {
    const t = await createToken(app.db, { role: 'analyst', label: '单条读取' })
    expect(await findToken(app.db, t.id)).toEqual({ id: t.id, role: 'analyst', agencyId: null, label: '单条读取', createdAt: expect.any(String), revokedAt: null, expiresAt: expect.any(String) })
    await app.inject({ method: 'DELETE', url: `/v1/admin/tokens/${t.id}`, headers: as(operator) })
    expect((await findToken(app.db, t.id))!.revokedAt).toEqual(expect.any(String))
    expect(await findToken(app.db, 'nosuchtokn')).toBeUndefined()
  })
})
