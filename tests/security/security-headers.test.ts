import { createHash } from 'node:crypto'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildApp } from '../../server/app'
import type { Db } from '../../server/db/db'
import { createToken } from '../../server/modules/auth/service'
import { freshDb, testConfig } from '../server/test-app'

// Issue 16 finding 13: every kind of response carries nosniff, a CSP with frame-ancestors and a referrer policy.
const INLINE_SCRIPT = '!function(n){n.document.documentElement.style.fontSize="20px"}(window);'
const h5Dir = mkdtempSync(join(tmpdir(), 'onecity-h5-'))
let app: FastifyInstance
let db: Db
let operator: string

beforeAll(async () => {
  mkdirSync(join(h5Dir, 'js'))
  writeFileSync(join(h5Dir, 'index.html'), `<!doctype html><html><head><script>${INLINE_SCRIPT}</script><script defer src="/js/app.js"></script></head><body><div id="app"></div></body></html>`)
  writeFileSync(join(h5Dir, 'js', 'app.js'), 'console.log(1)')
  db = await freshDb()
  app = await buildApp({ ...testConfig, h5Dir }, { db, catalogCacheMaxAgeMs: 0 })
  operator = (await createToken(db, { role: 'operator' })).token
})
afterAll(async () => {
  await app.close()
  await db.close()
  rmSync(h5Dir, { recursive: true, force: true })
})

const directives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]))

const RESPONSES: [string, () => Promise<{ statusCode: number; headers: Record<string, unknown> }>][] = [
  ['the H5 app', () => app.inject('/')],
  ['an H5 script', () => app.inject('/js/app.js')],
  ['the API docs page', () => app.inject('/docs/')],
  ['/openapi.json', () => app.inject('/openapi.json')],
  ['an API answer', () => app.inject('/v1/cities?q=cd')],
  ['an API 404', () => app.inject('/v1/nothing-here')],
  ['an API 401', () => app.inject('/v1/whoami')],
  ['an operator’s API answer', () => app.inject({ url: '/v1/whoami', headers: { authorization: `Bearer ${operator}` } })],
  ['an API 400', () => app.inject('/v1/cities?limit=0')],
  ['an unroutable URL', () => app.inject('/%')],
  ['a console page', () => app.inject('/console/login')],
  ['a console 404', () => app.inject('/console/nothing-here')],
  ['/healthz', () => app.inject('/healthz')],
]

describe('security headers on every kind of response', () => {
  it.each(RESPONSES)('%s', async (_kind, send) => {
    const res = await send()
    expect(res.statusCode).toBeLessThan(500)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['referrer-policy']).toMatch(/^(no-referrer|same-origin)$/)
    const csp = directives(String(res.headers['content-security-policy'] ?? ''))
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
  })
})

describe('the H5 app’s policy keeps the app working', () => {
  it('allows its own scripts and its inline rem script by hash, nothing else inline', async () => {
    const csp = directives(String((await app.inject('/')).headers['content-security-policy']))
    const hash = createHash('sha256').update(INLINE_SCRIPT).digest('base64')
    expect(csp.get('script-src')).toEqual(["'self'", `'sha256-${hash}'`])
    expect(csp.get('object-src')).toEqual(["'none'"])
  })

  it('frames and reaches exactly the agencies’ pages of the catalog’s web-view services', async () => {
    const rows = await db.query<{ endpoint: string }>(`SELECT endpoint FROM services WHERE contract = 'webview' AND status = 'listed'`)
    expect(rows.length).toBeGreaterThan(0)
    const origins = [...new Set(rows.map((r) => new URL(r.endpoint).origin))].sort()
    const csp = directives(String((await app.inject('/')).headers['content-security-policy']))
    expect(csp.get('frame-src')).toEqual(origins)
    expect(csp.get('connect-src')).toEqual(["'self'", ...origins])
  })

  it('frames the platform identity agency’s own origin too (its face-check page), and no other typed agency', async () => {
    const set = async (endpoint: string) =>
      db.query(`UPDATE services SET endpoint = $1 WHERE id = (SELECT service_id FROM platform_agencies WHERE contract = 'identity@1')`, [endpoint])
    const endpointOf = async (contract: string) =>
      (await db.query<{ endpoint: string }>(`SELECT endpoint FROM services WHERE id = (SELECT service_id FROM platform_agencies WHERE contract = $1)`, [contract]))[0]!.endpoint
    const before = { identity: await endpointOf('identity@1'), payment: await endpointOf('payment@1') }
    await set('https://face.gat.example.gov.cn/api')
    const csp = directives(String((await app.inject('/')).headers['content-security-policy']))
    expect(csp.get('frame-src')).toContain('https://face.gat.example.gov.cn')
    await db.query(`UPDATE services SET endpoint = 'https://pay.example.cn/api' WHERE id = (SELECT service_id FROM platform_agencies WHERE contract = 'payment@1')`)
    expect(directives(String((await app.inject('/')).headers['content-security-policy'])).get('frame-src')).not.toContain('https://pay.example.cn')
    await set(before.identity)
    await db.query(`UPDATE services SET endpoint = $1 WHERE id = (SELECT service_id FROM platform_agencies WHERE contract = 'payment@1')`, [before.payment])
  })

  it('follows the catalog: a newly listed web-view service’s host may be framed', async () => {
    await db.query(`UPDATE services SET endpoint = 'https://new-agency.example.cn/h5/' WHERE id = (SELECT id FROM services WHERE contract = 'webview' AND status = 'listed' ORDER BY id LIMIT 1)`)
    const csp = directives(String((await app.inject('/')).headers['content-security-policy']))
    expect(csp.get('frame-src')).toContain('https://new-agency.example.cn')
  })
})

describe('the API docs and the console keep their pages working', () => {
  it('/docs allows its own scripts and inline styles only', async () => {
    const csp = directives(String((await app.inject('/docs/')).headers['content-security-policy']))
    expect(csp.get('script-src') ?? csp.get('default-src')).toEqual(["'self'"])
  })

  it('the console keeps its stricter policy', async () => {
    const res = await app.inject('/console/login')
    expect(directives(String(res.headers['content-security-policy'])).get('default-src')).toEqual(["'none'"])
    expect(res.headers['referrer-policy']).toBe('same-origin')
  })
})

describe('helmet’s set, on every answer', () => {
  it('nobody may frame an answer, and a platform on https keeps browsers on https (HSTS) while one on http does not', async () => {
    const plain = await app.inject('/v1/nothing-here')
    expect(plain.headers['x-frame-options']).toBe('SAMEORIGIN')
    expect(plain.headers['cross-origin-resource-policy']).toBe('same-origin')
    expect(plain.headers['strict-transport-security']).toBeUndefined()
    const secure = await buildApp({ ...testConfig, h5Dir, citizen: { ...testConfig.citizen, publicUrl: 'https://city.example.cn' } }, { db })
    try {
      for (const url of ['/v1/cities?q=cd', '/v1/nothing-here', '/console/login']) {
        expect((await secure.inject(url)).headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains')
      }
    } finally {
      await secure.close()
    }
  })
})
