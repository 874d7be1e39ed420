import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DomainGroup } from '../../src/domain/catalog'
import { testApp } from './test-app'

let app: FastifyInstance
beforeAll(async () => {
  app = await testApp()
})
afterAll(() => app.close())

const catalog = async (city: string) => {
  const res = await app.inject({ method: 'GET', url: `/v1/catalog?city=${city}` })
  return { status: res.statusCode, body: res.json() }
}
const services = (groups: DomainGroup[]) => groups.flatMap((g) => g.services)

describe('GET /v1/catalog', () => {
  it('gives 德阳 its own and national services, local first, grouped by domain; 凉山 the Sichuan-wide ones', async () => {
    const { status, body } = await catalog('510600')
    expect(status).toBe(200)
    expect(body.city.name).toBe('德阳')
    const local = services(body.local)
    const national = services(body.national)
    expect(local.some((s) => s.coverage.level === 'city' && s.coverage.code === '510600')).toBe(true)
    // 德阳's own 社保 replaces the Sichuan-wide one (catalog-needs.test.ts); 凉山 has none of its own.
    expect(services((await catalog('513400')).body.local).some((s) => s.coverage.level === 'province' && s.coverage.code === '51')).toBe(true)
    expect(local.every((s) => s.coverage.level !== 'national')).toBe(true)
    expect(national.length).toBeGreaterThan(0)
    expect(national.every((s) => s.coverage.level === 'national')).toBe(true)
    expect(body.total).toBe(local.length + national.length)
    for (const group of [...body.local, ...body.national]) {
      expect(group.label).toBeTruthy()
      for (const s of group.services) {
        expect(s.domain).toBe(group.domain)
        expect(s.stars === null || (s.stars >= 1 && s.stars <= 5)).toBe(true)
        expect(s.items.length).toBeGreaterThan(0)
      }
    }
  })

  it('shows every city the national services, and no other city’s local ones', async () => {
    const { body } = await catalog('440300')
    const ids = services(body.local).map((s) => s.id)
    expect(ids.some((id) => id.startsWith('deyang-'))).toBe(false)
    expect(services(body.national).map((s) => s.id)).toContain('cn-weather')
  })

  it('makes the richest cities look richer than small ones', async () => {
    const sz = services((await catalog('440300')).body.local).length
    const small = services((await catalog('513400')).body.local).length // 凉山, unranked
    expect(sz).toBeGreaterThan(small)
  })

  it('gives a city without local services an empty local list and the national services', async () => {
    const { status, body } = await catalog('540100') // 拉萨: no demo local or province services
    expect(status).toBe(200)
    expect(body.local).toEqual([])
    expect(services(body.national).length).toBeGreaterThan(0)
  })

  it('reports key-industry richness: the richest demo cities offer all 21 items, 拉萨 none', async () => {
    expect((await catalog('440300')).body.richness).toMatchObject({ available: 21, total: 21, share: 1 })
    // 凉山: only the Sichuan-wide 社保's key items, and like most agencies outside the top cities it offers only some (demo-catalog.ts).
    expect((await catalog('513400')).body.richness.available).toBe(1)
    expect((await catalog('540100')).body.richness).toMatchObject({ available: 0, share: 0 })
  })

  it('answers 404 naming an unknown city code', async () => {
    const { status, body } = await catalog('999999')
    expect(status).toBe(404)
    expect(body.error.code).toBe('CITY_NOT_FOUND')
    expect(body.error.message).toContain('999999')
  })

  it.each(['', 'abc', '51060', '5106000', '510600%27%20OR%201%3D1'])('rejects city=%s with 400', async (city) => {
    const { status, body } = await catalog(city)
    expect(status).toBe(400)
    expect(body.error.details[0].path).toBe('querystring.city')
  })

  it('hides services that are not listed (suspended ones stay as 暂停服务: catalog-tiles.test.ts)', async () => {
    const db = (app as unknown as { db: { query: (s: string) => Promise<unknown> } }).db
    await db.query(`UPDATE services SET status = 'rejected' WHERE id = 'deyang-traffic'`)
    const ids = services((await catalog('510600')).body.local).map((s) => s.id)
    expect(ids).not.toContain('deyang-traffic')
  })
})

describe('catalog answers are cached until the catalog changes', () => {
  it('sends an ETag and answers 304 to If-None-Match while nothing changed', async () => {
    const first = await app.inject('/v1/catalog?city=440300')
    const etag = first.headers.etag as string
    expect(etag).toMatch(/^"c\d+\.2-440300"$/) // catalog version . answer format - city
    const again = await app.inject({ url: '/v1/catalog?city=440300', headers: { 'if-none-match': etag } })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
  })

  it('a change to the services changes the ETag and the answer', async () => {
    const before = await app.inject('/v1/catalog?city=440300')
    const db = (app as unknown as { db: { query: (s: string) => Promise<unknown> } }).db
    await db.query(`UPDATE services SET name = '天气预报' WHERE id = 'cn-weather'`)
    const after = await app.inject({ url: '/v1/catalog?city=440300', headers: { 'if-none-match': before.headers.etag as string } })
    expect(after.statusCode).toBe(200)
    expect(after.headers.etag).not.toBe(before.headers.etag)
    expect(after.body).toContain('天气预报')
  })
})
