import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { gunzipSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../server/db/db'
import { createToken } from '../../server/modules/auth/service'
import { readListedServices } from '../../server/modules/stats/repository'
import { coversCity } from '../../src/domain/catalog'
import { chinaToday } from '../../src/domain/china-time'
import { parseCsv } from '../../src/domain/csv'
import { serviceValue } from '../../src/domain/place-indicators'
import { testApp } from './test-app'

let app: FastifyInstance & { db: Db }
let analyst: string
const MONTH = chinaToday().slice(0, 7)
const period = `from=${MONTH}&to=${MONTH}`
const DEYANG = '510600'
const CHENGDU = '510100'

const get = (url: string, token = analyst, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}`, ...headers } })
const upload = (url: string, csv: string, token = analyst) =>
  app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, payload: csv })

/** People's phones reporting this month, through the real endpoint: one batch per person. */
async function report(people: number, scopes: string[], returning = false) {
  for (let i = 0; i < people; i++) {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/usage',
      payload: { v: 1, batch: randomBytes(16).toString('base64url'), actives: scopes.map((scope) => ({ scope, month: MONTH, returning, first: !returning })) },
    })
    expect(res.statusCode).toBe(200)
  }
}

beforeAll(async () => {
  app = await testApp()
  analyst = (await createToken(app.db, { role: 'analyst' })).token
  // 30 people use services in 德阳 only, 20 in 成都 only, 12 in both (each counted once in the province), 5 in 攀枝花
  // (a small cell everywhere it appears).
  await report(30, ['all', 'prov:51', `city:${DEYANG}`, `domain:traffic@${DEYANG}`, `type:vehicle@${DEYANG}`])
  await report(20, ['all', 'prov:51', `city:${CHENGDU}`, `domain:traffic@${CHENGDU}`, `type:vehicle@${CHENGDU}`])
  await report(12, ['all', 'prov:51', `city:${DEYANG}`, `city:${CHENGDU}`, `domain:weather@${DEYANG}`, `type:life@${DEYANG}`])
  await report(5, ['all', 'prov:51', 'city:510400', 'domain:traffic@510400', 'type:vehicle@510400'])
})
afterAll(() => app.close())

describe('GET /v1/stats/index', () => {
  it('ranks every city, the indices add up to 100, and the weights and note say how it was computed', async () => {
    const res = await get(`/v1/stats/index?${period}`)
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.rows.length).toBeGreaterThan(300)
    expect(body.rows.reduce((s: number, r: { index: number }) => s + r.index, 0)).toBeCloseTo(100, 9)
    // The first month has no month before it: no return rate anywhere, and no probes ran: both left out.
    expect(body.weights).toMatchObject({ source: 'equal', id: null, omitted: ['returnRate', 'failureRate'] })
    expect(body.weights.applied.mau).toBeCloseTo(1 / 4, 12)
    expect(body.note).toContain('1 − 故障率')
    const deyang = body.rows.find((r: { code: string }) => r.code === DEYANG)
    expect(deyang).toMatchObject({ name: '德阳', province: { code: '51', name: '四川省' } })
    expect(deyang.indicators.mau).toMatchObject({ value: 42, suppressed: false })
    // 攀枝花's 5 people are a small cell: withheld, and 0 in the shares.
    const panzhihua = body.rows.find((r: { code: string }) => r.code === '510400')
    expect(panzhihua.indicators.mau).toEqual({ value: null, share: 0, rank: expect.any(Number), suppressed: true })
    const published = body.rows.filter((r: { indicators: { mau: { value: number | null } } }) => r.indicators.mau.value !== null)
    expect(published.reduce((s: number, r: { indicators: { mau: { share: number } } }) => s + r.indicators.mau.share, 0)).toBeCloseTo(1, 12)
    expect(body.concentration.top10).toBeCloseTo(body.rows.slice(0, 10).reduce((s: number, r: { index: number }) => s + r.index, 0), 9)
  })

  it('a province differs from the sum of its cities exactly by its cross-city users and by services counted once', async () => {
    const cities = (await get(`/v1/stats/index?${period}`)).json().rows.filter((r: { province: { code: string } }) => r.province.code === '51')
    const province = (await get(`/v1/stats/index?${period}&level=province`)).json().rows.find((r: { code: string }) => r.code === '51')
    const sum = (j: string) => cities.reduce((s: number, r: { indicators: Record<string, { value: number | null }> }) => s + (r.indicators[j]!.value ?? 0), 0)
    // MAU: 42 + 32 published in the cities (攀枝花's 5 withheld), 67 people in the province: 42 + 32 + 5 − 12,
    // the 12 active in both cities counted once.
    expect(sum('mau')).toBe(74)
    expect(province.indicators.mau.value).toBe(67)
    // Value: every city counts the province's and the national services; the province counts them once.
    const services = await readListedServices(app.db)
    const shared = services.filter((s) => s.coverage.level === 'national' || (s.coverage.level === 'province' && s.coverage.code === '51'))
    const sharedValue = shared.reduce((s, x) => s + serviceValue(x.items), 0)
    expect(sharedValue).toBeGreaterThan(0)
    expect(sum('value') - province.indicators.value.value).toBe((cities.length - 1) * sharedValue)
    const ownValue = services.filter((s) => s.coverage.level === 'city' && s.coverage.code.startsWith('51')).reduce((s, x) => s + serviceValue(x.items), 0)
    expect(province.indicators.value.value).toBe(ownValue + sharedValue)
    expect(cities.find((r: { code: string }) => r.code === DEYANG).indicators.value.value).toBe(
      services.filter((s) => coversCity(s.coverage, DEYANG)).reduce((s, x) => s + serviceValue(x.items), 0),
    )
  })

  it('answers CSV with every indicator, and the same figures', async () => {
    const res = await get(`/v1/stats/index?${period}&format=csv`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(res.headers['content-disposition']).toContain(`onecity-index-city-${MONTH}-${MONTH}.csv`)
    const rows = parseCsv(res.body)
    expect(rows[0]).toContain('指数 % index_pct')
    const deyang = rows.find((r) => r[1] === DEYANG)!
    expect(deyang[2]).toBe('德阳')
    expect(rows.find((r) => r[1] === '510400')!.join(',')).toContain('<k')
    expect((await get(`/v1/stats/index?${period}`, analyst, { accept: 'text/csv' })).headers['content-type']).toContain('text/csv')
  })

  it('is gzipped for a client that accepts it (an analyst’s browser), with the same figures', async () => {
    const plain = await get(`/v1/stats/index?${period}`)
    const zipped = await get(`/v1/stats/index?${period}`, analyst, { 'accept-encoding': 'gzip, deflate, br' })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(zipped.headers).toMatchObject({ 'content-encoding': 'gzip', 'content-type': 'application/json; charset=utf-8', vary: expect.stringContaining('accept-encoding') })
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4)
    expect(JSON.parse(gunzipSync(zipped.rawPayload).toString('utf8'))).toEqual(plain.json())
  })

  it('is for analysts only', async () => {
    expect((await app.inject({ method: 'GET', url: '/v1/stats/index' })).statusCode).toBe(401)
    const operator = (await createToken(app.db, { role: 'operator' })).token
    expect((await get('/v1/stats/index', operator)).statusCode).toBe(403)
    expect((await get('/v1/stats/domains', operator)).statusCode).toBe(403)
  })

  it('refuses a bad period with a message', async () => {
    for (const q of ['from=2026-13', 'from=2026-05&to=2026-01', 'from=2020-01&to=2026-01', 'level=county', 'weights=abc', 'nonsense=1']) {
      const res = await get(`/v1/stats/index?${q}`)
      expect(res.statusCode, q).toBeGreaterThanOrEqual(400)
      expect(res.statusCode, q).toBeLessThan(500)
      expect(res.json().error.message, q).toBeTruthy()
    }
    expect((await get('/v1/stats/index?weights=999')).statusCode).toBe(404)
    // The scope of the activity endpoint: injection strings, odd Unicode and unknown forms are refused with a message.
    for (const scope of ["city:440300' OR '1'='1", 'city:４４０３００', 'all\u0000', 'domain:nowhere@440300', '']) {
      const res = await get(`/v1/stats/activity?scope=${encodeURIComponent(scope)}`)
      expect(res.statusCode, scope).toBeGreaterThanOrEqual(400)
      expect(res.statusCode, scope).toBeLessThan(500)
      expect(res.json().error.message, scope).toBeTruthy()
    }
  })
})

describe('expert weights and imported rankings', () => {
  it('an uploaded expert score table weights the index by the report’s formula', async () => {
    const csv = '专家,服务项目价值,服务质量星级,月活跃用户数,回流率,故障率,重点行业丰富度\n甲,1,1,5,1,1,1\n乙,1,1,5,1,1,1\n'
    const res = await upload('/v1/stats/weights?name=MAU为主', csv)
    expect(res.statusCode).toBe(201)
    const { id, weights } = res.json()
    expect(weights.mau).toBeCloseTo(10 / 20, 12)
    const weighted = (await get(`/v1/stats/index?${period}&weights=${id}`)).json()
    expect(weighted.weights).toMatchObject({ source: 'experts', id, experts: 2 })
    const deyang = weighted.rows.find((r: { code: string }) => r.code === DEYANG)
    // α over the indicators with data: value, stars, mau, richness scored 2, 2, 10, 2 of 16.
    expect(weighted.weights.applied.mau).toBeCloseTo(10 / 16, 12)
    const expected = 100 * Object.entries(deyang.indicators as Record<string, { share: number }>).reduce((s, [j, c]) => s + weighted.weights.applied[j] * c.share, 0)
    expect(deyang.index).toBeCloseTo(expected, 9)
    expect(weighted.rows.reduce((s: number, r: { index: number }) => s + r.index, 0)).toBeCloseTo(100, 9)
  })

  it('a bad score table is refused with what to fix, and nothing is stored', async () => {
    const before = (await get('/v1/stats/uploads')).json().uploads.length
    const res = await upload('/v1/stats/weights', '专家,服务项目价值,服务质量星级,月活跃用户数,回流率,故障率,重点行业丰富度\n甲,1,1,9,1,1,1\n')
    expect(res.statusCode).toBe(422)
    expect(res.json().error.message).toContain('1 到 5')
    expect((await upload('/v1/stats/weights', '')).statusCode).toBe(400)
    expect((await get('/v1/stats/uploads')).json().uploads.length).toBe(before)
  })

  it('imports the 2016 published top 100 and lists leapfrog cities against it', async () => {
    const csv = readFileSync('server/reference/internet-plus-2016-city-top100.csv', 'utf8')
    const res = await upload(`/v1/stats/rankings?name=${encodeURIComponent('2016互联网+指数')}`, csv)
    expect(res.statusCode).toBe(201)
    expect(res.json().rows).toBeGreaterThan(90)
    const leap = await get(`/v1/stats/leapfrog?${period}&ranking=${res.json().id}&minLead=5`)
    expect(leap.statusCode).toBe(200)
    const body = leap.json()
    expect(body.ranking).toMatchObject({ name: '2016互联网+指数', size: 100 })
    for (const r of body.rows) expect(r.theirRank - r.ourRank).toBe(r.lead)
    expect(body.rows.every((r: { lead: number }) => r.lead >= 5)).toBe(true)
    // 德阳 was 13th in 2016 and leads here (it has the most users).
    expect(body.rows.find((r: { code: string }) => r.code === DEYANG)).toMatchObject({ theirRank: 13, unrankedThere: false })
    // A city outside the imported top 100 counts as 101st there.
    for (const r of body.rows.filter((x: { unrankedThere: boolean }) => x.unrankedThere)) expect(r.theirRank).toBe(101)
    expect((await get(`/v1/stats/leapfrog?${period}&ranking=99999`)).statusCode).toBe(404)
  })
})

describe('names as reports write them (issue 19)', () => {
  const fixture = (name: string) => readFileSync(`tests/fixtures/rankings/${name}`, 'utf8')

  it('the 2016 top 100 as another report prints it (市 or not, a province in front, 屯昌县): 100 of 100 rows matched, none unmatched', async () => {
    const res = await upload('/v1/stats/rankings?name=as-printed', fixture('report-2016-top100-as-printed.csv'))
    expect(res.statusCode).toBe(201)
    const body = res.json()
    // 96 of our cities and the 4 Hainan counties GB/T 2260 has and the platform does not list as cities.
    expect(body.rows + body.unlisted.length).toBe(100)
    expect(body.rows).toBe(96)
    expect(body.unlisted.map((u: { fullName: string }) => u.fullName).sort()).toEqual(['临高县', '定安县', '屯昌县', '澄迈县'])
    expect(body.unmatched).toEqual([])
    expect(body.unknown).toEqual([])
  })

  it('another top-100 table with 甘孜州, 恩施州, 延边州, 大兴安岭地区, 锡林郭勒盟 … ranked by value: 100 of 100 rows are our cities', async () => {
    const res = await upload('/v1/stats/rankings?name=subindex', fixture('report-2016-subindex-top100.csv'))
    expect(res.statusCode).toBe(201)
    const body = res.json()
    expect(body).toMatchObject({ rows: 100, unmatched: [], unlisted: [], unknown: [] })
    const leap = (await get(`/v1/stats/leapfrog?${period}&ranking=${body.id}&minLead=1`)).json()
    expect(leap.ranking.size).toBe(100)
  })

  it('a name that matches nothing is listed with the closest of our cities; a file of nothing else is refused with them', async () => {
    const res = await upload('/v1/stats/rankings', 'rank,city\n1,深圳\n2,甘兹州\n3,大兴按岭地区\n4,不存在的地方')
    expect(res.statusCode).toBe(201)
    const { unmatched, rows } = res.json()
    expect(rows).toBe(1)
    expect(unmatched[0]).toMatchObject({ line: 3, written: '甘兹州' })
    expect(unmatched[0].suggestions[0]).toEqual({ code: '513300', name: '甘孜', fullName: '甘孜藏族自治州' })
    expect(unmatched[1].suggestions[0]).toMatchObject({ code: '232700', name: '大兴安岭' })
    expect(unmatched[2]).toEqual({ line: 5, written: '不存在的地方', suggestions: [] })
    // The list shows them too.
    const listed = (await get('/v1/stats/uploads')).json().uploads.find((u: { id: number }) => u.id === res.json().id)
    expect(listed.unmatched).toEqual(unmatched)

    const refused = await upload('/v1/stats/rankings', 'rank,city\n1,甘兹州\n2,恩旋州')
    expect(refused.statusCode).toBe(422)
    const details = refused.json().error.details.map((d: { message: string }) => d.message)
    expect(details[1]).toMatch(/^第 2 行「甘兹州」对不上本平台的城市，是否是：甘孜（甘孜藏族自治州，513300）/)
    expect(details[2]).toMatch(/「恩旋州」.*恩施（恩施土家族苗族自治州，422800）/)
  })

  it('an expert score table headed as reports write the indicators (月活, 星级, MAU …); a near miss is answered with the indicator meant', async () => {
    const ok = await upload('/v1/stats/weights', '专家,服务价值,星级,MAU,用户回流率,服务故障率,丰富度\n甲,1,2,3,4,5,5\n')
    expect(ok.statusCode).toBe(201)
    expect(ok.json().weights.mau).toBeCloseTo(3 / 20, 12)
    const near = await upload('/v1/stats/weights', '专家,服务项目价值,服务质量星级,月活跃用户,回流,故障率,重点行业丰富度\n甲,1,1,1,1,1,1\n')
    expect(near.statusCode).toBe(422)
    expect(near.json().error.message).toContain('「回流」不是指标名称，是否是「回流率」？')
  })
})

describe('activity and small cells', () => {
  it('a scope’s months: counts withheld below k, and returning/first withheld together so neither follows from the other', async () => {
    const deyang = (await get(`/v1/stats/activity?scope=city:${DEYANG}&${period}`)).json()
    // 42 actives: 42 first, 0 returning, 0 active before: nothing small.
    expect(deyang.rows).toEqual([{ month: MONTH, actives: 42, returning: 0, first: 42, returnRate: null, suppressed: false, flags: [] }])
    const panzhihua = (await get(`/v1/stats/activity?scope=city:510400&${period}`)).json()
    expect(panzhihua.rows).toEqual([{ month: MONTH, actives: null, returning: null, first: null, returnRate: null, suppressed: true, flags: [] }])
  })
})

describe('no small cell is published, directly or by subtraction', () => {
  it('攀枝花’s 5 users of 交管 are withheld, and no total minus published cells gives them back', async () => {
    expect((await get(`/v1/stats/activity?scope=${encodeURIComponent('domain:traffic@510400')}&${period}`)).json().rows[0]).toMatchObject({ actives: null, suppressed: true })
    const domains = (await get(`/v1/stats/domains?${period}`)).json()
    const traffic = domains.rows.find((r: { domain: string }) => r.domain === 'traffic')
    const cities = (await get(`/v1/stats/top-cities?${period}&domain=traffic&n=50`)).json().domains[0].cities
    // 30 + 20 published; the total is their sum, not 55: subtracting them leaves 0, not 攀枝花's 5.
    expect(cities.map((c: { code: string }) => c.code)).toEqual([DEYANG, CHENGDU])
    expect(traffic.mau - cities.reduce((s: number, c: { mau: number }) => s + c.mau, 0)).toBe(0)
    const types = (await get(`/v1/stats/types?${period}`)).json()
    expect(types.rows.find((r: { type: string }) => r.type === 'vehicle').users).toBe(50)
    // The index: every published MAU share adds up to 1 over published cities only (攀枝花 enters as 0).
    const index = (await get(`/v1/stats/index?${period}`)).json()
    const published = index.rows.filter((r: { indicators: { mau: { value: number | null } } }) => r.indicators.mau.value !== null)
    const total = published.reduce((s: number, r: { indicators: { mau: { value: number } } }) => s + r.indicators.mau.value, 0)
    for (const r of published) expect(r.indicators.mau.share).toBeCloseTo(r.indicators.mau.value / total, 12)
    // Nothing anywhere in the answers is a count from 1 to 9.
    for (const what of ['domains', 'types', 'top-cities', 'trends', 'local-national']) {
      const counts = JSON.stringify((await get(`/v1/stats/${what}?${period}`)).json()).match(/"(mau|users|actives|returning)":\d+(\.\d+)?/g) ?? []
      for (const c of counts) expect(Number(c.split(':')[1]), `${what} ${c}`).not.toSatisfy((n: number) => n > 0 && n < 10)
    }
  })
})

describe('the report’s analyses', () => {
  it('domains by MAU with the quadrant, types, local vs national, top cities, trends', async () => {
    const domains = (await get(`/v1/stats/domains?${period}`)).json()
    const traffic = domains.rows.find((r: { domain: string }) => r.domain === 'traffic')
    expect(traffic).toMatchObject({ label: '交管', mau: 50, cities: 2 })
    expect(domains.rows[0].domain).toBe('traffic')
    expect(domains.rows.find((r: { domain: string }) => r.domain === 'weather')).toMatchObject({ mau: 12, cities: 1 })
    const types = (await get(`/v1/stats/types?${period}`)).json()
    expect(types.rows.find((r: { type: string }) => r.type === 'vehicle')).toMatchObject({ users: 50, share: 50 / 62 })
    const top = (await get(`/v1/stats/top-cities?${period}&domain=traffic`)).json()
    expect(top.domains[0].cities.map((c: { name: string; mau: number }) => [c.name, c.mau])).toEqual([['德阳', 30], ['成都', 20]])
    expect((await get(`/v1/stats/top-cities?${period}&domain=nowhere`)).statusCode).toBe(404)
    const trends = (await get(`/v1/stats/trends?${period}`)).json()
    expect(trends.rows).toEqual([expect.objectContaining({ month: MONTH, actives: 67, domains: { traffic: 50, weather: 12 } })])
    expect((await get(`/v1/stats/local-national?${period}`)).statusCode).toBe(200)
    for (const what of ['domains', 'types', 'local-national', 'top-cities', 'trends']) {
      const csv = await get(`/v1/stats/${what}?${period}&format=csv`)
      expect(csv.headers['content-type'], what).toBe('text/csv; charset=utf-8')
      expect(parseCsv(csv.body).length, what).toBeGreaterThan(1)
    }
  })
})
