import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../server/db/db'
import { createToken } from '../../server/modules/auth/service'
import { testApp } from './test-app'

/**
 * Every agency, operator and analyst endpoint of the published API × every
 * role (04-platform.md): anonymous and citizens (no platform token) → 401, the
 * wrong role → 403, before anything of the request is read. The endpoints
 * come from the OpenAPI document, so a new route is covered when it is added.
 */
let app: FastifyInstance & { db: Db }
const tokens: Record<string, string> = {}
type Area = 'agency' | 'admin' | 'stats'
let endpoints: { method: string; path: string; area: Area }[] = []
/** Who may use each area. */
const OWNER: Record<Area, string> = { agency: 'agency', admin: 'operator', stats: 'analyst' }
const areaOf = (path: string): Area | undefined =>
  path.startsWith('/v1/agency/') ? 'agency' : path.startsWith('/v1/admin/') ? 'admin' : path.startsWith('/v1/stats/') ? 'stats' : undefined

beforeAll(async () => {
  app = await testApp()
  tokens.agency = (await createToken(app.db, { role: 'agency', agencyId: 'deyang-traffic' })).token
  tokens.operator = (await createToken(app.db, { role: 'operator' })).token
  tokens.analyst = (await createToken(app.db, { role: 'analyst' })).token
  const doc = (await app.inject('/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> }
  endpoints = Object.entries(doc.paths).flatMap(([path, methods]) => {
    const area = areaOf(path)
    return area ? Object.keys(methods).map((method) => ({ method: method.toUpperCase(), path, area })) : []
  })
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
  it('covers the agency, admin and stats endpoints', () => {
    expect(endpoints.filter((e) => e.area === 'agency').length).toBeGreaterThanOrEqual(4)
    expect(endpoints.filter((e) => e.area === 'admin').length).toBeGreaterThanOrEqual(10)
    expect(endpoints.filter((e) => e.area === 'stats').length).toBeGreaterThanOrEqual(10)
  })

  it('anonymous callers, citizens and forged tokens get 401 everywhere', async () => {
    for (const e of endpoints) {
      expect([e.path, await statusFor(e)]).toEqual([e.path, 401])
      expect([e.path, await statusFor(e, 'forged')]).toEqual([e.path, 401])
    }
  })

  it('every other role gets 403: agencies, operators and analysts each only in their own area', async () => {
    for (const e of endpoints) {
      for (const wrong of Object.values(OWNER).filter((role) => role !== OWNER[e.area])) {
        expect([e.method, e.path, wrong, await statusFor(e, wrong)]).toEqual([e.method, e.path, wrong, 403])
      }
    }
  })

  it('the right role gets past the door (whatever the request then needs)', async () => {
    for (const e of endpoints) {
      const status = await statusFor(e, OWNER[e.area])
      expect([e.path, status === 401 || status === 403]).toEqual([e.path, false])
    }
  })
})
