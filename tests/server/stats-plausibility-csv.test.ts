import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { overviewView } from '../../server/console/analyst-overview'
import { rankingState, rankingView } from '../../server/console/analyst-ranking'
import type { Db } from '../../server/db/db'
import { createToken } from '../../server/modules/auth/service'
import type { ActivityAnswer, IndexAnswerT } from '../../src/api/stats'
import type { Static } from 'typebox'
import { addMonths } from '../../src/domain/calendar-months'
import { chinaToday } from '../../src/domain/china-time'
import { parseCsv } from '../../src/domain/csv'
import { testApp } from './test-app'

// Issue 19 items 3 and 4: a forged month is flagged and never above 100 %; CSV for people.
let app: FastifyInstance & { db: Db }
let analyst: string
const MONTH = chinaToday().slice(0, 7)
const LAST = addMonths(MONTH, -1)
const period = `from=${LAST}&to=${MONTH}`
const FORGED = '510600' // 德阳: 12 users last month, 40 "returning" this month
const HONEST = '510100' // 成都: 20 users last month, 15 of them back this month

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${analyst}`, ...headers } })

/** People's phones (or a forger) reporting through the real endpoint: one batch each. */
async function report(people: number, month: string, scopes: string[], returning: boolean) {
  for (let i = 0; i < people; i++) {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/usage',
      payload: { v: 1, batch: randomBytes(16).toString('base64url'), actives: scopes.map((scope) => ({ scope, month, returning, first: !returning })) },
    })
    expect(res.statusCode).toBe(200)
  }
}

beforeAll(async () => {
  app = await testApp()
  analyst = (await createToken(app.db, { role: 'analyst' })).token
  const [{ id: service } = { id: '' }] = await app.db.query<{ id: string }>(
    `SELECT id FROM services WHERE status = 'listed' AND coverage_level = 'national' AND contract NOT IN ('identity@1', 'payment@1') ORDER BY id LIMIT 1`,
  )
  const scopes = (city: string) => ['all', 'prov:51', `city:${city}`, `domain:traffic@${city}`, `type:vehicle@${city}`, `svc:${service}@${city}`]
  await report(12, LAST, scopes(FORGED), false)
  await report(20, LAST, scopes(HONEST), false)
  // 40 records claiming to be back from last month, where only 12 people were: forged.
  await report(40, MONTH, scopes(FORGED), true)
  await report(15, MONTH, scopes(HONEST), true)
  await report(10, MONTH, scopes(HONEST), false)
})
afterAll(() => app.close())

describe('a month whose returning count exceeds last month’s users (issue 19, item 3)', () => {
  it('activity: the month is flagged with the reason and has no return rate; the honest city’s month is not', async () => {
    const forged = (await get(`/v1/stats/activity?scope=city:${FORGED}&${period}`)).json()
    const month = forged.rows.find((r: { month: string }) => r.month === MONTH)
    expect(month).toMatchObject({ actives: 40, returning: 40, returnRate: null })
    expect(month.flags).toEqual([{ month: MONTH, code: 'RETURNING_EXCEEDS_LAST_MONTH', reason: expect.stringContaining('回流人数多于上月活跃人数') }])
    expect(forged.rows.find((r: { month: string }) => r.month === LAST).flags).toEqual([])
    const honest = (await get(`/v1/stats/activity?scope=city:${HONEST}&${period}`)).json()
    expect(honest.rows.find((r: { month: string }) => r.month === MONTH)).toMatchObject({ returnRate: 15 / 20, flags: [] })
  })

  it('index: the city carries the flag, its return rate is not published above 100 %, nobody’s is', async () => {
    const index = (await get(`/v1/stats/index?${period}`)).json()
    const forged = index.rows.find((r: { code: string }) => r.code === FORGED)
    expect(forged.flags).toEqual([expect.objectContaining({ month: MONTH, code: 'RETURNING_EXCEEDS_LAST_MONTH' })])
    // Its only month with a month before is withheld: no return rate, and no credit in the shares.
    expect(forged.indicators.returnRate).toMatchObject({ value: null, share: 0 })
    const honest = index.rows.find((r: { code: string }) => r.code === HONEST)
    expect(honest.indicators.returnRate.value).toBeCloseTo(0.75, 12)
    expect(honest.flags).toEqual([])
    for (const r of index.rows) expect(r.indicators.returnRate.value ?? 0).toBeLessThanOrEqual(1)
    // The province's own scope (prov:51) got 40 + 15 returning against 32 last month: flagged too.
    const province = (await get(`/v1/stats/index?${period}&level=province`)).json().rows.find((r: { code: string }) => r.code === '51')
    expect(province.flags).toHaveLength(1)
  })

  it('trends and the domain and type rates: the national month is flagged; the forged city is left out of pooled rates', async () => {
    const trends = (await get(`/v1/stats/trends?${period}`)).json()
    const month = trends.rows.find((r: { month: string }) => r.month === MONTH)
    expect(month.returnRate).toBeNull()
    expect(month.flags[0].code).toBe('RETURNING_EXCEEDS_LAST_MONTH')
    const traffic = (await get(`/v1/stats/domains?${period}`)).json().rows.find((r: { domain: string }) => r.domain === 'traffic')
    // 成都 alone: 15 / 20. With 德阳 pooled in it would be 55 / 32 = 172 %.
    expect(traffic.returnRate).toBeCloseTo(0.75, 12)
    const vehicle = (await get(`/v1/stats/types?${period}`)).json().rows.find((r: { type: string }) => r.type === 'vehicle')
    expect(vehicle.returnRate).toBeCloseTo(0.75, 12)
  })

  it('CSV: the rate cell is empty and the note says why; no rate above 100', async () => {
    const activity = parseCsv((await get(`/v1/stats/activity?scope=city:${FORGED}&${period}&format=csv`)).body)
    const col = (name: string) => activity[0]!.indexOf(name)
    const row = activity.find((r) => r[0] === MONTH)!
    expect(row[col('回流率 % return_rate_pct')]).toBe('')
    expect(row[col('存疑说明 plausibility_note')]).toContain('回流人数多于上月活跃人数')
    const index = parseCsv((await get(`/v1/stats/index?${period}&format=csv`)).body)
    const rateCol = index[0]!.indexOf('回流率 % return_rate_pct')
    expect(index.find((r) => r[1] === FORGED)![index[0]!.indexOf('存疑说明 plausibility_note')]).toContain(MONTH)
    for (const r of index.slice(1)) if (/^\d/.test(r[rateCol]!)) expect(Number(r[rateCol])).toBeLessThanOrEqual(100)
    const trends = parseCsv((await get(`/v1/stats/trends?${period}&format=csv`)).body)
    expect(trends.find((r) => r[0] === MONTH)!.at(-1)).toContain('回流人数多于上月活跃人数')
  })

  it('console: the overview and the ranking say 存疑 with the reason', async () => {
    const activity: Static<typeof ActivityAnswer> = (await get(`/v1/stats/activity?scope=all&${period}`)).json()
    const index: IndexAnswerT = (await get(`/v1/stats/index?${period}`)).json()
    const overview = overviewView(activity, index).value
    expect(overview).toContain('存疑，不公布')
    expect(overview).toContain('回流人数多于上月活跃人数')
    expect(overview).toContain('以下月份的回流率存疑，未公布也未计入均值')
    const ranking = rankingView(index, [], rankingState({ q: '德阳' })).value
    expect(ranking).toContain('1 个月存疑未计入')
    expect(ranking).toMatch(/回流率存疑：回流人数多于上月活跃人数.*<li>德阳：\d{4}-\d{2}<\/li>/s)
  })
})

describe('CSV for people (issue 19, item 4)', () => {
  const COUNT = /^(actives|returning|first|mau|users|users_.+|value|services|cities|rank|.+_rank|lead|users_per_service|quadrant)$/
  const PERCENT_2 = /^.+_pct$/
  const POINTS_4 = /^(index_pct|(value|stars|mau|return_rate|failure_rate|richness)_share_pct)$/

  it('every stats endpoint’s CSV: distinct column names in Chinese and in English; counts whole, rates and shares to the stated decimals', async () => {
    const ranking = await app.inject({
      method: 'POST',
      url: '/v1/stats/rankings',
      headers: { authorization: `Bearer ${analyst}`, 'content-type': 'text/csv' },
      payload: readFileSync('tests/fixtures/rankings/report-2016-top100-as-printed.csv', 'utf8'),
    })
    const urls = [
      `activity?scope=all&${period}`,
      `index?${period}`,
      `index?${period}&level=province`,
      `domains?${period}`,
      `types?${period}`,
      `local-national?${period}`,
      `top-cities?${period}`,
      `trends?${period}`,
      `leapfrog?${period}&ranking=${ranking.json().id}&minLead=1`,
    ]
    for (const url of urls) {
      const res = await get(`/v1/stats/${url}&format=csv`)
      expect(res.headers['content-type'], url).toBe('text/csv; charset=utf-8')
      const [header, ...rows] = parseCsv(res.body)
      expect(rows.length, url).toBeGreaterThan(0)
      // "中文 english": the English key is the last word, the Chinese name what comes before it.
      const english = header!.map((h) => h.split(' ').at(-1)!)
      const chinese = header!.map((h) => h.slice(0, h.lastIndexOf(' ')).replace(/ %$/, ''))
      expect(new Set(header).size, `${url}: ${header!.join(' | ')}`).toBe(header!.length)
      expect(new Set(english).size, `${url}: ${english.join(' | ')}`).toBe(english.length)
      expect(new Set(chinese).size, `${url}: ${chinese.join(' | ')}`).toBe(chinese.length)
      for (const [i, key] of english.entries()) {
        expect(chinese[i], `${url} ${key}`).toMatch(/\p{Script=Han}/u)
        expect(key, url).toMatch(/^[a-z][a-z0-9_]*$/)
        for (const row of rows) {
          const v = row[i] ?? ''
          if (v === '' || v === '<k') continue
          if (POINTS_4.test(key)) expect(v, `${url} ${key}`).toMatch(/^\d+\.\d{4}$/)
          else if (PERCENT_2.test(key)) expect(v, `${url} ${key}`).toMatch(/^\d+\.\d{2}$/)
          else if (COUNT.test(key)) expect(v, `${url} ${key}`).toMatch(/^\d+$/)
        }
      }
    }
  })

  it('a MAU that is a mean over months is a whole number in CSV and keeps its fraction in JSON', async () => {
    // The type's users over three months: (0 + 12 + 20 + 40 + 25) / 3 = 97 / 3.
    const three = `from=${addMonths(MONTH, -2)}&to=${MONTH}`
    const json = (await get(`/v1/stats/types?${three}`)).json().rows.find((r: { type: string }) => r.type === 'vehicle')
    expect(json.users).toBeCloseTo(97 / 3, 12)
    const csv = parseCsv((await get(`/v1/stats/types?${three}&format=csv`)).body)
    expect(csv.find((r) => r[0] === 'vehicle')![2]).toBe('32')
    expect(csv[0]).toContain('用户占比 % share_pct')
    expect(csv.find((r) => r[0] === 'vehicle')![3]).toBe('100.00')
  })
})
