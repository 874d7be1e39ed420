import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../server/db/db'
import { createToken } from '../../server/modules/auth/service'
import { validManifest } from '../fixtures/manifests'
import { testApp } from '../server/test-app'

// Issue 16 finding 11: every malformed input is a 4xx with the uniform error body, never a 500.
let app: FastifyInstance & { db: Db }
let operator: string
let agency: string
const AGENCY = { id: 'dy-nul', name: '德阳市公安局交警支队', region: '510600', domains: ['traffic', 'vehicle'] }

beforeAll(async () => {
  app = await testApp()
  operator = (await createToken(app.db, { role: 'operator' })).token
  expect((await app.inject({ method: 'POST', url: '/v1/admin/agencies', headers: { authorization: `Bearer ${operator}` }, payload: AGENCY })).statusCode).toBe(201)
  agency = (await createToken(app.db, { role: 'agency', agencyId: AGENCY.id })).token
})
afterAll(async () => {
  await app.reviews.idle()
  await app.close()
})

function expectErrorBody(res: { statusCode: number; json(): unknown }, status: number) {
  expect(res.statusCode).toBe(status)
  const body = res.json() as { error: { code: unknown; message: unknown; details: unknown } }
  expect(Object.keys(body)).toEqual(['error'])
  expect(typeof body.error.code).toBe('string')
  expect(typeof body.error.message).toBe('string')
  expect(Array.isArray(body.error.details)).toBe(true)
}

const count = async (sql: string) => (await app.db.query<{ n: number }>(sql))[0]!.n

describe('a NUL character in what an operator or agency sends', () => {
  it.each([
    ['a field', { ...AGENCY, id: 'dy-nul-2', name: '德阳\u0000交警' }],
    ['an array element', { ...AGENCY, id: 'dy-nul-3', domains: ['traffic\u0000'] }],
    ['a key', { ...AGENCY, id: 'dy-nul-4', ['na\u0000me']: 'x' }],
  ])('in %s of an operator’s body → 400, nothing stored', async (_what, payload) => {
    const before = await count('SELECT count(*)::int AS n FROM agencies')
    const res = await app.inject({ method: 'POST', url: '/v1/admin/agencies', headers: { authorization: `Bearer ${operator}` }, payload })
    expectErrorBody(res, 400)
    // Where the schema allows any text, only the NUL check stands between it and PostgreSQL.
    if (payload.name?.includes('\u0000')) expect(res.json().error.code).toBe('NUL_CHARACTER')
    expect(await count('SELECT count(*)::int AS n FROM agencies')).toBe(before)
  })

  it('in a token label → 400, no token issued', async () => {
    const before = await count('SELECT count(*)::int AS n FROM api_tokens')
    const res = await app.inject({ method: 'POST', url: '/v1/admin/tokens', headers: { authorization: `Bearer ${operator}` }, payload: { role: 'analyst', label: '分析\u0000员' } })
    expectErrorBody(res, 400)
    expect(res.json().error.code).toBe('NUL_CHARACTER')
    expect(await count('SELECT count(*)::int AS n FROM api_tokens')).toBe(before)
  })

  it('deep inside an agency’s manifest (stored as jsonb) → 400, nothing submitted', async () => {
    const manifest = validManifest('traffic@1')
    manifest.id = 'dy-nul-traffic'
    manifest.items[0].name = '违法\u0000查询'
    const before = await count('SELECT count(*)::int AS n FROM service_submissions')
    const res = await app.inject({ method: 'POST', url: '/v1/agency/services', headers: { authorization: `Bearer ${agency}` }, payload: manifest })
    expectErrorBody(res, 400)
    expect(res.json().error.details[0].path).toBe('body.items.0.name')
    expect(await count('SELECT count(*)::int AS n FROM service_submissions')).toBe(before)
  })

  it('in a query parameter → 400', async () => {
    expectErrorBody(await app.inject(`/v1/catalog?city=51%000600`), 400)
    expectErrorBody(await app.inject({ url: '/v1/admin/audit?limit=1%00', headers: { authorization: `Bearer ${operator}` } }), 400)
  })

  it('in a console form → a 400 page, not a 500', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/console/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
      payload: 'token=oc_%00',
    })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toMatch(/^text\/html/)
  })
})

describe('numbers that are no numbers', () => {
  it.each(['/v1/cities?limit=1e309', '/v1/cities?limit=-1e309', '/v1/cities/nearest?lat=1e309&lng=104'])('%s → 400 VALIDATION_FAILED', async (url) => {
    const res = await app.inject(url)
    expectErrorBody(res, 400)
    expect(res.json().error.code).toBe('VALIDATION_FAILED')
  })

  it('?limit=1e309 on the audit log → 400, not a 500 from LIMIT Infinity', async () => {
    const res = await app.inject({ url: '/v1/admin/audit?limit=1e309', headers: { authorization: `Bearer ${operator}` } })
    expectErrorBody(res, 400)
  })
})

describe('URLs Fastify cannot route answer the same error body', () => {
  it.each(['/%', '/v1/%', '/v1/cities/%zz', '/console/%'])('GET %s → 400 with { error: { code, message, details } }', async (url) => {
    const res = await app.inject(url)
    expectErrorBody(res, 400)
    expect(res.json().error.code).toBe('BAD_URL')
  })

  it('and the server keeps serving', async () => {
    expect((await app.inject('/healthz')).statusCode).toBe(200)
  })
})
