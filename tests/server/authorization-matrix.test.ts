import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../server/db/db'
import { createToken } from '../../server/modules/auth/service'
import { testApp } from './test-app'

/**
 * Every agency and operator endpoint of the published API × every role
 * (04-platform.md): anonymous and citizens (no platform token) → 401, the
 * wrong role → 403, before anything of the request is read. The endpoints
 * come from the OpenAPI document, so a new route is covered when it is added.
 */
let app: FastifyInstance & { db: Db }
const tokens: Record<string, string> = {}
let endpoints: { method: string; path: string; area: 'agency' | 'admin' }[] = []

beforeAll(async () => {
  app = await testApp()
  tokens.agency = (await createToken(app.db, { role: 'agency', agencyId: 'deyang-traffic' })).token
  tokens.operator = (await createToken(app.db, { role: 'operator' })).token
  tokens.analyst = (await createToken(app.db, { role: 'analyst' })).token
  const doc = (await app.inject('/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> }
  endpoints = Object.entries(doc.paths).flatMap(([path, methods]) =>
    path.startsWith('/v1/agency/') || path.startsWith('/v1/admin/')
      ? Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path, area: path.startsWith('/v1/agency/') ? ('agency' as const) : ('admin' as const) }))
      : [],
  )
})
afterAll(() => app.close())

// Path parameters get harmless values of the right shape; bodies are left out on purpose: refusal comes first.
const concrete = (path: string) => path.replace(/\{id\}/g, '1').replace(/\{[^}]+\}/g, 'x1')

async function statusFor(e: { method: string; path: string }, who?: string) {
  const res = await app.inject({
    method: e.method as 'GET',
    url: concrete(e.path),
    headers: who ? { authorization: `Bearer ${who === 'forged' ? 'oc_forged0000_nope' : tokens[who]}` } : {},
  })
  return res.statusCode
}

describe('authorisation matrix', () => {
  it('covers the agency and admin endpoints', () => {
    expect(endpoints.filter((e) => e.area === 'agency').length).toBeGreaterThanOrEqual(4)
    expect(endpoints.filter((e) => e.area === 'admin').length).toBeGreaterThanOrEqual(10)
  })

  it('anonymous callers, citizens and forged tokens get 401 everywhere', async () => {
    for (const e of endpoints) {
      expect([e.path, await statusFor(e)]).toEqual([e.path, 401])
      expect([e.path, await statusFor(e, 'forged')]).toEqual([e.path, 401])
    }
  })

  it('analysts get 403 on agency and operator endpoints', async () => {
    for (const e of endpoints) expect([e.method, e.path, await statusFor(e, 'analyst')]).toEqual([e.method, e.path, 403])
  })

  it('agencies get 403 on operator endpoints, operators 403 on agency endpoints', async () => {
    for (const e of endpoints) {
      const wrong = e.area === 'admin' ? 'agency' : 'operator'
      expect([e.method, e.path, await statusFor(e, wrong)]).toEqual([e.method, e.path, 403])
    }
  })

  it('the right role gets past the door (whatever the request then needs)', async () => {
    for (const e of endpoints) {
      const status = await statusFor(e, e.area === 'admin' ? 'operator' : 'agency')
      expect([e.path, status === 401 || status === 403]).toEqual([e.path, false])
    }
  })
})
