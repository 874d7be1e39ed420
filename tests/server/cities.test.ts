import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from './test-app'

let app: FastifyInstance
beforeAll(async () => {
  app = await testApp()
})
afterAll(() => app.close())

const get = (url: string) => app.inject({ method: 'GET', url })

describe('GET /v1/cities', () => {
  it.each([
    ['cq', '500100', '重庆'],
    ['chongqing', '500100', '重庆'],
    ['重庆', '500100', '重庆'],
    ['deyang', '510600', '德阳'],
    ['DeYang', '510600', '德阳'],
    ['xiamen', '350200', '厦门'],
    ['xm', '350200', '厦门'],
    ['德阳', '510600', '德阳'],
  ])('q=%s finds %s %s first', async (q, code, name) => {
    const res = await get(`/v1/cities?q=${encodeURIComponent(q)}`)
    expect(res.statusCode).toBe(200)
    const first = res.json().cities[0]
    expect(first).toMatchObject({ code, name })
    expect(first).toHaveProperty('provinceName')
    expect(first).toHaveProperty('pinyin')
    expect(first).toHaveProperty('initials')
  })

  it('returns every city without q, in code order', async () => {
    const { cities } = (await get('/v1/cities')).json()
    expect(cities.length).toBeGreaterThan(330)
    expect(cities.map((c: { code: string }) => c.code)).toEqual([...cities.map((c: { code: string }) => c.code)].sort())
  })

  it('answers an empty list for a query nothing matches', async () => {
    const res = await get('/v1/cities?q=zzzzqqq')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toEqual({ cities: [] })
  })

  it('rejects an overlong query with a 400 naming q', async () => {
    const res = await get(`/v1/cities?q=${'a'.repeat(51)}`)
    expect(res.statusCode).toBe(400)
    expect(res.json().error.details[0].path).toBe('querystring.q')
  })
})

describe('GET /v1/cities/nearest', () => {
  it.each([
    [22.54, 114.06, '深圳'],
    [31.23, 121.47, '上海'],
    [39.9, 116.4, '北京'],
    [31.13, 104.4, '德阳'],
  ])('(%s, %s) is %s', async (lat, lng, name) => {
    const res = await get(`/v1/cities/nearest?lat=${lat}&lng=${lng}`)
    expect(res.statusCode).toBe(200)
    expect(res.json().city.name).toBe(name)
    expect(res.json().distanceKm).toBeGreaterThanOrEqual(0)
  })

  it.each([
    ['/v1/cities/nearest', ['querystring.lat', 'querystring.lng']],
    ['/v1/cities/nearest?lat=22.5', ['querystring.lng']],
    ['/v1/cities/nearest?lng=114', ['querystring.lat']],
    ['/v1/cities/nearest?lat=&lng=114', ['querystring.lat']],
    ['/v1/cities/nearest?lat=abc&lng=114', ['querystring.lat']],
    ['/v1/cities/nearest?lat=22&lng=east', ['querystring.lng']],
    ['/v1/cities/nearest?lat=abc&lng=xyz', ['querystring.lat', 'querystring.lng']],
    ['/v1/cities/nearest?lat=91&lng=114', ['querystring.lat']],
    ['/v1/cities/nearest?lat=22&lng=-181', ['querystring.lng']],
  ])('%s → 400 naming %j', async (url, paths) => {
    const res = await get(url)
    expect(res.statusCode).toBe(400)
    const { error } = res.json()
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.details.map((d: { path: string }) => d.path).sort()).toEqual(paths)
    for (const p of paths) expect(error.message).toContain(p.split('.')[1])
    expect(JSON.stringify(error)).not.toMatch(/at .*\.ts:\d+/)
  })
})
