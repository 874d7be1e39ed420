import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../server/test-app'

let app: FastifyInstance
beforeAll(async () => {
  app = await testApp()
})
afterAll(() => app.close())

// Odd input must get a clear 2xx/4xx answer, change nothing, and leave the server serving.
const ODD_QUERIES = [
  "'; DROP TABLE cities; --",
  '%',
  '%E0%A4%A',
  '%00',
  '\u200b重庆',
  '\u202e重庆',
  '😀',
  '<script>alert(1)</script>',
  'ｃｑ',
  ' '.repeat(20),
]

describe('bad input on the public endpoints', () => {
  it.each(ODD_QUERIES)('GET /v1/cities?q=%j answers without an error body leaking internals', async (q) => {
    const res = await app.inject(`/v1/cities?q=${encodeURIComponent(q)}`)
    expect([200, 400]).toContain(res.statusCode)
    if (res.statusCode === 400) expect(res.json().error.code).toBeTruthy()
    else expect(Array.isArray(res.json().cities)).toBe(true)
  })

  it('a malformed percent-encoding in the raw query is answered, not crashed on', async () => {
    const res = await app.inject('/v1/cities?q=%E0%A4%A')
    expect(res.statusCode).toBeLessThan(500)
  })

  it.each([
    '/v1/catalog?city=510600&city=440300',
    '/v1/cities/nearest?lat=1&lat=2&lng=3',
    '/v1/cities/nearest?lat=1e400&lng=3',
    '/v1/cities/nearest?lat=NaN&lng=3',
    '/v1/cities?limit=0',
    '/v1/cities?limit=abc',
  ])('%s → 400 with the error body', async (url) => {
    const res = await app.inject(url)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('VALIDATION_FAILED')
  })

  it('changes nothing and keeps serving after all of it', async () => {
    const db = (app as unknown as { db: { query: <T>(s: string) => Promise<T[]> } }).db
    const [before] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cities')
    for (const q of ODD_QUERIES) await app.inject(`/v1/cities?q=${encodeURIComponent(q)}`)
    const [after] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM cities')
    expect(after).toEqual(before)
    expect((await app.inject('/healthz')).statusCode).toBe(200)
  })
})
